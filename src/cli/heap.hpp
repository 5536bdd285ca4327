// The heap of a command that allocates a great deal in a short time.
#pragma once

#include <cstddef>

namespace contra::cli {

// Makes the next `bytes` of the heap come in huge pages (2 MiB) where the
// kernel has them, for every thread of the process. A command that fills
// tens of megabytes with small objects otherwise takes a page fault for each
// 4 KiB it touches first, and on a virtual machine those faults can cost as
// much as the work itself. Call it before the worker threads start: with
// Arenas::one they allocate from the main heap from then on (one malloc
// arena); with Arenas::per_thread they keep arenas of their own (in 4 KiB
// pages), for threads that allocate so much at once that sharing one
// arena's lock would cost more than the faults. Does nothing where glibc's
// malloc or transparent huge pages are not available.
enum class Arenas { one, per_thread };
void back_heap_with_huge_pages(std::size_t bytes, Arenas arenas = Arenas::one);

}  // namespace contra::cli
