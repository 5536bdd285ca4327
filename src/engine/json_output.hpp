// The JSON shapes of DESIGN.md §4 (claims, flags): the stable machine interface.
#pragma once

#include <contra/claim.hpp>
#include <contra/document.hpp>
#include <contra/flag.hpp>
#include <contra/source.hpp>

#include <nlohmann/json.hpp>

namespace contra::detail {

// `source` and `document` may be null when unknown; `document_path` is the
// path the document was read from (DESIGN.md §4 `document.path`).
[[nodiscard]] nlohmann::json claim_to_json(const Claim& claim, const Source* source, const Document* document);

[[nodiscard]] nlohmann::json flag_to_json(const Flag& flag, nlohmann::json claims);

[[nodiscard]] nlohmann::json value_to_json(const Value& value);

}  // namespace contra::detail
