// docs/rules.md is generated from the rule files (`contra rules doc`); this
// test fails when it has drifted. CONTRA_UPDATE_GOLDEN=1 rewrites it.
#include "support.hpp"
#include "rules/reference.hpp"

#include <contra/rule_set.hpp>
#include <contra/text.hpp>

#include <fmt/format.h>

#include <catch2/catch.hpp>

using namespace contra;
using namespace contra::test;

TEST_CASE("docs/rules.md is what `contra rules doc` prints")
{
    auto rules = RuleSet::load(rules_dir().string());
    REQUIRE(rules);
    const auto reference = detail::rules_reference(*rules);
    CHECK(check_golden(source_dir() / "docs" / "rules.md", reference) == "");
    const auto printed = run_contra({"rules", "doc", "--rules", rules_dir().string()});
    CHECK(printed.exit_code == 0);
    CHECK(printed.out == reference);
}

TEST_CASE("the reference documents every kind and every rule of the pack")
{
    auto rules = RuleSet::load(rules_dir().string());
    REQUIRE(rules);
    const auto reference = detail::rules_reference(*rules);
    for (const auto& kind : rule_kinds()) CHECK(reference.find(fmt::format("| `{}` |", kind.name)) != std::string::npos);
    for (const RuleInfo* rule : rules->all()) {
        CHECK(reference.find("### " + rule->id + "\n") != std::string::npos);
        CHECK(reference.find(std::string(trim(rule->why))) != std::string::npos);
    }
}

TEST_CASE("contra rules list, show and lint")
{
    const auto rules = rules_dir().string();
    auto list = run_contra({"rules", "list", "--rules", rules});
    CHECK(list.exit_code == 0);
    const auto line_start = list.out.find("count-conflict-casualties ");
    REQUIRE(line_start != std::string::npos);
    const auto line = list.out.substr(line_start, list.out.find('\n', line_start) - line_start);
    CHECK(line.find(" count-conflict ") != std::string::npos);
    CHECK(line.find(" error ") != std::string::npos);
    CHECK(line.find("Two sources give death or injury figures that cannot both be true") != std::string::npos);

    auto show = run_contra({"rules", "show", "revision-figures", "--rules", rules});
    CHECK(show.exit_code == 0);
    CHECK(show.out.find("  kind:     revision (compare)\n  severity: info\n") != std::string::npos);
    CHECK(show.out.find("    attributes = [\"deaths\", \"injuries\", \"arrests\", \"participants\"]\n") !=
          std::string::npos);
    CHECK(show.out.find("Why:\nFigures move as events unfold") != std::string::npos);
    auto unknown = run_contra({"rules", "show", "nope", "--rules", rules});
    CHECK(unknown.exit_code == 2);

    auto clean = run_contra({"rules", "lint", rules});
    CHECK(clean.exit_code == 0);
    auto loaded = RuleSet::load(rules);
    REQUIRE(loaded);
    CHECK(clean.out == fmt::format("{} rules OK\n", loaded->all().size()));

    TempDir dir;
    write_file(dir / "attributes.toml", read_file(rules_dir() / "attributes.toml"));
    write_file(dir / "compare" / "bad.toml", "id = \"bad\"\nkind = \"count-conflict\"\nsummary = \"s\"\n"
                                             "why = \"w\"\nexample = \"e\"\nattributes = [\"deaths\"]\nlatest = 1\n");
    auto bad = run_contra({"rules", "lint", dir.path().string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.out == (dir / "compare" / "bad.toml").string() +
                         ":7:1: error: unknown key 'latest' for kind 'count-conflict'; valid keys: attributes, "
                         "example, id, kind, latest_only, message, severity, summary, tolerance, why\n");
}
