// contra extract and contra ingest through the binary; ingest then run raises
// the responsibility flag from extracted claims alone.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace contra::test;

namespace {

std::string document(const std::string& name)
{
    return (fixtures_dir() / "durres-raid-2023" / "documents" / name).string();
}

}  // namespace

TEST_CASE("contra extract --format json prints the document and its pinned claims")
{
    TempDir dir;
    const RunResult result = run_contra({"extract", document("ncri-statement.txt"), "--event", "durres-raid-2023",
                                         "--format", "json"}, dir.path());
    REQUIRE(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    CHECK(json["document"]["path"] == document("ncri-statement.txt"));
    bool implied = false;
    for (const auto& claim : json["claims"]) {
        CHECK(claim["event"] == "durres-raid-2023");
        CHECK(claim["origin"].get<std::string>().starts_with("extracted:"));
        if (claim["attribute"] == "responsibility" && claim["polarity"] == "implied") {
            implied = true;
            CHECK(claim["value"]["agent"] == "police");
            CHECK(claim["source"]["id"] == "national-council-of-resistance-of-iran");
        }
    }
    CHECK(implied);
    // Nothing was stored.
    CHECK_FALSE(std::filesystem::exists(dir / "contra.db"));
}

TEST_CASE("contra extract names the byte offset of invalid UTF-8 and exits 2")
{
    TempDir dir;
    write_file(dir / "bad.txt", "One man died.\n\xC3(");
    const RunResult result = run_contra({"extract", (dir / "bad.txt").string()}, dir.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("byte offset 14") != std::string::npos);
}

TEST_CASE("contra ingest stores claims idempotently and contra run flags the responsibility conflict")
{
    TempDir dir;
    const std::string db = (dir / "store.db").string();
    RunResult ingest = run_contra({"ingest", document("interior-ministry-statement.txt"), document("ncri-statement.txt"),
                                   "--event", "durres-raid-2023", "--published", "2023-06-20", "--db", db},
                                  dir.path());
    REQUIRE(ingest.exit_code == 0);
    CHECK(ingest.out.find("ingested") != std::string::npos);

    RunResult again = run_contra({"ingest", document("ncri-statement.txt"), "--event", "durres-raid-2023",
                                  "--published", "2023-06-20", "--db", db},
                                 dir.path());
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.find("(0 new), document already stored") != std::string::npos);

    RunResult run = run_contra({"run", "--db", db}, dir.path());
    REQUIRE(run.exit_code <= 1);
    RunResult flags = run_contra({"flags", "--format", "json", "--db", db}, dir.path());
    REQUIRE(flags.exit_code <= 1);
    const auto json = nlohmann::json::parse(flags.out);
    bool agent_conflict = false;
    for (const auto& flag : json["flags"]) {
        if (flag["kind"] != "agent-conflict") continue;
        agent_conflict = true;
        for (const auto& claim : flag["claims"]) CHECK(claim["origin"].get<std::string>().starts_with("extracted:"));
    }
    CHECK(agent_conflict);
}
