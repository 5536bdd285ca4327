// The `unattributed-contested` draft kind: the draft states, in its own
// voice, a value on a point the sources dispute.
#pragma once

#include "rules/draft/draft_kind.hpp"

namespace contra::detail {

struct UnattributedContestedParams {
    bool include_hedged = false;  // also flag "may have been" in the draft's voice
};

class UnattributedContested final : public DraftKindWithParams<UnattributedContestedParams> {
public:
    static constexpr std::string_view k_name = "unattributed-contested";
    static constexpr std::string_view k_summary =
        "The draft states in its own voice a value on which the sources disagree";
    [[nodiscard]] static Params read(RuleReader& reader);
    using DraftKindWithParams::DraftKindWithParams;
    void check(const DraftContext& context, std::vector<Finding>& out) const override;
};

}  // namespace contra::detail
