#include "rules/compare_harness.hpp"

using namespace contra;
using namespace contra::test;

namespace {

const std::string k_rule = rule_text("parties", "party-only",
                                     "attributes = [\"deaths\", \"injuries\"]\n"
                                     "message = \"{attribute} of {event}: only {a.source} and {b.source}\"");

}  // namespace

TEST_CASE("party-only: one flag per attribute told only by parties, carrying all their claims")
{
    OneRule rule(k_rule);
    const auto a = make_claim("ministry", "deaths", count(2, 2), "2024-05-01");
    const auto b = make_claim("council", "deaths", count(40, 40), "2024-05-01", Polarity::asserted,
                              {{"group", "residents"}});
    const auto c = make_claim("ministry", "deaths", count(3, 3), "2024-05-02");
    const auto flags = rule.run({a, b, c});
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].attribute == "deaths");
    CHECK(flags[0].claims == std::vector<std::string>{a.id, b.id, c.id});
    CHECK(flags[0].message == "deaths of test-event: only Interior Ministry and Residents' Council");
}

TEST_CASE("party-only: an independent or unknown source on the attribute clears it")
{
    OneRule rule(k_rule);
    const auto a = make_claim("ministry", "injuries", count(2, 2), "2024-05-01");
    CHECK(rule.run({a, make_claim("monitor", "injuries", count(5, 5), "2024-05-01")}).empty());
    CHECK(rule.run({a, make_claim("paper", "injuries", count(5, 5), "2024-05-01")}).empty());
    CHECK(rule.run({a, make_claim("nobody-known", "injuries", count(5, 5), "2024-05-01")}).empty());
    // An independent source on another attribute does not help.
    CHECK(rule.run({a, make_claim("monitor", "deaths", count(5, 5), "2024-05-01")}).size() == 1);
}

TEST_CASE("party-only: another document repeating a party's figure joins the flag and keeps its id")
{
    OneRule rule(k_rule);
    const auto a = make_claim("ministry", "deaths", count(2, 2), "2024-05-01");
    const auto b = make_claim("council", "deaths", count(40, 40), "2024-05-01");
    const auto flag = rule.only_flag({a, b});
    const auto reported = repeated_in(b, "doc-news", "2024-05-02");
    const auto again = rule.only_flag({a, b, reported});
    CHECK(again.id == flag.id);
    CHECK(again.claims == std::vector<std::string>{a.id, b.id, reported.id});
}
