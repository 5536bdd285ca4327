// The `one-sided` draft kind: the draft gives one side's account of a
// disputed point and never mentions the sources of the other accounts.
#pragma once

#include "rules/draft/draft_kind.hpp"

namespace contra::detail {

struct OneSidedParams {};

class OneSided final : public DraftKindWithParams<OneSidedParams> {
public:
    static constexpr std::string_view k_name = "one-sided";
    static constexpr std::string_view k_summary =
        "The draft attributes a disputed value to one side and leaves out the other accounts";
    [[nodiscard]] static Params read(RuleReader& reader);
    using DraftKindWithParams::DraftKindWithParams;
    void check(const DraftContext& context, std::vector<Finding>& out) const override;
};

}  // namespace contra::detail
