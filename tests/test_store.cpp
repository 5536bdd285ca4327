// The store's behaviour through its public interface, on real SQLite files.
#include "support.hpp"

#include <contra/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace contra;

namespace {

Store open_store(const test::TempDir& dir, OpenMode mode = OpenMode::create)
{
    auto store = Store::open((dir / "contra.db").string(), mode);
    if (!store) FAIL(store.error().describe());
    return std::move(*store);
}

Event raid()
{
    return Event{"harbour-raid-2024", "The harbour raid", "2024-03-02", "Port Velan", {"the dock raid", "Velan raid"}};
}

Source ministry()
{
    return Source{"ministry", "Ministry of the Interior", "government", Stake::party, {"the ministry"}};
}

Source watchdog()
{
    return Source{"watchdog", "Harbour Rights Watch", "ngo", Stake::independent, {}};
}

Document statement(std::string text, std::string published)
{
    Document document;
    document.text = std::move(text);
    document.sha256 = "sha-" + document.text.substr(0, 8);
    document.title = "Statement";
    document.url = "https://example.org/statement";
    document.publisher = "Velan Ministry";
    document.published = std::move(published);
    document.retrieved = "2024-03-05";
    document.path = "docs/statement.txt";
    return document;
}

Claim claim_of(const Document& document, std::string source, std::string attribute, Value value,
               std::size_t start, Qualifier qualifier = {})
{
    Claim claim;
    claim.event = raid().id;
    claim.source = std::move(source);
    claim.mention = "a spokesman";
    claim.attribute = std::move(attribute);
    claim.qualifier = std::move(qualifier);
    claim.value = std::move(value);
    claim.polarity = Polarity::asserted;
    claim.document = document.sha256;
    claim.span = Span{start, start + 4, 1, static_cast<int>(start) + 1};
    claim.quote = document.text.substr(start, 4);
    claim.prefix = "pre";
    claim.suffix = "suf";
    claim.origin = "curated";
    claim.id = make_claim_id(claim);
    return claim;
}

// One event, two sources, two documents and one claim of every value kind.
struct Sample {
    Document early = statement("Twelve people were hurt at the dock on Saturday night.", "2024-03-03");
    Document late = statement("Officials now say forty were hurt, and police were not to blame.", "2024-03-04");
    std::vector<Claim> claims;

    Sample()
    {
        claims.push_back(claim_of(late, "ministry", "injuries", Value{Count{40, 40}, "forty"}, 16,
                                  {{"group", "residents"}, {"where", "dock; pier=2"}}));
        claims.push_back(claim_of(early, "watchdog", "injuries", Value{Count{101, std::nullopt}, "over 100"}, 0));
        Claim agent = claim_of(late, "ministry", "responsibility", Value{Agent{"police", false, "injuries"}, ""}, 40);
        agent.polarity = Polarity::denied;
        agent.id = make_claim_id(agent);
        claims.push_back(agent);
        claims.push_back(claim_of(early, "watchdog", "cause", Value{Category{"tear gas"}, "tear gas"}, 20));
        claims.push_back(claim_of(early, "watchdog", "date", Value{DateRange{"2024-03-02", "2024-03-02"}, "Saturday"}, 40));
        Claim text = claim_of(early, "watchdog", "location", Value{Text{"the dock"}, "at the dock"}, 27);
        text.polarity = Polarity::hedged;
        text.mention.clear();
        text.id = make_claim_id(text);
        claims.push_back(text);
    }

    void load(Store& store) const
    {
        REQUIRE(store.put_event(raid()).value());
        REQUIRE(store.put_source(ministry()).value());
        REQUIRE(store.put_source(watchdog()).value());
        REQUIRE(store.put_document(early).value());
        REQUIRE(store.put_document(late).value());
        for (const auto& claim : claims) REQUIRE(store.put_claim(claim).value());
    }
};

Flag flag_of(std::string id, std::string rule, std::vector<std::string> claims, Severity severity = Severity::error)
{
    Flag flag;
    flag.id = std::move(id);
    flag.rule = std::move(rule);
    flag.kind = "count-conflict";
    flag.severity = severity;
    flag.event = raid().id;
    flag.attribute = "injuries";
    flag.message = "figures disagree";
    flag.claims = std::move(claims);
    return flag;
}

// A store file written with the sample, closed, and opened again in `mode`.
Store reopened_with(const test::TempDir& dir, const Sample& sample, OpenMode mode)
{
    {
        auto store = open_store(dir);
        sample.load(store);
    }
    return open_store(dir, mode);
}

int count_rows(const test::TempDir& dir, const std::string& table)
{
    SQLite::Database db((dir / "contra.db").string(), SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM " + table).getInt();
}

// A claim of the sample's early document that the sample does not hold.
Claim new_claim(const Sample& sample)
{
    return claim_of(sample.early, "watchdog", "deaths", Value{Count{1, 1}, "one man"}, 4);
}

// `claim` with an unknown event, then source, then document, is refused by
// `store`, each with a message naming what is unknown.
void refuses_unknown_references(Store& store, const Claim& claim)
{
    // `claim` with `reference` set to `unknown` is refused, naming it.
    const auto refuses = [&](std::string Claim::*reference, const std::string& unknown, std::string_view what) {
        Claim bad = claim;
        bad.*reference = unknown;
        auto refused = store.put_claim(bad);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().kind == ErrorKind::bad_input);
        CHECK(refused.error().message.find(fmt::format("unknown {} '{}'", what, unknown)) != std::string::npos);
    };
    refuses(&Claim::event, "no-such-event", "event");
    refuses(&Claim::source, "rumour-mill", "source");
    refuses(&Claim::document, "sha-missing", "document");
}

}  // namespace

TEST_CASE("events, sources and documents round-trip through a store file")
{
    test::TempDir dir;
    Sample sample;
    auto store = reopened_with(dir, sample, OpenMode::existing);
    CHECK(store.path() == (dir / "contra.db").string());
    CHECK(store.events().value() == std::vector<Event>{raid()});
    CHECK(store.event(raid().id).value() == raid());
    CHECK_FALSE(store.event("nope").value().has_value());
    CHECK(store.sources().value() == std::vector<Source>{ministry(), watchdog()});
    CHECK(store.source("watchdog").value() == watchdog());
    CHECK_FALSE(store.source("nope").value().has_value());

    CHECK(store.document(sample.early.sha256).value() == sample.early);
    auto meta = store.document(sample.early.sha256, false).value();
    REQUIRE(meta);
    CHECK(meta->text.empty());
    CHECK(meta->published == "2024-03-03");
    CHECK(meta->path == "docs/statement.txt");
    auto documents = store.documents().value();
    REQUIRE(documents.size() == 2);
    CHECK(documents[0].text.empty());
    CHECK(store.documents(true).value()[1].text == sample.early.text);  // "sha-Office" < "sha-Twelv"
}

TEST_CASE("claims of every value kind round-trip, with stated_on from their document")
{
    test::TempDir dir;
    Sample sample;
    auto store = reopened_with(dir, sample, OpenMode::read_only);
    for (const auto& original : sample.claims) {
        auto loaded = store.claim(original.id).value();
        REQUIRE(loaded);
        Claim expected = original;
        expected.stated_on = original.document == sample.early.sha256 ? "2024-03-03" : "2024-03-04";
        CHECK(*loaded == expected);
        CHECK(make_claim_id(*loaded) == original.id);
    }
    auto first = store.claim(sample.claims[0].id).value().value();
    CHECK(first.qualifier == Qualifier{{"group", "residents"}, {"where", "dock; pier=2"}});
    CHECK(std::get<Count>(first.value.data) == Count{40, 40});
    auto open = store.claim(sample.claims[1].id).value().value();
    CHECK(std::get<Count>(open.value.data) == Count{101, std::nullopt});
    auto agent = store.claim(sample.claims[2].id).value().value();
    CHECK(std::get<Agent>(agent.value.data) == Agent{"police", false, "injuries"});
    CHECK(agent.polarity == Polarity::denied);
    CHECK_FALSE(store.claim("c-000000000000").value().has_value());
}

TEST_CASE("claims come ordered by stated_on, then document, then span start")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    auto claims = store.claims(raid().id).value();
    REQUIRE(claims.size() == sample.claims.size());
    std::vector<std::pair<std::string, std::size_t>> order;
    for (const auto& claim : claims) order.emplace_back(claim.stated_on, claim.span.start);
    CHECK(order == std::vector<std::pair<std::string, std::size_t>>{
                       {"2024-03-03", 0}, {"2024-03-03", 20}, {"2024-03-03", 27}, {"2024-03-03", 40},
                       {"2024-03-04", 16}, {"2024-03-04", 40}});
    CHECK(store.claims().value() == claims);
    CHECK(store.claims("other-event").value().empty());
}

TEST_CASE("puts are idempotent; events and sources update when they differ")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);

    CHECK_FALSE(store.put_event(raid()).value());
    Event renamed = raid();
    renamed.title = "The Port Velan raid";
    renamed.aliases.push_back("the night raid");
    CHECK(store.put_event(renamed).value());
    CHECK(store.event(raid().id).value() == renamed);
    CHECK_FALSE(store.put_event(renamed).value());

    CHECK_FALSE(store.put_source(ministry()).value());
    Source changed = ministry();
    changed.stake = Stake::unknown;
    CHECK(store.put_source(changed).value());
    CHECK(store.source("ministry").value()->stake == Stake::unknown);

    // Documents and claims are immutable: a second put with other metadata
    // changes nothing.
    Document retitled = sample.early;
    retitled.title = "Another title";
    CHECK_FALSE(store.put_document(retitled).value());
    CHECK(store.document(sample.early.sha256).value()->title == "Statement");
    for (const auto& claim : sample.claims) CHECK_FALSE(store.put_claim(claim).value());
    CHECK(count_rows(dir, "claims") == static_cast<int>(sample.claims.size()));
}

TEST_CASE("a claim without an id gets make_claim_id")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    Claim claim = claim_of(sample.early, "watchdog", "arrests", Value{Count{3, 9}, "several"}, 8);
    const std::string id = claim.id;
    claim.id.clear();
    CHECK(store.put_claim(claim).value());
    CHECK(store.claim(id).value().has_value());
}

TEST_CASE("a claim naming an unknown event, source or document is refused")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    const Claim claim = new_claim(sample);
    refuses_unknown_references(store, claim);
    CHECK(count_rows(dir, "claims") == static_cast<int>(sample.claims.size()));
    // The store still works after a refusal.
    CHECK(store.put_claim(claim).value());
}

namespace {

// `count` claims of the watchdog on the sample's early document, each its own.
std::vector<Claim> many_claims(const Sample& sample, int count)
{
    std::vector<Claim> claims;
    for (int i = 0; i < count; ++i) {
        claims.push_back(claim_of(sample.early, "watchdog", "arrests", Value{Count{i, i}, std::to_string(i)},
                                  static_cast<std::size_t>(i % 40), {{"day", std::to_string(i)}}));
    }
    return claims;
}

}  // namespace

TEST_CASE("put_claims writes what put_claim would, many rows to a statement, and stops at a refused claim")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    const bool bulk = GENERATE(false, true);
    INFO((bulk ? "in a bulk load" : "in autocommit"));
    std::optional<Store::Transaction> load;
    if (bulk) load.emplace(store.begin_bulk_load().value());
    // Not a whole number of statements: 16-row statements, then single rows.
    const std::vector<Claim> claims = many_claims(sample, 41);
    CHECK(store.put_claims(claims).value() == 41);
    CHECK(store.put_claims(claims).value() == 0);

    std::vector<Claim> refused = many_claims(sample, 60);
    for (Claim& claim : refused) {
        claim.attribute = "detentions";
        claim.id = make_claim_id(claim);
    }
    refused[20].source = "rumour-mill";  // in the second statement
    auto put = store.put_claims(refused);
    REQUIRE_FALSE(put);
    CHECK(put.error().kind == ErrorKind::bad_input);
    CHECK(put.error().message.find("unknown source 'rumour-mill'") != std::string::npos);
    // The claims before the refused one are written, none after it.
    const auto stored = [&] { return store.claims().value().size(); };
    CHECK(stored() == sample.claims.size() + 41 + 20);
    if (load) REQUIRE(load->commit());

    test::TempDir one_by_one_dir;
    auto one_by_one = open_store(one_by_one_dir);
    sample.load(one_by_one);
    for (const Claim& claim : claims) REQUIRE(one_by_one.put_claim(claim).value());
    for (std::size_t i = 0; i < 20; ++i) REQUIRE(one_by_one.put_claim(refused[i]).value());
    CHECK(store.claims().value() == one_by_one.claims().value());
}

TEST_CASE("a transaction dropped without commit leaves nothing; a committed one stays")
{
    test::TempDir dir;
    Sample sample;
    {
        auto store = open_store(dir);
        {
            auto transaction = store.begin();
            REQUIRE(transaction);
            sample.load(store);
            CHECK(store.events().value().size() == 1);  // visible inside the transaction
            auto nested = store.begin();
            REQUIRE_FALSE(nested);
            CHECK(nested.error().message.find("already open") != std::string::npos);
        }
        CHECK(store.events().value().empty());
        CHECK(store.claims().value().empty());
        CHECK(store.documents().value().empty());

        auto transaction = store.begin();
        REQUIRE(transaction);
        sample.load(store);
        REQUIRE(transaction->commit());
        auto again = transaction->commit();
        CHECK_FALSE(again);
    }
    auto store = open_store(dir, OpenMode::existing);
    CHECK(store.claims().value().size() == sample.claims.size());
    // begin() works again once the earlier transaction is over.
    auto transaction = store.begin();
    CHECK(transaction);
}

// What SQLite says of the store file from outside the Store.
std::string pragma_of(const test::TempDir& dir, const std::string& pragma)
{
    SQLite::Database db((dir / "contra.db").string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA " + pragma).getString();
}

bool has_index(const test::TempDir& dir, const std::string& name)
{
    SQLite::Database db((dir / "contra.db").string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1");
    query.bind(1, name);
    return query.executeStep();
}

TEST_CASE("a bulk load into a store without claims leaves the store as an ordinary load would")
{
    test::TempDir dir;
    Sample sample;
    {
        auto store = open_store(dir);
        auto load = store.begin_bulk_load();
        REQUIRE(load);
        CHECK(store.in_transaction());
        sample.load(store);
        // Putting a claim twice is still a no-op without the index by id.
        CHECK_FALSE(store.put_claim(sample.claims.front()).value());
        // The references SQLite does not check in a bulk load, the store does.
        refuses_unknown_references(store, new_claim(sample));
        // Flags and reviews, whose references only SQLite checks, are refused.
        auto sync = store.begin_flag_sync("2024-03-06T10:00:00Z");
        REQUIRE_FALSE(sync);
        CHECK(sync.error().message.find("bulk load") != std::string::npos);
        REQUIRE(load->commit());
        CHECK_FALSE(store.in_transaction());
        // Outside the load, SQLite checks references again.
        refuses_unknown_references(store, new_claim(sample));
    }
    CHECK(has_index(dir, "claims_by_id"));
    CHECK(pragma_of(dir, "journal_mode") == "wal");
    CHECK(pragma_of(dir, "integrity_check") == "ok");
    test::TempDir ordinary_dir;
    auto ordinary = open_store(ordinary_dir);
    sample.load(ordinary);
    auto store = open_store(dir, OpenMode::existing);
    const std::vector<Claim> claims = store.claims().value();
    CHECK(claims == ordinary.claims().value());
    CHECK(claims.size() == sample.claims.size());
    CHECK(store.claim(sample.claims.back().id).value() == ordinary.claim(sample.claims.back().id).value());
}

TEST_CASE("a bulk load dropped without commit leaves the store as it was, index and WAL included")
{
    test::TempDir dir;
    Sample sample;
    {
        auto store = open_store(dir);
        REQUIRE(store.put_event(raid()).value());
        const auto load_the_rest = [&] {
            REQUIRE(store.put_source(ministry()).value());
            REQUIRE(store.put_source(watchdog()).value());
            REQUIRE(store.put_document(sample.early).value());
            REQUIRE(store.put_document(sample.late).value());
            for (const auto& claim : sample.claims) REQUIRE(store.put_claim(claim).value());
        };
        {
            auto load = store.begin_bulk_load();
            REQUIRE(load);
            load_the_rest();
        }
        CHECK(store.claims().value().empty());
        CHECK(store.sources().value().empty());
        CHECK(store.events().value().size() == 1);
        CHECK(has_index(dir, "claims_by_id"));
        CHECK(pragma_of(dir, "journal_mode") == "wal");
        // The next load, and then ordinary writes, work as before.
        auto load = store.begin_bulk_load();
        REQUIRE(load);
        load_the_rest();
        REQUIRE(load->commit());
        auto flags = store.sync_flags(std::vector<std::string>{raid().id},
                                      std::vector<Flag>{flag_of("f-1", "count", {sample.claims[0].id, sample.claims[1].id})},
                                      "2024-03-06T10:00:00Z");
        REQUIRE(flags);
    }
    CHECK(has_index(dir, "claims_by_id"));
    CHECK(pragma_of(dir, "journal_mode") == "wal");
    CHECK(count_rows(dir, "claims") == static_cast<int>(sample.claims.size()));
}

TEST_CASE("a first bulk load while another connection has the store open stays in WAL mode")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    // Another process's connection, as `contra serve` would hold: it keeps
    // SQLite from leaving WAL mode, and must not make the load fail.
    SQLite::Database other((dir / "contra.db").string(), SQLite::OPEN_READONLY);
    CHECK(other.execAndGet("SELECT count(*) FROM claims").getInt() == 0);
    auto load = store.begin_bulk_load();
    REQUIRE(load);
    sample.load(store);
    CHECK(other.execAndGet("SELECT count(*) FROM claims").getInt() == 0);  // it reads what was committed
    REQUIRE(load->commit());
    CHECK(other.execAndGet("SELECT count(*) FROM claims").getInt() == static_cast<int>(sample.claims.size()));
    CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(has_index(dir, "claims_by_id"));
}

TEST_CASE("a bulk load into a store that holds claims keeps the index and the WAL")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    auto load = store.begin_bulk_load();
    REQUIRE(load);
    CHECK(has_index(dir, "claims_by_id"));  // visible from outside: nothing was dropped
    CHECK(store.put_claim(new_claim(sample)).value());
    CHECK_FALSE(store.put_claim(sample.claims.front()).value());
    REQUIRE(load->commit());
    CHECK(pragma_of(dir, "journal_mode") == "wal");
    CHECK(count_rows(dir, "claims") == static_cast<int>(sample.claims.size()) + 1);
}

TEST_CASE("for_each_event streams every event, in id order, with its claims in order")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    Event quiet{"a-quiet-day", "Nothing happened", "", "", {}};
    Event later{"zz-later", "A later event", "2024-05-01", "", {}};
    REQUIRE(store.put_event(quiet).value());
    REQUIRE(store.put_event(later).value());
    Claim later_claim = claim_of(sample.late, "watchdog", "arrests", Value{Count{24, 99}, "dozens"}, 0);
    later_claim.event = later.id;
    later_claim.id = make_claim_id(later_claim);
    REQUIRE(store.put_claim(later_claim).value());

    std::vector<std::pair<std::string, std::size_t>> seen;
    std::vector<Claim> raid_claims;
    auto visited = store.for_each_event([&](const EventClaims& event) -> Expected<void> {
        seen.emplace_back(event.event.id, event.claims.size());
        if (event.event.id == raid().id) {
            raid_claims.assign(event.claims.begin(), event.claims.end());
            CHECK(event.event == raid());
        }
        return {};
    });
    REQUIRE(visited);
    CHECK(seen == std::vector<std::pair<std::string, std::size_t>>{
                      {"a-quiet-day", 0}, {"harbour-raid-2024", 6}, {"zz-later", 1}});
    CHECK(raid_claims == store.claims(raid().id).value());

    seen.clear();
    REQUIRE(store.for_each_event(
        [&](const EventClaims& event) -> Expected<void> {
            seen.emplace_back(event.event.id, event.claims.size());
            return {};
        },
        "zz-later"));
    CHECK(seen == std::vector<std::pair<std::string, std::size_t>>{{"zz-later", 1}});

    auto unknown = store.for_each_event([](const EventClaims&) -> Expected<void> { return {}; }, "nope");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message == "no event 'nope' in the store");

    int calls = 0;
    auto stopped = store.for_each_event([&](const EventClaims&) -> Expected<void> {
        ++calls;
        return bad_input("visitor gave up");
    });
    REQUIRE_FALSE(stopped);
    CHECK(stopped.error().message == "visitor gave up");
    CHECK(calls == 1);
}

TEST_CASE("the visitor may read the store while for_each_event streams")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    std::size_t total = 0;
    REQUIRE(store.for_each_event([&](const EventClaims& event) -> Expected<void> {
        auto events = store.events();
        if (!events) return std::unexpected(events.error());
        auto claims = store.claims(event.event.id);
        if (!claims) return std::unexpected(claims.error());
        total += claims->size();
        return {};
    }));
    CHECK(total == sample.claims.size());
}

TEST_CASE("sync_flags creates, refreshes, stales and revives flags, and never touches reviews")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    const std::vector<std::string> events{raid().id};
    const Flag a = flag_of("F-aaaaaaaa", "count-conflict-casualties", {sample.claims[0].id, sample.claims[1].id});
    const Flag b = flag_of("F-bbbbbbbb", "party-only-casualties", {sample.claims[2].id}, Severity::warning);

    auto first = store.sync_flags(events, std::vector<Flag>{a, b}, "2024-04-01T10:00:00Z").value();
    CHECK(first.created == 2);
    CHECK(first.refreshed + first.revived + first.staled == 0);
    auto stored = store.flag(a.id).value().value();
    CHECK(stored.claims == a.claims);
    CHECK(stored.state == FlagState::active);
    CHECK(stored.status == ReviewStatus::open);
    CHECK(stored.first_seen == "2024-04-01T10:00:00Z");
    CHECK(stored.last_seen == "2024-04-01T10:00:00Z");
    CHECK(count_rows(dir, "flag_claims") == 3);

    REQUIRE(store.append_review(Review{0, a.id, ReviewStatus::confirmed, "ana", "checked both", "2024-04-01T11:00:00Z"}));

    // Second run: only a is found again, with a new message and severity.
    Flag a2 = a;
    a2.message = "figures still disagree";
    a2.severity = Severity::warning;
    auto second = store.sync_flags(events, std::vector<Flag>{a2}, "2024-04-02T10:00:00Z").value();
    CHECK(second.created == 0);
    CHECK(second.refreshed == 1);
    CHECK(second.staled == 1);
    stored = store.flag(a.id).value().value();
    CHECK(stored.message == "figures still disagree");
    CHECK(stored.severity == Severity::warning);
    CHECK(stored.first_seen == "2024-04-01T10:00:00Z");
    CHECK(stored.last_seen == "2024-04-02T10:00:00Z");
    CHECK(stored.status == ReviewStatus::confirmed);
    CHECK(store.flag(b.id).value()->state == FlagState::stale);
    CHECK(store.flag(b.id).value()->last_seen == "2024-04-01T10:00:00Z");

    // Third run: b holds again, a is found twice in one run (counted once).
    auto third = store.sync_flags(events, std::vector<Flag>{b, a2, a2}, "2024-04-03T10:00:00Z").value();
    CHECK(third.revived == 1);
    CHECK(third.refreshed == 1);
    CHECK(third.created == 0);
    CHECK(third.staled == 0);
    CHECK(store.flag(b.id).value()->state == FlagState::active);

    // A run over another event leaves this event's flags alone.
    const std::vector<std::string> other{"zz-other"};
    auto fourth = store.sync_flags(other, {}, "2024-04-04T10:00:00Z").value();
    CHECK(fourth.staled == 0);
    CHECK(store.flag(a.id).value()->state == FlagState::active);

    CHECK(store.reviews(a.id).value().size() == 1);
    CHECK(count_rows(dir, "runs") == 4);
    SQLite::Database raw((dir / "contra.db").string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("SELECT created FROM runs ORDER BY id LIMIT 1").getInt() == 2);
    CHECK(raw.execAndGet("SELECT event FROM runs ORDER BY id LIMIT 1").getString() == raid().id);
}

// A loaded store, its event, a flag on a stored claim and one naming a claim
// that does not exist: for the tests of what a sync refuses.
struct SyncCase {
    test::TempDir dir;
    Sample sample;
    Store store = open_store(dir);
    std::vector<std::string> events{raid().id};
    Flag good;
    Flag bad = flag_of("F-22222222", "count-conflict-casualties", {"c-ffffffffffff"});

    SyncCase()
    {
        sample.load(store);
        good = flag_of("F-11111111", "count-conflict-casualties", {sample.claims[0].id});
    }
};

TEST_CASE("a flag sync that trusts its claims skips the reference checks for itself only")
{
    SyncCase test_case;
    auto& [dir, sample, store, events, good, bad] = test_case;
    {
        auto sync = store.begin_flag_sync("2024-04-01T10:00:00Z", Store::FlagReferences::claims_read_from_store);
        REQUIRE(sync);
        REQUIRE(sync->add(events, std::vector<Flag>{good}));
        const auto stats = sync->finish();
        REQUIRE(stats);
        CHECK(stats->created == 1);
    }
    CHECK(store.flags().value().size() == 1);
    CHECK(store.check_integrity().value().empty());
    // The checks are on again for the next write: an unknown claim is refused.
    auto synced = store.sync_flags(events, std::vector<Flag>{good, bad}, "2024-04-02T10:00:00Z");
    REQUIRE_FALSE(synced);
    CHECK(synced.error().message == "flag F-22222222: unknown claim 'c-ffffffffffff'");
    {
        // A trusting sync dropped unfinished rolls back and turns them on again too.
        auto sync = store.begin_flag_sync("2024-04-03T10:00:00Z", Store::FlagReferences::claims_read_from_store);
        REQUIRE(sync);
        REQUIRE(sync->add(events, std::vector<Flag>{bad}));
    }
    CHECK(store.flags().value().size() == 1);
    CHECK_FALSE(store.sync_flags(events, std::vector<Flag>{good, bad}, "2024-04-04T10:00:00Z"));
    CHECK(count_rows(dir, "runs") == 1);
}

TEST_CASE("sync_flags is all or nothing: a flag naming an unknown claim rolls back the run")
{
    SyncCase test_case;
    auto& [dir, sample, store, events, good, bad] = test_case;
    auto synced = store.sync_flags(events, std::vector<Flag>{good, bad}, "2024-04-01T10:00:00Z");
    REQUIRE_FALSE(synced);
    CHECK(synced.error().kind == ErrorKind::bad_input);
    CHECK(synced.error().message == "flag F-22222222: unknown claim 'c-ffffffffffff'");
    CHECK(store.flags().value().empty());
    CHECK(count_rows(dir, "runs") == 0);

    // Inside an open transaction it is a savepoint: the failure undoes only
    // its own part.
    auto transaction = store.begin();
    REQUIRE(transaction);
    REQUIRE(store.put_event(Event{"inside", "", "", "", {}}).value());
    CHECK_FALSE(store.sync_flags(events, std::vector<Flag>{good, bad}, "2024-04-01T10:00:00Z"));
    REQUIRE(store.sync_flags(events, std::vector<Flag>{good}, "2024-04-01T10:00:00Z"));
    REQUIRE(transaction->commit());
    CHECK(store.event("inside").value().has_value());
    CHECK(store.flags().value().size() == 1);
}

TEST_CASE("a flag's status is its latest review, and flags filter on it")
{
    test::TempDir dir;
    Sample sample;
    auto store = open_store(dir);
    sample.load(store);
    const std::vector<std::string> events{raid().id};
    const Flag a = flag_of("F-aaaaaaaa", "count-conflict-casualties", {sample.claims[0].id, sample.claims[1].id});
    const Flag b = flag_of("F-bbbbbbbb", "party-only-casualties", {sample.claims[2].id}, Severity::warning);
    const Flag c = flag_of("F-cccccccc", "party-only-casualties", {sample.claims[3].id}, Severity::info);
    REQUIRE(store.sync_flags(events, std::vector<Flag>{c, a, b}, "2024-04-01T10:00:00Z"));

    auto first = store.append_review(Review{0, a.id, ReviewStatus::needs_info, "ana", "which hospital?", "t1"});
    REQUIRE(first);
    auto second = store.append_review(Review{0, a.id, ReviewStatus::dismissed, "ben", "same figure", "t2"});
    REQUIRE(second);
    CHECK(second->seq > first->seq);
    CHECK(second->note == "same figure");
    REQUIRE(store.append_review(Review{0, b.id, ReviewStatus::confirmed, "ana", "", "t3"}));
    REQUIRE(store.append_review(Review{0, b.id, ReviewStatus::open, "ana", "reopened", "t4"}));

    CHECK(store.flag(a.id).value()->status == ReviewStatus::dismissed);
    CHECK(store.flag(b.id).value()->status == ReviewStatus::open);
    auto log = store.reviews(a.id).value();
    REQUIRE(log.size() == 2);
    CHECK(log[0] == *first);
    CHECK(log[1] == *second);

    const auto ids = [&](const FlagFilter& filter) {
        std::vector<std::string> out;
        const auto flags = store.flags(filter).value();
        for (const auto& flag : flags) out.push_back(flag.id);
        return out;
    };
    using Ids = std::vector<std::string>;
    CHECK(ids({}) == Ids{a.id, b.id, c.id});
    CHECK(ids({.status = ReviewStatus::dismissed}) == Ids{a.id});
    CHECK(ids({.status = ReviewStatus::open}) == Ids{b.id, c.id});
    CHECK(ids({.severity = Severity::warning}) == Ids{b.id});
    CHECK(ids({.rule = "party-only-casualties"}) == Ids{b.id, c.id});
    CHECK(ids({.event = raid().id, .rule = "party-only-casualties", .severity = Severity::info}) == Ids{c.id});
    CHECK(ids({.event = "nope"}).empty());
    CHECK(ids({.state = FlagState::stale}).empty());
    CHECK(ids({.state = FlagState::active}).size() == 3);

    auto missing = store.append_review(Review{0, "F-00000000", ReviewStatus::confirmed, "ana", "", "t5"});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::bad_input);
    CHECK(missing.error().message == "no flag F-00000000");
    CHECK(store.reviews("F-00000000").value().empty());
    CHECK_FALSE(store.flag("F-00000000").value().has_value());
}

TEST_CASE("a read-only store reads but refuses writes")
{
    test::TempDir dir;
    Sample sample;
    auto store = reopened_with(dir, sample, OpenMode::read_only);
    CHECK(store.claims().value().size() == sample.claims.size());
    auto refused = store.put_event(raid());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::bad_input);
    CHECK(refused.error().message.find("read-only") != std::string::npos);
    CHECK_FALSE(store.begin());
    CHECK_FALSE(store.append_review(Review{0, "F-00000000", ReviewStatus::confirmed, "", "", ""}));
}

TEST_CASE("a read transaction sees one state of the store, on a read-only store too")
{
    test::TempDir dir;
    Sample sample;
    auto reader = reopened_with(dir, sample, OpenMode::read_only);
    auto writer = open_store(dir, OpenMode::existing);
    const Event later{"quay-fire-2024", "The quay fire", "2024-05-01", "Port Velan", {}};
    {
        auto reading = reader.begin_read();
        REQUIRE(reading);
        CHECK(reader.events().value().size() == 1);
        REQUIRE(writer.put_event(later).value());
        CHECK(reader.events().value().size() == 1);  // written after its snapshot
        CHECK_FALSE(reader.begin_read());            // transactions do not nest
    }
    CHECK(reader.events().value().size() == 2);
    auto reading = reader.begin_read();
    REQUIRE(reading);
    CHECK(reading->commit());
    CHECK(reader.event(later.id).value() == later);
}

TEST_CASE("an in-memory store works like a file store")
{
    auto store = Store::open_in_memory();
    REQUIRE(store);
    Sample sample;
    sample.load(*store);
    CHECK(store->claims(raid().id).value().size() == sample.claims.size());
}
