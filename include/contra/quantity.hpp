// Quantity expressions in English text: "over 100", "between 2,000 and 3,000",
// "a hundred and five", "dozens", "no one" … each as an interval.
#pragma once

#include <contra/error.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

// fraction: a proportion in words or figures ("two thirds", "half", "1/40"), never a count
enum class QuantityKind { count, ordinal, percent, money, other, fraction };

[[nodiscard]] std::string_view to_string(QuantityKind kind);

struct Quantity {
    std::size_t start = 0;  // byte offsets into the text searched, end exclusive
    std::size_t end = 0;
    std::string text;       // the original wording, text[start, end)
    double lo = 0;          // closed interval [lo, hi]
    std::optional<double> hi;  // none: open above ("more than 100")
    QuantityKind kind = QuantityKind::count;
    bool vague = false;     // from a vague word ("several", "dozens")
};

// Finds quantities. Vague words and approximation widths come from a lexicon
// file (rules/lexicon/quantities.toml); the parser holds it compiled.
class QuantityParser {
public:
    // Loads the lexicon; a bad lexicon is an error at file:line:col.
    [[nodiscard]] static Expected<QuantityParser> load(const std::string& lexicon_path);

    QuantityParser(QuantityParser&&) noexcept;
    QuantityParser& operator=(QuantityParser&&) noexcept;
    ~QuantityParser();

    // Every quantity in the text, left to right, not overlapping.
    [[nodiscard]] std::vector<Quantity> find(std::string_view text) const;

private:
    struct Impl;
    explicit QuantityParser(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace contra
