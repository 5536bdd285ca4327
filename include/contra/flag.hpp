// What a compare rule found, and what fact-checkers decided about it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

struct Claim;

enum class Severity { info, warning, error };  // ordered: info < warning < error
enum class FlagState { active, stale };
enum class ReviewStatus { open, confirmed, dismissed, needs_info };

[[nodiscard]] std::string_view to_string(Severity severity);
[[nodiscard]] std::string_view to_string(FlagState state);
[[nodiscard]] std::string_view to_string(ReviewStatus status);  // "needs-info"
[[nodiscard]] std::optional<Severity> parse_severity(std::string_view text);
[[nodiscard]] std::optional<FlagState> parse_flag_state(std::string_view text);
[[nodiscard]] std::optional<ReviewStatus> parse_review_status(std::string_view text);

struct Flag {
    std::string id;    // make_flag_id(rule, claims)
    std::string rule;  // rule id, "count-conflict-casualties"
    std::string kind;  // rule kind, "count-conflict"
    Severity severity = Severity::warning;
    std::string event;
    std::string attribute;
    std::string message;
    // Claim ids, in the order the rule names them: every claim of each
    // statement the flag involves, in whatever document it was read.
    std::vector<std::string> claims;

    // Kept by the store.
    FlagState state = FlagState::active;
    ReviewStatus status = ReviewStatus::open;  // the latest review's, else open
    std::string first_seen;  // time of the run that first raised it
    std::string last_seen;   // time of the last run that raised it

    friend bool operator==(const Flag&, const Flag&) = default;
};

// What a claim states, wherever it is stated: SHA-256 (hex) over its event,
// source, attribute, qualifier, canonical value and polarity, i.e. its
// fingerprint without the document and span. Claims sharing it are one
// statement, however many documents repeat it.
[[nodiscard]] std::string statement_key(const Claim& claim);

// "F-" + the first 12 hex digits of SHA-256 over the rule id and the sorted,
// distinct statement keys of the claims: the same disagreement always gets
// the same id, in any store, and keeps it when another document repeats one
// of its statements. The one place a flag id is made.
[[nodiscard]] std::string make_flag_id(std::string_view rule, std::span<const Claim* const> claims);

// True when `id` is the id of a flag of `rule` on `claims`: make_flag_id's,
// or the id such a flag had before ids came from statements (SHA-256 over the
// rule and every claim's fingerprint), which stores and exports made before
// then still hold on their stale flags.
[[nodiscard]] bool flag_id_matches(std::string_view id, std::string_view rule,
                                   std::span<const Claim* const> claims);

// One fact-checker decision. The log is append-only; a flag's status is its
// latest review.
struct Review {
    std::int64_t seq = 0;  // order in the log, assigned by the store
    std::string flag;
    ReviewStatus status = ReviewStatus::open;
    std::string reviewer;
    std::string note;
    std::string at;  // ISO 8601 UTC time, injected by the caller

    friend bool operator==(const Review&, const Review&) = default;
};

}  // namespace contra
