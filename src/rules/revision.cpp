#include "rules/revision.hpp"

namespace contra::detail {

Revision::Params Revision::read(RuleReader& reader)
{
    return Params{reader.parameter_attributes("attributes", {}, std::nullopt)};
}

namespace {

// Whether two claims of one source give the same figure: a denial of any
// count is a count of zero.
bool same_figure(const Claim& a, const Claim& b)
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
        std::vector<std::size_t> dated;  // positions in the group
        std::vector<std::string_view> sources;
        for (std::size_t i = 0; i < group.size(); ++i) {
            const Claim* claim = group[i];
            if (claim->stated_on.empty()) continue;  // undated claims cannot be put in order
            dated.push_back(i);
            if (std::find(sources.begin(), sources.end(), claim->source) == sources.end()) {
                sources.push_back(claim->source);
            }
        }
        std::stable_sort(dated.begin(), dated.end(),
                         [&](std::size_t x, std::size_t y) { return group[x]->stated_on < group[y]->stated_on; });
        // One flag per pair of statements, however often the source went
        // from one to the other and back.
        const Statements statements(group);
        std::vector<std::pair<std::size_t, std::size_t>> flagged;
        for (const auto source : sources) {
            const Claim* previous = nullptr;
            std::size_t previous_statement = 0;
            for (const std::size_t i : dated) {
                const Claim* claim = group[i];
                if (claim->source != source) continue;
                const std::size_t statement = statements.of(i);
                if (previous != nullptr && previous->stated_on != claim->stated_on &&
                    !same_figure(*previous, *claim)) {
                    const std::pair<std::size_t, std::size_t> pair = std::minmax(previous_statement, statement);
                    if (std::find(flagged.begin(), flagged.end(), pair) == flagged.end()) {
                        flagged.push_back(pair);
                        add_statements_flag(event, context, statements[previous_statement], statements[statement],
                                            out, previous, claim);
                    }
                }
                previous = claim;
                previous_statement = statement;
            }
        }
    });
}

}  // namespace contra::detail
