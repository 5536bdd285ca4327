// `contra check --format text`: one line per finding, as compilers and
// linters print them, the accounts behind it indented below, then the notes
// and a closing count.
#include "check/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace contra::detail {

void append_finding_line(std::string& out, const Finding& finding)
{
    append_one_line(out, finding.path);
    fmt::format_to(std::back_inserter(out), ":{}:{}: {} ", finding.line, finding.column, to_string(finding.severity));
    out += finding.rule;
    out += ": ";
    append_one_line(out, finding.message);
}

// `    Source: "quote" (document)`; the value stands in for a missing quote.
void append_account_lines(std::string& out, const Finding& finding)
{
    for (const FindingAccount& account : finding.accounts) {
        out += "    ";
        append_one_line(out, account.source);
        out += ": ";
        if (account.quote.empty()) {
            append_one_line(out, account.value);
        } else {
            out += '"';
            append_one_line(out, account.quote);
            out += '"';
        }
        if (!account.document.empty()) {
            out += " (";
            append_one_line(out, account.document);
            out += ')';
        }
        out += '\n';
    }
}

std::string finding_line(const Finding& finding)
{
    std::string out;
    append_finding_line(out, finding);
    return out;
}

std::string account_lines(const Finding& finding)
{
    std::string out;
    append_account_lines(out, finding);
    return out;
}

namespace {

// At least the size of the text report, so that it is built in one block:
// growing a report of megabytes by doubling copies it and faults fresh pages
// in, about as long as writing it. Line breaks only ever shrink a field.
std::size_t size_bound(const CheckReport& report)
{
    constexpr std::size_t k_finding_marks = 64;  // ":line:col: severity ", ": ", the line break
    constexpr std::size_t k_account_marks = 16;  // the indent, ": ", quotes, " (" and ")", the line break
    std::size_t size = 256;                       // the closing count
    for (const Finding& finding : report.findings) {
        if (finding.suppressed) continue;
        size += finding.path.size() + finding.rule.size() + finding.message.size() + k_finding_marks;
        for (const FindingAccount& account : finding.accounts) {
            size += account.source.size() + std::max(account.value.size(), account.quote.size()) +
                    account.document.size() + k_account_marks;
        }
    }
    for (const std::string& note : report.notes) size += note.size() + k_finding_marks;
    return size;
}

}  // namespace

std::string render_check_text(const CheckReport& report, std::span<const RuleInfo> /*rules*/,
                              const RenderOptions& options)
{
    std::string out;
    out.reserve(size_bound(report));
    for (const Finding& finding : report.findings) {
        if (finding.suppressed) continue;
        append_finding_line(out, finding);
        out += '\n';
        append_account_lines(out, finding);
    }
    for (const std::string& note : report.notes) {
        out += "note: ";
        append_one_line(out, note);
        out += '\n';
    }
    out += summary_line(report, count_findings(report, options.fail_on));
    out += '\n';
    return out;
}

}  // namespace contra::detail
