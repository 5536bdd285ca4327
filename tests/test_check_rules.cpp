// The draft rules and check_drafts (src/check/check.cpp, src/rules/draft/):
// drafts written here, checked against the fixture events' accounts built
// into an in-memory store. Every expected finding is listed; any other
// finding fails the test.
#include "support.hpp"

#include <contra/check.hpp>
#include <contra/draft_rule.hpp>
#include <contra/extract.hpp>
#include <contra/rule_set.hpp>
#include <contra/store.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace contra;
using namespace contra::test;

namespace {

constexpr const char* k_now = "2026-01-01T00:00:00Z";

template <class T>
T unwrap(Expected<T> result)
{
    if (!result) FAIL(result.error().describe());
    return std::move(*result);
}

const RuleSet& rules()
{
    static const RuleSet set = unwrap(RuleSet::load(rules_dir().string()));
    return set;
}

const Extractor& extractor()
{
    static const Extractor loaded = unwrap(Extractor::load(rules()));
    return loaded;
}

Store fixture_store()
{
    return unwrap(store_from_accounts(fixtures_dir().string(), rules(), k_now));
}

// A plain-text draft: its prose is its text.
Draft plain(std::string text, std::string path = "draft.txt")
{
    Draft draft;
    draft.path = std::move(path);
    draft.original = text;
    draft.prose = std::move(text);
    draft.folded = fold_with_map(draft.prose);
    return draft;
}

CheckReport check(const Store& store, const Draft& draft, std::optional<std::string> event = "durres-raid-2023")
{
    CheckOptions options;
    options.event = std::move(event);
    return unwrap(check_drafts(store, rules(), extractor(), std::span<const Draft>(&draft, 1), options));
}

// "line:col rule" of each finding, in report order.
std::vector<std::string> where(const CheckReport& report)
{
    std::vector<std::string> out;
    for (const auto& f : report.findings) {
        out.push_back(fmt::format("{}:{} {}{}", f.line, f.column, f.rule, f.suppressed ? " (suppressed)" : ""));
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("the draft rules of the pack load, one per kind")
{
    std::vector<std::string> kinds;
    for (const auto& rule : rules().draft_rules()) kinds.push_back(rule->info().kind);
    CHECK(kinds == Lines{"certainty-on-contested", "misattribution", "one-sided", "unattributed-contested",
                         "unsupported-figure"});
    REQUIRE(rules().find("one-sided") != nullptr);
    CHECK(rules().find("one-sided")->family == RuleFamily::draft);
}

TEST_CASE("a disputed value in the draft's own voice is unattributed-contested")
{
    const Store store = fixture_store();
    const auto report = check(store, plain("The raid began at dawn.\nOne man was killed by police during the raid.\n"));
    REQUIRE(where(report) == Lines{"2:1 unattributed-contested"});
    const Finding& finding = report.findings.front();
    CHECK(finding.severity == Severity::error);
    CHECK(finding.path == "draft.txt");
    CHECK(finding.excerpt.find("killed") != std::string::npos);
    CHECK(finding.start >= 24);
    CHECK(finding.end <= 24 + 46);
    // The message names both sides, and the finding carries their claims and quotes.
    CHECK(finding.message.find("Albanian Ministry of Interior") != std::string::npos);
    CHECK(finding.message.find("National Council of Resistance of Iran") != std::string::npos);
    CHECK(finding.accounts.size() >= 2);
    CHECK(std::ranges::all_of(finding.accounts, [](const FindingAccount& a) {
        return a.claim.starts_with("c-") && !a.quote.empty() && !a.document.empty();
    }));
    CHECK_FALSE(finding.flags.empty());
    CHECK(finding.fingerprint.size() == 16);
}

TEST_CASE("'Police killed one man' in the draft's own voice is unattributed-contested")
{
    // The design's own example: the police as the subject of the harm verb.
    const Store store = fixture_store();
    const auto report = check(store, plain("The raid began at dawn.\nPolice killed one man during the raid.\n"));
    REQUIRE(where(report) == Lines{"2:1 unattributed-contested"});
    CHECK(report.findings.front().excerpt.find("Police killed") != std::string::npos);
}

TEST_CASE("a draft that attributes each side and names both is clean")
{
    const Store store = fixture_store();
    const auto report = check(store, plain("One man died on Tuesday.\n"
                                           "The National Council of Resistance of Iran said the man was killed by "
                                           "the police. The Interior Ministry said the police were not responsible "
                                           "for the death.\n"));
    CHECK(where(report) == Lines{});
    CHECK(report.notes.empty());
    CHECK_FALSE(check_fails(report, Severity::info));
}

TEST_CASE("one side's account with the other source never named is one-sided")
{
    const Store store = fixture_store();
    const auto one_side = check(store, plain("The National Council of Resistance of Iran said one man was killed by "
                                             "the police.\n"));
    REQUIRE(where(one_side) == Lines{"1:49 one-sided"});
    CHECK(one_side.findings.front().severity == Severity::warning);
    CHECK(one_side.findings.front().message.find("Albanian Ministry of Interior") != std::string::npos);
    // Naming the other side anywhere in the draft, even by an alias, is enough.
    const auto both = check(store, plain("The National Council of Resistance of Iran said one man was killed by "
                                         "the police.\n\n"
                                         "Bledi Çuçi has not commented on the raid.\n"));
    CHECK(where(both) == Lines{});
}

TEST_CASE("a figure no source gives is unsupported-figure, one within tolerance is not")
{
    const Store store = fixture_store();
    CHECK(where(check(store, plain("Twelve people died in the raid.\n"))) == Lines{"1:1 unsupported-figure"});
    // Within the tolerance of one death: two is close enough, as in the compare rules.
    CHECK(where(check(store, plain("Two people died in the raid.\n"))) == Lines{});
    CHECK(where(check(store, plain("One man died in the raid.\n"))) == Lines{});
    const auto report = check(store, plain("Twelve people died in the raid.\n"));
    REQUIRE(report.findings.size() == 1);
    CHECK(report.findings.front().message.find("Twelve") != std::string::npos);
    CHECK(report.findings.front().flags.empty());  // deaths are not disputed at Manëz
}

TEST_CASE("a value a source never gave, put in its mouth, is misattribution")
{
    const Store store = fixture_store();
    const auto report = check(store, plain("The Interior Ministry said more than 100 residents were injured.\n"
                                           "The National Council of Resistance of Iran called for an inquiry.\n"));
    REQUIRE(where(report) == Lines{"1:28 misattribution"});
    CHECK(report.findings.front().message.find("says nothing on injuries") != std::string::npos);
    // The council's own figure, attributed to it, passes.
    CHECK(where(check(store, plain("The National Council of Resistance of Iran said more than 100 residents "
                                   "were injured.\n"))) == Lines{});
}

TEST_CASE("certainty words on a disputed value are certainty-on-contested; negated ones are not")
{
    const Store store = fixture_store();
    const auto report = check(store, plain("The Interior Ministry confirmed that the police were not responsible "
                                           "for the man's death.\nThe National Council of Resistance of Iran said he "
                                           "was killed by the police.\n"));
    REQUIRE(where(report) == Lines{"1:23 certainty-on-contested"});
    CHECK(report.findings.front().excerpt == "confirmed");
    CHECK(report.findings.front().end_column == 32);
    CHECK(where(check(store, plain("The Interior Ministry said it could not confirm that the police were "
                                   "responsible for the death.\n"))) == Lines{"1:54 misattribution", "1:54 one-sided"});
}

TEST_CASE("a dismissed flag does not make its point disputed; a confirmed one does")
{
    Store store = fixture_store();
    const std::string draft_text = "One man was killed by police during the raid.\n";
    FlagFilter filter;
    filter.event = "durres-raid-2023";
    const auto flags = unwrap(store.flags(filter));
    std::vector<Flag> responsibility;
    std::ranges::copy_if(flags, std::back_inserter(responsibility),
                         [](const Flag& f) { return f.attribute == "responsibility"; });
    REQUIRE_FALSE(responsibility.empty());
    for (const auto& flag : responsibility) {
        unwrap(store.append_review(Review{0, flag.id, ReviewStatus::confirmed, "tester", "checked", k_now}));
    }
    CHECK(where(check(store, plain(draft_text))) == Lines{"1:1 unattributed-contested"});
    for (const auto& flag : responsibility) {
        unwrap(store.append_review(Review{0, flag.id, ReviewStatus::dismissed, "tester", "not a dispute", k_now}));
    }
    CHECK(where(check(store, plain(draft_text))) == Lines{});
}

TEST_CASE("the event: --event, else front matter, else the first event the draft names")
{
    const Store store = fixture_store();
    const auto events = unwrap(store.events());
    CHECK(detect_event("Crowds at the HARBOUR SQUARE PROTEST on Saturday", events) == "harbour-square-protest-2024");
    CHECK(detect_event("After the manez raid, and before the Valmora floods", events) == "durres-raid-2023");
    CHECK(detect_event("Heavy rain: the Valmora floods, not the Manëz raid", events) == "valmora-floods-2025");
    CHECK(detect_event("Octoberfloods are not October floods", events) == "valmora-floods-2025");
    CHECK(detect_event("The town council met on Monday.", events).empty());

    Draft named = plain("28 people died in the Manëz raid.\n");
    CHECK(where(check(store, named, std::nullopt)) == Lines{"1:1 unsupported-figure"});
    named.event = "valmora-floods-2025";  // the front matter wins over the text
    CHECK(where(check(store, named, std::nullopt)) ==
          Lines{"1:1 unattributed-contested", "1:1 unsupported-figure"});
    CHECK(check(store, named, std::nullopt).findings.front().message.find("21") != std::string::npos);

    const auto none = check(store, plain("The town council met on Monday.\n", "council.md"), std::nullopt);
    CHECK(none.findings.empty());
    CHECK(none.notes == Lines{"council.md: about no known event (name one with --event or `event:` in the front "
                              "matter)"});
    CHECK(none.drafts == 1);

    const Draft draft = plain("Anything.\n");
    CheckOptions unknown;
    unknown.event = "no-such-event";
    const auto failed = check_drafts(store, rules(), extractor(), std::span<const Draft>(&draft, 1), unknown);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message.find("unknown event 'no-such-event'") != std::string::npos);
    Draft bad_front = plain("Anything.\n", "bad.md");
    bad_front.event = "nowhere";
    const auto failed_front =
        check_drafts(store, rules(), extractor(), std::span<const Draft>(&bad_front, 1), CheckOptions{});
    REQUIRE_FALSE(failed_front);
    CHECK(failed_front.error().where.file == "bad.md");
}

TEST_CASE("fingerprints stay the same when unrelated lines change, and differ between findings")
{
    const Store store = fixture_store();
    const auto before = check(store, plain("One man was killed by police during the raid.\nTwelve people died.\n"));
    const auto after = check(store, plain("A new first line.\n\nAnd another one.\nOne man was killed by police "
                                          "during the raid.\nTwelve people died.\n"));
    REQUIRE(before.findings.size() == 2);
    REQUIRE(after.findings.size() == 2);
    CHECK(before.findings[0].line != after.findings[0].line);
    CHECK(before.findings[0].fingerprint == after.findings[0].fingerprint);
    CHECK(before.findings[1].fingerprint == after.findings[1].fingerprint);
    CHECK(before.findings[0].fingerprint != before.findings[1].fingerprint);
    // The same sentence twice: two findings, two fingerprints.
    const auto twice = check(store, plain("One man was killed by police.\nOne man was killed by police.\n"));
    REQUIRE(twice.findings.size() == 2);
    CHECK(twice.findings[0].fingerprint != twice.findings[1].fingerprint);
}

TEST_CASE("suppressed findings are listed, marked, and do not fail the check")
{
    const Store store = fixture_store();
    Draft draft = plain("One man was killed by police during the raid.\nTwelve people died.\n");
    draft.suppressions.push_back(Suppression{{"unattributed-contested"}, 1, 1, 0});
    const auto report = check(store, draft);
    CHECK(where(report) == Lines{"1:1 unattributed-contested (suppressed)", "2:1 unsupported-figure"});
    CHECK(check_fails(report, Severity::error));
    draft.suppressions.push_back(Suppression{{}, 2, 2, 0});
    const auto all_suppressed = check(store, draft);
    CHECK_FALSE(check_fails(all_suppressed, Severity::info));
}

TEST_CASE("option --fail-on: warnings fail only at warning or below")
{
    const Store store = fixture_store();
    const auto report = check(store, plain("The National Council of Resistance of Iran said one man was killed by "
                                           "the police.\n"));
    REQUIRE(where(report) == Lines{"1:49 one-sided"});
    CHECK_FALSE(check_fails(report, Severity::error));
    CHECK(check_fails(report, Severity::warning));
    CHECK(check_fails(report, Severity::info));
}

TEST_CASE("a bad draft rule file is an error at file:line:col")
{
    TempDir dir;
    const auto root = dir / "rules";
    write_file(root / "attributes.toml", read_file(rules_dir() / "attributes.toml"));
    write_file(root / "draft" / "odd.toml",
               "id = \"odd\"\nkind = \"one-sided\"\nsummary = \"s\"\nwhy = \"w\"\nexample = \"e\"\n"
               "message = \"{a.source} again\"\n");
    auto loaded = RuleSet::load(root.string());
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().where.file == (root / "draft" / "odd.toml").string());
    CHECK(loaded.error().where.line == 6);
    CHECK(loaded.error().message.find("unknown placeholder '{a.source}'") != std::string::npos);

    write_file(root / "draft" / "odd.toml",
               "id = \"odd\"\nkind = \"certainty-on-contested\"\nsummary = \"s\"\nwhy = \"w\"\nexample = \"e\"\n"
               "lexicon = \"missing\"\n");
    loaded = RuleSet::load(root.string());
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().where.line == 6);
    CHECK(loaded.error().message.find("certainty lexicon") != std::string::npos);

    write_file(root / "draft" / "odd.toml",
               "id = \"odd\"\nkind = \"count-conflict\"\nsummary = \"s\"\nwhy = \"w\"\nexample = \"e\"\n");
    loaded = RuleSet::load(root.string());
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().message.find("unknown draft rule kind 'count-conflict'; valid kinds: "
                                      "certainty-on-contested, misattribution, one-sided, "
                                      "unattributed-contested, unsupported-figure") != std::string::npos);
}

TEST_CASE("option --accounts: a folder without accounts is bad input")
{
    TempDir dir;
    const auto empty = store_from_accounts(dir.path().string(), rules(), k_now);
    REQUIRE_FALSE(empty);
    CHECK(empty.error().kind == ErrorKind::bad_input);
    CHECK(empty.error().message.find("no accounts.toml") != std::string::npos);
}

TEST_CASE("many drafts in one call give the findings, notes and order of checking each alone")
{
    const Store store = fixture_store();
    std::vector<std::string> paths;
    for (const char* name : {"durres-certainty.md", "durres-clean.md", "durres-misattribution.md",
                             "durres-one-sided.md", "durres-plain.txt", "durres-suppressed.md",
                             "durres-unattributed.md", "durres-unsupported.md", "harbour-square.md", "no-event.md",
                             "valmora-floods.md"}) {
        paths.push_back((fixtures_dir() / "drafts" / name).string());
    }
    // Twice over, so that the workers share events and take drafts out of turn.
    const std::size_t count = paths.size();
    for (std::size_t i = 0; i < count; ++i) paths.push_back(paths[i]);
    const std::vector<Draft> drafts = unwrap(read_drafts(paths));
    REQUIRE(drafts.size() == paths.size());

    const CheckReport together = unwrap(check_drafts(store, rules(), extractor(), drafts, CheckOptions{}));
    CheckReport alone;
    for (const Draft& draft : drafts) {
        REQUIRE(draft.path == paths[alone.paths.size()]);
        alone.paths.push_back(draft.path);
        const auto one = unwrap(check_drafts(store, rules(), extractor(), std::span<const Draft>(&draft, 1), {}));
        alone.notes.insert(alone.notes.end(), one.notes.begin(), one.notes.end());
        alone.findings.insert(alone.findings.end(), one.findings.begin(), one.findings.end());
    }
    std::ranges::stable_sort(alone.findings, [](const Finding& x, const Finding& y) {
        return std::tie(x.path, x.line, x.column, x.rule) < std::tie(y.path, y.line, y.column, y.rule);
    });
    CHECK(together.paths == alone.paths);
    CHECK(together.notes == alone.notes);
    CHECK(together.findings.size() > 10);
    REQUIRE(together.findings.size() == alone.findings.size());
    for (std::size_t i = 0; i < together.findings.size(); ++i) {
        const Finding& x = together.findings[i];
        const Finding& y = alone.findings[i];
        CHECK(std::tie(x.path, x.line, x.column, x.rule, x.message, x.fingerprint, x.suppressed) ==
              std::tie(y.path, y.line, y.column, y.rule, y.message, y.fingerprint, y.suppressed));
    }

    // The error is the first failing draft's, in the order given.
    std::vector<std::string> broken = paths;
    broken[3] = (fixtures_dir() / "drafts" / "missing-one.md").string();
    broken[7] = (fixtures_dir() / "drafts" / "missing-two.md").string();
    const auto failed = read_drafts(broken);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().where.file.find("missing-one.md") != std::string::npos);
    std::vector<Draft> unknown = drafts;
    unknown[4].event = "nowhere";
    unknown[9].event = "nowhere-else";
    const auto failed_event = check_drafts(store, rules(), extractor(), unknown, CheckOptions{});
    REQUIRE_FALSE(failed_event);
    CHECK(failed_event.error().message.find("'nowhere'") != std::string::npos);
}
