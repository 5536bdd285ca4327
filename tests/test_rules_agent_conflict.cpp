#include "rules/compare_harness.hpp"

using namespace contra;
using namespace contra::test;

namespace {

std::string agent_rule(bool same_for)
{
    return rule_text("blame", "agent-conflict",
                     std::string("severity = \"error\"\nsame_for = ") + (same_for ? "true" : "false") +
                         "\nmessage = \"{a.source} clears {agent}; {b.source} blames {agent}\"");
}

}  // namespace

TEST_CASE("agent-conflict: an asserted blame against a denial is at the rule's severity")
{
    OneRule rule(agent_rule(false));
    const auto denial = make_claim("ministry", "responsibility", agent("police", false, "deaths"), "2024-05-01",
                                   Polarity::denied);
    const auto blame = make_claim("council", "responsibility", agent("police", true, "deaths"), "2024-05-01");
    const auto flags = rule.run({blame, denial});
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].severity == Severity::error);
    CHECK(flags[0].claims == std::vector<std::string>{denial.id, blame.id});  // denials first
    CHECK(flags[0].message == "Interior Ministry clears police; Residents' Council blames police");
    CHECK(flags[0].attribute == "responsibility");
}

TEST_CASE("agent-conflict: an implied blame is one level weaker, a hedge never conflicts")
{
    OneRule rule(agent_rule(false));
    const auto denial = make_claim("ministry", "responsibility", agent("police", false, "deaths"), "2024-05-01",
                                   Polarity::denied);
    const auto implied = make_claim("council", "responsibility", agent("police", true, "deaths"), "2024-05-01",
                                    Polarity::implied);
    const auto hedged = make_claim("monitor", "responsibility", agent("police", true, "deaths"), "2024-05-01",
                                   Polarity::hedged);
    const auto flags = rule.run({denial, implied, hedged});
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].severity == Severity::warning);
    CHECK(flags[0].claims == std::vector<std::string>{denial.id, implied.id});
    CHECK(rule.run({denial, hedged}).empty());
}

TEST_CASE("agent-conflict: one flag per agent, denying source and holding source, with all their claims")
{
    OneRule rule(agent_rule(false));
    const auto denial = make_claim("ministry", "responsibility", agent("police", false, "deaths"), "2024-05-01",
                                   Polarity::denied);
    const auto for_deaths = make_claim("council", "responsibility", agent("police", true, "deaths"), "2024-05-01",
                                       Polarity::implied);
    const auto for_injuries =
        make_claim("council", "responsibility", agent("police", true, "injuries"), "2024-05-02");
    const auto monitor = make_claim("monitor", "responsibility", agent("police", true, ""), "2024-05-02");
    const auto other_agent = make_claim("paper", "responsibility", agent("army", true, "deaths"), "2024-05-02");
    const auto flags = rule.run({denial, for_deaths, for_injuries, monitor, other_agent});
    REQUIRE(flags.size() == 2);
    CHECK(flags[0].claims == std::vector<std::string>{denial.id, for_deaths.id, for_injuries.id});
    CHECK(flags[0].severity == Severity::error);  // the asserted blame for injuries makes it strong
    CHECK(flags[1].claims == std::vector<std::string>{denial.id, monitor.id});
}

TEST_CASE("agent-conflict with same_for only opposes claims about the same harm")
{
    OneRule rule(agent_rule(true));
    const auto denial = make_claim("ministry", "responsibility", agent("police", false, "deaths"), "2024-05-01",
                                   Polarity::denied);
    const auto for_injuries =
        make_claim("council", "responsibility", agent("police", true, "injuries"), "2024-05-01");
    const auto unspecified = make_claim("monitor", "responsibility", agent("police", true, ""), "2024-05-01");
    const auto flags = rule.run({denial, for_injuries, unspecified});
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].claims == std::vector<std::string>{denial.id, unspecified.id});
}

TEST_CASE("agent-conflict leaves one source's own claims and agreeing sources alone")
{
    OneRule rule(agent_rule(false));
    const auto denial = make_claim("ministry", "responsibility", agent("police", false, "deaths"), "2024-05-01",
                                   Polarity::denied);
    CHECK(rule.run({denial, make_claim("ministry", "responsibility", agent("police", true), "2024-05-01")}).empty());
    CHECK(rule.run({denial, make_claim("council", "responsibility", agent("police", false), "2024-05-01",
                                       Polarity::denied)})
              .empty());
}

TEST_CASE("agent-conflict: a denial repeated in another document joins the flag and keeps its id")
{
    OneRule rule(agent_rule(false));
    const auto denial = make_claim("ministry", "responsibility", agent("police", false, "deaths"), "2024-05-01",
                                   Polarity::denied);
    const auto blame = make_claim("council", "responsibility", agent("police", true, "deaths"), "2024-05-01");
    const auto reported = repeated_in(denial, "doc-news", "2024-05-01");
    const auto flag = rule.only_flag({denial, reported, blame});
    CHECK(flag.claims == std::vector<std::string>{denial.id, reported.id, blame.id});

    const auto later = repeated_in(blame, "doc-later", "2024-05-03");
    const auto again = rule.only_flag({denial, reported, blame, later});
    CHECK(again.id == flag.id);
    CHECK(again.claims == std::vector<std::string>{denial.id, reported.id, blame.id, later.id});
    CHECK(rule.only_flag({reported, later}).id == flag.id);
}
