// `contra check --format text`: one line per finding, as compilers and
// linters print them, the accounts behind it indented below, then the notes
// and a closing count.
#include "check/output.hpp"

#include <fmt/format.h>

namespace contra::detail {

std::string finding_line(const Finding& finding)
{
    return fmt::format("{}:{}:{}: {} {}: {}", one_line(finding.path), finding.line, finding.column,
                       to_string(finding.severity), finding.rule, one_line(finding.message));
}

// `    Source: "quote" (document)`; the value stands in for a missing quote.
std::string account_lines(const Finding& finding)
{
    std::string out;
    for (const FindingAccount& account : finding.accounts) {
        out += fmt::format("    {}: ", one_line(account.source));
        out += account.quote.empty() ? one_line(account.value) : fmt::format("\"{}\"", one_line(account.quote));
        if (!account.document.empty()) out += fmt::format(" ({})", one_line(account.document));
        out += '\n';
    }
    return out;
}

std::string render_check_text(const CheckReport& report, std::span<const RuleInfo> /*rules*/,
                              const RenderOptions& options)
{
    std::string out;
    for (const Finding& finding : report.findings) {
        if (finding.suppressed) continue;
        out += finding_line(finding);
        out += '\n';
        out += account_lines(finding);
    }
    for (const std::string& note : report.notes) out += fmt::format("note: {}\n", one_line(note));
    out += summary_line(report, count_findings(report, options.fail_on));
    out += '\n';
    return out;
}

}  // namespace contra::detail
