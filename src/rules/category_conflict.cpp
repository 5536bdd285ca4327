#include "rules/category_conflict.hpp"

namespace contra::detail {

CategoryConflict::Params CategoryConflict::read(RuleReader& reader)
{
    return Params{reader.parameter_attributes("attributes", {}, ValueKind::category)};
}

void CategoryConflict::evaluate(const EventClaims& event, const CompareContext& context,
                                std::vector<Flag>& out) const
{
    for_each_group(event.claims, m_params.attributes, ByQualifier::yes, [&](std::span<const Claim* const> group) {
        // A multi-valued attribute may rightly have several categories.
        const auto spec = context.attributes.find(group.front()->attribute);
        if (spec != context.attributes.end() && !spec->second.single_valued) return;
        const Statements statements(group);
        for_each_index_pair(statements.size(), [&](std::size_t i, std::size_t j) {
            const Claim& a = *statements[i].front();
            const Claim& b = *statements[j].front();
            if (a.source != b.source && categories_conflict(a, b)) {
                add_statements_flag(event, context, statements[i], statements[j], out);
            }
        });
    });
}

}  // namespace contra::detail
