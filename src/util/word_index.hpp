// Words (folded, or lower-cased) numbered in the order they were added,
// found through an open-addressing table over a power-of-two array: a
// look-up is one hash, a mask and mostly one comparison, with no division
// and no chain of nodes.
// The extraction lexicons' vocabulary and the quantity parser's number
// words are built once and then searched for every token of every sentence.
#pragma once

#include "util/word_hash.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

class WordIndex {
public:
    static constexpr std::uint32_t k_none = UINT32_MAX;

    // The number of `word`, added when new.
    std::uint32_t insert(std::string_view word);
    // The number of `word`, or k_none. Inline: it runs for nearly every token.
    [[nodiscard]] std::uint32_t find(std::string_view word) const
    {
        if (m_slots.empty()) return k_none;
        const std::size_t mask = m_slots.size() - 1;
        const std::uint64_t head = head_of(word);
        for (std::size_t slot = WordHash{}(word) & mask;; slot = (slot + 1) & mask) {
            const Slot& entry = m_slots[slot];
            if (entry.number == 0) return k_none;
            if (entry.head == head && entry.size == word.size() && same_tail(m_words[entry.number - 1], word)) {
                return entry.number - 1;
            }
        }
    }
    [[nodiscard]] bool contains(std::string_view word) const { return find(word) != k_none; }

    [[nodiscard]] std::size_t size() const { return m_words.size(); }
    [[nodiscard]] auto begin() const { return m_words.begin(); }
    [[nodiscard]] auto end() const { return m_words.end(); }

private:
    // A slot holds a word's first eight bytes and its length, so that most
    // look-ups (short words, and words that are not there) end in the slot
    // without reading the word list: reading it stalled on memory.
    struct Slot {
        std::uint64_t head = 0;
        std::uint32_t number = 0;  // word number + 1; 0 is an empty slot
        std::uint32_t size = 0;
    };

    // The word's first eight bytes, zero-padded, without a loop: for 4 to 7
    // bytes two 4-byte reads that may overlap, the second shifted to where
    // its bytes belong (the overlapping bytes are the same, so OR is exact).
    static std::uint64_t head_of(std::string_view word)
    {
        static_assert(std::endian::native == std::endian::little, "head_of places bytes little-endian");
        const std::size_t n = word.size();
        std::uint64_t head = 0;
        if (n >= 8) {
            std::memcpy(&head, word.data(), 8);
        } else if (n >= 4) {
            std::uint32_t first = 0;
            std::uint32_t last = 0;
            std::memcpy(&first, word.data(), 4);
            std::memcpy(&last, word.data() + n - 4, 4);
            head = std::uint64_t{first} | std::uint64_t{last} << (8 * (n - 4));
        } else {
            for (std::size_t k = 0; k < n; ++k) head |= std::uint64_t{static_cast<unsigned char>(word[k])} << (8 * k);
        }
        return head;
    }
    // Past the head, for a word of the same length and head.
    static bool same_tail(std::string_view a, std::string_view b)
    {
        return b.size() <= 8 || std::memcmp(a.data() + 8, b.data() + 8, b.size() - 8) == 0;
    }

    void rehash(std::size_t slots);
    void place(std::uint32_t number);

    std::vector<std::string> m_words;
    std::vector<Slot> m_slots;
};

}  // namespace contra::detail
