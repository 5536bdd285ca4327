// `contra check --format junit`: JUnit XML for test dashboards (GitLab merge
// requests, Jenkins). One testsuite per draft, one testcase per finding with
// a unique name; findings at or above the fail level are failures, those
// below it pass (their text in system-out), suppressed ones are skipped; a
// draft with nothing to fail gets one passing testcase of its own.
#include "check/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace contra::detail {

namespace {

// Escaped for XML 1.0. In attribute values line breaks and tabs become
// character references, so that they survive attribute normalisation; in
// element text they stay as they are. Control characters XML cannot carry
// become U+FFFD.
enum class XmlPlace { attribute, text };

std::string xml_escape(std::string_view text, XmlPlace place = XmlPlace::attribute)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\n': out += place == XmlPlace::text ? "\n" : "&#10;"; break;
        case '\r': out += "&#13;"; break;
        case '\t': out += place == XmlPlace::text ? "\t" : "&#9;"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                out += "\xEF\xBF\xBD";
            } else {
                out += c;
            }
        }
    }
    return out;
}

struct TestCase {
    std::string name;
    std::string body;  // the finding told in text
    enum class Outcome { pass, fail, skip } outcome = Outcome::pass;
    std::string message;
    std::string type;
};

struct Suite {
    std::string path;
    std::vector<TestCase> cases;
    std::string notes;
    int failures = 0;
    int skipped = 0;
    bool notes_only = false;  // holds the notes that name no draft
};

// `base`, else `base (2)`, `base (3)` … whichever is still free.
std::string unique_name(std::set<std::string>& taken, const std::string& base)
{
    std::string name = base;
    for (int n = 2; taken.contains(name); ++n) name = fmt::format("{} ({})", base, n);
    taken.insert(name);
    return name;
}

std::string render_suite(const Suite& suite)
{
    std::string out = fmt::format(R"(  <testsuite name="{}" tests="{}" failures="{}" errors="0" skipped="{}">)" "\n",
                                  xml_escape(suite.path), suite.cases.size(), suite.failures, suite.skipped);
    for (const TestCase& test : suite.cases) {
        out += fmt::format(R"(    <testcase name="{}" classname="{}" file="{}")", xml_escape(test.name),
                           xml_escape(suite.path), xml_escape(suite.path));
        if (test.body.empty()) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        switch (test.outcome) {
        case TestCase::Outcome::fail:
            out += fmt::format(R"(      <failure message="{}" type="{}">{}</failure>)" "\n", xml_escape(test.message),
                               xml_escape(test.type), xml_escape(test.body, XmlPlace::text));
            break;
        case TestCase::Outcome::skip:
            out += fmt::format(R"(      <skipped message="{}"/>)" "\n", xml_escape(test.message));
            out += fmt::format("      <system-out>{}</system-out>\n", xml_escape(test.body, XmlPlace::text));
            break;
        case TestCase::Outcome::pass:
            out += fmt::format("      <system-out>{}</system-out>\n", xml_escape(test.body, XmlPlace::text));
            break;
        }
        out += "    </testcase>\n";
    }
    if (!suite.notes.empty()) {
        out += fmt::format("    <system-out>{}</system-out>\n", xml_escape(suite.notes, XmlPlace::text));
    }
    out += "  </testsuite>\n";
    return out;
}

}  // namespace

std::string render_check_junit(const CheckReport& report, std::span<const RuleInfo> /*rules*/,
                               const RenderOptions& options)
{
    std::vector<Suite> suites;
    for (const std::string& path : draft_paths(report)) suites.push_back(Suite{path, {}, {}, 0, 0});
    const auto suite_of = [&](const std::string& path) -> Suite& {
        for (Suite& suite : suites) {
            if (suite.path == path) return suite;
        }
        return suites.emplace_back(Suite{path, {}, {}, 0, 0});
    };

    std::set<std::string> taken;
    for (const Finding& finding : report.findings) {
        Suite& suite = suite_of(finding.path);
        TestCase test;
        test.name = unique_name(taken, fmt::format("{} at {}:{}:{}", finding.rule, one_line(finding.path),
                                                   finding.line, finding.column));
        test.body = finding_line(finding) + "\n" + account_lines(finding);
        test.message = finding.message;
        test.type = std::string(to_string(finding.severity));
        if (finding.suppressed) {
            test.outcome = TestCase::Outcome::skip;
            test.message = "suppressed in the draft";
            ++suite.skipped;
        } else if (finding.severity >= options.fail_on) {
            test.outcome = TestCase::Outcome::fail;
            ++suite.failures;
        }
        suite.cases.push_back(std::move(test));
    }

    std::string loose_notes;
    for (const std::string& note : report.notes) {
        Suite* owner = nullptr;
        for (Suite& suite : suites) {
            if (note.starts_with(suite.path + ":")) owner = &suite;
        }
        (owner != nullptr ? owner->notes : loose_notes) += note + "\n";
    }
    if (!loose_notes.empty()) suites.push_back(Suite{"contra", {}, loose_notes, 0, 0, true});

    for (Suite& suite : suites) {
        if (suite.notes_only) continue;
        const bool anything_counted = std::ranges::any_of(
            suite.cases, [](const TestCase& test) { return test.outcome != TestCase::Outcome::skip; });
        if (!anything_counted) {
            suite.cases.push_back(TestCase{unique_name(taken, fmt::format("contra check {}", one_line(suite.path))),
                                           {}, TestCase::Outcome::pass, {}, {}});
        }
    }

    std::size_t tests = 0;
    int failures = 0;
    int skipped = 0;
    for (const Suite& suite : suites) {
        tests += suite.cases.size();
        failures += suite.failures;
        skipped += suite.skipped;
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(R"(<testsuites name="contra check" tests="{}" failures="{}" errors="0" skipped="{}">)" "\n",
                       tests, failures, skipped);
    for (const Suite& suite : suites) out += render_suite(suite);
    out += "</testsuites>\n";
    return out;
}

}  // namespace contra::detail
