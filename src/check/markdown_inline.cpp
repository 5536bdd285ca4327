// The inline pass: a left-to-right scanner over the text of one leaf block
// that follows CommonMark's inline rules closely enough to tell markup from
// prose. cmark-gfm's inline source positions are not reliable, so the scanner
// reads the bytes itself and takes from the parsed tree only what it cannot
// tell by itself (which `<…>` are inline HTML).
#include "check/markdown.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace contra::detail::markdown {

namespace {

constexpr std::size_t k_none = std::string_view::npos;
constexpr std::size_t k_max_label = 999;
constexpr int k_max_paren_depth = 32;
constexpr std::size_t k_max_lookback = 128;

bool is_ascii_punct(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 0x21 && u <= 0x2f) || (u >= 0x3a && u <= 0x40) || (u >= 0x5b && u <= 0x60) ||
           (u >= 0x7b && u <= 0x7e);
}

// The bytes InlineBlanker::scan acts on (the cases of its switch: keep the
// two in step); it steps over every other one.
constexpr std::array<bool, 256> k_scan_acts_on = [] {
    std::array<bool, 256> acts{};
    for (const char c : std::string_view("\\`<![]*_~hw")) acts[static_cast<unsigned char>(c)] = true;
    return acts;
}();

bool is_blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// The code point that starts at `pos` (0xFFFD for a stray byte).
char32_t decode_at(std::string_view text, std::size_t pos)
{
    const auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) return b0;
    const int extra = b0 >= 0xf0 ? 3 : b0 >= 0xe0 ? 2 : b0 >= 0xc0 ? 1 : 0;
    if (extra == 0) return 0xfffd;
    char32_t cp = b0 & (0x3f >> extra);
    for (int k = 1; k <= extra; ++k) {
        if (pos + k >= text.size()) return 0xfffd;
        cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3f);
    }
    return cp;
}

// The code point that ends just before `pos`, or a space at `begin`.
char32_t decode_before(std::string_view text, std::size_t pos, std::size_t begin)
{
    if (pos <= begin) return U' ';
    std::size_t start = pos - 1;
    for (int k = 0; k < 3 && start > begin && (static_cast<unsigned char>(text[start]) & 0xc0) == 0x80; ++k) --start;
    return decode_at(text, start);
}

bool is_space_cp(char32_t cp)
{
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' || cp == U'\v' ||
           cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

bool is_punct_cp(char32_t cp)
{
    if (cp < 0x80) return is_ascii_punct(static_cast<char>(cp));
    return (cp >= 0xa1 && cp <= 0xbf) || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205e) ||
           (cp >= 0x3001 && cp <= 0x303f);
}

std::size_t skip_blanks(std::string_view text, std::size_t pos, std::size_t end)
{
    while (pos < end && is_blank_byte(text[pos])) ++pos;
    return pos;
}

bool is_scheme_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.' ||
           c == '-';
}

bool is_email_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

// `<scheme:…>` or `<user@host>` at `pos`: the end of it, or k_none.
std::size_t autolink_end(std::string_view text, std::size_t pos, std::size_t end)
{
    std::size_t j = pos + 1;
    const std::size_t scheme_begin = j;
    while (j < end && is_scheme_char(text[j])) ++j;
    const std::size_t scheme_length = j - scheme_begin;
    if (j < end && text[j] == ':' && scheme_length >= 2 && scheme_length <= 32) {
        for (++j; j < end; ++j) {
            const auto c = static_cast<unsigned char>(text[j]);
            if (c == '>') return j + 1;
            if (c <= 0x20 || c == '<') return k_none;
        }
        return k_none;
    }
    j = pos + 1;
    while (j < end && is_email_char(text[j])) ++j;
    if (j == pos + 1 || j >= end || text[j] != '@') return k_none;
    const std::size_t host = ++j;
    while (j < end && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '.' || text[j] == '-')) ++j;
    if (j == host || j >= end || text[j] != '>') return k_none;
    return j + 1;
}

// The literal `html` at `pos`, allowing the container indentation that cmark
// strips after each line break: the end of the match, or k_none.
std::size_t match_loose(std::string_view text, std::size_t pos, std::size_t end, std::string_view html)
{
    std::size_t i = pos;
    std::size_t k = 0;
    while (k < html.size()) {
        if (i >= end) return k_none;
        if (text[i] == html[k]) {
            ++i;
            ++k;
        } else if (k > 0 && html[k - 1] == '\n' && (text[i] == ' ' || text[i] == '\t')) {
            ++i;
        } else if (text[i] == '\r' && html[k] == '\n') {
            ++i;
        } else {
            return k_none;
        }
    }
    return i;
}

}  // namespace

void blank(std::string& prose, std::size_t begin, std::size_t end)
{
    // A select per byte over a plain range, which the compiler vectorises
    // (a whole draft is blanked once before its prose is put back).
    end = std::min(end, prose.size());
    if (begin >= end) return;
    char* const bytes = prose.data();
    for (std::size_t i = begin; i < end; ++i) {
        const char c = bytes[i];
        bytes[i] = (c == '\n' || c == '\r') ? c : ' ';
    }
}

std::string normalize_label(std::string_view label)
{
    std::string out;
    out.reserve(label.size());
    bool space = false;
    for (const char c : label) {
        if (is_blank_byte(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

void InlineBlanker::run(const std::vector<InlineRegion>& regions, const std::vector<std::string>& html)
{
    m_html = &html;
    m_next_html = 0;
    for (const auto& region : regions) scan(region.begin, region.end);
}

void InlineBlanker::scan(std::size_t begin, std::size_t end)
{
    m_openers.clear();
    m_delimiters.clear();
    m_backticks_unclosed.fill(false);
    std::size_t i = begin;
    while (i < end) {
        switch (m_work[i]) {
        case '\\':
            if (i + 1 < end && is_ascii_punct(m_work[i + 1])) {
                blank(m_prose, i, i + 1);  // the escaped character is prose
                i += 2;
            } else {
                if (i + 1 < end && (m_work[i + 1] == '\n' || m_work[i + 1] == '\r')) blank(m_prose, i, i + 1);
                ++i;
            }
            break;
        case '`':
            i = code_span(i, end);
            break;
        case '<':
            i = angle(i, end);
            break;
        case '!':
            if (i + 1 < end && m_work[i + 1] == '[') {
                m_openers.push_back({i, true, true});
                i += 2;
            } else {
                ++i;
            }
            break;
        case '[':
            i = open_bracket(i, end);
            break;
        case ']':
            i = close_bracket(i, end);
            break;
        case '*':
        case '_':
        case '~':
            i = delimiter_run(i, begin, end);
            break;
        case 'h':
        case 'w':
            i = bare_url(i, begin, end);
            break;
        default:  // prose: on to the next byte that may start markup
            ++i;
            while (i < end && !k_scan_acts_on[static_cast<unsigned char>(m_work[i])]) ++i;
        }
    }
}

std::size_t InlineBlanker::code_span(std::size_t pos, std::size_t end)
{
    std::size_t j = pos;
    while (j < end && m_work[j] == '`') ++j;
    const std::size_t length = j - pos;
    if (length < m_backticks_unclosed.size() && m_backticks_unclosed[length]) return j;
    while (j < end) {
        if (m_work[j] != '`') {
            ++j;
            continue;
        }
        const std::size_t run = j;
        while (j < end && m_work[j] == '`') ++j;
        if (j - run == length) {
            blank(m_prose, pos, j);
            return j;
        }
    }
    // No closing run: the backticks are literal, and so is every later run
    // of the same length in this block.
    if (length < m_backticks_unclosed.size()) m_backticks_unclosed[length] = true;
    return pos + length;
}

std::size_t InlineBlanker::angle(std::size_t pos, std::size_t end)
{
    if (m_html != nullptr && m_next_html < m_html->size()) {
        const std::string_view html = (*m_html)[m_next_html];
        const std::size_t matched = match_loose(m_work, pos, end, html);
        if (matched != k_none) {
            if (html.starts_with("<!--")) m_comments.push_back({pos, matched});
            blank(m_prose, pos, matched);
            ++m_next_html;
            return matched;
        }
    }
    const std::size_t link = autolink_end(m_work, pos, end);
    if (link != k_none) {
        blank(m_prose, pos, link);
        return link;
    }
    return pos + 1;
}

std::size_t InlineBlanker::open_bracket(std::size_t pos, std::size_t end)
{
    // A footnote reference, `[^label]`, is markup through and through.
    if (pos + 2 < end && m_work[pos + 1] == '^') {
        std::size_t j = pos + 2;
        while (j < end && j - pos <= k_max_label && !is_blank_byte(m_work[j]) && m_work[j] != '[' && m_work[j] != ']') ++j;
        if (j < end && m_work[j] == ']' && j > pos + 2 && (j + 1 >= end || m_work[j + 1] != ':')) {
            blank(m_prose, pos, j + 1);
            return j + 1;
        }
    }
    m_openers.push_back({pos, false, true});
    return pos + 1;
}

std::size_t InlineBlanker::inline_tail(std::size_t pos, std::size_t end) const
{
    std::size_t j = skip_blanks(m_work, pos + 1, end);
    if (j < end && m_work[j] == '<') {
        for (++j; j < end && m_work[j] != '>'; ++j) {
            if (m_work[j] == '\n' || m_work[j] == '<') return k_none;
            if (m_work[j] == '\\') ++j;
        }
        if (j >= end) return k_none;
        ++j;
    } else {
        int depth = 0;
        while (j < end) {
            const char c = m_work[j];
            if (c == '\\' && j + 1 < end && is_ascii_punct(m_work[j + 1])) {
                j += 2;
            } else if (c == '(') {
                if (++depth > k_max_paren_depth) return k_none;
                ++j;
            } else if (c == ')') {
                if (depth == 0) break;
                --depth;
                ++j;
            } else if (static_cast<unsigned char>(c) <= 0x20) {
                break;
            } else {
                ++j;
            }
        }
        if (depth != 0) return k_none;
    }
    const std::size_t destination_end = j;
    j = skip_blanks(m_work, j, end);
    if (j < end && j > destination_end && (m_work[j] == '"' || m_work[j] == '\'' || m_work[j] == '(')) {
        const char close = m_work[j] == '(' ? ')' : m_work[j];
        const char open = m_work[j];
        for (++j; j < end && m_work[j] != close; ++j) {
            if (m_work[j] == '\\') ++j;
            else if (open == '(' && m_work[j] == '(') return k_none;
        }
        if (j >= end) return k_none;
        j = skip_blanks(m_work, j + 1, end);
    }
    if (j < end && m_work[j] == ')') return j + 1;
    return k_none;
}

std::size_t InlineBlanker::close_bracket(std::size_t pos, std::size_t end)
{
    if (m_openers.empty()) return pos + 1;
    const Opener opener = m_openers.back();
    m_openers.pop_back();
    if (!opener.active) return pos + 1;
    const std::size_t text_begin = opener.pos + (opener.image ? 2 : 1);
    const auto make_link = [&](std::size_t tail_end) {
        blank(m_prose, opener.pos, text_begin);
        blank(m_prose, pos, tail_end);
        if (!opener.image) {
            for (auto& earlier : m_openers) {
                if (!earlier.image) earlier.active = false;
            }
        }
        return tail_end;
    };
    if (pos + 1 < end && m_work[pos + 1] == '(') {
        const std::size_t tail = inline_tail(pos + 1, end);
        if (tail != k_none) return make_link(tail);
    }
    if (pos + 1 < end && m_work[pos + 1] == '[') {
        std::size_t j = pos + 2;
        while (j < end && j - pos <= k_max_label && m_work[j] != ']' && m_work[j] != '[') {
            if (m_work[j] == '\\') ++j;
            ++j;
        }
        if (j < end && m_work[j] == ']') {
            std::string key = normalize_label(m_work.substr(pos + 2, j - pos - 2));
            if (key.empty() && pos - text_begin <= k_max_label) {
                key = normalize_label(m_work.substr(text_begin, pos - text_begin));
            }
            if (m_labels.contains(key)) return make_link(j + 1);
            return pos + 1;
        }
    }
    if (pos - text_begin <= k_max_label && m_labels.contains(normalize_label(m_work.substr(text_begin, pos - text_begin)))) {
        return make_link(pos + 1);
    }
    return pos + 1;
}

std::size_t InlineBlanker::delimiter_run(std::size_t pos, std::size_t begin, std::size_t end)
{
    const char c = m_work[pos];
    std::size_t j = pos;
    while (j < end && m_work[j] == c) ++j;
    const std::size_t length = j - pos;
    if (c == '~' && length > 2) return j;
    const char32_t before = decode_before(m_work, pos, begin);
    const char32_t after = j < end ? decode_at(m_work, j) : U' ';
    const bool left = !is_space_cp(after) && (!is_punct_cp(after) || is_space_cp(before) || is_punct_cp(before));
    const bool right = !is_space_cp(before) && (!is_punct_cp(before) || is_space_cp(after) || is_punct_cp(after));
    bool can_open = left;
    bool can_close = right;
    if (c == '_') {
        can_open = left && (!right || is_punct_cp(before));
        can_close = right && (!left || is_punct_cp(after));
    }
    if (can_close) {
        // Looking back a bounded way keeps pathological runs linear.
        const std::size_t stop = m_delimiters.size() > k_max_lookback ? m_delimiters.size() - k_max_lookback : 0;
        for (std::size_t k = m_delimiters.size(); k-- > stop;) {
            const Delimiter& opener = m_delimiters[k];
            if (opener.character != c || (c == '~' && opener.length != length)) continue;
            blank(m_prose, opener.pos, opener.pos + opener.length);
            blank(m_prose, pos, j);
            m_delimiters.resize(k);
            return j;
        }
    }
    if (can_open) m_delimiters.push_back({pos, length, c});
    return j;
}

std::size_t InlineBlanker::bare_url(std::size_t pos, std::size_t begin, std::size_t end)
{
    const std::string_view rest = m_work.substr(pos, end - pos);
    if (!rest.starts_with("http://") && !rest.starts_with("https://") && !rest.starts_with("www.")) return pos + 1;
    if (pos > begin) {
        const char before = m_work[pos - 1];
        if (!is_blank_byte(before) && before != '*' && before != '_' && before != '~' && before != '(') return pos + 1;
    }
    std::size_t j = pos;
    while (j < end && !is_blank_byte(m_work[j]) && m_work[j] != '<') ++j;
    // Trailing punctuation ends the sentence, not the address.
    while (j > pos) {
        const char last = m_work[j - 1];
        if (std::string_view("?!.,:*_~'\";").find(last) != std::string_view::npos) {
            --j;
        } else if (last == ')') {
            int balance = 0;
            for (std::size_t k = pos; k < j; ++k) balance += m_work[k] == '(' ? 1 : m_work[k] == ')' ? -1 : 0;
            if (balance >= 0) break;
            --j;
        } else {
            break;
        }
    }
    blank(m_prose, pos, j);
    return j > pos ? j : pos + 1;
}

}  // namespace contra::detail::markdown
