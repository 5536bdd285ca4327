#include "rules/compare_harness.hpp"

using namespace contra;
using namespace contra::test;

namespace {

const std::string k_rule = rule_text("causes", "category-conflict",
                                     "attributes = [\"cause\"]\nmessage = \"{a.value} or {b.value}?\"");

}  // namespace

TEST_CASE("category-conflict flags different categories from different sources")
{
    OneRule rule(k_rule);
    const auto fire = make_claim("ministry", "cause", category("fire"), "2024-05-01");
    const auto arson = make_claim("council", "cause", category("arson"), "2024-05-02");
    const auto flags = rule.run({fire, arson});
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].message == "fire or arson?");
    CHECK(flags[0].claims == std::vector<std::string>{fire.id, arson.id});
}

TEST_CASE("category-conflict: agreement, one source, hedges and other qualifiers are not conflicts")
{
    OneRule rule(k_rule);
    const auto fire = make_claim("ministry", "cause", category("fire"), "2024-05-01");
    CHECK(rule.run({fire, make_claim("council", "cause", category("fire"), "2024-05-01")}).empty());
    CHECK(rule.run({fire, make_claim("ministry", "cause", category("arson"), "2024-05-01")}).empty());
    CHECK(rule.run({fire, make_claim("council", "cause", category("arson"), "2024-05-01", Polarity::hedged)})
              .empty());
    CHECK(rule.run({fire, make_claim("council", "cause", category("arson"), "2024-05-01", Polarity::asserted,
                                     {{"group", "second-blaze"}})})
              .empty());
}

TEST_CASE("category-conflict: denying the category another source asserts is a conflict")
{
    OneRule rule(k_rule);
    const auto fire = make_claim("ministry", "cause", category("fire"), "2024-05-01");
    CHECK(rule.run({fire, make_claim("council", "cause", category("fire"), "2024-05-01", Polarity::denied)})
              .size() == 1);
    CHECK(rule.run({fire, make_claim("council", "cause", category("flood"), "2024-05-01", Polarity::denied)})
              .empty());
}

TEST_CASE("category-conflict: a cause given in two documents is one statement, one flag")
{
    OneRule rule(k_rule);
    const auto bulletin = make_claim("ministry", "cause", category("dam overflow"), "2025-10-06");
    const auto ngo = make_claim("monitor", "cause", category("illegal construction"), "2025-10-09");
    const auto article = repeated_in(bulletin, "doc-article", "2025-10-09");
    const auto flag = rule.only_flag({bulletin, ngo, article});
    CHECK(flag.claims == std::vector<std::string>{bulletin.id, article.id, ngo.id});
    CHECK(flag.message == "dam overflow or illegal construction?");

    const auto wire = repeated_in(ngo, "doc-wire", "2025-10-10");
    const auto again = rule.only_flag({bulletin, ngo, article, wire});
    CHECK(again.id == flag.id);
    CHECK(again.claims == std::vector<std::string>{bulletin.id, article.id, ngo.id, wire.id});
}
