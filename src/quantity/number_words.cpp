#include "quantity/number_words.hpp"
#include "util/word_hash.hpp"
#include "util/word_index.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace contra::detail {

namespace {

// The number words, found through a WordIndex: a std::unordered_map
// divided by a prime for every word the parser asks about.
struct WordTable {
    WordIndex words;
    std::vector<NumberWord> numbers;  // by word number

    [[nodiscard]] const NumberWord* find(std::string_view word) const
    {
        const std::uint32_t number = words.find(word);
        return number == WordIndex::k_none ? nullptr : &numbers[number];
    }
};

WordTable make_table()
{
    WordTable table;
    auto add = [&](std::string_view word, WordRole role, double value, bool ordinal = false,
                   bool after_figure = false) {
        if (table.words.insert(word) == table.numbers.size()) {
            table.numbers.push_back(NumberWord{role, value, ordinal, after_figure});
        }
    };
    add("zero", WordRole::zero, 0);
    add("nought", WordRole::zero, 0);
    add("naught", WordRole::zero, 0);
    add("nil", WordRole::zero, 0);
    add("zeroth", WordRole::zero, 0, true);
    static constexpr std::string_view units[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    static constexpr std::string_view unit_ordinals[] = {"first", "second", "third", "fourth", "fifth",
                                                         "sixth", "seventh", "eighth", "ninth"};
    for (int k = 0; k < 9; ++k) {
        add(units[k], WordRole::unit, k + 1);
        add(unit_ordinals[k], WordRole::unit, k + 1, true);
    }
    static constexpr std::string_view teens[] = {"ten", "eleven", "twelve", "thirteen", "fourteen",
                                                 "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static constexpr std::string_view teen_ordinals[] = {"tenth", "eleventh", "twelfth", "thirteenth",
                                                         "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                                                         "eighteenth", "nineteenth"};
    for (int k = 0; k < 10; ++k) {
        add(teens[k], WordRole::teen, k + 10);
        add(teen_ordinals[k], WordRole::teen, k + 10, true);
    }
    static constexpr std::string_view tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                                "eighty", "ninety"};
    static constexpr std::string_view tens_ordinals[] = {"twentieth", "thirtieth", "fortieth", "fiftieth",
                                                         "sixtieth", "seventieth", "eightieth", "ninetieth"};
    for (int k = 0; k < 8; ++k) {
        add(tens[k], WordRole::tens, (k + 2) * 10);
        add(tens_ordinals[k], WordRole::tens, (k + 2) * 10, true);
    }
    add("fourty", WordRole::tens, 40);  // a common misspelling
    add("hundred", WordRole::hundred, 100);
    add("hundredth", WordRole::hundred, 100, true);
    add("thousand", WordRole::scale, 1e3);
    add("thousandth", WordRole::scale, 1e3, true);
    add("million", WordRole::scale, 1e6);
    add("millionth", WordRole::scale, 1e6, true);
    add("billion", WordRole::scale, 1e9);
    add("billionth", WordRole::scale, 1e9, true);
    add("trillion", WordRole::scale, 1e12);
    add("trillionth", WordRole::scale, 1e12, true);
    add("quadrillion", WordRole::scale, 1e15);
    add("quintillion", WordRole::scale, 1e18);
    add("sextillion", WordRole::scale, 1e21);
    // Indian English magnitudes, common in South Asian news
    add("lakh", WordRole::scale, 1e5);
    add("lakhs", WordRole::scale, 1e5, false, true);
    add("lac", WordRole::scale, 1e5);
    add("lacs", WordRole::scale, 1e5, false, true);
    add("crore", WordRole::scale, 1e7);
    add("crores", WordRole::scale, 1e7, false, true);
    // plural magnitudes after a figure: "three billions", "sixty hundreds"
    add("hundreds", WordRole::hundred, 100, false, true);
    add("thousands", WordRole::scale, 1e3, false, true);
    add("millions", WordRole::scale, 1e6, false, true);
    add("billions", WordRole::scale, 1e9, false, true);
    add("trillions", WordRole::scale, 1e12, false, true);
    // abbreviations read only after a figure: "10 bn", "3 dzs"
    add("bn", WordRole::scale, 1e9, false, true);
    add("bln", WordRole::scale, 1e9, false, true);
    add("mn", WordRole::scale, 1e6, false, true);
    add("mln", WordRole::scale, 1e6, false, true);
    add("tn", WordRole::scale, 1e12, false, true);
    add("tln", WordRole::scale, 1e12, false, true);
    add("trn", WordRole::scale, 1e12, false, true);
    add("dz", WordRole::dozen, 12, false, true);
    add("dzs", WordRole::dozen, 12, false, true);
    add("doz", WordRole::dozen, 12, false, true);
    add("dozs", WordRole::dozen, 12, false, true);
    add("dozen", WordRole::dozen, 12);
    add("dozens", WordRole::dozen, 12, false, true);
    return table;
}

using FractionTable = std::unordered_map<std::string_view, double, WordHash>;

FractionTable make_fractions()
{
    FractionTable table = {{"half", 2}, {"halves", 2}, {"quarter", 4}, {"quarters", 4}};
    static constexpr std::string_view singular[] = {"third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                                    "ninth", "tenth"};
    static constexpr std::string_view plural[] = {"thirds", "fourths", "fifths", "sixths", "sevenths", "eighths",
                                                  "ninths", "tenths"};
    for (int k = 0; k < 8; ++k) {
        table.emplace(singular[k], k + 3);
        table.emplace(plural[k], k + 3);
    }
    return table;
}

// The first letters and lengths a number word can have, read off the table:
// lengths[c - 'a'] has bit n set when some word of `table` starts with c and
// is n bytes long, or, for a tens word, when a run-together number ("twentyone",
// 8 to 12 bytes) may start with it. Most words of a text fail this test and
// are never hashed.
std::array<std::uint16_t, 26> make_shapes(const WordTable& table)
{
    std::array<std::uint16_t, 26> lengths{};
    for (std::uint32_t k = 0; k < table.numbers.size(); ++k) {
        const std::string_view word = *(table.words.begin() + k);
        const NumberWord& number = table.numbers[k];
        auto& bits = lengths[static_cast<std::size_t>(word.front() - 'a')];
        bits |= static_cast<std::uint16_t>(1U << word.size());
        if (number.role == WordRole::tens && !number.ordinal) {
            for (unsigned size = 8; size <= 12; ++size) bits |= static_cast<std::uint16_t>(1U << size);
        }
    }
    return lengths;
}

}  // namespace

double fraction_denominator(std::string_view word)
{
    static const FractionTable table = make_fractions();
    auto it = table.find(word);
    return it == table.end() ? 0 : it->second;
}

NumberWord number_word(std::string_view word)
{
    static const WordTable table = make_table();
    static const std::array<std::uint16_t, 26> shapes = make_shapes(table);
    if (word.empty() || word.size() > 12 || word.front() < 'a' || word.front() > 'z') return {};
    if ((shapes[static_cast<std::size_t>(word.front() - 'a')] >> word.size() & 1U) == 0) return {};
    if (const NumberWord* known = table.find(word)) return *known;
    // run-together tens and units: "twentyone", "thirtyseven" (tens 5-7 letters, units 3-5)
    if (word.size() < 8 || word.find('y') == std::string_view::npos) return {};
    for (std::size_t cut = 5; cut <= 7 && cut + 3 <= word.size(); ++cut) {
        const NumberWord* tens = table.find(word.substr(0, cut));
        if (tens == nullptr || tens->role != WordRole::tens || tens->ordinal) continue;
        const NumberWord* unit = table.find(word.substr(cut));
        if (unit == nullptr || unit->role != WordRole::unit) return {};
        return NumberWord{WordRole::teen, tens->value + unit->value, unit->ordinal};
    }
    return {};
}

int month_number(std::string_view word)
{
    static const std::unordered_map<std::string_view, int, WordHash> months = {
        {"january", 1}, {"jan", 1},   {"february", 2}, {"feb", 2},      {"march", 3},     {"mar", 3},
        {"april", 4},   {"apr", 4},   {"may", 5},      {"june", 6},     {"jun", 6},       {"july", 7},
        {"jul", 7},     {"august", 8}, {"aug", 8},     {"september", 9}, {"sep", 9},      {"sept", 9},
        {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11},    {"december", 12}, {"dec", 12}};
    if (word.size() < 3 || word.size() > 9) return 0;
    auto it = months.find(word);
    return it == months.end() ? 0 : it->second;
}

}  // namespace contra::detail
