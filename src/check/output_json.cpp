// `contra check --format json`: every field of every finding, the suppressed
// ones apart, the notes and the counts. Keys keep the order written here.
#include "check/output.hpp"

#include <nlohmann/json.hpp>

namespace contra::detail {

namespace {

using Json = nlohmann::ordered_json;

Json finding_json(const Finding& finding)
{
    return Json{{"path", finding.path},
                {"rule", finding.rule},
                {"severity", to_string(finding.severity)},
                {"message", finding.message},
                {"line", finding.line},
                {"column", finding.column},
                {"end_line", finding.end_line},
                {"end_column", finding.end_column},
                {"start", finding.start},
                {"end", finding.end},
                {"excerpt", finding.excerpt},
                {"accounts", accounts_json(finding)},
                {"flags", finding.flags},
                {"suppressed", finding.suppressed},
                {"fingerprint", finding.fingerprint}};
}

}  // namespace

Json accounts_json(const Finding& finding)
{
    Json out = Json::array();
    for (const FindingAccount& account : finding.accounts) {
        out.push_back(Json{{"claim", account.claim},
                           {"source", account.source},
                           {"value", account.value},
                           {"quote", account.quote},
                           {"document", account.document}});
    }
    return out;
}

std::string render_check_json(const CheckReport& report, std::span<const RuleInfo> /*rules*/,
                              const RenderOptions& options)
{
    Json findings = Json::array();
    Json suppressed = Json::array();
    for (const Finding& finding : report.findings) {
        (finding.suppressed ? suppressed : findings).push_back(finding_json(finding));
    }
    const CheckCounts counts = count_findings(report, options.fail_on);
    Json out{{"tool", {{"name", "contra"}, {"version", options.tool_version}}},
             {"drafts", draft_paths(report)},
             {"findings", std::move(findings)},
             {"suppressed", std::move(suppressed)},
             {"notes", report.notes},
             {"summary",
              {{"drafts", report.drafts},
               {"findings", counts.total()},
               {"errors", counts.errors},
               {"warnings", counts.warnings},
               {"info", counts.infos},
               {"suppressed", counts.suppressed},
               {"fail_on", to_string(options.fail_on)},
               {"failed", counts.failing > 0}}}};
    // Drafts and stored quotes are valid UTF-8; should a byte not be, it is
    // replaced rather than losing the whole report.
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace contra::detail
