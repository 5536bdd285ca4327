// The quantity lexicon (rules/lexicon/quantities.toml), compiled: vague
// phrases with the intervals they stand for, and approximation hedges with
// their relative widths.
#pragma once

#include <contra/error.hpp>

#include <optional>
#include <string>
#include <vector>

namespace contra::detail {

struct VaguePhrase {
    std::vector<std::string> words;  // "tens", "of", "thousands"
    double lo = 0;
    std::optional<double> hi;
    bool exact = false;
    std::string followed_by;             // empty: no condition
    std::vector<std::string> not_after;  // words that must not come before it
    std::string reason;
};

struct Approximation {
    std::vector<std::string> words;
    double below = 0;
    double above = 0;
    std::string reason;
};

struct Lexicon {
    std::vector<VaguePhrase> vague;           // longest phrase first
    std::vector<Approximation> approximations;  // longest phrase first
};

// Reads and checks a lexicon file; errors name file:line:col.
[[nodiscard]] Expected<Lexicon> load_lexicon(const std::string& path);
// The same from text already read; `path` is used in messages only.
[[nodiscard]] Expected<Lexicon> parse_lexicon(std::string_view text, const std::string& path);

}  // namespace contra::detail
