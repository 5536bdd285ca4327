#include "rules/draft/one_sided.hpp"

#include <contra/text.hpp>

#include <algorithm>
#include <set>
#include <utility>

namespace contra::detail {

OneSidedParams OneSided::read(RuleReader& /*reader*/)
{
    return {};
}

namespace {

// Whether the draft names the source anywhere: its name or an alias, or a
// claim of the draft attributed to it.
bool draft_mentions(const DraftContext& context, std::string_view folded_prose, std::string_view source)
{
    if (std::ranges::any_of(context.draft_claims, [&](const Claim& c) { return c.source == source; })) return true;
    const auto it = context.sources.find(source);
    if (it == context.sources.end()) return false;
    if (contains_words(folded_prose, fold(it->second.name))) return true;
    return std::ranges::any_of(it->second.aliases,
                               [&](const std::string& alias) { return contains_words(folded_prose, fold(alias)); });
}

}  // namespace

void OneSided::check(const DraftContext& context, std::vector<Finding>& out) const
{
    const std::string_view folded_prose = context.draft.folded.text;
    std::set<std::pair<const ContestedPoint*, std::string>> reported;
    for (const Claim& claim : context.draft_claims) {
        if (!attributed_to_known_source(context, claim)) continue;
        const ContestedPoint* point = contested_point(context, claim);
        if (point == nullptr || !reported.emplace(point, claim.source).second) continue;
        const std::vector<const Claim*> shown = point_accounts(*point, claim);
        std::vector<const Claim*> left_out;
        for (const Claim* other : shown) {
            if (other->source != claim.source && !draft_mentions(context, folded_prose, other->source)) {
                left_out.push_back(other);
            }
        }
        if (left_out.empty()) continue;
        const std::string label = point_label(claim.attribute, claim.qualifier);
        const std::string accounts = accounts_text(context, left_out);
        const std::string source = source_name(context, claim.source);
        const std::string value = claim.value.display();
        out.push_back(make_finding(context, claim.span.start, claim.span.end, claim,
                                   {.value = value, .source = source, .attribute = label, .accounts = accounts,
                                    .event = context.event.title},
                                   shown, point->flags));
    }
}

}  // namespace contra::detail
