// The `self-inconsistency` compare kind: one source says two things on the same day that cannot both hold.
#pragma once

#include "rules/compare_kind.hpp"

namespace contra::detail {

struct SelfInconsistencyParams {
    std::vector<std::string> attributes;
    Tolerance tolerance;
};

class SelfInconsistency final : public KindWithParams<SelfInconsistencyParams> {
public:
    static constexpr std::string_view k_name = "self-inconsistency";
    static constexpr std::string_view k_summary = "One source says two things on the same day that cannot both hold";
    [[nodiscard]] static Params read(RuleReader& reader);
    using KindWithParams::KindWithParams;
    void evaluate(const EventClaims& event, const CompareContext& context, std::vector<Flag>& out) const override;
};

}  // namespace contra::detail
