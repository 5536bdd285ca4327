// The Extractor on the Durrës fixture documents: the acceptance
// claims, each with its exact span.
#include "test_extract_support.hpp"

#include <contra/accounts.hpp>
#include <contra/text.hpp>

using namespace contra;
using namespace contra::test;

namespace {

Extraction extract_fixture(const std::string& name, bool with_accounts)
{
    const auto folder = fixtures_dir() / "durres-raid-2023";
    auto text = read_text_file((folder / "documents" / name).string());
    REQUIRE(text);
    ExtractOptions options;
    options.event = "durres-raid-2023";
    options.publication = "publication";
    if (with_accounts) {
        auto accounts = load_accounts((folder / "accounts.toml").string());
        REQUIRE(accounts);
        options.known_sources = accounts->sources;
    }
    auto extraction = shared_extractor().extract(text_document(*text, name), options);
    REQUIRE(extraction);
    // Every claim is pinned: its quote is the text at its span.
    for (const Claim& claim : extraction->claims) {
        CHECK(text->substr(claim.span.start, claim.span.end - claim.span.start) == claim.quote);
        CHECK(claim.id == make_claim_id(claim));
        CHECK(claim.origin.starts_with("extracted:"));
    }
    return std::move(*extraction);
}

}  // namespace

TEST_CASE("the ministry's statement yields its denial of police responsibility")
{
    const Extraction extraction = extract_fixture("interior-ministry-statement.txt", true);
    const auto responsibility = of(extraction, "responsibility");
    REQUIRE(responsibility.size() == 1);
    const Claim& denial = responsibility[0];
    CHECK(denial.source == "interior-ministry");
    CHECK(denial.mention == "Minister Çuçi");
    CHECK(agent_of(denial) == Agent{"police", false, "deaths"});
    CHECK(denial.polarity == Polarity::denied);
    CHECK(denial.quote == "The police were not responsible for the death");
    CHECK(denial.origin == "extracted:responsibility-state@1");
    CHECK(denial.span.line == 11);
    CHECK(denial.span.column == 2);
    CHECK(denial.stated_on == "2023-06-20");
    // "about 3,000 members ... between 2013 and 2016" is no casualty figure.
    CHECK(of(extraction, "injuries").empty());
    CHECK(of(extraction, "participants").empty());
}

TEST_CASE("the NCRI statement yields its death and injury figures and the implied responsibility")
{
    const Extraction extraction = extract_fixture("ncri-statement.txt", true);
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() >= 2);
    const Claim& killed = deaths[1];
    CHECK(killed.source == "ncri");
    CHECK(killed.quote == "One man was killed");
    CHECK(count_of(killed) == Count{1, 1});
    CHECK(killed.origin == "extracted:count-near-trigger@1");

    const auto injuries = of(extraction, "injuries");
    auto over_100 = std::ranges::find_if(injuries, [](const Claim& c) { return count_of(c).lo == 101; });
    REQUIRE(over_100 != injuries.end());
    CHECK(over_100->source == "ncri");
    CHECK(over_100->mention == "the Council");
    CHECK(over_100->quote == "over 100 residents were injured");
    CHECK(over_100->qualifier == Qualifier{{"group", "residents"}});
    CHECK_FALSE(count_of(*over_100).hi.has_value());

    const auto responsibility = of(extraction, "responsibility");
    auto for_deaths = std::ranges::find_if(responsibility, [](const Claim& c) { return agent_of(c).for_attribute == "deaths"; });
    REQUIRE(for_deaths != responsibility.end());
    CHECK(agent_of(*for_deaths) == Agent{"police", true, "deaths"});
    CHECK(for_deaths->polarity == Polarity::implied);
    CHECK(for_deaths->source == "ncri");
    CHECK(for_deaths->quote == "One man was killed and several others were injured during the raid by the Albanian police");
    auto pepper = std::ranges::find_if(responsibility, [](const Claim& c) {
        return c.quote == "over 100 residents were injured by the police";
    });
    REQUIRE(pepper != responsibility.end());
    CHECK(agent_of(*pepper) == Agent{"police", true, "injuries"});
    CHECK(pepper->polarity == Polarity::implied);
}

TEST_CASE("without curated sources the speakers become new sources named after their mentions")
{
    const Extraction ministry = extract_fixture("interior-ministry-statement.txt", false);
    const auto denial = of(ministry, "responsibility");
    REQUIRE(denial.size() == 1);
    CHECK(denial[0].source == "interior-minister-bledi-cuci");
    REQUIRE_FALSE(ministry.new_sources.empty());
    CHECK(ministry.new_sources[0].name == "Interior Minister Bledi Çuçi");

    const Extraction ncri = extract_fixture("ncri-statement.txt", false);
    for (const Claim& claim : of(ncri, "responsibility")) {
        CHECK(claim.source == "national-council-of-resistance-of-iran");
    }
}

TEST_CASE("the news report attributes the minister's quotation across a wrapped line and the council's figure")
{
    const Extraction extraction = extract_fixture("news-report.txt", true);
    const auto responsibility = of(extraction, "responsibility");
    auto denial = std::ranges::find_if(responsibility, [](const Claim& c) { return c.polarity == Polarity::denied; });
    REQUIRE(denial != responsibility.end());
    CHECK(denial->source == "interior-ministry");
    CHECK(denial->quote == "The police were not responsible\nfor the death");
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "ncri");  // "It said": the council, in focus since the sentence before
    CHECK(injuries[0].mention == "It");
    CHECK(count_of(injuries[0]).lo == 101);
    const auto deaths = of(extraction, "deaths");
    REQUIRE_FALSE(deaths.empty());
    CHECK(deaths[0].source == "publication");
    CHECK(deaths[0].quote == "one man dies");
}

TEST_CASE("invalid UTF-8 is an error naming the byte offset")
{
    auto result = shared_extractor().extract(text_document("One man died.\n\xFF two", "bad.txt"), ExtractOptions{});
    REQUIRE_FALSE(result);
    CHECK(result.error().where.offset == 14u);
    CHECK(result.error().where.file == "bad.txt");
}
