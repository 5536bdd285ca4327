// The `misattribution` draft kind: the draft puts a value in a source's
// mouth that none of that source's own claims holds.
#pragma once

#include "rules/draft/draft_kind.hpp"

namespace contra::detail {

struct MisattributionParams {
    Tolerance tolerance;
};

class Misattribution final : public DraftKindWithParams<MisattributionParams> {
public:
    static constexpr std::string_view k_name = "misattribution";
    static constexpr std::string_view k_summary =
        "The draft attributes to a source a value that the source's own claims do not hold";
    [[nodiscard]] static Params read(RuleReader& reader);
    using DraftKindWithParams::DraftKindWithParams;
    void check(const DraftContext& context, std::vector<Finding>& out) const override;
};

}  // namespace contra::detail
