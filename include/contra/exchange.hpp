// The whole store as JSON Lines (`contra export`), and reading it back
// (`contra import FILE.jsonl`): a backup that keeps flag ids and the review
// history. See docs/review.md for the format.
#pragma once

#include <contra/claim.hpp>
#include <contra/document.hpp>
#include <contra/error.hpp>
#include <contra/event.hpp>
#include <contra/flag.hpp>
#include <contra/source.hpp>
#include <contra/store.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

// Everything a store holds that is worth keeping, in export order.
struct Exchange {
    std::vector<Event> events;
    std::vector<Source> sources;
    std::vector<Document> documents;  // with their text
    std::vector<Claim> claims;
    std::vector<Flag> flags;          // active and stale
    std::vector<Review> reviews;      // in log order

    friend bool operator==(const Exchange&, const Exchange&) = default;
};

// The first line of every export: {"type": "contra-export", "version": 1}.
inline constexpr std::string_view k_exchange_type = "contra-export";
inline constexpr int k_exchange_version = 1;

// Reads the store (or one event of it: its claims, flags and reviews, and the
// sources and documents they use; an unknown event is bad_input).
[[nodiscard]] Expected<Exchange> dump_store(const Store& store, std::optional<std::string_view> event = {});

// JSON Lines: the header line, then one record per line, each with a "type"
// (event, source, document, claim, flag, review). Every line ends with '\n'.
[[nodiscard]] std::string to_jsonl(const Exchange& exchange);

// Parses and checks an export without touching any store: documents must
// hash to their ids, claims must match their ids and hold their pins, every
// reference must resolve within the file. Errors name file:line:col.
[[nodiscard]] Expected<Exchange> parse_jsonl(std::string_view text, const std::string& file);

struct ExchangeStats {
    int events = 0;
    int sources = 0;
    int documents = 0;
    int claims = 0;
    int flags = 0;
    int reviews = 0;
    int new_claims = 0;   // not in the store before
    int new_flags = 0;
    int new_reviews = 0;
};

// Writes a parsed export into the store in one transaction: all or nothing
// (a savepoint of the caller's transaction when one is open).
// Flags keep their ids, state and times; reviews are appended in log order
// with their reviewers, notes and times. Importing twice changes nothing.
[[nodiscard]] Expected<ExchangeStats> load_exchange(Store& store, const Exchange& exchange);

}  // namespace contra
