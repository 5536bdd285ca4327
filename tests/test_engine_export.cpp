// contra export and its import: the JSON Lines round trip keeps flag ids,
// states, times and the whole review history; bad files are refused whole.
#include "review_fixture.hpp"

#include <contra/exchange.hpp>
#include <contra/review.hpp>

#include <nlohmann/json.hpp>

using namespace contra;
using test::unwrap;

namespace {

// A store with a review history: several decisions on one flag, one on
// another, and one flag gone stale after its review.
Store reviewed_store(const test::TempDir& dir)
{
    Store store = test::durres_store(dir);
    const auto flags = unwrap(store.flags());
    REQUIRE(flags.size() >= 2);
    const auto review = [&](const Flag& flag, ReviewStatus status, std::string by, std::string note, std::string at) {
        (void)unwrap(record_review(store, ReviewRequest{flag.id, status, std::move(by), std::move(note), std::move(at)}));
    };
    review(flags[0], ReviewStatus::needs_info, "ana", "which hospital?", "2026-02-02T10:00:00Z");
    review(flags[1], ReviewStatus::confirmed, "bea", "two sources, two figures", "2026-02-02T10:05:00Z");
    review(flags[0], ReviewStatus::dismissed, "ana", "the ministry corrected itself\nlater that day", "2026-02-02T11:00:00Z");
    // The first flag goes stale; it must come back stale.
    std::vector<Flag> still;
    std::copy(flags.begin() + 1, flags.end(), std::back_inserter(still));
    const std::vector<std::string> events{flags[0].event};
    (void)unwrap(store.sync_flags(events, still, "2026-02-03T08:00:00Z"));
    return store;
}

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from < text.size()) {
        const auto end = text.find('\n', from);
        out.push_back(text.substr(from, end - from));
        from = end + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& lines)
{
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

// The export with one record rewritten by `edit`.
std::string edited(const std::string& text, std::string_view type, const std::function<void(nlohmann::json&)>& edit)
{
    auto lines = lines_of(text);
    for (auto& line : lines) {
        auto record = nlohmann::json::parse(line);
        if (record["type"] != type) continue;
        edit(record);
        line = record.dump();
        break;
    }
    return join(lines);
}

int line_of_type(const std::string& text, std::string_view type)
{
    const auto lines = lines_of(text);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (nlohmann::json::parse(lines[i])["type"] == type) return static_cast<int>(i) + 1;
    }
    return 0;
}

}  // namespace

TEST_CASE("export then import into an empty store gives back the same store")
{
    test::TempDir dir;
    Store original = reviewed_store(dir);
    const auto before = unwrap(dump_store(original));
    REQUIRE(before.reviews.size() == 3);
    const std::string text = to_jsonl(before);

    // A parsed flag's status is left open: it follows from the reviews once stored.
    const auto parsed = unwrap(parse_jsonl(text, "backup.jsonl"));
    auto expected = before;
    for (auto& flag : expected.flags) flag.status = ReviewStatus::open;
    CHECK(parsed == expected);

    Store copy = unwrap(Store::open((dir / "copy.db").string(), OpenMode::create));
    const auto stats = unwrap(load_exchange(copy, parsed));
    CHECK(stats.new_flags == static_cast<int>(before.flags.size()));
    CHECK(stats.new_reviews == 3);
    const auto after = unwrap(dump_store(copy));
    CHECK(after == before);
    CHECK(to_jsonl(after) == text);

    // The details that matter to reviewers, spelled out.
    const auto flag = unwrap(copy.flag(before.reviews[0].flag));
    REQUIRE(flag);
    CHECK(flag->state == FlagState::stale);
    CHECK(flag->status == ReviewStatus::dismissed);
    CHECK(flag->first_seen == test::k_first_run);
    const auto history = unwrap(copy.reviews(flag->id));
    REQUIRE(history.size() == 2);
    CHECK(history[1].note == "the ministry corrected itself\nlater that day");
    CHECK(history[1].at == "2026-02-02T11:00:00Z");
    CHECK(history[0].seq == before.reviews[0].seq);
}

TEST_CASE("importing an export twice changes nothing")
{
    test::TempDir dir;
    Store original = reviewed_store(dir);
    const auto exchange = unwrap(dump_store(original));
    Store copy = unwrap(Store::open((dir / "copy.db").string(), OpenMode::create));
    (void)unwrap(load_exchange(copy, exchange));
    const auto again = unwrap(load_exchange(copy, exchange));
    CHECK(again.new_claims == 0);
    CHECK(again.new_flags == 0);
    CHECK(again.new_reviews == 0);
    CHECK(unwrap(copy.all_reviews()).size() == 3);
}

TEST_CASE("export of one event keeps only what that event uses; an unknown event is refused")
{
    test::TempDir dir;
    Store store = reviewed_store(dir);
    const auto one = unwrap(dump_store(store, std::string_view("durres-raid-2023")));
    REQUIRE(one.events.size() == 1);
    CHECK(one.documents.size() == 3);
    CHECK(one.reviews.size() == 3);

    const auto unknown = dump_store(store, std::string_view("durres-raid-2032"));
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().kind == ErrorKind::bad_input);
    CHECK_THAT(unknown.error().message, Catch::Contains("no event 'durres-raid-2032'"));
    CHECK_THAT(unknown.error().message, Catch::Contains("durres-raid-2023"));
}

TEST_CASE("a bad export is refused with its file, line and column")
{
    test::TempDir dir;
    Store store = reviewed_store(dir);
    const std::string text = to_jsonl(unwrap(dump_store(store)));

    SECTION("not JSON")
    {
        auto lines = lines_of(text);
        lines[2] = R"({"type": "source", "id": oops})";
        const auto result = parse_jsonl(join(lines), "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK(result.error().where.file == "b.jsonl");
        CHECK(result.error().where.line == 3);
        CHECK(result.error().where.column == 26);  // at "oops"
    }
    SECTION("no header")
    {
        auto lines = lines_of(text);
        lines.erase(lines.begin());
        const auto result = parse_jsonl(join(lines), "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("not a contra export"));
        CHECK(result.error().where.line == 1);
    }
    SECTION("a newer format")
    {
        auto lines = lines_of(text);
        lines[0] = R"({"type": "contra-export", "version": 9})";
        const auto result = parse_jsonl(join(lines), "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("version 9"));
    }
    SECTION("an empty file")
    {
        const auto result = parse_jsonl("", "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("empty export"));
    }
    SECTION("an unknown record type")
    {
        const auto result = parse_jsonl(text + R"({"type": "verdict"})" + "\n", "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("unknown record type 'verdict'"));
        CHECK(result.error().where.line == static_cast<int>(lines_of(text).size()) + 1);
        CHECK(result.error().where.column == 2);
    }
    SECTION("an unknown review status")
    {
        const auto bad = edited(text, "review", [](auto& r) { r["status"] = "maybe"; });
        const auto result = parse_jsonl(bad, "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("unknown status 'maybe'"));
        CHECK(result.error().where.line == line_of_type(text, "review"));
    }
    SECTION("a document whose text was changed")
    {
        const auto bad = edited(text, "document", [](auto& r) { r["text"] = r["text"].template get<std::string>() + " "; });
        const auto result = parse_jsonl(bad, "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("does not hash to its id"));
        CHECK(result.error().where.line == line_of_type(text, "document"));
    }
    SECTION("a claim whose pin was moved")
    {
        const auto bad = edited(text, "claim", [](auto& r) { r["quote"] = "something else"; });
        const auto result = parse_jsonl(bad, "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("not where it is pinned"));
        CHECK(result.error().where.line == line_of_type(text, "claim"));
    }
    SECTION("a flag that links a claim the file lacks")
    {
        const auto bad = edited(text, "flag", [](auto& r) { r["claims"][0] = "c-000000000000"; });
        const auto result = parse_jsonl(bad, "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("unknown claim 'c-000000000000'"));
    }
    SECTION("a review out of log order")
    {
        const auto bad = edited(text, "review", [](auto& r) { r["seq"] = 99; });
        const auto result = parse_jsonl(bad, "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("log order"));
    }
    SECTION("a missing field")
    {
        const auto bad = edited(text, "flag", [](auto& r) { r.erase("rule"); });
        const auto result = parse_jsonl(bad, "b.jsonl");
        REQUIRE_FALSE(result);
        CHECK_THAT(result.error().message, Catch::Contains("missing field 'rule'"));
    }
}
