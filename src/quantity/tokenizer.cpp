#include "quantity/tokenizer.hpp"

#include <algorithm>
#include <array>

namespace contra::detail {

namespace {

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
// ASCII letters, as a table: the word loop asks it of every byte.
constexpr auto k_alpha = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return table;
}();

bool is_alpha(unsigned char c) { return k_alpha[c]; }

// A multi-byte sequence the parser reads as punctuation or space.
struct Special {
    int length = 0;   // bytes, 0 when the sequence is not special
    char symbol = 0;  // 0 for whitespace
    bool apostrophe = false;
};

Special special_at(std::string_view text, std::size_t i)
{
    auto byte = [&](std::size_t k) -> unsigned char {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    unsigned char b0 = byte(0);
    if (b0 == 0xC2) {
        if (byte(1) == 0xA0) return {2, 0, false};    // no-break space
        if (byte(1) == 0xA3) return {2, 'L', false};  // pound sign
        if (byte(1) >= 0xA1 && byte(1) <= 0xBF) return {2, '?', false};  // Latin-1 punctuation: « » ° §
        return {};
    }
    if (b0 == 0xE2 && byte(1) == 0x80) {
        unsigned char b2 = byte(2);
        if (b2 >= 0x90 && b2 <= 0x95) return {3, '-', false};  // hyphens and dashes
        if (b2 == 0x98 || b2 == 0x99) return {3, '\'', true};  // curly apostrophes
        if ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xAF) return {3, 0, false};  // spaces
        return {3, '?', false};  // quotes, ellipsis, bullets …
    }
    if (b0 == 0xE2 && byte(1) == 0x82 && byte(2) == 0xAC) return {3, 'E', false};  // euro sign
    if (b0 == 0xE2 && byte(1) == 0x88 && byte(2) == 0x92) return {3, '-', false};  // minus sign
    if (b0 == 0xE2 && byte(1) == 0x89 && byte(2) == 0xA5) return {3, 'G', false};  // >=
    if (b0 == 0xE2 && byte(1) == 0x89 && byte(2) == 0xA4) return {3, 'l', false};  // <=
    if (b0 == 0xE2 && byte(1) >= 0x80 && byte(1) <= 0xAF) return {3, '?', false};  // punctuation, symbols
    return {};
}

std::size_t utf8_length(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 1;
}

// The width of a single space between digit groups at i: an ASCII space,
// a no-break space or a thin space; 0 when there is none.
std::size_t space_width(std::string_view text, std::size_t i)
{
    if (i >= text.size()) return 0;
    if (text[i] == ' ') return 1;
    if (text.substr(i, 2) == "\xC2\xA0") return 2;
    if (text.substr(i, 3) == "\xE2\x80\x89" || text.substr(i, 3) == "\xE2\x80\xAF") return 3;
    return 0;
}

// Reads a number in digits at i: "3,000", "1.5", "10:30", "5/17/2018".
Token read_number(std::string_view text, std::size_t i)
{
    Token token;
    token.type = TokenType::number;
    token.start = i;
    std::size_t n = text.size();
    std::size_t j = i;
    double value = 0;
    while (j < n && is_digit(text[j])) {
        value = value * 10 + (text[j] - '0');
        ++token.int_digits;
        ++j;
    }
    // Thousands groups: a comma and exactly three digits, only after 1-3 leading digits.
    if (token.int_digits <= 3) {
        while (j + 3 < n && text[j] == ',' && is_digit(text[j + 1]) && is_digit(text[j + 2])
               && is_digit(text[j + 3]) && (j + 4 >= n || !is_digit(text[j + 4]))) {
            value = value * 1000 + (text[j + 1] - '0') * 100 + (text[j + 2] - '0') * 10 + (text[j + 3] - '0');
            token.int_digits += 3;
            token.has_grouping = true;
            j += 4;
        }
    }
    // Spaced groups ("40 000", "1 234 567"): only when unambiguous, that is two
    // or more groups, or one group after a lead above 31 (not "May 5 100 people").
    if (token.int_digits <= 3 && text[i] != '0') {
        std::size_t k = j;
        double grouped = value;
        int groups = 0;
        int digits = token.int_digits;
        while (true) {
            std::size_t gap = space_width(text, k);
            if (gap == 0 || k + gap + 3 > n) break;
            std::size_t g = k + gap;
            if (!is_digit(text[g]) || !is_digit(text[g + 1]) || !is_digit(text[g + 2])) break;
            if (g + 3 < n && (is_digit(text[g + 3]) || is_alpha(static_cast<unsigned char>(text[g + 3]))
                              || (text[g + 3] == ',' && g + 4 < n && is_digit(text[g + 4])))) {
                break;
            }
            grouped = grouped * 1000 + (text[g] - '0') * 100 + (text[g + 1] - '0') * 10 + (text[g + 2] - '0');
            digits += 3;
            ++groups;
            k = g + 3;
        }
        if (groups >= 2 || (groups == 1 && value > 31)) {
            value = grouped;
            token.int_digits = digits;
            token.has_grouping = true;
            token.spaced_groups = true;
            j = k;
        }
    }
    if (j + 1 < n && text[j] == '.' && is_digit(text[j + 1])) {
        double scale = 0.1;
        ++j;
        while (j < n && is_digit(text[j])) {
            value += (text[j] - '0') * scale;
            scale /= 10;
            ++j;
        }
        token.has_decimal = true;
    }
    else if (!token.has_grouping && j + 2 < n && text[j] == ':' && is_digit(text[j + 1]) && is_digit(text[j + 2])) {
        j += 3;
        while (j + 2 < n && text[j] == ':' && is_digit(text[j + 1]) && is_digit(text[j + 2])) j += 3;
        token.clock = true;
    }
    else if (!token.has_grouping && j + 1 < n && text[j] == '/' && is_digit(text[j + 1])) {
        int parts = 1;
        double second = 0;
        while (j + 1 < n && text[j] == '/' && is_digit(text[j + 1])) {
            ++j;
            ++parts;
            second = 0;
            while (j < n && is_digit(text[j])) second = second * 10 + (text[j++] - '0');
        }
        token.slashed = true;
        if (parts == 2) token.denominator = second;
    }
    token.value = value;
    token.end = j;
    return token;
}

}  // namespace

void tokenize(std::string_view text, TokenList& out)
{
    out.lowered.assign(text);
    // Without a branch, so that the compiler does it many bytes at a time.
    for (char& c : out.lowered) {
        const auto byte = static_cast<unsigned char>(c);
        c = static_cast<char>(byte | (static_cast<unsigned char>(byte - 'A') < 26 ? 0x20 : 0));
    }
    out.tokens.clear();
    std::string_view lowered = out.lowered;
    std::size_t n = text.size();
    std::size_t i = 0;
    bool space = true;
    while (i < n) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = true;
            ++i;
            continue;
        }
        // a leading-dot decimal: ".08", "-.0012"
        bool dot_decimal = c == '.' && i + 1 < n && is_digit(text[i + 1])
                           && (i == 0 || !(is_digit(text[i - 1]) || is_alpha(text[i - 1]) || text[i - 1] == '.'));
        if (is_digit(c) || dot_decimal) {
            Token token = read_number(text, i);
            token.space_before = space;
            out.tokens.push_back(token);
            i = token.end;
            space = false;
            continue;
        }
        Special special = c >= 0x80 ? special_at(text, i) : Special{};
        if (special.length > 0 && special.symbol == 0) {
            space = true;
            i += special.length;
            continue;
        }
        if (is_alpha(c) || (c >= 0x80 && special.length == 0)) {
            // A word: letters, other non-ASCII characters, and apostrophes inside.
            std::size_t j = i;
            while (j < n) {
                auto d = static_cast<unsigned char>(text[j]);
                if (is_alpha(d)) {
                    ++j;
                    continue;
                }
                if (d >= 0x80) {
                    Special inner = special_at(text, j);
                    if (inner.length == 0) {
                        j = std::min(n, j + utf8_length(d));
                        continue;
                    }
                    if (inner.apostrophe && j + inner.length < n
                        && is_alpha(static_cast<unsigned char>(text[j + inner.length]))) {
                        j += inner.length;
                        continue;
                    }
                    break;
                }
                if (d == '\'' && j + 1 < n && is_alpha(static_cast<unsigned char>(text[j + 1]))) {
                    ++j;
                    continue;
                }
                break;
            }
            // Filled in place: a token built aside and copied in was
            // assembled from narrow stores and read back wide, which stalled.
            Token& token = out.tokens.emplace_back();
            token.type = TokenType::word;
            token.start = i;
            token.end = j;
            token.word = lowered.substr(i, j - i);
            token.space_before = space;
            i = j;
            space = false;
            continue;
        }
        Token& token = out.tokens.emplace_back();
        token.type = TokenType::symbol;
        token.start = i;
        token.space_before = space;
        if (special.length > 0) {
            token.symbol = special.symbol;
            token.end = i + special.length;
        }
        else {
            token.symbol = static_cast<char>(c);
            token.end = i + 1;
        }
        i = token.end;
        space = false;
    }
}

}  // namespace contra::detail
