// The check renderers' list (src/check/output.cpp) and the line formats:
// text (output_text.cpp), json (output_json.cpp), github (output_github.cpp).
#include "test_check_output_report.hpp"

#include "check/output.hpp"

#include <contra/check_output.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <string>

using namespace contra;
using contra::test::sample_report;
using contra::test::sample_rules;

namespace {

std::string render(const CheckReport& report, CheckFormat format, Severity fail_on = Severity::error)
{
    const auto rules = sample_rules();
    RenderOptions options;
    options.tool_version = "9.8.7";
    options.fail_on = fail_on;
    return render_check(report, format, rules, options);
}

// one_line as a plain loop, one byte at a time: what the renderers' eight
// bytes at a time must give.
std::string one_line_bytewise(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += text[i] == '\r' || text[i] == '\n' ? ' ' : text[i];
    }
    return out;
}

}  // namespace

TEST_CASE("one_line: every line break, CR LF once, at any place in and across the eight-byte chunks",
          "[check-output]")
{
    CHECK(detail::one_line("") == "");
    CHECK(detail::one_line("plain text without a break, longer than eight bytes") ==
          "plain text without a break, longer than eight bytes");
    CHECK(detail::one_line("a\r\nb\nc\rd\n\n") == "a b c d  ");
    // A break (and a CR LF pair) at every offset from 0 to 24, in text with
    // UTF-8 bytes whose top bit is set, which the chunk test must not take
    // for a break.
    const std::string filler = "Durr\xC3\xABs \xE2\x80\x9Cquoted\xE2\x80\x9D words";
    for (const std::string_view line_break : {"\n", "\r", "\r\n"}) {
        for (std::size_t at = 0; at <= 24; ++at) {
            const std::string text = filler.substr(0, at) + std::string(line_break) + filler.substr(at);
            INFO("break at " << at);
            CHECK(detail::one_line(text) == one_line_bytewise(text));
        }
    }
}

TEST_CASE("every format has a name that parses back to it", "[check-output]")
{
    constexpr std::array formats{CheckFormat::text, CheckFormat::json, CheckFormat::sarif, CheckFormat::junit,
                                 CheckFormat::github};
    for (const CheckFormat format : formats) {
        CAPTURE(to_string(format));
        CHECK(parse_check_format(to_string(format)) == format);
    }
    CHECK(to_string(CheckFormat::sarif) == "sarif");
    CHECK_FALSE(parse_check_format("xml").has_value());
    CHECK_FALSE(parse_check_format("SARIF").has_value());
    CHECK_FALSE(parse_check_format("").has_value());
}

TEST_CASE("text: one line per finding, accounts below, notes and a count; suppressed left out", "[check-output]")
{
    const std::string expected =
        "drafts/durrës raid.md:3:5: error unattributed-contested: the draft says \"police killed one man\" in its "
        "own voice, but: the Ministry <denies> it & the Council blames the police 100% disputed\n"
        "    Ministry of the Interior: \"police were not responsible for the death\" (Ministry statement, 3 May)\n"
        "    Council (NCRI): \"he was killed during the police raid\" (NCRI: Durrës <raid> & after)\n"
        "drafts/durrës raid.md:5:1: warning one-sided: the draft gives the Council's account of deaths (one) and "
        "leaves out the Ministry's\n"
        "    Ministry of the Interior: not responsible\n"
        "drafts/other.md:2:9: error unsupported-figure: no source gives 200 injured; sources give 40, over 100\n"
        "drafts/other.md:2:9: error unsupported-figure: no source gives 200 injured; sources give 40, over 100\n"
        "note: drafts/none.md: about no known event (name one with --event)\n"
        "4 findings in 4 drafts (3 errors, 1 warning, 0 info), 1 suppressed\n";
    CHECK(render(sample_report(), CheckFormat::text) == expected);
}

TEST_CASE("text: a clean run says so in its count, in the singular where it should", "[check-output]")
{
    CheckReport report;
    report.drafts = 1;
    report.paths = {"drafts/clean.md"};
    CHECK(render(report, CheckFormat::text) == "0 findings in 1 draft (0 errors, 0 warnings, 0 info), 0 suppressed\n");

    report.findings.push_back(contra::test::sample_finding("drafts/clean.md", "one-sided", Severity::info, 1, 1));
    report.findings.back().message = "m";
    CHECK(render(report, CheckFormat::text) ==
          "drafts/clean.md:1:1: info one-sided: m\n1 finding in 1 draft (0 errors, 0 warnings, 1 info), 0 suppressed\n");
}

TEST_CASE("json: every finding field, suppressed apart, notes and summary", "[check-output]")
{
    const auto out = nlohmann::json::parse(render(sample_report(), CheckFormat::json, Severity::warning));
    REQUIRE(out["findings"].size() == 4);
    REQUIRE(out["suppressed"].size() == 1);
    const auto& first = out["findings"][0];
    CHECK(first["path"] == "drafts/durrës raid.md");
    CHECK(first["rule"] == "unattributed-contested");
    CHECK(first["severity"] == "error");
    CHECK(first["message"].get<std::string>().find("<denies> it & the Council") != std::string::npos);
    CHECK(first["message"].get<std::string>().find("police\n100% disputed") != std::string::npos);
    CHECK(first["line"] == 3);
    CHECK(first["column"] == 5);
    CHECK(first["end_line"] == 3);
    CHECK(first["end_column"] == 26);
    CHECK(first["start"] == 125);
    CHECK(first["end"] == 147);
    CHECK(first["excerpt"] == "Police killed “one man” in Durrës");
    REQUIRE(first["accounts"].size() == 2);
    CHECK(first["accounts"][1] == nlohmann::json{{"claim", "c-2"},
                                                  {"source", "Council (NCRI)"},
                                                  {"value", "responsible"},
                                                  {"quote", "he was killed\nduring the police raid"},
                                                  {"document", "NCRI: Durrës <raid> & after"}});
    CHECK(first["flags"] == nlohmann::json{"F-3f9a2c1b"});
    CHECK(first["suppressed"] == false);
    CHECK(first["fingerprint"] == "fp-unattributed-contested-3");

    CHECK(out["suppressed"][0]["line"] == 7);
    CHECK(out["suppressed"][0]["suppressed"] == true);
    CHECK(out["notes"] == nlohmann::json{"drafts/none.md: about no known event (name one with --event)"});
    CHECK(out["drafts"].size() == 4);
    CHECK(out["tool"]["version"] == "9.8.7");
    const auto& summary = out["summary"];
    CHECK(summary["drafts"] == 4);
    CHECK(summary["findings"] == 4);
    CHECK(summary["errors"] == 3);
    CHECK(summary["warnings"] == 1);
    CHECK(summary["info"] == 0);
    CHECK(summary["suppressed"] == 1);
    CHECK(summary["fail_on"] == "warning");
    CHECK(summary["failed"] == true);
}

TEST_CASE("json: only suppressed findings do not fail the run", "[check-output]")
{
    CheckReport report = sample_report();
    std::erase_if(report.findings, [](const Finding& f) { return !f.suppressed; });
    const auto out = nlohmann::json::parse(render(report, CheckFormat::json));
    CHECK(out["findings"].empty());
    CHECK(out["suppressed"].size() == 1);
    CHECK(out["summary"]["failed"] == false);
}

TEST_CASE("github: workflow commands by severity, with message and properties escaped", "[check-output]")
{
    const std::string out = render(sample_report(), CheckFormat::github);
    const std::string expected =
        "::error file=drafts/durrës raid.md,line=3,col=5,endLine=3,endColumn=26,title=unattributed-contested::"
        "the draft says \"police killed one man\" in its own voice, but: the Ministry <denies> it & the Council "
        "blames the police%0A100%25 disputed%0A"
        "    Ministry of the Interior: \"police were not responsible for the death\" (Ministry statement, 3 May)%0A"
        "    Council (NCRI): \"he was killed during the police raid\" (NCRI: Durrës <raid> & after)\n"
        "::warning file=drafts/durrës raid.md,line=5,col=1,endLine=5,endColumn=22,title=one-sided::"
        "the draft gives the Council's account of deaths (one) and leaves out the Ministry's%0A"
        "    Ministry of the Interior: not responsible\n"
        "::error file=drafts/other.md,line=2,col=9,endLine=2,endColumn=30,title=unsupported-figure::"
        "no source gives 200 injured; sources give 40, over 100\n"
        "::error file=drafts/other.md,line=2,col=9,endLine=2,endColumn=30,title=unsupported-figure::"
        "no source gives 200 injured; sources give 40, over 100\n"
        "::notice::drafts/none.md: about no known event (name one with --event)\n"
        "4 findings in 4 drafts (3 errors, 1 warning, 0 info), 1 suppressed\n";
    CHECK(out == expected);
}

TEST_CASE("github: ':' ',' '%' CR and LF in properties are encoded; info is a notice", "[check-output]")
{
    CheckReport report;
    Finding finding = contra::test::sample_finding("drafts/a,b:c%d.md", "odd:rule,x", Severity::info, 4, 2);
    finding.message = "50% of: a,b\r\nnext";
    report.findings.push_back(finding);
    const std::string out = render(report, CheckFormat::github);
    const std::string first_line = out.substr(0, out.find('\n'));
    CHECK(first_line == "::notice file=drafts/a%2Cb%3Ac%25d.md,line=4,col=2,endLine=4,endColumn=23,"
                        "title=odd%3Arule%2Cx::50%25 of: a,b%0D%0Anext");
}
