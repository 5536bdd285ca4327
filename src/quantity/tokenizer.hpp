// Splits English text into the tokens the quantity parser reads: words
// (lower-cased ASCII), numbers written in digits, and single symbols. Works on
// raw UTF-8 bytes; typographic dashes, apostrophes, currency signs and
// non-breaking spaces are mapped to their plain forms.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

enum class TokenType { word, number, symbol };

struct Token {
    TokenType type = TokenType::word;
    std::size_t start = 0;  // byte offsets into the original text, end exclusive
    std::size_t end = 0;
    std::string_view word;  // lower-cased word (a view into the token list's buffer)
    char symbol = 0;        // '-', '$', '%' … (dashes, euro '€' -> 'E', pound '£' -> 'L')
    bool space_before = false;  // whitespace separates it from the token before
    // numbers only
    double value = 0;
    int int_digits = 0;     // digits before the decimal point, separators not counted
    bool has_grouping = false;  // "3,000"
    bool has_decimal = false;   // "1.5"
    bool clock = false;         // "10:30"
    bool slashed = false;       // "5/17/2018", "24/7"
    double denominator = 0;     // "1/40": the second of exactly two slashed parts
    bool spaced_groups = false; // "40 000", "1 234 567": groups of three after single spaces
};

struct TokenList {
    std::string lowered;  // the text with ASCII letters lower-cased
    std::vector<Token> tokens;
};

// Tokenizes `text`; the list's `lowered` buffer backs the words' views.
void tokenize(std::string_view text, TokenList& out);

}  // namespace contra::detail
