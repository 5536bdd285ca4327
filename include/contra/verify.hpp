// Re-checking the store's provenance: documents against their hashes, claim
// pins against their documents, flags against their claims, and SQLite's own
// integrity and foreign-key checks.
#pragma once

#include <contra/claim.hpp>
#include <contra/error.hpp>
#include <contra/store.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

enum class ProblemKind {
    document_hash,   // a document's text no longer hashes to its id
    orphaned_quote,  // a claim's pin (span, quote, prefix, suffix) no longer matches its document
    claim_identity,  // a claim's id no longer matches what it says
    broken_link,     // a claim, flag or review refers to something missing
    flag_identity,   // a flag's id no longer matches its rule and claims
    integrity,       // SQLite's integrity_check or foreign_key_check
};

[[nodiscard]] std::string_view to_string(ProblemKind kind);  // "orphaned-quote"

struct VerifyProblem {
    ProblemKind kind = ProblemKind::integrity;
    std::string subject;  // the document, claim or flag id; empty for the file as a whole
    std::string message;

    friend bool operator==(const VerifyProblem&, const VerifyProblem&) = default;
};

struct VerifyReport {
    int documents = 0;
    int claims = 0;
    int flags = 0;
    int reviews = 0;
    std::vector<VerifyProblem> problems;

    [[nodiscard]] bool ok() const { return problems.empty(); }
};

// Why a claim's pin no longer holds in its document's text (the span must
// hold exactly the quote, preceded by the prefix and followed by the suffix,
// at the pinned line and column), or nullopt when it holds.
[[nodiscard]] std::optional<std::string> pin_problem(const Claim& claim, std::string_view text);

// Checks everything and reports each problem; never changes the store. A pin
// that no longer matches is reported (with where the quote occurs now, if it
// does), never moved. Fails only when the store cannot be read.
[[nodiscard]] Expected<VerifyReport> verify_store(const Store& store);

}  // namespace contra
