// The documented maximums of what contra reads (docs/hardening.md). Past one
// of them the reader stops with a bad_input Error naming the file (and, where
// there is one, the line and column) instead of growing without bound.
#pragma once

#include <cstddef>

namespace contra {

// The largest file read as text: a document, an accounts file, a rule file,
// a draft. Extraction holds about six times a document's size while it works
// (400 MiB measured at this limit), plus about 1 KiB per claim.
inline constexpr std::size_t k_max_document_bytes = std::size_t{64} * 1024 * 1024;

// The most claims one document may carry, extracted or curated.
inline constexpr std::size_t k_max_claims_per_document = 100'000;

// The most rule files one rules directory may hold (compare and draft together).
inline constexpr std::size_t k_max_rule_files = 1'000;

}  // namespace contra
