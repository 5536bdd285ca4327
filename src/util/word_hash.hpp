// A hash for the short words of in-memory look-up tables (lexicon words,
// number words, source names). It reads eight bytes at a time and mixes them
// with one multiplication, which on words a few bytes long costs less than
// std::hash. Transparent, so a table keyed by std::string is searched with a
// std::string_view without a copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace contra::detail {

struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const
    {
        constexpr std::uint64_t k_mix = 0xFF51AFD7ED558CCDULL;
        std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ word.size();
        const char* bytes = word.data();
        std::size_t left = word.size();
        for (; left >= 8; bytes += 8, left -= 8) {
            std::uint64_t chunk = 0;
            std::memcpy(&chunk, bytes, 8);
            hash = (hash ^ chunk) * k_mix;
            hash ^= hash >> 29;
        }
        // The last 0 to 7 bytes without a loop: two 4-byte reads that may
        // overlap, or for 1 to 3 bytes the first, middle and last byte. Every
        // byte is read; the length, mixed in above, tells the shapes apart.
        std::uint64_t tail = 0;
        if (left >= 4) {
            std::uint32_t head = 0;
            std::uint32_t last = 0;
            std::memcpy(&head, bytes, 4);
            std::memcpy(&last, bytes + left - 4, 4);
            tail = std::uint64_t{head} | std::uint64_t{last} << 32;
        } else if (left > 0) {
            tail = std::uint64_t{static_cast<unsigned char>(bytes[0])} |
                   std::uint64_t{static_cast<unsigned char>(bytes[left / 2])} << 8 |
                   std::uint64_t{static_cast<unsigned char>(bytes[left - 1])} << 16;
        }
        hash = (hash ^ tail) * k_mix;
        return static_cast<std::size_t>(hash ^ (hash >> 32));
    }
};

}  // namespace contra::detail
