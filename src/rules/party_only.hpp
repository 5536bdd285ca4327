// The `party-only` compare kind: only parties to the event speak to an attribute; no independent source does.
#pragma once

#include "rules/compare_kind.hpp"

namespace contra::detail {

struct PartyOnlyParams {
    std::vector<std::string> attributes;
};

class PartyOnly final : public KindWithParams<PartyOnlyParams> {
public:
    static constexpr std::string_view k_name = "party-only";
    static constexpr std::string_view k_summary = "Only parties to the event speak to an attribute; no independent source does";
    [[nodiscard]] static Params read(RuleReader& reader);
    using KindWithParams::KindWithParams;
    void evaluate(const EventClaims& event, const CompareContext& context, std::vector<Flag>& out) const override;
};

}  // namespace contra::detail
