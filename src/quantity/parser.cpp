// QuantityParser: a hand-written scanner over the tokens of one text. At each
// token it tries, in order: a bound ("more than 100"), an approximation
// ("about 300", from the lexicon), "between A and B" / "from A to B", a
// currency sign ("$5 million"), and then a bare figure: a vague phrase from the
// lexicon, "no" before a noun, or a number with its range and suffixes.
#include <contra/quantity.hpp>

#include "quantity/lexicon.hpp"
#include "quantity/number_words.hpp"
#include "quantity/tokenizer.hpp"
#include "util/word_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>

namespace contra {

std::string_view to_string(QuantityKind kind)
{
    switch (kind) {
    case QuantityKind::count: return "count";
    case QuantityKind::ordinal: return "ordinal";
    case QuantityKind::percent: return "percent";
    case QuantityKind::money: return "money";
    case QuantityKind::other: return "other";
    case QuantityKind::fraction: return "fraction";
    }
    return "other";
}

namespace detail {

namespace {

constexpr double k_unbounded_below = -std::numeric_limits<double>::infinity();
constexpr double k_epsilon = 1e-9;

enum class BoundKind { above, at_least, below, at_most, equal };

struct BoundPhrase {
    std::array<std::string_view, 5> words{};
    std::size_t size = 0;
    BoundKind kind = BoundKind::equal;
};

constexpr BoundPhrase phrase(BoundKind kind, std::initializer_list<std::string_view> words)
{
    BoundPhrase out;
    out.kind = kind;
    for (auto word : words) out.words[out.size++] = word;
    return out;
}

// Comparison phrases before a figure, longest first after sorting.
std::vector<BoundPhrase> make_bounds()
{
    using enum BoundKind;
    std::vector<BoundPhrase> list = {
        phrase(above, {"more", "than"}), phrase(above, {"greater", "than"}), phrase(above, {"larger", "than"}),
        phrase(above, {"bigger", "than"}), phrase(above, {"higher", "than"}), phrase(above, {"over"}),
        phrase(above, {"above"}), phrase(above, {"exceeding"}), phrase(above, {"exceeds"}),
        phrase(above, {"exceeded"}), phrase(above, {"exceed"}), phrase(above, {"surpass"}),
        phrase(above, {"surpassing"}), phrase(above, {"surpassed"}), phrase(above, {"in", "excess", "of"}),
        phrase(above, {"north", "of"}), phrase(above, {"well", "over"}), phrase(above, {"well", "above"}),
        phrase(at_least, {"at", "least"}), phrase(at_least, {"no", "less", "than"}),
        phrase(at_least, {"no", "fewer", "than"}), phrase(at_least, {"not", "less", "than"}),
        phrase(at_least, {"not", "fewer", "than"}), phrase(at_least, {"a", "minimum", "of"}),
        phrase(at_least, {"upwards", "of"}), phrase(at_least, {"upward", "of"}),
        phrase(at_least, {"greater", "than", "or", "equal", "to"}), phrase(at_least, {"more", "than", "or", "equal", "to"}),
        phrase(at_least, {"equal", "to", "or", "more", "than"}), phrase(at_least, {"equal", "to", "or", "greater", "than"}),
        phrase(at_least, {"at", "least", "or", "equal", "to"}), phrase(at_least, {"bigger", "or", "equal", "than"}),
        phrase(at_least, {"higher", "or", "equal", "than"}), phrase(at_least, {"greater", "or", "equal", "than"}),
        phrase(at_least, {"larger", "or", "equal", "than"}), phrase(at_least, {"more", "or", "equal", "than"}),
        phrase(below, {"less", "than"}), phrase(below, {"fewer", "than"}), phrase(below, {"under"}),
        phrase(below, {"below"}), phrase(below, {"smaller", "than"}), phrase(below, {"lower", "than"}),
        phrase(below, {"short", "of"}),
        phrase(at_most, {"up", "to"}), phrase(at_most, {"at", "most"}), phrase(at_most, {"no", "more", "than"}),
        phrase(at_most, {"not", "more", "than"}), phrase(at_most, {"as", "many", "as"}),
        phrase(at_most, {"as", "much", "as"}), phrase(at_most, {"a", "maximum", "of"}),
        phrase(at_most, {"no", "greater", "than"}), phrase(at_most, {"less", "than", "or", "equal", "to"}),
        phrase(at_most, {"fewer", "than", "or", "equal", "to"}), phrase(at_most, {"equal", "to", "or", "less", "than"}),
        phrase(at_most, {"equal", "to", "or", "fewer", "than"}), phrase(at_most, {"smaller", "or", "equal", "than"}),
        phrase(at_most, {"lower", "or", "equal", "than"}), phrase(at_most, {"less", "or", "equal", "than"}),
        phrase(equal, {"equal", "to"}), phrase(equal, {"equals", "to"}), phrase(equal, {"equals"}),
        phrase(equal, {"equaling", "to"}), phrase(equal, {"equaling"}), phrase(equal, {"exactly"}),
        phrase(equal, {"precisely"}),
    };
    std::stable_sort(list.begin(), list.end(), [](const BoundPhrase& a, const BoundPhrase& b) { return a.size > b.size; });
    return list;
}

// Phrases found by their first word: a word that starts none is turned away
// with one look-up instead of a comparison with every phrase. Every phrase
// has a first word (the lexicon refuses an empty phrase).
class FirstWords {
public:
    FirstWords() = default;
    // Indexes `phrases` (anything with `words`), keeping their order.
    template <class Phrases>
    explicit FirstWords(const Phrases& phrases)
    {
        for (std::uint32_t k = 0; k < phrases.size(); ++k) {
            const std::uint32_t first = m_words.insert(phrases[k].words[0]);
            if (first == m_phrases.size()) m_phrases.emplace_back();
            m_phrases[first].push_back(k);
        }
    }
    // The phrases whose first word is `word`, in their order; none for an empty word.
    [[nodiscard]] std::span<const std::uint32_t> starting(std::string_view word) const
    {
        const std::uint32_t first = word.empty() ? WordIndex::k_none : m_words.find(word);
        if (first == WordIndex::k_none) return {};
        return m_phrases[first];
    }

private:
    WordIndex m_words;
    std::vector<std::vector<std::uint32_t>> m_phrases;  // by first word's number
};

// The parser's compiled tables, besides the lexicon itself.
struct Tables {
    std::vector<BoundPhrase> bounds = make_bounds();
    FirstWords bound_firsts{bounds};
    FirstWords vague_firsts;
    FirstWords approximation_firsts;
    // The first words of every phrase that can begin a quantity, besides number words.
    WordIndex starters;
};

bool is_lower(BoundKind kind) { return kind == BoundKind::above || kind == BoundKind::at_least; }
bool is_upper(BoundKind kind) { return kind == BoundKind::below || kind == BoundKind::at_most; }

bool one_of(std::string_view word, std::initializer_list<std::string_view> words)
{
    return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_whole(double value) { return std::abs(value - std::round(value)) < k_epsilon; }

// A figure: one number, a range, or a vague phrase, with its kind.
struct Figure {
    std::size_t next = 0;  // the token after it
    double lo = 0;
    std::optional<double> hi;
    QuantityKind kind = QuantityKind::count;
    bool point = true;   // a single exact value
    bool vague = false;
    double scale = 1;    // the magnitude word it ended with ("3 million": 1e6)
};

enum class AndUse { allowed, forbidden };

class Scanner {
public:
    Scanner(std::string_view text, const TokenList& list, const Lexicon& lexicon,
            const Tables& tables)
        : m_text(text), m_tokens(list.tokens), m_lexicon(lexicon), m_tables(tables)
    {
    }

    std::vector<Quantity> run()
    {
        std::vector<Quantity> out;
        std::size_t i = 0;
        while (i < m_tokens.size()) {
            std::size_t next = i;
            if (!may_start(i)) {
                ++i;
                continue;
            }
            if (auto quantity = parse_at(i, next)) {
                out.push_back(std::move(*quantity));
                i = std::max(next, i + 1);
            }
            else {
                ++i;
            }
        }
        return out;
    }

private:
    // --- token helpers ------------------------------------------------------
    [[nodiscard]] bool valid(std::size_t i) const { return i < m_tokens.size(); }
    [[nodiscard]] bool word_is(std::size_t i, std::string_view word) const
    {
        return valid(i) && m_tokens[i].type == TokenType::word && m_tokens[i].word == word;
    }
    [[nodiscard]] std::string_view word_at(std::size_t i) const
    {
        return valid(i) && m_tokens[i].type == TokenType::word ? m_tokens[i].word : std::string_view{};
    }
    [[nodiscard]] bool symbol_is(std::size_t i, char symbol) const
    {
        return valid(i) && m_tokens[i].type == TokenType::symbol && m_tokens[i].symbol == symbol;
    }
    [[nodiscard]] bool is_number(std::size_t i) const { return valid(i) && m_tokens[i].type == TokenType::number; }
    [[nodiscard]] bool attached(std::size_t i) const { return valid(i) && !m_tokens[i].space_before; }
    [[nodiscard]] std::string_view previous_word(std::size_t i) const { return i == 0 ? std::string_view{} : word_at(i - 1); }

    // Matches lower-case words starting at i; returns the token after them.
    [[nodiscard]] std::optional<std::size_t> match_words(std::size_t i, const auto& words, std::size_t count) const
    {
        for (std::size_t k = 0; k < count; ++k) {
            if (!word_is(i + k, words[k])) return std::nullopt;
        }
        return i + count;
    }

    // --- spelled-out and digit numbers -------------------------------------
    enum class Last { start, digits, big_digits, a, unit, teen, tens, hundred, scale, and_word, done };

    struct Number {
        std::size_t next = 0;
        double value = 0;
        bool ordinal = false;
        bool other = false;   // a time, a date, a decade
        bool year = false;    // four digits that may be a year
        bool words = false;
        bool fraction = false;  // "two thirds", "1/40"
        double scale = 1;
    };

    [[nodiscard]] bool small_word_follows(std::size_t i) const
    {
        if (is_number(i)) {
            const Token& t = m_tokens[i];
            return !t.has_decimal && !t.has_grouping && !t.clock && !t.slashed && t.value < 1000;
        }
        auto role = number_word(word_at(i)).role;
        return role == WordRole::unit || role == WordRole::teen || role == WordRole::tens;
    }

    // Suffix letters glued to digits: "21st", "10k", "3bn", "2.3m", "1990s", "3pm".
    void digit_suffix(std::size_t i, Number& number, bool money) const
    {
        if (!valid(i) || m_tokens[i].type != TokenType::word || !attached(i)) return;
        std::string_view suffix = m_tokens[i].word;
        const Token& digits = m_tokens[i - 1];
        bool integer = !digits.has_decimal;
        if (integer && one_of(suffix, {"st", "nd", "rd", "th"})) {
            number.ordinal = true;
        }
        else if (suffix.size() == 1 && (m_text[m_tokens[i].start] == 'M' || m_text[m_tokens[i].start] == 'B'
                                        || m_text[m_tokens[i].start] == 'G')) {
            // "3M", "1.2B", "10G": a capital letter is a magnitude, a small "m" may be metres
            number.scale = suffix == "m" ? 1e6 : 1e9;
            number.value *= number.scale;
        }
        else if (suffix == "mm" && m_text.substr(m_tokens[i].start, 2) == "MM") {
            number.scale = 1e6;  // "US$ 1MM", finance's thousand-thousand
            number.value *= number.scale;
        }
        else if (suffix == "k") {
            number.value *= 1e3;
            number.scale = 1e3;
        }
        else if (one_of(suffix, {"bn", "bln"}) || (money && suffix == "b")) {
            number.value *= 1e9;
            number.scale = 1e9;
        }
        else if (one_of(suffix, {"mn", "mln", "mil"}) || (money && suffix == "m")) {
            number.value *= 1e6;
            number.scale = 1e6;
        }
        else if (suffix == "s" && number.year) {
            number.other = true;
        }
        else if (one_of(suffix, {"am", "pm", "h", "hrs", "gmt", "utc"})) {
            number.other = true;
        }
        else {
            return;  // a unit such as "km": the number stands, the suffix is not ours
        }
        number.next = i + 1;
        number.year = false;
    }

    // A hyphen glued between two parts of a spelled-out number: "twenty-three",
    // "two-hundred", "four-hundred-and-seventy".
    [[nodiscard]] bool joining_hyphen(std::size_t j) const
    {
        if (!symbol_is(j, '-') || !attached(j) || !attached(j + 1)) return false;
        if (word_is(j + 1, "and")) return true;
        auto role = number_word(word_at(j + 1)).role;
        return role == WordRole::unit || role == WordRole::teen || role == WordRole::tens
               || role == WordRole::hundred || role == WordRole::scale;
    }

    // Whether "and" at j continues the number (`last` the part before it):
    // "three hundred and two" does, "3 hundred and 2 hundred" and "… and 0" do not.
    [[nodiscard]] bool and_continues(std::size_t j, Last last, double last_scale) const
    {
        std::size_t k = joining_hyphen(j + 1) ? j + 2 : j + 1;
        if (!small_word_follows(k)) return false;
        if (is_number(k) && m_tokens[k].value == 0) return false;
        std::size_t after = k + 1;
        if (!is_number(k)) {
            while (joining_hyphen(after) || (symbol_is(after, '-') && attached(after))) ++after;
            if (number_word(word_at(k)).role == WordRole::tens && number_word(word_at(after)).role == WordRole::unit) {
                ++after;
            }
        }
        NumberWord following = number_word(word_at(after));
        if (following.role == WordRole::hundred && last == Last::hundred) return false;
        if (following.role == WordRole::scale && following.value >= last_scale) return false;
        return true;
    }

    // A fraction word after a numerator: "two thirds", "one sixth", "a quarter of".
    // Singular fraction words stand only before "of" or outside a phrase
    // ("a third time" is an ordinal).
    [[nodiscard]] double fraction_at(std::size_t j, double numerator, bool mixed = false) const
    {
        std::string_view word = word_at(j);
        double denominator = fraction_denominator(word);
        if (denominator == 0 || numerator <= 0) return 0;
        bool plural = word.back() == 's';
        if (plural && numerator < 2) return 0;
        if (!plural) {
            if (numerator != 1) return 0;
            if (mixed) return numerator / denominator;
            bool free = !valid(j + 1) || word_is(j + 1, "of")
                        || (m_tokens[j + 1].type == TokenType::symbol && !(symbol_is(j + 1, '-') && attached(j + 1)));
            if (!free) return 0;
        }
        return numerator / denominator;
    }

    // "point five", "point nought four", "point 77", "point seventy-one" after
    // the whole part; returns the fraction and moves j past it.
    [[nodiscard]] std::optional<double> point_decimals(std::size_t& j) const
    {
        if (!word_is(j, "point")) return std::nullopt;
        std::size_t k = j + 1;
        if (is_number(k)) {
            const Token& digits = m_tokens[k];
            if (digits.has_decimal || digits.has_grouping || digits.clock || digits.slashed) return std::nullopt;
            j = k + 1;
            return digits.value / std::pow(10.0, digits.int_digits);
        }
        double digits = 0;  // the decimals as a whole number, exact: "zero three" is 3 over 100
        int places = 0;
        while (valid(k)) {
            std::string_view word = word_at(k);
            NumberWord info = number_word(word);
            if (info.ordinal) break;
            if (info.role == WordRole::zero || word == "o" || word == "oh") {
                digits *= 10;
                ++places;
            }
            else if (info.role == WordRole::unit) {
                digits = digits * 10 + info.value;
                ++places;
            }
            else if ((info.role == WordRole::teen || info.role == WordRole::tens) && info.value < 100) {
                double pair = info.value;
                if (info.role == WordRole::tens && symbol_is(k + 1, '-') && attached(k + 1)
                    && number_word(word_at(k + 2)).role == WordRole::unit && !number_word(word_at(k + 2)).ordinal) {
                    pair += number_word(word_at(k + 2)).value;
                    k += 2;
                }
                digits = digits * 100 + pair;
                places += 2;
                ++k;
                break;
            }
            else {
                break;
            }
            ++k;
        }
        int count = places;
        double fraction = digits / std::pow(10.0, places);
        if (count == 0) return std::nullopt;
        j = k;
        return fraction;
    }

    std::optional<Number> parse_number(std::size_t i, AndUse and_use, bool money = false) const
    {
        Number number;
        double total = 0;
        double current = 0;
        double tail = 0;  // what the words since the last "hundred" or "and" added: "and two dozen"
        double last_scale = std::numeric_limits<double>::infinity();
        Last last = Last::start;
        std::size_t j = i;
        bool negative = false;
        bool dash_sign = symbol_is(j, '-') && (j == 0 || m_tokens[j].space_before || is_bound_symbol(j - 1))
                         && is_number(j + 1) && attached(j + 1);
        if (dash_sign || (one_of(word_at(j), {"minus", "negative"}) && (is_number(j + 1) || small_word_follows(j + 1)))) {
            negative = true;
            ++j;
        }
        std::size_t first = j;
        while (valid(j) && last != Last::done) {
            const Token& token = m_tokens[j];
            if (token.type == TokenType::number) {
                if (token.clock || token.slashed) {
                    if (last != Last::start) break;
                    number.value = token.value;
                    number.next = j + 1;
                    // "1/40", "20/100": a fraction; "9/11", "3/4", "24/7" may be dates or names
                    bool date_like = token.value <= 12 && token.denominator <= 31;
                    if (token.slashed && token.denominator > token.value && token.value > 0 && !date_like) {
                        number.value = token.value / token.denominator;
                        number.fraction = true;
                        return finish(number, negative);
                    }
                    number.other = true;
                    return number;
                }
                bool small = !token.has_decimal && !token.has_grouping && token.value < 1000;
                if (last == Last::start) {
                    current = token.value;
                    tail = current;
                    last = small ? Last::digits : Last::big_digits;
                    number.next = j + 1;
                    number.year = !token.has_grouping && !token.has_decimal && token.int_digits == 4
                                  && token.value >= 1000 && token.value <= 2100;
                    number.value = current;
                    digit_suffix(j + 1, number, money);
                    if (number.next != j + 1) {  // a suffix was glued on
                        if (number.ordinal || number.other) return finish(number, negative);
                        total = number.value;
                        current = 0;
                        last_scale = number.scale;
                        last = Last::scale;
                        j = number.next;
                        continue;
                    }
                    ++j;
                    continue;
                }
                // "4 thousand 3 hundred": a figure between magnitudes
                bool before_magnitude = last == Last::scale && token.value > 0
                                        && number_word(word_at(j + 1)).role == WordRole::hundred;
                if (small && ((last == Last::hundred && token.value < 100) || last == Last::and_word || before_magnitude)) {
                    current += token.value;
                    tail += token.value;
                    last = Last::digits;
                    number.next = ++j;
                    continue;
                }
                break;
            }
            if (token.type == TokenType::symbol) {
                if (last != Last::start && joining_hyphen(j)) {
                    ++j;
                    continue;
                }
                if (token.symbol == '&' && (last == Last::hundred || last == Last::scale)
                    && and_use == AndUse::allowed && and_continues(j, last, last_scale)) {
                    last = Last::and_word;
                    tail = 0;
                    ++j;
                    continue;
                }
                break;
            }
            std::string_view word = token.word;
            NumberWord info = number_word(word);
            if (last == Last::start && (word == "a" || word == "an")) {
                NumberWord following = number_word(word_at(j + 1));
                auto role = following.role;
                if ((role == WordRole::hundred || role == WordRole::scale || role == WordRole::dozen)
                    && !following.ordinal && !following.after_figure) {
                    current = 1;
                    last = Last::a;
                    ++j;
                    continue;
                }
                if (double value = fraction_at(j + 1, 1); value > 0) {  // "a quarter of"
                    number.value = value;
                    number.fraction = true;
                    number.words = true;
                    number.next = j + 2;
                    return finish(number, negative);
                }
                break;
            }
            if (last == Last::start && word == "half") {
                if (word_is(j + 1, "a")) {
                    auto role = number_word(word_at(j + 2)).role;
                    if ((role == WordRole::scale || role == WordRole::dozen) && !number_word(word_at(j + 2)).ordinal) {
                        current = 0.5;
                        last = Last::a;
                        j += 2;
                        continue;
                    }
                    break;
                }
                // "half of them", "half" alone: a fraction
                if (!valid(j + 1) || word_is(j + 1, "of")
                    || (m_tokens[j + 1].type == TokenType::symbol && !symbol_is(j + 1, '-'))) {
                    number.value = 0.5;
                    number.fraction = true;
                    number.words = true;
                    number.next = j + 1;
                    return finish(number, negative);
                }
                break;
            }
            if (word == "and") {
                if (and_use == AndUse::allowed && (last == Last::hundred || last == Last::scale)
                    && and_continues(j, last, last_scale)) {
                    last = Last::and_word;
                    tail = 0;
                    j = joining_hyphen(j + 1) ? j + 2 : j + 1;
                    continue;
                }
                // "one and a half million", "three million and a half", "two and three eighths"
                if (last != Last::start && last != Last::and_word && last != Last::a && !number.ordinal) {
                    std::size_t k = j + 1;
                    double numerator = 0;
                    if (word_is(k, "a")) numerator = 1;
                    else if (number_word(word_at(k)).role == WordRole::unit && !number_word(word_at(k)).ordinal) {
                        numerator = number_word(word_at(k)).value;
                    }
                    double part = numerator > 0 ? fraction_at(k + 1, numerator, true) : 0;
                    if (part > 0 && part < 1) {
                        if (last == Last::scale) total += part * last_scale;
                        else current += part;
                        number.next = k + 2;
                        j = k + 2;
                        last = last == Last::scale ? Last::done : Last::unit;
                        continue;
                    }
                }
                break;
            }
            // "two thirds", "one sixth", "three halves"
            if ((last == Last::unit || last == Last::teen || last == Last::tens) && total == 0 && !number.ordinal) {
                if (double value = fraction_at(j, current); value > 0 && number.next == j) {
                    number.value = value;
                    number.fraction = true;
                    number.words = true;
                    number.next = j + 1;
                    return finish(number, negative);
                }
            }
            bool accepted = false;
            switch (info.role) {
            case WordRole::none: break;
            case WordRole::zero:
                if (last == Last::start) {
                    current = 0;
                    last = Last::done;
                    accepted = true;
                }
                break;
            case WordRole::unit:
                if (last == Last::start || last == Last::hundred || last == Last::scale || last == Last::and_word
                    || last == Last::tens) {
                    current += info.value;
                    tail += info.value;
                    last = Last::unit;
                    accepted = true;
                }
                break;
            case WordRole::teen:
            case WordRole::tens:
                if (last == Last::start || last == Last::hundred || last == Last::scale || last == Last::and_word) {
                    current += info.value;
                    tail += info.value;
                    last = info.role == WordRole::teen ? Last::teen : Last::tens;
                    accepted = true;
                }
                else if (last == Last::unit && j == first + 1 && colloquial_hundreds(j)) {
                    // "one twenty two", "two nineteen": hundreds said as two figures
                    current = current * 100 + info.value;
                    tail = current;
                    last = info.role == WordRole::teen ? Last::teen : Last::tens;
                    accepted = true;
                }
                break;
            case WordRole::hundred:
                {
                    bool figure_before = last == Last::digits || last == Last::big_digits;
                    if (last == Last::start) {
                        if (!info.ordinal && !info.after_figure) {  // "hundred and five"
                            current = 100;
                            tail = current;
                            last = Last::hundred;
                            accepted = true;
                        }
                    }
                    else if ((last == Last::unit || last == Last::teen || last == Last::tens || figure_before
                              || last == Last::a)
                             && current > 0 && (current < 100 || (figure_before && current < 1000))) {
                        current *= 100;
                        tail = current;
                        last = Last::hundred;
                        accepted = true;
                    }
                }
                break;
            case WordRole::scale:
                if (last == Last::start) {
                    // "thousand nine hundred twenty", "million and one"
                    if (!info.ordinal && !info.after_figure) {
                        total = info.value;
                        last_scale = info.value;
                        number.scale = info.value;
                        last = Last::scale;
                        accepted = true;
                    }
                }
                else if (last == Last::scale && current == 0 && total > 0 && info.value > last_scale && !info.ordinal) {
                    // "three thousand millions", "three lakh crore"
                    total *= info.value;
                    last_scale = info.value;
                    number.scale *= info.value;
                    accepted = true;
                }
                else if (last != Last::and_word && info.value < last_scale && current > 0) {
                    total += current * info.value;
                    current = 0;
                    tail = 0;
                    last_scale = info.value;
                    number.scale = info.value;
                    last = Last::scale;
                    accepted = true;
                }
                break;
            case WordRole::dozen:
                if (last != Last::start && last != Last::and_word && last != Last::scale && current > 0
                    && !(word == "dozens" && last == Last::a)) {
                    double base = tail > 0 ? tail : current;
                    current += base * 11;
                    last = Last::done;
                    accepted = true;
                }
                break;
            }
            if (!accepted) break;
            number.words = true;
            if (info.ordinal) {
                number.ordinal = true;
                last = Last::done;
            }
            number.year = false;
            number.next = ++j;
        }
        if (number.next == 0 || number.next <= i) return std::nullopt;
        if (last == Last::a) return std::nullopt;
        // "five point five", "two hundred point zero three", "1 point 1", "two point two million"
        if (!number.ordinal && !number.other && (last == Last::unit || last == Last::teen
                                                  || last == Last::tens || last == Last::hundred || last == Last::digits
                                                  || (last == Last::done && total + current == 0))) {
            std::size_t k = number.next;
            if (auto decimals = point_decimals(k)) {
                current += *decimals;
                number.next = k;
                number.year = false;
                NumberWord scale = number_word(word_at(k));
                if (total == 0 && scale.role == WordRole::scale && !scale.ordinal) {
                    current *= scale.value;
                    number.scale = scale.value;
                    number.next = k + 1;
                }
            }
        }
        number.value = total + current;
        // "one" as a pronoun: "the one you mentioned", "which one". After
        // "that" only before a pronoun or nothing ("that one you mentioned",
        // "like that one."): "said that one man was killed" and "confirm that
        // one of our employees died" state a figure.
        if (number.words && number.next == i + 1 && word_at(i) == "one") {
            const std::string_view before = previous_word(i);
            const std::string_view next = word_at(i + 1);
            if (one_of(before, {"the", "this", "which", "any", "each", "every", "no", "last", "only"})
                || (before == "that" && (next.empty() || one_of(next, {"you", "i", "we", "they", "he", "she"})))) {
                return std::nullopt;
            }
        }
        return finish(number, negative);
    }

    // After "one" at j-1 and a tens or teen word at j: read them as hundreds
    // only when nothing suggests two separate figures or an age ("two twenty-year-olds").
    [[nodiscard]] bool colloquial_hundreds(std::size_t j) const
    {
        if (m_tokens[j].space_before && m_tokens[j - 1].type == TokenType::word
            && !one_of(previous_word(j - 1), {"at", "by", "until", "till", "around", "from", "and", "or"})) {
            std::size_t after = j + 1;
            if (symbol_is(after, '-') && attached(after)) {
                if (number_word(word_at(after + 1)).role != WordRole::unit) return false;
                after += 2;
            }
            else if (number_word(word_at(j)).role == WordRole::tens && number_word(word_at(after)).role == WordRole::unit) {
                ++after;
            }
            if (symbol_is(after, '-') && attached(after)) return false;
            NumberWord next = number_word(word_at(after));
            if (next.role != WordRole::none || one_of(word_at(after), {"year", "years", "point", "and", "or"})) return false;
            return true;
        }
        return false;
    }

    [[nodiscard]] bool is_bound_symbol(std::size_t i) const
    {
        return symbol_is(i, '<') || symbol_is(i, '>') || symbol_is(i, '=') || symbol_is(i, 'G') || symbol_is(i, 'l');
    }

    static Number finish(Number number, bool negative)
    {
        if (negative) number.value = -number.value;
        return number;
    }

    // --- figures: a number with its range, unit and open-ended suffix -------
    // Percent or currency words right after a figure; returns the token after.
    std::optional<std::size_t> unit_suffix(std::size_t i, QuantityKind& kind) const
    {
        if (symbol_is(i, '%')) {
            kind = QuantityKind::percent;
            return i + 1;
        }
        std::string_view word = word_at(i);
        if (word.empty()) return std::nullopt;
        if (one_of(word, {"percent", "pct"})) {
            kind = QuantityKind::percent;
            return i + 1;
        }
        if (word == "per" && word_is(i + 1, "cent")) {
            kind = QuantityKind::percent;
            return i + 2;
        }
        if (one_of(word, {"dollars", "dollar", "euros", "euro", "usd", "eur", "gbp", "yuan", "yen", "rupees",
                          "lek", "francs", "rubles", "roubles"})) {
            kind = QuantityKind::money;
            return i + 1;
        }
        return std::nullopt;
    }

    // Words after a figure that make it a time or a date: "3 p.m.", "20 June".
    [[nodiscard]] std::optional<std::size_t> time_or_date_after(std::size_t i, const Number& number) const
    {
        if (number.value < 0 || !is_whole(number.value)) return std::nullopt;
        std::string_view word = word_at(i);
        if ((word == "a" || word == "p") && symbol_is(i + 1, '.') && word_is(i + 2, "m")) {
            return symbol_is(i + 3, '.') ? i + 4 : i + 3;
        }
        if (one_of(word, {"am", "pm", "o'clock", "o’clock"})) return i + 1;
        if (number.value >= 1 && number.value <= 31) {
            if (month_number(word) != 0 && word != "may" && word != "mar") return i + 1;
            if (word == "of" && month_number(word_at(i + 1)) != 0) return i + 2;
        }
        return std::nullopt;
    }

    [[nodiscard]] bool year_context(std::size_t i, const Number& number) const
    {
        if (!number.year) return false;
        std::string_view before = previous_word(i);
        if (one_of(before, {"in", "since", "by", "until", "till", "of", "from", "during", "before", "after", "early",
                            "late", "mid", "year", "circa", "to", "and", "through", "between", "summer", "winter",
                            "spring", "autumn", "fall", "around"})
            || month_number(before) != 0) {
            return true;
        }
        if (i > 0 && symbol_is(i - 1, ',') && i > 1 && is_number(i - 2)) return true;  // "June 20, 2014"
        // "2014-15", "2014-2015", "2023-05-17"
        if (!symbol_is(number.next, '-') || !attached(number.next) || !is_number(number.next + 1)
            || !attached(number.next + 1)) {
            return false;
        }
        const Token& after = m_tokens[number.next + 1];
        return after.int_digits == 2 || (after.int_digits == 4 && after.value >= 1000 && after.value <= 2100);
    }

    std::optional<Figure> single(std::size_t i, AndUse and_use, bool money) const
    {
        std::size_t start = i;
        if (word_is(i, "the") && number_word(word_at(i + 1)).ordinal) ++i;  // "between the tenth and …"
        auto number = parse_number(i, and_use, money);
        if (!number) return std::nullopt;
        Figure figure;
        figure.next = number->next;
        figure.lo = number->value;
        figure.hi = number->value;
        figure.scale = number->scale;
        if (number->ordinal) figure.kind = QuantityKind::ordinal;
        if (number->fraction) figure.kind = QuantityKind::fraction;
        if (number->other || year_context(start, *number)) {
            figure.kind = QuantityKind::other;
            // swallow the rest of a year range or a dashed date: "2014-15", "2023-05-17"
            while (symbol_is(figure.next, '-') && attached(figure.next) && is_number(figure.next + 1)
                   && attached(figure.next + 1)) {
                figure.next += 2;
            }
            return figure;
        }
        if (number->ordinal && number->words == false && month_number(previous_word(start)) != 0) {
            figure.kind = QuantityKind::other;  // "May 4th"
            return figure;
        }
        if (auto end = time_or_date_after(figure.next, *number)) {
            figure.kind = QuantityKind::other;
            figure.next = *end;
            return figure;
        }
        if (!number->words && number->value >= 1 && number->value <= 31 && is_whole(number->value)
            && month_number(previous_word(start)) != 0
            && (previous_word(start) != "may" || !number->words)) {
            figure.kind = QuantityKind::other;  // "June 20", "June 20, 2014"
            if (symbol_is(figure.next, ',') && is_number(figure.next + 1) && m_tokens[figure.next + 1].int_digits == 4) {
                figure.next += 2;
            }
            return figure;
        }
        // "forty-five (45)", "45 (forty five)": the figure restated in brackets
        if (symbol_is(figure.next, '(')) {
            if (auto again = parse_number(figure.next + 1, AndUse::allowed);
                again && symbol_is(again->next, ')') && again->value == number->value && !again->ordinal) {
                figure.next = again->next + 1;
            }
        }
        if (!money) {
            if (auto end = unit_suffix(figure.next, figure.kind)) figure.next = *end;
        }
        return figure;
    }

    // A figure: a vague phrase, or a number possibly followed by a range end
    // ("20 to 30", "20-30"), a unit ("45%") and an open end ("100 or more").
    std::optional<Figure> figure(std::size_t i, AndUse and_use, bool money = false) const
    {
        if (!money) {
            if (auto vague = vague_at(i)) return vague;
        }
        auto first = single(i, and_use, money);
        if (!first) return std::nullopt;
        if (first->kind == QuantityKind::other) return first;
        std::size_t j = first->next;
        // a range: "20 to 30", "20-30", "20 through 30", "two or three"
        std::string_view link = word_at(j);
        bool dash = symbol_is(j, '-') || symbol_is(j, '~');
        bool or_link = link == "or";
        if (dash || one_of(link, {"to", "through", "thru"}) || or_link) {
            if (auto second = single(j + 1, and_use, money); second && second->kind != QuantityKind::other) {
                double lo = first->lo;
                if (second->scale > 1 && first->scale == 1 && lo * second->scale <= *second->hi) lo *= second->scale;
                bool plausible = *second->hi > lo && (first->kind == second->kind || first->kind == QuantityKind::count
                                                      || second->kind == QuantityKind::count);
                if (or_link) plausible = plausible && *second->hi <= lo * 10 + 10;
                // phone numbers and serials: "1-222-2222-2222"
                bool chain = dash && symbol_is(second->next, '-') && is_number(second->next + 1);
                if (chain) {
                    Figure other = *second;
                    other.kind = QuantityKind::other;
                    other.lo = first->lo;
                    other.hi = first->lo;
                    while (symbol_is(other.next, '-') && is_number(other.next + 1)) other.next += 2;
                    return other;
                }
                if (plausible) {
                    Figure range = *second;
                    range.lo = lo;
                    range.point = false;
                    if (first->kind != QuantityKind::count) range.kind = first->kind;
                    return open_end(range);
                }
            }
        }
        return open_end(*first);
    }

    // "100 or more", "100-plus", "100+", "500 or less".
    Figure open_end(Figure figure) const
    {
        std::size_t j = figure.next;
        bool or_and = word_is(j, "or") || word_is(j, "and");
        std::string_view next = word_at(j + 1);
        auto than_free = [&](std::size_t k) {
            // "above 1000 and below 1500", "more than 20 and less or equal than 35": a second bound
            if (word_is(k, "or") || word_is(k, "equal") || is_number(k) || small_word_follows(k)) {
                return std::optional<std::size_t>{};
            }
            // "200 or greater than" stands alone, "200 or greater than 190" does not
            if (word_is(k, "than") || word_is(k, "to")) {
                if (is_number(k + 1) || small_word_follows(k + 1)) return std::optional<std::size_t>{};
                return std::optional<std::size_t>{k + 1};
            }
            return std::optional<std::size_t>{k};
        };
        if (or_and && one_of(next, {"more", "above", "greater", "higher", "over", "larger", "bigger"})) {
            if (auto end = than_free(j + 2)) {
                figure.hi.reset();
                figure.point = false;
                figure.next = *end;
            }
        }
        else if (or_and && one_of(next, {"less", "fewer", "below", "under", "lower", "smaller"})) {
            if (auto end = than_free(j + 2)) {
                figure.lo = bottom(figure);
                figure.point = false;
                figure.next = *end;
            }
        }
        else if (symbol_is(j, '-') && word_is(j + 1, "plus")) {
            figure.hi.reset();
            figure.point = false;
            figure.next = j + 2;
        }
        else if (symbol_is(j, '+') && attached(j) && !is_number(j + 1)) {
            figure.hi.reset();
            figure.point = false;
            figure.next = j + 1;
        }
        return figure;
    }

    static double bottom(const Figure& figure) { return figure.lo <= 0 ? k_unbounded_below : 0; }

    std::optional<Figure> vague_at(std::size_t i) const
    {
        for (const std::uint32_t k : m_tables.vague_firsts.starting(word_at(i))) {
            const VaguePhrase& entry = m_lexicon.vague[k];
            auto end = match_words(i, entry.words, entry.words.size());
            if (!end) continue;
            if (!entry.followed_by.empty() && !word_is(*end, entry.followed_by)) continue;
            std::string_view before = previous_word(i);
            if (!before.empty()
                && std::find(entry.not_after.begin(), entry.not_after.end(), before) != entry.not_after.end()) {
                continue;
            }
            Figure figure;
            figure.lo = entry.lo;
            figure.hi = entry.hi;
            figure.vague = !entry.exact;
            figure.point = entry.exact;
            figure.next = *end;
            // "several hundred", "a few thousand"
            while (!entry.exact) {
                NumberWord scale = number_word(word_at(figure.next));
                if ((scale.role != WordRole::hundred && scale.role != WordRole::scale) || scale.ordinal) break;
                figure.lo *= scale.value;
                if (figure.hi) *figure.hi *= scale.value;
                ++figure.next;
            }
            return figure;
        }
        return std::nullopt;
    }

    // --- prefixes ----------------------------------------------------------
    std::optional<std::pair<BoundKind, std::size_t>> bound_at(std::size_t i) const
    {
        if (!valid(i)) return std::nullopt;
        const Token& token = m_tokens[i];
        if (token.type == TokenType::symbol) {
            char c = token.symbol;
            if (c != '>' && c != '<' && c != 'G' && c != 'l') return std::nullopt;
            if (i > 0 && attached(i)
                && (symbol_is(i - 1, '=') || symbol_is(i - 1, '<') || symbol_is(i - 1, '>'))) {
                return std::nullopt;
            }
            if (c == 'G') return std::pair{BoundKind::at_least, i + 1};
            if (c == 'l') return std::pair{BoundKind::at_most, i + 1};
            if (symbol_is(i + 1, '>') || symbol_is(i + 1, '<')) return std::nullopt;
            if (symbol_is(i + 1, '=')) return std::pair{c == '>' ? BoundKind::at_least : BoundKind::at_most, i + 2};
            return std::pair{c == '>' ? BoundKind::above : BoundKind::below, i + 1};
        }
        if (token.type != TokenType::word) return std::nullopt;
        for (const std::uint32_t k : m_tables.bound_firsts.starting(token.word)) {
            const BoundPhrase& bound = m_tables.bounds[k];
            if (auto end = match_words(i, bound.words, bound.size)) return std::pair{bound.kind, *end};
        }
        return std::nullopt;
    }

    // Applies a bound to a figure: "more than 100" is [101, open) for counts.
    static void apply_bound(BoundKind kind, Figure& figure)
    {
        bool integral = figure.kind == QuantityKind::count || figure.kind == QuantityKind::ordinal;
        double lo = figure.lo;
        double hi = figure.hi.value_or(figure.lo);
        switch (kind) {
        case BoundKind::above:
            figure.lo = integral && is_whole(hi) ? hi + 1 : hi;
            figure.hi.reset();
            break;
        case BoundKind::at_least:
            figure.hi.reset();
            break;
        case BoundKind::below:
            figure.hi = integral && is_whole(lo) ? lo - 1 : lo;
            figure.lo = bottom(figure);
            break;
        case BoundKind::at_most:
            figure.hi = lo == hi ? lo : hi;
            figure.lo = bottom(figure);
            break;
        case BoundKind::equal: break;
        }
        figure.point = kind == BoundKind::equal;
        figure.vague = false;
    }

    // A bound with its figure, then maybe "or equal (to)" and a second bound
    // the other way: "more than 10 and less than 40".
    std::optional<Figure> bounded(std::size_t i) const
    {
        auto bound = bound_at(i);
        if (!bound) return std::nullopt;
        auto [kind, after] = *bound;
        // "over three days" speaks of time, not of an amount
        auto base = figure(after, AndUse::allowed);
        if (!base || base->kind == QuantityKind::other) return std::nullopt;
        if (kind == BoundKind::above && word_is(i, "over") && base->point
            && one_of(word_at(base->next), {"years", "months", "weeks", "days", "hours", "minutes", "decades",
                                            "nights", "year", "month", "week", "day", "hour", "period"})
            && !word_is(base->next + 1, "old")) {  // "over thirty years old" is an age
            return std::nullopt;
        }
        // "less than 5000 or equal", "more than 5000 or equal to"
        if ((kind == BoundKind::above || kind == BoundKind::below) && word_is(base->next, "or")
            && word_is(base->next + 1, "equal")) {
            std::size_t end = base->next + 2;
            if (word_is(end, "to")) {
                ++end;
                if (!is_number(end) && !small_word_follows(end)) {
                    if (word_is(end, "it")) ++end;
                    kind = kind == BoundKind::above ? BoundKind::at_least : BoundKind::at_most;
                    base->next = end;
                }
            }
            else {
                kind = kind == BoundKind::above ? BoundKind::at_least : BoundKind::at_most;
                base->next = end;
            }
        }
        Figure result = *base;
        if (base->point || (kind != BoundKind::equal)) apply_bound(kind, result);
        if (!is_lower(kind) && !is_upper(kind)) return result;
        // a second bound the other way
        std::size_t j = result.next;
        if (symbol_is(j, ',')) ++j;
        if (word_is(j, "and") || word_is(j, "but")) ++j;
        else if (j == result.next) return result;
        auto second_bound = bound_at(j);
        if (!second_bound) return result;
        bool opposite = is_lower(kind) ? is_upper(second_bound->first) : is_lower(second_bound->first);
        if (!opposite) return result;
        auto second = figure(second_bound->second, AndUse::allowed);
        if (!second || second->kind == QuantityKind::other) return result;
        Figure other = *second;
        apply_bound(second_bound->first, other);
        Figure merged = result;
        merged.next = other.next;
        if (is_lower(kind)) merged.hi = other.hi;
        else merged.lo = other.lo;
        if (merged.hi && *merged.hi < merged.lo) return result;
        return merged;
    }

    std::optional<Figure> approximated(std::size_t i) const
    {
        for (const std::uint32_t k : m_tables.approximation_firsts.starting(word_at(i))) {
            const Approximation& entry = m_lexicon.approximations[k];
            auto end = match_words(i, entry.words, entry.words.size());
            if (!end) continue;
            auto base = figure(*end, AndUse::allowed);
            if (!base || base->vague || base->kind == QuantityKind::other || base->kind == QuantityKind::ordinal) {
                return std::nullopt;
            }
            Figure result = *base;
            if (!base->point) return result;  // "about 20-30" is already a range
            double n = base->lo;
            double lo = n * (1 - entry.below);
            double hi = n * (1 + entry.above);
            if (n < 0) std::swap(lo, hi);
            if (is_whole(n)) {
                lo = std::floor(lo + k_epsilon);
                hi = std::ceil(hi - k_epsilon);
            }
            result.lo = lo;
            result.hi = hi;
            result.point = false;
            return result;
        }
        return std::nullopt;
    }

    // "between 2,000 and 3,000", "from 20 to 30".
    std::optional<Figure> between(std::size_t i) const
    {
        bool is_between = word_is(i, "between");
        if (!is_between && !word_is(i, "from")) return std::nullopt;
        auto first = single(i + 1, is_between ? AndUse::forbidden : AndUse::allowed, false);
        if (!first || first->kind == QuantityKind::other) return std::nullopt;
        std::size_t j = first->next;
        bool linked = is_between ? word_is(j, "and") : (word_is(j, "to") || word_is(j, "through") || symbol_is(j, '-'));
        if (!linked) return std::nullopt;
        auto second = single(j + 1, AndUse::allowed, false);
        if (!second || second->kind == QuantityKind::other) return std::nullopt;
        double lo = first->lo;
        if (second->scale > 1 && first->scale == 1 && lo * second->scale <= *second->hi) lo *= second->scale;
        if (*second->hi < lo) return std::nullopt;
        Figure range = *second;
        range.lo = lo;
        range.point = false;
        if (first->kind != QuantityKind::count) range.kind = first->kind;
        return range;
    }

    // "$5 million", "€200", "US$ 1 billion", "£3.2bn".
    std::optional<Figure> currency(std::size_t i) const
    {
        std::size_t j = i;
        if (word_is(j, "us") && symbol_is(j + 1, '$')) ++j;
        if (!(symbol_is(j, '$') || symbol_is(j, 'E') || symbol_is(j, 'L'))) return std::nullopt;
        auto base = figure(j + 1, AndUse::allowed, true);
        if (!base || base->kind == QuantityKind::other) return std::nullopt;
        base->kind = QuantityKind::money;
        return base;
    }

    // "no deaths", "no police officers": zero of whatever follows.
    std::optional<Figure> no_noun(std::size_t i) const
    {
        if (!word_is(i, "no")) return std::nullopt;
        std::string_view next = word_at(i + 1);
        if (next.size() < 3) return std::nullopt;
        if (one_of(next, {"less", "more", "fewer", "longer", "doubt", "matter", "comment", "way", "sign", "one",
                          "greater", "further", "other", "such", "sense", "wonder", "reason", "need", "chance",
                          "evidence", "idea", "longer", "news", "details", "immediate", "information", "plans"})) {
            return std::nullopt;
        }
        bool plural = next.back() == 's' && !next.ends_with("ss");
        if (!plural && !one_of(next, {"police", "people", "staff", "civilian", "officer", "person", "child",
                                      "children", "death", "injury", "arrest", "fatality", "casualty", "body",
                                      "victim", "resident", "protester"})) {
            return std::nullopt;
        }
        Figure figure;
        figure.lo = 0;
        figure.hi = 0;
        figure.next = i + 1;
        return figure;
    }

    // A quick test before parse_at: most words of a text cannot begin a quantity.
    [[nodiscard]] bool may_start(std::size_t i) const
    {
        const Token& token = m_tokens[i];
        switch (token.type) {
        case TokenType::number: return true;
        case TokenType::symbol: return std::string_view("$ELGl<>-").find(token.symbol) != std::string_view::npos;
        case TokenType::word:
            return m_tables.starters.contains(token.word) || number_word(token.word).role != WordRole::none;
        }
        return true;
    }

    std::optional<Quantity> parse_at(std::size_t i, std::size_t& next) const
    {
        std::optional<Figure> found = bounded(i);
        if (!found) found = approximated(i);
        if (!found) found = between(i);
        if (!found) found = currency(i);
        if (!found) found = no_noun(i);
        if (!found && !word_is(i, "the")) found = figure(i, AndUse::allowed);
        if (!found || found->next <= i) return std::nullopt;
        Quantity quantity;
        quantity.start = m_tokens[i].start;
        quantity.end = m_tokens[found->next - 1].end;
        quantity.text = std::string(m_text.substr(quantity.start, quantity.end - quantity.start));
        quantity.lo = found->lo;
        quantity.hi = found->hi;
        quantity.kind = found->kind;
        quantity.vague = found->vague;
        next = found->next;
        return quantity;
    }

    std::string_view m_text;
    const std::vector<Token>& m_tokens;
    const Lexicon& m_lexicon;
    const Tables& m_tables;
};

}  // namespace

}  // namespace detail

struct QuantityParser::Impl {
    detail::Lexicon lexicon;
    detail::Tables tables;
};

QuantityParser::QuantityParser(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
QuantityParser::QuantityParser(QuantityParser&&) noexcept = default;
QuantityParser& QuantityParser::operator=(QuantityParser&&) noexcept = default;
QuantityParser::~QuantityParser() = default;

Expected<QuantityParser> QuantityParser::load(const std::string& lexicon_path)
{
    auto lexicon = detail::load_lexicon(lexicon_path);
    if (!lexicon) return std::unexpected(lexicon.error());
    auto impl = std::make_unique<Impl>();
    impl->lexicon = std::move(*lexicon);
    detail::Tables& tables = impl->tables;
    tables.vague_firsts = detail::FirstWords(impl->lexicon.vague);
    tables.approximation_firsts = detail::FirstWords(impl->lexicon.approximations);
    for (const auto& bound : tables.bounds) tables.starters.insert(bound.words[0]);
    for (const auto& entry : impl->lexicon.vague) tables.starters.insert(entry.words.front());
    for (const auto& entry : impl->lexicon.approximations) tables.starters.insert(entry.words.front());
    for (std::string_view word : {"between", "from", "us", "no", "minus", "negative", "a", "an", "half"}) {
        tables.starters.insert(word);
    }
    return QuantityParser(std::move(impl));
}

std::vector<Quantity> QuantityParser::find(std::string_view text) const
{
    thread_local detail::TokenList tokens;
    detail::tokenize(text, tokens);
    detail::Scanner scanner(text, tokens, m_impl->lexicon, m_impl->tables);
    return scanner.run();
}

}  // namespace contra
