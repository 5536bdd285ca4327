// One source's assertion about one attribute of one event, pinned to its words.
#pragma once

#include <contra/value.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace contra {

enum class Polarity { asserted, denied, hedged, implied };

[[nodiscard]] std::string_view to_string(Polarity polarity);
[[nodiscard]] std::optional<Polarity> parse_polarity(std::string_view text);

// Narrows an attribute: {"group": "police"}. Claims with different qualifiers
// are about different things and are never compared.
using Qualifier = std::map<std::string, std::string>;

// "group=police;where=hospital", keys sorted; empty for no qualifier.
[[nodiscard]] std::string qualifier_key(const Qualifier& qualifier);

// Bytes [start, end) of the document's stored text; line and column of start.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    int line = 0;
    int column = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

struct Claim {
    std::string id;  // "c-" + 12 hex digits of fingerprint()
    std::string event;
    std::string source;
    std::string mention;  // the source as the text names it; may be empty
    std::string attribute;
    Qualifier qualifier;
    Value value;
    Polarity polarity = Polarity::asserted;

    // Provenance: the W3C Web Annotation pin (text position + text quote).
    std::string document;  // sha256 of the document
    Span span;
    std::string quote;
    std::string prefix;
    std::string suffix;
    std::string origin;  // "curated", or "extracted:RULE@VERSION"

    // Derived, not part of the identity: the carrying document's published
    // date, filled in by whoever loads the claim (store, importer).
    std::string stated_on;

    // SHA-256 over what makes the claim this claim: event, source, attribute,
    // qualifier, canonical value, polarity, document and span.
    [[nodiscard]] std::string fingerprint() const;

    friend bool operator==(const Claim&, const Claim&) = default;
};

// The stable id of a claim: "c-" + the first 12 hex digits of its fingerprint.
[[nodiscard]] std::string make_claim_id(const Claim& claim);

}  // namespace contra
