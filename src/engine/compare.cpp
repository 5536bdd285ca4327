// compare_event: every compare rule on one event's claims.
#include <contra/engine.hpp>

namespace contra {

std::vector<Flag> compare_event(const RuleSet& rules, const EventClaims& event,
                                const std::map<std::string, Source, std::less<>>& sources)
{
    const CompareContext context{sources, rules.attributes()};
    std::vector<Flag> flags;
    for (const auto& rule : rules.compare_rules()) rule->evaluate(event, context, flags);
    return flags;
}

}  // namespace contra
