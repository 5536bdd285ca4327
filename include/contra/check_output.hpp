// The reports of `contra check`: one renderer per format, for people (text),
// for machines (json), for code scanning (SARIF 2.1.0), for test dashboards
// (JUnit XML) and for GitHub Actions annotations (workflow commands).
#pragma once

#include <contra/finding.hpp>
#include <contra/flag.hpp>
#include <contra/rule.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace contra {

enum class CheckFormat { text, json, sarif, junit, github };

[[nodiscard]] std::string_view to_string(CheckFormat format);
[[nodiscard]] std::optional<CheckFormat> parse_check_format(std::string_view text);

// What a report says about the run besides the findings.
struct RenderOptions {
    std::string tool_version;     // SARIF tool.driver.version, JSON summary
    std::string information_uri;  // SARIF tool.driver.informationUri; left out when empty
    // Findings at or above this level fail the run (and are JUnit failures);
    // below it they are listed but pass.
    Severity fail_on = Severity::error;
};

// The whole report as one string. `rules` describe the rules the findings
// name (SARIF lists them in tool.driver.rules; a finding whose rule is not
// among them gets a minimal description made from its id). Never fails:
// every byte of every field is escaped for the format.
[[nodiscard]] std::string render_check(const CheckReport& report, CheckFormat format, std::span<const RuleInfo> rules,
                                       const RenderOptions& options);

}  // namespace contra
