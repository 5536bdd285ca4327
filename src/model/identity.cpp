// Stable identities: claim fingerprints and ids (flag ids: flag_identity.cpp).
#include <contra/claim.hpp>
#include <contra/hash.hpp>

#include <string>

namespace contra {

namespace {

// "group=police;where=hospital", keys sorted (the map's order), appended to `out`.
void append_qualifier_key(std::string& out, const Qualifier& qualifier)
{
    bool first = true;
    for (const auto& [name, value] : qualifier) {
        if (!first) out += ';';
        first = false;
        out += name;
        out += '=';
        out += value;
    }
}

}  // namespace

std::string qualifier_key(const Qualifier& qualifier)
{
    std::string key;
    append_qualifier_key(key, qualifier);
    return key;
}

std::string Claim::fingerprint() const
{
    // The fields one after the other, each followed by a unit separator that
    // keeps it from running into the next, the span's end last. Appended
    // rather than formatted: every extracted claim computes this.
    std::string identity;
    identity.reserve(192);
    auto field = [&identity](std::string_view text) {
        identity += text;
        identity += '\x1f';
    };
    field(event);
    field(source);
    field(attribute);
    append_qualifier_key(identity, qualifier);
    identity += '\x1f';
    field(value.canonical());
    field(to_string(polarity));
    field(document);
    field(std::to_string(span.start));
    identity += std::to_string(span.end);
    return sha256_hex(identity);
}

std::string make_claim_id(const Claim& claim)
{
    return "c-" + claim.fingerprint().substr(0, 12);
}

}  // namespace contra
