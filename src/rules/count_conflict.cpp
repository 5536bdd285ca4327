#include "rules/count_conflict.hpp"

namespace contra::detail {

CountConflict::Params CountConflict::read(RuleReader& reader)
{
    Params params;
    params.attributes = reader.parameter_attributes("attributes", {}, ValueKind::count);
    params.tolerance = read_tolerance(reader, Tolerance{});
    params.latest_only = reader.parameter_bool("latest_only", true);
    return params;
}

void CountConflict::evaluate(const EventClaims& event, const CompareContext& context,
                             std::vector<Flag>& out) const
{
    for_each_group(event.claims, m_params.attributes, ByQualifier::yes, [&](std::span<const Claim* const> group) {
        // With latest_only, each source is represented by its latest figures:
        // the earlier ones are revisions it has superseded.
        std::vector<std::pair<std::string_view, std::string_view>> latest;  // source, stated_on
        for (const Claim* claim : group) {
            auto it = std::find_if(latest.begin(), latest.end(),
                                   [&](const auto& entry) { return entry.first == claim->source; });
            if (it == latest.end()) {
                latest.emplace_back(claim->source, claim->stated_on);
            } else if (claim->stated_on > it->second) {
                it->second = claim->stated_on;
            }
        }
        std::vector<const Claim*> standing;
        standing.reserve(group.size());
        for (const Claim* claim : group) {
            const bool superseded = m_params.latest_only &&
                                    std::find(latest.begin(), latest.end(),
                                              std::pair<std::string_view, std::string_view>(
                                                  claim->source, claim->stated_on)) == latest.end();
            if (!superseded && effective_count(*claim)) standing.push_back(claim);
        }
        for_each_pair(standing, [&](const Claim& a, const Claim& b) {
            if (a.source == b.source) return;
            if (counts_conflict(*effective_count(a), *effective_count(b), m_params.tolerance)) {
                add_pair_flag(event, context, a, b, out);
            }
        });
    });
}

}  // namespace contra::detail
