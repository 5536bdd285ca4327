// Tests src/engine/report*.cpp and `contra report`: golden reports of the
// Durrës fixtures in every format, hostile document text, bad input.
#include <contra/report.hpp>
#include <contra/store.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using contra::test::check_golden;
using contra::test::read_file;
using contra::test::run_contra;
using contra::test::TempDir;
using contra::test::write_file;

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_event = "durres-raid-2023";

fs::path golden_dir() { return contra::test::source_dir() / "tests" / "golden" / "report"; }

// A store holding the Durrës accounts, the flags of `contra run` and a few
// fixed reviews, so every part of the report has something to show.
struct DurresStore {
    TempDir dir;
    std::string db = (dir / "contra.db").string();

    DurresStore()
    {
        auto imported = run_contra(
            {"--db", db, "import", (contra::test::fixtures_dir() / "durres-raid-2023" / "accounts.toml").string()});
        INFO(imported.err);
        REQUIRE(imported.exit_code == 0);
        auto ran = run_contra({"--db", db, "run"});
        INFO(ran.err);
        REQUIRE(ran.exit_code == 0);
        review_some();
    }

    // Reviews by rule kind, so they do not depend on the flags' ids.
    void review_some() const
    {
        auto store = contra::Store::open(db, contra::OpenMode::existing);
        REQUIRE(store.has_value());
        contra::FlagFilter filter;
        filter.event = std::string(k_event);
        auto flags = store->flags(filter);
        REQUIRE(flags.has_value());
        REQUIRE(!flags->empty());
        const auto review = [&](const contra::Flag& flag, contra::ReviewStatus status, std::string note,
                                std::string at) {
            auto appended = store->append_review({0, flag.id, status, "Ana Berisha", std::move(note), std::move(at)});
            REQUIRE(appended.has_value());
        };
        for (const auto& flag : *flags) {
            if (flag.kind == "agent-conflict") {
                review(flag, contra::ReviewStatus::needs_info, "Waiting for the autopsy report.",
                       "2026-01-02T09:00:00Z");
                review(flag, contra::ReviewStatus::confirmed,
                       "The ministry denies what the council implies; both statements are on the record.",
                       "2026-01-03T10:30:00Z");
            } else if (flag.kind == "self-inconsistency") {
                review(flag, contra::ReviewStatus::dismissed,
                       "\"Several others\" and \"over 100 residents\" are two groups in the statement, not one.",
                       "2026-01-02T11:15:00Z");
            } else if (flag.kind == "party-only") {
                review(flag, contra::ReviewStatus::needs_info, "Ask the prosecutor's office for its account.",
                       "2026-01-02T12:00:00Z");
            }
        }
    }

    [[nodiscard]] contra::test::RunResult report(const std::string& format, const fs::path& cwd = {}) const
    {
        return run_contra({"--db", db, "report", "--event", std::string(k_event), "--format", format,
                           "--generated-at", "2026-01-04T08:00:00Z"},
                          cwd);
    }
};

// The Durrës report in one format, against its golden file.
void check_format(const DurresStore& store, const std::string& format, const std::string& golden,
                  const fs::path& cwd = {})
{
    auto result = store.report(format, cwd);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    auto difference = check_golden(golden_dir() / golden, result.out);
    INFO(difference);
    CHECK(difference.empty());
}

// An accounts file whose one document carries markup, ampersands, quotes and
// direction controls inside the quoted words.
constexpr std::string_view k_hostile_accounts = R"toml([[events]]
id = "hostile-2025"
title = "A test of <b>hostile</b> & \"odd\" text"

[[sources]]
id = "mayor"
name = "Mayor's <i>office</i>"
stake = "party"

[[sources]]
id = "paper"
name = "The Paper"
stake = "independent"

[[documents]]
id = "statement"
path = "statement.txt"
title = "Statement <script>alert('title')</script>"
url = "javascript:alert(1)"
published = 2025-05-01

[[claims]]
source = "mayor"
document = "statement"
attribute = "deaths"
count = 2
wording = "two"
quote = "two people <script>alert('x')</script> & \"others\" died"

[[claims]]
source = "paper"
document = "statement"
attribute = "deaths"
count = 7
wording = "seven"
quote = "seven were \u202Ereported dead\u202C \u200Fby noon"
)toml";

constexpr std::string_view k_hostile_document =
    "The mayor said two people <script>alert('x')</script> & \"others\" died \xE2\x80\xAE"
    "elbat\xE2\x80\xAC in the \xE2\x80\x8F" "blast. Later, seven were \xE2\x80\xAE" "reported dead\xE2\x80\xAC "
    "\xE2\x80\x8F" "by noon.\n";

}  // namespace

TEST_CASE("report: the Durrës fixtures in every format match their golden files", "[report][golden]")
{
    const DurresStore store;
    check_format(store, "md", "durres-raid-2023.md");
    check_format(store, "html", "durres-raid-2023.html");
    check_format(store, "json", "durres-raid-2023.json");
    check_format(store, "csv", "durres-raid-2023.csv");

    TempDir newsroom;
    write_file(newsroom / "contra.toml",
               "[publisher]\nname = \"Adriatic Fact Desk\"\nurl = \"https://factdesk.example.org/checks/\"\n");
    fs::create_directories(newsroom / "drafts");
    check_format(store, "claimreview", "durres-raid-2023.claimreview.json", newsroom / "drafts");
}

TEST_CASE("report: the same store gives the same bytes, and -o writes them to a file", "[report]")
{
    const DurresStore store;
    auto first = store.report("html");
    auto second = store.report("html");
    REQUIRE(first.exit_code == 0);
    CHECK(first.out == second.out);

    auto path = store.dir / "out" ;
    fs::create_directories(path);
    auto written = run_contra({"--db", store.db, "report", "--event", std::string(k_event), "--format", "html",
                               "--generated-at", "2026-01-04T08:00:00Z", "-o", (path / "r.html").string()});
    INFO(written.err);
    REQUIRE(written.exit_code == 0);
    CHECK(written.out.empty());
    CHECK(read_file(path / "r.html") == first.out);
}

TEST_CASE("report: the Markdown report shows disputes, agreement and party-only points", "[report]")
{
    const DurresStore store;
    auto result = store.report("md");
    REQUIRE(result.exit_code == 0);
    const auto& md = result.out;
    const auto disputed = md.find("## Disputed points");
    const auto agreed = md.find("## Where the accounts agree");
    const auto parties = md.find("## Resting on parties to the event only");
    REQUIRE(disputed != std::string::npos);
    REQUIRE(agreed != std::string::npos);
    REQUIRE(parties != std::string::npos);
    CHECK(disputed < agreed);
    CHECK(agreed < parties);
    // Responsibility is told by the two parties only, and disputed between them.
    CHECK(md.find("### responsibility") < agreed);
    CHECK(md.find("- **responsibility**: told only by") > parties);
    CHECK(md.find("The police were not responsible for the death of one man") != std::string::npos);
    // The reviewer's latest decision and note, not the earlier one.
    CHECK(md.find("Status: **confirmed by Ana Berisha on 2026-01-03**") != std::string::npos);
    CHECK(md.find("both statements are on the record") != std::string::npos);
    CHECK(md.find("Waiting for the autopsy report") == std::string::npos);
}

TEST_CASE("report: hostile document text comes out inert in HTML and Markdown", "[report][html]")
{
    TempDir dir;
    write_file(dir / "accounts.toml", std::string(k_hostile_accounts));
    write_file(dir / "statement.txt", std::string(k_hostile_document));
    const auto db = (dir / "contra.db").string();
    auto imported = run_contra({"--db", db, "import", (dir / "accounts.toml").string()});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);

    auto html = run_contra({"--db", db, "report", "--event", "hostile-2025", "--format", "html"});
    INFO(html.err);
    REQUIRE(html.exit_code == 0);
    const auto& page = html.out;
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);
    CHECK(page.find("<i>") == std::string::npos);
    CHECK(page.find("javascript:") == std::string::npos);
    CHECK(page.find("two people &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;others&quot; died") !=
          std::string::npos);
    CHECK(page.find("Mayor&#39;s &lt;i&gt;office&lt;/i&gt;") != std::string::npos);
    // The override in the quote is shown by its code and cannot turn the page around.
    CHECK(page.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(page.find("seven were <span class=\"ctl\" title=\"a direction control character\">[U+202E]</span>"
                    "reported dead") != std::string::npos);
    CHECK(page.find("&#x200F;by noon") != std::string::npos);
    // No external resources: nothing is fetched from anywhere.
    CHECK(page.find("src=") == std::string::npos);
    CHECK(page.find("<link") == std::string::npos);
    CHECK(page.find("@import") == std::string::npos);

    auto md = run_contra({"--db", db, "report", "--event", "hostile-2025", "--format", "md"});
    REQUIRE(md.exit_code == 0);
    // Every "<" of the document is escaped, so no tag survives.
    const auto count = [&](std::string_view needle) {
        std::size_t n = 0;
        for (auto at = md.out.find(needle); at != std::string::npos; at = md.out.find(needle, at + 1)) ++n;
        return n;
    };
    CHECK(count("<script") > 0);
    CHECK(count("<script") == count("\\<script"));
    CHECK(md.out.find("\\<script\\>") != std::string::npos);
    CHECK(md.out.find("Mayor's \\<i\\>office\\</i\\>") != std::string::npos);
}

TEST_CASE("report: direction controls are shown, not obeyed, in HTML", "[report][html]")
{
    // A quote whose words include a right-to-left override and a
    // right-to-left mark, built directly so the test needs no store.
    contra::Report report;
    report.event.id = "e";
    contra::ReportClaim item;
    item.claim.id = "c-1";
    item.claim.attribute = "cause";
    item.claim.value.data = contra::Category{"fire"};
    item.claim.quote = "a \xE2\x80\xAE" "elbat\xE2\x80\xAC in the \xE2\x80\x8F" "blast";
    item.source = {"s", "Source", "", contra::Stake::independent, {}};
    report.claims.push_back(item);
    report.agreed.push_back({"cause", {}, {0}, {}, false});

    const auto page = contra::render_html(report);
    CHECK(page.find("\xE2\x80\xAE") == std::string::npos);  // no raw override
    CHECK(page.find("\xE2\x80\xAC") == std::string::npos);
    CHECK(page.find("[U+202E]") != std::string::npos);      // shown by its code
    CHECK(page.find("[U+202C]") != std::string::npos);
    CHECK(page.find("&#x200F;") != std::string::npos);      // the mark stays, as an entity
    CHECK(page.find("<bdi>a <span class=\"ctl\"") != std::string::npos);  // inside a direction island
}

TEST_CASE("report: CSV quotes fields as RFC 4180 says", "[report][csv]")
{
    contra::Report report;
    report.event.id = "e";
    contra::ReportClaim item;
    item.claim.id = "c-1";
    item.claim.event = "e";
    item.claim.source = "s";
    item.claim.attribute = "deaths";
    item.claim.value.data = contra::Count{3, 9};
    item.claim.value.wording = "several";
    item.claim.quote = "several, he said, \"died\"\nthere";
    item.source = {"s", "Source, Inc.", "", contra::Stake::party, {}};
    report.claims.push_back(item);

    const auto csv = contra::render_csv(report);
    const auto header_end = csv.find("\r\n");
    REQUIRE(header_end != std::string::npos);
    CHECK(csv.substr(0, 30) == "claim,event,attribute,qualifie");
    const auto row = csv.substr(header_end + 2);
    CHECK(row.starts_with("c-1,e,deaths,,s,\"Source, Inc.\",party,asserted,count,3,9,several,"
                          "\"several, he said, \"\"died\"\"\nthere\","));
    CHECK(row.ends_with("\r\n"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);  // two records, one line break inside a field
}

TEST_CASE("report: an unknown event names the close ids and exits 2", "[report][errors]")
{
    const DurresStore store;
    auto result = run_contra({"--db", store.db, "report", "--event", "durres-raid-2032"});
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.find("no event 'durres-raid-2032'; did you mean durres-raid-2023") != std::string::npos);
}

TEST_CASE("report: an unwritable output path is a clear error, exit 2", "[report][errors]")
{
    const DurresStore store;
    const auto target = (store.dir / "no-such-folder" / "report.html").string();
    auto result =
        run_contra({"--db", store.db, "report", "--event", std::string(k_event), "--format", "html", "-o", target});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(target) != std::string::npos);
    CHECK(result.err.find("cannot write the report") != std::string::npos);
    CHECK(!fs::exists(target));
}

TEST_CASE("report: ClaimReview without a publisher in contra.toml is a usage error", "[report][errors]")
{
    const DurresStore store;
    TempDir empty;  // no contra.toml here or above (the temp folder)
    auto result = store.report("claimreview", empty.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("[publisher]") != std::string::npos);
}
