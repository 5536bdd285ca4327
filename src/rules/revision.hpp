// The `revision` compare kind: a source changes its own figure in a later statement.
#pragma once

#include "rules/compare_kind.hpp"

namespace contra::detail {

struct RevisionParams {
    std::vector<std::string> attributes;
};

class Revision final : public KindWithParams<RevisionParams> {
public:
    static constexpr std::string_view k_name = "revision";
    static constexpr std::string_view k_summary = "A source changes its own figure in a later statement";
    [[nodiscard]] static Params read(RuleReader& reader);
    using KindWithParams::KindWithParams;
    void evaluate(const EventClaims& event, const CompareContext& context, std::vector<Flag>& out) const override;
};

}  // namespace contra::detail
