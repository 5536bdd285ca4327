// The heap of a command that allocates a great deal in a short time.
#pragma once

#include <cstddef>

namespace contra::detail {

// Makes the next `bytes` of the main heap come in huge pages (2 MiB) where
// the kernel has them, and lets back_thread_heap_with_huge_pages do the
// same for the threads the command starts. A command that fills tens of
// megabytes with small objects otherwise takes a page fault for each 4 KiB
// it touches first, and on a virtual machine those faults can cost as much
// as the work itself. Does nothing where glibc's malloc or transparent huge
// pages are not available, nor under AddressSanitizer (its own allocator).
void back_heap_with_huge_pages(std::size_t bytes);

// Called first thing in a thread the library starts: after
// back_heap_with_huge_pages, the thread's own malloc arena comes in huge
// pages too; otherwise it does nothing. Each thread keeps an arena of its
// own, so threads never wait for one another's allocations.
void back_thread_heap_with_huge_pages();

}  // namespace contra::detail
