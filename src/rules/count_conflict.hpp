// The `count-conflict` compare kind: two sources give figures whose intervals cannot both hold, even with some tolerance.
#pragma once

#include "rules/compare_kind.hpp"

namespace contra::detail {

struct CountConflictParams {
    std::vector<std::string> attributes;
    Tolerance tolerance;
    bool latest_only = true;
};

class CountConflict final : public KindWithParams<CountConflictParams> {
public:
    static constexpr std::string_view k_name = "count-conflict";
    static constexpr std::string_view k_summary = "Two sources give figures whose intervals cannot both hold, even with some tolerance";
    [[nodiscard]] static Params read(RuleReader& reader);
    using KindWithParams::KindWithParams;
    void evaluate(const EventClaims& event, const CompareContext& context, std::vector<Flag>& out) const override;
};

}  // namespace contra::detail
