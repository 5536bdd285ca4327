# Thin wrapper over CMake: `make demo` and `make test` set everything up.
BUILD ?= build
JOBS  ?= $(shell nproc)
# Tests and the demo build without optimisation (quick to compile on 2 cores);
# benchmarks build optimised, in their own folder.
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Debug
BENCH_BUILD ?= build-release

.PHONY: all deps configure build demo test test-sanitize fuzz bench clean

# Sanitizers and fuzzing (docs/hardening.md), each in its own build folder.
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
# ctest arguments for the sanitizer suite, e.g. SANITIZE_CTEST_ARGS='-L fast'.
SANITIZE_CTEST_ARGS ?=

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)/contra

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer; any
# report fails the test that triggered it. Built without optimisation: at -O1
# each file took more than twice as long to compile under the sanitizers, and
# the build, not the tests, is what costs CI its time.
test-sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCONTRA_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) $(SANITIZE_CTEST_ARGS)

# Every fuzz target for FUZZ_SECONDS seconds, two at a time.
fuzz:
	@scripts/install-deps fuzz
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCONTRA_FUZZ=ON \
	  -DBUILD_TESTING=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: deps
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BENCH_BUILD) -j $(JOBS) --target contra contra-bench-generate
	BUILD=$(BENCH_BUILD) bench/run

clean:
	rm -rf $(BUILD)
