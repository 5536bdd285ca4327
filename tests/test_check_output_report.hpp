// A check report built by hand for the renderer tests: multi-byte paths and
// words, quotes, '<', '&', '%', commas, colons and line breaks in messages,
// a suppressed finding, two findings at the same place, a note, and drafts
// with no findings.
#pragma once

#include <contra/check_output.hpp>

#include <vector>

namespace contra::test {

inline Finding sample_finding(std::string path, std::string rule, Severity severity, int line, int column)
{
    Finding finding;
    finding.path = std::move(path);
    finding.rule = std::move(rule);
    finding.severity = severity;
    finding.line = line;
    finding.column = column;
    finding.end_line = line;
    finding.end_column = column + 21;
    finding.start = static_cast<std::size_t>(line * 40 + column);
    finding.end = finding.start + 22;
    finding.excerpt = "Police killed one man";
    finding.fingerprint = "fp-" + finding.rule + "-" + std::to_string(line);
    return finding;
}

inline CheckReport sample_report()
{
    CheckReport report;
    const std::string durres = "drafts/durrës raid.md";

    Finding own_voice = sample_finding(durres, "unattributed-contested", Severity::error, 3, 5);
    own_voice.message = "the draft says \"police killed one man\" in its own voice, but: the Ministry <denies> it & "
                        "the Council blames the police\n100% disputed";
    own_voice.excerpt = "Police killed “one man” in Durrës";
    own_voice.accounts = {
        {"c-1", "Ministry of the Interior", "not responsible", "police were not responsible for the death",
         "Ministry statement, 3 May"},
        {"c-2", "Council (NCRI)", "responsible", "he was killed\nduring the police raid", "NCRI: Durrës <raid> & after"},
    };
    own_voice.flags = {"F-3f9a2c1b"};
    report.findings.push_back(own_voice);

    Finding one_sided = sample_finding(durres, "one-sided", Severity::warning, 5, 1);
    one_sided.message = "the draft gives the Council's account of deaths (one) and leaves out the Ministry's";
    one_sided.accounts = {{"c-1", "Ministry of the Interior", "not responsible", "", ""}};
    report.findings.push_back(one_sided);

    Finding quiet = sample_finding(durres, "unattributed-contested", Severity::error, 7, 2);
    quiet.message = "suppressed in the draft";
    quiet.suppressed = true;
    report.findings.push_back(quiet);

    for (int i = 0; i < 2; ++i) {
        Finding figure = sample_finding("drafts/other.md", "unsupported-figure", Severity::error, 2, 9);
        figure.message = "no source gives 200 injured; sources give 40, over 100";
        figure.fingerprint += "-" + std::to_string(i);
        report.findings.push_back(figure);
    }

    report.notes = {"drafts/none.md: about no known event (name one with --event)"};
    report.paths = {durres, "drafts/other.md", "drafts/none.md", "drafts/clean.md"};
    report.drafts = 4;
    return report;
}

inline RuleInfo sample_rule(std::string id, Severity severity)
{
    RuleInfo rule;
    rule.id = std::move(id);
    rule.kind = rule.id;
    rule.family = RuleFamily::draft;
    rule.summary = "The draft states a disputed value in its own voice";
    rule.why = "Sources disagree on this point,\nso stating one value as fact\ntakes a side.\n\nAttribute it.\n";
    rule.example = "\"Police killed one man\" when the ministry\ndenies it.\n";
    rule.severity = severity;
    return rule;
}

inline std::vector<RuleInfo> sample_rules()
{
    return {sample_rule("unattributed-contested", Severity::error), sample_rule("one-sided", Severity::warning),
            sample_rule("unsupported-figure", Severity::error)};
}

}  // namespace contra::test
