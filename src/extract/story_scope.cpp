#include "extract/story_scope.hpp"

#include "extract/lines.hpp"
#include "extract/tokens.hpp"

#include <contra/text.hpp>

#include <algorithm>
#include <string>

namespace contra::detail::extraction {

namespace {

constexpr std::size_t k_min_headlines = 3;
constexpr std::size_t k_headline_words = 12;
constexpr std::size_t k_min_event_word = 4;

// A line's bytes, before its newline.
using Line = ByteRange;

bool looks_like_headline(std::string_view line)
{
    line = trim_blanks(line);
    if (line.empty()) return false;
    // A Markdown heading ("### Injuries") titles a part of one story, not a
    // round-up's item.
    if (std::string_view("-*>[(#0123456789").find(line.front()) != std::string_view::npos) return false;
    // ".", "!", "?", ":", ";", ",", a straight or a closing curly quotation mark.
    if (std::string_view(".!?:;,\"").find(line.back()) != std::string_view::npos || line.ends_with("\u201d")) return false;
    // At most a dozen words: counted up to the first space too many, as most
    // lines standing alone are long paragraphs.
    std::size_t spaces = 0;
    for (const char c : line) {
        if (c == ' ' && ++spaces >= k_headline_words) return false;
    }
    return true;
}

// The words of an event id worth looking for: no year, none shorter than four letters.
std::vector<std::string_view> event_words(std::string_view event_id)
{
    std::vector<std::string_view> words;
    while (!event_id.empty()) {
        const std::size_t dash = std::min(event_id.find('-'), event_id.size());
        const std::string_view word = event_id.substr(0, dash);
        const bool digits = std::ranges::all_of(word, [](char c) { return c >= '0' && c <= '9'; });
        if (word.size() >= k_min_event_word && !digits) words.push_back(word);
        event_id.remove_prefix(std::min(dash + 1, event_id.size()));
    }
    return words;
}

// True when a word of `text`, folded and split as the extractor splits
// sentences, is one of `words`.
bool names_any(std::string_view text, const std::vector<std::string_view>& words)
{
    const FoldedText folded = fold_with_map(text);
    std::vector<WordToken> tokens;
    tokenize_words(folded, text, 0, folded.text.size(), tokens);
    return std::ranges::any_of(tokens, [&](const WordToken& token) {
        return !token.punct && std::ranges::find(words, token.word) != words.end();
    });
}

}  // namespace

std::vector<ByteRange> other_stories(std::string_view text, std::string_view event_id)
{
    const std::vector<std::string_view> words = event_words(event_id);
    if (words.empty()) return {};
    // The headlines, in one pass over the lines: a candidate line is one
    // when the lines on both sides of it are blank (or missing).
    std::vector<Line> headlines;
    Line candidate{0, 0};
    bool has_candidate = false;
    bool candidate_blank = true;
    bool blank_before_candidate = true;
    auto take = [&](bool blank_after) {
        const std::string_view line = text.substr(candidate.start, candidate.end - candidate.start);
        if (has_candidate && blank_before_candidate && blank_after && looks_like_headline(line)) headlines.push_back(candidate);
    };
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = line_end(text, start);
        const bool line_blank = is_blank_line(text.substr(start, end - start));
        take(line_blank);
        blank_before_candidate = !has_candidate || candidate_blank;
        candidate = {start, end};
        candidate_blank = line_blank;
        has_candidate = true;
        start = end + 1;
    }
    take(true);
    if (headlines.size() < k_min_headlines) return {};
    // "UPDATE 1 - Saturday, 23:30", "UPDATE 2 - ...": a series of headings,
    // one word and a number, the word the same, marks the times of one
    // story, not stories. An empty key is a headline of no series.
    std::vector<std::string> series;
    for (const Line& line : headlines) {
        const std::string_view words = trim_blanks(text.substr(line.start, line.end - line.start));
        const std::size_t space = words.find(' ');
        const bool numbered = space != std::string_view::npos && space + 1 < words.size() && words[space + 1] >= '0' &&
                              words[space + 1] <= '9';
        series.push_back(numbered ? fold(words.substr(0, space)) : std::string());
    }
    std::vector<Line> stories_headlines;
    for (std::size_t h = 0; h < headlines.size(); ++h) {
        if (series[h].empty() || std::ranges::count(series, series[h]) == 1) stories_headlines.push_back(headlines[h]);
    }
    headlines = std::move(stories_headlines);
    if (headlines.size() < k_min_headlines) return {};
    auto line_text = [&](const Line& line) { return text.substr(line.start, line.end - line.start); };
    const bool round_up = std::any_of(headlines.begin() + 1, headlines.end(),
                                      [&](const Line& line) { return names_any(line_text(line), words); });
    if (!round_up) return {};
    std::vector<ByteRange> stories;
    for (std::size_t h = 1; h < headlines.size(); ++h) {
        const std::size_t start = headlines[h].start;
        const std::size_t end = h + 1 < headlines.size() ? headlines[h + 1].start : text.size();
        if (!names_any(text.substr(start, end - start), words)) stories.push_back({start, end});
    }
    return stories;
}

}  // namespace contra::detail::extraction
