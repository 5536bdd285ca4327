// Drafts are independent: reading them and checking them runs on a few
// worker threads, each taking the next draft until none is left. Results go
// into slots by draft index, so the caller keeps the input order.
#pragma once

#include "util/heap.hpp"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <utility>
#include <vector>

namespace contra::detail {

// How many threads work on `count` drafts: one per processor, at most one per
// draft, at least one.
[[nodiscard]] inline std::size_t worker_count(std::size_t count)
{
    const std::size_t cores = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    return std::max<std::size_t>(1, std::min(cores, count));
}

// Calls body(worker, i) once for every i in [0, count) on `workers` threads;
// the calling thread is worker 0, and it first calls `first()` while the
// other workers already take items: work of its own (reading the store) that
// the items overlap. Workers take indices in increasing order. Neither
// `first` nor `body` may throw: they report failure through result slots.
template <class First, class Body>
void parallel_for_after(std::size_t count, std::size_t workers, First&& first, Body&& body)
{
    if (workers <= 1 || count <= 1) {
        first();
        for (std::size_t i = 0; i < count; ++i) body(std::size_t{0}, i);
        return;
    }
    std::atomic<std::size_t> next{0};
    const auto work = [&](std::size_t worker) {
        if (worker > 0) back_thread_heap_with_huge_pages();
        for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) body(worker, i);
    };
    std::vector<std::jthread> threads;
    threads.reserve(workers - 1);
    for (std::size_t worker = 1; worker < workers; ++worker) threads.emplace_back(work, worker);
    first();
    work(0);
}

// parallel_for_after with nothing first.
template <class Body>
void parallel_for(std::size_t count, std::size_t workers, Body&& body)
{
    parallel_for_after(count, workers, [] {}, std::forward<Body>(body));
}

}  // namespace contra::detail
