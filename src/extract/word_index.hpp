// Folded words numbered in the order they were added, found through an
// open-addressing table over a power-of-two array: a look-up is one hash, a
// mask and mostly one comparison, with no division and no chain of nodes.
// The lexicons' word sets and the phrase table's first words are built once
// and then searched for every token of every sentence.
#pragma once

#include "util/word_hash.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail::extraction {

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
        for (std::size_t slot = WordHash{}(word) & mask;; slot = (slot + 1) & mask) {
            const std::uint32_t entry = m_slots[slot];
            if (entry == 0) return k_none;
            if (same_word(m_words[entry - 1], word)) return entry - 1;
        }
    }
    [[nodiscard]] bool contains(std::string_view word) const { return find(word) != k_none; }

    [[nodiscard]] std::size_t size() const { return m_words.size(); }
    [[nodiscard]] auto begin() const { return m_words.begin(); }
    [[nodiscard]] auto end() const { return m_words.end(); }

private:
    // a == b, without a call to memcmp for the short words most are: two
    // 4-byte reads that may overlap, or up to three single bytes.
    static bool same_word(std::string_view a, std::string_view b)
    {
        const std::size_t n = a.size();
        if (n != b.size()) return false;
        if (n >= 8) return std::memcmp(a.data(), b.data(), n) == 0;
        if (n >= 4) {
            std::uint32_t a_head = 0, a_last = 0, b_head = 0, b_last = 0;
            std::memcpy(&a_head, a.data(), 4);
            std::memcpy(&b_head, b.data(), 4);
            std::memcpy(&a_last, a.data() + n - 4, 4);
            std::memcpy(&b_last, b.data() + n - 4, 4);
            return a_head == b_head && a_last == b_last;
        }
        for (std::size_t k = 0; k < n; ++k) {
            if (a[k] != b[k]) return false;
        }
        return true;
    }

    void rehash(std::size_t slots);

    std::vector<std::string> m_words;
    std::vector<std::uint32_t> m_slots;  // word number + 1; 0 is an empty slot
};

}  // namespace contra::detail::extraction
