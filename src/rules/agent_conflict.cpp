#include "rules/agent_conflict.hpp"

namespace contra::detail {

AgentConflict::Params AgentConflict::read(RuleReader& reader)
{
    Params params;
    params.attributes = reader.parameter_attributes("attributes", {"responsibility"}, ValueKind::agent);
    params.same_for = reader.parameter_bool("same_for", false);
    return params;
}

namespace {

const std::string& agent_of(const Claim& claim)
{
    return std::get<Agent>(claim.value.data).agent;
}

bool holds_responsible(const Claim& claim)
{
    return std::get<Agent>(claim.value.data).responsible;
}

// An implied claim is a weaker contradiction than an asserted or denied one.
bool strong(const Claim& claim)
{
    return claim.polarity == Polarity::asserted || claim.polarity == Polarity::denied;
}

// The distinct sources of the claims, in the order they first speak.
std::vector<std::string_view> sources_in_order(std::span<const Claim* const> claims, bool responsible)
{
    std::vector<std::string_view> sources;
    for (const Claim* claim : claims) {
        if (holds_responsible(*claim) != responsible) continue;
        if (std::find(sources.begin(), sources.end(), claim->source) == sources.end()) {
            sources.push_back(claim->source);
        }
    }
    return sources;
}

}  // namespace

void AgentConflict::evaluate(const EventClaims& event, const CompareContext& context,
                             std::vector<Flag>& out) const
{
    for_each_group(event.claims, m_params.attributes, ByQualifier::yes, [&](std::span<const Claim* const> group) {
        // Agent claims that take a stance (hedges never conflict), by agent.
        std::vector<const Claim*> stances;
        for (const Claim* claim : group) {
            if (std::holds_alternative<Agent>(claim->value.data) && claim->polarity != Polarity::hedged) {
                stances.push_back(claim);
            }
        }
        std::stable_sort(stances.begin(), stances.end(),
                         [](const Claim* x, const Claim* y) { return agent_of(*x) < agent_of(*y); });
        std::size_t first = 0;
        while (first < stances.size()) {
            std::size_t last = first + 1;
            while (last < stances.size() && agent_of(*stances[last]) == agent_of(*stances[first])) ++last;
            const std::span<const Claim* const> same_agent(stances.data() + first, last - first);
            const auto deniers = sources_in_order(same_agent, false);
            const auto holders = sources_in_order(same_agent, true);
            for (const auto denier : deniers) {
                for (const auto holder : holders) {
                    if (denier != holder) report(event, context, same_agent, denier, holder, out);
                }
            }
            first = last;
        }
    });
}

void AgentConflict::report(const EventClaims& event, const CompareContext& context,
                           std::span<const Claim* const> same_agent, std::string_view denier,
                           std::string_view holder, std::vector<Flag>& out) const
{
    std::vector<const Claim*> denials;
    std::vector<const Claim*> holdings;
    bool any_strong_pair = false;
    for (const Claim* denial : same_agent) {
        if (denial->source != denier || holds_responsible(*denial)) continue;
        for (const Claim* holding : same_agent) {
            if (holding->source != holder || !holds_responsible(*holding)) continue;
            if (!agents_conflict(*denial, *holding, m_params.same_for)) continue;
            if (std::find(denials.begin(), denials.end(), denial) == denials.end()) denials.push_back(denial);
            if (std::find(holdings.begin(), holdings.end(), holding) == holdings.end()) holdings.push_back(holding);
            any_strong_pair = any_strong_pair || (strong(*denial) && strong(*holding));
        }
    }
    if (denials.empty()) return;
    const Claim* a = denials.front();
    const Claim* b = holdings.front();
    denials.insert(denials.end(), holdings.begin(), holdings.end());
    const Severity severity = any_strong_pair ? info().severity : one_level_lower(info().severity);
    out.push_back(make_flag(event, context, denials, severity, a, b, agent_of(*a)));
}

}  // namespace contra::detail
