// Tests src/engine/accounts.cpp (and accounts_pin.cpp): loading curated
// accounts, pinning quotes, rejecting bad input, importing into a store.
#include <contra/accounts.hpp>
#include <contra/store.hpp>
#include <contra/text.hpp>

#include "engine/accounts_pin.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

using contra::test::TempDir;
using contra::test::write_file;

namespace {

const contra::Document& document_of(const contra::Accounts& accounts, const contra::Claim& claim)
{
    const auto found = std::find_if(accounts.documents.begin(), accounts.documents.end(),
                                    [&](const contra::Document& d) { return d.sha256 == claim.document; });
    REQUIRE(found != accounts.documents.end());
    return *found;
}

const contra::Claim& claim_quoting(const contra::Accounts& accounts, std::string_view attribute,
                                   std::string_view quote)
{
    const auto found = std::find_if(accounts.claims.begin(), accounts.claims.end(), [&](const contra::Claim& c) {
        return c.attribute == attribute && c.quote == quote;
    });
    REQUIRE(found != accounts.claims.end());
    return *found;
}

// A small accounts file whose first 11 lines are fixed, so that errors in the
// claim (from line 13 on) have known positions.
constexpr std::string_view k_head = R"([[events]]
id = "e1"

[[sources]]
id = "s1"
name = "Source One"

[[documents]]
id = "d1"
path = "doc.txt"

)";

constexpr std::string_view k_doc =
    "Officials said that two people died in the fire. Two people died, they said again.\n"
    "Minister \xC3\x87u\xC3\xA7i said \xE2\x80\x9Cthe police were not responsible\xE2\x80\x9D on Tuesday.\n";

struct Case {
    TempDir dir;
    std::string path;
    explicit Case(std::string_view body, std::string_view head = k_head, std::string_view doc = k_doc)
    {
        write_file(dir / "doc.txt", std::string(doc));
        path = (dir / "accounts.toml").string();
        write_file(path, std::string(head) + std::string(body));
    }
};

contra::Error load_error(const Case& c, const contra::AccountsOptions& options = {})
{
    auto loaded = contra::load_accounts(c.path, options);
    REQUIRE_FALSE(loaded.has_value());
    CHECK(loaded.error().kind == contra::ErrorKind::bad_input);
    CHECK(loaded.error().where.file == c.path);
    return loaded.error();
}

std::string at(const contra::Error& error)
{
    return fmt::format("{}:{}", error.where.line, error.where.column);
}

}  // namespace

TEST_CASE("every fixture claim is pinned to exactly its quote")
{
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(contra::test::fixtures_dir())) {
        const auto path = entry.path() / "accounts.toml";
        if (!std::filesystem::exists(path)) continue;
        ++files;
        INFO(path.string());
        auto accounts = contra::load_accounts(path.string());
        if (!accounts) FAIL(accounts.error().describe());
        REQUIRE_FALSE(accounts->claims.empty());
        for (const contra::Claim& claim : accounts->claims) {
            INFO(claim.quote);
            const contra::Document& document = document_of(*accounts, claim);
            CHECK(document.text.substr(claim.span.start, claim.span.end - claim.span.start) == claim.quote);
            const contra::LineColumn position = contra::LineIndex(document.text).at(claim.span.start);
            CHECK(claim.span.line == position.line);
            CHECK(claim.span.column == position.column);
            CHECK(std::string_view(document.text).substr(0, claim.span.start).ends_with(claim.prefix));
            CHECK(std::string_view(document.text).substr(claim.span.end).starts_with(claim.suffix));
            CHECK(claim.prefix.size() <= contra::detail::k_pin_context);
            CHECK(claim.suffix.size() <= contra::detail::k_pin_context);
            CHECK(claim.id == contra::make_claim_id(claim));
            CHECK(claim.origin == "curated");
            CHECK(std::any_of(accounts->events.begin(), accounts->events.end(),
                              [&](const contra::Event& event) { return event.id == claim.event; }));
            CHECK(claim.stated_on == document.published);
            CHECK_FALSE(claim.mention.empty());
        }
    }
    CHECK(files >= 3);  // durres-raid-2023, harbour-square-protest-2024, valmora-floods-2025
}

TEST_CASE("the Durres accounts hold the figures the documents give")
{
    const auto path = contra::test::fixtures_dir() / "durres-raid-2023" / "accounts.toml";
    auto accounts = contra::load_accounts(path.string());
    if (!accounts) FAIL(accounts.error().describe());

    const auto& denial = claim_quoting(*accounts, "responsibility",
                                       "The police were not responsible for the death of one man");
    CHECK(denial.source == "interior-ministry");
    CHECK(denial.polarity == contra::Polarity::denied);
    CHECK(std::get<contra::Agent>(denial.value.data) == contra::Agent{"police", false, "deaths"});
    CHECK(denial.mention == "Albanian Ministry of Interior");
    CHECK(denial.stated_on == "2023-06-20");

    const auto& over_100 = claim_quoting(*accounts, "injuries",
                                         "over 100 residents were injured by the police's excessive use of pepper spray");
    CHECK(std::get<contra::Count>(over_100.value.data) == contra::Count{101, std::nullopt});
    CHECK(over_100.value.wording == "over 100");
    CHECK(over_100.qualifier.empty());

    const auto& several = claim_quoting(*accounts, "injuries", "several others were injured");
    CHECK(std::get<contra::Count>(several.value.data) == contra::Count{3, 9});
    CHECK(several.qualifier.empty());

    // Every responsibility claim comes from a party.
    for (const auto& claim : accounts->claims) {
        if (claim.attribute != "responsibility") continue;
        const auto source = std::find_if(accounts->sources.begin(), accounts->sources.end(),
                                         [&](const contra::Source& s) { return s.id == claim.source; });
        REQUIRE(source != accounts->sources.end());
        CHECK(source->stake == contra::Stake::party);
    }
}

TEST_CASE("quote pinning")
{
    const std::string text(k_doc);
    const contra::LineIndex lines(text);
    using contra::detail::pin_quote;
    using contra::detail::QuoteSpec;

    SECTION("a unique quote is pinned with its position and context")
    {
        auto pin = pin_quote(text, lines, QuoteSpec{"the police were not responsible", "", ""}, "doc.txt");
        REQUIRE(pin);
        CHECK(text.substr(pin->span.start, pin->span.end - pin->span.start) == "the police were not responsible");
        CHECK(pin->span.line == 2);
        CHECK(pin->span.column == 21);  // "Minister Çuçi said “" is 20 code points, not 25 bytes
        CHECK(pin->suffix.starts_with("\xE2\x80\x9D on Tuesday."));
    }
    SECTION("prefix and suffix are cut on code point boundaries")
    {
        // 32 bytes before "the police" would start inside "Ç" or "ç".
        auto pin = pin_quote(text, lines, QuoteSpec{"the police", "", ""}, "doc.txt");
        REQUIRE(pin);
        CHECK(pin->prefix.size() <= 32);
        CHECK(contra::validate_utf8(pin->prefix, "prefix").has_value());
        CHECK(contra::validate_utf8(pin->suffix, "suffix").has_value());
        const std::string_view before(text.data(), pin->span.start);
        CHECK(before.ends_with(pin->prefix));
        CHECK(pin->prefix.size() >= 29);
    }
    SECTION("a repeated quote needs a prefix or suffix")
    {
        auto pin = pin_quote(text, lines, QuoteSpec{"people died", "", ""}, "doc.txt");
        REQUIRE_FALSE(pin);
        CHECK(pin.error() == "quote occurs 2 times in doc.txt; add a prefix or suffix");
    }
    SECTION("the prefix chooses the occurrence")
    {
        auto pin = pin_quote(text, lines, QuoteSpec{"people died", "fire. Two ", ""}, "doc.txt");
        REQUIRE(pin);
        CHECK(pin->span.start == text.find("Two people died") + 4);
        auto by_suffix = pin_quote(text, lines, QuoteSpec{"people died", "", " in the"}, "doc.txt");
        REQUIRE(by_suffix);
        CHECK(by_suffix->span.start == text.find("two people died") + 4);
    }
    SECTION("a look-alike is never pinned, but the exact text is suggested")
    {
        auto pin = pin_quote(text, lines, QuoteSpec{"\"The Police were not responsible\"", "", ""}, "doc.txt");
        REQUIRE_FALSE(pin);
        CHECK_THAT(pin.error(), Catch::Contains("quote not found exactly in doc.txt"));
        CHECK_THAT(pin.error(), Catch::Contains("the document has \"\xE2\x80\x9Cthe police were not responsible\xE2\x80\x9D\""));
    }
    SECTION("a quote that is not there at all")
    {
        auto pin = pin_quote(text, lines, QuoteSpec{"three people died", "", ""}, "doc.txt");
        REQUIRE_FALSE(pin);
        CHECK(pin.error() == "quote not found in doc.txt: \"three people died\"");
    }
}

TEST_CASE("a valid small accounts file loads")
{
    const Case c(R"([[claims]]
source = "s1"
document = "d1"
attribute = "deaths"
count = 2
wording = "two"
quote = "people died"
suffix = " in the"
)");
    auto accounts = contra::load_accounts(c.path);
    if (!accounts) FAIL(accounts.error().describe());
    REQUIRE(accounts->claims.size() == 1);
    const auto& claim = accounts->claims.front();
    CHECK(claim.event == "e1");  // the only event
    CHECK(claim.span.start == std::string(k_doc).find("two people died") + 4);
    CHECK(claim.span.line == 1);
    CHECK(claim.span.column == 25);
    CHECK(accounts->documents.front().path == "doc.txt");
}

TEST_CASE("bad accounts input names the file, line and column")
{
    SECTION("malformed TOML")
    {
        const Case c("[[claims]\nsource = \"s1\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "12:10");  // where the "]" is missing
        CHECK_THAT(error.message, Catch::StartsWith("malformed TOML"));
    }
    SECTION("an unknown key lists the valid ones")
    {
        const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = 2\n"
                     "quote = \"people died\"\nsufix = \" in the\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "18:1");
        CHECK_THAT(error.message, Catch::StartsWith("unknown key 'sufix' in [[claims]]; valid keys: event, source"));
    }
    SECTION("a value of the wrong type")
    {
        const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = \"two\"\n"
                     "quote = \"people died\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "16:9");
        CHECK(error.message == "'count' in [[claims]] must be an integer or a table { min, max }, not a string");
    }
    SECTION("an unknown source")
    {
        const Case c("[[claims]]\nsource = \"s2\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = 2\n"
                     "quote = \"two people died\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "13:10");
        CHECK(error.message == "unknown source 's2'; the file declares: s1");
    }
    SECTION("an unknown event")
    {
        const Case c("[[claims]]\nevent = \"e9\"\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\n"
                     "count = 2\nquote = \"two people died\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "13:9");
        CHECK(error.message == "unknown event 'e9'; the file declares: e1");
    }
    SECTION("an unknown document handle")
    {
        const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d2\"\nattribute = \"deaths\"\ncount = 2\n"
                     "quote = \"two people died\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "14:12");
        CHECK(error.message == "unknown document 'd2'; the file declares: d1");
    }
    SECTION("an attribute the rules do not declare")
    {
        std::map<std::string, contra::AttributeSpec, std::less<>> attributes;
        attributes["deaths"] = contra::AttributeSpec{"deaths", contra::ValueKind::count, true, "", {}};
        const contra::AccountsOptions options{&attributes};
        const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"fatalities\"\ncount = 2\n"
                     "quote = \"two people died\"\n");
        const auto error = load_error(c, options);
        CHECK(at(error) == "15:13");
        CHECK(error.message == "unknown attribute 'fatalities'; the rules declare: deaths");
        // Without the rule set any attribute is accepted.
        CHECK(contra::load_accounts(c.path).has_value());
    }
    SECTION("a value in no form")
    {
        const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\n"
                     "quote = \"two people died\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "12:1");
        CHECK(error.message == "claim has no value; give one of count, agent, category, date, text");
    }
    SECTION("a value in two forms")
    {
        const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = 2\n"
                     "category = \"fire\"\nquote = \"two people died\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "17:12");
        CHECK(error.message == "claim gives its value twice, as 'count' and as 'category'; keep one");
    }
    SECTION("a quote that is not in the document")
    {
        const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = 3\n"
                     "quote = \"three people died\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "17:9");
        CHECK(error.message == "quote not found in doc.txt: \"three people died\"");
    }
    SECTION("a quote that occurs twice")
    {
        const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = 2\n"
                     "quote = \"people died\"\n");
        const auto error = load_error(c);
        CHECK(at(error) == "17:9");
        CHECK(error.message == "quote occurs 2 times in doc.txt; add a prefix or suffix");
    }
}

TEST_CASE("a document that cannot be read is reported at its path")
{
    const auto check = [](const Case& c, std::string_view reason) {
        const auto error = load_error(c);
        CHECK(at(error) == "10:8");
        CHECK_THAT(error.message, Catch::StartsWith("document doc.txt: "));
        CHECK_THAT(error.message, Catch::Contains(std::string(reason)));
    };
    const std::string claim = "[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = 2\n"
                              "quote = \"two people died\"\n";
    SECTION("missing")
    {
        const Case c(claim);
        std::filesystem::remove(c.dir / "doc.txt");
        check(c, "cannot read");
    }
    SECTION("empty") { check(Case(claim, k_head, ""), "empty"); }
    SECTION("binary") { check(Case(claim, k_head, std::string("two people died\0\x01\x02", 18)), "binary"); }
    SECTION("not UTF-8") { check(Case(claim, k_head, "two people died \xC3\x28 here\n"), "UTF-8"); }
}

namespace {

struct StoreSnapshot {
    std::set<std::string> claims;
    std::size_t events = 0;
    std::size_t sources = 0;
    std::size_t documents = 0;
    friend bool operator==(const StoreSnapshot&, const StoreSnapshot&) = default;
};

StoreSnapshot snapshot(const contra::Store& store)
{
    StoreSnapshot out;
    auto claims = store.claims();
    REQUIRE(claims);
    for (const auto& claim : *claims) out.claims.insert(claim.id);
    out.events = store.events().value().size();
    out.sources = store.sources().value().size();
    out.documents = store.documents().value().size();
    return out;
}

}  // namespace

TEST_CASE("importing accounts is idempotent")
{
    const TempDir dir;
    const auto db = (dir / "contra.db").string();
    const auto path = contra::test::fixtures_dir() / "durres-raid-2023" / "accounts.toml";
    auto accounts = contra::load_accounts(path.string());
    if (!accounts) FAIL(accounts.error().describe());

    StoreSnapshot first;
    {
        auto store = contra::Store::open(db, contra::OpenMode::create);
        if (!store) FAIL(store.error().describe());
        auto stats = contra::import_accounts(*store, *accounts);
        if (!stats) FAIL(stats.error().describe());
        CHECK(stats->events == 1);
        CHECK(stats->sources == 3);
        CHECK(stats->documents == 3);
        CHECK(stats->claims == static_cast<int>(accounts->claims.size()));
        CHECK(stats->new_claims == stats->claims);
        CHECK(stats->new_documents == 3);
        first = snapshot(*store);
        CHECK(first.claims.size() == accounts->claims.size());
        auto stored = store->claim(accounts->claims.front().id);
        REQUIRE(stored);
        REQUIRE(stored->has_value());
        CHECK((*stored)->quote == accounts->claims.front().quote);
        CHECK((*stored)->span == accounts->claims.front().span);
    }
    {
        auto reloaded = contra::load_accounts(path.string());
        REQUIRE(reloaded);
        CHECK(*reloaded == *accounts);
        auto store = contra::Store::open(db, contra::OpenMode::existing);
        REQUIRE(store);
        auto stats = contra::import_accounts(*store, *reloaded);
        if (!stats) FAIL(stats.error().describe());
        CHECK(stats->claims == static_cast<int>(accounts->claims.size()));
        CHECK(stats->new_claims == 0);
        CHECK(stats->new_documents == 0);
        CHECK(stats->new_sources == 0);
        CHECK(stats->new_events == 0);
        CHECK(snapshot(*store) == first);
    }
}

TEST_CASE("contra import leaves the store untouched on bad input")
{
    const TempDir dir;
    const auto db = (dir / "contra.db").string();
    const auto good = (contra::test::fixtures_dir() / "harbour-square-protest-2024" / "accounts.toml").string();

    auto first = contra::test::run_contra({"import", "--db", db, good});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out == fmt::format("imported {}: 1 event, 4 sources, 4 documents, 11 claims (11 new)\n", good));

    const Case bad("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = 2\n"
                   "quote = \"people died\"\n");
    const std::string before = contra::test::read_file(db);
    // The good file again, then a bad one: nothing of either is written.
    auto second = contra::test::run_contra({"import", "--db", db, good, bad.path});
    CHECK(second.exit_code == 2);
    CHECK_THAT(second.err, Catch::Contains(bad.path + ":17:9: quote occurs 2 times in doc.txt"));
    CHECK(second.out.empty());
    CHECK(contra::test::read_file(db) == before);

    auto again = contra::test::run_contra({"import", "--db", db, good});
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.out, Catch::EndsWith("11 claims (0 new)\n"));
}

TEST_CASE("claims in a CSV beside the TOML that declares what they refer to")
{
    const Case c("");  // accounts.toml declares e1, s1 and d1, and no claims
    const auto csv = (c.dir / "claims.csv").string();

    SECTION("rows become pinned claims")
    {
        write_file(csv, "source,document,attribute,qualifier,count_min,count_max,quote,suffix,wording\n"
                        "s1,d1,deaths,group=residents,2,2,people died,\" in the\",two\n"
                        "s1 , d1,injuries,,3,,\"said again.\nMinister\",,\n");
        auto accounts = contra::load_accounts(csv);
        if (!accounts) FAIL(accounts.error().describe());
        CHECK(accounts->path == csv);
        REQUIRE(accounts->claims.size() == 2);
        const auto& deaths = accounts->claims[0];
        CHECK(deaths.event == "e1");
        CHECK(deaths.qualifier == contra::Qualifier{{"group", "residents"}});
        CHECK(std::get<contra::Count>(deaths.value.data) == contra::Count{2, 2});
        CHECK(deaths.value.wording == "two");
        CHECK(deaths.span.start == std::string(k_doc).find("two people died") + 4);
        const auto& injuries = accounts->claims[1];
        CHECK(std::get<contra::Count>(injuries.value.data) == contra::Count{3, std::nullopt});
        CHECK(injuries.quote == "said again.\nMinister");
        CHECK(injuries.span.line == 1);
    }
    SECTION("an unknown column is named at its position")
    {
        write_file(csv, "source,document,attribute,count,quote\n");
        auto accounts = contra::load_accounts(csv);
        REQUIRE_FALSE(accounts);
        CHECK(accounts.error().where.file == csv);
        CHECK(at(accounts.error()) == "1:27");
        CHECK_THAT(accounts.error().message, Catch::StartsWith("unknown column 'count'; valid columns: event,"));
    }
    SECTION("an unknown source is named at its cell")
    {
        write_file(csv, "source,document,attribute,count_min,count_max,quote\n"
                        "s1,d1,deaths,2,2,two people died\n"
                        "s1,d1,deaths,2,2,two people died\n");
        auto twice = contra::load_accounts(csv);
        REQUIRE_FALSE(twice);
        CHECK(at(twice.error()) == "3:1");
        CHECK(twice.error().message == "the same claim is written twice (first at line 2)");

        write_file(csv, "source,document,attribute,count_min,count_max,quote\n"
                        "s1,d1,deaths,2,2,two people died\n"
                        "\"s9\",d1,deaths,2,2,two people died\n");
        auto unknown = contra::load_accounts(csv);
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().where.file == csv);
        CHECK(at(unknown.error()) == "3:1");
        CHECK(unknown.error().message == "unknown source 's9'; the file declares: s1");
    }
}

TEST_CASE("a published date-time is kept, and the claim is stated on its day")
{
    std::string head(k_head);
    head.insert(head.find("path = "), "published = 2024-03-16T21:05:00+01:00\n");
    const Case c("[[claims]]\nsource = \"s1\"\ndocument = \"d1\"\nattribute = \"deaths\"\ncount = 2\n"
                 "quote = \"two people died\"\n",
                 head);
    auto accounts = contra::load_accounts(c.path);
    if (!accounts) FAIL(accounts.error().describe());
    CHECK(accounts->documents.front().published == "2024-03-16T21:05:00+01:00");
    CHECK(accounts->claims.front().stated_on == "2024-03-16");
}
