// The store file itself: what it refuses to open, migrations, the
// append-only review log as the schema enforces it, locking and concurrency.
#include "support.hpp"

#include <contra/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <fmt/core.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <set>
#include <string>
#include <vector>

using namespace contra;
namespace fs = std::filesystem;

namespace {

const std::string k_event = "market-fire-2024";

// A store with one event and one flag (no claims needed for a flag).
void seed(Store& store, const std::string& flag_id = "F-0000abcd")
{
    REQUIRE(store.put_event(Event{k_event, "Market fire", "2024-06-01", "Old town", {}}).value());
    Flag flag;
    flag.id = flag_id;
    flag.rule = "party-only-casualties";
    flag.kind = "party-only";
    flag.event = k_event;
    flag.attribute = "deaths";
    flag.message = "only the council speaks of deaths";
    const std::vector<std::string> events{k_event};
    REQUIRE(store.sync_flags(events, std::vector<Flag>{flag}, "2024-06-02T08:00:00Z"));
}

Store must_open(const fs::path& path, OpenMode mode)
{
    auto store = Store::open(path.string(), mode);
    if (!store) FAIL(store.error().describe());
    return std::move(*store);
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// Sets an environment variable for one scope.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) { ::setenv(name, value, 1); }
    ~ScopedEnv() { ::unsetenv(m_name); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
};

}  // namespace

TEST_CASE("a file that is not a SQLite database is refused and left untouched")
{
    test::TempDir dir;
    const auto path = dir / "notes.db";
    const std::string contents = "These are my notes about the market fire.\nNot a database at all.\n";
    test::write_file(path, contents);
    for (auto mode : {OpenMode::create, OpenMode::existing, OpenMode::read_only}) {
        auto store = Store::open(path.string(), mode);
        REQUIRE_FALSE(store);
        CHECK(store.error().kind == ErrorKind::bad_input);
        CHECK(contains(store.error().message, "file is not a database"));
        CHECK(contains(store.error().message, path.string()));
    }
    CHECK(test::read_file(path) == contents);
    CHECK_FALSE(fs::exists(dir / "notes.db-wal"));
    CHECK_FALSE(fs::exists(dir / "notes.db-shm"));
}

TEST_CASE("a file with a SQLite header but garbage after it is refused without a crash")
{
    test::TempDir dir;
    const auto path = dir / "broken.db";
    std::string contents("SQLite format 3\0", 16);
    contents += std::string(200, '\x7f');
    test::write_file(path, contents);
    auto store = Store::open(path.string(), OpenMode::existing);
    REQUIRE_FALSE(store);
    CHECK(store.error().kind == ErrorKind::bad_input);
    CHECK(contains(store.error().message, path.string()));
    CHECK(test::read_file(path) == contents);
}

TEST_CASE("a store from a newer contra is refused, naming the file and both versions")
{
    test::TempDir dir;
    const auto path = dir / "future.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE things (x); PRAGMA user_version = 99");
    }
    const std::string before = test::read_file(path);
    for (auto mode : {OpenMode::create, OpenMode::existing, OpenMode::read_only}) {
        auto store = Store::open(path.string(), mode);
        REQUIRE_FALSE(store);
        CHECK(store.error().kind == ErrorKind::bad_input);
        CHECK(store.error().message ==
              fmt::format("store {} has schema version 99, newer than version {} that this contra "
                          "understands; use a newer contra",
                          path.string(), Store::k_schema_version));
    }
    CHECK(test::read_file(path) == before);
}

TEST_CASE("a missing store is created only in create mode")
{
    test::TempDir dir;
    const auto path = dir / "new.db";
    for (auto mode : {OpenMode::existing, OpenMode::read_only}) {
        auto store = Store::open(path.string(), mode);
        REQUIRE_FALSE(store);
        CHECK(store.error().kind == ErrorKind::bad_input);
        CHECK(contains(store.error().message, "no store at " + path.string()));
        CHECK_FALSE(fs::exists(path));
    }
    auto store = must_open(path, OpenMode::create);
    CHECK(fs::exists(path));
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("an empty file and a version-0 database are migrated to the current schema")
{
    test::TempDir dir;
    SECTION("an empty file")
    {
        const auto path = dir / "empty.db";
        test::write_file(path, "");
        {
            auto store = must_open(path, OpenMode::existing);
            seed(store);
        }
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
        CHECK(raw.execAndGet("SELECT count(*) FROM flags").getInt() == 1);
    }
    SECTION("a database at version 0 with a table of its own")
    {
        const auto path = dir / "old.db";
        {
            SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
        }
        SECTION("read-only refuses it, untouched")
        {
            const std::string before = test::read_file(path);
            auto store = Store::open(path.string(), OpenMode::read_only);
            REQUIRE_FALSE(store);
            CHECK(contains(store.error().message, "needs migrating to version"));
            CHECK(test::read_file(path) == before);
        }
        SECTION("existing migrates it, keeping what was there")
        {
            {
                auto store = must_open(path, OpenMode::existing);
                seed(store);
            }
            auto store = must_open(path, OpenMode::read_only);
            CHECK(store.flags().value().size() == 1);
            SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
            CHECK(raw.execAndGet("PRAGMA user_version").getInt() == Store::k_schema_version);
            CHECK(raw.execAndGet("SELECT body FROM notes").getString() == "keep me");
        }
    }
}

TEST_CASE("reopening a current store does not migrate it again")
{
    test::TempDir dir;
    const auto path = dir / "contra.db";
    {
        auto store = must_open(path, OpenMode::create);
        seed(store);
    }
    auto store = must_open(path, OpenMode::create);
    CHECK(store.flags().value().size() == 1);
}

TEST_CASE("the schema itself refuses UPDATE and DELETE on reviews")
{
    test::TempDir dir;
    const auto path = dir / "contra.db";
    {
        auto store = must_open(path, OpenMode::create);
        seed(store);
        REQUIRE(store.append_review(Review{0, "F-0000abcd", ReviewStatus::confirmed, "ana", "seen it", "t1"}));
    }
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    try {
        raw.exec("UPDATE reviews SET status = 'dismissed'");
        FAIL("UPDATE on reviews went through");
    } catch (const SQLite::Exception& error) {
        CHECK(contains(error.what(), "append-only"));
    }
    try {
        raw.exec("DELETE FROM reviews");
        FAIL("DELETE on reviews went through");
    } catch (const SQLite::Exception& error) {
        CHECK(contains(error.what(), "append-only"));
    }
    // Nor can a reviewed flag be deleted from under its reviews.
    raw.exec("PRAGMA foreign_keys = ON");
    CHECK_THROWS_AS(raw.exec("DELETE FROM flags"), SQLite::Exception);

    auto store = must_open(path, OpenMode::read_only);
    auto reviews = store.reviews("F-0000abcd").value();
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].status == ReviewStatus::confirmed);
    CHECK(store.flag("F-0000abcd").value()->status == ReviewStatus::confirmed);
}

TEST_CASE("a store locked by another writer fails clearly after the busy timeout")
{
    ScopedEnv timeout("CONTRA_BUSY_TIMEOUT_MS", "200");
    test::TempDir dir;
    const auto path = dir / "contra.db";
    auto holder = must_open(path, OpenMode::create);
    seed(holder);
    auto other = must_open(path, OpenMode::existing);
    const std::string locked = "store is locked by another writer: " + path.string();
    {
        auto transaction = holder.begin();
        REQUIRE(transaction);
        REQUIRE(holder.put_event(Event{"held", "", "", "", {}}).value());

        auto put = other.put_event(Event{"blocked", "", "", "", {}});
        REQUIRE_FALSE(put);
        CHECK(put.error().kind == ErrorKind::bad_input);
        CHECK(put.error().message == locked);
        auto begun = other.begin();
        REQUIRE_FALSE(begun);
        CHECK(begun.error().message == locked);
        auto review = other.append_review(Review{0, "F-0000abcd", ReviewStatus::dismissed, "ben", "", "t2"});
        REQUIRE_FALSE(review);
        CHECK(review.error().message == locked);

        // Readers are not blocked by a writer (WAL), and do not see its
        // uncommitted work.
        auto reader = must_open(path, OpenMode::read_only);
        CHECK(reader.events().value().size() == 1);
    }
    // The holder's transaction was dropped: the other store can write now.
    CHECK(other.put_event(Event{"after", "", "", "", {}}).value());
    CHECK_FALSE(other.event("held").value().has_value());
    REQUIRE(other.append_review(Review{0, "F-0000abcd", ReviewStatus::dismissed, "ben", "", "t2"}));
}

TEST_CASE("two processes appending reviews at the same moment are both recorded")
{
    test::TempDir dir;
    const auto path = dir / "contra.db";
    {
        auto store = must_open(path, OpenMode::create);
        seed(store);
    }
    constexpr int k_per_process = 40;
    std::vector<pid_t> children;
    for (const char* reviewer : {"ana", "ben"}) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            // The child opens its own connection and never returns to Catch.
            int failures = 0;
            auto store = Store::open(path.string(), OpenMode::existing);
            if (!store) ::_exit(2);
            for (int i = 0; i < k_per_process; ++i) {
                Review review{0, "F-0000abcd", ReviewStatus::needs_info, reviewer, std::to_string(i), "t"};
                if (!store->append_review(review)) ++failures;
            }
            ::_exit(failures == 0 ? 0 : 1);
        }
        children.push_back(pid);
    }
    for (pid_t pid : children) {
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    auto store = must_open(path, OpenMode::read_only);
    auto reviews = store.reviews("F-0000abcd").value();
    REQUIRE(reviews.size() == 2 * k_per_process);
    std::set<std::int64_t> seqs;
    std::map<std::string, int> next_note;
    for (const auto& review : reviews) {
        seqs.insert(review.seq);
        // Each process's reviews appear in the order it wrote them.
        CHECK(review.note == std::to_string(next_note[review.reviewer]++));
    }
    CHECK(seqs.size() == reviews.size());
    CHECK(next_note["ana"] == k_per_process);
    CHECK(next_note["ben"] == k_per_process);
}

TEST_CASE("version 3 drops the flags indexes on severity, rule and state, keeping every flag")
{
    test::TempDir dir;
    const auto path = dir / "v2.db";
    const auto flag_indexes = [&] {
        SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
        SQLite::Statement query(raw, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flags' "
                                     "AND sql IS NOT NULL ORDER BY name");
        std::vector<std::string> names;
        while (query.executeStep()) names.push_back(query.getColumn(0).getString());
        return names;
    };
    {
        auto store = must_open(path, OpenMode::create);
        seed(store);
    }
    CHECK(flag_indexes() == std::vector<std::string>{"flags_by_id"});
    {
        // The store as version 2 left it.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("CREATE INDEX flags_by_severity ON flags(severity); CREATE INDEX flags_by_rule ON flags(rule); "
                 "CREATE INDEX flags_by_state ON flags(state); PRAGMA user_version = 2");
    }
    CHECK(flag_indexes().size() == 4);
    {
        auto store = must_open(path, OpenMode::existing);
        CHECK(store.flags().value().size() == 1);
    }
    CHECK(flag_indexes() == std::vector<std::string>{"flags_by_id"});
    SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 3);
}
