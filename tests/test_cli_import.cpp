// contra import of several files: one transaction for all of them, and
// Store::begin_or_join, the savepoint that lets each file's import be part of it.
#include "support.hpp"

#include <contra/store.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace contra;
using test::run_contra;
using test::TempDir;

namespace {

std::size_t claim_count(const std::string& db)
{
    auto store = Store::open(db, OpenMode::read_only);
    REQUIRE(store);
    auto claims = store->claims();
    REQUIRE(claims);
    return claims->size();
}

}  // namespace

TEST_CASE("contra import of several files writes all of them, or none when one is bad")
{
    TempDir dir;
    const auto db = (dir / "store.db").string();
    const auto durres = (test::fixtures_dir() / "durres-raid-2023" / "accounts.toml").string();
    const auto valmora = (test::fixtures_dir() / "valmora-floods-2025" / "accounts.toml").string();
    REQUIRE(run_contra({"init", "--db", db}).exit_code == 0);

    SECTION("a bad file after a good one leaves the store as it was, and prints no import")
    {
        const auto bad = (dir / "bad.toml").string();
        test::write_file(bad, "[[events]]\nid = \"x\"\n[[claims\n");
        const auto run = run_contra({"import", durres, bad, "--db", db});
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(run.err.find(bad + ":3:") != std::string::npos);
        CHECK(claim_count(db) == 0);
    }
    SECTION("good files are all written, and reported in the order given")
    {
        const auto run = run_contra({"import", valmora, durres, "--db", db});
        CHECK(run.exit_code == 0);
        const auto first = run.out.find("imported " + valmora);
        const auto second = run.out.find("imported " + durres);
        CHECK(first != std::string::npos);
        CHECK(second != std::string::npos);
        CHECK(first < second);
        const auto imported = claim_count(db);
        CHECK(imported > 0);
        const auto again = run_contra({"import", durres, valmora, "--db", db});
        CHECK(again.exit_code == 0);
        CHECK(again.out.find("(0 new)") != std::string::npos);
        CHECK(claim_count(db) == imported);
    }
}

TEST_CASE("begin_or_join is a savepoint inside an open transaction")
{
    auto opened = Store::open_in_memory();
    REQUIRE(opened);
    Store& store = *opened;
    const Event one{"one", "One", "2024-01-01", "", {}};
    const Event two{"two", "Two", "2024-01-02", "", {}};
    const Event three{"three", "Three", "2024-01-03", "", {}};

    auto outer = store.begin();
    REQUIRE(outer);
    REQUIRE(store.in_transaction());
    REQUIRE(store.put_event(one));
    {
        auto kept = store.begin_or_join();
        REQUIRE(kept);
        REQUIRE(store.put_event(two));
        REQUIRE(kept->commit());
    }
    {
        auto dropped = store.begin_or_join();
        REQUIRE(dropped);
        REQUIRE(store.put_event(three));
        // not committed: undoes only its own write
    }
    CHECK(store.in_transaction());
    REQUIRE(outer->commit());
    CHECK_FALSE(store.in_transaction());
    auto events = store.events();
    REQUIRE(events);
    REQUIRE(events->size() == 2);
    CHECK(events->at(0).id == "one");
    CHECK(events->at(1).id == "two");

    // With none open it is a transaction of its own.
    {
        auto own = store.begin_or_join();
        REQUIRE(own);
        CHECK(store.in_transaction());
        REQUIRE(store.put_event(three));
    }
    CHECK_FALSE(store.in_transaction());
    auto after = store.events();
    REQUIRE(after);
    CHECK(after->size() == 2);
}
