// Claims: counts near triggers, qualifiers, negation, hedges, responsibility
// polarity, and figures that are about something else.
#include "test_extract_support.hpp"

using namespace contra;
using namespace contra::test;

TEST_CASE("a count is the figure next to its trigger, before or after it")
{
    const Extraction extraction = extract_text(
        "At least 40 people died and over 100 were wounded. The clashes left 12 dead. "
        "The death toll rose to 45. Police arrested 7.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 3);
    CHECK(count_of(deaths[0]) == Count{40, std::nullopt});
    CHECK(deaths[0].quote == "At least 40 people died");
    CHECK(count_of(deaths[1]) == Count{12, 12});
    CHECK(deaths[2].quote == "death toll rose to 45");
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(count_of(injuries[0]) == Count{101, std::nullopt});
    CHECK(of(extraction, "arrests").size() == 1);
}

TEST_CASE("the group a count is about becomes its qualifier")
{
    const Extraction extraction = extract_text(
        "Three police officers and 20 civilians were injured. Two soldiers were killed. "
        "Over 100 residents were hurt. Five protesters were detained. About 2,000 protesters marched.");
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 2);
    CHECK(injuries[0].qualifier == Qualifier{{"group", "civilians"}});
    CHECK(injuries[1].qualifier == Qualifier{{"group", "residents"}});
    CHECK(of(extraction, "deaths")[0].qualifier == Qualifier{{"group", "soldiers"}});
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].qualifier == Qualifier{{"group", "protesters"}});
    const auto participants = of(extraction, "participants");
    REQUIRE(participants.size() == 1);
    CHECK(participants[0].qualifier.empty());
    CHECK(count_of(participants[0]).lo == 1800);
}

TEST_CASE("figures about an earlier protest or a cumulative toll are not the event's")
{
    const Extraction extraction = extract_text(
        "Since 2010, 45 people have died in the camp. During an earlier protest in March, 12 people were killed. "
        "Two people died on Tuesday. In June 2023 the camp held 3,000 members.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].quote == "Two people died");
}

TEST_CASE("a figure whose nearest year is not the event's belongs to another event")
{
    const std::string text =
        "Seven people died on Thursday. In 2016 a fire at the Bexmoor factory killed 19 people. "
        "Nobody was hurt in the evacuation. The union says more than 60,000 people took part, "
        "the largest march since the strike of 1989.\n\n"
        "In 2019 a smaller fire broke out.\n\n"
        "No one was injured on Thursday. In 2023, three people were arrested.";
    // The document is published in 2023 (text_document): 2016 and 2019 are other years.
    const Extraction extraction = extract_text(text);
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].quote == "Seven people died");
    // "Nobody was hurt" follows a sentence opening with 2016 in its paragraph;
    // "No one was injured" follows one opening with 2019, but a paragraph later.
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].quote == "No one was injured");
    // A year after "since" compares; it does not move the figure.
    CHECK(of(extraction, "participants").size() == 1);
    CHECK(of(extraction, "arrests").size() == 1);

    // The event's own date, the year its id ends with, bring their years in.
    ExtractOptions dated;
    dated.event_date = "2016-05-02";
    CHECK(of(extract_text(text, dated), "deaths").size() == 2);
    ExtractOptions by_id;
    by_id.event = "bexmoor-fire-2016";
    CHECK(of(extract_text(text, by_id), "deaths").size() == 2);

    // The years between the event and the report are its aftermath, and a
    // hyphen does not hide "since" from its year.
    ExtractOptions aftermath;
    aftermath.event = "bexmoor-fire-2021";
    const Extraction later = extract_text(
        "Police arrested two engineers in 2022. The flood killed 23 people.[1] It was the worst since the "
        "reservoir-safety laws of 1975.",
        aftermath);
    CHECK(of(later, "arrests").size() == 1);
    CHECK(of(later, "deaths").size() == 1);
    // ... but "when" right after the year tells of that year.
    const Extraction compared = extract_text(
        "The fire killed 23 people. It was the worst loss of life since the Chandlery Lane fire of 1992, when "
        "five people died in a blaze.",
        aftermath);
    REQUIRE(of(compared, "deaths").size() == 1);
    CHECK(count_of(of(compared, "deaths")[0]).lo == 23);
    for (const auto& cause : of(compared, "cause")) CHECK(cause.quote.find("blaze") == std::string::npos);

    // With no year known at all, no figure is moved.
    Document undated = text_document(text);
    undated.published.clear();
    auto all = shared_extractor().extract(undated, ExtractOptions{"test-event", {}, {}, "publication"});
    REQUIRE(all);
    CHECK(of(*all, "deaths").size() == 2);
}

TEST_CASE("a round-up's stories other than the event's give no claims")
{
    const std::string text = "NEWS IN BRIEF\n\n"
                             "Cyclist dies in Wenlow Road crash\n\n"
                             "A cyclist died after being struck by a lorry. The driver was arrested.\n\n"
                             "Two dead after blast at Rowhurst bakery\n\n"
                             "Two people died and five were injured when an explosion destroyed a bakery.\n\n"
                             "Hundreds march against surgery closure\n\n"
                             "Around 400 people marched through Nantle. Two men were arrested.\n\n"
                             "Two more hurt in Rowhurst\n\n"
                             "Two more people were injured.\n";
    ExtractOptions options;
    options.event = "rowhurst-bakery-explosion-2023";
    const Extraction extraction = extract_text(text, options);
    // The event's headline and body, and the later item that names Rowhurst.
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(deaths[0].quote == "Two dead");
    CHECK(deaths[1].quote == "Two people died");
    CHECK(of(extraction, "injuries").size() == 3);
    CHECK(of(extraction, "arrests").empty());
    CHECK(of(extraction, "participants").empty());
    // Markdown headings title the parts of one story.
    const std::string parts = "# Inquiry findings\n\n"
                              "## Rowhurst bakery blast\n\n"
                              "Two people died.\n\n"
                              "### Injuries\n\n"
                              "Nine people were injured.\n\n"
                              "### Arrests\n\n"
                              "Five people were arrested.\n";
    CHECK(of(extract_text(parts, options), "arrests").size() == 1);
    // "UPDATE 1", "UPDATE 2": the times of one story, no round-up.
    const std::string updates = "Police News\n\n"
                                "Rowhurst bakery blast: statement\n\n"
                                "Two people died.\n\n"
                                "UPDATE 1 - Saturday, 23:30\n\n"
                                "Five people were arrested.\n\n"
                                "UPDATE 2 - Sunday, 12:15\n\n"
                                "Three more people were arrested.\n";
    CHECK(of(extract_text(updates, options), "arrests").size() == 2);
    // Without a headline after the title naming the event, nothing is a story of its own.
    options.event = "harbour-fire-2023";
    CHECK(of(extract_text(text, options), "participants").size() == 2);  // "Hundreds march", "Around 400 people marched"
}

TEST_CASE("'March' after a day or 'in' is the month, not a march")
{
    const Extraction extraction = extract_text(
        "We interviewed 29 people on 9 and 10 March. Police said that in March 400 people marched. Thousands March "
        "on Capital");
    const auto participants = of(extraction, "participants");
    REQUIRE(participants.size() == 2);
    CHECK(count_of(participants[0]) == Count{400, 400});
    CHECK(participants[1].quote == "Thousands March");
}

TEST_CASE("'two of them' after a larger count of the same attribute is a part of it")
{
    const Extraction extraction = extract_text(
        "Three people died in the fire and 20 were hurt. Two of them died at the scene. "
        "Twelve of those who were hurt needed treatment in hospital. Two of its sailors were hurt, the coastguard said. "
        "About 60 of them took part in the march.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].quote == "Three people died");
    // A body's own people ("its sailors") are no part of those counted before.
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 2);
    CHECK(count_of(injuries[1]) == Count{2, 2});
    // With no count of its attribute before it, a part stands.
    CHECK(of(extraction, "participants").size() == 1);
}

TEST_CASE("responsibility is asserted, denied, implied or hedged")
{
    auto one = [](const std::string& text) {
        const auto claims = of(extract_text(text), "responsibility");
        REQUIRE(claims.size() == 1);
        return claims[0];
    };
    Claim claim = one("The police were not responsible for the deaths.");
    CHECK(agent_of(claim) == Agent{"police", false, "deaths"});
    CHECK(claim.polarity == Polarity::denied);

    claim = one("Relatives blamed the police for the deaths.");
    CHECK(agent_of(claim) == Agent{"police", true, "deaths"});
    CHECK(claim.polarity == Polarity::asserted);
    CHECK(claim.origin == "extracted:responsibility-blame@1");

    claim = one("The man was shot dead by police.");
    CHECK(agent_of(claim) == Agent{"police", true, "deaths"});
    CHECK(claim.polarity == Polarity::asserted);
    CHECK(claim.quote == "shot dead by police");

    claim = one("One man was killed during the police operation by officers.");
    CHECK(claim.polarity == Polarity::implied);

    claim = one("Dozens were injured by pepper spray used by police.");
    CHECK(agent_of(claim) == Agent{"police", true, "injuries"});
    CHECK(claim.polarity == Polarity::implied);
    CHECK(claim.quote == "Dozens were injured by pepper spray used by police");

    claim = one("The man may have been killed by police.");
    CHECK(claim.polarity == Polarity::hedged);

    claim = one("A police spokesman denied firing on the crowd.");
    CHECK(agent_of(claim).agent == "police");
    CHECK_FALSE(agent_of(claim).responsible);
    CHECK(claim.polarity == Polarity::denied);
    CHECK(claim.origin == "extracted:responsibility-denial@1");
}

TEST_CASE("a harm near an agent without a link word is no responsibility claim")
{
    CHECK(of(extract_text("One man died on Tuesday when police raided the camp."), "responsibility").empty());
    CHECK(of(extract_text("Officers showed restraint and nobody was hurt."), "responsibility").empty());
}

TEST_CASE("counts under a denial or a hedge carry that polarity")
{
    const Extraction extraction = extract_text(
        "The ministry denied that 40 people were killed. Reportedly 12 people were injured.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].polarity == Polarity::denied);
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].polarity == Polarity::hedged);
}

TEST_CASE("Markdown input skips front matter, code and comments but keeps offsets")
{
    const std::string text = "---\ntitle: 9 killed\n---\n```\n7 dead\n```\nTwo people died.\n<!-- 5 dead -->\n";
    auto result = shared_extractor().extract(text_document(text, "draft.md"), ExtractOptions{"e", {}, {}, "pub"});
    REQUIRE(result);
    REQUIRE(result->claims.size() == 1);
    CHECK(result->claims[0].span.start == text.find("Two"));
    CHECK(result->claims[0].span.line == 7);
    CHECK(result->claims[0].source == "pub");
}

TEST_CASE("small words and one aside do not part a figure from its trigger")
{
    const Extraction extraction = extract_text(
        "Nine passengers from the second coach were examined and treated at the scene. "
        "Thirty people, four of them children, were hospitalised.");
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 2);
    CHECK(count_of(injuries[0]) == Count{9, 9});
    CHECK(count_of(injuries[1]) == Count{30, 30});
}

TEST_CASE("a quoted figure keeps its trigger, and coordinated triggers share a figure")
{
    const Extraction quoted = extract_text("The mayor said \"well over fifty\" were hurt.");
    REQUIRE(of(quoted, "injuries").size() == 1);
    const Extraction joined = extract_text("The army said no villagers were killed or wounded.");
    REQUIRE(of(joined, "deaths").size() == 1);
    REQUIRE(of(joined, "injuries").size() == 1);
    CHECK(count_of(of(joined, "injuries")[0]) == Count{0, 0});
    CHECK(of(joined, "injuries")[0].qualifier == Qualifier{{"group", "residents"}});
}

TEST_CASE("explanations, retractions and zeros of a part give no count")
{
    const Extraction extraction = extract_text(
        "The tally is lower because the army left out three soldiers who died later. "
        "Our story ran under the headline \"Eight killed in crash\". "
        "No one was critically injured. "
        "Five people were killed.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].quote == "Five people were killed");
    CHECK(of(extraction, "injuries").empty());
}

TEST_CASE("an older event's figures years ago and over the same period are not the event's")
{
    const Extraction extraction = extract_text(
        "Six years ago, in the same gorge, 17 hikers died. "
        "Since 2015, 80 people have died on the route, and 200 more were hurt over the same period. "
        "On Sunday two hikers died.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]) == Count{2, 2});
    CHECK(of(extraction, "injuries").empty());
}

TEST_CASE("harm by an agent's instrument implies, a joined predicate carries the agent")
{
    const auto hurt = of(extract_text("Twelve students were hurt by police tear gas."), "responsibility");
    REQUIRE(hurt.size() == 1);
    CHECK(hurt[0].polarity == Polarity::implied);
    const auto direct = of(extract_text("Twelve students were hurt by police on Friday."), "responsibility");
    REQUIRE(direct.size() == 1);
    CHECK(direct[0].polarity == Polarity::asserted);
    const auto joined = of(extract_text("The mayor said soldiers had left the square and were not to blame."),
                           "responsibility");
    REQUIRE(joined.size() == 1);
    CHECK(agent_of(joined[0]).agent == "military");
    CHECK_FALSE(agent_of(joined[0]).responsible);
    CHECK(joined[0].polarity == Polarity::denied);
}

TEST_CASE("headline verbs count: kills, injures, die, march")
{
    const Extraction extraction = extract_text("Storm kills four, injures 30\n\nThousands march for the miners");
    CHECK(of(extraction, "deaths").size() == 1);
    CHECK(of(extraction, "injuries").size() == 1);
    CHECK(of(extraction, "participants").size() == 1);
}

TEST_CASE("a part of the injured or the dead is no count of its own")
{
    const Extraction extraction = extract_text(
        "Eight of the injured are in intensive care. Two of those killed were teenagers. "
        "One of them was taken to hospital. Forty people were injured.");
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].quote == "Forty people were injured");
    CHECK(of(extraction, "deaths").empty());
}

TEST_CASE("hospital verbs count the people they name, and 'taken to hospital' counts")
{
    const Extraction extraction = extract_text(
        "Five firefighters were rushed to Lindholm General Hospital. The clinic admitted 9 people overnight. "
        "St Anne's is treating 12 patients. Three of them were taken to hospital. "
        "Two people were taken to hospital in a critical state. Two other people were taken to hospital later. "
        "The mayor admitted 3 people had died. Two men were taken to the police station.");
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 4);
    CHECK(injuries[0].quote == "Five firefighters were rushed to Lindholm General Hospital");
    CHECK(count_of(injuries[1]) == Count{9, 9});
    CHECK(count_of(injuries[2]) == Count{12, 12});
    // "Two people were taken to hospital" after 12 from the same voice is some of them;
    // "Two other people" are more.
    CHECK(injuries[3].quote == "Two other people were taken to hospital");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]) == Count{3, 3});
    CHECK(of(extraction, "arrests").empty());
}

TEST_CASE("nobody harmed by an agent clears the agent and is no zero toll")
{
    const Extraction extraction =
        extract_text("Nobody was injured by soldiers at the checkpoint. No one was arrested by soldiers.");
    CHECK(of(extraction, "injuries").empty());
    const auto arrests = of(extraction, "arrests");  // arrests are no harm: a zero count stands
    REQUIRE(arrests.size() == 1);
    CHECK(count_of(arrests[0]) == Count{0, 0});
    const auto responsibility = of(extraction, "responsibility");
    REQUIRE(responsibility.size() == 1);
    CHECK(agent_of(responsibility[0]) == Agent{"military", false, "injuries"});
    CHECK(responsibility[0].polarity == Polarity::denied);
}

TEST_CASE("public bodies are agents, a single officer is the police's count, seasons ago are another event")
{
    const Extraction extraction = extract_text(
        "The town council was to blame for the collapse, residents said. "
        "Passengers blamed the transit authority for the deaths. "
        "One officer was injured. Three winters ago, 5 people died on the same road.");
    const auto responsibility = of(extraction, "responsibility");
    REQUIRE(responsibility.size() == 2);
    CHECK(agent_of(responsibility[0]).agent == "council");
    CHECK(agent_of(responsibility[1]).agent == "transport-authority");
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].qualifier == Qualifier{{"group", "police"}});
    CHECK(of(extraction, "deaths").empty());
}

TEST_CASE("'that one' after a verb of saying is a figure, not a pronoun")
{
    const auto deaths = of(extract_text("The union said that one miner was killed. It confirmed that one of "
                                        "the drivers, a man of 40, died."),
                           "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(count_of(deaths[0]) == Count{1, 1});
    CHECK(count_of(deaths[1]) == Count{1, 1});
}

namespace {
Source known_source(std::string id, std::string name, std::vector<std::string> aliases)
{
    Source source;
    source.id = std::move(id);
    source.name = std::move(name);
    source.aliases = std::move(aliases);
    return source;
}
}  // namespace

TEST_CASE("an agent the lexicon does not list is named by its phrase, or is the known source it names")
{
    ExtractOptions options;
    options.known_sources = {known_source("kelda-ferries", "Kelda Ferries Ltd", {"Kelda"}),
                             known_source("harbour-trust", "Harbour Trust", {})};
    const auto claims = of(extract_text("Relatives blamed the ferry operator for the drownings. "
                                        "Kelda is responsible for the two deaths, the union said. "
                                        "The harbour pilot service was not to blame for the collision. "
                                        "Campaigners accused Marlow Shipyards of negligence. "
                                        "The Harbour Trust denied responsibility.",
                                        options),
                            "responsibility");
    REQUIRE(claims.size() == 5);
    CHECK(agent_of(claims[0]).agent == "ferry-operator");
    CHECK(agent_of(claims[0]).responsible);
    CHECK(agent_of(claims[1]).agent == "kelda-ferries");
    CHECK(agent_of(claims[1]).for_attribute == "deaths");
    CHECK(claims[1].source == "union");
    CHECK(agent_of(claims[2]).agent == "harbour-pilot-service");
    CHECK_FALSE(agent_of(claims[2]).responsible);
    CHECK(claims[2].polarity == Polarity::denied);
    CHECK(agent_of(claims[3]).agent == "marlow-shipyards");
    CHECK(agent_of(claims[4]).agent == "harbour-trust");
    CHECK(claims[4].source == "harbour-trust");
    CHECK(claims[4].polarity == Polarity::denied);
}

TEST_CASE("a vague body, a lone unknown capital or a blame verb without 'for' names no agent")
{
    for (const char* text : {"The company was responsible for the deaths.", "Nobody is to blame for the crash.",
                             "If anyone is responsible, it is not us.", "Officials held Monday's hearing.",
                             "Marlow is responsible for the deaths."}) {
        INFO(text);
        CHECK(of(extract_text(text), "responsibility").empty());
    }
}

TEST_CASE("a pronoun opening a blame sentence blames for the source in focus")
{
    ExtractOptions options;
    options.known_sources = {known_source("landworkers-front", "Landworkers' Front", {"the Front"})};
    const auto claims = of(extract_text("The Landworkers' Front gave a toll of 17. It accused the police of a massacre.",
                                        options),
                           "responsibility");
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].source == "landworkers-front");
    CHECK(agent_of(claims[0]).agent == "police");
}

TEST_CASE("the subject of a blame verb is the source of the blame when it names a source")
{
    ExtractOptions options;
    options.known_sources = {known_source("dockers-union", "Dockers' Union", {"the union"})};
    const auto claims = of(extract_text("The union blamed the port operator for the death.", options), "responsibility");
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].source == "dockers-union");
    CHECK(agent_of(claims[0]).agent == "port-operator");
}

TEST_CASE("'both' restates a toll of two, and counts nothing without a trigger")
{
    const Extraction extraction = extract_text("Both climbers died in the fall. The guide mourned both deaths. "
                                               "Rescuers searched both sides of the ridge.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(count_of(deaths[0]) == Count{2, 2});
    CHECK(deaths[0].quote == "Both climbers died");
    CHECK(count_of(deaths[1]) == Count{2, 2});
    CHECK(extraction.claims.size() == 2);
}

TEST_CASE("one person named without a figure is a count of one")
{
    const Extraction extraction = extract_text(
        "A cyclist died at the junction. The driver of the van, a 45-year-old man from Lisk, was arrested. "
        "A teenage pedestrian was injured.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]) == Count{1, 1});
    CHECK(deaths[0].quote == "A cyclist died");
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].quote == "The driver of the van, a 45-year-old man from Lisk, was arrested");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(of(extraction, "headline").empty());
    // A headline's lone noun counts too.
    CHECK(count_of(of(extract_text("Miner dies in rock fall\n\nThe mine was closed."), "deaths").at(0)) == Count{1, 1});
}

TEST_CASE("an ordinal person or a negated person is no count of one")
{
    const Extraction extraction = extract_text(
        "A fifth passenger died on Sunday, bringing the toll to five. No passenger was arrested. "
        "Not a single rider was hurt.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]) == Count{5, 5});
    CHECK(of(extraction, "injuries").empty());
    CHECK(of(extraction, "arrests").empty());  // "No passenger" is no count of one
}

TEST_CASE("a speaker's own 'it' or 'we' before a responsibility state is the speaker, denied when a denial verb precedes")
{
    ExtractOptions options;
    options.known_sources = {Source{"orla-ferries", "Orla Ferries", "company", Stake::party, {}}};
    const auto first = of(extract_text("Orla Ferries said it was not responsible for the deaths.", options),
                          "responsibility");
    REQUIRE(first.size() == 1);
    CHECK(agent_of(first[0]).agent == "orla-ferries");
    CHECK_FALSE(agent_of(first[0]).responsible);
    CHECK(first[0].polarity == Polarity::denied);
    const auto second = of(extract_text("Orla Ferries said the crossing was routine and denied that it was to blame.",
                                        options),
                           "responsibility");
    REQUIRE(second.size() == 1);
    CHECK_FALSE(agent_of(second[0]).responsible);
    // In the text's own voice, "it" is somebody else: no claim.
    CHECK(of(extract_text("It is responsible for the deaths, the families believe it."), "responsibility").empty());
    CHECK(of(extract_text("The inquiry goes on. It was responsible for nothing."), "responsibility").empty());
}

TEST_CASE("a restating phrase counts what the last count counted")
{
    const Extraction extraction = extract_text(
        "Organisers said 30,000 people marched. The police put the figure at 8,000.");
    const auto participants = of(extraction, "participants");
    REQUIRE(participants.size() == 2);
    CHECK(count_of(participants[1]) == Count{8000, 8000});
    CHECK(participants[1].source == "police");
    CHECK(participants[1].quote == "put the figure at 8,000");
    // With no count before it, the phrase says nothing.
    CHECK(extract_text("The police put the figure at 8,000.").claims.empty());
}

TEST_CASE("measures, speakers and relative clauses do not make or qualify a count")
{
    const Extraction extraction = extract_text(
        "For three hours the crowd pressed on the gates. Both unions say people were hurt. "
        "Two officers suffered sprains while removing protesters. "
        "Nine persons who resisted officers were detained.");
    CHECK(of(extraction, "participants").empty());
    const auto injuries = of(extraction, "injuries");
    CHECK(injuries.empty());  // "suffered sprains" is no trigger; "Both unions say" counts the speakers
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(count_of(arrests[0]) == Count{9, 9});
    CHECK(arrests[0].qualifier.empty());
}

TEST_CASE("a person as the object of an arrest or a killing is a count of one; a patient is not")
{
    const Extraction extraction = extract_text(
        "Police arrested a 30-year-old man on Friday. The lorry killed a pedestrian. Medics treated a woman.");
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(count_of(arrests[0]) == Count{1, 1});
    CHECK(arrests[0].quote == "arrested a 30-year-old man");
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(of(extraction, "injuries").empty());
}

TEST_CASE("headline tense, 'rises to' and 'drowned' count")
{
    const Extraction extraction = extract_text(
        "Police arrest two men\n\nThe death toll rises to four, officials said. At least 12 people drowned.");
    REQUIRE(of(extraction, "arrests").size() == 1);
    CHECK(count_of(of(extraction, "arrests")[0]) == Count{2, 2});
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(count_of(deaths[0]) == Count{4, 4});
    CHECK(count_of(deaths[1]) == Count{12, std::nullopt});
}

TEST_CASE("a speaker named by an agent's phrase clears that agent; quotation marks and self-denying states keep the claim")
{
    const auto first = of(extract_text("Ostby Council says it is \"not to blame for the flood\"."), "responsibility");
    REQUIRE(first.size() == 1);
    CHECK(agent_of(first[0]).agent == "council");
    CHECK(first[0].polarity == Polarity::denied);
    ExtractOptions options;
    options.known_sources = {Source{"caledon-leisure", "Caledon Leisure", "company", Stake::party, {}}};
    const auto second = of(extract_text("Caledon Leisure \"bears no responsibility for the deaths\", its lawyer said.",
                                        options),
                           "responsibility");
    REQUIRE(second.size() == 1);
    CHECK(agent_of(second[0]).agent == "caledon-leisure");
    CHECK_FALSE(agent_of(second[0]).responsible);
    const auto third = of(extract_text("The residents said the police were \"responsible for the deaths\"."),
                          "responsibility");
    REQUIRE(third.size() == 1);
    CHECK(agent_of(third[0]).agent == "police");
    CHECK(agent_of(third[0]).responsible);
}

TEST_CASE("claim ids can be left out for a caller that only reads the claims")
{
    ExtractOptions options;
    options.claim_ids = false;
    const Extraction without = extract_text("Police said 12 people were injured.", options);
    REQUIRE(without.claims.size() == 1);
    CHECK(without.claims[0].id.empty());
    const Extraction with = extract_text("Police said 12 people were injured.");
    REQUIRE(with.claims.size() == 1);
    CHECK(with.claims[0].id == make_claim_id(with.claims[0]));
}

TEST_CASE("a passive verb of saying, a section's number, falling ill and taking part")
{
    // "are confirmed dead": the figure is the trigger's, not the subject of "confirmed".
    Extraction extraction = extract_text("Two traders are confirmed dead at the hospital.");
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(count_of(of(extraction, "deaths")[0]).lo == 2);
    // "3.3" numbers a section: no whole count of people.
    extraction = extract_text("3.6 Police officers took part in beating people who were detained.");
    CHECK(of(extraction, "participants").empty());
    extraction = extract_text("The union said at least 90 of its members had been taken ill.");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(count_of(of(extraction, "injuries")[0]).lo == 90);
    // "its crews took 21 people to hospital" counts the injured as "taken to
    // hospital" does; "took 21 people to the station" does not.
    extraction = extract_text("The ambulance service said its crews took 21 people to Stennock Royal Infirmary.");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(count_of(of(extraction, "injuries")[0]).lo == 21);
    extraction = extract_text("Police said officers took 21 people to the station for questioning.");
    CHECK(of(extraction, "injuries").empty());
    // "stabbed to death", "beaten to death": one person named dies.
    extraction = extract_text("A man was stabbed to death outside the station, police said.");
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(count_of(of(extraction, "deaths")[0]).lo == 1);
    // "The correct figure is nine" after a withdrawn figure counts what the
    // withdrawn one counted.
    extraction = extract_text("Police said two men had been arrested. An earlier version of this article incorrectly "
                              "stated that 12 people had been injured. The correct figure is nine.");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(count_of(of(extraction, "injuries")[0]).lo == 9);
    // A figure its source withdrew in the same sentence counts nothing.
    extraction = extract_text("A deputy mayor said 15 people had died, but he withdrew the figure within the hour.");
    CHECK(of(extraction, "deaths").empty());
    // A skipper, a signaller, a clerk are persons: one arrested is a count of one.
    extraction = extract_text("Police said they had arrested the barge's skipper.");
    REQUIRE(of(extraction, "arrests").size() == 1);
    CHECK(count_of(of(extraction, "arrests")[0]).lo == 1);
    extraction = extract_text("More than 200 guests have fallen ill since the banquet, the directorate said.");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(count_of(of(extraction, "injuries")[0]).lo == 201);
    extraction = extract_text("About 200 inmates are taking part in the disturbance.");
    REQUIRE(of(extraction, "participants").size() == 1);
    CHECK(count_of(of(extraction, "participants")[0]).lo == 180);
}

TEST_CASE("a heading in capitals names no agent, an aside's group is not the count's, and a described role's name is")
{
    Extraction extraction = extract_text("WHO IS RESPONSIBLE\n\nThe tenants say Ashlar Homes is responsible.");
    auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "ashlar-homes");
    extraction = extract_text("Forty-one people, most of them children from a skating club, were treated for "
                              "fumes.");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(of(extraction, "injuries")[0].qualifier.empty());
    CHECK(count_of(of(extraction, "injuries")[0]).lo == 41);
    extraction = extract_text("The families' committee blamed the ferry's owner, Oruvai Star Lines, for the deaths.");
    blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "oruvai-star-lines");
}

TEST_CASE("an agent that is the subject of an active harm verb did the harm")
{
    Extraction extraction = extract_text("The police killed two men near the square.");
    auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "police");
    CHECK(agent_of(blame[0]).responsible);
    CHECK(blame[0].polarity == Polarity::asserted);
    CHECK(blame[0].origin == "extracted:responsibility-subject@1");
    extraction = extract_text("Soldiers shot dead five traders, a witness said.");
    blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "military");
    // Passive, a headline's passive, and the agent counted: no blame.
    CHECK(of(extract_text("Two police officers were killed near the square."), "responsibility").empty());
    CHECK(of(extract_text("Police killed in ambush near the border"), "responsibility").empty());
    CHECK(of(extract_text("Fourteen police injured the day before were discharged."), "responsibility").empty());
}

TEST_CASE("the subject of a verb of violence is responsible, implied in a clause of circumstance, denied after a denial")
{
    Extraction extraction = extract_text("Soldiers opened fire on the crowd, witnesses said.");
    auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "military");
    CHECK(blame[0].polarity == Polarity::asserted);
    extraction = extract_text("Two men died when soldiers opened fire on the crowd.");
    blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(blame[0].polarity == Polarity::implied);
    CHECK(agent_of(blame[0]).for_attribute == "deaths");
    extraction = extract_text("The army denied that troops had fired on civilians.");
    blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK_FALSE(agent_of(blame[0]).responsible);
    CHECK(blame[0].polarity == Polarity::denied);
    // Counted officers are no subject: "two of the officers beat ..." names no blame.
    CHECK(of(extract_text("Two of the officers beat a drum at the head of the march."), "responsibility").empty());
}

TEST_CASE("'they' before a state stands for the agent that opened its clause or the sentence before")
{
    Extraction extraction = extract_text("\"The police came in firing. They are responsible for these deaths,\" she said.");
    auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "police");
    CHECK(agent_of(blame[0]).for_attribute == "deaths");
    extraction = extract_text("Soldiers did not go looking for a fight. They are not to blame, the minister said.");
    blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "military");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    // With no agent before, "they" blames no one.
    CHECK(of(extract_text("The storm came at night. They are to blame, a neighbour said."), "responsibility").empty());
}

TEST_CASE("a headline's participle, a person pronounced dead, and people who protested")
{
    Extraction extraction = extract_text("Six confirmed dead after flood");
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(count_of(of(extraction, "deaths")[0]).lo == 6);
    // "reported" before a noun is a verb of its own: "Two officers" is its subject, no count of the hurt.
    extraction = extract_text("Two officers have reported injuries, the force said.");
    CHECK(of(extraction, "injuries").empty());
    extraction = extract_text("A cyclist was pronounced dead at the scene.");
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(count_of(of(extraction, "deaths")[0]).lo == 1);
    extraction = extract_text("Tens of thousands of people have protested in the capital.");
    REQUIRE(of(extraction, "participants").size() == 1);
    CHECK(count_of(of(extraction, "participants")[0]).lo == 20000);
    extraction = extract_text("About 700 students had taken part in the sit-in.");
    REQUIRE(of(extraction, "participants").size() == 1);
    CHECK(count_of(of(extraction, "participants")[0]).lo == 630);
}

TEST_CASE("a fact sheet's label that holds a trigger counts the figure after its colon")
{
    Extraction extraction = extract_text("Injured people treated in health facilities: 212\n");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(count_of(of(extraction, "injuries")[0]).lo == 212);
    extraction = extract_text("People detained for looting in the port: 12\n");
    REQUIRE(of(extraction, "arrests").size() == 1);
    CHECK(count_of(of(extraction, "arrests")[0]).lo == 12);
    // A colon more than ten words after the trigger ends no label of it.
    CHECK(of(extract_text("Injured people were treated in clinics across the northern district and along the "
                          "coast after the storm: 212\n"),
             "injuries")
              .empty());
}

TEST_CASE("'blamed' takes a named body alone; only 'held' needs what the blame is for")
{
    Extraction extraction = extract_text("The union blamed Trackways Infrastructure.");
    auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "trackways-infrastructure");
    CHECK(of(extract_text("Residents held Sunday's vigil at the foot of the lift."), "responsibility").empty());
}

TEST_CASE("'last year' is another year unless the event is of the year before the document's")
{
    // text_document is published in 2023.
    const std::string text = "Three racegoers died when a grandstand gave way on Easter Monday last year.";
    CHECK(of(extract_text(text), "deaths").empty());
    ExtractOptions options;
    options.event = "larkhollow-grandstand-collapse-2022";
    const auto deaths = of(extract_text(text, options), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]).lo == 3);
    // Other phrases of another time keep their figures out.
    CHECK(of(extract_text("Two years ago a grandstand collapse killed nine people.", options), "deaths").empty());
}

TEST_CASE("a name or a described body before an active harm verb did the harm, and the person counts no one")
{
    ExtractOptions options;
    options.known_sources.push_back(Source{"torvane-rail", "Torvane Rail Networks", "rail operator", Stake::party,
                                           {"Torvane"}});
    options.known_sources.push_back(Source{"pellcroft", "Pellcroft Property", "landlord", Stake::party, {}});
    Extraction extraction = extract_text("\"Torvane killed my husband,\" said Moira Deverill.", options);
    auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "torvane-rail");
    CHECK(agent_of(blame[0]).responsible);
    CHECK(blame[0].polarity == Polarity::asserted);
    // A described body is the known source of its kind: no count of one for "The landlord".
    extraction = extract_text("\"The landlord killed our friends,\" said Iosif Marculet.", options);
    blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "pellcroft");
    CHECK(of(extraction, "deaths").empty());
    // A name of no known source is its slug.
    blame = of(extract_text("\"Brightwell Home killed my mother,\" he said."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "brightwell-home");
    // Not a name inside the clause, nor a verb of care, nor a passive.
    CHECK(of(extract_text("The blast at Brackley Chemicals killed four workers."), "responsibility").empty());
    CHECK(of(extract_text("Carrowmore District Hospital has treated 26 people."), "responsibility").empty());
    CHECK(of(extract_text("Marta Kessel was killed at the crossing."), "responsibility").empty());
    // A person before a verb with no object is counted: "A guard died the next day".
    REQUIRE(of(extract_text("A guard died the next day."), "deaths").size() == 1);
    // ... and after an active verb, its object is: "A guard shot a man".
    const auto deaths = of(extract_text("A guard killed a man."), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].quote == "killed a man");
}

TEST_CASE("a speaker's pronoun that denies the blame clears the speaker; denying another's words does not")
{
    ExtractOptions options;
    options.known_sources.push_back(Source{"karsholm", "Karsholm Tankers", "ship operator", Stake::party, {}});
    const Extraction extraction = extract_text(
        "Karsholm Tankers has issued a statement. It says a valve failed, and it denies any negligence.", options);
    const auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(blame[0].source == "karsholm");
    CHECK(agent_of(blame[0]).agent == "karsholm");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    CHECK(blame[0].polarity == Polarity::denied);
    CHECK(of(extract_text("The union said: \"We reject the claim of Ostrava Mining that nobody could have known.\""),
             "responsibility")
              .empty());
}

TEST_CASE("'has blood on its hands' lays the blame on its subject")
{
    const auto blame = of(extract_text("\"The port authority has blood on its hands,\" the union said."),
                          "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "port-authority");
    CHECK(agent_of(blame[0]).responsible);
}

TEST_CASE("an agent in a relative clause is no subject of the state after it")
{
    const auto blame =
        of(extract_text("The rioters who threw fireworks at officers and firefighters are to blame for every injury."),
           "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "protesters");
    // "bear full responsibility" is a state of blame too.
    const auto full = of(extract_text("The occupation army bears full responsibility for this massacre."),
                         "responsibility");
    REQUIRE(full.size() == 1);
    CHECK(agent_of(full[0]).agent == "military");
}

TEST_CASE("'the responsibility of', 'the job of' point at an agent: implied, asserted when a harm is their subject")
{
    auto blame = of(extract_text("Security at the gates was the job of Shieldline Services, the minister said."),
                    "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "shieldline-services");
    CHECK(blame[0].polarity == Polarity::implied);
    blame = of(extract_text("That child's death is the responsibility of the housing department."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "housing-department");
    CHECK(blame[0].polarity == Polarity::asserted);
    // "a matter for" names as often who will find out as whom to blame.
    CHECK(of(extract_text("Who is responsible will be a matter for the Chemical Hazards Inspectorate."),
             "responsibility")
              .empty());
}

TEST_CASE("a directorate and an administration are bodies, the known source of that kind when alone")
{
    ExtractOptions options;
    options.known_sources.push_back(
        Source{"corrections", "Corrections Directorate", "prison directorate", Stake::party, {}});
    const auto blame = of(extract_text("Cellwatch blames the directorate for the deaths.", options), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "corrections");
    const auto named = of(extract_text("The district administration is responsible for this."), "responsibility");
    REQUIRE(named.size() == 1);
    CHECK(agent_of(named[0]).agent == "district-administration");
}

TEST_CASE("a figure withdrawn in its sentence or by the sentence after it is no claim")
{
    CHECK(of(extract_text("A report that more than 50 fishermen had died was withdrawn the same evening."), "deaths")
              .empty());
    CHECK(of(extract_text("A news site reported six dead and took the figure down within the hour."), "deaths").empty());
    // "That was wrong." opening the next sentence withdraws the counts before it, not those after.
    const Extraction extraction =
        extract_text("The article said two people had been killed. That was wrong. One man died.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].quote == "One man died");
    // In the present tense it disputes a figure its source still gives.
    CHECK(of(extract_text("The ministry says 12 people died. That is wrong, the union says."), "deaths").size() == 1);
}

TEST_CASE("'does not believe' denies the blame after it; 'We reject that allegation' clears the speaker")
{
    auto blame = of(extract_text("The mayor said: \"I do not believe the council is responsible for what happened.\""),
                    "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "council");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    CHECK(blame[0].polarity == Polarity::denied);
    ExtractOptions options;
    options.speaker = "carrowan";
    options.known_sources.push_back(Source{"carrowan", "Carrowan Oil Company", "oil company", Stake::party, {}});
    blame = of(extract_text("The committee says our guards stood by. We reject that allegation.", options),
               "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "carrowan");
    CHECK(blame[0].polarity == Polarity::denied);
}

TEST_CASE("police that stormed or dispersed a crowd when people died are implied in the deaths")
{
    const auto blame = of(extract_text("Two students died when riot police stormed a sit-in at the university."),
                          "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "police");
    CHECK(blame[0].polarity == Polarity::implied);
    // "break up" is not read: headlines use it of marches where no one blames the police.
    CHECK(of(extract_text("Police break up march in the capital"), "responsibility").empty());
}

TEST_CASE("a committee is a body; a name may join its words with 'and'")
{
    auto blame = of(extract_text("The Ministry blames the Sorvin Strike Committee for the violence."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "sorvin-strike-committee");
    blame = of(extract_text("The union blamed Lowmarsh Fire and Rescue Service for the deaths."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "lowmarsh-fire-and-rescue-service");
    // "the committee" alone names no one unless a known source is of that kind.
    CHECK(of(extract_text("They blamed the committee for the deaths."), "responsibility").empty());
}

TEST_CASE("denials of one's own deed, a death denied as the police's, and neglect")
{
    ExtractOptions options;
    options.known_sources.push_back(Source{"kelvig", "Kelvig Construction", "building contractor", Stake::party,
                                           {"Kelvig"}});
    auto blame = of(extract_text("Kelvig issued a statement. It denied that it had ignored safety concerns.", options),
                    "responsibility");
    REQUIRE(!blame.empty());
    CHECK(agent_of(blame[0]).agent == "kelvig");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    blame = of(extract_text("Kelvig said: \"We reject the allegation that we cut corners.\"", options), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "kelvig");
    CHECK(blame[0].polarity == Polarity::denied);
    // A death the speaker denies was the police's is a denial of their part.
    blame = of(extract_text("The ministry denies he died as a result of police action."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "police");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    // Neglect implies its subject; "put the blame squarely on" blames.
    blame = of(extract_text("The union says Roskell Mining ignored warnings about the pumps."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "roskell-mining");
    CHECK(blame[0].polarity == Polarity::implied);
    blame = of(extract_text("The council denies ignoring the complaints."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK_FALSE(agent_of(blame[0]).responsible);
    blame = of(extract_text("The operator put the blame squarely on Drovna Haulage."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "drovna-haulage");
}

TEST_CASE("a possessive before 'responsibility' points at its owner; 'has to answer for' blames; 'did nothing' neglects")
{
    auto blame = of(extract_text("The trust said the crossing was the rail company's responsibility."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "rail-company");
    CHECK(agent_of(blame[0]).responsible);
    blame = of(extract_text("The drains were not the council's responsibility, the mayor said."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "council");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    CHECK(blame[0].polarity == Polarity::denied);
    blame = of(extract_text("\"The council has to answer for that,\" she said."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "council");
    blame = of(extract_text("Residents warned Parkwise Holdings for years, and Parkwise Holdings did nothing about it."),
               "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "parkwise-holdings");
    CHECK(blame[0].polarity == Polarity::implied);
    CHECK(of(extract_text("Most of those who joined the march did nothing wrong."), "responsibility").empty());
}

TEST_CASE("a verdict of manslaughter blames; a denial of one's own officers' deed clears the speaker")
{
    auto blame = of(extract_text("Kestrand Homes Ltd has been found guilty of corporate manslaughter."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "kestrand-homes-ltd");
    CHECK(agent_of(blame[0]).responsible);
    ExtractOptions options;
    options.known_sources.push_back(Source{"border", "State Border Service", "border police", Stake::party, {}});
    blame = of(extract_text("The State Border Service denies that its officers used live ammunition.", options),
               "responsibility");
    // The service clears itself (and its officers, as the police).
    const auto own = std::ranges::find_if(blame, [](const Claim& claim) { return agent_of(claim).agent == "border"; });
    REQUIRE(own != blame.end());
    CHECK_FALSE(agent_of(*own).responsible);
    CHECK(own->polarity == Polarity::denied);
}

TEST_CASE("'lies with', 'rests with' point at an agent, outright after 'responsibility'")
{
    auto blame = of(extract_text("The company said responsibility for the flue lies with Kelston Heating Services."),
                    "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "kelston-heating-services");
    CHECK(blame[0].polarity == Polarity::asserted);
    blame = of(extract_text("The service said the emergency plan rests with Tallow Brook Utilities."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(blame[0].polarity == Polarity::implied);
}

TEST_CASE("the whole a part is taken from is no count of its own")
{
    auto injuries = of(extract_text("Of the 47 people injured, 12 suffered broken bones."), "injuries");
    for (const auto& claim : injuries) CHECK(count_of(claim).lo != 47);
    auto deaths = of(extract_text("By the association's count, 14 of the 23 died of gunshot wounds."), "deaths");
    for (const auto& claim : deaths) CHECK(count_of(claim).lo != 23);
    // "None of the 86 passengers": a zero of a part, and no count of 86 either.
    CHECK(of(extract_text("None of the 86 passengers on the train was hurt."), "injuries").empty());
    // A figure after "of the" with no part before it still counts: "the deaths of the 12 miners".
    deaths = of(extract_text("The union mourned the deaths of the 12 miners."), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]).lo == 12);
}

TEST_CASE("'among the injured' makes a part; 'no one else' is no zero; 'each ... who died' counts no one")
{
    CHECK(of(extract_text("Two stewards were among the injured."), "injuries").empty());
    CHECK(of(extract_text("Four children were among those we treated, the hospital said."), "injuries").empty());
    // An aside with "among" before the trigger does not make the whole a part.
    auto injuries = of(extract_text("Eleven people, among them two children, were injured."), "injuries");
    REQUIRE_FALSE(injuries.empty());
    CHECK(count_of(injuries[0]).lo == 11);
    // After an arrest, "no one else" says there were no more, not that there were none.
    auto arrests = of(extract_text("Police arrested a 34-year-old man. No one else has been arrested."), "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(count_of(arrests[0]).lo == 1);
    CHECK(of(extract_text("Nobody else has been detained, police said."), "arrests").empty());
    // "No one has been arrested" is still a zero.
    arrests = of(extract_text("No one has been arrested, police said."), "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(count_of(arrests[0]).lo == 0);
    CHECK(of(extract_text("The firm will pay the family of each passenger who died."), "deaths").empty());
    REQUIRE(of(extract_text("A passenger who died was named on Friday."), "deaths").size() == 1);
}

TEST_CASE("'denies this', 'rejects that account' clear the speaker only after a blame of the speaker")
{
    // The second claim of `text` is a denial that clears `agent`.
    auto second_clears = [](std::string_view text, std::string_view agent) {
        const auto blame = of(extract_text(std::string(text)), "responsibility");
        REQUIRE(blame.size() == 2);
        CHECK(agent_of(blame[1]).agent == agent);
        CHECK_FALSE(agent_of(blame[1]).responsible);
        CHECK(blame[1].polarity == Polarity::denied);
    };
    second_clears("The union blamed Amberlane Pleasure Cruises for the capsize. Amberlane Pleasure Cruises denies "
                  "this.\n",
                  "amberlane-pleasure-cruises");
    // The blame may be in the paragraph before.
    second_clears("Families say the council ignored warnings.\n\nThe council rejects that account completely.\n",
                  "council");
    // Two paragraphs back is too far, whether or not the denial opens its paragraph.
    CHECK(of(extract_text("Families say the council ignored warnings.\n\nThe meeting ran late.\n\nThe council "
                          "rejects that account.\n"),
             "responsibility")
              .size() == 1);
    std::vector<Claim> blame;
    // After a figure, or a blame of another, nothing is cleared.
    CHECK(of(extract_text("The union says 40 people were hurt. The ministry rejects that.\n"), "responsibility")
              .empty());
    blame = of(extract_text("The union blamed the police. The ministry rejected that.\n"), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).responsible);
    // "denied that ..." opens what is denied: no pointing back.
    blame = of(extract_text("The union blamed Dervan River Transport. Dervan River Transport denied that the ferry "
                            "had been late.\n"),
               "responsibility");
    CHECK(blame.size() == 1);
}

TEST_CASE("a denial inside reported words clears its subject; 'and it did nothing' blames the body before")
{
    ExtractOptions options;
    options.known_sources.push_back(Source{"rosewell", "Rosewell Knitwear", "garment company", Stake::party, {}});
    auto blame = of(extract_text("A lawyer for Rosewell Knitwear said the company denied any wrongdoing.", options),
                    "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "rosewell");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    CHECK(blame[0].polarity == Polarity::denied);
    // In the publication's voice the body that denies speaks.
    blame = of(extract_text("The company rejected the allegation.", options), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(blame[0].source == "rosewell");
    // A quotation mark between the pronoun and the verb.
    blame = of(extract_text("Ferrick Track Services said it \"rejects the accusation\" and that the work was planned."),
               "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "ferrick-track-services");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    blame = of(extract_text("\"We warned Ferrick Track Services in August, and it did nothing,\" the union said."),
               "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "ferrick-track-services");
    CHECK(blame[0].polarity == Polarity::implied);
    CHECK(blame[0].quote == "it did nothing");
}

TEST_CASE("'and did nothing', 'and nothing happened' after a warning blame the first body of the sentence")
{
    // The one responsibility claim of `text`: its agent, implied.
    auto blamed = [](std::string text, ExtractOptions options = {}) {
        const auto blame = of(extract_text(std::move(text), std::move(options)), "responsibility");
        REQUIRE(blame.size() == 1);
        CHECK(blame[0].polarity == Polarity::implied);
        return agent_of(blame[0]).agent;
    };
    CHECK(blamed("\"We told the council, and nothing happened,\" she said.") == "council");
    CHECK(of(extract_text("\"We told the council, and nothing happened,\" she said."), "responsibility").at(0).quote ==
          "nothing happened");
    ExtractOptions options;
    options.known_sources.push_back(Source{"ravelin", "Ravelin Tyre Recovery", "company", Stake::party, {"Ravelin"}});
    CHECK(blamed("Ravelin was warned in March, warned again in June, and did nothing.", options) == "ravelin");
    // The body after the sentence's speaker, not the speaker.
    CHECK(blamed("Yarrowby Town said that Portheath Rovers had been warned and did nothing.") == "portheath-rovers");
}

TEST_CASE("a bare figure opening its clause, below its source's count in the paragraph, is a part")
{
    auto injuries = of(extract_text("Eleven people were injured. Eight were treated at the scene and three were taken "
                                    "to hospital."),
                       "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(count_of(injuries[0]).lo == 11);
    // A word of addition makes a count of its own; so does a new paragraph, or a noun.
    auto deaths = of(extract_text("Seven people died. Five were pronounced dead at the scene.\n\nThree died later."),
                     "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(count_of(deaths[1]).lo == 3);
    injuries = of(extract_text("Eleven people were injured. Two more were taken to hospital."), "injuries");
    REQUIRE(injuries.size() == 2);
    injuries = of(extract_text("Eleven people were injured. 723 people were injured in all."), "injuries");
    CHECK(injuries.size() == 2);
    // A zero is never a part.
    deaths = of(extract_text("Two people died, residents said. None died, the hospital said."), "deaths");
    CHECK(deaths.size() == 2);
}

TEST_CASE("'since January' is cumulative; a sentence opening with another month tells of another event")
{
    // extract_text's document is of 20 June.
    auto deaths = [](std::string text) { return of(extract_text(std::move(text)), "deaths"); };
    CHECK(deaths("At least 212 people have died on this route since January, the charity said.").empty());
    CHECK(deaths("In April, 31 people drowned when a boat sank off the same headland.").empty());
    // The document's month and the one before it are the event's.
    CHECK(deaths("In May, 31 people drowned when the boat sank.").size() == 1);
    CHECK(deaths("In June, 31 people drowned when the boat sank.").size() == 1);
    // Inside a sentence a month does not move the figures: a trial report's event.
    CHECK(deaths("Four people were killed when the car park collapsed in March.").size() == 1);
}

TEST_CASE("a correction notice's 'The article said ...' quotes a withdrawn figure")
{
    const Extraction extraction = extract_text("The article said 12 people had been arrested. The correct figure is four.\n\n"
                                               "The earlier version said nine people had died. Six died.");
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(count_of(arrests[0]).lo == 4);
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]).lo == 6);
}

// The one responsibility claim extracted from `text`.
Claim only_blame(std::string text)
{
    const auto blame = of(extract_text(std::move(text)), "responsibility");
    REQUIRE(blame.size() == 1);
    return blame[0];
}

TEST_CASE("a state after an aside between commas is the named subject's: an apposition or a relative clause")
{
    CHECK(agent_of(only_blame("The court heard that its contractor, Penbury Boiler Services, was at fault.")).agent ==
          "penbury-boiler-services");
    // A name that ends in the lexicon's agent is that agent, quoted whole.
    const Claim council = only_blame("He said Fenchester City Council, which licensed the fair, had been at fault.");
    CHECK(agent_of(council).agent == "council");
    CHECK(council.quote == "Fenchester City Council, which licensed the fair, had been at fault");
}

TEST_CASE("'He died in hospital' counts one death where none was counted before")
{
    auto deaths = of(extract_text("A protester was hit by a car in the square. He died in hospital on Sunday."), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]) == Count{1, 1});
    deaths = of(extract_text("Two people were killed. He died at the scene."), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]).lo == 2);
    CHECK(of(extract_text("He did not die."), "deaths").empty());
}

TEST_CASE("'Three passengers died' after the same voice's larger toll is a part; after a named speaker a count")
{
    auto deaths = of(extract_text("Four people died in the crash. Three passengers died at the scene."), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]).lo == 4);
    deaths = of(extract_text("Four people died in the crash. According to the union, three workers died."), "deaths");
    CHECK(deaths.size() == 2);
    // A qualifier group counts a group of its own.
    const auto injuries =
        of(extract_text("Forty people were injured. Eleven officers were injured at the gate."), "injuries");
    CHECK(injuries.size() == 2);
}
