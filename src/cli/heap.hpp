// The heap of a command that allocates a great deal in a short time.
#pragma once

#include <cstddef>

namespace contra::cli {

// Makes the next `bytes` of the main heap come in huge pages (2 MiB) where
// the kernel has them. A command that fills
// tens of megabytes with small objects otherwise takes a page fault for each
// 4 KiB it touches first, and on a virtual machine those faults can cost as
// much as the work itself. Only the main heap is backed so: threads other
// than the main one keep malloc arenas of their own, in 4 KiB pages. Does
// nothing where glibc's malloc or transparent huge pages are not available.
void back_heap_with_huge_pages(std::size_t bytes);

}  // namespace contra::cli
