#include "rules/draft/unsupported_figure.hpp"

#include <algorithm>

namespace contra::detail {

UnsupportedFigureParams UnsupportedFigure::read(RuleReader& reader)
{
    UnsupportedFigureParams params;
    params.tolerance = read_tolerance(reader, params.tolerance);
    return params;
}

void UnsupportedFigure::check(const DraftContext& context, std::vector<Finding>& out) const
{
    for (const Claim& claim : context.draft_claims) {
        if (claim.value.kind() != ValueKind::count) continue;
        // Tracked: the accounts have figures on it. A point nobody speaks
        // to is beyond what the accounts can check.
        const std::vector<const Claim*> accounts = comparable_claims(context, claim);
        if (accounts.empty()) continue;
        const bool held = std::ranges::any_of(
            accounts, [&](const Claim* account) { return value_holds(claim, *account, m_params.tolerance); });
        if (held) continue;
        const std::string label = point_label(claim.attribute, claim.qualifier);
        const std::string accounts_line = accounts_text(context, accounts);
        const std::string value = claim.value.display();
        std::vector<const Flag*> flags;
        if (const ContestedPoint* point = contested_point(context, claim)) flags = point->flags;
        out.push_back(make_finding(context, claim.span.start, claim.span.end, claim,
                                   {.value = value, .attribute = label, .accounts = accounts_line,
                                    .event = context.event.title},
                                   accounts, flags));
    }
}

}  // namespace contra::detail
