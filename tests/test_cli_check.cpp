// contra check through the real binary: every fixture draft in every output
// format against its golden file (tests/golden/check/), exit codes, -o,
// --fail-on and where the accounts come from. CONTRA_UPDATE_GOLDEN=1
// rewrites the goldens on purpose.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

using namespace contra::test;
namespace fs = std::filesystem;

namespace {

fs::path golden_dir()
{
    return source_dir() / "tests" / "golden" / "check";
}

// A scratch folder holding drafts/NAME, copied from fixtures/drafts.
void copy_drafts(const TempDir& dir, const std::vector<std::string>& names)
{
    for (const auto& name : names) write_file(dir / "drafts" / name, read_file(fixtures_dir() / "drafts" / name));
}

std::string accounts_option()
{
    return fixtures_dir().string();
}

const std::vector<std::pair<std::string, std::string>> k_formats = {
    {"text", "txt"}, {"json", "json"}, {"sarif", "sarif"}, {"junit", "xml"}, {"github", "github"}};

// Each fixture draft with the exit code it must give at --fail-on error.
const std::vector<std::pair<std::string, int>> k_drafts = {
    {"durres-certainty.md", 0},    {"durres-clean.md", 0},        {"durres-misattribution.md", 1},
    {"durres-one-sided.md", 0},    {"durres-plain.txt", 1},       {"durres-suppressed.md", 1},
    {"durres-unattributed.md", 1}, {"durres-unsupported.md", 1},  {"harbour-square.md", 1},
    {"no-event.md", 0},            {"valmora-floods.md", 0},
};

}  // namespace

TEST_CASE("every fixture draft gives exactly its golden output in every format")
{
    for (const auto& [draft, exit_code] : k_drafts) {
        TempDir dir;
        copy_drafts(dir, {draft});
        for (const auto& [format, extension] : k_formats) {
            INFO(draft << " --format " << format);
            const auto result = run_contra(
                {"check", "drafts/" + draft, "--accounts", accounts_option(), "--format", format}, dir.path());
            CHECK(result.err == "");
            CHECK(result.exit_code == exit_code);
            const auto stem = fs::path(draft).stem().string();
            CHECK(check_golden(golden_dir() / fmt::format("{}.{}", stem, extension), result.out) == "");
        }
    }
}

TEST_CASE("many drafts in one call: one report, the worst exit code")
{
    TempDir dir;
    std::vector<std::string> names;
    std::vector<std::string> args{"check"};
    for (const auto& [draft, exit_code] : k_drafts) {
        names.push_back(draft);
        args.push_back("drafts/" + draft);
    }
    copy_drafts(dir, names);
    args.insert(args.end(), {"--accounts", accounts_option()});
    const auto result = run_contra(args, dir.path());
    CHECK(result.exit_code == 1);
    CHECK(check_golden(golden_dir() / "all-drafts.txt", result.out) == "");
}

TEST_CASE("a clean draft exits 0, an unattributed contested figure exits 1")
{
    TempDir dir;
    copy_drafts(dir, {"durres-clean.md", "durres-unattributed.md"});
    const auto clean = run_contra({"check", "drafts/durres-clean.md", "--accounts", accounts_option()}, dir.path());
    CHECK(clean.exit_code == 0);
    CHECK(clean.out.find(": error ") == std::string::npos);
    CHECK(clean.out.find(": warning ") == std::string::npos);
    const auto bad = run_contra({"check", "drafts/durres-unattributed.md", "--accounts", accounts_option()}, dir.path());
    CHECK(bad.exit_code == 1);
    CHECK(bad.out.find("drafts/durres-unattributed.md:5:1: error unattributed-contested: ") == 0);
}

TEST_CASE("option --fail-on lowers or raises the bar")
{
    TempDir dir;
    copy_drafts(dir, {"durres-one-sided.md", "durres-unattributed.md"});
    const auto args = [&](std::string draft, std::string level) {
        return std::vector<std::string>{"check", "drafts/" + draft, "--accounts", accounts_option(), "--fail-on",
                                        level};
    };
    CHECK(run_contra(args("durres-one-sided.md", "error"), dir.path()).exit_code == 0);
    CHECK(run_contra(args("durres-one-sided.md", "warning"), dir.path()).exit_code == 1);
    CHECK(run_contra(args("durres-one-sided.md", "info"), dir.path()).exit_code == 1);
    CHECK(run_contra(args("durres-unattributed.md", "error"), dir.path()).exit_code == 1);
    CHECK(run_contra(args("durres-unattributed.md", "fatal"), dir.path()).exit_code == 2);
}

TEST_CASE("check -o writes the report to a file and keeps the exit code")
{
    TempDir dir;
    copy_drafts(dir, {"durres-unattributed.md"});
    const auto to_stdout =
        run_contra({"check", "drafts/durres-unattributed.md", "--accounts", accounts_option()}, dir.path());
    const auto to_file = run_contra(
        {"check", "drafts/durres-unattributed.md", "--accounts", accounts_option(), "-o", "report.txt"}, dir.path());
    CHECK(to_file.exit_code == 1);
    CHECK(to_file.out == "");
    CHECK(read_file(dir / "report.txt") == to_stdout.out);
}

TEST_CASE("bad usage and bad input exit 2 with a message")
{
    TempDir dir;
    copy_drafts(dir, {"durres-clean.md"});
    const auto unknown_event = run_contra(
        {"check", "drafts/durres-clean.md", "--accounts", accounts_option(), "--event", "atlantis-2020"}, dir.path());
    CHECK(unknown_event.exit_code == 2);
    CHECK(unknown_event.err.find("unknown event 'atlantis-2020'") != std::string::npos);

    const auto missing = run_contra({"check", "drafts/nothing.md", "--accounts", accounts_option()}, dir.path());
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("drafts/nothing.md") != std::string::npos);

    write_file(dir / "drafts" / "binary.md", std::string("abc\0def", 7));
    const auto binary = run_contra({"check", "drafts/binary.md", "--accounts", accounts_option()}, dir.path());
    CHECK(binary.exit_code == 2);

    const auto no_accounts = run_contra({"check", "drafts/durres-clean.md", "--accounts", "nowhere"}, dir.path());
    CHECK(no_accounts.exit_code == 2);
    CHECK(no_accounts.err.find("nowhere") != std::string::npos);

    const auto bad_format = run_contra(
        {"check", "drafts/durres-clean.md", "--accounts", accounts_option(), "--format", "pdf"}, dir.path());
    CHECK(bad_format.exit_code == 2);
}

TEST_CASE("option --event overrides what the draft names; no known event is a note")
{
    TempDir dir;
    copy_drafts(dir, {"durres-unsupported.md", "no-event.md"});
    const auto note = run_contra({"check", "drafts/no-event.md", "--accounts", accounts_option()}, dir.path());
    CHECK(note.exit_code == 0);
    CHECK(note.out.find("drafts/no-event.md: about no known event") != std::string::npos);
    // Against the floods the 28 deaths are unsupported too, by other accounts.
    const auto floods = run_contra({"check", "drafts/durres-unsupported.md", "--accounts", accounts_option(),
                                    "--event", "valmora-floods-2025"},
                                   dir.path());
    CHECK(floods.exit_code == 1);
    CHECK(floods.out.find("Valmora Regional Civil Protection Agency") != std::string::npos);
}

TEST_CASE("contra.toml: [check] accounts stands in for --accounts; --db reads a store")
{
    TempDir dir;
    copy_drafts(dir, {"durres-unattributed.md"});
    write_file(dir / "contra.toml", fmt::format("[check]\naccounts = \"{}\"\n", accounts_option()));
    const auto configured = run_contra({"check", "drafts/durres-unattributed.md"}, dir.path());
    CHECK(configured.exit_code == 1);
    CHECK(configured.out.find("unattributed-contested") != std::string::npos);

    TempDir other;
    copy_drafts(other, {"durres-unattributed.md"});
    const auto store = (other / "contra.db").string();
    REQUIRE(run_contra({"--db", store, "import", (fixtures_dir() / "durres-raid-2023" / "accounts.toml").string()},
                       other.path())
                .exit_code == 0);
    REQUIRE(run_contra({"--db", store, "run"}, other.path()).exit_code == 0);
    const auto from_db = run_contra({"--db", store, "check", "drafts/durres-unattributed.md"}, other.path());
    CHECK(from_db.exit_code == 1);
    CHECK(from_db.out == configured.out);
}
