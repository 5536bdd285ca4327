// Cause claims (src/extract/cause.cpp, rules/lexicon/cause.toml): how deaths
// or injuries came about, or what set off part of the event, as a category
// with the text's own words, pinned to its span.
#include "extract/cause.hpp"

#include "test_extract_support.hpp"

#include <contra/text.hpp>

#include <algorithm>

using namespace contra;
using namespace contra::test;

namespace {

std::vector<Claim> causes(const std::string& text) { return of(extract_text(text), "cause"); }

std::string category_of(const Claim& claim) { return std::get<Category>(claim.value.data).name; }

// The only cause claim of `text`.
Claim one_cause(const std::string& text)
{
    const auto found = causes(text);
    INFO(text);
    REQUIRE(found.size() == 1);
    return found[0];
}

// A cause.toml in a temporary folder, with the documentation keys and `body`.
std::string lexicon_dir(const TempDir& dir, const std::string& body)
{
    write_file(dir / "cause.toml", "summary = \"s\"\nwhy = \"w\"\nexample = \"e\"\n" + body);
    return dir.path().string();
}

}  // namespace

TEST_CASE("a death or an injury linked to a cause gives a cause claim of that harm")
{
    const auto died = one_cause("Three climbers died of hypothermia on the ridge.");
    CHECK(died.qualifier == Qualifier{{"of", "deaths"}});
    CHECK(category_of(died) == "cold");
    CHECK(died.value.wording == "hypothermia");
    CHECK(died.quote == "died of hypothermia");
    CHECK(died.polarity == Polarity::asserted);
    CHECK(died.origin == "extracted:cause-stated@1");

    const auto hurt = one_cause("Dozens of students were injured by tear gas outside the faculty.");
    CHECK(hurt.qualifier == Qualifier{{"of", "injuries"}});
    CHECK(category_of(hurt) == "chemical-irritant");
    CHECK(hurt.value.wording == "tear gas");

    const auto when = one_cause("Two dockers were killed when the warehouse roof collapsed.");
    CHECK(category_of(when) == "collapse");
    CHECK(when.value.wording == "collapsed");
    CHECK(when.quote == "killed when the warehouse roof collapsed");
}

TEST_CASE("the wording is the document's own bytes and the span points at them")
{
    const std::string text = "Officials said four miners DIED OF Carbon Monoxide poisoning.";
    const auto claim = one_cause(text);
    CHECK(category_of(claim) == "poisoning");
    CHECK(claim.value.wording == "Carbon Monoxide");
    CHECK(text.substr(claim.span.start, claim.span.end - claim.span.start) == claim.quote);
    CHECK(claim.quote == "DIED OF Carbon Monoxide");
}

TEST_CASE("a cause as the subject of the harm, or a cue that states the harm itself")
{
    const auto subject = one_cause("The explosion killed four people at the depot.");
    CHECK(subject.qualifier == Qualifier{{"of", "deaths"}});
    CHECK(category_of(subject) == "explosion");
    CHECK(subject.quote == "explosion killed");

    const auto comma = one_cause("A section of the grandstand collapsed during the match, injuring 30 spectators.");
    CHECK(comma.qualifier == Qualifier{{"of", "injuries"}});
    CHECK(category_of(comma) == "collapse");

    const auto drowned = one_cause("A fisherman drowned off the north pier on Sunday.");
    CHECK(drowned.qualifier == Qualifier{{"of", "deaths"}});
    CHECK(category_of(drowned) == "drowning");
    CHECK(drowned.quote == "drowned");
}

TEST_CASE("what set off part of the event: an effect and its cause")
{
    const auto passive = one_cause("The landslide was caused by heavy rain, the mayor said.");
    CHECK(passive.qualifier == Qualifier{{"of", "landslide"}});
    CHECK(category_of(passive) == "weather");
    CHECK(passive.value.wording == "heavy rain");
    CHECK(passive.quote == "landslide was caused by heavy rain");

    const auto active = one_cause("Investigators said an electrical fault started the blaze.");
    CHECK(active.qualifier == Qualifier{{"of", "fire"}});
    CHECK(category_of(active) == "electrical-fault");
    CHECK(active.quote == "electrical fault started the blaze");
}

TEST_CASE("overlapping cues: the longer one stands")
{
    const auto claim = one_cause("Two farmers were killed when soldiers opened fire on the crowd.");
    CHECK(category_of(claim) == "gunfire");
    CHECK(claim.value.wording == "opened fire");

    const auto rubber = one_cause("A photographer was wounded by rubber bullets.");
    CHECK(category_of(rubber) == "rubber-bullets");
}

TEST_CASE("causes joined by and or or are each a claim; one category is said once")
{
    const auto found = causes("Several marchers were hurt by batons and rubber bullets.");
    REQUIRE(found.size() == 2);
    CHECK(category_of(found[0]) == "beating");
    CHECK(category_of(found[1]) == "rubber-bullets");

    const auto same = causes("Eleven crew were treated for burns and smoke inhalation.");
    REQUIRE(same.size() == 1);
    CHECK(category_of(same[0]) == "fire");
    CHECK(same[0].value.wording == "burns");
}

TEST_CASE("negation, denial, hedges and contrasts set the polarity")
{
    const auto negated = one_cause("The prisoner did not die of a heart attack.");
    CHECK(category_of(negated) == "heart-attack");
    CHECK(negated.polarity == Polarity::denied);

    const auto hedged = one_cause("The crash may have been caused by brake failure.");
    CHECK(hedged.qualifier == Qualifier{{"of", "crash"}});
    CHECK(category_of(hedged) == "mechanical-failure");
    CHECK(hedged.polarity == Polarity::hedged);

    const auto denial = one_cause("The army denied that the two men were killed by live ammunition.");
    CHECK(category_of(denial) == "gunfire");
    CHECK(denial.polarity == Polarity::denied);

    const auto contrast = causes("The blaze was caused by faulty wiring, not by arson.");
    REQUIRE(contrast.size() == 2);
    CHECK(category_of(contrast[0]) == "electrical-fault");
    CHECK(contrast[0].polarity == Polarity::asserted);
    CHECK(category_of(contrast[1]) == "arson");
    CHECK(contrast[1].polarity == Polarity::denied);
    CHECK(contrast[1].qualifier == Qualifier{{"of", "fire"}});

    // Burns and smoke are one category: denying one while asserting the
    // other would make the sentence contradict itself.
    const auto same = causes("She died of smoke inhalation, not of burns.");
    REQUIRE(same.size() == 1);
    CHECK(same[0].polarity == Polarity::asserted);
}

TEST_CASE("no cause without harm, in a retraction, or for another event")
{
    CHECK(causes("No one was hurt when the scaffolding collapsed.").empty());
    CHECK(causes("Nobody died in the fire at the depot.").empty());
    CHECK(causes("We incorrectly reported that two men died of gunshot wounds.").empty());
    CHECK(causes("Two hikers died of hypothermia on the same ridge last year.").empty());
    CHECK(causes("The fire service said the blaze was under control by noon.").empty());
    CHECK(causes("Smoke rose over the valley as the flood receded.").empty());
}

TEST_CASE("a cause claim belongs to the sentence's speaker, like its counts")
{
    ExtractOptions options;
    options.known_sources = {Source{"coroner", "Regional Coroner", "", Stake::independent, {"the coroner"}}};
    const auto extraction = extract_text(
        "According to the Regional Coroner, the driver died in the crash. "
        "The company says the driver died of a heart attack.",
        options);
    const auto found = of(extraction, "cause");
    REQUIRE(found.size() == 2);
    CHECK(found[0].source == "coroner");
    CHECK(category_of(found[0]) == "crash");
    CHECK(category_of(found[1]) == "heart-attack");
    CHECK(found[1].source != "coroner");
}

TEST_CASE("the cause lexicon: documented, its keys checked, a bad entry named at file:line:col")
{
    const auto loaded = detail::extraction::CauseFinder::load((rules_dir() / "lexicon").string());
    REQUIRE(loaded.has_value());
    const auto& categories = loaded->categories();
    for (const char* name : {"fire", "gunfire", "rubber-bullets", "chemical-irritant", "collapse", "crush", "drowning",
                             "heart-attack", "weather"}) {
        CHECK(std::ranges::find(categories, name) != categories.end());
    }

    TempDir dir;
    SECTION("an unknown key lists the valid ones")
    {
        const auto bad = detail::extraction::CauseFinder::load(lexicon_dir(dir, "triggers = [\"x\"]\n"));
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().describe().find("cause.toml:4:1") != std::string::npos);
        CHECK(bad.error().describe().find("harm_links") != std::string::npos);
    }
    SECTION("a cue needs its reason")
    {
        const auto bad = detail::extraction::CauseFinder::load(
            lexicon_dir(dir, "[[cue]]\ncategory = \"fire\"\nphrases = [\"blaze\"]\n"));
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().describe().find("'reason'") != std::string::npos);
    }
    SECTION("harm is deaths or injuries")
    {
        const auto bad = detail::extraction::CauseFinder::load(lexicon_dir(
            dir, "[[cue]]\ncategory = \"fire\"\nphrases = [\"blaze\"]\nreason = \"r\"\nharm = \"arrests\"\n"));
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().describe().find("cause.toml:8") != std::string::npos);
    }
    SECTION("the documentation is required")
    {
        write_file(dir / "cause.toml", "[[cue]]\ncategory = \"fire\"\nphrases = [\"blaze\"]\nreason = \"r\"\n");
        const auto bad = detail::extraction::CauseFinder::load(dir.path().string());
        REQUIRE_FALSE(bad.has_value());
        CHECK(bad.error().describe().find("documentation") != std::string::npos);
    }
}
