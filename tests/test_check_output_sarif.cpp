// contra check --format sarif (src/check/output_sarif.cpp): validated against
// the SARIF 2.1.0 schema (a small draft-04 validator for the keywords the
// schema uses) and against GitHub code scanning's extra requirements.
#include "test_check_output_report.hpp"

#include <contra/check_output.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <set>

using namespace contra;
using nlohmann::json;

namespace {

const std::filesystem::path k_schema_path = CONTRA_SOURCE_DIR "/../shared/schemas/sarif-schema-2.1.0.json";

// Draft-04 for the subset the SARIF schema uses: $ref to #/definitions,
// type, enum, minimum, maximum, required, properties, additionalProperties,
// items, minItems, uniqueItems, anyOf, oneOf, pattern (format is ignored).
class SchemaValidator {
public:
    explicit SchemaValidator(json root) : m_root(std::move(root)) {}

    std::vector<std::string> validate(const json& value) const
    {
        std::vector<std::string> errors;
        check(m_root, value, "$", errors);
        return errors;
    }

private:
    static bool has_type(const json& value, const std::string& type)
    {
        if (type == "object") return value.is_object();
        if (type == "array") return value.is_array();
        if (type == "string") return value.is_string();
        if (type == "integer") return value.is_number_integer();
        if (type == "number") return value.is_number();
        if (type == "boolean") return value.is_boolean();
        if (type == "null") return value.is_null();
        return false;
    }

    void check(const json& schema, const json& value, const std::string& at, std::vector<std::string>& errors) const
    {
        if (schema.contains("$ref")) {
            const std::string ref = schema["$ref"];
            const std::string prefix = "#/definitions/";
            if (!ref.starts_with(prefix)) {
                errors.push_back(at + ": unsupported $ref " + ref);
                return;
            }
            check(m_root["definitions"].at(ref.substr(prefix.size())), value, at, errors);
            return;
        }
        if (schema.contains("type")) {
            const json& type = schema["type"];
            const bool ok = type.is_string() ? has_type(value, type)
                                             : std::ranges::any_of(type, [&](const json& t) { return has_type(value, t); });
            if (!ok) {
                errors.push_back(at + ": not of type " + type.dump());
                return;
            }
        }
        if (schema.contains("enum") && std::ranges::find(schema["enum"], value) == schema["enum"].end()) {
            errors.push_back(at + ": " + value.dump() + " not in " + schema["enum"].dump());
        }
        if (value.is_number()) {
            if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>()) {
                errors.push_back(at + ": below the minimum");
            }
            if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>()) {
                errors.push_back(at + ": above the maximum");
            }
        }
        if (value.is_string() && schema.contains("pattern")) {
            if (!std::regex_search(value.get<std::string>(), std::regex(schema["pattern"].get<std::string>()))) {
                errors.push_back(at + ": does not match " + schema["pattern"].get<std::string>());
            }
        }
        if (value.is_object()) check_object(schema, value, at, errors);
        if (value.is_array()) check_array(schema, value, at, errors);
        if (schema.contains("anyOf")) {
            const bool any = std::ranges::any_of(schema["anyOf"], [&](const json& option) {
                std::vector<std::string> sub;
                check(option, value, at, sub);
                return sub.empty();
            });
            if (!any) errors.push_back(at + ": matches none of anyOf");
        }
        if (schema.contains("oneOf")) {
            const auto matches = std::ranges::count_if(schema["oneOf"], [&](const json& option) {
                std::vector<std::string> sub;
                check(option, value, at, sub);
                return sub.empty();
            });
            if (matches != 1) errors.push_back(at + ": matches " + std::to_string(matches) + " of oneOf");
        }
    }

    void check_object(const json& schema, const json& value, const std::string& at,
                      std::vector<std::string>& errors) const
    {
        if (schema.contains("required")) {
            for (const auto& key : schema["required"]) {
                if (!value.contains(key.get<std::string>())) errors.push_back(at + ": lacks " + key.get<std::string>());
            }
        }
        const json properties = schema.value("properties", json::object());
        for (const auto& [key, item] : value.items()) {
            if (properties.contains(key)) {
                check(properties[key], item, at + "." + key, errors);
            } else if (schema.contains("additionalProperties")) {
                const json& extra = schema["additionalProperties"];
                if (extra.is_boolean() && !extra.get<bool>()) {
                    errors.push_back(at + ": unexpected property " + key);
                } else if (extra.is_object()) {
                    check(extra, item, at + "." + key, errors);
                }
            }
        }
    }

    void check_array(const json& schema, const json& value, const std::string& at,
                     std::vector<std::string>& errors) const
    {
        if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>()) {
            errors.push_back(at + ": too few items");
        }
        if (schema.value("uniqueItems", false)) {
            std::set<std::string> seen;
            for (const auto& item : value) {
                if (!seen.insert(item.dump()).second) errors.push_back(at + ": repeated item " + item.dump());
            }
        }
        if (schema.contains("items") && schema["items"].is_object()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                check(schema["items"], value[i], at + "[" + std::to_string(i) + "]", errors);
            }
        }
    }

    json m_root;
};

json render_sarif(const CheckReport& report, const std::vector<RuleInfo>& rules)
{
    RenderOptions options;
    options.tool_version = "0.1.0";
    options.information_uri = "https://example.org/contra";
    return json::parse(render_check(report, CheckFormat::sarif, rules, options));
}

std::string joined(const std::vector<std::string>& errors)
{
    std::string out;
    for (const auto& error : errors) out += error + "\n";
    return out;
}

}  // namespace

TEST_CASE("sarif: the report validates against the SARIF 2.1.0 schema", "[check-output][sarif]")
{
    if (!std::filesystem::exists(k_schema_path)) {
        WARN("no SARIF schema at " << k_schema_path << "; schema check left out");
        return;
    }
    const SchemaValidator validator(json::parse(contra::test::read_file(k_schema_path)));
    const json sarif = render_sarif(contra::test::sample_report(), contra::test::sample_rules());
    const auto errors = validator.validate(sarif);
    INFO(joined(errors));
    CHECK(errors.empty());

    SECTION("the validator rejects what the schema forbids")
    {
        json broken = sarif;
        broken["runs"][0]["results"][0].erase("message");
        broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0;
        broken["runs"][0]["results"][2]["level"] = "fatal";
        broken["runs"][0]["columnKind"] = "bytes";
        broken["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"] = json{{"markdown", "x"}};
        const auto found = validator.validate(broken);
        INFO(joined(found));
        CHECK(found.size() >= 5);
    }
}

TEST_CASE("sarif: what GitHub code scanning needs of every result", "[check-output][sarif]")
{
    const json sarif = render_sarif(contra::test::sample_report(), contra::test::sample_rules());
    CHECK(sarif["version"] == "2.1.0");
    CHECK(sarif["$schema"].get<std::string>().ends_with("sarif-schema-2.1.0.json"));
    REQUIRE(sarif["runs"].size() == 1);
    const json& run = sarif["runs"][0];
    CHECK(run["columnKind"] == "unicodeCodePoints");
    const json& driver = run["tool"]["driver"];
    CHECK(driver["name"] == "contra");
    CHECK(driver["version"] == "0.1.0");
    CHECK(driver["informationUri"] == "https://example.org/contra");
    const json& rules = driver["rules"];
    REQUIRE(rules.size() == 3);
    REQUIRE(run["results"].size() == 5);
    std::set<std::string> fingerprints;
    for (const json& result : run["results"]) {
        const json& rule = rules.at(result["ruleIndex"].get<std::size_t>());
        CHECK(rule["id"] == result["ruleId"]);
        CHECK_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
        CHECK_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
        CHECK_FALSE(rule["help"]["text"].get<std::string>().empty());
        CHECK_FALSE(rule["help"]["markdown"].get<std::string>().empty());
        const json& region = result["locations"][0]["physicalLocation"]["region"];
        for (const char* key : {"startLine", "startColumn", "endLine", "endColumn"}) {
            CAPTURE(key);
            CHECK(region[key].get<int>() >= 1);
        }
        const std::string fingerprint = result["partialFingerprints"]["contraFinding/v2"];
        CHECK_FALSE(fingerprint.empty());
        fingerprints.insert(fingerprint);
    }
    CHECK(fingerprints.size() == 5);
}

TEST_CASE("sarif: results carry the finding, its place, accounts and suppression", "[check-output][sarif]")
{
    const json sarif = render_sarif(contra::test::sample_report(), contra::test::sample_rules());
    const json& run = sarif["runs"][0];
    const json& first = run["results"][0];
    CHECK(first["ruleId"] == "unattributed-contested");
    CHECK(first["ruleIndex"] == 0);
    CHECK(first["level"] == "error");
    CHECK(first["message"]["text"].get<std::string>().find("<denies> it & the Council blames the police\n100%") !=
          std::string::npos);
    const json& location = first["locations"][0]["physicalLocation"];
    CHECK(location["artifactLocation"]["uri"] == "drafts/durr%C3%ABs%20raid.md");
    CHECK(location["region"] == json{{"startLine", 3},
                                     {"startColumn", 5},
                                     {"endLine", 3},
                                     {"endColumn", 26},
                                     {"byteOffset", 125},
                                     {"byteLength", 22},
                                     {"snippet", {{"text", "Police killed “one man” in Durrës"}}}});
    CHECK(first["partialFingerprints"]["contraFinding/v2"] == "fp-unattributed-contested-3");
    CHECK(first["properties"]["accounts"][0]["source"] == "Ministry of the Interior");
    CHECK(first["properties"]["flags"] == json{"F-3f9a2c1b"});
    CHECK_FALSE(first.contains("suppressions"));

    CHECK(run["results"][1]["level"] == "warning");
    CHECK(run["results"][1]["ruleIndex"] == 1);
    const json& quiet = run["results"][2];
    CHECK(quiet["suppressions"] == json::array({{{"kind", "inSource"}}}));

    const json& rule = run["tool"]["driver"]["rules"][0];
    CHECK(rule["name"] == "UnattributedContested");
    CHECK(rule["fullDescription"]["text"] ==
          "Sources disagree on this point, so stating one value as fact takes a side.\n\nAttribute it.");
    CHECK(rule["help"]["markdown"].get<std::string>().find("#### Example\n\n\"Police killed one man\" when the "
                                                           "ministry denies it.") != std::string::npos);
    CHECK(rule["defaultConfiguration"]["level"] == "error");
    CHECK(run["tool"]["driver"]["rules"][1]["defaultConfiguration"]["level"] == "warning");

    const json& notes = run["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["message"]["text"] == "drafts/none.md: about no known event (name one with --event)");
}

TEST_CASE("sarif: artifact URIs are escaped relative references", "[check-output][sarif]")
{
    const auto uri_of = [](std::string path) {
        CheckReport report;
        report.findings.push_back(contra::test::sample_finding(std::move(path), "one-sided", Severity::warning, 1, 1));
        return render_sarif(report, contra::test::sample_rules())["runs"][0]["results"][0]["locations"][0]
                           ["physicalLocation"]["artifactLocation"]["uri"]
                               .get<std::string>();
    };
    CHECK(uri_of("./drafts/a.md") == "drafts/a.md");
    CHECK(uri_of("drafts/a:b c#1%?.md") == "drafts/a%3Ab%20c%231%25%3F.md");
    CHECK(uri_of("/srv/news/x.md") == "file:///srv/news/x.md");
}

TEST_CASE("sarif: a rule the caller did not describe still gets a description", "[check-output][sarif]")
{
    CheckReport report;
    report.findings.push_back(contra::test::sample_finding("d.md", "made-up-rule", Severity::info, 2, 3));
    report.findings.back().fingerprint.clear();
    const json sarif = render_sarif(report, {});
    const json& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 1);
    CHECK(rules[0]["id"] == "made-up-rule");
    CHECK_FALSE(rules[0]["shortDescription"]["text"].get<std::string>().empty());
    CHECK(rules[0]["defaultConfiguration"]["level"] == "note");
    const json& result = sarif["runs"][0]["results"][0];
    CHECK(result["level"] == "note");
    CHECK(result["ruleIndex"] == 0);
    CHECK_FALSE(result["partialFingerprints"]["contraFinding/v2"].get<std::string>().empty());
}

TEST_CASE("sarif: fingerprints do not move when unrelated lines move the finding", "[check-output][sarif]")
{
    CheckReport before;
    before.findings.push_back(contra::test::sample_finding("d.md", "one-sided", Severity::warning, 2, 3));
    before.findings.back().fingerprint.clear();
    CheckReport after = before;
    after.findings[0].line = 9;
    after.findings[0].end_line = 9;
    after.findings[0].start += 300;
    after.findings[0].end += 300;
    const auto fingerprint = [](const CheckReport& report) {
        return render_sarif(report, {})["runs"][0]["results"][0]["partialFingerprints"]["contraFinding/v2"];
    };
    CHECK(fingerprint(before) == fingerprint(after));
    after.findings[0].excerpt = "Police killed two men";
    CHECK(fingerprint(before) != fingerprint(after));
}
