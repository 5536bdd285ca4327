#include "rules/compare_harness.hpp"

using namespace contra;
using namespace contra::test;

namespace {

const std::string k_rule = rule_text("self", "self-inconsistency",
                                     "attributes = [\"deaths\", \"responsibility\", \"cause\"]\n"
                                     "tolerance = { relative = 0.1, absolute = 2 }");

}  // namespace

TEST_CASE("self-inconsistency: one source, the same day, figures that cannot both hold")
{
    OneRule rule(k_rule);
    const auto a = make_claim("ministry", "deaths", count(15, 15), "2024-05-01");
    const auto b = make_claim("ministry", "deaths", count(60, std::nullopt), "2024-05-01");
    const auto flags = rule.run({a, b});
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].claims == std::vector<std::string>{a.id, b.id});
    CHECK(flags[0].kind == "self-inconsistency");
    // Within tolerance, on different days, or from different sources: nothing.
    CHECK(rule.run({a, make_claim("ministry", "deaths", count(17, 17), "2024-05-01")}).empty());
    CHECK(rule.run({a, make_claim("ministry", "deaths", count(60, 60), "2024-05-02")}).empty());
    CHECK(rule.run({a, make_claim("council", "deaths", count(60, 60), "2024-05-01")}).empty());
}

TEST_CASE("self-inconsistency: undated claims count as the same day only with each other")
{
    OneRule rule(k_rule);
    const auto a = make_claim("ministry", "deaths", count(15, 15), "");
    CHECK(rule.run({a, make_claim("ministry", "deaths", count(60, 60), "")}).size() == 1);
    CHECK(rule.run({a, make_claim("ministry", "deaths", count(60, 60), "2024-05-01")}).empty());
}

TEST_CASE("self-inconsistency: opposite stances on one agent and different categories")
{
    OneRule rule(k_rule);
    const auto clears = make_claim("ministry", "responsibility", agent("police", false, "deaths"), "2024-05-01",
                                   Polarity::denied);
    CHECK(rule.run({clears, make_claim("ministry", "responsibility", agent("police", true, "deaths"), "2024-05-01")})
              .size() == 1);
    CHECK(rule.run({clears, make_claim("ministry", "responsibility", agent("police", true, "injuries"),
                                       "2024-05-01")})
              .empty());
    CHECK(rule.run({clears, make_claim("ministry", "responsibility", agent("police", true, "deaths"), "2024-05-01",
                                       Polarity::hedged)})
              .empty());
    CHECK(rule.run({make_claim("ministry", "cause", category("fire"), "2024-05-01"),
                    make_claim("ministry", "cause", category("flood"), "2024-05-01")})
              .size() == 1);
}
