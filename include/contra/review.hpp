// Recording fact-checkers' decisions on flags, with the checks that keep the
// append-only review log clean.
#pragma once

#include <contra/error.hpp>
#include <contra/flag.hpp>
#include <contra/store.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace contra {

// How reviews must be written, from contra.toml:
//   [review]
//   require_note = true   # every decision must say why
struct ReviewPolicy {
    bool require_note = false;
};

// Reads the [review] table of a contra.toml; a missing table is the default
// policy. A bad key or value is bad_input naming file:line:col.
[[nodiscard]] Expected<ReviewPolicy> load_review_policy(const std::string& config_path);

// One decision a person wants recorded.
struct ReviewRequest {
    std::string flag;  // a flag id, "F-3f9a2c1b"
    ReviewStatus status = ReviewStatus::open;
    std::string reviewer;  // empty: default_reviewer()
    std::string note;
    std::string at;  // ISO 8601 UTC, injected by the caller
};

// The reviewer when none is named: CONTRA_USER, else the login name (LOGNAME,
// USER, then the password database). Empty when none can be found.
[[nodiscard]] std::string default_reviewer();

// Validates the request and appends it to the log: the flag must exist (the
// error names the closest ids), the reviewer must be known, and the note must
// not be blank when the policy requires one. Nothing is written on error.
// Returns the stored review, seq filled in.
[[nodiscard]] Expected<Review> record_review(Store& store, const ReviewRequest& request,
                                             const ReviewPolicy& policy = {});

// Whether a flag with this status still needs a decision (open, needs-info).
[[nodiscard]] bool needs_decision(ReviewStatus status);

}  // namespace contra
