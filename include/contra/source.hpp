// Who makes a statement.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

// Whether the source is involved in the event it speaks about.
enum class Stake { party, independent, unknown };

[[nodiscard]] std::string_view to_string(Stake stake);
[[nodiscard]] std::optional<Stake> parse_stake(std::string_view text);

struct Source {
    std::string id;    // slug, e.g. "ncri"
    std::string name;  // "National Council of Resistance of Iran"
    std::string kind;  // "government", "ngo", "police", "publication", … (free text)
    Stake stake = Stake::unknown;
    std::vector<std::string> aliases;  // "NCRI", "the council"

    friend bool operator==(const Source&, const Source&) = default;
};

}  // namespace contra
