#include "util/heap.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <mutex>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace contra::detail {

// AddressSanitizer brings an allocator of its own, without glibc's heap and
// arenas: none of this applies to it.
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE) && !defined(__SANITIZE_ADDRESS__)

namespace {

constexpr std::uintptr_t k_huge_page = std::uintptr_t{2} << 20;
// glibc's malloc gives every thread that allocates an arena of its own (up
// to eight per processor), carved from one heap mapping of this size (its
// HEAP_MAX_SIZE on 64-bit systems), aligned to its size.
constexpr std::uintptr_t k_arena_heap = std::uintptr_t{64} << 20;

// Whether the main heap was backed, and where it ended then.
std::atomic<bool> backed{false};
std::uintptr_t main_end = 0;

// The arenas whose first huge page was skipped, each with the block that
// holds it: kept for the life of the process, so that a thread given the
// arena later does not allocate there either (and, held here, no leak).
struct Skipped {
    std::uintptr_t heap = 0;
    void* block = nullptr;
};
std::mutex skipped_lock;
std::array<Skipped, 64> skipped;
std::size_t skipped_count = 0;

}  // namespace

void back_heap_with_huge_pages(std::size_t bytes)
{
    constexpr std::size_t k_most = INT_MAX & ~(k_huge_page - 1);  // mallopt takes an int
    bytes = bytes < k_most ? bytes : k_most;
    // Blocks of up to 32 MiB come from the heap too (not from mmap, page
    // by page), and freed memory stays for reuse.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(k_most));
    // The heap grows by `bytes` at once the next time it grows (a block
    // larger than what it has left makes it grow now), and the whole huge
    // pages of that growth are marked for transparent huge pages. They are
    // only reserved: a page takes memory when something is first written in
    // it. A padding larger than an arena's heap also makes every new
    // thread's arena writable whole from the start.
    mallopt(M_TOP_PAD, static_cast<int>(bytes));
    const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
    void* volatile grow = std::malloc(std::size_t{16} << 20);  // volatile: the pair must not be optimised away
    std::free(grow);
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t begin = (before + k_huge_page - 1) & ~(k_huge_page - 1);
    if (begin < end) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // a hint: failure is fine
    main_end = end;
    backed.store(true, std::memory_order_release);
}

void back_thread_heap_with_huge_pages()
{
    if (!backed.load(std::memory_order_acquire)) return;
    // The first allocation gives the thread its arena (or one a finished
    // thread left), and shows where its heap lies.
    void* probe = std::malloc(1);
    const auto at = reinterpret_cast<std::uintptr_t>(probe);
    std::free(probe);
    // No arena of its own (all are taken): the main heap, backed already.
    // It grows up from the program's data (brk), below the mappings that
    // hold the arenas in the usual layout (in another, this only skips the
    // advice).
    if (at < main_end) return;
    const std::uintptr_t heap = at & ~(k_arena_heap - 1);
    if (madvise(reinterpret_cast<void*>(heap), k_arena_heap, MADV_HUGEPAGE) != 0) return;  // a hint: failure is fine
    // The range of the arena's first huge page was mapped in 4 KiB pages
    // before the advice, and stays so: the thread skips the rest of it with
    // one block that is never written, and allocates from the next huge
    // page on.
    if (at < heap + k_huge_page) {
        const std::scoped_lock lock(skipped_lock);
        const auto end = skipped.begin() + static_cast<std::ptrdiff_t>(skipped_count);
        const bool done = std::find_if(skipped.begin(), end, [&](const Skipped& s) { return s.heap == heap; }) != end;
        if (!done && skipped_count < skipped.size()) skipped[skipped_count++] = {heap, std::malloc(heap + k_huge_page - at)};
    }
}

#else

void back_heap_with_huge_pages(std::size_t) {}
void back_thread_heap_with_huge_pages() {}

#endif

}  // namespace contra::detail
