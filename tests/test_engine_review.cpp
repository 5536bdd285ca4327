// Recording review decisions: validation, the reviewer default, the note
// policy, and reviews surviving everything that re-derives flags.
#include "review_fixture.hpp"

#include <contra/review.hpp>

#include <cstdlib>

using namespace contra;
using test::unwrap;

namespace {

// The flags of the store, at least one expected.
std::vector<Flag> all_flags(const Store& store)
{
    auto flags = unwrap(store.flags());
    REQUIRE_FALSE(flags.empty());
    return flags;
}

ReviewRequest request(const std::string& flag, ReviewStatus status, std::string note = "")
{
    return ReviewRequest{flag, status, "ana", std::move(note), "2026-02-02T10:00:00Z"};
}

// Sets an environment variable for one scope, restoring it afterwards.
class EnvVar {
public:
    EnvVar(const char* name, const char* value) : m_name(name)
    {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value) ::setenv(name, value, 1);
        else ::unsetenv(name);
    }
    ~EnvVar()
    {
        if (m_old) ::setenv(m_name, m_old->c_str(), 1);
        else ::unsetenv(m_name);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

}  // namespace

TEST_CASE("a review is appended and becomes the flag's status")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto flag = all_flags(store).front();
    CHECK(flag.status == ReviewStatus::open);

    const auto first = unwrap(record_review(store, request(flag.id, ReviewStatus::needs_info, "  ask the ministry  ")));
    CHECK(first.seq > 0);
    CHECK(first.note == "ask the ministry");  // trimmed
    CHECK(first.reviewer == "ana");
    const auto second = unwrap(record_review(store, request(flag.id, ReviewStatus::dismissed, "same figure")));
    CHECK(second.seq > first.seq);

    CHECK(unwrap(store.flag(flag.id))->status == ReviewStatus::dismissed);
    const auto history = unwrap(store.reviews(flag.id));
    REQUIRE(history.size() == 2);
    CHECK(history[0].status == ReviewStatus::needs_info);
    CHECK(history[1].status == ReviewStatus::dismissed);
    CHECK(history[1].note == "same figure");
    CHECK(history[1].at == "2026-02-02T10:00:00Z");

    // Reopening is one more decision, not an erasure.
    (void)unwrap(record_review(store, request(flag.id, ReviewStatus::open)));
    CHECK(unwrap(store.flag(flag.id))->status == ReviewStatus::open);
    CHECK(unwrap(store.reviews(flag.id)).size() == 3);
}

TEST_CASE("an unknown flag is refused with the closest ids and nothing is written")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto flag = all_flags(store).front();
    std::string typo = flag.id;
    typo.back() = typo.back() == '0' ? '1' : '0';

    const auto result = record_review(store, request(typo, ReviewStatus::dismissed, "no"));
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ErrorKind::bad_input);
    CHECK_THAT(result.error().message, Catch::Contains("no flag " + typo));
    CHECK_THAT(result.error().message, Catch::Contains("did you mean"));
    CHECK_THAT(result.error().message, Catch::Contains(flag.id));
    CHECK(unwrap(store.all_reviews()).empty());
}

TEST_CASE("the note policy refuses blank notes when notes are required")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto flag = all_flags(store).front();
    const ReviewPolicy strict{true};

    for (const char* note : {"", "   \n\t"}) {
        const auto result = record_review(store, request(flag.id, ReviewStatus::dismissed, note), strict);
        REQUIRE_FALSE(result);
        CHECK(result.error().kind == ErrorKind::bad_input);
        CHECK_THAT(result.error().message, Catch::Contains("require_note"));
    }
    CHECK(unwrap(store.all_reviews()).empty());

    CHECK(record_review(store, request(flag.id, ReviewStatus::dismissed, "both say one death"), strict));
    // Without the policy a bare decision is fine.
    CHECK(record_review(store, request(flag.id, ReviewStatus::confirmed)));
    CHECK(unwrap(store.all_reviews()).size() == 2);
}

TEST_CASE("the reviewer defaults to CONTRA_USER, then the login name")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto flag = all_flags(store).front();
    auto unnamed = request(flag.id, ReviewStatus::confirmed);
    unnamed.reviewer.clear();

    {
        EnvVar user("CONTRA_USER", "checker-one");
        CHECK(default_reviewer() == "checker-one");
        CHECK(unwrap(record_review(store, unnamed)).reviewer == "checker-one");
    }
    {
        EnvVar user("CONTRA_USER", nullptr);
        EnvVar login("LOGNAME", "login-name");
        CHECK(default_reviewer() == "login-name");
        CHECK(unwrap(record_review(store, unnamed)).reviewer == "login-name");
    }
    {
        // A name given explicitly wins over the environment.
        EnvVar user("CONTRA_USER", "checker-one");
        unnamed.reviewer = "bea";
        CHECK(unwrap(record_review(store, unnamed)).reviewer == "bea");
    }
}

TEST_CASE("reviews survive re-running the rules, re-importing, and a flag going stale and coming back")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto flag = all_flags(store).front();
    (void)unwrap(record_review(store, request(flag.id, ReviewStatus::dismissed, "the figures agree")));

    // Re-run and re-import: the flag keeps its identity and its status.
    test::import_and_run(store, "2026-02-03T08:00:00Z");
    auto again = unwrap(store.flag(flag.id));
    REQUIRE(again);
    CHECK(again->status == ReviewStatus::dismissed);
    CHECK(again->last_seen == "2026-02-03T08:00:00Z");

    // A run that no longer finds it makes it stale; its history stays.
    const std::vector<std::string> events{flag.event};
    (void)unwrap(store.sync_flags(events, {}, "2026-02-04T08:00:00Z"));
    auto stale = unwrap(store.flag(flag.id));
    REQUIRE(stale);
    CHECK(stale->state == FlagState::stale);
    CHECK(stale->status == ReviewStatus::dismissed);
    CHECK(unwrap(store.reviews(flag.id)).size() == 1);

    // A stale flag can still be reviewed, and when it comes back so does its status.
    (void)unwrap(record_review(store, request(flag.id, ReviewStatus::needs_info, "check again")));
    test::import_and_run(store, "2026-02-05T08:00:00Z");
    auto back = unwrap(store.flag(flag.id));
    REQUIRE(back);
    CHECK(back->state == FlagState::active);
    CHECK(back->status == ReviewStatus::needs_info);
    CHECK(unwrap(store.reviews(flag.id)).size() == 2);
}

TEST_CASE("needs_decision is true for open and needs-info only")
{
    CHECK(needs_decision(ReviewStatus::open));
    CHECK(needs_decision(ReviewStatus::needs_info));
    CHECK_FALSE(needs_decision(ReviewStatus::confirmed));
    CHECK_FALSE(needs_decision(ReviewStatus::dismissed));
}

TEST_CASE("the review policy is read from contra.toml")
{
    test::TempDir dir;
    const auto path = (dir / "contra.toml").string();

    test::write_file(path, "db = \"contra.db\"\n[review]\nrequire_note = true\n");
    CHECK(unwrap(load_review_policy(path)).require_note);

    test::write_file(path, "db = \"contra.db\"\n");
    CHECK_FALSE(unwrap(load_review_policy(path)).require_note);

    test::write_file(path, "[review]\nrequire_note = \"yes\"\n");
    auto bad_value = load_review_policy(path);
    REQUIRE_FALSE(bad_value);
    CHECK(bad_value.error().where.file == path);
    CHECK(bad_value.error().where.line == 2);
    CHECK_THAT(bad_value.error().message, Catch::Contains("true or false"));

    test::write_file(path, "[review]\nrequire_notes = true\n");
    auto bad_key = load_review_policy(path);
    REQUIRE_FALSE(bad_key);
    CHECK(bad_key.error().where.line == 2);
    CHECK(bad_key.error().where.column == 1);
    CHECK_THAT(bad_key.error().message, Catch::Contains("valid keys: require_note"));

    test::write_file(path, "[review\n");
    auto broken = load_review_policy(path);
    REQUIRE_FALSE(broken);
    CHECK(broken.error().where.line == 1);
}
