#include "support.hpp"

#include <contra/rule_set.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace contra;
using namespace contra::test;

namespace {

// A rules folder with the real attributes and the given compare rule files.
class RulesDir {
public:
    RulesDir() { write_file(m_dir / "attributes.toml", read_file(rules_dir() / "attributes.toml")); }

    std::string add(const std::string& name, const std::string& text)
    {
        const auto path = m_dir / "compare" / name;
        write_file(path, text);
        return path.string();
    }

    [[nodiscard]] std::string path() const { return m_dir.path().string(); }

    // The first problem load() reports, as "file:line:col: message".
    [[nodiscard]] std::string load_error() const
    {
        auto loaded = RuleSet::load(path());
        return loaded ? std::string("(loaded)") : loaded.error().describe();
    }

    TempDir m_dir;
};

const std::string k_good = R"(id = "casualties"
kind = "count-conflict"
summary = "Figures that disagree"
why = "Because."
example = "2 against 40."
severity = "error"
attributes = ["deaths", "injuries"]
tolerance = { relative = 0.1, absolute = 2 }
message = "{a.source} gives {a.value}, {b.source} gives {b.value}"
)";

}  // namespace

TEST_CASE("a good rule file loads with its documentation and parameters")
{
    RulesDir dir;
    const auto path = dir.add("casualties.toml", k_good);
    auto rules = RuleSet::load(dir.path());
    REQUIRE(rules);
    REQUIRE(rules->compare_rules().size() == 1);
    const RuleInfo* info = rules->find("casualties");
    REQUIRE(info != nullptr);
    CHECK(info->kind == "count-conflict");
    CHECK(info->family == RuleFamily::compare);
    CHECK(info->severity == Severity::error);
    CHECK(info->summary == "Figures that disagree");
    CHECK(info->path == path);
    using Parameter = std::pair<std::string, std::string>;
    CHECK(info->parameters == std::vector<Parameter>{{"attributes", "[\"deaths\", \"injuries\"]"},
                                                     {"tolerance", "{ relative = 0.1, absolute = 2 }"},
                                                     {"latest_only", "true"}});
    CHECK(rules->attributes().at("deaths").kind == ValueKind::count);
    CHECK(rules->attributes().at("responsibility").single_valued == false);
    CHECK(RuleSet::lint(dir.path()).empty());
}

TEST_CASE("malformed TOML is reported at toml++'s line and column")
{
    RulesDir dir;
    const auto path = dir.add("broken.toml", "id = \"x\"\nkind = \n");
    const auto error = dir.load_error();
    CHECK(error.rfind(path + ":2:8: ", 0) == 0);
}

TEST_CASE("an unknown kind is reported at its value, listing the valid kinds")
{
    RulesDir dir;
    std::string text = k_good;
    text.replace(text.find("count-conflict"), 14, "count-conflit");
    const auto path = dir.add("kind.toml", text);
    CHECK(dir.load_error() == path +
                                  ":2:8: unknown compare rule kind 'count-conflit'; valid kinds: agent-conflict, "
                                  "category-conflict, count-conflict, party-only, revision, self-inconsistency");
}

TEST_CASE("an unknown key is reported at the key, listing the kind's valid keys")
{
    RulesDir dir;
    const auto path = dir.add("key.toml", k_good + "colour = \"red\"\n");
    CHECK(dir.load_error() == path +
                                  ":10:1: unknown key 'colour' for kind 'count-conflict'; valid keys: attributes, "
                                  "example, id, kind, latest_only, message, severity, summary, tolerance, why");
}

TEST_CASE("an unknown key inside the tolerance table is reported too")
{
    RulesDir dir;
    std::string text = k_good;
    text.replace(text.find("absolute"), 8, "absolut");
    const auto path = dir.add("tolerance.toml", text);
    CHECK(dir.load_error() == path +
                                  ":8:31: unknown key 'absolut' for 'tolerance' of kind 'count-conflict'; "
                                  "valid keys: absolute, relative");
}

TEST_CASE("a value of the wrong type is reported at the value, naming the expected type")
{
    RulesDir dir;
    const auto path = dir.add("type.toml", k_good + "latest_only = \"yes\"\n");
    CHECK(dir.load_error() == path + ":10:15: 'latest_only' must be a boolean (true or false), not string");
}

TEST_CASE("missing documentation is an error for each missing key")
{
    RulesDir dir;
    std::string text = k_good;
    text.erase(text.find("why = "), std::string("why = \"Because.\"\n").size());
    const auto path = dir.add("undocumented.toml", text);
    CHECK(dir.load_error() == path + ":1:1: missing required key 'why' for kind 'count-conflict'");
    std::string blank = k_good;
    blank.replace(blank.find("\"2 against 40.\""), 15, "\"  \"");
    const auto blank_path = dir.add("z-blank.toml", blank);
    const auto problems = RuleSet::lint(dir.path());
    REQUIRE(problems.size() == 2);
    CHECK(problems[1].describe() == blank_path + ":5:11: 'example' must not be empty");
}

TEST_CASE("an unknown placeholder in the message is reported at the message key")
{
    RulesDir dir;
    std::string text = k_good;
    text.replace(text.find("{b.value}"), 9, "{b.figure}");
    const auto path = dir.add("message.toml", text);
    CHECK(dir.load_error() ==
          path + ":9:1: unknown placeholder {b.figure} in message; valid placeholders: {a.source} {a.value} "
                 "{a.quote} {b.source} {b.value} {b.quote} {attribute} {agent} {event}");
}

TEST_CASE("unknown severities and undeclared attributes are reported at the value")
{
    RulesDir dir;
    std::string text = k_good;
    text.replace(text.find("\"error\""), 7, "\"fatal\"");
    text.replace(text.find("\"injuries\""), 10, "\"injured\"");
    const auto path = dir.add("values.toml", text);
    const auto problems = RuleSet::lint(dir.path());
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].describe() == path + ":6:12: unknown severity 'fatal'; valid severities: info, warning, error");
    CHECK(problems[1].describe().rfind(path + ":7:14: unknown attribute 'injured' in 'attributes'; declared "
                                              "attributes: arrests, cause, date, deaths",
                                       0) == 0);
}

TEST_CASE("a count rule on an attribute of another value kind is an error")
{
    RulesDir dir;
    std::string text = k_good;
    text.replace(text.find("\"injuries\""), 10, "\"cause\"");
    const auto path = dir.add("kinds.toml", text);
    CHECK(dir.load_error() == path + ":7:14: attribute 'cause' in 'attributes' holds category values, kind "
                                     "'count-conflict' expects count");
}

TEST_CASE("a duplicate rule id is an error naming both files")
{
    RulesDir dir;
    const auto first = dir.add("a.toml", k_good);
    const auto second = dir.add("b.toml", k_good);
    CHECK(dir.load_error() == second + ":1:6: duplicate rule id 'casualties': also defined in " + first);
}

TEST_CASE("lint reports every problem of every file, in order")
{
    RulesDir dir;
    const auto bad_kind = dir.add("a.toml", "id = \"a\"\nkind = \"nope\"\nsummary = \"s\"\nwhy = \"w\"\nexample = \"e\"\n");
    const auto bad_key = dir.add("b.toml", k_good + "extra = 1\nmore = 2\n");
    const auto problems = RuleSet::lint(dir.path());
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].where.file == bad_kind);
    CHECK(problems[0].where.line == 2);
    CHECK(problems[1].describe().rfind(bad_key + ":10:1: unknown key 'extra'", 0) == 0);
    CHECK(problems[2].describe().rfind(bad_key + ":11:1: unknown key 'more'", 0) == 0);
}

TEST_CASE("bad attributes.toml entries are reported at file:line:col")
{
    RulesDir dir;
    const auto path = (dir.m_dir / "attributes.toml").string();
    write_file(path, "[deaths]\nkind = \"number\"\nsummary = \"d\"\n\n[injuries]\nkind = \"count\"\nsummary = \"i\"\nsingle = 1\n");
    const auto problems = RuleSet::lint(dir.path());
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].describe() ==
          path + ":2:8: unknown value kind 'number'; valid kinds: agent, category, count, date, text");
    CHECK(problems[1].describe() == path + ":8:10: 'single' must be a boolean (true or false), not integer");
}

TEST_CASE("a missing rules folder is an error naming it")
{
    TempDir dir;
    const auto missing = (dir / "nowhere").string();
    auto loaded = RuleSet::load(missing);
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().describe() == missing + ": rules directory not found: " + missing);
}

TEST_CASE("every rule in rules/ is documented and the pack loads cleanly")
{
    const auto dir = rules_dir().string();
    const auto problems = RuleSet::lint(dir);
    for (const auto& problem : problems) UNSCOPED_INFO(problem.describe());
    CHECK(problems.empty());
    auto rules = RuleSet::load(dir);
    REQUIRE(rules);
    std::vector<std::string> ids;
    for (const RuleInfo* rule : rules->all()) {
        INFO(rule->id);
        CHECK(rule->summary.size() > 10);
        CHECK(rule->why.size() > 40);
        CHECK(rule->example.size() > 20);
        CHECK(std::filesystem::path(rule->path).stem() == rule->id);  // one rule per file, named after it
        ids.push_back(rule->id);
    }
    CHECK(ids == std::vector<std::string>{"agent-conflict-responsibility", "category-conflict-cause",
                                          "certainty-on-contested", "count-conflict-casualties",
                                          "count-conflict-crowd", "misattribution", "one-sided",
                                          "party-only-responsibility", "revision-figures", "self-inconsistency",
                                          "unattributed-contested", "unsupported-figure"});
}
