// Edge coverage for libFuzzer from g++'s -fsanitize-coverage=trace-pc.
//
// contra is C++23 and needs std::expected, which Debian 12's clang 14 cannot
// compile against libstdc++ 12 (it lacks P0848, conditionally trivial special
// members). So the fuzz build compiles everything with g++, which offers
// trace-pc and trace-cmp but not libFuzzer's inline 8-bit counters. This
// shim turns trace-pc calls into those counters: each call hashes the caller's
// address with the previous block's (AFL-style edges) into a 64 Ki table that
// libFuzzer registers as an inline-8bit-counters module. The comparison hooks
// (trace-cmp) go straight to libFuzzer, which defines them.
#include <cstddef>
#include <cstdint>

extern "C" void __sanitizer_cov_8bit_counters_init(std::uint8_t* start, std::uint8_t* stop);

namespace {

constexpr std::size_t k_counters = std::size_t{1} << 16;
alignas(64) std::uint8_t g_counters[k_counters];
thread_local std::uintptr_t g_previous = 0;

struct Register {
    Register() { __sanitizer_cov_8bit_counters_init(g_counters, g_counters + k_counters); }
} g_register;

}  // namespace

// libFuzzer's own definition (which only says trace-pc is unsupported) is
// made weak in the copy of its archive the build links (tests/fuzz/CMakeLists.txt).
extern "C" __attribute__((no_sanitize("address", "undefined"))) void __sanitizer_cov_trace_pc()
{
    const auto pc = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    const std::uintptr_t hash = (pc ^ (pc >> 17)) * 0x9E3779B97F4A7C15ull;
    const std::size_t block = (hash >> 40) & (k_counters - 1);
    ++g_counters[block ^ g_previous];
    g_previous = block >> 1;
}

// g++ also reports float and double comparisons, which libFuzzer has no hooks
// for: they are ignored.
extern "C" void __sanitizer_cov_trace_cmpf(float, float) {}
extern "C" void __sanitizer_cov_trace_cmpd(double, double) {}
