#include "util/word_index.hpp"

namespace contra::detail {

std::uint32_t WordIndex::insert(std::string_view word)
{
    if (const std::uint32_t known = find(word); known != k_none) return known;
    // At most half full, so an absent word meets an empty slot soon.
    if ((m_words.size() + 1) * 2 > m_slots.size()) rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
    const auto number = static_cast<std::uint32_t>(m_words.size());
    m_words.emplace_back(word);
    place(number);
    return number;
}

void WordIndex::rehash(std::size_t slots)
{
    m_slots.assign(slots, Slot{});
    for (std::uint32_t number = 0; number < m_words.size(); ++number) place(number);
}

void WordIndex::place(std::uint32_t number)
{
    const std::string_view word = m_words[number];
    const std::size_t mask = m_slots.size() - 1;
    std::size_t slot = WordHash{}(word) & mask;
    while (m_slots[slot].number != 0) slot = (slot + 1) & mask;
    m_slots[slot] = Slot{head_of(word), number + 1, static_cast<std::uint32_t>(word.size())};
}

}  // namespace contra::detail
