// contra verify's checks, on a real store file tampered with raw SQL.
#include "review_fixture.hpp"

#include <contra/hash.hpp>
#include <contra/verify.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/core.h>

#include <algorithm>

using namespace contra;
using test::unwrap;

namespace {

// A second connection to the store file, as an outsider would open it.
SQLite::Database raw(const test::TempDir& dir)
{
    return SQLite::Database((dir / "contra.db").string(), SQLite::OPEN_READWRITE);
}

// Runs one statement with ?1 bound to `id`; the number of rows it changed.
int tamper(const test::TempDir& dir, const std::string& sql, const std::string& id)
{
    auto db = raw(dir);
    SQLite::Statement statement(db, sql);
    statement.bind(1, id);
    return statement.exec();
}

std::vector<VerifyProblem> of_kind(const VerifyReport& report, ProblemKind kind)
{
    std::vector<VerifyProblem> out;
    std::ranges::copy_if(report.problems, std::back_inserter(out),
                         [kind](const VerifyProblem& p) { return p.kind == kind; });
    return out;
}

std::string describe(const VerifyReport& report)
{
    std::string out;
    for (const auto& problem : report.problems) out += std::string(to_string(problem.kind)) + ": " + problem.message + "\n";
    return out;
}

Claim pinned(std::string_view text, std::string_view quote, std::size_t context)
{
    Claim claim;
    const auto start = text.find(quote);
    REQUIRE(start != std::string_view::npos);
    claim.span = Span{start, start + quote.size(), 0, 0};  // position unknown: not checked
    claim.quote = std::string(quote);
    const auto from = start >= context ? start - context : 0;
    claim.prefix = std::string(text.substr(from, start - from));
    claim.suffix = std::string(text.substr(start + quote.size(), context));
    return claim;
}

}  // namespace

TEST_CASE("a freshly imported store verifies clean")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto report = unwrap(verify_store(store));
    INFO(describe(report));
    CHECK(report.ok());
    CHECK(report.documents == 3);
    CHECK(report.claims > 0);
    CHECK(report.flags > 0);
    CHECK(report.reviews == 0);
}

TEST_CASE("a tampered document fails its hash and orphans the quotes it no longer holds")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto claim = unwrap(store.claims()).front();
    {
        auto db = raw(dir);
        // Rewrite the quoted words in place: same length, other meaning.
        SQLite::Statement update(db, "UPDATE documents SET text = substr(text, 1, ?2) || upper(substr(text, ?2 + 1, ?3)) || "
                                     "substr(text, ?2 + ?3 + 1) WHERE sha256 = ?1");
        update.bind(1, claim.document);
        update.bind(2, static_cast<int64_t>(claim.span.start));
        update.bind(3, static_cast<int64_t>(claim.span.end - claim.span.start));
        REQUIRE(update.exec() == 1);
    }
    const auto report = unwrap(verify_store(store));
    INFO(describe(report));
    CHECK_FALSE(report.ok());
    const auto hashes = of_kind(report, ProblemKind::document_hash);
    REQUIRE(hashes.size() == 1);
    CHECK(hashes[0].subject == claim.document);
    const auto orphans = of_kind(report, ProblemKind::orphaned_quote);
    REQUIRE_FALSE(orphans.empty());
    CHECK(std::ranges::any_of(orphans, [&](const VerifyProblem& p) { return p.subject == claim.id; }));
}

TEST_CASE("a moved quote is reported where it was pinned and never moved")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto claim = unwrap(store.claims()).back();
    // Point the pin a few bytes away: the quote now lies elsewhere.
    REQUIRE(tamper(dir, "UPDATE claims SET span_start = span_start + 3, span_end = span_end + 3 WHERE id = ?1",
                   claim.id) == 1);
    const auto report = unwrap(verify_store(store));
    INFO(describe(report));
    const auto orphans = of_kind(report, ProblemKind::orphaned_quote);
    REQUIRE(orphans.size() == 1);
    CHECK(orphans[0].subject == claim.id);
    CHECK_THAT(orphans[0].message, Catch::Contains("orphaned quote"));
    CHECK_THAT(orphans[0].message,
               Catch::Contains(fmt::format("occurs at byte {}; the pin is not moved", claim.span.start)));
    // The span moved, so the claim's id no longer matches what it says either.
    CHECK(of_kind(report, ProblemKind::claim_identity).size() == 1);
    // Verify reads only: the pin is where the tampering left it.
    auto after = unwrap(store.claim(claim.id));
    REQUIRE(after);
    CHECK(after->span.start == claim.span.start + 3);
}

TEST_CASE("a flag linking a missing claim is a broken link, and SQLite's foreign key check sees it")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto flag = unwrap(store.flags()).front();
    {
        auto db = raw(dir);
        db.exec("PRAGMA foreign_keys = OFF");
        SQLite::Statement remove(db, "DELETE FROM claims WHERE id = ?1");
        remove.bind(1, flag.claims.front());
        REQUIRE(remove.exec() == 1);
    }
    const auto report = unwrap(verify_store(store));
    INFO(describe(report));
    const auto links = of_kind(report, ProblemKind::broken_link);
    CHECK(std::ranges::any_of(links, [&](const VerifyProblem& p) {
        return p.subject == flag.id && p.message.find(flag.claims.front()) != std::string::npos;
    }));
    const auto integrity = of_kind(report, ProblemKind::integrity);
    REQUIRE_FALSE(integrity.empty());
    CHECK_THAT(integrity[0].message, Catch::Contains("foreign key check"));
}

TEST_CASE("a flag whose rule was rewritten no longer matches its id")
{
    test::TempDir dir;
    Store store = test::durres_store(dir);
    const auto flag = unwrap(store.flags()).front();
    REQUIRE(tamper(dir, "UPDATE flags SET rule = 'some-other-rule' WHERE id = ?1", flag.id) == 1);
    const auto report = unwrap(verify_store(store));
    const auto identity = of_kind(report, ProblemKind::flag_identity);
    REQUIRE(identity.size() == 1);
    CHECK(identity[0].subject == flag.id);
}

TEST_CASE("pin_problem checks span, quote, prefix, suffix and position")
{
    const std::string text = "The ministry said one man died.\nThe council said two men died.";
    const auto claim = pinned(text, "two men", 8);
    CHECK_FALSE(pin_problem(claim, text));

    auto wrong_line = claim;
    wrong_line.span.line = 2;
    wrong_line.span.column = 18;
    CHECK_FALSE(pin_problem(wrong_line, text));  // the real position: line 2, column 18
    wrong_line.span.column = 5;
    CHECK_THAT(*pin_problem(wrong_line, text), Catch::Contains("at 2:18, not at 2:5"));

    auto prefix = wrong_line;
    prefix.span.column = 18;
    prefix.prefix = "council told ";
    CHECK_THAT(*pin_problem(prefix, text), Catch::Contains("prefix"));

    auto suffix = prefix;
    suffix.prefix = claim.prefix;
    suffix.suffix = " were hurt";
    CHECK_THAT(*pin_problem(suffix, text), Catch::Contains("suffix"));

    auto outside = claim;
    outside.span.end = text.size() + 1;
    CHECK_THAT(*pin_problem(outside, text), Catch::Contains("outside its document"));

    auto other = claim;
    other.quote = "one man";
    const auto why = pin_problem(other, text);
    REQUIRE(why);
    CHECK_THAT(*why, Catch::Contains("not the quote"));
    CHECK_THAT(*why, Catch::Contains(fmt::format("occurs at byte {}", text.find("one man"))));
}
