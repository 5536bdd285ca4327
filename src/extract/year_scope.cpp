#include "extract/year_scope.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace contra::detail::extraction {

namespace {

// Tokens before a sentence's year that still let it open the sentence:
// "In 2019", "Back in March 2019", "- In 2014,".
constexpr std::size_t k_opening_tokens = 4;
// How many words back from a year "since" may stand: "since the dockers'
// strike of 1989", "since the reservoir-safety laws of 1975".
constexpr std::size_t k_since_reach = 6;

std::optional<int> leading_year(std::string_view text)
{
    int year = 0;
    if (text.size() < 4) return std::nullopt;
    auto [end, ec] = std::from_chars(text.data(), text.data() + 4, year);
    if (ec != std::errc() || end != text.data() + 4) return std::nullopt;
    return year;
}

// "since 1998", "since the dockers' strike of 1989": a year a comparison
// reaches back to, a few words after "since" in the same clause.
bool after_since(std::span<const WordToken> tokens, std::size_t year)
{
    std::size_t words = 0;
    for (std::size_t i = year; i > 0 && words < k_since_reach; --i) {
        const WordToken& token = tokens[i - 1];
        if (token.word == "since") return true;
        // "the reservoir-safety laws of 1975": a hyphen or an apostrophe joins, it parts nothing.
        if (token.punct && token.word != "'" && token.word != "-") return false;
        if (!token.punct) ++words;
    }
    return false;
}

}  // namespace

YearScope::YearScope(std::string_view event_id, std::string_view event_date, std::string_view published)
{
    // The years between the event and the report are its aftermath ("Police
    // arrested two engineers in March 2030" of a 2029 breach reported in 2031).
    auto add = [&](std::optional<int> year) {
        if (!year) return;
        m_first = m_known ? std::min(m_first, *year) : *year;
        m_last = m_known ? std::max(m_last, *year) : *year;
        m_known = true;
    };
    const std::optional<int> date_year = leading_year(event_date);
    const std::optional<int> id_year = event_id.size() > 5 && event_id[event_id.size() - 5] == '-'
                                           ? leading_year(event_id.substr(event_id.size() - 4))
                                           : std::nullopt;
    const std::optional<int> published_year = leading_year(published);
    add(date_year);
    add(id_year);
    add(published_year);
    // The event's own year: its date's, else its id's.
    const std::optional<int> event_year = date_year ? date_year : id_year;
    m_event_last_year = event_year && published_year && *event_year + 1 == *published_year;
}

void YearScope::next_sentence(std::span<const WordToken> tokens, bool same_paragraph)
{
    const bool follows_other = m_opens_other && same_paragraph;
    m_years.clear();
    m_opens_other = false;
    if (!m_known) return;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto year = year_of(tokens[i]);
        // "since the Chandlery Lane fire of 1992, when five people died": a
        // "when" right after the year tells of that year, since or not.
        const bool when_after = (i + 1 < tokens.size() && tokens[i + 1].word == "when") ||
                                (i + 2 < tokens.size() && tokens[i + 1].punct && tokens[i + 1].word == "," &&
                                 tokens[i + 2].word == "when");
        if (!year || (after_since(tokens, i) && !when_after)) continue;
        const bool event = *year >= m_first && *year <= m_last;
        if (m_years.empty() && !event && i <= k_opening_tokens) m_opens_other = true;
        m_years.push_back({tokens[i].start, tokens[i].end, event});
    }
    m_inherited = follows_other && m_years.empty();
}

bool YearScope::outside(std::size_t start, std::size_t end) const
{
    if (m_inherited) return true;
    const Year* nearest = nullptr;
    std::size_t best = 0;
    for (const Year& year : m_years) {
        const std::size_t distance = year.end <= start ? start - year.end : year.start >= end ? year.start - end : 0;
        if (nearest == nullptr || distance < best) {
            nearest = &year;
            best = distance;
        }
    }
    return nearest != nullptr && !nearest->event;
}

}  // namespace contra::detail::extraction
