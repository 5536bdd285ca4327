// Checking drafts against the accounts of the events they are about
// (`contra check`).
#pragma once

#include <contra/draft.hpp>
#include <contra/error.hpp>
#include <contra/extract.hpp>
#include <contra/finding.hpp>
#include <contra/rule_set.hpp>
#include <contra/store.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace contra {

struct CheckOptions {
    // --event: every draft is about this event. Else a draft's front matter
    // `event:`, else the event whose title or alias the draft mentions first.
    std::optional<std::string> event;
};

// Runs every draft rule of `rules` on every draft. A draft about no known
// event is a note, not a finding. An unknown event named by --event or by a
// front matter is bad input.
[[nodiscard]] Expected<CheckReport> check_drafts(const Store& store, const RuleSet& rules, const Extractor& extractor,
                                                 std::span<const Draft> drafts, const CheckOptions& options);

// The event a draft is about, by title or alias (fold-insensitive, whole
// words); the earliest mention wins. Empty when it mentions none.
[[nodiscard]] std::string detect_event(std::string_view prose, std::span<const Event> events);
// The same, among the events of `store`, found by its index of folded names
// without reading every event.
[[nodiscard]] Expected<std::string> detect_event(std::string_view prose, const Store& store);

// True when some finding that is not suppressed is at or above `fail_on`.
[[nodiscard]] bool check_fails(const CheckReport& report, Severity fail_on);

// An in-memory store built from every accounts.toml under `dir` (sorted by
// path), with the compare rules run so that flags exist. `now` is the run's
// time. Errors name the accounts file at fault.
[[nodiscard]] Expected<Store> store_from_accounts(const std::string& dir, const RuleSet& rules, std::string_view now);

}  // namespace contra
