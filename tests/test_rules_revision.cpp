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
    CHECK(flags[0].claims == std::vector<std::string>{repeat.id, second.id});
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
