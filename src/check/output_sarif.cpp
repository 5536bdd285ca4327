// `contra check --format sarif`: SARIF 2.1.0 for GitHub code scanning and
// other SARIF viewers. Every rule the results name is described in
// tool.driver.rules (summary, why, example, default level); every result has
// a region with start and end line and column (code points, as the run's
// columnKind says) and a partial fingerprint that does not move with lines.
#include "check/output.hpp"

#include <contra/hash.hpp>
#include <contra/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace contra::detail {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_schema_uri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view k_fingerprint_key = "contraFinding/v2";

std::string_view sarif_level(Severity severity)
{
    switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
    }
    return "warning";
}

// A relative reference as RFC 3986 wants it: every byte but the unreserved
// ones and '/' percent-encoded (so "a:b.md" cannot read as a scheme), a
// leading "./" dropped, and an absolute path made a file: URI.
std::string artifact_uri(std::string_view path)
{
    while (path.starts_with("./")) path.remove_prefix(2);
    std::string out = path.starts_with('/') ? "file://" : "";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += c;
        } else {
            out += fmt::format("%{:02X}", byte);
        }
    }
    return out;
}

// Rule files wrap their prose at a fixed width: single line breaks become
// spaces, blank lines stay paragraph breaks.
std::string unwrap(std::string_view text)
{
    text = trim(text);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '\n') {
            out += text[i++];
            continue;
        }
        std::size_t breaks = 0;
        while (i < text.size() && (text[i] == '\n' || text[i] == ' ' || text[i] == '\t' || text[i] == '\r')) {
            if (text[i] == '\n') ++breaks;
            ++i;
        }
        out += breaks > 1 ? "\n\n" : " ";
    }
    return out;
}

// "unattributed-contested" → "UnattributedContested".
std::string rule_name(std::string_view id)
{
    std::string out;
    bool upper = true;
    for (const char c : id) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

Json rule_json(const RuleInfo& rule)
{
    const std::string summary = rule.summary.empty() ? rule.id : unwrap(rule.summary);
    const std::string why = rule.why.empty() ? summary : unwrap(rule.why);
    std::string help_text = fmt::format("{}\n\n{}", summary, why);
    std::string help_markdown = fmt::format("**{}**\n\n{}", summary, why);
    if (!rule.example.empty()) {
        const std::string example = unwrap(rule.example);
        help_text += fmt::format("\n\nExample: {}", example);
        help_markdown += fmt::format("\n\n#### Example\n\n{}", example);
    }
    Json properties{{"tags", Json::array({"fact-check", rule.family == RuleFamily::draft ? "draft" : "compare"})}};
    if (!rule.kind.empty()) properties["kind"] = rule.kind;
    return Json{{"id", rule.id},
                {"name", rule_name(rule.id)},
                {"shortDescription", {{"text", summary}}},
                {"fullDescription", {{"text", why}}},
                {"help", {{"text", help_text}, {"markdown", help_markdown}}},
                {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
                {"properties", std::move(properties)}};
}

Json region_json(const Finding& finding)
{
    Json region = Json::object();
    if (finding.line < 1) return region;
    region["startLine"] = finding.line;
    if (finding.column >= 1) region["startColumn"] = finding.column;
    region["endLine"] = std::max(finding.end_line, finding.line);
    if (finding.end_column >= 1) region["endColumn"] = finding.end_column;
    region["byteOffset"] = finding.start;
    region["byteLength"] = finding.end >= finding.start ? finding.end - finding.start : 0;
    if (!finding.excerpt.empty()) region["snippet"] = {{"text", finding.excerpt}};
    return region;
}

Json result_json(const Finding& finding, std::size_t rule_index)
{
    Json physical{{"artifactLocation", {{"uri", artifact_uri(finding.path)}}}};
    if (Json region = region_json(finding); !region.empty()) physical["region"] = std::move(region);
    const std::string fingerprint =
        !finding.fingerprint.empty()
            ? finding.fingerprint
            : fingerprint_hex(fmt::format("{}\x1f{}\x1f{}", finding.rule, finding.path, fold(finding.excerpt)));
    Json result{{"ruleId", finding.rule},
                {"ruleIndex", rule_index},
                {"level", sarif_level(finding.severity)},
                {"message", {{"text", finding.message}}},
                {"locations", Json::array({Json{{"physicalLocation", std::move(physical)}}})},
                {"partialFingerprints", {{k_fingerprint_key, fingerprint}}}};
    if (finding.suppressed) result["suppressions"] = Json::array({Json{{"kind", "inSource"}}});
    result["properties"] = {{"accounts", accounts_json(finding)}, {"flags", finding.flags}};
    return result;
}

}  // namespace

std::string render_check_sarif(const CheckReport& report, std::span<const RuleInfo> rules,
                               const RenderOptions& options)
{
    Json rule_list = Json::array();
    std::map<std::string, std::size_t, std::less<>> index;
    for (const RuleInfo& rule : rules) {
        if (index.contains(rule.id)) continue;
        index.emplace(rule.id, rule_list.size());
        rule_list.push_back(rule_json(rule));
    }
    Json results = Json::array();
    for (const Finding& finding : report.findings) {
        auto found = index.find(finding.rule);
        if (found == index.end()) {
            RuleInfo stand_in;
            stand_in.id = finding.rule;
            stand_in.family = RuleFamily::draft;
            stand_in.severity = finding.severity;
            found = index.emplace(finding.rule, rule_list.size()).first;
            rule_list.push_back(rule_json(stand_in));
        }
        results.push_back(result_json(finding, found->second));
    }

    Json driver{{"name", "contra"}};
    if (!options.tool_version.empty()) driver["version"] = options.tool_version;
    if (!options.information_uri.empty()) driver["informationUri"] = options.information_uri;
    driver["rules"] = std::move(rule_list);

    Json notifications = Json::array();
    for (const std::string& note : report.notes) {
        notifications.push_back({{"level", "note"}, {"message", {{"text", note}}}});
    }
    Json invocation{{"executionSuccessful", true}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);

    Json run{{"tool", {{"driver", std::move(driver)}}},
             {"invocations", Json::array({std::move(invocation)})},
             {"columnKind", "unicodeCodePoints"},
             {"results", std::move(results)}};
    Json out{{"$schema", k_schema_uri}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace contra::detail
