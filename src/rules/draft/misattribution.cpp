#include "rules/draft/misattribution.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra::detail {

MisattributionParams Misattribution::read(RuleReader& reader)
{
    MisattributionParams params;
    params.tolerance = read_tolerance(reader, params.tolerance);
    return params;
}

void Misattribution::check(const DraftContext& context, std::vector<Finding>& out) const
{
    for (const Claim& claim : context.draft_claims) {
        if (!attributed_to_known_source(context, claim)) continue;
        const std::vector<const Claim*> own = comparable_claims(context, claim, claim.source);
        const bool held = std::ranges::any_of(
            own, [&](const Claim* account) { return value_holds(claim, *account, m_params.tolerance); });
        if (held) continue;
        const std::string label = point_label(claim.attribute, claim.qualifier);
        const std::string source = source_name(context, claim.source);
        const std::string value = claim.value.display();
        // The source's own accounts, and when it has none, whoever does speak to it.
        std::vector<const Claim*> accounts = own;
        std::string accounts_line;
        if (own.empty()) {
            accounts = comparable_claims(context, claim);
            accounts_line = fmt::format("{} says nothing on {} in the accounts", source, label);
            if (!accounts.empty()) accounts_line += "; " + accounts_text(context, accounts);
        } else {
            accounts_line = accounts_text(context, own);
        }
        std::vector<const Flag*> flags;
        if (const ContestedPoint* point = contested_point(context, claim)) flags = point->flags;
        out.push_back(make_finding(context, claim.span.start, claim.span.end, claim,
                                   {.value = value, .source = source, .attribute = label, .accounts = accounts_line,
                                    .event = context.event.title},
                                   accounts, flags));
    }
}

}  // namespace contra::detail
