// English number words: "seven", "twenty", "hundred", "million", "dozen",
// "third" … with the part each plays in a spelled-out number.
#pragma once

#include <string_view>

namespace contra::detail {

enum class WordRole { none, zero, unit, teen, tens, hundred, scale, dozen };

struct NumberWord {
    WordRole role = WordRole::none;
    double value = 0;
    bool ordinal = false;  // "third", "twentieth", "hundredth"
    bool after_figure = false;  // only after another number word or digits: "thousands", "bn", "dzs"
};

// The role of a lower-case word; role none when it is not a number word.
[[nodiscard]] NumberWord number_word(std::string_view word);

// The denominator a fraction word stands for ("thirds": 3, "half": 2, "quarters": 4), else 0.
[[nodiscard]] double fraction_denominator(std::string_view word);

// 1-12 for a lower-case month name or abbreviation, else 0. "may" counts.
[[nodiscard]] int month_number(std::string_view word);

}  // namespace contra::detail
