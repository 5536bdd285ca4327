// The heap in huge pages (src/util/heap.cpp): checked where the kernel says
// it, in the VmFlags of /proc/self/smaps ("hg": marked MADV_HUGEPAGE).
#include "util/heap.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Mapping {
    std::uintptr_t begin = 0;
    std::string flags;  // VmFlags, with a space after each
};

// The mapping that holds `address`; flags empty when none does.
Mapping mapping_of(const void* address)
{
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    std::ifstream smaps("/proc/self/smaps");
    std::uintptr_t inside = 0;
    for (std::string line; std::getline(smaps, line);) {
        std::uintptr_t begin = 0;
        std::uintptr_t end = 0;
        char dash = 0;
        if (std::istringstream range(line); range >> std::hex >> begin >> dash >> end && dash == '-') {
            inside = begin <= at && at < end ? begin : 0;
        } else if (inside != 0 && line.starts_with("VmFlags:")) {
            return Mapping{inside, line.substr(8) + " "};
        }
    }
    return {};
}

bool marked_huge(const Mapping& mapping)
{
    return mapping.flags.find(" hg ") != std::string::npos;
}

}  // namespace

TEST_CASE("after back_heap_with_huge_pages, the main heap and each worker's own arena are in huge pages")
{
#if defined(__SANITIZE_ADDRESS__)
    WARN("AddressSanitizer's allocator replaces glibc's heap and arenas: nothing to check");
    return;
#endif
    static const int somewhere = 0;
    if (mapping_of(&somewhere).flags.empty()) {
        WARN("no /proc/self/smaps here: nothing to check");
        return;
    }
    contra::detail::back_heap_with_huge_pages(std::size_t{64} << 20);
    // The heap's first bytes may lie before its first whole huge page: a
    // block's last byte is where it grew.
    constexpr std::size_t k_block = std::size_t{4} << 20;
    std::vector<char> main_block(k_block);
    const Mapping main_heap = mapping_of(&main_block.back());
    CHECK(marked_huge(main_heap));

    Mapping arena;
    std::thread worker([&] {
        contra::detail::back_thread_heap_with_huge_pages();
        std::vector<char> block(k_block);
        arena = mapping_of(&block.back());
    });
    worker.join();
    CHECK(arena.begin != main_heap.begin);  // an arena of its own, not the main heap
    CHECK(marked_huge(arena));
}
