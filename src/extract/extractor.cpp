// Extractor: the pipeline of one document. Fold the text once, cut it into
// sentences, and for each sentence read its words against the lexicons,
// find who speaks, find the figures, and build the claims.
#include <contra/extract.hpp>
#include <contra/limits.hpp>
#include <contra/quantity.hpp>
#include <contra/text.hpp>

#include "extract/attribution.hpp"
#include "extract/cause.hpp"
#include "extract/claim_builder.hpp"
#include "extract/lexicon.hpp"
#include "extract/lines.hpp"
#include "extract/segmenter.hpp"
#include "extract/signed_quotes.hpp"
#include "extract/sources.hpp"
#include "extract/story_scope.hpp"
#include "extract/tables.hpp"
#include "extract/year_scope.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

namespace contra {

namespace extraction = detail::extraction;

struct Extractor::Impl {
    extraction::Lexicon lexicon;
    QuantityParser quantities;
    extraction::CauseFinder causes;
};

namespace {

using extraction::WordToken;
using extraction::is_blank;
using extraction::is_blank_line;
using extraction::line_end;

constexpr std::size_t k_context = 32;

bool is_markdown(std::string_view path)
{
    return path.ends_with(".md") || path.ends_with(".markdown") || path.ends_with(".mdown");
}

std::string_view before(std::string_view text, std::size_t end)
{
    std::size_t start = end > k_context ? end - k_context : 0;
    while (start < end && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
    return text.substr(start, end - start);
}

std::string_view after(std::string_view text, std::size_t start)
{
    std::size_t end = std::min(text.size(), start + k_context);
    while (end > start && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(start, end - start);
}

bool all_upper(std::string_view word)
{
    if (word.size() < 2 || word.size() > 8) return false;
    return std::ranges::all_of(word, [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "Mojahedin-e Khalq (MEK)": defines MEK as the capitalised words before it.
void define_acronyms(std::string_view text, std::span<const WordToken> tokens, extraction::SourceResolver& resolver)
{
    for (std::size_t i = 1; i + 2 < tokens.size(); ++i) {
        if (!(tokens[i].punct && tokens[i].word == "(" && tokens[i + 2].punct && tokens[i + 2].word == ")")) continue;
        const std::string_view acronym = text.substr(tokens[i + 1].start, tokens[i + 1].end - tokens[i + 1].start);
        if (!all_upper(acronym)) continue;
        std::size_t first = i;
        while (first > 0) {
            const WordToken& token = tokens[first - 1];
            const bool joined = token.punct && token.word == "-";
            const bool after_dash = first >= 2 && tokens[first - 2].punct && tokens[first - 2].word == "-";
            const bool connector = token.word == "of" || token.word == "for" || token.word == "and";
            if (!(token.capital || joined || (after_dash && !token.punct) || (connector && first >= 2 && tokens[first - 2].capital))) break;
            --first;
        }
        while (first < i && !tokens[first].capital) ++first;
        if (first == i) continue;
        resolver.define_acronym(acronym, text.substr(tokens[first].start, tokens[i - 1].end - tokens[first].start));
    }
}

// The most tokens a source in brackets after a figure may hold.
constexpr std::uint32_t k_bracket_words = 8;

// Tokens [first, last) of a sentence.
struct TokenRange {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    [[nodiscard]] bool empty() const { return last <= first; }
};

// A source named in brackets after the figures of a sentence that names no
// speaker ("- **Dead:** 2 (Dalehurst Constabulary)", "41 deaths (District
// Disaster Office)"): the tokens inside the first such brackets, or an empty
// range. A bracket right after a capitalised word ("the National Council of
// Resistance of Iran (NCRI)") defines an acronym and names no speaker.
TokenRange bracketed_source(const extraction::SentenceView& s, std::uint32_t after)
{
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    for (std::uint32_t open = std::max<std::uint32_t>(after, 1); open + 2 < n; ++open) {
        if (!s.is_punct(open, '(')) continue;
        const WordToken& before = s.tokens[open - 1];
        if (before.capital && !before.punct) continue;
        std::uint32_t close = open + 1;
        while (close < n && close <= open + k_bracket_words && !s.tokens[close].punct) ++close;
        if (close < n && s.is_punct(close, ')') && close > open + 1) return {open + 1, close};
    }
    return {};
}

// Who speaks: a source id (the resolver's, or the document's voice) and the
// words that name it in the text; views, both outlive the document's extraction.
struct Focus {
    std::string_view id;
    std::string_view mention;
};

// The largest lower bound among the counts seen so far under each key (an
// attribute, or a source's id), for telling a part from a count: "Two of
// them died" after "three people died" counts some of those counted.
template <typename Key>
class LargestCounts {
public:
    // True when `count` lies below the largest one recorded under `key`.
    [[nodiscard]] bool below(const Key& key, const Count& count) const
    {
        const auto known = std::ranges::find(m_largest, key, &std::pair<Key, std::int64_t>::first);
        return known != m_largest.end() && count.hi && *count.hi < known->second;
    }

    void clear() { m_largest.clear(); }

    // True when a count was recorded under `key`.
    [[nodiscard]] bool any(const Key& key) const
    {
        return std::ranges::find(m_largest, key, &std::pair<Key, std::int64_t>::first) != m_largest.end();
    }

    void record(const Key& key, std::int64_t lo)
    {
        const auto known = std::ranges::find(m_largest, key, &std::pair<Key, std::int64_t>::first);
        if (known == m_largest.end()) {
            m_largest.emplace_back(key, lo);
        } else {
            known->second = std::max(known->second, lo);
        }
    }

private:
    std::vector<std::pair<Key, std::int64_t>> m_largest;
};

// The buffers of one document's extraction (see Extractor::extract).
struct DocumentScratch {
    FoldedText folded;
    std::vector<WordToken> tokens;
    std::vector<extraction::PhraseMatch> matches;
    std::vector<extraction::Figure> figures;
    std::vector<extraction::SentenceClaim> found;
    extraction::ClaimScratch claims;
};

// The offset of the start of the line that holds byte `at`.
std::size_t line_start(std::string_view text, std::size_t at)
{
    while (at > 0 && text[at - 1] != '\n') --at;
    return at;
}

// True when only blanks stand between the start of its line and `at`.
bool opens_line(std::string_view text, std::size_t at)
{
    while (at > 0 && is_blank(text[at - 1])) --at;
    return at == 0 || text[at - 1] == '\n';
}

// True when the sentence opens with a phrase that withdraws the counts of
// the sentence before ("That was wrong.", `retracts_before`).
bool opens_retraction(const extraction::SentenceView& sentence)
{
    const std::uint32_t begin = extraction::after_clock_time(sentence.tokens);
    return std::ranges::any_of(sentence.matches, [&](const extraction::PhraseMatch& match) {
        return match.pos == begin && match.cue == extraction::Cue::retraction &&
               match.payload == extraction::k_retracts_before;
    });
}

bool is_count_claim(const Claim& claim) { return std::holds_alternative<Count>(claim.value.data); }

// The end of the paragraph that holds byte `at`: the next blank line, or the text's end.
std::size_t paragraph_end(std::string_view text, std::size_t at)
{
    for (auto newline = text.find('\n', at); newline != std::string_view::npos; newline = text.find('\n', newline + 1)) {
        std::size_t next = newline + 1;
        while (next < text.size() && is_blank(text[next])) ++next;
        if (next >= text.size() || text[next] == '\n') return newline;
    }
    return text.size();
}

// True when the line that starts at byte `start` holds nothing but blanks.
bool blank_line_at(std::string_view text, std::size_t start)
{
    return is_blank_line(text.substr(start, line_end(text, start) - start));
}

// The start of the paragraph that holds byte `at`: its first line after a
// blank one, or the text's start.
std::size_t paragraph_start(std::string_view text, std::size_t at)
{
    std::size_t start = line_start(text, at);
    while (start > 0 && !blank_line_at(text, line_start(text, start - 1))) start = line_start(text, start - 1);
    return start;
}

// The start of the paragraph before the one that holds byte `at`, or of
// that one when it is the first.
std::size_t previous_paragraph_start(std::string_view text, std::size_t at)
{
    std::size_t start = paragraph_start(text, at);
    // Back over the blank lines between the two.
    while (start > 0 && blank_line_at(text, line_start(text, start - 1))) start = line_start(text, start - 1);
    return start == 0 ? 0 : paragraph_start(text, start - 1);
}

// Where the question that ends the sentence in `range` begins, after the
// last stop, colon or semicolon before its question mark ("Seven dead on
// Cinder Row: did Gallowbrook learn nothing?"); `range.end` when the
// sentence asks nothing.
std::size_t question_start(std::string_view text, const extraction::ByteRange& range)
{
    std::string_view sentence = text.substr(range.start, range.end - range.start);
    // Closing quotation marks, brackets and emphasis after the question mark.
    while (!sentence.empty()) {
        const char last = sentence.back();
        if (is_blank(last) || last == '\n' || last == '"' || last == '\'' || last == ')' || last == '*' || last == '_') {
            sentence.remove_suffix(1);
        } else if (sentence.ends_with("\u201d") || sentence.ends_with("\u2019")) {
            sentence.remove_suffix(3);
        } else {
            break;
        }
    }
    if (!sentence.ends_with('?')) return range.end;
    for (std::size_t at = sentence.size() - 1; at > 0; --at) {
        const char c = sentence[at - 1];
        const bool decimal = c == '.' && at < sentence.size() && std::isdigit(static_cast<unsigned char>(sentence[at])) != 0;
        if ((c == '.' && !decimal) || c == '!' || c == '?' || c == ':' || c == ';') return range.start + at;
    }
    return range.start;
}

// The month of an ISO date ("2038-06-03" is 6), 0 when there is none.
int month_of(std::string_view date)
{
    if (date.size() < 7 || date[4] != '-') return 0;
    int month = 0;
    const auto [end, error] = std::from_chars(date.data() + 5, date.data() + 7, month);
    return error == std::errc{} && end == date.data() + 7 && month >= 1 && month <= 12 ? month : 0;
}

// True when a blank line lies in bytes [from, to): a paragraph ends there.
bool blank_line_between(std::string_view text, std::size_t from, std::size_t to)
{
    bool line_empty = false;  // only blanks since the last newline
    for (std::size_t i = from; i < to; ++i) {
        if (text[i] == '\n') {
            if (line_empty) return true;
            line_empty = true;
        } else if (!is_blank(text[i])) {
            line_empty = false;
        }
    }
    return false;
}

// True when the line that holds byte `at` is a list item ("- ", "* ", "+ ",
// "1. ", "2) ") or a block quotation ("> ").
bool in_list_item(std::string_view text, std::size_t at)
{
    std::size_t i = line_start(text, at);
    while (i < at && is_blank(text[i])) ++i;
    if (i + 1 >= text.size()) return false;
    if (text[i] == '>') return true;
    if ((text[i] == '-' || text[i] == '*' || text[i] == '+') && text[i + 1] == ' ') return true;
    std::size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    return j > i && j + 1 < text.size() && (text[j] == '.' || text[j] == ')') && text[j + 1] == ' ';
}

// A word written in capitals: "ODALE", "ÇUÇI", "DR".
bool in_capitals(std::string_view text, const WordToken& token)
{
    if (token.punct || token.number || !token.capital) return false;
    for (std::size_t i = token.start; i < token.end; ++i) {
        if (text[i] >= 'a' && text[i] <= 'z') return false;
    }
    return true;
}

// A short title-case word that may open a label: "Ms", "Mr", "Dr", "The", "Cllr".
bool label_title(std::string_view text, const WordToken& token)
{
    return !token.punct && !token.number && token.capital && token.end - token.start <= 4 && !in_capitals(text, token);
}

// A transcript's speaker label at the start of a line: words in capitals,
// perhaps after a title or two, perhaps a note in brackets, and a colon
// ("ODALE:", "DR VOS:", "QUESTION (Top Channel):", "Ms AMARA OBI (Lowfield
// South):", "The MINISTER FOR HOUSING (Mr Conrad Pell):"). Returns the
// tokens of the words, and of the note, empty when the sentence opens with
// no label.
struct Label {
    std::uint32_t first = 0;       // the words are tokens [first, words)
    std::uint32_t words = 0;
    bool bold = false;             // a list item's lead in bold ("- **Health Ministry:** 214 treated")
    bool named_only = false;       // title case ("Mirek:"): a label only when it names a known or earlier source
    bool post = false;             // a post's author on a line of its own: "12:05 - Aurnos Valley Police (@AurnosPolice)"
    bool item = false;             // a list item's: "- Wendholt General Hospital: 118 patients treated"
    bool titled = false;           // a parliamentary record's: "The Minister for Communities and Local Government (Hana Petrak):"
    std::uint32_t note_first = 0;  // the note's tokens [note_first, note_last)
    std::uint32_t note_last = 0;
};

constexpr std::uint32_t k_label_words = 4;
constexpr std::uint32_t k_titled_label_words = 8;
constexpr std::uint32_t k_label_titles = 2;
constexpr std::uint32_t k_claim_label_words = 5;  // "what is being claimed"

// Reads a note in brackets at token `i` into `label` and moves `i` past it;
// false when the brackets do not close within a few words.
bool read_label_note(std::span<const WordToken> tokens, std::uint32_t& i, Label& label)
{
    if (i >= tokens.size() || !(tokens[i].punct && tokens[i].word == "(")) return true;
    std::uint32_t close = i + 1;
    while (close < tokens.size() && close < i + 8 && !(tokens[close].punct && tokens[close].word == ")")) ++close;
    if (close >= tokens.size() || close >= i + 8) return false;
    label.note_first = i + 1;
    label.note_last = close;
    i = close + 1;
    return true;
}

// True when tokens from `t` on are the time of a post and a colon: "at
// 12:40:", "posted at 11:02:", ", 14:31:".
bool posted_at(std::span<const WordToken> tokens, std::uint32_t t)
{
    const auto n = static_cast<std::uint32_t>(tokens.size());
    auto is = [&](std::uint32_t at, std::string_view word) { return at < n && tokens[at].word == word; };
    if (is(t, "posted") || is(t, "wrote") || is(t, "tweeted")) ++t;
    if (is(t, ",") || is(t, "at")) ++t;
    return t + 3 < n && tokens[t].number && tokens[t].word.size() <= 2 && is(t + 1, ":") && tokens[t + 2].number &&
           tokens[t + 2].word.size() == 2 && is(t + 3, ":");
}

Label speaker_label(std::string_view text, std::size_t start, std::span<const WordToken> tokens)
{
    Label label;
    std::uint32_t i = 0;
    while (i < tokens.size() && i < k_label_titles && label_title(text, tokens[i])) ++i;
    const std::uint32_t titles = i;
    std::uint32_t words = 0;
    while (i < tokens.size() && words < k_label_words && in_capitals(text, tokens[i])) {
        ++i;
        ++words;
        // "SUPT. OYELARAN:", "DET. INSP. MARR:": a short title's period.
        if (i + 1 < tokens.size() && tokens[i].punct && tokens[i].word == "." && tokens[i - 1].end - tokens[i - 1].start <= 5 &&
            in_capitals(text, tokens[i + 1])) {
            ++i;
        }
    }
    if (i == titles) {
        // "Mirek:", "Ferro Daily:": an interview's speakers in title case;
        // "21:19, Matej:", a chat log's, after the time of the message;
        // "16:05 - @WestlakeAmbulance (Westlake Ambulance Service):", a
        // social-media post's, with the account's name in brackets.
        if (!opens_line(text, start)) return {};
        label.first = extraction::after_clock_time(tokens);
        // "- Wendholt General Hospital: 118 patients treated": a list item's marker.
        if (label.first == 0 && extraction::list_marker_end(tokens) == 1) {
            label.first = 1;
            label.item = true;
        }
        i = label.first;
        auto name_word = [&](std::uint32_t t) {
            return t < tokens.size() && tokens[t].capital && !tokens[t].punct && !tokens[t].number;
        };
        // "@ThackwellPolice, 14:15:": an account's handle alone, then the time of its post.
        if (i + 1 < tokens.size() && tokens[i].punct && tokens[i].word == "@" && !tokens[i + 1].punct) {
            std::uint32_t after = i + 2;
            if (!posted_at(tokens, after)) return {};
            label.first = i + 1;
            label.words = i + 2;
            label.named_only = true;
            label.post = true;
            return label;
        }
        // Title-case words, "of", "for" or "and" between them ("Governor of
        // Aurnos Province (@GovAurnos)"), up to `limit` tokens.
        auto name_end = [&](std::uint32_t limit) {
            std::uint32_t t = label.first;
            while (t < tokens.size() && t < label.first + limit) {
                const std::string_view word = tokens[t].word;
                if (t > label.first && (word == "of" || word == "for" || word == "and") && name_word(t + 1)) ++t;
                if (!name_word(t)) break;
                ++t;
            }
            return t;
        };
        i = name_end(k_label_words);
        // A parliamentary record's longer title before the member's name in
        // brackets: "The Minister for Communities and Local Government (Hana
        // Petrak):". Its turn runs on to the next label, as one in capitals does.
        if (i >= label.first + k_label_words || (i < tokens.size() && tokens[i].word == "and")) {
            const std::uint32_t titled = name_end(k_titled_label_words);
            if (titled > i && titled < tokens.size() && tokens[titled].punct && tokens[titled].word == "(") {
                i = titled;
                label.titled = true;
            }
        }
        if (i == label.first) return {};
        label.words = i;
        if (!read_label_note(tokens, i, label)) return {};
        label.named_only = true;
        const bool colon = i < tokens.size() && tokens[i].punct && tokens[i].word == ":";
        if (label.titled && (!colon || label.note_last == label.note_first)) return {};
        if (colon) return label;
        if (label.item) return {};
        const bool handle = label.note_last > label.note_first && tokens[label.note_first].punct &&
                            tokens[label.note_first].word == "@";
        // "Thackwell Police (@ThackwellPolice) at 12:40:", "The union
        // (@SFWUnion) posted at 11:02:": the time of the post before its words.
        if (handle && posted_at(tokens, i)) {
            label.post = true;
            return label;
        }
        // "13:41 - Dimos Kalvanis MP (@DKalvanisMP), member of parliament for
        // Aurnos", and the post on the line below: an account's handle in the
        // note, and a line break after the label's line.
        if (!handle || text.find('\n', tokens[label.note_last].end) >= tokens.back().end) return {};
        label.post = true;
        return label;
    }
    if (!opens_line(text, start)) return {};
    label.words = i;
    if (!read_label_note(tokens, i, label)) return {};
    if (i >= tokens.size() || !(tokens[i].punct && tokens[i].word == ":")) return {};
    return label;
}

// The whole numbers of people a count quantity allows: "about 1,500" is
// [1350, 1650], "3.5" [4, 3] (no whole number; the caller decides).
Count whole_count(const Quantity& quantity)
{
    Count count;
    count.lo = static_cast<std::int64_t>(std::ceil(quantity.lo));
    if (quantity.hi) count.hi = static_cast<std::int64_t>(std::floor(*quantity.hi));
    return count;
}

// One figure of a source table: the row's source, the column's attribute.
struct TableFigure {
    std::string_view source;   // the resolver's id
    std::string_view mention;  // the row's first cell
    std::string attribute;
    Qualifier qualifier;
    Value value;
    std::size_t start = 0;  // the figure's bytes
    std::size_t end = 0;
};

// The attribute a table header cell names ("Dead", "Injured / treated") by
// its first count trigger, and the group it names if any ("Officers hurt").
struct Column {
    std::string attribute;
    std::optional<std::string> group;
};

Column read_cell(std::string_view cell, const extraction::Lexicon& lexicon, std::vector<WordToken>& tokens,
                 std::vector<extraction::PhraseMatch>& matches)
{
    const FoldedText folded = fold_with_map(cell);
    extraction::tokenize_words(folded, cell, 0, folded.text.size(), tokens);
    lexicon.look_up(tokens);
    lexicon.phrases.scan(tokens, matches);
    Column column;
    for (const auto& match : matches) {
        if (match.cue == extraction::Cue::trigger && column.attribute.empty()) {
            column.attribute = lexicon.attributes[static_cast<std::size_t>(match.payload)];
        } else if (match.cue == extraction::Cue::group && !column.group) {
            column.group = lexicon.groups[static_cast<std::size_t>(match.payload)];
        }
    }
    return column;
}

// The figures of a table whose rows are sources: each row's cells under a
// header that names a count, given to the body its first cell names (a note
// in brackets, "Wescott Line (operator)", left out). A "Total" row names no
// one. `figure_columns` tells whether any header names a count.
std::vector<TableFigure> table_figures(std::string_view text, const extraction::SourceTable& table,
                                       const extraction::Lexicon& lexicon, const QuantityParser& quantities,
                                       extraction::SourceResolver& resolver, bool& figure_columns)
{
    std::vector<TableFigure> out;
    std::vector<WordToken> tokens;
    std::vector<extraction::PhraseMatch> matches;
    std::vector<Column> columns;
    for (const extraction::ByteRange& cell : table.header) {
        columns.push_back(read_cell(text.substr(cell.start, cell.end - cell.start), lexicon, tokens, matches));
    }
    figure_columns = std::ranges::any_of(columns.begin() + (columns.empty() ? 0 : 1), columns.end(),
                                         [](const Column& column) { return !column.attribute.empty(); });
    for (const auto& row : table.rows) {
        if (row.cells.empty()) continue;
        std::string_view name = text.substr(row.cells[0].start, row.cells[0].end - row.cells[0].start);
        if (const auto note = name.find(" ("); note != std::string_view::npos) name = name.substr(0, note);
        if (name.empty() || fold(name) == "total") continue;
        std::string_view source;
        for (std::size_t j = 1; j < row.cells.size() && j < columns.size(); ++j) {
            if (columns[j].attribute.empty()) continue;
            const extraction::ByteRange cell = row.cells[j];
            const std::string_view cell_text = text.substr(cell.start, cell.end - cell.start);
            for (const Quantity& quantity : quantities.find(cell_text)) {
                if (quantity.kind != QuantityKind::count || quantity.lo < 0) continue;
                if (source.empty()) source = resolver.resolve(name);
                TableFigure figure{source, name, columns[j].attribute, {}, {}, cell.start + quantity.start,
                                   cell.start + quantity.end};
                figure.value = Value{whole_count(quantity), quantity.text};
                // "38 police officers": the cell's own group, else the column's.
                std::optional<std::string> group = read_cell(cell_text, lexicon, tokens, matches).group;
                if (!group) group = columns[j].group;
                if (group && figure.attribute != "participants") figure.qualifier["group"] = *group;
                out.push_back(std::move(figure));
                break;
            }
        }
    }
    return out;
}

// How far after a list item's bold lead its colon may come: "**Kavrana Ghat
// Temple Trust**, which organised the festival:".
constexpr std::uint32_t k_bold_lead_reach = 14;

// A list item led by a name in bold and a colon, in a Markdown factbox:
// "- **Interior Ministry:** four dead", "- **Unity Bloc** (opposition): ...",
// "- **Temple Trust**, which organised the festival: ...". The item is what
// the bold name says. Returns no words when the sentence opens no such item.
Label bold_label(std::string_view text, std::size_t start, std::span<const WordToken> tokens)
{
    if (tokens.empty()) return {};
    std::uint32_t first = 0;
    // The bullet: "-", "+" or "1." ("*" is no token).
    if (extraction::list_marker_end(tokens) == 1) {
        first = 1;
    } else if (tokens[0].number && tokens.size() > 1 && tokens[1].punct && (tokens[1].word == "." || tokens[1].word == ")")) {
        first = 2;
    }
    if (first >= tokens.size() || !tokens[first].capital) return {};
    const std::size_t open = tokens[first].start;
    if (open < 2 || text[open - 2] != '*' || text[open - 1] != '*' || !in_list_item(text, start)) return {};
    const std::size_t close = text.find("**", open);
    if (close == std::string_view::npos || text.find('\n', open) < close) return {};
    Label label;
    label.first = first;
    label.bold = true;
    std::uint32_t i = first;
    // Its words, joined perhaps by hyphens: "**Non-fatal injuries:**".
    while (i < tokens.size() && tokens[i].end <= close && (!tokens[i].punct || tokens[i].word == "-")) ++i;
    label.words = i;
    if (i == first) return {};
    // The colon: inside the bold, or after it within a few words.
    for (; i < tokens.size() && i < label.words + k_bold_lead_reach; ++i) {
        if (tokens[i].punct && tokens[i].word == ":") return label;
        if (tokens[i].punct && tokens[i].word == "(" && label.note_first == 0) label.note_first = i + 1;
        if (tokens[i].punct && tokens[i].word == ")" && label.note_first != 0 && label.note_last == 0) label.note_last = i;
    }
    return {};
}

// The token after a fact check's label for the claim it checks, at the
// start of a line ("**The claim:**", "WHAT WAS CLAIMED:"); 0 when the
// sentence opens with none (lexicon.claim_labels).
std::uint32_t claim_label_end(std::string_view text, std::size_t start, std::span<const WordToken> tokens,
                              const std::vector<std::string>& labels)
{
    if (!opens_line(text, start)) return 0;
    std::uint32_t colon = 0;
    while (colon < tokens.size() && colon < k_claim_label_words && !tokens[colon].punct) ++colon;
    if (colon == 0 || colon >= tokens.size() || tokens[colon].word != ":") return 0;
    const bool labelled = std::ranges::any_of(labels, [&](std::string_view label) {
        for (std::uint32_t t = 0; t < colon; ++t) {
            if (!label.starts_with(tokens[t].word)) return false;
            label.remove_prefix(tokens[t].word.size());
            if (t + 1 < colon && !label.starts_with(' ')) return false;
            if (t + 1 < colon) label.remove_prefix(1);
        }
        return label.empty();
    });
    return labelled ? colon + 1 : 0;
}

bool is_handle_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Who made the claim a fact check's label introduces, named in its
// paragraph, bytes [from, to), outside quotation marks: an account's handle
// ("by the account @orvenna_truth"), else a known source that one of
// lexicon.claim_carriers names ("The post, from an account ..."), else the
// capitalised words after "by" after one of lexicon.claim_authored ("Post
// by Kalmethi MP Aram Teodosyan on 19 September"). An empty focus when the
// paragraph names none.
Focus claimant(std::string_view text, std::size_t from, std::size_t to, extraction::SourceResolver& resolver,
               const extraction::Lexicon& lexicon)
{
    const std::string_view paragraph = text.substr(from, to - from);
    // The bytes outside quotation marks, straight or curly, in lower case.
    std::string outside(paragraph.size(), ' ');
    bool quoted = false;
    for (std::size_t i = 0; i < paragraph.size(); ++i) {
        const std::string_view rest = paragraph.substr(i);
        if (rest.starts_with('"') || rest.starts_with("\u201c") || rest.starts_with("\u201d")) {
            quoted = rest.starts_with('"') ? !quoted : rest.starts_with("\u201c");
            continue;
        }
        if (!quoted) outside[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(paragraph[i])));
    }
    for (std::size_t at = outside.find('@'); at != std::string::npos; at = outside.find('@', at + 1)) {
        if (at > 0 && is_handle_char(outside[at - 1])) continue;  // an e-mail address
        std::size_t end = at + 1;
        while (end < outside.size() && is_handle_char(outside[end])) ++end;
        if (end > at + 1) {
            const std::string_view handle = paragraph.substr(at, end - at);
            return Focus{resolver.resolve(handle), handle};
        }
    }
    for (const std::string& carrier : lexicon.claim_carriers) {
        const std::size_t at = outside.find(carrier);
        if (at == std::string::npos) continue;
        const std::string_view named = paragraph.substr(at, carrier.size());
        if (const std::string_view id = resolver.find(named); !id.empty()) return Focus{id, named};
    }
    for (std::size_t at = outside.find(" by "); at != std::string::npos; at = outside.find(" by ", at + 1)) {
        std::size_t word = at;
        while (word > 0 && outside[word - 1] != ' ') --word;
        if (std::ranges::find(lexicon.claim_authored, outside.substr(word, at - word)) == lexicon.claim_authored.end()) {
            continue;
        }
        // Capitalised words, "MP" among them.
        std::size_t end = at + 4;
        std::size_t name_end = end;
        while (end < paragraph.size() && (std::isupper(static_cast<unsigned char>(paragraph[end])) != 0 ||
                                          static_cast<unsigned char>(paragraph[end]) >= 0x80)) {
            while (end < paragraph.size() && paragraph[end] != ' ' && paragraph[end] != ',' && paragraph[end] != '.') ++end;
            name_end = end;
            if (end < paragraph.size() && paragraph[end] == ' ') ++end;
        }
        if (name_end > at + 4) {
            const std::string_view name = paragraph.substr(at + 4, name_end - at - 4);
            return Focus{resolver.resolve(name), name};
        }
    }
    return {};
}

// How many tokens after a sentence's subject a colon may come and still open
// what the subject says: "Mayor Ines Sollery, at the cordon an hour ago: ...".
constexpr std::uint32_t k_colon_reach = 10;

// True when a colon follows the subject that ends at token `from`, within
// k_colon_reach tokens, after a comma or a word of lexicon.colon_leads right
// after the subject, and before any word that makes a claim ("The ambulance
// service has updated its figures: 19 people were treated"); not a clock's
// "10:30".
bool colon_opens_content(const extraction::SentenceView& s, const extraction::Lexicon& lexicon, std::uint32_t from)
{
    const auto n = static_cast<std::uint32_t>(s.tokens.size());
    if (from >= n || !(s.is_punct(from, ',') || lexicon.colon_leads.contains(s.tokens[from]))) return false;
    for (std::uint32_t t = from; t < n && t < from + k_colon_reach; ++t) {
        if (!s.is_punct(t, ':')) continue;
        if (t > 0 && t + 1 < n && s.tokens[t - 1].number && s.tokens[t + 1].number) return false;
        return t + 1 < n && std::ranges::none_of(s.matches, [&](const extraction::PhraseMatch& match) {
                   return match.pos < t && (match.cue == extraction::Cue::trigger || match.cue == extraction::Cue::state ||
                                            match.cue == extraction::Cue::blame ||
                                            match.cue == extraction::Cue::patient_verb ||
                                            match.cue == extraction::Cue::to_hospital);
               });
    }
    return false;
}

// True when the subject that ends at token `from` did what a figure counts
// to the people it counts: "Ravelstone Ambulance Service treated 38 people",
// "Eddisford Royal Infirmary has admitted 14 patients", and, when
// `arrests` is set, "Police have arrested two people". A known source that
// treats gives its own count, one that arrests too, except in a statement
// that is one source's whole text: "Police arrested 40 of our members" in
// an opposition party's statement is the party's figure.
bool acts_on_counted(const extraction::SentenceView& s, const extraction::Lexicon& lexicon, std::uint32_t from,
                     bool arrests)
{
    std::uint32_t t = from;
    // Adverbs, "has" among them ("Dunhollow General Hospital has treated 41
    // people"), and a progressive's "is" ("... is treating 87 patients").
    auto progressive = [](std::string_view word) { return word == "is" || word == "are" || word == "was" || word == "were"; };
    while (t < s.tokens.size() && (lexicon.adverbs.contains(s.tokens[t]) || progressive(s.tokens[t].word))) ++t;
    if (t >= s.tokens.size()) return false;
    if (s.at(t, extraction::Cue::patient_verb) != nullptr || lexicon.figure_verbs.contains(s.tokens[t])) return true;
    const std::string_view word = s.tokens[t].word;
    const bool acts = word == "treated" || word == "admitted" || (arrests && (word == "arrested" || word == "detained"));
    return acts && s.at(t, extraction::Cue::trigger) != nullptr;
}

// True when `speaker` speaks the clause that separator `sep` opens: after
// ", while" or ";" anywhere in it, after ", and" only when it opens the
// clause ("..., and the federation says ..."; not "..., and Linthwaite must
// share the blame ... Our members told management ...").
bool opens_clause(const extraction::SentenceView& s, std::uint32_t sep, const extraction::Attribution& speaker)
{
    return s.tokens[sep].word != "and" || speaker.first == sep + 1;
}

// "My department", "our officers": the body of whoever speaks the sentence.
bool own_body(std::string_view opener) { return opener == "my" || opener == "our"; }

// "A spokeswoman", "the spokesman": a word of focus_roles alone, after a
// determiner or none.
bool lone_focus_role(const extraction::SentenceView& s, const extraction::Lexicon& lexicon,
                     const extraction::Attribution& speaker)
{
    std::uint32_t first = speaker.first;
    if (first + 1 < speaker.last && lexicon.determiners.contains(s.tokens[first])) ++first;
    return first + 1 == speaker.last && lexicon.focus_roles.contains(s.tokens[first]);
}

std::string_view words_of(std::string_view text, std::span<const WordToken> tokens, std::uint32_t first,
                          std::uint32_t last)
{
    return text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start);
}

}  // namespace

Extractor::Extractor(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Expected<Extractor> Extractor::load(const RuleSet& rules)
{
    const std::string dir = (std::filesystem::path(rules.dir()) / "lexicon").string();
    auto lexicon = extraction::Lexicon::load(dir, rules.attributes());
    if (!lexicon) return std::unexpected(lexicon.error());
    auto quantities = QuantityParser::load((std::filesystem::path(dir) / "quantities.toml").string());
    if (!quantities) return std::unexpected(quantities.error());
    auto causes = extraction::CauseFinder::load(dir);
    if (!causes) return std::unexpected(causes.error());
    causes->compile(lexicon->vocabulary);
    return Extractor(std::make_unique<Impl>(Impl{std::move(*lexicon), std::move(*quantities), std::move(*causes)}));
}

Expected<Extraction> Extractor::extract(const Document& document, const ExtractOptions& options) const
{
    const std::string_view text = document.text;
    if (auto valid = validate_utf8(text, document.path); !valid) return std::unexpected(valid.error());
    const extraction::Lexicon& lexicon = m_impl->lexicon;

    const std::vector<extraction::ByteRange> skips =
        is_markdown(document.path) ? extraction::markdown_skips(text) : std::vector<extraction::ByteRange>{};
    // Buffers one document fills and the next reuses, one set per thread:
    // grown anew for every document they cost a dozen allocations, some of
    // them large enough to make the allocator tidy its free lists each time.
    thread_local DocumentScratch buffers;
    if (options.folded == nullptr) fold_with_map(text, buffers.folded);
    const FoldedText& folded = options.folded != nullptr ? *options.folded : buffers.folded;
    const LineIndex lines(text);
    extraction::SourceResolver resolver(options.known_sources, lexicon);
    const std::string document_speaker =
        options.speaker ? *options.speaker : (options.publication.empty() ? "publication" : options.publication);

    Extraction extraction;
    const Focus document_voice{document_speaker, {}};
    Focus focus;
    // A transcript's turn: the sentences of a labelled paragraph are its speaker's.
    Focus turn;
    std::size_t turn_end = 0;
    std::size_t unowned_end = 0;  // a checked claim's paragraph that names no author
    // A printed interview's "A:" turns are the interviewee's: the speaker in
    // focus when its first "Q:" came (the introduction's "We spoke to her").
    Focus interviewee;
    bool interview = false;
    // "According to X:" before a list: its items are X's.
    Focus list;
    std::vector<WordToken>& tokens = buffers.tokens;
    std::vector<extraction::PhraseMatch>& matches = buffers.matches;
    std::vector<extraction::Figure>& figures = buffers.figures;
    std::vector<extraction::SentenceClaim>& found = buffers.found;
    extraction::ClaimScratch& scratch = buffers.claims;
    // The largest injury count each source gave so far.
    LargestCounts<std::string_view> injuries_from;
    // The largest count of each attribute so far, whoever gave it.
    LargestCounts<std::string> largest;
    // The largest count of each source and attribute in the paragraph.
    LargestCounts<std::pair<std::string_view, std::string>> paragraph_largest;
    // What the document's last count claim counted: "put the figure at ..." counts it again.
    std::string last_count;
    const std::string rule_version = "@" + std::to_string(extraction::k_rule_version);

    // Figures of another year, or of a round-up's other stories, are another event's.
    extraction::YearScope years(options.event, options.event_date, document.published);
    // The month the document was published in, 1 to 12; 0 when not known.
    const int published_month = month_of(document.published);
    std::size_t previous_end = 0;
    // Where the claims of the sentence before and of this one begin.
    std::size_t previous_claims = 0;
    std::size_t sentence_claims = 0;
    // The agent that opened the sentence before: "They are to blame" after it is its.
    std::string_view previous_subject;
    const std::vector<extraction::ByteRange> other_stories = extraction::other_stories(text, options.event);
    auto story = other_stories.begin();
    const std::vector<extraction::SourceTable> tables = extraction::source_tables(text, lexicon.table_source_headers);
    auto table = tables.begin();
    extraction::SignedQuotes signed_quotes(text);
    // The words of tokens [first, last) of the sentence, which the resolver
    // is about to be asked about: it learns their key from the tokens.
    auto mention_of = [&](std::uint32_t first, std::uint32_t last) {
        const std::string_view words = words_of(text, tokens, first, last);
        resolver.learn(words, std::span<const WordToken>(tokens).subspan(first, last - first));
        return words;
    };

    // A claim pinned to bytes [start, end) of the text, by extraction rule `rule`.
    auto add = [&](Claim&& claim, std::size_t start, std::size_t end, std::string_view rule) -> Expected<void> {
        claim.document = document.sha256;
        const LineColumn at = lines.at(start);
        claim.span = Span{start, end, at.line, at.column};
        if (options.quotes) {
            claim.quote = std::string(text.substr(start, end - start));
            claim.prefix = std::string(before(text, start));
            claim.suffix = std::string(after(text, end));
            // Appended, not formatted: every claim writes one.
            claim.origin = "extracted:";
            claim.origin.append(rule).append(rule_version);
        }
        claim.stated_on = document.published;
        if (options.claim_ids) claim.id = make_claim_id(claim);
        if (extraction.claims.size() == k_max_claims_per_document) {
            return bad_input(fmt::format("more than {} claims in one document", k_max_claims_per_document),
                             Location{document.path, at.line, at.column, start});
        }
        // Sixteen at first: growing from one moved a document's first claims four times.
        if (extraction.claims.capacity() == 0) extraction.claims.reserve(16);
        extraction.claims.push_back(std::move(claim));
        return {};
    };
    // True when the table has a column of figures.
    auto add_table = [&](const extraction::SourceTable& source_table) -> Expected<bool> {
        bool figure_columns = false;
        for (TableFigure& figure :
             table_figures(text, source_table, lexicon, m_impl->quantities, resolver, figure_columns)) {
            Claim claim;
            claim.event = options.event;
            claim.source = figure.source;
            claim.mention = figure.mention;
            claim.attribute = std::move(figure.attribute);
            claim.qualifier = std::move(figure.qualifier);
            claim.value = std::move(figure.value);
            if (auto added = add(std::move(claim), figure.start, figure.end, extraction::k_rule_table); !added) {
                return std::unexpected(added.error());
            }
        }
        return figure_columns;
    };
    std::size_t table_end = 0;

    FoldedCursor to_folded(folded);
    for (const extraction::ByteRange& range : extraction::segment_sentences(text, skips)) {
        if (options.sentences) extraction.sentences.emplace_back(range.start, range.end);
        while (story != other_stories.end() && story->end <= range.start) ++story;
        if (story != other_stories.end() && story->start <= range.start) continue;
        // A table whose rows are sources is read as a table, once, where it
        // begins; one with no column of figures ("| Who | What they say |") as text.
        for (; table != tables.end() && table->bytes.start <= range.start; ++table) {
            auto read = add_table(*table);
            if (!read) return std::unexpected(read.error());
            if (*read) table_end = table->bytes.end;
        }
        if (range.start < table_end) continue;
        const std::size_t first = to_folded.at(range.start);
        extraction::tokenize_words(folded, text, first, to_folded.at(range.end), tokens);
        if (tokens.empty()) continue;
        const bool same_paragraph = !blank_line_between(text, previous_end, range.start);
        if (!same_paragraph) paragraph_largest.clear();
        years.next_sentence(tokens, years.carries() && same_paragraph);
        previous_end = range.end;
        lexicon.look_up(tokens);
        lexicon.phrases.scan(tokens, matches);
        // "on Easter Monday last year" in a report of the year after the event tells of the event.
        if (years.event_was_last_year()) {
            std::erase_if(matches, [](const extraction::PhraseMatch& match) {
                return match.cue == extraction::Cue::out_of_scope && match.payload == extraction::k_year_before;
            });
        }
        // A sentence opening "In April" tells of another event when the document is of neither
        // April nor May.
        if (published_month != 0 && tokens.size() > 2 && tokens[0].word == "in" && tokens[1].capital) {
            const auto named = std::ranges::find(lexicon.calendar_months, tokens[1].word);
            const int month = static_cast<int>(named - lexicon.calendar_months.begin()) + 1;
            if (named != lexicon.calendar_months.end() && month != published_month &&
                month % 12 + 1 != published_month) {
                matches.insert(matches.begin(), extraction::PhraseMatch{0, 2, extraction::Cue::out_of_scope, 0});
            }
        }
        const extraction::SentenceView sentence{tokens, matches};
        define_acronyms(text, tokens, resolver);
        // "The article said two people had been killed. That was wrong.": the
        // counts of the sentence before are withdrawn.
        previous_claims = std::exchange(sentence_claims, extraction.claims.size());
        if (opens_retraction(sentence)) {
            const auto from = extraction.claims.begin() + static_cast<std::ptrdiff_t>(previous_claims);
            const auto to = extraction.claims.begin() + static_cast<std::ptrdiff_t>(sentence_claims);
            const auto kept = std::remove_if(from, to, is_count_claim);
            sentence_claims -= static_cast<std::size_t>(to - kept);
            extraction.claims.erase(kept, to);
        }

        // "The cooperative blamed the coastguard": the blame is its subject's.
        Focus blamer;
        std::uint32_t blamer_end = 0;
        // Who speaks: a labelled turn or an introduced list, else the document's voice,
        // unless the sentence names its own speaker.
        if (range.start >= turn_end) turn = Focus{};
        // "**The claim:** \"31 tourists burned to death ...\" Video post by the
        // account @orvenna_truth": the claim a fact check checks is its
        // author's, for the paragraph; nobody's when the paragraph names none.
        const std::uint32_t claim_end = claim_label_end(text, range.start, tokens, lexicon.claim_labels);
        if (claim_end != 0) {
            turn_end = paragraph_end(text, range.start);
            turn = claimant(text, tokens[claim_end - 1].end, turn_end, resolver, lexicon);
            unowned_end = turn.id.empty() ? turn_end : 0;
            if (!turn.id.empty()) focus = turn;
        }
        Label label = claim_end != 0 ? Label{} : speaker_label(text, range.start, tokens);
        if (claim_end == 0 && (label.words == 0 || label.item)) {
            // "- **Interior Ministry:** four dead": a bold lead before a plain one.
            if (Label bold = bold_label(text, range.start, tokens); bold.words > 0) label = bold;
        }
        // "- **Deaths:** ...", "- **Admitted to hospital:** 7": a heading in
        // bold names no one.
        if (label.bold && std::ranges::any_of(matches, [&](const extraction::PhraseMatch& match) {
                return match.pos < label.words &&
                       (match.cue == extraction::Cue::trigger || match.cue == extraction::Cue::patient_verb ||
                        match.cue == extraction::Cue::to_hospital);
            })) {
            label = Label{};
        }
        if (label.words > 0) {
            const std::string_view named = mention_of(label.first, label.words);
            // "Thackwell Police (@ThackwellPolice)": the handle names the account's owner later.
            if (label.post && label.note_last > label.note_first + 1 && tokens[label.note_first].word == "@") {
                resolver.define_acronym(words_of(text, tokens, label.note_first + 1, label.note_last), named);
            }
            std::string_view id = label.bold || label.post ? resolver.resolve(named) : resolver.find(named);
            if (id.empty() && label.note_last > label.note_first) {
                id = resolver.find(mention_of(label.note_first, label.note_last));
            }
            const bool one_letter = label.words == label.first + 1 && tokens[label.first].word.size() == 1;
            if (id.empty() && one_letter && tokens[label.first].word == "q" && !interview) {
                interview = true;
                interviewee = focus;
            }
            Focus answers;
            if (id.empty() && one_letter && tokens[label.first].word == "a" && interview) answers = interviewee;
            if (!answers.id.empty()) {
                turn = answers;
                turn_end = text.size();
                focus = turn;
            } else if (!id.empty() || !label.named_only || !turn.id.empty()) {
                turn = id.empty() ? Focus{} : Focus{id, named};
                // A transcript's turn in capitals runs on over paragraphs to the next
                // label ("SUPT. OYELARAN: ... [paragraphs] ... REPORTER:"); a title-case
                // one, which may as well be a headline's "Ryland Mansions:", ends with
                // its paragraph.
                turn_end = label.bold || label.item ? line_end(text, range.start)
                         : label.named_only && !label.titled ? paragraph_end(text, range.start)
                                            : text.size();
                if (!turn.id.empty()) focus = turn;
            }
        }
        if (!list.id.empty() && !in_list_item(text, range.start)) list = Focus{};
        Focus speaker = !turn.id.empty() ? turn : !list.id.empty() ? list : document_voice;
        const auto attribution = extraction::find_attribution(sentence, lexicon, claim_end);
        // "The three who died were found in two cars; the prefecture said all
        // of them had been overcome by smoke": a speaker that opens a later
        // clause does not speak the clause before it, which keeps the voice
        // the sentence had without that speaker (copied only then).
        std::size_t first_clause_end = 0;
        Focus voice;
        if (attribution) {
            const auto sep = extraction::clause_separator(sentence, 0, std::min(attribution->first, attribution->cue));
            if (sep != 0 && opens_clause(sentence, sep, *attribution)) {
                first_clause_end = tokens[sep].start;
                voice = speaker;
            }
        }
        if (attribution) {
            const std::string_view mention = words_of(text, tokens, attribution->first, attribution->last);
            // "The regional emergency service gives other figures: it says ...":
            // a pronoun after the sentence's own subject stands for that subject.
            std::optional<extraction::Attribution> subject;
            if (attribution->kind == extraction::SpeakerKind::pronoun) {
                subject = extraction::leading_subject(sentence, lexicon);
                if (subject && subject->last > attribution->first) subject.reset();
                // "Our officers showed great restraint, and we do not accept ...":
                // the speaker's own body, which the pronoun does not replace.
                if (subject && own_body(tokens[subject->first].word)) subject.reset();
            }
            const std::string_view opener = tokens[attribution->first].word;
            if (own_body(opener)) {
                // "My department does not accept ...": the body of whoever speaks.
                speaker.mention = mention;
            } else if (attribution->kind == extraction::SpeakerKind::named && !focus.id.empty() &&
                       lone_focus_role(sentence, lexicon, *attribution)) {
                // "A spokeswoman said" after the inspectorate's denial: the inspectorate's.
                speaker = Focus{focus.id, mention};
            } else if (attribution->kind == extraction::SpeakerKind::named) {
                speaker = Focus{resolver.resolve(mention_of(attribution->first, attribution->last)), mention};
                focus = speaker;
                if (attribution->relayed) {
                    const std::string_view relayer =
                        mention_of(attribution->relayer_first, attribution->relayer_last);
                    focus = Focus{resolver.resolve(relayer), relayer};
                }
            } else if (subject) {
                const std::string_view named = mention_of(subject->first, subject->last);
                speaker = Focus{resolver.resolve(named), named};
                focus = speaker;
            } else if ((opener == "we" || opener == "i") && options.speaker && !sentence.quoted_at(attribution->first)) {
                // A statement's own "we do not accept ...": its speaker's, not the source last named.
                speaker.mention = mention;
            } else if (!focus.id.empty()) {
                speaker = Focus{focus.id, mention};
            } else {
                speaker.mention = mention;
            }
        } else if (const extraction::SignedQuote* signed_quote =
                       turn.id.empty() ? signed_quotes.at(range.start) : nullptr) {
            // A pull quote signed after a dash: '"..." - Zorica Varnak, MP'.
            speaker = Focus{resolver.resolve(signed_quote->name), signed_quote->name};
            focus = speaker;
        } else if (sentence.is_punct(0, '"') && !focus.id.empty()) {
            speaker = focus;  // a quotation that goes on from the last speaker
        } else if (auto subject = extraction::leading_subject(sentence, lexicon)) {
            const std::string_view mention = mention_of(subject->first, subject->last);
            // "The union holds Garside Timber responsible": a lone noun after
            // "the" names the one known source whose kind holds it.
            std::string_view id = resolver.find(mention);
            if (id.empty() && tokens[subject->first].word == "the") id = resolver.find_by_kind(mention);
            if (!id.empty()) {
                focus = Focus{id, mention};
                blamer = focus;
                blamer_end = tokens[subject->last - 1].end;
                // The subject speaks the sentence when a colon after it opens
                // what it says ("Merriton Police have just given an update: 19
                // people have now been arrested") or when it treated or
                // arrested the people counted ("Ravelstone Ambulance Service
                // treated 38 people").
                if (colon_opens_content(sentence, lexicon, subject->last) ||
                    acts_on_counted(sentence, lexicon, subject->last, !options.speaker)) {
                    speaker = focus;
                }
            } else if (!focus.id.empty() && (tokens[0].word == "its" || tokens[0].word == "their") &&
                       acts_on_counted(sentence, lexicon, subject->last, !options.speaker)) {
                // "Its crews have treated about 40 people": the body in focus.
                speaker = focus;
            }
        } else if (!focus.id.empty() && std::ranges::any_of(matches, [](const extraction::PhraseMatch& match) {
                       return match.pos == 0 && match.cue == extraction::Cue::pronoun;
                   })) {
            // "It accused the police of ...": a pronoun opening the sentence
            // blames for the source in focus; "We hold ..." is the speaker's.
            if (tokens[0].word != "we" && tokens[0].word != "i") {
                blamer = focus;
                blamer_end = tokens[0].end;
            }
            // "It puts the toll at 14", "It treated 41 people": the body in
            // focus gives the figures.
            if (acts_on_counted(sentence, lexicon, 1, !options.speaker)) speaker = focus;
        }

        // "According to the education authority:" introduces what follows.
        if (attribution && tokens.back().punct && tokens.back().word == ":") list = speaker;

        // The figures.
        figures.clear();
        // Only a sentence with a trigger can hold a count: the others skip the quantity parser.
        const bool has_trigger =
            std::ranges::any_of(matches,
                                [](const extraction::PhraseMatch& match) {
                                    return match.cue == extraction::Cue::trigger ||
                                           match.cue == extraction::Cue::patient_verb ||
                                           match.cue == extraction::Cue::to_hospital ||
                                           match.cue == extraction::Cue::restating;
                                }) ||
            // "its crews took 21 people to hospital" (see carry_verbs)
            (std::ranges::any_of(tokens, [&](const WordToken& t) { return lexicon.carry_verbs.contains(t); }) &&
             std::ranges::any_of(tokens, [&](const WordToken& t) { return lexicon.hospital_words.contains(t); }));
        const std::string_view slice = text.substr(range.start, has_trigger ? range.end - range.start : 0);
        for (const Quantity& quantity : m_impl->quantities.find(slice)) {
            if (quantity.kind != QuantityKind::count || quantity.lo < 0) continue;
            const std::size_t q_start = range.start + quantity.start;
            const std::size_t q_end = range.start + quantity.end;
            auto first = std::ranges::find_if(tokens, [&](const WordToken& t) { return t.start >= q_start; });
            auto last = std::ranges::find_if(first, tokens.end(), [&](const WordToken& t) { return t.end > q_end; });
            if (first == last) continue;
            extraction::Figure figure;
            figure.first = static_cast<std::uint32_t>(first - tokens.begin());
            figure.last = static_cast<std::uint32_t>(last - tokens.begin());
            // A year is not a count: "since 2010", "June 20, 2023".
            const bool year_like = figure.last - figure.first == 1 && first->number && first->word.size() == 4 &&
                                   quantity.hi == quantity.lo && quantity.lo >= 1800 && quantity.lo <= 2100;
            const bool counts_something = sentence.at(figure.last, extraction::Cue::trigger) != nullptr ||
                                          sentence.at(figure.last, extraction::Cue::group) != nullptr;
            if (year_like && !counts_something) continue;
            // "three hours", "40 kilometres": a measure, not a number of people;
            // "a 30-year-old man", "a 40-minute delay": an age or a measure too.
            const std::size_t unit = figure.last < tokens.size() && sentence.is_punct(figure.last, '-') ? figure.last + 1
                                                                                                      : figure.last;
            if (unit < tokens.size() && lexicon.measures.contains(tokens[unit])) continue;
            figure.count = whole_count(quantity);
            // "3.3 On the evidence ...": a section's number holds no whole count of people.
            if (figure.count.hi && *figure.count.hi < figure.count.lo) continue;
            figure.wording = quantity.text;
            figures.push_back(std::move(figure));
        }

        found.clear();
        extraction::build_claims(sentence, lexicon, figures, attribution, previous_subject, scratch, found);
        // "incorrectly stated that 12 people had been injured. The correct
        // figure is nine.": what the withdrawn figure counted is what the
        // correction counts.
        if (!scratch.retracted_attribute.empty()) last_count = scratch.retracted_attribute;
        previous_subject = extraction::opening_agent(sentence, lexicon);
        m_impl->causes.find(text, sentence, lexicon, attribution, found);

        // "City police put the figure at 12,000 to 15,000, while Densa Analytics
        // estimated the crowd at about 21,000": a later clause with a speaker
        // of its own is that speaker's, from its separator on.
        Focus second;
        std::size_t second_from = text.size();
        if (attribution && !found.empty()) {
            const std::uint32_t after_first = std::max(attribution->cue, attribution->last);
            std::uint32_t sep = extraction::clause_separator(sentence, after_first);
            std::optional<extraction::Attribution> later;
            if (sep != 0) {
                later = extraction::find_attribution(sentence, lexicon, sep + 1);
                if (later && (later->kind != extraction::SpeakerKind::named || !opens_clause(sentence, sep, *later))) {
                    later.reset();
                }
            } else {
                // "ministry says three dead, villagers say nine killed": a
                // comma right before a name and its verb of saying. Only up
                // to the sentence's last verb of saying, and only where a
                // name may begin.
                std::uint32_t last_verb = 0;
                for (const auto& match : matches) {
                    if (match.cue == extraction::Cue::verb) last_verb = std::max(last_verb, match.pos);
                }
                for (std::uint32_t t = after_first; t + 1 < last_verb && !later; ++t) {
                    if (!sentence.is_punct(t, ',')) continue;
                    const WordToken& next = tokens[t + 1];
                    if (!next.capital && !lexicon.determiners.contains(next) && !lexicon.speaker_words.contains(next)) {
                        continue;
                    }
                    auto named = extraction::find_attribution(sentence, lexicon, t + 1);
                    if (named && named->kind == extraction::SpeakerKind::named && named->first == t + 1 &&
                        named->cue == named->last) {
                        later = named;
                        sep = t;
                    }
                }
            }
            if (later) {
                const std::string_view named = mention_of(later->first, later->last);
                second = Focus{resolver.resolve(named), named};
                second_from = tokens[sep].start;
                focus = second;
            }
        }
        // "- **Dead:** 2 (Dalehurst Constabulary)": a known source in brackets
        // after the figures gives them to itself.
        Focus bracket;
        std::size_t bracket_start = 0;
        if (!attribution && turn.id.empty() && list.id.empty() && !found.empty() &&
            text.substr(range.start, range.end - range.start).find('(') != std::string_view::npos) {
            const auto first_figure = std::ranges::min(found, {}, &extraction::SentenceClaim::start).start;
            const auto after = static_cast<std::uint32_t>(
                std::ranges::find_if(tokens, [&](const WordToken& t) { return t.start >= first_figure; }) -
                tokens.begin());
            if (const TokenRange inside = bracketed_source(sentence, after); !inside.empty()) {
                const std::string_view named = mention_of(inside.first, inside.last);
                if (const std::string_view id = resolver.find(named); !id.empty()) {
                    bracket = Focus{id, named};
                    bracket_start = tokens[inside.first - 1].start;
                }
            }
        }
        // "Is it true that six people died?": a question asserts nothing,
        // unless it names who says so ("..., as the union says, ...?"); what
        // comes before its colon or stop does ("Seven dead on Cinder Row:
        // did Gallowbrook learn nothing from Bexmoor?").
        const std::size_t question = question_start(text, range);
        for (extraction::SentenceClaim& raw : found) {
            if (!attribution && (raw.start < unowned_end || raw.end > question)) continue;
            const Count* count = std::get_if<Count>(&raw.value.data);
            if ((count != nullptr || raw.attribute == "cause") && years.outside(raw.start, raw.end)) continue;
            const Focus& said_by = raw.end <= bracket_start        ? bracket
                                 : raw.start >= second_from        ? second
                                 : raw.end <= first_clause_end     ? voice
                                                                   : speaker;
            // "put the figure at 12,000": the count of whatever the last one counted.
            if (raw.attribute.empty()) {
                if (last_count.empty()) continue;
                raw.attribute = last_count;
            } else if (count != nullptr) {
                last_count = raw.attribute;
            }
            if (count != nullptr) {
                // "Two of them died" after "three people died": some of those counted, not a count.
                if (raw.partitive && largest.below(raw.attribute, *count)) continue;
                // "He died in hospital" after a toll is one of those counted.
                if (raw.pronoun_person && largest.any(raw.attribute)) continue;
                largest.record(raw.attribute, count->lo);
                // "Eleven were injured. Eight were treated at the scene": a part.
                std::pair<std::string_view, std::string> key{said_by.id, raw.attribute};
                if ((raw.bare || raw.some_people) && paragraph_largest.below(key, *count)) continue;
                paragraph_largest.record(std::move(key), count->lo);
                if (raw.attribute == "injuries") {
                    // "several residents were taken to a hospital" after the same source's
                    // "more than 100 residents were hurt": some of them, not a count.
                    if (raw.part_of_earlier && injuries_from.below(said_by.id, *count)) continue;
                    injuries_from.record(said_by.id, count->lo);
                }
            }
            // "it was not responsible": the agent is whoever speaks, unless that
            // is the publication's own voice, where the pronoun names another.
            if (raw.agent_is_speaker) {
                const bool own_voice = !attribution && turn.id.empty() && list.id.empty() && !options.speaker;
                if (own_voice) continue;
                // "Dorran Council says it is not to blame": a speaker named by an
                // agent's phrase is that agent, as "the council" would be.
                std::string& agent = std::get<Agent>(raw.value.data).agent;
                agent = said_by.id;
                if (attribution && &said_by == &speaker && attribution->kind == extraction::SpeakerKind::named) {
                    for (const auto& match : matches) {
                        if (match.cue == extraction::Cue::agent && match.pos >= attribution->first &&
                            match.end() <= attribution->last) {
                            agent = lexicon.agents[static_cast<std::size_t>(match.payload)];
                        }
                    }
                }
            }
            // "Northgate is responsible", "the landlord killed them": a name or a
            // description the lexicon does not list is the known (or earlier)
            // source it names or whose kind it is, else its slug.
            if (raw.agent_end > raw.agent_start) {
                const std::string_view agent = text.substr(raw.agent_start, raw.agent_end - raw.agent_start);
                std::string_view id = resolver.find(agent);
                if (id.empty()) id = resolver.find_by_kind(agent);
                if (id.empty() && raw.agent_known_only) continue;
                if (!id.empty()) std::get<Agent>(raw.value.data).agent = id;
            }
            // "The council rejects that account": it denies the latest blame of
            // this paragraph or the one before, when that blame was its own.
            if (raw.denies_before) {
                const std::size_t from = previous_paragraph_start(text, range.start);
                const auto blame = std::ranges::find_if(extraction.claims.rbegin(), extraction.claims.rend(),
                                                        [&](const Claim& claim) {
                                                            const auto* agent = std::get_if<Agent>(&claim.value.data);
                                                            return agent != nullptr && agent->responsible &&
                                                                   claim.span.start >= from;
                                                        });
                if (blame == extraction.claims.rend() ||
                    std::get<Agent>(blame->value.data).agent != std::get<Agent>(raw.value.data).agent) {
                    continue;
                }
            }
            // "The cooperative blamed the coastguard", "The union holds Garside
            // Timber responsible": the subject's, where a verb of blame follows
            // it ("The council is responsible" is the publication's).
            const bool own_blame =
                !blamer.id.empty() && raw.start >= blamer_end &&
                (raw.rule == extraction::k_rule_blame ||
                 (raw.rule == extraction::k_rule_state &&
                  std::ranges::any_of(matches, [&](const extraction::PhraseMatch& match) {
                      return match.cue == extraction::Cue::blame && tokens[match.pos].start >= blamer_end &&
                             tokens[match.pos].end <= raw.start;
                  })));
            Claim claim;
            claim.event = options.event;
            claim.source = own_blame ? blamer.id : said_by.id;
            claim.mention = own_blame ? blamer.mention : said_by.mention;
            // "The firm rejected the allegation", in the publication's voice: the firm's.
            if (raw.agent_speaks && said_by.id == document_voice.id && raw.agent_end > raw.agent_start) {
                const std::string_view agent = std::get<Agent>(raw.value.data).agent;
                if (resolver.find(text.substr(raw.agent_start, raw.agent_end - raw.agent_start)) == agent) {
                    claim.source = agent;
                    claim.mention = text.substr(raw.agent_start, raw.agent_end - raw.agent_start);
                }
            }
            claim.attribute = std::move(raw.attribute);
            claim.qualifier = std::move(raw.qualifier);
            claim.value = std::move(raw.value);
            claim.polarity = raw.polarity;
            if (auto added = add(std::move(claim), raw.start, raw.end, raw.rule); !added) {
                return std::unexpected(added.error());
            }
        }
    }
    for (; table != tables.end(); ++table) {
        if (auto read = add_table(*table); !read) return std::unexpected(read.error());
    }
    extraction.new_sources = resolver.take_new_sources();
    return extraction;
}

}  // namespace contra
