// The `unsupported-figure` draft kind: a figure on a tracked count
// attribute that no source's interval holds, even with some tolerance.
#pragma once

#include "rules/draft/draft_kind.hpp"

namespace contra::detail {

struct UnsupportedFigureParams {
    Tolerance tolerance;
};

class UnsupportedFigure final : public DraftKindWithParams<UnsupportedFigureParams> {
public:
    static constexpr std::string_view k_name = "unsupported-figure";
    static constexpr std::string_view k_summary = "A figure in the draft that no source's account supports";
    [[nodiscard]] static Params read(RuleReader& reader);
    using DraftKindWithParams::DraftKindWithParams;
    void check(const DraftContext& context, std::vector<Finding>& out) const override;
};

}  // namespace contra::detail
