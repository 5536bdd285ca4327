// The `category-conflict` compare kind: two sources name different categories for a single-valued attribute.
#pragma once

#include "rules/compare_kind.hpp"

namespace contra::detail {

struct CategoryConflictParams {
    std::vector<std::string> attributes;
};

class CategoryConflict final : public KindWithParams<CategoryConflictParams> {
public:
    static constexpr std::string_view k_name = "category-conflict";
    static constexpr std::string_view k_summary = "Two sources name different categories for a single-valued attribute";
    [[nodiscard]] static Params read(RuleReader& reader);
    using KindWithParams::KindWithParams;
    void evaluate(const EventClaims& event, const CompareContext& context, std::vector<Flag>& out) const override;
};

}  // namespace contra::detail
