// Bad input through the real binary: every file of tests/bad-input/ (and the
// ones too big or too odd to commit, generated here) must give one exact
// error naming file:line:col where there is one, exit 2, and leave the store
// byte for byte as it was.
#include "hardening_support.hpp"
#include "review_fixture.hpp"

#include <contra/limits.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace contra;
using test::run_contra;
using test::TempDir;

namespace fs = std::filesystem;

namespace {

fs::path corpus_file(const std::string& name)
{
    return test::source_dir() / "tests" / "bad-input" / name;
}

// Accounts of another event than the seeded store's: importing them would write.
std::string harbour_accounts()
{
    return (test::fixtures_dir() / "harbour-square-protest-2024" / "accounts.toml").string();
}

// A store holding the Durrës fixtures, their flags and one review: the
// thing bad input must not damage. Closed (and so checkpointed) on return.
std::string seeded_store(const TempDir& dir)
{
    {
        Store store = test::durres_store(dir);
        const auto flags = test::unwrap(store.flags());
        REQUIRE_FALSE(flags.empty());
        (void)test::unwrap(store.append_review(
            Review{0, flags.front().id, ReviewStatus::confirmed, "seed", "checked before the bad input", test::k_first_run}));
    }
    return (dir / "contra.db").string();
}

// The store file's bytes, and no write-ahead log left holding anything.
struct StoreBytes {
    std::string main;
    bool has_wal = false;
    friend bool operator==(const StoreBytes&, const StoreBytes&) = default;
};

StoreBytes store_bytes(const std::string& db)
{
    std::error_code ignored;
    const bool wal = fs::exists(db + "-wal") && fs::file_size(db + "-wal", ignored) > 0;
    return StoreBytes{test::read_file(db), wal};
}

void expect_error(const test::RunResult& result, const std::string& message)
{
    INFO("stdout: " << result.out);
    CHECK(result.err == "contra: error: " + message + "\n");
    CHECK(result.exit_code == 2);
}

// Copies the default attributes with one bad rule file beside them.
fs::path rules_with(const TempDir& dir, const std::string& folder, const std::string& family)
{
    const fs::path rules = dir / ("rules-" + folder);
    fs::create_directories(rules / family);
    fs::copy_file(test::rules_dir() / "attributes.toml", rules / "attributes.toml");
    for (const auto& entry : fs::directory_iterator(corpus_file(folder) / family)) {
        fs::copy_file(entry.path(), rules / family / entry.path().filename());
    }
    return rules;
}

}  // namespace

TEST_CASE("malformed accounts files are refused at file:line:col and the store is untouched")
{
    TempDir dir;
    const std::string db = seeded_store(dir);
    const StoreBytes before = store_bytes(db);

    SECTION("a file cut off inside a string")
    {
        const auto path = corpus_file("accounts-truncated.toml").string();
        expect_error(run_contra({"import", path, "--db", db}),
                     path + ":3:39: malformed TOML: Error while parsing string: unescaped control characters other than TAB "
                            "(U+0009) are explicitly prohibited");
    }
    SECTION("an array-of-tables header that is not closed")
    {
        const auto path = corpus_file("accounts-malformed.toml").string();
        expect_error(run_contra({"import", path, "--db", db}), path + ":5:11: malformed TOML: Error while parsing table header: expected ']', saw '\\n'");
    }
    SECTION("a count that is a string")
    {
        const auto path = corpus_file("accounts-wrong-type.toml").string();
        expect_error(run_contra({"import", path, "--db", db}), path + ":19:9: 'count' in [[claims]] must be an integer or a table { min, max }, not a string");
    }
    SECTION("a quote that does not occur in its document")
    {
        const auto path = corpus_file("accounts-missing-quote.toml").string();
        expect_error(run_contra({"import", path, "--db", db}), path + ":21:9: quote not found in docs/statement.txt: \"at least 40 workers were hurt\"");
    }
    CHECK(store_bytes(db) == before);
}

TEST_CASE("bad rule files stop every command that loads the rules, naming file:line:col")
{
    TempDir dir;
    const std::string db = seeded_store(dir);
    const StoreBytes before = store_bytes(db);

    SECTION("a severity that is a number")
    {
        const auto rules = rules_with(dir, "rules-wrong-type", "compare");
        const auto file = (rules / "compare" / "severity-number.toml").string();
        expect_error(run_contra({"run", "--rules", rules.string(), "--db", db}), file + ":7:12: 'severity' must be a string, not integer");
    }
    SECTION("an unknown kind lists the valid kinds")
    {
        const auto rules = rules_with(dir, "rules-unknown-kind", "compare");
        const auto file = (rules / "compare" / "misspelt-kind.toml").string();
        expect_error(run_contra({"run", "--rules", rules.string(), "--db", db}), file + ":2:8: unknown compare rule kind 'count-conflicts'; valid kinds: agent-conflict, "
                                                                   "category-conflict, count-conflict, party-only, revision, self-inconsistency");
    }
    SECTION("a rule file that is not TOML")
    {
        const auto rules = rules_with(dir, "rules-broken-toml", "draft");
        const auto file = (rules / "draft" / "unclosed-array.toml").string();
        expect_error(run_contra({"run", "--rules", rules.string(), "--db", db}), file + ":4:36: Error while parsing array: encountered end-of-file");
    }
    CHECK(store_bytes(db) == before);
}

TEST_CASE("documents that are not text are refused before anything is written")
{
    TempDir dir;
    const std::string db = seeded_store(dir);
    const StoreBytes before = store_bytes(db);

    SECTION("invalid UTF-8 is reported at its line and column")
    {
        const auto path = corpus_file("invalid-utf8.txt").string();
        expect_error(run_contra({"ingest", path, "--event", "fire", "--db", db}), path + ":1:38: invalid UTF-8 at byte offset 37");
    }
    SECTION("a binary file")
    {
        const auto path = corpus_file("binary.bin").string();
        expect_error(run_contra({"ingest", path, "--event", "fire", "--db", db}), path + ": file is binary, not text");
    }
    SECTION("an empty file")
    {
        const auto path = corpus_file("empty.txt").string();
        expect_error(run_contra({"ingest", path, "--event", "fire", "--db", db}), path + ": file is empty");
    }
    SECTION("a good file after a bad one: nothing of either is stored")
    {
        const auto good = (dir / "good.txt").string();
        test::write_file(good, "The council said 12 people were hurt in the fire.\n");
        const auto bad = corpus_file("binary.bin").string();
        expect_error(run_contra({"ingest", good, bad, "--event", "fire", "--db", db}),
                     bad + ": file is binary, not text");
    }
    CHECK(store_bytes(db) == before);
}

TEST_CASE("a 200 MB single-line file is refused at the size limit without being held in memory")
{
    TempDir dir;
    const std::string db = seeded_store(dir);
    const StoreBytes before = store_bytes(db);
    const fs::path huge = dir / "huge.txt";
    {
        std::ofstream out(huge, std::ios::binary);
        const std::string chunk(1 << 20, 'x');
        for (int i = 0; i < 200; ++i) out << chunk;
        out << '\n';
    }
    const std::string limit = fmt::format(": file is larger than the {} MiB limit", k_max_document_bytes >> 20);
    expect_error(run_contra({"ingest", huge.string(), "--event", "huge", "--db", db}), huge.string() + limit);
    const fs::path draft = dir / "huge.md";
    fs::rename(huge, draft);
    expect_error(run_contra({"check", draft.string(), "--db", db}), draft.string() + limit);
    CHECK(store_bytes(db) == before);
#ifndef __SANITIZE_ADDRESS__
    // The file is refused by its size, unread: no child comes near the
    // file's 200 MB, nor the limit's 64 MiB (AddressSanitizer's own memory
    // would blur this, so it is not measured there).
    CHECK(test::max_child_rss_kib() < 64 * 1024);
#endif
}

TEST_CASE("deeply nested Markdown is read without exhausting the stack")
{
    TempDir dir;
    const std::string db = seeded_store(dir);
    const fs::path draft = dir / "deep.md";
    std::string text = "---\nevent: durres-raid-2023\n---\n\n";
    for (int i = 0; i < 20000; ++i) text += "> ";
    text += "Police said one man died.\n\n";
    for (int i = 0; i < 300; ++i) text += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- level\n";
    text += "\n" + std::string(20000, '[') + "link" + std::string(20000, ']') + "\n";
    text += std::string(20000, '*') + "emphasis" + std::string(20000, '*') + "\n";
    test::write_file(draft, text);
    const auto checked = run_contra({"check", draft.string(), "--db", db});
    INFO(checked.err);
    CHECK((checked.exit_code == 0 || checked.exit_code == 1));
    const auto ingested = run_contra({"ingest", draft.string(), "--event", "durres-raid-2023", "--db", db});
    INFO(ingested.err);
    CHECK(ingested.exit_code == 0);
    CHECK(run_contra({"verify", "--db", db}).exit_code == 0);
}

TEST_CASE("a quote that occurs a thousand times must be pinned with a prefix or suffix")
{
    TempDir dir;
    const std::string db = seeded_store(dir);
    const StoreBytes before = store_bytes(db);
    std::string document;
    for (int i = 0; i < 1000; ++i) document += "The ministry said 3 officers were injured. ";
    test::write_file(dir / "docs" / "repeated.txt", document + "\n");
    const std::string accounts = (dir / "repeated.toml").string();
    test::write_file(accounts, "[[events]]\nid = \"repeat\"\ntitle = \"Repeated\"\n\n"
                               "[[sources]]\nid = \"ministry\"\nname = \"Ministry\"\n\n"
                               "[[documents]]\nid = \"doc\"\npath = \"docs/repeated.txt\"\n\n"
                               "[[claims]]\nsource = \"ministry\"\ndocument = \"doc\"\nattribute = \"injuries\"\n"
                               "count = { min = 3, max = 3 }\nwording = \"3\"\n"
                               "quote = \"3 officers were injured\"\n");
    expect_error(run_contra({"import", accounts, "--db", db}),
                 accounts + ":19:9: quote occurs 1000 times in docs/repeated.txt; add a prefix or suffix");
    CHECK(store_bytes(db) == before);
    // Extraction pins each of the thousand sentences to its own span.
    const auto ingested = run_contra({"ingest", (dir / "docs" / "repeated.txt").string(), "--event", "repeat",
                                      "--db", db});
    INFO(ingested.err);
    CHECK(ingested.exit_code == 0);
    CHECK(run_contra({"verify", "--db", db}).exit_code == 0);
}

TEST_CASE("stores that cannot be used are refused and left as they were")
{
    TempDir dir;
    const auto accounts = test::durres_accounts();

    SECTION("a file that is not SQLite")
    {
        const auto db = (dir / "not-a-store.db").string();
        fs::copy_file(corpus_file("not-a-store.db"), db);
        const StoreBytes before = store_bytes(db);
        expect_error(run_contra({"import", accounts, "--db", db}),
                     fmt::format("file is not a database: {} (not a SQLite store)", db));
        expect_error(run_contra({"verify", "--db", db}),
                     fmt::format("file is not a database: {} (not a SQLite store)", db));
        CHECK(store_bytes(db) == before);
    }
    SECTION("a store from a newer contra")
    {
        const std::string db = seeded_store(dir);
        {
            SQLite::Database raw(db, SQLite::OPEN_READWRITE);
            raw.exec("PRAGMA user_version = 99");
        }
        const StoreBytes before = store_bytes(db);
        const std::string message = fmt::format(
            "store {} has schema version 99, newer than version {} that this contra understands; use a newer contra",
            db, Store::k_schema_version);
        expect_error(run_contra({"import", accounts, "--db", db}), message);
        expect_error(run_contra({"flags", "--db", db}), message);
        CHECK(store_bytes(db) == before);
    }
    SECTION("a read-only store file")
    {
        const std::string db = seeded_store(dir);
        fs::permissions(dir.path(), fs::perms::all);
        fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        const StoreBytes before = store_bytes(db);
        const auto result = test::run_contra_as(test::Privilege::unprivileged,
                                                {"import", harbour_accounts(), "--db", db},
                                                dir.path());
        expect_error(result, fmt::format("store is read-only: {} (attempt to write a readonly database)", db));
        CHECK(store_bytes(db) == before);
    }
    SECTION("a store that another process is writing to")
    {
        const std::string db = seeded_store(dir);
        SQLite::Database holder(db, SQLite::OPEN_READWRITE);
        holder.exec("BEGIN IMMEDIATE");
        const test::ScopedEnv timeout("CONTRA_BUSY_TIMEOUT_MS", "50");
        expect_error(run_contra({"import", harbour_accounts(), "--db", db}),
                     fmt::format("store is locked by another writer: {}", db));
        holder.exec("ROLLBACK");
    }
}

TEST_CASE("a full store (a size limit standing in for a full disk) fails whole and keeps what it had")
{
    TempDir dir;
    const std::string db = seeded_store(dir);
    const auto export_before = run_contra({"export", "--db", db});
    REQUIRE(export_before.exit_code == 0);
    const StoreBytes before = store_bytes(db);
    {
        // No room for one more page: SQLite never lowers the limit below the
        // store's size, so 1 means "as big as it is now".
        const test::ScopedEnv limit("CONTRA_MAX_PAGE_COUNT", "1");
        expect_error(run_contra({"import", harbour_accounts(), "--db", db}),
                     fmt::format("store is full: {} (the disk or the store's size limit is reached; "
                                 "nothing of this command was written)",
                                 db));
    }
    CHECK(store_bytes(db) == before);
    const auto export_after = run_contra({"export", "--db", db});
    CHECK(export_after.out == export_before.out);
    CHECK(run_contra({"verify", "--db", db}).exit_code == 0);
}
