#include "rules/self_inconsistency.hpp"

namespace contra::detail {

SelfInconsistency::Params SelfInconsistency::read(RuleReader& reader)
{
    Params params;
    params.attributes = reader.parameter_attributes("attributes", {}, std::nullopt);
    params.tolerance = read_tolerance(reader, Tolerance{});
    return params;
}

namespace {

bool cannot_both_hold(const Claim& a, const Claim& b, const Tolerance& tolerance, bool single_valued)
{
    const auto x = effective_count(a);
    const auto y = effective_count(b);
    if (x && y) return counts_conflict(*x, *y, tolerance);
    if (agents_conflict(a, b, true)) return true;
    return single_valued && categories_conflict(a, b);
}

}  // namespace

void SelfInconsistency::evaluate(const EventClaims& event, const CompareContext& context,
                                 std::vector<Flag>& out) const
{
    for_each_group(event.claims, m_params.attributes, ByQualifier::yes, [&](std::span<const Claim* const> group) {
        const auto spec = context.attributes.find(group.front()->attribute);
        const bool single_valued = spec == context.attributes.end() || spec->second.single_valued;
        for_each_pair(group, [&](const Claim& a, const Claim& b) {
            // Statements of different days are revisions, not contradictions.
            if (a.source != b.source || a.stated_on != b.stated_on) return;
            if (cannot_both_hold(a, b, m_params.tolerance, single_valued)) add_pair_flag(event, context, a, b, out);
        });
    });
}

}  // namespace contra::detail
