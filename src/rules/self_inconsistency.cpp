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

// True when some claim of one statement and some claim of the other were
// stated on the same day.
bool said_on_one_day(std::span<const Claim* const> first, std::span<const Claim* const> second)
{
    return std::ranges::any_of(first, [&](const Claim* x) {
        return std::ranges::any_of(second, [&](const Claim* y) { return x->stated_on == y->stated_on; });
    });
}

}  // namespace

void SelfInconsistency::evaluate(const EventClaims& event, const CompareContext& context,
                                 std::vector<Flag>& out) const
{
    for_each_group(event.claims, m_params.attributes, ByQualifier::yes, [&](std::span<const Claim* const> group) {
        const auto spec = context.attributes.find(group.front()->attribute);
        const bool single_valued = spec == context.attributes.end() || spec->second.single_valued;
        const Statements statements(group);
        for_each_index_pair(statements.size(), [&](std::size_t i, std::size_t j) {
            const auto first = statements[i];
            const auto second = statements[j];
            // Statements of different days are revisions, not contradictions.
            if (first.front()->source != second.front()->source || !said_on_one_day(first, second)) return;
            if (cannot_both_hold(*first.front(), *second.front(), m_params.tolerance, single_valued)) {
                add_statements_flag(event, context, first, second, out);
            }
        });
    });
}

}  // namespace contra::detail
