#include "rules/draft/unattributed_contested.hpp"

namespace contra::detail {

UnattributedContestedParams UnattributedContested::read(RuleReader& reader)
{
    UnattributedContestedParams params;
    params.include_hedged = reader.parameter_bool("include_hedged", params.include_hedged);
    return params;
}

void UnattributedContested::check(const DraftContext& context, std::vector<Finding>& out) const
{
    for (const Claim& claim : context.draft_claims) {
        if (!in_own_voice(context, claim)) continue;
        if (claim.polarity == Polarity::hedged && !m_params.include_hedged) continue;
        const ContestedPoint* point = contested_point(context, claim);
        if (point == nullptr) continue;
        const std::vector<const Claim*> shown = point_accounts(*point, claim);
        const std::string label = point_label(claim.attribute, claim.qualifier);
        const std::string accounts = accounts_text(context, shown);
        const std::string value = claim.value.display();
        out.push_back(make_finding(context, claim.span.start, claim.span.end, claim,
                                   {.value = value, .attribute = label, .accounts = accounts, .event = context.event.title},
                                   shown, point->flags));
    }
}

}  // namespace contra::detail
