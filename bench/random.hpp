// The small deterministic generator (xorshift64) of the benchmark corpus
// writers: the same seed always gives the same corpus.
#pragma once

#include <cstddef>
#include <cstdint>

namespace contra::bench {

struct Random {
    std::uint64_t state;
    std::uint64_t next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    template <class T, std::size_t N>
    const T& pick(const T (&items)[N])
    {
        return items[below(static_cast<int>(N))];
    }
};

}  // namespace contra::bench
