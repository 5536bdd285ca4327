#include "rules/compare_harness.hpp"

#include <contra/hash.hpp>
#include <contra/verify.hpp>

#include <algorithm>

using namespace contra;
using namespace contra::test;

namespace {

const std::string k_counts = rule_text("counts", "count-conflict",
                                       "severity = \"error\"\nattributes = [\"deaths\"]\n");
const std::string k_blame = rule_text("blame", "agent-conflict", "severity = \"error\"\n");

// A rules folder with the real attributes and the given rule files.
std::string rules_folder(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& rules)
{
    const auto root = dir / "rules";
    write_file(root / "attributes.toml", read_file(rules_dir() / "attributes.toml"));
    for (const auto& [name, text] : rules) write_file(root / "compare" / name, text);
    return root.string();
}

RuleSet load(const std::string& dir)
{
    auto rules = RuleSet::load(dir);
    if (!rules) FAIL(rules.error().describe());
    return std::move(*rules);
}

void must(const Expected<bool>& done)
{
    if (!done) FAIL(done.error().describe());
}

// One document per (source, day), and a claim pinned to a sentence of it;
// with an `outlet`, that outlet's report of the statement instead.
void put_claim(Store& store, const std::string& event, const std::string& source, const std::string& day,
               const std::string& attribute, Value value, Polarity polarity = Polarity::asserted,
               const std::string& outlet = {})
{
    const std::string sentence = source + " on " + day + ": " + value.display() + ".";
    const std::string author = outlet.empty() ? source : outlet;
    Document document;
    document.text = (outlet.empty() ? "Statement. " : "Report. ") + sentence + " End.";
    document.sha256 = sha256_hex(document.text);
    document.title = author + " statement";
    document.published = day;
    document.path = author + "-" + day + ".txt";
    must(store.put_document(document));
    Claim claim;
    claim.event = event;
    claim.source = source;
    claim.attribute = attribute;
    claim.value = std::move(value);
    claim.polarity = polarity;
    claim.document = document.sha256;
    claim.span = Span{11, 11 + sentence.size(), 1, 12};
    claim.quote = sentence;
    claim.origin = "curated";
    claim.id = make_claim_id(claim);
    must(store.put_claim(claim));
}

// Two events: a casualty dispute in one, a blame dispute in the other.
void fill(Store& store)
{
    for (const auto& [id, source] : test_sources()) must(store.put_source(source));
    must(store.put_event(Event{"raid", "The raid", "2024-05-01", "Port", {}}));
    must(store.put_event(Event{"march", "The march", "2024-06-01", "Square", {}}));
    put_claim(store, "raid", "ministry", "2024-05-01", "deaths", count(2, 2, "two people"));
    put_claim(store, "raid", "council", "2024-05-01", "deaths", count(40, std::nullopt, "at least 40"));
    put_claim(store, "raid", "monitor", "2024-05-02", "deaths", count(38, 38, "38"));
    put_claim(store, "march", "ministry", "2024-06-01", "responsibility", agent("police", false, "injuries"),
              Polarity::denied);
    put_claim(store, "march", "monitor", "2024-06-02", "responsibility", agent("police", true, "injuries"));
}

Store fresh_store(const TempDir& dir, const std::string& name)
{
    auto store = Store::open((dir / name).string(), OpenMode::create);
    if (!store) FAIL(store.error().describe());
    fill(*store);
    return std::move(*store);
}

std::vector<std::string> flag_ids(const Store& store, FlagFilter filter = {})
{
    auto flags = store.flags(filter);
    if (!flags) FAIL(flags.error().describe());
    std::vector<std::string> ids;
    for (const auto& flag : *flags) ids.push_back(flag.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

TEST_CASE("run_rules records what the rules find, and the same flags on every run")
{
    TempDir dir;
    const auto rules = load(rules_folder(dir, {{"counts.toml", k_counts}, {"blame.toml", k_blame}}));
    auto store = fresh_store(dir, "one.db");

    auto first = run_rules(store, rules, std::nullopt, "2024-07-01T00:00:00Z");
    REQUIRE(first);
    CHECK(first->events == 2);
    CHECK(first->claims == 5);
    CHECK(first->flags == 3);  // 2 against 40, 2 against 38, and the blame
    CHECK(first->sync.created == 3);
    const auto ids = flag_ids(store);
    REQUIRE(ids.size() == 3);

    auto second = run_rules(store, rules, std::nullopt, "2024-07-02T00:00:00Z");
    REQUIRE(second);
    CHECK(second->sync.created == 0);
    CHECK(second->sync.refreshed == 3);
    CHECK(flag_ids(store) == ids);
    auto stored = store.flags();
    REQUIRE(stored);
    for (const auto& flag : *stored) {
        CHECK(flag.first_seen == "2024-07-01T00:00:00Z");
        CHECK(flag.last_seen == "2024-07-02T00:00:00Z");
    }

    SECTION("a fresh store with the same claims gets the same flag ids")
    {
        auto other = fresh_store(dir, "two.db");
        REQUIRE(run_rules(other, rules, std::nullopt, "2024-08-01T00:00:00Z"));
        CHECK(flag_ids(other) == ids);
    }
    SECTION("flags no rule finds any more become stale, and come back when found again")
    {
        TempDir only_blame;
        const auto blame_rules = load(rules_folder(only_blame, {{"blame.toml", k_blame}}));
        auto third = run_rules(store, blame_rules, std::nullopt, "2024-07-03T00:00:00Z");
        REQUIRE(third);
        CHECK(third->sync.staled == 2);
        CHECK(third->sync.refreshed == 1);
        CHECK(flag_ids(store, FlagFilter{.state = FlagState::stale}).size() == 2);
        auto fourth = run_rules(store, rules, std::nullopt, "2024-07-04T00:00:00Z");
        REQUIRE(fourth);
        CHECK(fourth->sync.revived == 2);
    }
}

TEST_CASE("run_rules on one event leaves the others alone")
{
    TempDir dir;
    const auto rules = load(rules_folder(dir, {{"counts.toml", k_counts}, {"blame.toml", k_blame}}));
    auto store = fresh_store(dir, "one.db");
    auto stats = run_rules(store, rules, "march", "2024-07-01T00:00:00Z");
    REQUIRE(stats);
    CHECK(stats->events == 1);
    CHECK(stats->claims == 2);
    CHECK(stats->flags == 1);
    CHECK(flag_ids(store, FlagFilter{.event = "raid"}).empty());
    auto unknown = run_rules(store, rules, "nowhere", "2024-07-01T00:00:00Z");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message == "unknown event 'nowhere'");
}

TEST_CASE("contra run prints what it did")
{
    TempDir dir;
    const auto rules = rules_folder(dir, {{"counts.toml", k_counts}, {"blame.toml", k_blame}});
    { auto store = fresh_store(dir, "cli.db"); }
    const auto db = (dir / "cli.db").string();
    auto first = run_contra({"run", "--db", db, "--rules", rules});
    CHECK(first.err == "");
    CHECK(first.exit_code == 0);
    CHECK(first.out == "run: 2 events, 5 claims, 3 flags (3 new, 0 refreshed, 0 revived, 0 stale)\n");
    auto again = run_contra({"run", "--event", "raid", "--db", db, "--rules", rules});
    CHECK(again.out == "run: 1 events, 3 claims, 2 flags (0 new, 2 refreshed, 0 revived, 0 stale)\n");
    auto unknown = run_contra({"run", "--event", "nowhere", "--db", db, "--rules", rules});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "contra: error: unknown event 'nowhere'\n");
}

TEST_CASE("a statement repeated by another document keeps its flag and review, and the flag gains the quote")
{
    TempDir dir;
    const auto rules = rules_folder(dir, {{"counts.toml", k_counts}});
    const auto db = (dir / "repeat.db").string();
    std::string id;
    {
        auto opened = Store::open(db, OpenMode::create);
        REQUIRE(opened);
        Store& store = *opened;
        for (const auto& [source_id, source] : test_sources()) must(store.put_source(source));
        must(store.put_event(Event{"raid", "The raid", "2024-05-01", "Port", {}}));
        put_claim(store, "raid", "ministry", "2024-05-01", "deaths", count(2, 2, "two people"));
        put_claim(store, "raid", "council", "2024-05-01", "deaths", count(40, std::nullopt, "at least 40"));
        put_claim(store, "raid", "council", "2024-05-01", "deaths", count(40, std::nullopt, "at least 40"),
                  Polarity::asserted, "wire");
        const auto first = run_rules(store, load(rules), std::nullopt, "2024-07-01T00:00:00Z");
        REQUIRE(first);
        CHECK(first->flags == 1);  // one disagreement, though the council's figure is in two documents
        auto flags = store.flags();
        REQUIRE(flags);
        REQUIRE(flags->size() == 1);
        id = flags->front().id;
        CHECK(flags->front().claims.size() == 3);
        REQUIRE(store.append_review(Review{0, id, ReviewStatus::confirmed, "ana", "checked", "2024-07-01T10:00:00Z"}));

        // A third document repeats the council's figure.
        put_claim(store, "raid", "council", "2024-05-02", "deaths", count(40, std::nullopt, "at least 40"),
                  Polarity::asserted, "paper");
    }
    const auto run = run_contra({"run", "--db", db, "--rules", rules});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "run: 1 events, 4 claims, 1 flags (0 new, 1 refreshed, 0 revived, 0 stale)\n");

    auto store = Store::open(db, OpenMode::read_only);
    REQUIRE(store);
    auto flag = store->flag(id);
    REQUIRE(flag);
    REQUIRE(flag->has_value());
    CHECK((*flag)->state == FlagState::active);
    CHECK((*flag)->status == ReviewStatus::confirmed);
    CHECK((*flag)->claims.size() == 4);
    auto reviews = store->reviews(id);
    REQUIRE(reviews);
    CHECK(reviews->size() == 1);
    const auto shown = run_contra({"show", id, "--db", db});
    CHECK(shown.exit_code == 0);
    for (const char* path : {"ministry-2024-05-01.txt", "council-2024-05-01.txt", "wire-2024-05-01.txt",
                             "paper-2024-05-02.txt"}) {
        CHECK(shown.out.find(path) != std::string::npos);
    }
}

TEST_CASE("a store made before flag ids came from statements: its flags go stale, reviews stay, verify is content")
{
    TempDir dir;
    const auto rules = load(rules_folder(dir, {{"counts.toml", k_counts}}));
    auto store = fresh_store(dir, "old.db");
    // The flag an older contra raised on the ministry's 2 and the council's
    // 40: its id hashed the two claims' fingerprints.
    auto claims = store.claims("raid");
    REQUIRE(claims);
    const auto of = [&](const std::string& source) {
        return *std::ranges::find_if(*claims, [&](const Claim& claim) { return claim.source == source; });
    };
    const Claim ministry = of("ministry");
    const Claim council = of("council");
    std::vector<std::string> fingerprints{ministry.fingerprint(), council.fingerprint()};
    std::ranges::sort(fingerprints);
    Flag old;
    old.id = "F-" + short_hash("counts\x1f" + fingerprints[0] + "\x1f" + fingerprints[1], 12);
    old.rule = "counts";
    old.kind = "count-conflict";
    old.severity = Severity::error;
    old.event = "raid";
    old.attribute = "deaths";
    old.claims = {ministry.id, council.id};
    const std::string events[] = {"raid"};
    REQUIRE(store.sync_flags(events, std::span<const Flag>(&old, 1), "2024-06-01T00:00:00Z"));
    REQUIRE(store.append_review(Review{0, old.id, ReviewStatus::confirmed, "ana", "seen", "2024-06-02T00:00:00Z"}));

    const auto stats = run_rules(store, rules, std::nullopt, "2024-07-01T00:00:00Z");
    REQUIRE(stats);
    CHECK(stats->sync.staled == 1);
    CHECK(stats->sync.created == 2);
    const auto stale = store.flag(old.id);
    REQUIRE(stale);
    REQUIRE(stale->has_value());
    CHECK((*stale)->state == FlagState::stale);
    CHECK((*stale)->status == ReviewStatus::confirmed);
    CHECK(flag_ids(store, FlagFilter{.state = FlagState::active}).size() == 2);

    const auto report = verify_store(store);
    REQUIRE(report);
    CHECK(report->flags == 3);
    CHECK(report->problems.empty());
}
