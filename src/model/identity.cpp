// Stable identities: claim fingerprints and ids (flag ids: flag_identity.cpp).
#include <contra/claim.hpp>
#include <contra/hash.hpp>

#include <array>
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

// What a claim's fingerprint hashes, into `identity` (cleared first): the
// fields one after the other, each followed by a unit separator that keeps
// it from running into the next, the span's end last. Appended rather than
// formatted: every extracted claim computes this.
void write_identity(const Claim& claim, std::string& identity)
{
    identity.clear();
    auto field = [&identity](std::string_view text) {
        identity += text;
        identity += '\x1f';
    };
    field(claim.event);
    field(claim.source);
    field(claim.attribute);
    append_qualifier_key(identity, claim.qualifier);
    identity += '\x1f';
    field(claim.value.canonical());
    field(to_string(claim.polarity));
    field(claim.document);
    field(std::to_string(claim.span.start));
    identity += std::to_string(claim.span.end);
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
    std::string identity;
    identity.reserve(192);
    write_identity(*this, identity);
    return sha256_hex(identity);
}

std::string make_claim_id(const Claim& claim)
{
    // One buffer per thread for the identity, and only the id's twelve hex
    // digits written: a document's claims each get an id.
    thread_local std::string identity;
    write_identity(claim, identity);
    const std::array<unsigned char, 32> digest = sha256(identity);
    return "c-" + to_hex(std::span(digest).first<6>());
}

}  // namespace contra
