// Internals of the accounts loader shared by the TOML and CSV front ends:
// a claim as written (with where each part was written), resolved against
// the events, sources and documents a file declares.
#pragma once

#include <contra/accounts.hpp>
#include <contra/text.hpp>

#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

namespace contra::detail {

// Where in its file a part of a claim was written: a Location without the
// file's name, which the claim's own Location holds once for all its parts.
struct Position {
    int line = 0;
    int column = 0;
    std::optional<std::size_t> offset;

    Position() = default;
    Position(int at_line, int at_column) : line(at_line), column(at_column) {}
    explicit Position(const Location& where) : line(where.line), column(where.column), offset(where.offset) {}
};

// A piece of text with where it was written.
struct Located {
    std::string text;
    Position at;
};

// One claim as the curator wrote it, before it is resolved and pinned.
struct ClaimDraft {
    Location where;  // the claim itself: its table or CSV row, in the file every part is in
    std::optional<Located> event;
    Located source;
    Located document;  // the document's handle
    Located attribute;
    Qualifier qualifier;
    Value value;
    Position value_at;
    Polarity polarity = Polarity::asserted;
    Located quote;
    std::string prefix;
    std::string suffix;

    // Where `part` of this claim was written, as a full Location.
    [[nodiscard]] Location at(const Position& part) const { return Location{where.file, part.line, part.column, part.offset}; }
};

// What a TOML accounts file declares, before its claims are resolved.
struct Catalog {
    Accounts accounts;  // events, sources, documents (with text), claims
    std::map<std::string, std::size_t, std::less<>> handles;  // document handle -> index
};

// Resolves drafts against the catalog and appends the finished claims to
// catalog.accounts.claims. Fails at the first bad draft.
class ClaimResolver {
public:
    ClaimResolver(Catalog& catalog, const AccountsOptions& options);
    [[nodiscard]] Expected<void> add(ClaimDraft draft);

private:
    Catalog& m_catalog;
    const AccountsOptions& m_options;
    std::unordered_set<std::string_view> m_events;  // the ids of accounts.events
    std::vector<LineIndex> m_lines;  // one per document
    std::vector<std::size_t> m_claim_counts;  // one per document, against k_max_claims_per_document
    std::unordered_map<std::string, int> m_seen;  // claim id -> the line where it was first written
};

// Loads a TOML accounts file (claims included).
[[nodiscard]] Expected<Catalog> load_accounts_toml(const std::string& path, const AccountsOptions& options);

// Loads a CSV of claims against the TOML file beside it.
[[nodiscard]] Expected<Accounts> load_accounts_csv(const std::string& path, const AccountsOptions& options);

// "2023-06-20" (or a date-time starting with one) when it is a real date.
[[nodiscard]] bool is_iso_date(std::string_view text, bool allow_time);

}  // namespace contra::detail
