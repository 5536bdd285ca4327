// Stable identities: claim fingerprints and ids, flag ids.
#include <contra/claim.hpp>
#include <contra/flag.hpp>
#include <contra/hash.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <vector>

namespace contra {

std::string qualifier_key(const Qualifier& qualifier)
{
    std::string key;
    for (const auto& [name, value] : qualifier) {
        if (!key.empty()) key += ';';
        key += name;
        key += '=';
        key += value;
    }
    return key;
}

std::string Claim::fingerprint() const
{
    // Unit separators keep fields from running into each other.
    auto identity = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", event, source, attribute,
                                qualifier_key(qualifier), value.canonical(), to_string(polarity), document,
                                span.start, span.end);
    return sha256_hex(identity);
}

std::string make_claim_id(const Claim& claim)
{
    return "c-" + claim.fingerprint().substr(0, 12);
}

std::string make_flag_id(std::string_view rule, std::span<const std::string> fingerprints)
{
    std::vector<std::string> sorted(fingerprints.begin(), fingerprints.end());
    std::ranges::sort(sorted);
    std::string identity(rule);
    for (const auto& fingerprint : sorted) {
        identity += '\x1f';
        identity += fingerprint;
    }
    return "F-" + short_hash(identity, 12);
}

}  // namespace contra
