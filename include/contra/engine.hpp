// Running the compare rules over the store.
#pragma once

#include <contra/error.hpp>
#include <contra/rule_set.hpp>
#include <contra/store.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace contra {

// Evaluates every compare rule on one event. Pure: no store access.
[[nodiscard]] std::vector<Flag> compare_event(const RuleSet& rules, const EventClaims& event,
                                              const std::map<std::string, Source, std::less<>>& sources);

struct RunStats {
    int events = 0;
    int claims = 0;
    int flags = 0;  // found by this run
    SyncStats sync;
};

// Evaluates the rules over every event (or one) and records the flags in one
// transaction. `now` is the run's time (ISO 8601), injected for tests.
[[nodiscard]] Expected<RunStats> run_rules(Store& store, const RuleSet& rules,
                                           std::optional<std::string_view> event,
                                           std::string_view now);

}  // namespace contra
