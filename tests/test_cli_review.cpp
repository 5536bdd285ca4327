// The fact-checker's loop through the real binary, on the Durrës fixtures:
// list, show, review, re-run, verify, export and import back; bad input;
// two reviewers writing to one store at once.
#include "review_fixture.hpp"

#include <nlohmann/json.hpp>
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <thread>

using namespace contra;
using test::run_contra;
using test::unwrap;

namespace {

// A store file with the Durrës flags raised; its path.
std::string seeded(const test::TempDir& dir)
{
    (void)test::durres_store(dir);
    return (dir / "contra.db").string();
}

nlohmann::json json_of(const test::RunResult& result)
{
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return nlohmann::json::parse(result.out);
}

std::vector<std::string> flag_ids(const nlohmann::json& listing)
{
    std::vector<std::string> ids;
    for (const auto& flag : listing["flags"]) ids.push_back(flag["id"].get<std::string>());
    return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id)
{
    return std::ranges::find(ids, id) != ids.end();
}

// Everything the store holds, for "store unchanged" checks.
std::string exported(const std::string& db)
{
    const auto result = run_contra({"export", "--db", db});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result.out;
}

}  // namespace

TEST_CASE("on the Durrës fixtures a fact-checker lists, reads, dismisses, re-runs and still sees the decision")
{
    test::TempDir dir;
    const auto db = (dir / "contra.db").string();
    const auto accounts = test::durres_accounts();
    REQUIRE(run_contra({"import", accounts, "--db", db}).exit_code == 0);
    const auto first_run = run_contra({"run", "--db", db});
    INFO(first_run.err);
    REQUIRE(first_run.exit_code == 0);

    // The open flags, most severe first.
    const auto open = json_of(run_contra({"flags", "--db", db, "--format", "json"}));
    REQUIRE_FALSE(open["flags"].empty());
    std::vector<int> severities;
    for (const auto& flag : open["flags"]) {
        CHECK(flag["status"] == "open");
        const std::string severity = flag["severity"];
        severities.push_back(severity == "error" ? 2 : severity == "warning" ? 1 : 0);
    }
    CHECK(std::ranges::is_sorted(severities, std::greater<>()));
    const std::string id = open["flags"][0]["id"];

    // One flag with its quotes in context.
    const auto shown = run_contra({"show", id, "--db", db});
    REQUIRE(shown.exit_code == 0);
    CHECK_THAT(shown.out, Catch::Contains(id));
    CHECK_THAT(shown.out, Catch::Contains("review history: none"));
    const auto claim_quote = open["flags"][0]["claims"][0]["quote"].get<std::string>();
    CHECK_THAT(shown.out, Catch::Contains(claim_quote.substr(0, 20)));

    // Dismiss it with a note.
    const auto reviewed = run_contra({"review", id, "dismissed", "--note", "both figures count the same man",
                                      "--by", "ana", "--db", db, "--now", "2026-03-01T12:00:00Z"});
    INFO(reviewed.err);
    REQUIRE(reviewed.exit_code == 0);
    CHECK_THAT(reviewed.out, Catch::Contains(id + ": dismissed by ana"));

    // Re-run the rules: still dismissed, with the note.
    REQUIRE(run_contra({"run", "--db", db, "--now", "2026-03-02T08:00:00Z"}).exit_code == 0);
    REQUIRE(run_contra({"import", accounts, "--db", db}).exit_code == 0);
    REQUIRE(run_contra({"run", "--db", db, "--now", "2026-03-02T09:00:00Z"}).exit_code == 0);
    const auto again = run_contra({"show", id, "--db", db});
    REQUIRE(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::Contains("status dismissed"));
    CHECK_THAT(again.out, Catch::Contains("2026-03-01T12:00:00Z  dismissed  by ana: both figures count the same man"));

    // The default listing is what still needs a decision; --status finds the rest.
    CHECK_FALSE(contains(flag_ids(json_of(run_contra({"flags", "--db", db, "--format", "json"}))), id));
    CHECK(contains(flag_ids(json_of(run_contra({"flags", "--db", db, "--format", "json", "--status", "dismissed"}))), id));
    CHECK(contains(flag_ids(json_of(run_contra({"flags", "--db", db, "--format", "json", "--status", "all"}))), id));
    CHECK_FALSE(contains(flag_ids(json_of(run_contra({"flags", "--db", db, "--format", "json", "--status", "open"}))), id));

    // needs-info still needs a decision, so it is listed by default again.
    REQUIRE(run_contra({"review", id, "needs-info", "--by", "bea", "--db", db}).exit_code == 0);
    CHECK(contains(flag_ids(json_of(run_contra({"flags", "--db", db, "--format", "json"}))), id));
    const auto history = json_of(run_contra({"show", id, "--db", db, "--format", "json"}))["reviews"];
    REQUIRE(history.size() == 2);
    CHECK(history[1]["reviewer"] == "bea");
    CHECK(history[1]["at"] == "2026-01-01T00:00:00Z");  // CONTRA_NOW, as run_contra sets it
}

TEST_CASE("the reviewer defaults to CONTRA_USER")
{
    test::TempDir dir;
    const auto db = seeded(dir);
    const std::string id = unwrap(unwrap(Store::open(db, OpenMode::read_only)).flags()).front().id;
    ::setenv("CONTRA_USER", "desk-editor", 1);
    const auto result = run_contra({"review", id, "confirmed", "--db", db});
    ::unsetenv("CONTRA_USER");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("confirmed by desk-editor"));
}

TEST_CASE("bad review input is refused with exit 2 and leaves the store unchanged")
{
    test::TempDir dir;
    const auto db = seeded(dir);
    const std::string id = unwrap(unwrap(Store::open(db, OpenMode::read_only)).flags()).front().id;
    const auto before = exported(db);

    SECTION("an unknown flag names the closest ids")
    {
        std::string typo = id;
        typo.back() = typo.back() == 'a' ? 'b' : 'a';
        const auto result = run_contra({"review", typo, "dismissed", "--by", "ana", "--db", db});
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("no flag " + typo));
        CHECK_THAT(result.err, Catch::Contains("did you mean " + id));
    }
    SECTION("an unknown status lists the valid ones")
    {
        const auto result = run_contra({"review", id, "rejected", "--by", "ana", "--db", db});
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("unknown value 'rejected'"));
        CHECK_THAT(result.err, Catch::Contains("needs-info"));
    }
    SECTION("an empty note where contra.toml requires one")
    {
        test::write_file(dir / "contra.toml", "db = \"contra.db\"\n\n[review]\nrequire_note = true\n");
        const auto bare = run_contra({"review", id, "dismissed", "--by", "ana"}, dir.path());
        CHECK(bare.exit_code == 2);
        CHECK_THAT(bare.err, Catch::Contains("a note is required"));
        const auto blank = run_contra({"review", id, "dismissed", "--by", "ana", "--note", "  "}, dir.path());
        CHECK(blank.exit_code == 2);
    }
    SECTION("a broken review policy names its place")
    {
        test::write_file(dir / "contra.toml", "db = \"contra.db\"\n[review]\nrequire_note = 1\n");
        const auto result = run_contra({"review", id, "dismissed", "--by", "ana", "--note", "x"}, dir.path());
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("contra.toml:3:"));
    }
    SECTION("an unknown event")
    {
        const auto result = run_contra({"flags", "--event", "durres-raid-2022", "--db", db});
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("no event 'durres-raid-2022'"));
        const auto exported_one = run_contra({"export", "--event", "durres-raid-2022", "--db", db});
        CHECK(exported_one.exit_code == 2);
        CHECK(exported_one.out.empty());
    }
    SECTION("an unwritable output path")
    {
        const auto target = (dir / "no-such-folder" / "backup.jsonl").string();
        const auto result = run_contra({"export", "--output", target, "--db", db});
        CHECK(result.exit_code == 2);
        CHECK_THAT(result.err, Catch::Contains("cannot write " + target));
        CHECK_FALSE(std::filesystem::exists(target));
    }
    CHECK(exported(db) == before);
}

TEST_CASE("two reviewers writing to one store at the same moment are both recorded")
{
    test::TempDir dir;
    const auto db = seeded(dir);
    const auto flags = unwrap(unwrap(Store::open(db, OpenMode::read_only)).flags());
    REQUIRE(flags.size() >= 2);
    constexpr int k_rounds = 6;
    std::vector<int> exits_a, exits_b;
    const auto reviewer = [&](const std::string& flag, const std::string& name, std::vector<int>& exits) {
        for (int i = 0; i < k_rounds; ++i) {
            const auto status = i % 2 == 0 ? "needs-info" : "confirmed";
            exits.push_back(run_contra({"review", flag, status, "--by", name, "--note", name + " round " +
                                        std::to_string(i), "--db", db}).exit_code);
        }
    };
    // Both reviewers work on the same flag and on one of their own.
    std::thread a([&] { reviewer(flags[0].id, "ana", exits_a); });
    std::thread b([&] { reviewer(flags[0].id, "bea", exits_b); });
    a.join();
    b.join();
    CHECK(exits_a == std::vector<int>(k_rounds, 0));
    CHECK(exits_b == std::vector<int>(k_rounds, 0));

    Store store = unwrap(Store::open(db, OpenMode::read_only));
    const auto history = unwrap(store.reviews(flags[0].id));
    REQUIRE(history.size() == 2 * k_rounds);
    int by_ana = 0, by_bea = 0;
    for (const auto& review : history) (review.reviewer == "ana" ? by_ana : by_bea) += 1;
    CHECK(by_ana == k_rounds);
    CHECK(by_bea == k_rounds);
    for (std::size_t i = 1; i < history.size(); ++i) CHECK(history[i].seq > history[i - 1].seq);
}

TEST_CASE("contra verify passes on the demo store and catches tampering")
{
    test::TempDir dir;
    const auto db = seeded(dir);
    const auto clean = run_contra({"verify", "--db", db});
    INFO(clean.out << clean.err);
    CHECK(clean.exit_code == 0);
    CHECK_THAT(clean.out, Catch::Contains("no problems"));

    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE);
        raw.exec("UPDATE documents SET text = replace(text, 'police', 'polite') "
                 "WHERE sha256 = (SELECT sha256 FROM documents ORDER BY sha256 LIMIT 1)");
        raw.exec("UPDATE claims SET span_start = span_start + 1 WHERE id = (SELECT id FROM claims ORDER BY id DESC LIMIT 1)");
    }
    const auto tampered = run_contra({"verify", "--db", db});
    CHECK(tampered.exit_code == 1);
    CHECK_THAT(tampered.out, Catch::Contains("document-hash: document"));
    CHECK_THAT(tampered.out, Catch::Contains("orphaned-quote: claim"));
    CHECK_THAT(tampered.out, Catch::Contains("problems"));
}

TEST_CASE("export and import into an empty store keep flag ids and every review")
{
    test::TempDir dir;
    const auto db = seeded(dir);
    const auto flags = unwrap(unwrap(Store::open(db, OpenMode::read_only)).flags());
    REQUIRE(run_contra({"review", flags[0].id, "dismissed", "--by", "ana", "--note", "duplicate", "--db", db,
                        "--now", "2026-03-01T10:00:00Z"}).exit_code == 0);
    REQUIRE(run_contra({"review", flags[0].id, "open", "--by", "bea", "--note", "reopened: new source", "--db",
                        db, "--now", "2026-03-01T11:00:00Z"}).exit_code == 0);
    REQUIRE(run_contra({"review", flags.back().id, "confirmed", "--by", "ana", "--db", db}).exit_code == 0);

    const auto backup = (dir / "backup.jsonl").string();
    const auto exported_file = run_contra({"export", "-o", backup, "--db", db});
    INFO(exported_file.err);
    REQUIRE(exported_file.exit_code == 0);

    const auto copy = (dir / "copy.db").string();
    const auto imported = run_contra({"import", backup, "--db", copy});
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.out, Catch::Contains("3 reviews (3 new)"));

    const std::vector<std::string> all{"flags", "--format", "json", "--status", "all", "--state", "all"};
    auto with = [](std::vector<std::string> args, const std::string& store) {
        args.insert(args.end(), {"--db", store});
        return args;
    };
    CHECK(json_of(run_contra(with(all, copy))) == json_of(run_contra(with(all, db))));
    for (const auto& flag : flags) {
        const std::vector<std::string> show{"show", flag.id, "--format", "json"};
        CHECK(json_of(run_contra(with(show, copy)))["reviews"] == json_of(run_contra(with(show, db)))["reviews"]);
    }
    CHECK(test::read_file(backup) == exported(copy));
    CHECK(run_contra({"verify", "--db", copy}).exit_code == 0);
}
