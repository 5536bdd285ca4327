// `contra check --format github`: GitHub Actions workflow commands, which
// the runner turns into annotations on the draft's lines. Errors are
// ::error, warnings ::warning, info ::notice; suppressed findings are left
// out; notes are ::notice without a file.
#include "check/output.hpp"

#include <fmt/format.h>

namespace contra::detail {

namespace {

// A command's message: '%', CR and LF percent-encoded, as the runner decodes them.
std::string escape_data(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '%': out += "%25"; break;
        case '\r': out += "%0D"; break;
        case '\n': out += "%0A"; break;
        default: out += c;
        }
    }
    return out;
}

// A property value: the message's escapes plus ':' and ',', which would
// otherwise end the value.
std::string escape_property(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : escape_data(text)) {
        switch (c) {
        case ':': out += "%3A"; break;
        case ',': out += "%2C"; break;
        default: out += c;
        }
    }
    return out;
}

std::string_view command_for(Severity severity)
{
    switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
    }
    return "warning";
}

}  // namespace

std::string render_check_github(const CheckReport& report, std::span<const RuleInfo> /*rules*/,
                                const RenderOptions& options)
{
    std::string out;
    for (const Finding& finding : report.findings) {
        if (finding.suppressed) continue;
        std::string message = finding.message;
        if (!finding.accounts.empty()) {
            message += '\n';
            message += account_lines(finding);
            if (message.ends_with('\n')) message.pop_back();
        }
        out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                           command_for(finding.severity), escape_property(finding.path), finding.line,
                           finding.column, finding.end_line, finding.end_column, escape_property(finding.rule),
                           escape_data(message));
    }
    for (const std::string& note : report.notes) out += fmt::format("::notice::{}\n", escape_data(note));
    out += summary_line(report, count_findings(report, options.fail_on));
    out += '\n';
    return out;
}

}  // namespace contra::detail
