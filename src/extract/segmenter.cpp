#include "extract/segmenter.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace contra::detail::extraction {

namespace {

// Abbreviations that end with a period inside a sentence, lower case.
constexpr std::string_view k_abbreviations[] = {
    "mr",   "mrs",  "ms",   "dr",   "prof", "lt",   "col",  "gen",  "gov",  "sen",  "rep",    "st",  "sgt",
    "capt", "maj",  "adm",  "cpl",  "pte",  "insp", "supt", "det",  "rev",  "hon",  "jr",     "sr",  "vs",
    "etc",  "inc",  "ltd",  "co",   "corp", "jan",  "feb",  "mar",  "apr",  "jun",  "jul",    "aug", "sep",
    "sept", "oct",  "nov",  "dec",  "fig",  "cf",   "al",   "approx", "est"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || is_upper(c); }

// The word that ends right before `dot` (letters and inner periods).
std::string_view word_before(std::string_view text, std::size_t dot)
{
    std::size_t i = dot;
    while (i > 0 && (is_alpha(text[i - 1]) || (text[i - 1] == '.' && i >= 2 && is_alpha(text[i - 2])))) --i;
    return text.substr(i, dot - i);
}

bool is_abbreviation(std::string_view word)
{
    if (word.empty()) return false;
    if (word.size() == 1 && is_upper(word[0])) return true;  // an initial: "J. Smith"
    if (word.find('.') != std::string_view::npos) return true;  // "U.S", "e.g"
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return std::ranges::find(k_abbreviations, lower) != std::ranges::end(k_abbreviations);
}

// UTF-8 of the curly quotes: “ ” ‘ ’ are E2 80 9C / 9D / 98 / 99.
bool curly_at(std::string_view text, std::size_t i, unsigned char last)
{
    return i + 2 < text.size() + 0 && static_cast<unsigned char>(text[i]) == 0xE2 &&
           static_cast<unsigned char>(text[i + 1]) == 0x80 && static_cast<unsigned char>(text[i + 2]) == last;
}

// Closing quotes and brackets that belong to the sentence before a break.
std::size_t skip_closers(std::string_view text, std::size_t i)
{
    while (i < text.size()) {
        if (text[i] == '"' || text[i] == '\'' || text[i] == ')' || text[i] == ']') {
            ++i;
        } else if (curly_at(text, i, 0x9D) || curly_at(text, i, 0x99)) {
            i += 3;
        } else {
            break;
        }
    }
    return i;
}

std::string_view trim_left(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    return text;
}

// True when the line starting at `i` opens a block of its own.
bool block_start(std::string_view text, std::size_t i)
{
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) return false;
    if (text[i] == '#' || text[i] == '>') return true;
    if ((text[i] == '-' || text[i] == '*' || text[i] == '+') && i + 1 < text.size() && text[i + 1] == ' ') return true;
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    return j > i && j + 1 < text.size() && (text[j] == '.' || text[j] == ')') && text[j + 1] == ' ';
}

// The bytes the segmenter reacts to: line breaks, sentence ends, straight
// quotes and the lead byte of the curly ones. Every other byte is passed over.
constexpr std::array<bool, 256> k_marks = [] {
    std::array<bool, 256> marks{};
    for (const unsigned char c : {'\n', '.', '!', '?', '"', '\xE2'}) marks[c] = true;
    return marks;
}();

bool is_mark(char c) { return k_marks[static_cast<unsigned char>(c)]; }

class Segmenter {
public:
    Segmenter(std::string_view text, std::vector<ByteRange>& out) : m_text(text), m_out(out) {}

    // `title_line`: the first line of [from, to) may be the text's title.
    void run(std::size_t from, std::size_t to, bool title_line)
    {
        std::size_t start = from;
        bool in_quote = false;
        std::size_t i = from;
        std::size_t line_start = from;
        bool first_line = title_line;
        const char* const bytes = m_text.data();
        while (i < to) {
            // A local pointer and a table: most bytes are no mark, and this
            // loop runs over every byte of the text.
            while (i < to && !is_mark(bytes[i])) ++i;
            if (i >= to) break;
            const char c = bytes[i];
            if (c == '\n') {
                std::size_t j = i + 1;
                while (j < to && (m_text[j] == ' ' || m_text[j] == '\t' || m_text[j] == '\r')) ++j;
                const std::string_view line = trim_left(m_text.substr(line_start, i - line_start));
                const bool heading = line.starts_with('#');
                const bool title = first_line && !line.empty() && j < to && is_title(line, m_text[j], from, to);
                if (!line.empty()) first_line = false;
                line_start = i + 1;
                if (j >= to || m_text[j] == '\n' || heading || title || block_start(m_text.substr(0, to), i + 1)) {
                    emit(start, i);
                    start = i + 1;
                    in_quote = false;
                }
                ++i;
                continue;
            }
            if (c == '"') {
                in_quote = !in_quote;
            } else if (curly_at(m_text, i, 0x9C)) {
                in_quote = true;
            } else if (curly_at(m_text, i, 0x9D)) {
                in_quote = false;
            }
            if ((c == '.' || c == '!' || c == '?') && ends_sentence(i, to, in_quote)) {
                std::size_t end = skip_closers(m_text.substr(0, to), i + 1);
                emit(start, end);
                start = end;
                in_quote = false;
                i = end;
                continue;
            }
            ++i;
        }
        emit(start, to);
    }

private:
    // A headline over a dateline ("Two workers die in quarry landslide\nNorthern
    // Gazette, 11 August 2024"): the text's first line, without closing
    // punctuation, clearly shorter than its longest line, followed by a line
    // that opens with a capital or a digit. A hard-wrapped first line is as
    // long as the others and goes on.
    bool is_title(std::string_view line, char next, std::size_t from, std::size_t to) const
    {
        while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
        if (line.empty() || std::string_view(".,;:-!?").find(line.back()) != std::string_view::npos) return false;
        if (!(is_upper(next) || is_digit(next) || static_cast<unsigned char>(next) >= 0xC0)) return false;
        std::size_t longest = 0;
        for (std::size_t at = from; at < to;) {
            auto newline = m_text.find('\n', at);
            if (newline == std::string_view::npos || newline > to) newline = to;
            longest = std::max(longest, newline - at);
            at = newline + 1;
        }
        return line.size() * 10 < longest * 6;
    }

    bool ends_sentence(std::size_t i, std::size_t to, bool in_quote) const
    {
        if (m_text[i] == '.') {
            if (i + 1 < to && (m_text[i + 1] == '.' || is_digit(m_text[i + 1]))) return false;
            if (is_abbreviation(word_before(m_text, i))) return false;
        }
        std::size_t after = skip_closers(m_text.substr(0, to), i + 1);
        // A closing quote right after the mark ends the quotation too.
        const bool closed_quote = after > i + 1;
        if (after >= to) return true;
        if (!is_space(m_text[after])) return false;
        if (in_quote && !closed_quote) return false;
        std::size_t next = after;
        while (next < to && is_space(m_text[next])) ++next;
        if (next >= to) return true;
        const char n = m_text[next];
        return is_upper(n) || is_digit(n) || n == '"' || n == '(' || curly_at(m_text, next, 0x9C) ||
               static_cast<unsigned char>(n) >= 0xC0;
    }

    void emit(std::size_t start, std::size_t end)
    {
        while (start < end && is_space(m_text[start])) ++start;
        while (end > start && is_space(m_text[end - 1])) --end;
        if (end > start) m_out.push_back(ByteRange{start, end});
    }

    std::string_view m_text;
    std::vector<ByteRange>& m_out;
};

// The offset right after the line that starts at `i`.
std::size_t next_line(std::string_view text, std::size_t i)
{
    auto newline = text.find('\n', i);
    return newline == std::string_view::npos ? text.size() : newline + 1;
}

bool line_is(std::string_view text, std::size_t i, std::string_view marker)
{
    auto line = text.substr(i, next_line(text, i) - i);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    return line.starts_with(marker) && line.find_first_not_of(marker.front()) >= marker.size();
}

}  // namespace

std::vector<ByteRange> markdown_skips(std::string_view text)
{
    std::vector<ByteRange> skips;
    std::size_t i = 0;
    if (line_is(text, 0, "---")) {
        for (std::size_t j = next_line(text, 0); j < text.size(); j = next_line(text, j)) {
            if (line_is(text, j, "---")) {
                i = next_line(text, j);
                skips.push_back({0, i});
                break;
            }
        }
    }
    while (i < text.size()) {
        std::size_t indent = i;
        while (indent < text.size() && text[indent] == ' ') ++indent;
        if (text.substr(indent).starts_with("```") || text.substr(indent).starts_with("~~~")) {
            const std::string_view fence = text.substr(indent, 3);
            std::size_t j = next_line(text, i);
            while (j < text.size()) {
                std::size_t k = j;
                while (k < text.size() && text[k] == ' ') ++k;
                j = next_line(text, j);
                if (text.substr(k).starts_with(fence)) break;
            }
            skips.push_back({i, j});
            i = j;
            continue;
        }
        const std::size_t line_end = next_line(text, i);
        auto comment = text.substr(i, line_end - i).find("<!--");
        if (comment != std::string_view::npos) {
            const std::size_t open = i + comment;
            auto close = text.find("-->", open + 4);
            const std::size_t end = close == std::string_view::npos ? text.size() : close + 3;
            skips.push_back({open, end});
            i = end;
            continue;
        }
        i = line_end;
    }
    return skips;
}

std::vector<ByteRange> segment_sentences(std::string_view text, const std::vector<ByteRange>& skips)
{
    std::vector<ByteRange> out;
    out.reserve(text.size() / 80 + 1);
    Segmenter segmenter(text, out);
    std::size_t from = 0;
    bool title_line = true;
    for (const ByteRange& skip : skips) {
        if (skip.start > from) {
            segmenter.run(from, skip.start, title_line);
            title_line = false;
        }
        from = std::max(from, skip.end);
    }
    if (from < text.size()) segmenter.run(from, text.size(), title_line);
    return out;
}

}  // namespace contra::detail::extraction
