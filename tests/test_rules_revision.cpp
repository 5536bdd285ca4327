#include "rules/compare_harness.hpp"

using namespace contra;
using namespace contra::test;

namespace {

const std::string k_rule = rule_text("revised", "revision",
                                     "attributes = [\"deaths\"]\n"
                                     "message = \"{a.source}: {a.value} then {b.value}\"");

}  // namespace

TEST_CASE("revision: one note per consecutive change of a source's figure")
{
    OneRule rule(k_rule);
    const auto first = make_claim("ministry", "deaths", count(12, 12, "12 dead"), "2024-05-01");
    const auto repeat = make_claim("ministry", "deaths", count(12, 12, "twelve"), "2024-05-02");
    const auto second = make_claim("ministry", "deaths", count(19, 19, "19"), "2024-05-03");
    const auto third = make_claim("ministry", "deaths", count(25, 25, "25"), "2024-05-04");
    const auto other = make_claim("council", "deaths", count(40, 40), "2024-05-02");
    const auto flags = rule.run({first, repeat, other, second, third});
    REQUIRE(flags.size() == 2);
    CHECK(flags[0].severity == Severity::info);
    // 12 said twice is one statement: the note links both of its quotes.
    CHECK(flags[0].claims == std::vector<std::string>{first.id, repeat.id, second.id});
    CHECK(flags[0].message == "Interior Ministry: twelve then 19");
    CHECK(flags[1].claims == std::vector<std::string>{second.id, third.id});
}

TEST_CASE("revision: same-day differences and undated claims are not revisions")
{
    OneRule rule(k_rule);
    CHECK(rule.run({make_claim("ministry", "deaths", count(12, 12), "2024-05-01"),
                    make_claim("ministry", "deaths", count(19, 19), "2024-05-01")})
              .empty());
    CHECK(rule.run({make_claim("ministry", "deaths", count(12, 12), ""),
                    make_claim("ministry", "deaths", count(19, 19), "2024-05-02")})
              .empty());
}

TEST_CASE("revision: one note per pair of statements, kept when another document repeats one")
{
    OneRule rule(k_rule);
    const auto nine = make_claim("ministry", "deaths", count(9, 9, "nine"), "2025-10-05");
    const auto fourteen = make_claim("ministry", "deaths", count(14, 14, "14"), "2025-10-06");
    const auto flag = rule.only_flag({nine, fourteen});
    CHECK(flag.message == "Interior Ministry: nine then 14");

    // A later article repeating 14 is no revision, and joins the note.
    const auto article = repeated_in(fourteen, "doc-article", "2025-10-07");
    const auto again = rule.only_flag({nine, fourteen, article});
    CHECK(again.id == flag.id);
    CHECK(again.claims == std::vector<std::string>{nine.id, fourteen.id, article.id});

    // Going back to nine on a later day is the same pair of statements: still one note.
    const auto back = repeated_in(nine, "doc-back", "2025-10-08");
    const auto back_again = rule.only_flag({nine, fourteen, article, back});
    CHECK(back_again.id == flag.id);
    CHECK(back_again.claims == std::vector<std::string>{nine.id, back.id, fourteen.id, article.id});
}
