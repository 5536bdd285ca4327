// Event detection by name. A match of a name that begins with a word byte
// begins where a word of the text begins, so the text's word starts are the
// only places to look, and at each only the lengths the names have. A plain
// ASCII name whose first or last word no text has cannot match anywhere, so
// it is skipped before it is folded: in a store of many events, most are.
#include "check/event_names.hpp"

#include "extract/word_index.hpp"
#include "rules/draft/draft_kind.hpp"
#include "util/word_hash.hpp"

#include <contra/text.hpp>

#include <algorithm>
#include <array>
#include <tuple>
#include <unordered_set>

namespace contra::detail {

namespace {

using Words = std::unordered_set<std::string_view>;

Words words_of(std::span<const std::string_view> texts)
{
    Words words;
    for (const std::string_view text : texts) {
        std::size_t at = 0;
        while (at < text.size()) {
            while (at < text.size() && !is_word_byte(text[at])) ++at;
            const std::size_t start = at;
            while (at < text.size() && is_word_byte(text[at])) ++at;
            if (at > start) words.emplace(std::string_view(text).substr(start, at - start));
        }
    }
    return words;
}

bool ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// False only when `name` cannot occur in any text: a plain ASCII name (which
// folds to itself in lower case) whose first or last word is in none of them.
bool may_occur(std::string_view name, const Words& words)
{
    if (name.empty() || !ascii_alnum(name.front())) return true;
    if (!is_ascii(name)) return true;
    std::array<char, 64> buffer{};
    const auto known = [&](std::string_view word) {
        if (word.size() > buffer.size()) return true;
        std::ranges::transform(word, buffer.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; });
        return words.contains(std::string_view(buffer.data(), word.size()));
    };
    const auto first_end = std::ranges::find_if_not(name, ascii_alnum) - name.begin();
    if (!known(name.substr(0, static_cast<std::size_t>(first_end)))) return false;
    if (!ascii_alnum(name.back())) return true;
    std::size_t last_start = name.size();
    while (last_start > 0 && ascii_alnum(name[last_start - 1])) --last_start;
    return known(name.substr(last_start));
}

}  // namespace

EventNames::EventNames(std::span<const Event> events, std::span<const std::string_view> texts)
{
    const Words words = words_of(texts);
    std::uint32_t order = 0;
    for (const Event& event : events) {
        const auto add = [&](std::string_view name) {
            const std::uint32_t this_order = order++;
            if (!may_occur(name, words)) return;
            std::string folded = fold(name);
            if (folded.empty()) return;
            if (m_event_ids.empty() || m_event_ids.back() != event.id) m_event_ids.push_back(event.id);
            m_names.push_back(Name{std::move(folded), this_order, static_cast<std::uint32_t>(m_event_ids.size() - 1)});
        };
        for (const auto& alias : event.aliases) add(alias);
        add(event.title);
    }
    index_names();
}

EventNames::EventNames(std::vector<EventName> names)
{
    m_names.reserve(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].name.empty()) continue;
        if (m_event_ids.empty() || m_event_ids.back() != names[i].event) m_event_ids.push_back(std::move(names[i].event));
        m_names.push_back(Name{std::move(names[i].name), static_cast<std::uint32_t>(i),
                               static_cast<std::uint32_t>(m_event_ids.size() - 1)});
    }
    index_names();
}

void EventNames::index_names()
{
    m_by_text.reserve(m_names.size());
    for (std::size_t i = 0; i < m_names.size(); ++i) {
        const std::string& text = m_names[i].folded;
        if (!is_word_byte(text.front())) {
            m_unindexed.push_back(static_cast<std::uint32_t>(i));
        } else if (m_by_text.emplace(text, static_cast<std::uint32_t>(i)).second) {
            m_lengths.push_back(text.size());
        }
    }
    std::ranges::sort(m_lengths, std::greater<>());
    const auto [first, last] = std::ranges::unique(m_lengths);
    m_lengths.erase(first, last);
}

std::string EventNames::detect(std::string_view text) const
{
    // The best match so far: earliest place, then longest name, then first name.
    std::size_t best_at = std::string_view::npos;
    std::size_t best_length = 0;
    std::uint32_t best_name = 0;
    for (std::size_t at = 0; at < text.size() && best_at == std::string_view::npos; ++at) {
        if (!is_word_byte(text[at]) || (at > 0 && is_word_byte(text[at - 1]))) continue;
        for (const std::size_t length : m_lengths) {  // longest first: the first match is the best here
            const std::size_t end = at + length;
            if (end > text.size()) continue;
            // A name that ends inside a word of the text would have to end with a byte that is not a word byte.
            if (end < text.size() && is_word_byte(text[end]) && is_word_byte(text[end - 1])) continue;
            if (auto found = m_by_text.find(text.substr(at, length)); found != m_by_text.end()) {
                best_at = at;
                best_length = length;
                best_name = found->second;
                break;
            }
        }
    }
    const auto rank = [&](std::size_t at, std::size_t length, std::uint32_t name) {
        return std::tuple(at, -static_cast<std::ptrdiff_t>(length), m_names[name].order);
    };
    for (const std::uint32_t name : m_unindexed) {
        const std::string& needle = m_names[name].folded;
        const std::size_t at = find_words(text, needle);
        if (at == std::string_view::npos) continue;
        if (best_at == std::string_view::npos || rank(at, needle.size(), name) < rank(best_at, best_length, best_name)) {
            best_at = at;
            best_length = needle.size();
            best_name = name;
        }
    }
    return best_at == std::string_view::npos ? std::string() : m_event_ids[m_names[best_name].event];
}

Expected<EventNames> event_names_in(const Store& store, std::span<const std::string_view> texts)
{
    // Each text's words as [start, end) byte ranges with their number among
    // the distinct words of all texts (one hash of each word, no allocation
    // for a word seen before).
    struct Word {
        std::uint32_t start, end, number;
    };
    std::vector<std::vector<Word>> words(texts.size());
    extraction::WordIndex distinct;
    for (std::size_t t = 0; t < texts.size(); ++t) {
        const std::string_view text = texts[t];
        words[t].reserve(text.size() / 6);
        std::size_t at = 0;
        while (at < text.size()) {
            while (at < text.size() && !is_word_byte(text[at])) ++at;
            const std::size_t start = at;
            while (at < text.size() && is_word_byte(text[at])) ++at;
            if (at > start) {
                const std::uint32_t number = distinct.insert(text.substr(start, at - start));
                words[t].push_back(Word{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(at), number});
            }
        }
    }
    std::vector<std::string> first_words(distinct.begin(), distinct.end());
    std::ranges::sort(first_words);  // the same query text for the same drafts
    auto starts = store.event_name_starts(first_words);
    if (!starts) return std::unexpected(starts.error());
    std::vector<int> most_words(distinct.size(), 0);  // by word number: 0 when no name begins with it
    for (const auto& [word, count] : *starts) most_words[distinct.find(word)] = count;

    // A name that begins with a word is found at a word start of a text as
    // its key: that word and the next `words - 1`, with what lies between.
    std::unordered_set<std::string_view, WordHash> keys;
    for (std::size_t t = 0; t < texts.size(); ++t) {
        const std::string_view text = texts[t];
        const auto& spans = words[t];
        for (std::size_t i = 0; i < spans.size(); ++i) {
            const int most = most_words[spans[i].number];
            if (most == 0) continue;
            const std::size_t last = std::min(spans.size(), i + static_cast<std::size_t>(most));
            for (std::size_t j = i; j < last; ++j) keys.emplace(text.substr(spans[i].start, spans[j].end - spans[i].start));
        }
    }
    std::vector<std::string> key_list(keys.begin(), keys.end());
    std::ranges::sort(key_list);
    auto names = store.event_names(key_list);
    if (!names) return std::unexpected(names.error());
    return EventNames(std::move(*names));
}

}  // namespace contra::detail
