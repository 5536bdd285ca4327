#include "cli/heap.hpp"

#include <climits>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace contra::cli {

void back_heap_with_huge_pages(std::size_t bytes)
{
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t k_huge_page = std::uintptr_t{2} << 20;
    constexpr std::size_t k_most = INT_MAX & ~(k_huge_page - 1);  // mallopt takes an int
    bytes = bytes < k_most ? bytes : k_most;
    // Blocks of up to 32 MiB come from the heap too (not from mmap, page
    // by page), and freed memory stays for reuse. Worker threads keep
    // malloc arenas of their own: on two busy cores, one shared arena's
    // lock cost more than the faults saved (checking 100 drafts took 1.4
    // times the processor time, importing 1,000,000 claims 3.5 s more).
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(k_most));
    // The heap grows by `bytes` at once the next time it grows (a block
    // larger than what it has left makes it grow now), and the whole huge
    // pages of that growth are marked for transparent huge pages. They are
    // only reserved: a page takes memory when something is first written in it.
    mallopt(M_TOP_PAD, static_cast<int>(bytes));
    const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
    void* volatile grow = std::malloc(std::size_t{16} << 20);  // volatile: the pair must not be optimised away
    std::free(grow);
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t begin = (before + k_huge_page - 1) & ~(k_huge_page - 1);
    if (begin < end) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // a hint: failure is fine
#else
    (void)bytes;
#endif
}

}  // namespace contra::cli
