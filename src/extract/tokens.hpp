// Words and punctuation of folded text, each mapped back to the original bytes.
#pragma once

#include <contra/text.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace contra::detail::extraction {

struct WordToken {
    std::string_view word;    // folded: lower case, no diacritics, plain quotes
    std::uint32_t start = 0;  // byte offsets into the original text, end exclusive
    std::uint32_t end = 0;
    bool punct = false;    // a single punctuation character
    bool capital = false;  // the original starts with an upper-case letter
    bool number = false;   // starts with a digit
    // Its number in the lexicons' vocabulary (Lexicon::look_up), UINT32_MAX
    // when no lexicon knows it: every word set and phrase table asks this
    // number instead of looking the word up again.
    std::uint32_t entry = UINT32_MAX;
};

// Tokenizes folded[first, last) of `folded` (from fold_with_map(original)).
// Splits "didn't" into "did" + "n't" and "police's" into "police" + "'s".
// Appends to `out` (cleared first) so one buffer serves every sentence.
void tokenize_words(const FoldedText& folded, std::string_view original, std::size_t first, std::size_t last,
                    std::vector<WordToken>& out);

// The year a token writes in four digits (1800 to 2100): "2016", not "2,016".
[[nodiscard]] std::optional<int> year_of(const WordToken& token);

// The words of a lexicon phrase, folded and split as text is: "Lost their
// lives" -> {"lost", "their", "lives"}.
[[nodiscard]] std::vector<std::string> phrase_words(std::string_view phrase);

}  // namespace contra::detail::extraction
