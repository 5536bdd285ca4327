// run_rules: the compare rules over the store, recorded in one sync.
#include <contra/engine.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <unordered_set>

namespace contra {

Expected<RunStats> run_rules(Store& store, const RuleSet& rules, std::optional<std::string_view> event,
                             std::string_view now)
{
    if (event) {
        auto found = store.event(*event);
        if (!found) return std::unexpected(std::move(found.error()));
        if (!*found) return bad_input(fmt::format("unknown event '{}'", *event));
    }
    auto source_list = store.sources();
    if (!source_list) return std::unexpected(std::move(source_list.error()));
    std::map<std::string, Source, std::less<>> sources;
    for (auto& source : *source_list) {
        std::string id = source.id;
        sources.emplace(std::move(id), std::move(source));
    }

    RunStats stats;
    std::vector<std::string> events;
    std::vector<Flag> flags;
    std::unordered_set<std::string> ids;  // one flag per id, whatever finds it twice
    auto visited = store.for_each_event(
        [&](const EventClaims& claims) -> Expected<void> {
            ++stats.events;
            stats.claims += static_cast<int>(claims.claims.size());
            events.push_back(claims.event.id);
            auto found = compare_event(rules, claims, sources);
            for (auto& flag : found) {
                if (ids.insert(flag.id).second) flags.push_back(std::move(flag));
            }
            return {};
        },
        event);
    if (!visited) return std::unexpected(std::move(visited.error()));
    stats.flags = static_cast<int>(flags.size());
    auto synced = store.sync_flags(events, flags, now);
    if (!synced) return std::unexpected(std::move(synced.error()));
    stats.sync = *synced;
    return stats;
}

}  // namespace contra
