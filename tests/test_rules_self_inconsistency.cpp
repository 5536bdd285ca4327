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

TEST_CASE("self-inconsistency: a figure repeated in another document is one statement, one flag")
{
    OneRule rule(k_rule);
    const auto several = make_claim("council", "deaths", count(3, 9, "several"), "2023-06-20");
    const auto over_100 = make_claim("council", "deaths", count(101, std::nullopt, "over 100"), "2023-06-20");
    // A news report the same day quotes the council's figure in its own words.
    auto reported = repeated_in(over_100, "doc-news", "2023-06-20");
    reported.value.wording = "more than 100";
    reported.id = make_claim_id(reported);
    const auto flag = rule.only_flag({reported, several, over_100});
    CHECK(flag.claims == std::vector<std::string>{reported.id, over_100.id, several.id});

    const auto later = repeated_in(several, "doc-later", "2023-06-25");
    const auto again = rule.only_flag({reported, several, over_100, later});
    CHECK(again.id == flag.id);
    CHECK(again.claims == std::vector<std::string>{reported.id, over_100.id, several.id, later.id});
}

TEST_CASE("self-inconsistency: two statements conflict when some of their claims share a day")
{
    OneRule rule(k_rule);
    const auto a = make_claim("ministry", "deaths", count(15, 15), "2024-05-01");
    const auto b = make_claim("ministry", "deaths", count(60, 60), "2024-05-02");
    CHECK(rule.run({a, b}).empty());
    const auto a_again = repeated_in(a, "doc-ministry-again", "2024-05-02");
    CHECK(rule.only_flag({a, b, a_again}).claims == std::vector<std::string>{a.id, a_again.id, b.id});
}
