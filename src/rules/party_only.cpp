#include "rules/party_only.hpp"

namespace contra::detail {

PartyOnly::Params PartyOnly::read(RuleReader& reader)
{
    return Params{reader.parameter_attributes("attributes", {}, std::nullopt)};
}

void PartyOnly::evaluate(const EventClaims& event, const CompareContext& context, std::vector<Flag>& out) const
{
    // Qualifiers do not matter here: the question is who speaks to the
    // attribute at all.
    for_each_group(event.claims, m_params.attributes, ByQualifier::no, [&](std::span<const Claim* const> group) {
        for (const Claim* claim : group) {
            const auto source = context.sources.find(claim->source);
            // A source of unknown stake might be independent: no flag then.
            if (source == context.sources.end() || source->second.stake != Stake::party) return;
        }
        const Claim* a = group.front();
        const Claim* b = nullptr;
        for (const Claim* claim : group) {
            if (claim->source != a->source) {
                b = claim;
                break;
            }
        }
        if (b == nullptr && group.size() > 1) b = group[1];
        out.push_back(make_flag(event, context, group, info().severity, a, b));
    });
}

}  // namespace contra::detail
