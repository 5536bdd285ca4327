// Folded words numbered in the order they were added, found through an
// open-addressing table over a power-of-two array: a look-up is one hash, a
// mask and mostly one comparison, with no division and no chain of nodes.
// The lexicons' word sets and the phrase table's first words are built once
// and then searched for every token of every sentence.
#pragma once

#include "util/word_hash.hpp"

#include <cstdint>
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
            if (m_words[entry - 1] == word) return entry - 1;
        }
    }
    [[nodiscard]] bool contains(std::string_view word) const { return find(word) != k_none; }

    [[nodiscard]] std::size_t size() const { return m_words.size(); }
    [[nodiscard]] auto begin() const { return m_words.begin(); }
    [[nodiscard]] auto end() const { return m_words.end(); }

private:
    void rehash(std::size_t slots);

    std::vector<std::string> m_words;
    std::vector<std::uint32_t> m_slots;  // word number + 1; 0 is an empty slot
};

}  // namespace contra::detail::extraction
