// The event_names table (schema version 2): filled from the events a
// version-1 store already holds when it is migrated, rewritten by put_event,
// and read by contra check to find the event a draft names without reading
// every event (tests/test_check_event_names.cpp checks that it finds what
// the plain search finds).
#include "store/schema.hpp"
#include "support.hpp"

#include <contra/check.hpp>
#include <contra/store.hpp>
#include <contra/text.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

using namespace contra;
namespace fs = std::filesystem;

namespace {

const std::vector<Event> k_events = {
    Event{"durres-raid-2023", "Durrës raid", "2023-05-04", "Durrës", {"the Durrës police raid", "(Shkozet)"}},
    Event{"river-night", "River unrest at night", "", "", {}},
    Event{"quiet", "", "", "", {"...", "Quiet!"}},
};

// Every row of event_names, as "event position name|first|key|words".
std::vector<std::string> rows(const fs::path& path)
{
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, "SELECT event, position, name, first, key, words FROM event_names "
                                "ORDER BY event, position");
    std::vector<std::string> out;
    while (query.executeStep()) {
        out.push_back(fmt::format("{} {} {}|{}|{}|{}", query.getColumn(0).getString(), query.getColumn(1).getInt(),
                                  query.getColumn(2).getString(), query.getColumn(3).getString(),
                                  query.getColumn(4).getString(), query.getColumn(5).getInt()));
    }
    return out;
}

const std::vector<std::string> k_rows = {
    "durres-raid-2023 0 the durres police raid|the|the durres police raid|4",
    "durres-raid-2023 1 (shkozet)|||0",
    "durres-raid-2023 2 durres raid|durres|durres raid|2",
    "quiet 0 ...|||0",
    "quiet 1 quiet!|quiet|quiet|1",
    "river-night 0 river unrest at night|river|river unrest at night|4",
};

Store must_open(const fs::path& path)
{
    auto store = Store::open(path.string(), OpenMode::create);
    if (!store) FAIL(store.error().describe());
    return std::move(*store);
}

}  // namespace

TEST_CASE("put_event writes an event's folded names, and rewrites them when the event changes")
{
    test::TempDir dir;
    const auto path = dir / "contra.db";
    {
        Store store = must_open(path);
        for (const auto& event : k_events) REQUIRE(store.put_event(event).value());
    }
    CHECK(rows(path) == k_rows);
    {
        Store store = must_open(path);
        CHECK_FALSE(store.put_event(k_events[0]).value());  // unchanged: nothing written
        Event changed = k_events[0];
        changed.aliases = {"Shkozet raid"};
        REQUIRE(store.put_event(changed).value());
    }
    const std::vector<std::string> expected = {
        "durres-raid-2023 0 shkozet raid|shkozet|shkozet raid|2",
        "durres-raid-2023 1 durres raid|durres|durres raid|2",
        k_rows[3],
        k_rows[4],
        k_rows[5],
    };
    CHECK(rows(path) == expected);
}

TEST_CASE("put_event inside a transaction that rolls back leaves no names behind")
{
    test::TempDir dir;
    const auto path = dir / "contra.db";
    {
        Store store = must_open(path);
        auto transaction = store.begin();
        REQUIRE(transaction);
        REQUIRE(store.put_event(k_events[1]).value());
    }
    CHECK(rows(path).empty());
}

TEST_CASE("migrating a version-1 store fills event_names from the events it holds")
{
    test::TempDir dir;
    const auto path = dir / "old.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(std::string(detail::migrations()[0]));
        SQLite::Statement insert(db, "INSERT INTO events (id, title, date, place, aliases) VALUES (?, ?, ?, ?, ?)");
        for (const auto& event : k_events) {
            insert.bind(1, event.id);
            insert.bind(2, event.title);
            insert.bind(3, event.date);
            insert.bind(4, event.place);
            std::string aliases = "[";
            for (std::size_t i = 0; i < event.aliases.size(); ++i) {
                aliases += fmt::format("{}\"{}\"", i > 0 ? "," : "", event.aliases[i]);
            }
            insert.bind(5, aliases + "]");
            insert.exec();
            insert.reset();
        }
        db.exec("PRAGMA user_version = 1");
    }
    {
        Store store = must_open(path);
        // The same rows as put_event writes.
        CHECK(rows(path) == k_rows);
        CHECK(detect_event("Reports from the Durres police raid and Shkozet", store).value() == "durres-raid-2023");
        CHECK(detect_event("It was quiet! Then river unrest at night.", store).value() == "quiet");
    }
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
}

TEST_CASE("event_name_starts gives the most words of a name per first word")
{
    auto store = Store::open_in_memory();
    REQUIRE(store);
    for (const auto& event : k_events) REQUIRE(store->put_event(event).value());
    REQUIRE(store->put_event(Event{"river", "River", "", "", {"river unrest"}}).value());
    const std::vector<std::string> words = {"durres", "river", "unrest", "quiet", "the"};
    const auto starts = store->event_name_starts(words);
    REQUIRE(starts);
    const std::vector<std::pair<std::string, int>> expected = {{"durres", 2}, {"river", 4}, {"quiet", 1}, {"the", 4}};
    CHECK(*starts == expected);
}
