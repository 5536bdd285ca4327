// Curated accounts: events, sources, documents and claims that a person wrote
// down in a TOML file (or a CSV of claims beside one), every claim pinned to
// the exact words of its document. See docs/accounts.md for the format.
#pragma once

#include <contra/attribute.hpp>
#include <contra/claim.hpp>
#include <contra/document.hpp>
#include <contra/error.hpp>
#include <contra/event.hpp>
#include <contra/source.hpp>
#include <contra/store.hpp>

#include <map>
#include <string>
#include <vector>

namespace contra {

// One accounts file, loaded and checked: documents carry their text, claims
// are complete (id, pinned span, prefix, suffix, stated_on, origin "curated").
struct Accounts {
    std::string path;  // the accounts file, as given
    std::vector<Event> events;
    std::vector<Source> sources;
    std::vector<Document> documents;  // path as written in the accounts file
    std::vector<Claim> claims;

    friend bool operator==(const Accounts&, const Accounts&) = default;
};

struct AccountsOptions {
    // When set, a claim's attribute must be declared here and its value must
    // be of the declared kind (the CLI passes the rule set's attributes).
    // When null, any non-empty attribute is accepted.
    const std::map<std::string, AttributeSpec, std::less<>>* attributes = nullptr;
};

// Loads an accounts file: `.toml` is the full format; `.csv` holds one claim
// per row and takes its events, sources and documents from the TOML file
// beside it (same name with .toml, else accounts.toml in the same folder).
// Reads every document (relative to the accounts file) and pins every quote.
// Any problem is a bad_input Error naming the file, line and column.
[[nodiscard]] Expected<Accounts> load_accounts(const std::string& path, const AccountsOptions& options = {});

struct ImportStats {
    // What the file holds.
    int events = 0;
    int sources = 0;
    int documents = 0;
    int claims = 0;
    // What changed the store (0 everywhere when the file was imported before).
    int new_events = 0;
    int new_sources = 0;
    int new_documents = 0;
    int new_claims = 0;
};

// Writes loaded accounts into the store in one transaction: all or nothing.
// Inside a transaction the caller opened, a savepoint of it (the caller's
// commit or rollback decides).
// Idempotent: importing the same accounts again changes nothing.
[[nodiscard]] Expected<ImportStats> import_accounts(Store& store, const Accounts& accounts);

}  // namespace contra
