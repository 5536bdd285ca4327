#include "rules/compare_harness.hpp"

using namespace contra;
using namespace contra::test;

namespace {

const std::string k_rule = rule_text("counts", "count-conflict",
                                     "attributes = [\"deaths\", \"injuries\"]\n"
                                     "tolerance = { relative = 0.1, absolute = 2 }\n"
                                     "message = \"{a.source} says {a.value}, {b.source} says {b.value} ({attribute})\"");

}  // namespace

TEST_CASE("count-conflict flags figures of different sources that cannot both hold")
{
    OneRule rule(k_rule);
    const auto a = make_claim("ministry", "deaths", count(2, 2, "two people"), "2024-05-01");
    const auto b = make_claim("council", "deaths", count(40, std::nullopt, "at least 40"), "2024-05-01");
    const auto flags = rule.run({a, b});
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].rule == "counts");
    CHECK(flags[0].kind == "count-conflict");
    CHECK(flags[0].severity == Severity::error);  // the kind's default when the file names none
    CHECK(flags[0].event == "test-event");
    CHECK(flags[0].attribute == "deaths");
    CHECK(flags[0].claims == std::vector<std::string>{a.id, b.id});
    CHECK(flags[0].message == "Interior Ministry says two people, Residents' Council says at least 40 (deaths)");
    const Claim* pair[] = {&a, &b};
    CHECK(flags[0].id == make_flag_id("counts", pair));
}

TEST_CASE("count-conflict tolerance: figures within max(absolute, relative x bound) agree")
{
    OneRule rule(k_rule);
    const auto at = [&](std::int64_t x, std::int64_t y) {
        return rule.run({make_claim("ministry", "deaths", count(x, x), "2024-05-01"),
                         make_claim("council", "deaths", count(y, y), "2024-05-01")})
            .size();
    };
    // Small figures: the absolute tolerance (2) rules; 10+2 meets 14-2.
    CHECK(at(10, 14) == 0);
    CHECK(at(10, 15) == 1);
    // Large figures: the relative one; 100+10 meets 120-12, 100+10 < 125-12.5.
    CHECK(at(100, 120) == 0);
    CHECK(at(100, 125) == 1);
    CHECK(at(125, 100) == 1);  // order does not matter
    CHECK(at(7, 7) == 0);
}

TEST_CASE("count-conflict open intervals only conflict from below")
{
    OneRule rule(k_rule);
    const auto over_100 = make_claim("ministry", "injuries", count(101, std::nullopt, "over 100"), "2024-05-01");
    CHECK(rule.run({over_100, make_claim("council", "injuries", count(500, 500), "2024-05-01")}).empty());
    CHECK(rule.run({over_100, make_claim("council", "injuries", count(40, std::nullopt), "2024-05-01")}).empty());
    CHECK(rule.run({over_100, make_claim("council", "injuries", count(50, 60), "2024-05-01")}).size() == 1);
}

TEST_CASE("count-conflict never compares different qualifiers, attributes or one source with itself")
{
    OneRule rule(k_rule);
    const auto police = make_claim("ministry", "injuries", count(3, 3), "2024-05-01", Polarity::asserted,
                                   {{"group", "police"}});
    const auto residents = make_claim("council", "injuries", count(80, 80), "2024-05-01", Polarity::asserted,
                                      {{"group", "residents"}});
    CHECK(rule.run({police, residents}).empty());
    CHECK(rule.run({make_claim("ministry", "injuries", count(3, 3), "2024-05-01"),
                    make_claim("council", "deaths", count(80, 80), "2024-05-01")})
              .empty());
    CHECK(rule.run({make_claim("ministry", "injuries", count(3, 3), "2024-05-01"),
                    make_claim("ministry", "injuries", count(80, 80), "2024-05-01")})
              .empty());
    // Attributes the rule does not name are left alone.
    CHECK(rule.run({make_claim("ministry", "arrests", count(3, 3), "2024-05-01"),
                    make_claim("council", "arrests", count(80, 80), "2024-05-01")})
              .empty());
}

TEST_CASE("count-conflict with latest_only compares each source's latest figure")
{
    const auto early = make_claim("ministry", "deaths", count(2, 2), "2024-05-01");
    const auto late = make_claim("ministry", "deaths", count(38, 38), "2024-05-03");
    const auto other = make_claim("council", "deaths", count(40, 40), "2024-05-02");
    SECTION("superseded figures are not compared")
    {
        OneRule rule(k_rule);
        CHECK(rule.run({early, other, late}).empty());
    }
    SECTION("without latest_only every figure counts")
    {
        OneRule rule(k_rule + "latest_only = false\n");
        const auto flags = rule.run({early, other, late});
        REQUIRE(flags.size() == 1);
        CHECK(flags[0].claims == std::vector<std::string>{early.id, other.id});
    }
}

TEST_CASE("count-conflict counts hedged and implied figures, and a denied count as zero")
{
    OneRule rule(k_rule);
    const auto hedged = make_claim("ministry", "deaths", count(30, 30), "2024-05-01", Polarity::hedged);
    const auto implied = make_claim("council", "deaths", count(5, 5), "2024-05-01", Polarity::implied);
    CHECK(rule.run({hedged, implied}).size() == 1);
    const auto denied = make_claim("ministry", "deaths", count(1, 1), "2024-05-01", Polarity::denied);
    // [0, 0] widened by 2 meets 4 widened by 2, not 5.
    CHECK(rule.run({denied, make_claim("council", "deaths", count(4, 4), "2024-05-01")}).empty());
    CHECK(rule.run({denied, make_claim("council", "deaths", count(5, 5), "2024-05-01")}).size() == 1);
}

TEST_CASE("count-conflict gives one flag per pair, with ids independent of claim order")
{
    OneRule rule(k_rule);
    const auto a = make_claim("ministry", "deaths", count(2, 2), "2024-05-01");
    const auto b = make_claim("council", "deaths", count(40, 40), "2024-05-01");
    const auto c = make_claim("monitor", "deaths", count(20, 20), "2024-05-01");
    const auto forward = rule.run({a, b, c});
    const auto backward = rule.run({c, b, a});
    REQUIRE(forward.size() == 3);
    std::vector<std::string> forward_ids;
    std::vector<std::string> backward_ids;
    for (const auto& flag : forward) forward_ids.push_back(flag.id);
    for (const auto& flag : backward) backward_ids.push_back(flag.id);
    std::sort(forward_ids.begin(), forward_ids.end());
    std::sort(backward_ids.begin(), backward_ids.end());
    CHECK(forward_ids == backward_ids);
    CHECK(std::adjacent_find(forward_ids.begin(), forward_ids.end()) == forward_ids.end());
    CHECK(rule.run({a, b, c})[0].id == forward[0].id);  // the same on a second run
}

TEST_CASE("count-conflict: one source's figure quoted in two documents is one side of one flag")
{
    OneRule rule(k_rule);
    const auto agency = make_claim("ministry", "deaths", count(21, 21, "21"), "2025-10-08");
    const auto report = make_claim("monitor", "deaths", count(35, std::nullopt, "at least 35"), "2025-10-09");
    const auto article = repeated_in(report, "doc-article", "2025-10-09");
    const auto flag = rule.only_flag({agency, report, article});
    CHECK(flag.claims == std::vector<std::string>{agency.id, report.id, article.id});
    CHECK(flag.message == "Interior Ministry says 21, Rights Monitor says at least 35 (deaths)");

    // A third document repeating the figure joins the flag and keeps its id.
    const auto wire = repeated_in(report, "doc-wire", "2025-10-10");
    const auto again = rule.only_flag({agency, report, article, wire});
    CHECK(again.id == flag.id);
    CHECK(again.claims == std::vector<std::string>{agency.id, report.id, article.id, wire.id});
    // The id is the statements', whichever documents carry them.
    CHECK(rule.only_flag({agency, wire}).id == flag.id);
}

TEST_CASE("count-conflict with latest_only: a statement stands while its source still makes it")
{
    OneRule rule(k_rule);
    const auto early = make_claim("monitor", "deaths", count(35, 35), "2025-10-01");
    const auto revised = make_claim("monitor", "deaths", count(60, 60), "2025-10-02");
    const auto agency = make_claim("ministry", "deaths", count(21, 21), "2025-10-02");
    // 35 is superseded by 60 ...
    CHECK(rule.only_flag({early, revised, agency}).claims == std::vector<std::string>{revised.id, agency.id});
    // ... until the monitor repeats 35 in its latest statement: then both
    // its figures stand, and 35's flag links the early quote too.
    const auto repeated = repeated_in(early, "doc-monitor-again", "2025-10-02");
    const auto flags = rule.run({early, revised, agency, repeated});
    REQUIRE(flags.size() == 2);
    CHECK(flags[0].claims == std::vector<std::string>{early.id, repeated.id, agency.id});
    CHECK(flags[1].claims == std::vector<std::string>{revised.id, agency.id});
}
