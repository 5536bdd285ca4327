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
        const auto superseded = [&](const Claim* claim) {
            return m_params.latest_only &&
                   std::find(latest.begin(), latest.end(),
                             std::pair<std::string_view, std::string_view>(claim->source, claim->stated_on)) ==
                       latest.end();
        };
        // A statement stands while its source still says it in its latest
        // statements; the flag then links every document that carries it.
        const Statements statements(group);
        std::vector<std::size_t> standing;
        standing.reserve(statements.size());
        for (std::size_t i = 0; i < statements.size(); ++i) {
            const auto claims = statements[i];
            if (effective_count(*claims.front()) && !std::ranges::all_of(claims, superseded)) standing.push_back(i);
        }
        for_each_index_pair(standing.size(), [&](std::size_t x, std::size_t y) {
            const auto first = statements[standing[x]];
            const auto second = statements[standing[y]];
            const Claim& a = *first.front();
            const Claim& b = *second.front();
            if (a.source == b.source) return;
            if (counts_conflict(*effective_count(a), *effective_count(b), m_params.tolerance)) {
                add_statements_flag(event, context, first, second, out);
            }
        });
    });
}

}  // namespace contra::detail
