// The renderers of `contra check` and what they share. One renderer per
// format, each in its own file, registered in the list in output.cpp.
#pragma once

#include <contra/check_output.hpp>

#include <nlohmann/json.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

using CheckRenderer = std::string (*)(const CheckReport& report, std::span<const RuleInfo> rules,
                                      const RenderOptions& options);

std::string render_check_text(const CheckReport& report, std::span<const RuleInfo> rules, const RenderOptions& options);
std::string render_check_json(const CheckReport& report, std::span<const RuleInfo> rules, const RenderOptions& options);
std::string render_check_sarif(const CheckReport& report, std::span<const RuleInfo> rules,
                               const RenderOptions& options);
std::string render_check_junit(const CheckReport& report, std::span<const RuleInfo> rules,
                               const RenderOptions& options);
std::string render_check_github(const CheckReport& report, std::span<const RuleInfo> rules,
                                const RenderOptions& options);

// How many findings of each kind a report holds. Suppressed findings are
// counted apart and in nothing else.
struct CheckCounts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    int suppressed = 0;
    int failing = 0;  // not suppressed, at or above the fail level
    [[nodiscard]] int total() const { return errors + warnings + infos; }
};

[[nodiscard]] CheckCounts count_findings(const CheckReport& report, Severity fail_on);

// "2 findings in 3 drafts (1 error, 1 warning, 0 info), 1 suppressed".
[[nodiscard]] std::string summary_line(const CheckReport& report, const CheckCounts& counts);

// The drafts of the report: CheckReport::paths, else (for a report built by
// hand) the paths of its findings in order of first appearance.
[[nodiscard]] std::vector<std::string> draft_paths(const CheckReport& report);

// `path:line:col: severity rule-id: message` (no line break), and the
// accounts behind the finding, one `    Source: "quote" (document)` line each:
// the text format, reused wherever a finding is told in plain text.
[[nodiscard]] std::string finding_line(const Finding& finding);
[[nodiscard]] std::string account_lines(const Finding& finding);
// The same, appended to `out`: the text report of many findings is built in
// one string.
void append_finding_line(std::string& out, const Finding& finding);
void append_account_lines(std::string& out, const Finding& finding);

// The accounts behind a finding as JSON objects {claim, source, value,
// quote, document}: the same shape in the json and SARIF reports.
[[nodiscard]] nlohmann::ordered_json accounts_json(const Finding& finding);

// The text with every line break (\r\n, \n, \r) made one space: for formats
// that keep one record per line.
[[nodiscard]] std::string one_line(std::string_view text);
void append_one_line(std::string& out, std::string_view text);

}  // namespace contra::detail
