// Flag ids: derived from the statements a flag involves, not from where each
// statement was read, so another document repeating a flagged statement
// leaves the flag's id (and the reviews recorded on it) where they are.
#include <contra/claim.hpp>
#include <contra/flag.hpp>
#include <contra/hash.hpp>

#include <algorithm>
#include <vector>

namespace contra {

std::string statement_key(const Claim& claim)
{
    // The claim's fingerprint without its document and span. Unit separators
    // keep fields from running into each other.
    std::string identity;
    const std::string canonical = claim.value.canonical();
    const std::string qualifier = qualifier_key(claim.qualifier);
    const std::string_view polarity = to_string(claim.polarity);
    identity.reserve(claim.event.size() + claim.source.size() + claim.attribute.size() + qualifier.size() +
                     canonical.size() + polarity.size() + 5);
    for (const std::string_view field : {std::string_view(claim.event), std::string_view(claim.source),
                                         std::string_view(claim.attribute), std::string_view(qualifier),
                                         std::string_view(canonical)}) {
        identity += field;
        identity += '\x1f';
    }
    identity += polarity;
    return sha256_hex(identity);
}

namespace {

// "F-" + 12 hex digits of SHA-256 over the rule id and the sorted, distinct keys.
std::string flag_id_of_keys(std::string_view rule, std::vector<std::string> keys)
{
    std::ranges::sort(keys);
    const auto repeats = std::ranges::unique(keys);
    keys.erase(repeats.begin(), repeats.end());
    std::string identity(rule);
    for (const auto& key : keys) {
        identity += '\x1f';
        identity += key;
    }
    return "F-" + short_hash(identity, 12);
}

template <class Key>
std::vector<std::string> keys_of(std::span<const Claim* const> claims, Key key)
{
    std::vector<std::string> keys;
    keys.reserve(claims.size());
    for (const Claim* claim : claims) keys.push_back(key(*claim));
    return keys;
}

}  // namespace

std::string make_flag_id(std::string_view rule, std::span<const Claim* const> claims)
{
    return flag_id_of_keys(rule, keys_of(claims, statement_key));
}

bool flag_id_matches(std::string_view id, std::string_view rule, std::span<const Claim* const> claims)
{
    if (id == make_flag_id(rule, claims)) return true;
    // Before ids came from statements, they hashed every claim's fingerprint
    // (a claim is never linked twice, so distinct keys change nothing).
    return id == flag_id_of_keys(rule, keys_of(claims, [](const Claim& claim) { return claim.fingerprint(); }));
}

}  // namespace contra
