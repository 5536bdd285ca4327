// The `agent-conflict` compare kind: one source holds an agent responsible, another source denies it.
#pragma once

#include "rules/compare_kind.hpp"

namespace contra::detail {

struct AgentConflictParams {
    std::vector<std::string> attributes;
    bool same_for = false;
};

class AgentConflict final : public KindWithParams<AgentConflictParams> {
public:
    static constexpr std::string_view k_name = "agent-conflict";
    static constexpr std::string_view k_summary = "One source holds an agent responsible, another source denies it";
    [[nodiscard]] static Params read(RuleReader& reader);
    using KindWithParams::KindWithParams;
    void evaluate(const EventClaims& event, const CompareContext& context, std::vector<Flag>& out) const override;

private:
    // One flag for a denying and a holding source of one agent, when any of
    // their claims conflict.
    void report(const EventClaims& event, const CompareContext& context,
                std::span<const Claim* const> same_agent, std::string_view denier, std::string_view holder,
                std::vector<Flag>& out) const;
};

}  // namespace contra::detail
