#include "rules/revision.hpp"

namespace contra::detail {

Revision::Params Revision::read(RuleReader& reader)
{
    return Params{reader.parameter_attributes("attributes", {}, std::nullopt)};
}

namespace {

// Whether two claims of one source state the same thing.
bool same_statement(const Claim& a, const Claim& b)
{
    const auto x = effective_count(a);
    const auto y = effective_count(b);
    if (x && y) return *x == *y;
    return a.polarity == b.polarity && a.value.canonical() == b.value.canonical();
}

}  // namespace

void Revision::evaluate(const EventClaims& event, const CompareContext& context, std::vector<Flag>& out) const
{
    for_each_group(event.claims, m_params.attributes, ByQualifier::yes, [&](std::span<const Claim* const> group) {
        std::vector<const Claim*> dated;
        std::vector<std::string_view> sources;
        for (const Claim* claim : group) {
            if (claim->stated_on.empty()) continue;  // undated claims cannot be put in order
            dated.push_back(claim);
            if (std::find(sources.begin(), sources.end(), claim->source) == sources.end()) {
                sources.push_back(claim->source);
            }
        }
        std::stable_sort(dated.begin(), dated.end(),
                         [](const Claim* x, const Claim* y) { return x->stated_on < y->stated_on; });
        for (const auto source : sources) {
            const Claim* previous = nullptr;
            for (const Claim* claim : dated) {
                if (claim->source != source) continue;
                if (previous != nullptr && previous->stated_on != claim->stated_on &&
                    !same_statement(*previous, *claim)) {
                    add_pair_flag(event, context, *previous, *claim, out);
                }
                previous = claim;
            }
        }
    });
}

}  // namespace contra::detail
