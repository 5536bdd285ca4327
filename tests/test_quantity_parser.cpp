// Unit tests for src/quantity/parser.cpp: every sentence here is our own.
#include "support.hpp"

#include <contra/quantity.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace {

using contra::Quantity;
using contra::QuantityKind;
using contra::QuantityParser;

const QuantityParser& parser()
{
    static QuantityParser instance = [] {
        auto loaded = QuantityParser::load((contra::test::rules_dir() / "lexicon" / "quantities.toml").string());
        if (!loaded) FAIL(loaded.error().describe());
        return std::move(*loaded);
    }();
    return instance;
}

std::vector<Quantity> find(std::string_view text) { return parser().find(text); }

// The single quantity found in `text`; fails the test when there is not exactly one.
Quantity only(std::string_view text)
{
    auto found = find(text);
    INFO("text: " << text);
    REQUIRE(found.size() == 1);
    return found[0];
}

struct Want {
    std::string text;
    double lo;
    std::optional<double> hi;
    QuantityKind kind = QuantityKind::count;
};

void check_one(std::string_view sentence, const Want& want)
{
    INFO("sentence: " << sentence);
    Quantity q = only(sentence);
    CHECK(q.text == want.text);
    CHECK(q.lo == want.lo);
    CHECK(q.hi == want.hi);
    CHECK(q.kind == want.kind);
    CHECK(std::string(sentence.substr(q.start, q.end - q.start)) == q.text);
}

constexpr std::nullopt_t open = std::nullopt;

}  // namespace

TEST_CASE("digits, separators, decimals and magnitudes", "[quantity]")
{
    check_one("The ministry counted 3,000 marchers.", {"3,000", 3000, 3000});
    check_one("Turnout rose by 1.5 million voters.", {"1.5 million", 1500000, 1500000});
    check_one("The fund lost 3 billion in a year.", {"3 billion", 3e9, 3e9});
    check_one("A crowd of 12,400,000 was claimed.", {"12,400,000", 12400000, 12400000});
    check_one("They shipped 10k leaflets.", {"10k", 10000, 10000});
    check_one("Officers said 7 vans arrived.", {"7", 7, 7});
    check_one("Its sales reached 3M units.", {"3M", 3e6, 3e6});
    check_one("The tank held 40m of cable.", {"40", 40, 40});
    check_one("The balance stood at -75 after the fees.", {"-75", -75, -75});
    check_one("The codes ran 1000-5000 in that batch.", {"1000-5000", 1000, 5000});
}

TEST_CASE("number words", "[quantity]")
{
    check_one("Twenty-three villagers were questioned.", {"Twenty-three", 23, 23});
    check_one("They found a hundred and five ballots.", {"a hundred and five", 105, 105});
    check_one("They hired one hundred forty two doctors.", {"one hundred forty two", 142, 142});
    check_one("Two thousand families left the valley.", {"Two thousand", 2000, 2000});
    check_one("A dozen journalists waited outside.", {"A dozen", 12, 12});
    check_one("Half a dozen cars burned.", {"Half a dozen", 6, 6});
    check_one("Nineteen of them were minors.", {"Nineteen", 19, 19});
    check_one("It cost two and a half million to rebuild.", {"two and a half million", 2500000, 2500000});
    check_one("Four thousand three hundred and twelve names were listed.",
              {"Four thousand three hundred and twelve", 4312, 4312});
    check_one("The board sacked eleven managers.", {"eleven", 11, 11});
}

TEST_CASE("ranges", "[quantity]")
{
    check_one("Between 2,000 and 3,000 people gathered.", {"Between 2,000 and 3,000", 2000, 3000});
    check_one("Police put the crowd at 20 to 30 people.", {"20 to 30", 20, 30});
    check_one("Police put the crowd at 20-30 people.", {"20-30", 20, 30});
    check_one("From 20 to 30 buses were hired.", {"From 20 to 30", 20, 30});
    check_one("Between two and three million litres leaked.", {"Between two and three million", 2e6, 3e6});
    check_one("They held 2 to 3 million in reserve.", {"2 to 3 million", 2e6, 3e6});
    check_one("Two or three guards ran off.", {"Two or three", 2, 3});
    check_one("A range of 40–60 shops, with an en dash.", {"40–60", 40, 60});
}

TEST_CASE("bounds", "[quantity]")
{
    check_one("Over 100 homes were searched.", {"Over 100", 101, open});
    check_one("More than 100 homes were searched.", {"More than 100", 101, open});
    check_one("At least 40 students were detained.", {"At least 40", 40, open});
    check_one("The hall holds up to 700 guests.", {"up to 700", 0, 700});
    check_one("Fewer than ten boats returned.", {"Fewer than ten", 0, 9});
    check_one("It weighed less than 2.5 tonnes.", {"less than 2.5", 0, 2.5});
    check_one("It rose by more than 2.5 points.", {"more than 2.5", 2.5, open});
    check_one("No more than 5 lawyers may attend.", {"No more than 5", 0, 5});
    check_one("As many as 50 cattle drowned.", {"As many as 50", 0, 50});
    check_one("Upwards of 300 firms closed.", {"Upwards of 300", 300, open});
    check_one("We expect 100 or more arrests.", {"100 or more", 100, open});
    check_one("A 100-plus crowd formed.", {"100-plus", 100, open});
    check_one("The count was greater than 10 and less than 20 in that ward.",
              {"greater than 10 and less than 20", 11, 19});
    check_one("Rents went above 1500 and below 2500 that winter.", {"above 1500 and below 2500", 1501, 2499});
}

TEST_CASE("approximations widen by the lexicon's width", "[quantity]")
{
    check_one("About 300 miners walked out.", {"About 300", 270, 330});
    check_one("Around 1,000 flats were flooded.", {"Around 1,000", 900, 1100});
    check_one("Some 50 sailors were rescued.", {"Some 50", 45, 55});
    check_one("Roughly 12 hours later.", {"Roughly 12", 10, 14});
    check_one("An estimated 5,000 sheep died.", {"An estimated 5,000", 4250, 5750});
    check_one("Nearly 100 shops shut.", {"Nearly 100", 90, 100});
    check_one("Almost 20 buses were late.", {"Almost 20", 18, 20});
    check_one("Approximately 1.5 million tourists came.", {"Approximately 1.5 million", 1350000, 1650000});
}

TEST_CASE("vague quantities map to the lexicon's intervals", "[quantity]")
{
    auto vague = [](std::string_view sentence, const std::string& text, double lo, std::optional<double> hi) {
        INFO(sentence);
        Quantity q = only(sentence);
        CHECK(q.text == text);
        CHECK(q.lo == lo);
        CHECK(q.hi == hi);
        CHECK(q.vague);
    };
    vague("Several guards were hurt.", "Several", 3, 9);
    vague("A few shops reopened.", "A few", 2, 5);
    vague("A couple of vans were towed.", "A couple", 2, 3);
    vague("Dozens of farmers protested.", "Dozens", 24, 99);
    vague("Scores of homes were shelled.", "Scores", 40, 199);
    vague("Hundreds of pupils stayed home.", "Hundreds", 200, 999);
    vague("Thousands fled the town.", "Thousands", 2000, 9999);
    vague("A handful of stalls stayed open.", "A handful", 2, 6);
    vague("Tens of thousands marched.", "Tens of thousands", 20000, 99999);
    vague("Hundreds of thousands were displaced.", "Hundreds of thousands", 200000, 999999);
    vague("Many were never found.", "Many", 5, open);
    vague("Several hundred nurses struck.", "Several hundred", 300, 900);
}

TEST_CASE("negatives are zero", "[quantity]")
{
    check_one("No one was hurt.", {"No one", 0, 0});
    check_one("None of the guards spoke.", {"None", 0, 0});
    check_one("Nobody answered.", {"Nobody", 0, 0});
    check_one("There were no deaths.", {"no", 0, 0});
    check_one("Zero ballots were spoiled.", {"Zero", 0, 0});
    CHECK(find("There is no doubt about it.").empty());
    CHECK(find("It is no longer open.").empty());
}

TEST_CASE("ordinals, percents and money have their own kinds", "[quantity]")
{
    check_one("It was the third raid.", {"third", 3, 3, QuantityKind::ordinal});
    check_one("On the 21st floor.", {"21st", 21, 21, QuantityKind::ordinal});
    check_one("Turnout fell to 45% this time.", {"45%", 45, 45, QuantityKind::percent});
    check_one("Turnout fell to 45 percent this time.", {"45 percent", 45, 45, QuantityKind::percent});
    check_one("Turnout fell to 45 per cent this time.", {"45 per cent", 45, 45, QuantityKind::percent});
    check_one("A $5 million grant.", {"$5 million", 5e6, 5e6, QuantityKind::money});
    check_one("A fine of €200 was paid.", {"€200", 200, 200, QuantityKind::money});
    check_one("A £3.2bn deal.", {"£3.2bn", 3.2e9, 3.2e9, QuantityKind::money});
    check_one("It paid 40 dollars.", {"40 dollars", 40, 40, QuantityKind::money});
    check_one("More than 60% agreed.", {"More than 60%", 60, open, QuantityKind::percent});
}

TEST_CASE("years, dates and times are not counts", "[quantity]")
{
    check_one("The mine closed in 2014.", {"2014", 2014, 2014, QuantityKind::other});
    check_one("He has led it since 2010.", {"2010", 2010, 2010, QuantityKind::other});
    check_one("The vote is on June 20.", {"20", 20, 20, QuantityKind::other});
    check_one("The vote is on 20 June.", {"20 June", 20, 20, QuantityKind::other});
    check_one("The march began at 3 p.m. sharp.", {"3 p.m.", 3, 3, QuantityKind::other});
    check_one("The march began at 10:30 sharp.", {"10:30", 10, 10, QuantityKind::other});
    check_one("During the 1990s it grew.", {"1990s", 1990, 1990, QuantityKind::other});
    check_one("The 2014-15 season.", {"2014-15", 2014, 2014, QuantityKind::other});
    for (const auto& q : find("In 2014, 2,014 people signed; on May 4th 12 more did.")) {
        if (q.kind == QuantityKind::count) CHECK((q.text == "2,014" || q.text == "12"));
    }
    auto held = find("Over three days, 40 people were held.");
    REQUIRE(held.size() == 2);
    CHECK(held[0].text == "three");  // a duration, not a bound on a count
    CHECK(held[1].text == "40");
}

TEST_CASE("decimals in words, spaced groups and leading dots", "[quantity]")
{
    check_one("Inflation hit five point five in March.", {"five point five", 5.5, 5.5});
    check_one("The fee was two hundred point zero three.", {"two hundred point zero three", 200.03, 200.03});
    check_one("The census found two point two million homes.", {"two point two million", 2.2e6, 2.2e6});
    check_one("The rate moved by nought point eleven.", {"nought point eleven", 0.11, 0.11});
    check_one("A crowd of 40 000 was claimed.", {"40 000", 40000, 40000});
    check_one("The census gave 1 234 567 souls.", {"1 234 567", 1234567, 1234567});
    check_one("The tax is .08 on each litre.", {".08", 0.08, 0.08});
    // one group after a possible day of the month stays two figures
    auto two = find("On May 5 100 people marched.");
    REQUIRE(two.size() == 2);
    CHECK(two[1].text == "100");
}

TEST_CASE("magnitudes: bare, plural, stacked, Indian and abbreviated", "[quantity]")
{
    check_one("A thousand nine hundred twenty ballots.", {"A thousand nine hundred twenty", 1920, 1920});
    check_one("The list had hundred and five names.", {"hundred and five", 105, 105});
    check_one("It held three billions in bonds.", {"three billions", 3e9, 3e9});
    check_one("They said three thousand millions were lost.", {"three thousand millions", 3e9, 3e9});
    check_one("The state paid 30 lakh in relief.", {"30 lakh", 3e6, 3e6});
    check_one("The scheme cost 6 crore and two hundred.", {"6 crore and two hundred", 60000200, 60000200});
    check_one("Exports reached 10 bn last year.", {"10 bn", 1e10, 1e10});
    check_one("The target is US$ 1MM.", {"US$ 1MM", 1e6, 1e6, QuantityKind::money});
    check_one("They printed 4 thousand 3 hundred and 21 leaflets.", {"4 thousand 3 hundred and 21", 4321, 4321});
    check_one("Three hundred and two dozens of eggs.", {"Three hundred and two dozens", 324, 324});
    // "and" between two complete figures is a conjunction
    auto pair = find("Tents for 3 hundred and 2 hundred people.");
    REQUIRE(pair.size() == 2);
    CHECK(pair[0].lo == 300);
    CHECK(pair[1].lo == 200);
}

TEST_CASE("hyphenated, run-together, colloquial and restated numbers", "[quantity]")
{
    check_one("They invited two-hundred guests.", {"two-hundred", 200, 200});
    check_one("The count was twentyone.", {"twentyone", 21, 21});
    check_one("The flight was one twenty two.", {"one twenty two", 122, 122});
    check_one("The contract names forty-five (45) days.", {"forty-five (45)", 45, 45});
    // an age after a unit is not a colloquial hundred
    auto ages = find("Police held two twenty-year-olds.");
    REQUIRE(!ages.empty());
    CHECK(ages[0].text == "two");
}

TEST_CASE("fractions have their own kind", "[quantity]")
{
    check_one("Two thirds of the seats went to them.", {"Two thirds", 2.0 / 3, 2.0 / 3, QuantityKind::fraction});
    check_one("A quarter of the staff left.", {"A quarter", 0.25, 0.25, QuantityKind::fraction});
    check_one("Half of them were freed.", {"Half", 0.5, 0.5, QuantityKind::fraction});
    check_one("It grew by 1/40 of its size.", {"1/40", 0.025, 0.025, QuantityKind::fraction});
    check_one("The run took one and a quarter hours.", {"one and a quarter", 1.25, 1.25});
    // a day-and-month-like slash is not read as a fraction
    check_one("The 9/11 report.", {"9/11", 9, 9, QuantityKind::other});
    // "a third time" is an ordinal use
    auto third = find("They met for a third time.");
    for (const auto& q : third) CHECK(q.kind != QuantityKind::fraction);
}

TEST_CASE("texts without quantities give nothing", "[quantity]")
{
    CHECK(find("the police").empty());
    CHECK(find("The police said the protest was peaceful.").empty());
    CHECK(find("Which one do you mean?").empty());
    CHECK(find("How many were there?").empty());
    CHECK(find("He scores goals for fun.").empty());
    CHECK(find("").empty());
    CHECK(find("   \n\t ").empty());
}

TEST_CASE("several quantities in one sentence, left to right, with byte offsets", "[quantity]")
{
    std::string text = "Police said 12 died; the council said “over 40” and later dozens.";
    auto found = find(text);
    REQUIRE(found.size() == 3);
    CHECK(found[0].text == "12");
    CHECK(found[1].text == "over 40");
    CHECK(found[1].lo == 41);
    CHECK(found[2].text == "dozens");
    for (std::size_t k = 0; k < found.size(); ++k) {
        CHECK(text.substr(found[k].start, found[k].end - found[k].start) == found[k].text);
        if (k > 0) CHECK(found[k - 1].end <= found[k].start);
    }
}

TEST_CASE("non-ASCII text around numbers keeps byte offsets right", "[quantity]")
{
    std::string text = "Ministria tha: “Mbi 100 persona” — over 100 people, naïve café 7";
    auto found = find(text);
    REQUIRE(found.size() == 3);
    CHECK(found[0].text == "100");
    CHECK(found[1].text == "over 100");
    CHECK(found[2].text == "7");
    CHECK(text.substr(found[2].start) == "7");
}

TEST_CASE("curly apostrophes and a non-breaking space are separators", "[quantity]")
{
    check_one("The mayor’s office counted 1,200\xC2\xA0people.", {"1,200", 1200, 1200});
    check_one("It happened at 5 o’clock.", {"5 o’clock", 5, 5, QuantityKind::other});
}

TEST_CASE("a bad lexicon is an error at file:line:col", "[quantity]")
{
    contra::test::TempDir dir;
    auto load = [&](const std::string& body) {
        contra::test::write_file(dir / "quantities.toml", body);
        return QuantityParser::load((dir / "quantities.toml").string());
    };
    SECTION("malformed TOML")
    {
        auto loaded = load("[[vague]]\nphrase = \"several\nlo = 3\n");
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().where.line == 2);
        CHECK(loaded.error().where.column > 0);
        CHECK(loaded.error().describe().find("quantities.toml:2:") != std::string::npos);
    }
    SECTION("a missing reason")
    {
        auto loaded = load("[[vague]]\nphrase = \"several\"\nlo = 3\nhi = 9\n");
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().message.find("reason") != std::string::npos);
        CHECK(loaded.error().where.line == 1);
    }
    SECTION("an unknown key names the valid ones")
    {
        auto loaded = load("[[vague]]\nphrase = \"several\"\nlo = 3\nhigh = 9\nreason = \"x\"\n");
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().where.line == 4);
        CHECK(loaded.error().where.column == 1);
        CHECK(loaded.error().message.find("valid keys") != std::string::npos);
    }
    SECTION("hi below lo")
    {
        auto loaded = load("[[vague]]\nphrase = \"several\"\nlo = 9\nhi = 3\nreason = \"x\"\n");
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().where.line == 4);
    }
    SECTION("a width of the wrong type")
    {
        auto loaded = load("[[approximation]]\nphrase = \"about\"\nbelow = \"a tenth\"\nabove = 0.1\nreason = \"x\"\n");
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().where.line == 3);
        CHECK(loaded.error().where.column == 9);
    }
    SECTION("an unknown section")
    {
        auto loaded = load("[[vagues]]\nphrase = \"several\"\n");
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().where.line == 1);
    }
    SECTION("a missing file")
    {
        auto loaded = QuantityParser::load((dir / "absent.toml").string());
        REQUIRE_FALSE(loaded);
        CHECK(loaded.error().where.file.find("absent.toml") != std::string::npos);
    }
    SECTION("a lexicon of our own changes the readings")
    {
        auto loaded = load("[[vague]]\nphrase = \"a bunch\"\nlo = 4\nhi = 8\nreason = \"test\"\n"
                           "[[approximation]]\nphrase = \"about\"\nbelow = 0.5\nabove = 0.5\nreason = \"test\"\n");
        REQUIRE(loaded);
        auto found = loaded->find("A bunch of them, about 10 in all; several more.");
        REQUIRE(found.size() == 2);
        CHECK(found[0].lo == 4);
        CHECK(found[0].hi == 8);
        CHECK(found[1].lo == 5);
        CHECK(found[1].hi == 15);
    }
}
