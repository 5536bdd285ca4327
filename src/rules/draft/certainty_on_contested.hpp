// The `certainty-on-contested` draft kind: words of certainty ("confirmed",
// "in fact", "clearly") in the same sentence as a disputed value.
#pragma once

#include "rules/draft/draft_kind.hpp"

#include <array>
#include <cstdint>

namespace contra::detail {

struct CertaintyOnContestedParams {
    std::string lexicon;                // the lexicon's name under rules/lexicon/
    std::vector<std::string> words;     // folded
    std::vector<std::string> cancelled_by;  // folded words that undo certainty right before it ("not")
    // Indices into `words` by their first byte, in the list's order.
    std::array<std::vector<std::uint8_t>, 256> words_by_first_byte;
};

class CertaintyOnContested final : public DraftKindWithParams<CertaintyOnContestedParams> {
public:
    static constexpr std::string_view k_name = "certainty-on-contested";
    static constexpr std::string_view k_summary =
        "Words of certainty in the same sentence as a value the sources dispute";
    [[nodiscard]] static Params read(RuleReader& reader);
    using DraftKindWithParams::DraftKindWithParams;
    void check(const DraftContext& context, std::vector<Finding>& out) const override;
};

}  // namespace contra::detail
