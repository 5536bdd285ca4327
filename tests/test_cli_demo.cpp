// The demo's end-to-end path through the real binary on the real fixtures:
// import every event, run the rules, list the flags. Goldens pin the output;
// any unexpected flag fails.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>

using namespace contra::test;

namespace {

const std::vector<std::string> k_events = {"durres-raid-2023", "harbour-square-protest-2024", "valmora-floods-2025"};

void import_fixtures(const std::string& db)
{
    for (const auto& event : k_events) {
        auto result = run_contra({"--db", db, "import", (fixtures_dir() / event / "accounts.toml").string()});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
    }
}

std::set<std::string> flag_ids(const std::string& json_text)
{
    std::set<std::string> ids;
    auto parsed = nlohmann::json::parse(json_text);  // kept alive: the loop reads into it
    for (const auto& flag : parsed["flags"]) ids.insert(flag["id"].get<std::string>());
    return ids;
}

std::filesystem::path golden(const std::string& name)
{
    return source_dir() / "tests" / "golden" / "cli" / name;
}

}  // namespace

TEST_CASE("the demo flags the fixtures' contradictions, each pinned to its words")
{
    TempDir dir;
    auto db = (dir / "demo.db").string();
    import_fixtures(db);
    auto run = run_contra({"--db", db, "run"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(check_golden(golden("run.txt"), run.out) == "");

    auto text = run_contra({"--db", db, "flags", "--quotes"});
    REQUIRE(text.exit_code == 0);
    CHECK(check_golden(golden("flags-quotes.txt"), text.out) == "");

    auto json = run_contra({"--db", db, "flags", "--format", "json"});
    REQUIRE(json.exit_code == 0);
    CHECK(check_golden(golden("flags.json"), json.out) == "");

    // Every claim of every flag leads back to exactly its quote.
    auto flags = nlohmann::json::parse(json.out)["flags"];
    REQUIRE(flags.size() > 0);
    for (const auto& flag : flags) {
        for (const auto& claim : flag["claims"]) {
            auto event = claim["event"].get<std::string>();
            auto path = fixtures_dir() / event / claim["document"]["path"].get<std::string>();
            auto bytes = read_file(path);
            auto start = claim["span"]["start"].get<std::size_t>();
            auto end = claim["span"]["end"].get<std::size_t>();
            REQUIRE(end <= bytes.size());
            CHECK(bytes.substr(start, end - start) == claim["quote"].get<std::string>());
        }
    }
}

TEST_CASE("re-running the rules and re-importing keep every flag id")
{
    TempDir dir;
    auto db = (dir / "demo.db").string();
    import_fixtures(db);
    REQUIRE(run_contra({"--db", db, "run"}).exit_code == 0);
    auto before = flag_ids(run_contra({"--db", db, "flags", "--format", "json"}).out);
    REQUIRE_FALSE(before.empty());

    import_fixtures(db);
    REQUIRE(run_contra({"--db", db, "run"}).exit_code == 0);
    CHECK(flag_ids(run_contra({"--db", db, "flags", "--format", "json"}).out) == before);

    // A fresh store gives the same ids too.
    auto fresh = (dir / "fresh.db").string();
    import_fixtures(fresh);
    REQUIRE(run_contra({"--db", fresh, "run"}).exit_code == 0);
    CHECK(flag_ids(run_contra({"--db", fresh, "flags", "--format", "json"}).out) == before);
}
