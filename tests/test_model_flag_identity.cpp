// Flag ids from statements (src/model/flag_identity.cpp).
#include "rules/compare_harness.hpp"

#include <contra/hash.hpp>

#include <algorithm>

using namespace contra;
using namespace contra::test;

namespace {

std::string id_of(std::string_view rule, const std::vector<const Claim*>& claims)
{
    return make_flag_id(rule, claims);
}

// The id flags had before they came from statements: the rule and every
// claim's fingerprint, sorted.
std::string fingerprint_id(const std::string& rule, const std::vector<const Claim*>& claims)
{
    std::vector<std::string> fingerprints;
    for (const Claim* claim : claims) fingerprints.push_back(claim->fingerprint());
    std::ranges::sort(fingerprints);
    std::string identity = rule;
    for (const auto& fingerprint : fingerprints) identity += '\x1f' + fingerprint;
    return "F-" + short_hash(identity, 12);
}

}  // namespace

TEST_CASE("a statement key is the claim's fingerprint without where it is read")
{
    const auto claim = make_claim("ministry", "deaths", count(21, 21, "21"), "2025-10-08");
    const auto elsewhere = repeated_in(claim, "doc-other", "2025-10-09");
    CHECK(claim.fingerprint() != elsewhere.fingerprint());
    CHECK(statement_key(claim) == statement_key(elsewhere));
    CHECK(statement_key(claim).size() == 64);

    auto worded = elsewhere;
    worded.value.wording = "twenty-one";
    worded.quote = "twenty-one people";
    CHECK(statement_key(worded) == statement_key(claim));  // the same value in other words

    auto other = claim;
    other.source = "council";
    CHECK(statement_key(other) != statement_key(claim));
    other = claim;
    other.polarity = Polarity::denied;
    CHECK(statement_key(other) != statement_key(claim));
    other = claim;
    other.qualifier = {{"group", "police"}};
    CHECK(statement_key(other) != statement_key(claim));
    other = claim;
    other.value = count(22, 22, "21");
    CHECK(statement_key(other) != statement_key(claim));
}

TEST_CASE("a flag id depends on the rule and the statements, not on their order or how often they are read")
{
    const auto a = make_claim("ministry", "deaths", count(21, 21), "2025-10-08");
    const auto b = make_claim("monitor", "deaths", count(35, std::nullopt), "2025-10-09");
    const auto b_again = repeated_in(b, "doc-article", "2025-10-09");
    const auto id = id_of("counts", {&a, &b});
    CHECK(id.size() == 14);
    CHECK(id.starts_with("F-"));
    CHECK(id_of("counts", {&b, &a}) == id);
    CHECK(id_of("counts", {&a, &b, &b_again}) == id);
    CHECK(id_of("counts", {&a, &b_again}) == id);
    CHECK(id_of("other-rule", {&a, &b}) != id);
    const auto c = make_claim("council", "deaths", count(35, std::nullopt), "2025-10-09");
    CHECK(id_of("counts", {&a, &b, &c}) != id);
}

TEST_CASE("flag_id_matches knows today's ids and the fingerprint ids of older stores")
{
    const auto a = make_claim("ministry", "deaths", count(21, 21), "2025-10-08");
    const auto b = make_claim("monitor", "deaths", count(35, std::nullopt), "2025-10-09");
    const std::vector<const Claim*> claims{&a, &b};
    CHECK(flag_id_matches(id_of("counts", claims), "counts", claims));
    const auto legacy = fingerprint_id("counts", claims);
    CHECK(legacy != id_of("counts", claims));
    CHECK(flag_id_matches(legacy, "counts", claims));
    CHECK_FALSE(flag_id_matches(legacy, "other-rule", claims));
    CHECK_FALSE(flag_id_matches(id_of("counts", {&a}), "counts", claims));
    CHECK_FALSE(flag_id_matches("F-000000000000", "counts", claims));
}
