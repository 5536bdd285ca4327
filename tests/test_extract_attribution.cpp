// Attribution: every common order, acronyms, continuation, the publication's voice.
#include "test_extract_support.hpp"

using namespace contra;
using namespace contra::test;

namespace {

// The (source, mention) of the single count claim in `text` (cause claims,
// which some of the sentences also state, are left aside).
std::pair<std::string, std::string> speaker_of(const std::string& text, ExtractOptions options = {})
{
    Extraction extraction = extract_text(text, std::move(options));
    std::erase_if(extraction.claims, [](const Claim& claim) { return claim.attribute == "cause"; });
    REQUIRE(extraction.claims.size() == 1);
    return {extraction.claims[0].source, extraction.claims[0].mention};
}

using Pair = std::pair<std::string, std::string>;

}  // namespace

TEST_CASE("attribution is read in every common order")
{
    CHECK(speaker_of("A police spokesman said 12 people were injured.") == Pair{"police-spokesman", "A police spokesman"});
    CHECK(speaker_of("Twelve people were injured, local officials said.") == Pair{"local-officials", "local officials"});
    CHECK(speaker_of("According to the hospital, 12 people were injured.") == Pair{"hospital", "the hospital"});
    CHECK(speaker_of("Twelve people were injured, said the hospital.") == Pair{"hospital", "the hospital"});
    CHECK(speaker_of("Interior Minister Bledi Cuci told reporters that 3 people were arrested.") ==
          Pair{"interior-minister-bledi-cuci", "Interior Minister Bledi Cuci"});
    CHECK(speaker_of("In a statement, the ministry insisted that 3 people were arrested.") ==
          Pair{"ministry", "the ministry"});
    CHECK(speaker_of("\"Three people were arrested,\" Mr. Hoxha said.") == Pair{"mr-hoxha", "Mr. Hoxha"});
}

TEST_CASE("sentences without attribution belong to the publication, or to --source")
{
    CHECK(speaker_of("Three people were arrested on Tuesday.") == Pair{"publication", ""});
    ExtractOptions options;
    options.speaker = "police";
    CHECK(speaker_of("Three people were arrested on Tuesday.", options) == Pair{"police", ""});
}

TEST_CASE("an acronym defined in parentheses names the same source")
{
    const Extraction extraction = extract_text(
        "The National Council of Resistance of Iran (NCRI) said one man was killed. "
        "Later the NCRI said 40 people were injured.");
    REQUIRE(extraction.claims.size() == 2);
    CHECK(extraction.claims[0].source == "ncri");
    CHECK(extraction.claims[1].source == "ncri");
    REQUIRE(extraction.new_sources.size() == 1);
    CHECK(extraction.new_sources[0].name == "National Council of Resistance of Iran");
    CHECK(extraction.new_sources[0].aliases == std::vector<std::string>{"NCRI"});
}

TEST_CASE("pronouns and short names continue the speaker most recently in focus")
{
    const Extraction extraction = extract_text(
        "Interior Minister Bledi Cuci said the raid was lawful. He added that 3 officers were injured. "
        "They further claimed 12 people were arrested. Minister Cuci said 2 people died. "
        "\"Five protesters were detained,\" the minister said.");
    REQUIRE(extraction.claims.size() == 4);
    for (const Claim& claim : extraction.claims) CHECK(claim.source == "interior-minister-bledi-cuci");
    CHECK(extraction.claims[0].mention == "He");
    CHECK(extraction.new_sources.size() == 1);
}

TEST_CASE("known sources and their aliases take priority over new ones")
{
    ExtractOptions options;
    options.known_sources.push_back(Source{"interior-ministry", "Albanian Ministry of Interior", "government",
                                           Stake::party, {"Interior Ministry", "Bledi Çuçi"}});
    CHECK(speaker_of("Interior Minister Bledi Çuçi said 3 people were arrested.", options).first == "interior-ministry");
    CHECK(speaker_of("The Interior Ministry said 3 people were arrested.", options).first == "interior-ministry");
    CHECK(speaker_of("Minister Çuçi said 3 people were arrested.", options).first == "interior-ministry");
    CHECK(speaker_of("The ministry said 3 people were arrested.", options).first == "interior-ministry");
}

TEST_CASE("a quotation that goes on in the next sentence keeps its speaker")
{
    const Extraction extraction = extract_text(
        "\"They broke in,\" a spokesperson for the council said. \"Then 40 residents were hurt.\"");
    REQUIRE(extraction.claims.size() == 1);
    CHECK(extraction.claims[0].source == "spokesperson-for-the-council");
}

TEST_CASE("a speaker set apart from the verb by an aside or a relative clause is still read")
{
    // The name in an aside between commas.
    CHECK(speaker_of("Four divers were injured, the contractor, Harlow Marine, said.") ==
          Pair{"harlow-marine", "Harlow Marine"});
    // The name before a relative clause.
    CHECK(speaker_of("Mara Quist, who chairs the tenants' committee, said nine people were hurt.") ==
          Pair{"mara-quist", "Mara Quist"});
    // The head of a speaker phrase that a relative clause completes.
    CHECK(speaker_of("The blast killed two men on Monday, the company that owns the depot said.") ==
          Pair{"company", "the company"});
    // A relative clause inside the reported words is no speaker.
    CHECK(speaker_of("Police questioned the man who said 3 people were hurt.").first != "man");
}

TEST_CASE("possessives and a place belong to the speaker's name")
{
    CHECK(speaker_of("The dockers' welfare association says six men were hurt.").second ==
          "The dockers' welfare association");
    CHECK(speaker_of("The district clinic in Halden said 14 people were treated for burns.").second ==
          "The district clinic in Halden");
}

TEST_CASE("a pronoun after the sentence's own subject stands for that subject")
{
    const Extraction extraction = extract_text(
        "The Pell Valley Water Board gave a statement. The port authority tells a different story: "
        "it says 11 workers died.");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].mention == "The port authority");
    CHECK(deaths[0].source == "port-authority");
}

TEST_CASE("'it now says' after a source's sentence continues that source")
{
    ExtractOptions options;
    Source union_source;
    union_source.id = "dock-union";
    union_source.name = "Dock Workers Union";
    union_source.aliases = {"the union"};
    options.known_sources = {union_source};
    const Extraction extraction =
        extract_text("The union has revised its figure. It now says 30 members were detained.", options);
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].source == "dock-union");
}

TEST_CASE("a transcript's speaker label in capitals gives its turn to a known source")
{
    ExtractOptions options;
    options.known_sources = {Source{"harbour-police", "Harbour Police", "police", Stake::independent, {"Inspector Lund"}},
                             Source{"radio", "Radio Nord", "broadcaster", Stake::independent, {"HOST"}}};
    const Extraction extraction = extract_text(
        "HOST: Inspector, how many were hurt?\n\n"
        "LUND: We know of nine people who were injured. Three more were arrested at the quay.\n\n"
        "HOST: And the council says 20 were hurt.\n\n"
        "NOTE: 4 people were injured in an unrelated crash.",
        options);
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 3);
    CHECK(injuries[0].source == "harbour-police");
    CHECK(injuries[0].mention == "LUND");
    CHECK(injuries[1].source != "harbour-police");  // the council, named in the host's turn
    CHECK(injuries[2].source == "publication");     // a label no source answers to
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].source == "harbour-police");  // the turn goes on after the first sentence
}

TEST_CASE("a label may open with a title and carry a constituency or a name in brackets")
{
    ExtractOptions options;
    options.known_sources = {
        Source{"tom-arden", "Tom Arden", "member of parliament", Stake::unknown, {"Mr TOM ARDEN"}},
        Source{"transport-ministry", "Ministry of Transport", "government", Stake::party, {"Dame Ruth Okafor"}}};
    const Extraction extraction = extract_text(
        "Mr TOM ARDEN (Westhill): Six passengers were injured at Carrow junction.\n\n"
        "The SECRETARY OF STATE (Dame Ruth Okafor): Four passengers were injured, not six.\n\n"
        "Mrs JUNE PELL (Eastmoor): Two more were hurt on the platform.\n\n"
        "Once upon a time: 3 people were hurt.",
        options);
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 4);
    CHECK(injuries[0].source == "tom-arden");
    CHECK(injuries[1].source == "transport-ministry");  // found by the name in brackets
    CHECK(injuries[2].source == "publication");         // a label no source answers to
    CHECK(injuries[3].source == "publication");         // no capitals: no label
}

TEST_CASE("the items of a list belong to the speaker of the line that introduces it")
{
    const Extraction extraction = extract_text(
        "The coastguard said on Monday:\n\n"
        "- three sailors were killed;\n"
        "- 11 were injured.\n\n"
        "Seven people were arrested.",
        ExtractOptions{});
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "coastguard");
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "coastguard");
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].source == "publication");  // after the list, the text's own voice again
}

TEST_CASE("a list item led by a name in bold and a colon is that name's")
{
    auto document = text_document("## Deaths\n\n"
                                  "- **Interior Ministry:** four dead. It says none of them was shot.\n"
                                  "- **Unity Bloc** (opposition): \"at least 19\" protesters killed.\n"
                                  "- **Temple Trust**, which organised the festival: \"nearly 30\" dead.\n"
                                  "- **Injured:** 30 people were hurt.\n"
                                  "- **Non-fatal injuries:** 61\n\n"
                                  "Five people were arrested.\n",
                                  "factbox.md");
    auto extraction = shared_extractor().extract(document, ExtractOptions{"test-event", {}, {}, "publication"});
    REQUIRE(extraction);
    const auto deaths = of(*extraction, "deaths");
    REQUIRE(deaths.size() == 3);
    CHECK(deaths[0].source == "interior-ministry");
    CHECK(deaths[1].source == "unity-bloc");
    CHECK(deaths[2].source == "temple-trust");
    // A bold lead that names what is counted is a heading, not a source.
    const auto injuries = of(*extraction, "injuries");
    REQUIRE(injuries.size() == 2);
    CHECK(injuries[0].source == "publication");
    CHECK(injuries[1].source == "publication");  // hyphenated words are one lead, and a heading
    // The item ends with its line.
    const auto arrests = of(*extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].source == "publication");
}

TEST_CASE("a printed interview's answers are the interviewee's")
{
    ExtractOptions options;
    options.known_sources = {Source{"workers-network", "Safe Passage Workers' Network", "ngo", Stake::party,
                                    {"Theresa Nkemelu"}}};
    const Extraction extraction = extract_text(
        "Theresa Nkemelu runs Safe Passage Workers' Network. We spoke to her at its office.\n\n"
        "Q: The ministry says two workers died. What is your answer?\n"
        "A: Five men died. Nobody has been arrested.\n\n"
        "Q: Who is to blame?\n"
        "A: Ustra Contracting is responsible for the deaths.\n",
        options);
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(deaths[0].source == "ministry");  // relayed in a question
    CHECK(deaths[1].source == "workers-network");
    REQUIRE(of(extraction, "arrests").size() == 1);
    CHECK(of(extraction, "arrests")[0].source == "workers-network");
    REQUIRE(of(extraction, "responsibility").size() == 1);
    CHECK(of(extraction, "responsibility")[0].source == "workers-network");
}

TEST_CASE("'puts the toll at', 'add' and the names of guilds and parties attribute")
{
    const Extraction extraction = extract_text(
        "The company puts the toll at 11. Police add that nobody has been arrested. "
        "The guild says 41 people were injured.");
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(of(extraction, "deaths")[0].source == "company");
    REQUIRE(of(extraction, "arrests").size() == 1);
    CHECK(of(extraction, "arrests")[0].source == "police");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(of(extraction, "injuries")[0].source == "guild");
}

TEST_CASE("a possessive before a figure's noun names its speaker")
{
    ExtractOptions options;
    options.known_sources = {Source{"wescott-line", "Wescott Line", "company", Stake::party, {}},
                             Source{"ministry-of-transport", "Ministry of Transport", "government", Stake::party,
                                    {"the ministry"}}};
    const Extraction extraction = extract_text(
        "Wescott Line's toll of 28 leaves out the crew. The ministry's figure of 72 injured is the highest. "
        "The coastguard said the ministry's figure of 33 dead was too high. "
        "The ministry's figures are false: at least 11 people died.",
        options);
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 3);
    CHECK(deaths[0].source == "wescott-line");
    CHECK(deaths[1].source == "coastguard");  // a verb of saying names its own speaker
    CHECK(deaths[2].source == "publication");  // about the ministry's figures, not in its voice
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "ministry-of-transport");
}

TEST_CASE("a table whose first header is 'Source' gives each row's figures to the body it names")
{
    auto document = text_document("Figures as at noon:\n\n"
                                  "| Source | Date | Dead | Injured | Missing |\n"
                                  "|---|---|---:|---|---|\n"
                                  "| Port Coastguard | 21 Nov | 31 | \u2014 | 17 |\n"
                                  "| **Wescott Line** (operator) | 19 Nov | at least 28 | 40 crew members | 22 |\n"
                                  "| Total | | 59 | | |\n\n"
                                  "Five people were arrested.\n\n"
                                  "| Who | What they say |\n"
                                  "| --- | --- |\n"
                                  "| Port Coastguard | Four people were hurt on the quay. |\n",
                                  "brief.md");
    auto extraction = shared_extractor().extract(document, ExtractOptions{"test-event", {}, {}, "publication"});
    REQUIRE(extraction);
    const auto deaths = of(*extraction, "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(deaths[0].source == "port-coastguard");
    CHECK(deaths[0].quote == "31");
    CHECK(deaths[1].source == "wescott-line");
    CHECK(count_of(deaths[1]) == Count{28, std::nullopt});
    const auto injuries = of(*extraction, "injuries");
    REQUIRE(injuries.size() == 2);
    CHECK(injuries[0].source == "wescott-line");
    CHECK(count_of(injuries[0]) == Count{40, 40});
    // The text after the table is the document's again, and a table with no
    // column of figures is read as text.
    REQUIRE(of(*extraction, "arrests").size() == 1);
    CHECK(of(*extraction, "arrests")[0].source == "publication");
    CHECK(injuries[1].quote == "Four people were hurt");
}

TEST_CASE("'I' is the voice of the text, never a source of its own")
{
    CHECK(speaker_of("I saw that 12 people were injured.").first == "publication");
}

TEST_CASE("an interview's speaker labels in title case give their turn to the source they name")
{
    ExtractOptions options;
    options.known_sources = {Source{"rosa-vell", "Dr Rosa Vell", "doctor", Stake::independent, {}},
                             Source{"tarn-gazette", "Tarn Gazette", "newspaper", Stake::independent, {}}};
    const Extraction extraction = extract_text(
        "Tarn Gazette: How many did you treat?\n\n"
        "Vell: We treated 19 people. Two of the children were arrested later, I am told.\n\n"
        "Kestrel: 8 people were hurt on the bridge.",
        options);
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 2);
    CHECK(injuries[0].source == "rosa-vell");
    CHECK(injuries[0].mention == "Vell");
    CHECK(injuries[1].source == "publication");  // a title-case word that names no source is no label
    REQUIRE(of(extraction, "arrests").size() == 1);
    CHECK(of(extraction, "arrests")[0].source == "rosa-vell");  // the turn goes on
}

TEST_CASE("a name may hold 'and' between capitals, a possessive mark and a service word")
{
    CHECK(speaker_of("The Pellham Fire and Rescue Service said four people died.").first ==
          "pellham-fire-and-rescue-service");
    CHECK(speaker_of("Four people died, according to the Pellham ambulance service.").first ==
          "pellham-ambulance-service");
    CHECK(speaker_of("Four people died in the blaze, the Orvault prefecture said on Tuesday.").first ==
          "orvault-prefecture");
    CHECK(speaker_of("According to the Dockers' Welfare Association, 40 members were detained.").first ==
          "dockers-welfare-association");
}

TEST_CASE("a live blog's clock time does not hide the subject, and a statement introduced by a colon is its issuer's")
{
    ExtractOptions options;
    options.known_sources = {Source{"ferrow-police", "Ferrow Police", "police", Stake::party, {}}};
    const Extraction extraction = extract_text(
        "09.40 The strikers' union says nobody was hurt.\n\n"
        "10.15 Ferrow police have issued a statement: three officers were injured by bottles. "
        "It says 12 people have been arrested.",
        options);
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 2);
    CHECK(injuries[1].source == "ferrow-police");
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].source == "ferrow-police");  // "It says" continues the statement's issuer
}

TEST_CASE("a later clause with a speaker of its own is that speaker's, and a speaker opening a later clause does not speak the first")
{
    const Extraction extraction = extract_text(
        "The organisers said 9,000 people marched, while the city police put the crowd at 4,000. "
        "Two men died in the crush; the coroner said both had been trampled.");
    const auto participants = of(extraction, "participants");
    REQUIRE(participants.size() == 2);
    CHECK(participants[0].source == "organisers");
    CHECK(participants[1].source == "city-police");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "publication");
}

TEST_CASE("a label may hold a title's period, and a turn in capitals runs over paragraphs to the next label")
{
    ExtractOptions options;
    options.known_sources = {Source{"harl-police", "Harl Police", "police", Stake::party, {"Chief Inspector Roya Senn"}}};
    const Extraction extraction = extract_text(
        "SUPT. SENN: Good morning.\n\n"
        "Three people died at the junction. Two others were injured.\n\n"
        "REPORTER: Were 12 people arrested?\n\n"
        "Five people were arrested, our reporter understands.",
        options);
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "harl-police");  // the turn goes on in the next paragraph
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(of(extraction, "injuries")[0].source == "harl-police");
    for (const Claim& arrest : of(extraction, "arrests")) CHECK(arrest.source != "harl-police");  // after REPORTER:
}

TEST_CASE("emphasis, a hyphen or a long relative clause do not hide the speaker, and a count opening a sentence names nobody")
{
    ExtractOptions options;
    options.known_sources = {Source{"save-the-dunes", "Save the Dunes", "campaign", Stake::party, {}}};
    CHECK(speaker_of("- **Ostby Police** say **five people have died**.").first == "ostby-police");
    CHECK(speaker_of("The Mid-Lorne Ambulance Service said its crews treated 46 people.").first ==
          "mid-lorne-ambulance-service");
    CHECK(speaker_of("The campaign group Save the Dunes, which organised the protest against the plans to build on "
                     "the beach, says around 2,000 people joined the march.",
                     options)
              .first == "save-the-dunes");
    const Extraction extraction = extract_text("The force gave its figures. Seventeen people were arrested, it said.");
    for (const Source& source : extraction.new_sources) CHECK(source.id != "seventeen");
    REQUIRE(of(extraction, "arrests").size() == 1);
    CHECK(of(extraction, "arrests")[0].source == "publication");
}

TEST_CASE("'my' or 'our' before a speaker word is the body of whoever speaks")
{
    ExtractOptions options;
    options.known_sources = {Source{"works-ministry", "Ministry of Works", "government", Stake::party, {"MINISTER"}}};
    const Extraction extraction = extract_text(
        "MINISTER: My department does not accept that it bears responsibility for the deaths.", options);
    const auto claims = of(extraction, "responsibility");
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].source == "works-ministry");
    CHECK(agent_of(claims[0]).agent == "works-ministry");
    CHECK(claims[0].polarity == Polarity::denied);
}

TEST_CASE("a described name, a relative clause that says, a colon after the subject and a chat log's sender")
{
    // The aside describes the name before it; an aside naming a body speaks for it.
    CHECK(speaker_of("Tailings Watch, an environmental group, says six people died.").first == "tailings-watch");
    CHECK(speaker_of("Jan Berg, a spokesman for the Harwick Council, said six people died.").first ==
          "spokesman-for-the-harwick-council");
    // "which says" right before the figure: the name before the comma.
    CHECK(speaker_of("The Supporters' Trust, which says at least 60 people were hurt, has written to the club.")
              .first == "supporters-trust");
    // A relative clause whose verb comes later is about something else.
    CHECK(speaker_of("Two men died at the depot of the Harwick council, which on Monday said the depot was safe.")
              .first == "publication");

    ExtractOptions options;
    options.known_sources = {Source{"merriton-police", "Merriton Police", "police", Stake::party, {"the police"}},
                             Source{"merriton-council", "Merriton Council", "council", Stake::party, {}},
                             Source{"matej", "Matej", "witness", Stake::unknown, {}}};
    CHECK(speaker_of("Merriton Police have just given an update: 19 people have now been arrested.", options).first ==
          "merriton-police");
    CHECK(speaker_of("Merriton Council, at the cordon an hour ago: \"Nobody was hurt in the square.\"", options)
              .first == "merriton-council");
    // Words about the subject before the colon leave the figure the publication's.
    CHECK(speaker_of("Merriton Police's figures are false: at least 11 dead.", options).first == "publication");
    CHECK(speaker_of("21:19, Matej: at least 15 arrested out there already", options).first == "matej");
}

TEST_CASE("a source in brackets after the figures, and a bold heading that admits or treats, name the speaker")
{
    ExtractOptions options{"test-event", {}, {}, "publication"};
    options.known_sources = {Source{"dalehurst-constabulary", "Dalehurst Constabulary", "police", Stake::party, {}},
                             Source{"craddock-hospital", "Craddock Vale General Hospital", "hospital",
                                    Stake::independent, {}}};
    auto document = text_document("Here is how the figures stand:\n\n"
                                  "- **Dead:** 2 (Dalehurst Constabulary)\n"
                                  "- **Admitted to hospital:** 7, including four children (Craddock Vale General "
                                  "Hospital)\n"
                                  "- **Arrested:** 1 (Dalehurst Constabulary)\n\n"
                                  "Rescuers pulled out four people from the National Council of Resistance of Iran "
                                  "(NCRI), and three of them died.\n",
                                  "newsletter.md");
    auto extraction = shared_extractor().extract(document, options);
    REQUIRE(extraction);
    const auto deaths = of(*extraction, "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(deaths[0].source == "dalehurst-constabulary");
    CHECK(deaths[1].source == "publication");  // a bracket that defines an acronym names no speaker
    const auto injuries = of(*extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "craddock-hospital");  // "Admitted to hospital" is a heading, no source
    REQUIRE(of(*extraction, "arrests").size() == 1);
    CHECK(of(*extraction, "arrests")[0].source == "dalehurst-constabulary");
}

TEST_CASE("asides, relative clauses and possessive roles lead to the speaker they describe")
{
    ExtractOptions options;
    options.known_sources = {
        Source{"haldrun-hospital", "Haldrun District Hospital", "hospital", Stake::independent, {"the hospital"}},
        Source{"stellbury-ambulance", "Stellbury Ambulance Service", "ambulance", Stake::independent, {}},
        Source{"hallamere-infirmary", "Hallamere Infirmary", "hospital", Stake::independent, {}},
        Source{"county-fire", "Hollenby Fire and Rescue Service", "fire service", Stake::independent,
               {"the county fire and rescue service"}}};
    // A determiner's aside that names no body describes the name before it.
    CHECK(speaker_of("The Custodial Staff Association, the union for prison staff, says 11 of its members were "
                     "hurt.")
              .first == "custodial-staff-association");
    // A hyphen inside the name in an aside.
    CHECK(speaker_of("Its director, Sunniva Oyelowo-Frain, said five people died.").first ==
          "sunniva-oyelowo-frain");
    // An aside that names no one, after the speaker that opens the sentence.
    CHECK(speaker_of("A statement from Stellbury Ambulance Service, read to the court, said its paramedics "
                     "treated 17 people.",
                     options)
              .first == "stellbury-ambulance");
    // "where" opens a relative clause; "doctors at" a hospital speak for it.
    CHECK(speaker_of("Doctors at Hallamere Infirmary, where most of the casualties were taken, said three had "
                     "died.",
                     options)
              .first == "hallamere-infirmary");
    // The owner of a possessive role, when it is a known source.
    CHECK(speaker_of("Two traders are confirmed dead, according to the hospital's director, Dr Iona Bratescu.",
                     options)
              .first == "haldrun-hospital");
    // A possessive that ends the mention: "the union's chair, Wilma Trask"
    // names "the union's", whose owner is known.
    ExtractOptions unions;
    unions.known_sources = {
        Source{"pensioners-union", "Carrimont Pensioners' Union", "union", Stake::party, {}}};
    CHECK(speaker_of("\"The council is responsible for these deaths,\" said the union's chair, Wilma Trask.", unions)
              .first == "pensioners-union");
    CHECK(speaker_of("\"The council is to blame,\" said the union\u2019s chair, Wilma Trask.", unions).first ==
          "pensioners-union");
    // A capitalised number word opening a name.
    CHECK(speaker_of("Three Counties Ambulance Service said four people were pronounced dead.").first ==
          "three-counties-ambulance-service");
    CHECK(speaker_of("Twelve people were injured, the Two Rivers Health Trust said.").first ==
          "two-rivers-health-trust");
    // ... but a count opening the sentence names nobody.
    CHECK(speaker_of("Seventeen people were arrested, police said.").first == "police");
    // Plain words between a name's capital and a speaker word are the name's;
    // not after a capital that opens the sentence, nor when a word of the
    // lexicon's phrases stands between.
    CHECK(speaker_of("At least 12 people drowned, according to the Brastowe river police, who said a body was found.")
              .first == "brastowe-river-police");
    CHECK(speaker_of("Speaking outside police headquarters, he said nine people were hurt.").first != "police");
    // "everyone", "I'll", "Having ...": no one in particular.
    CHECK(speaker_of("\"Everyone has said for years that the council is responsible for this,\" said Henrik "
                     "Arvidsson.")
              .first == "henrik-arvidsson");
    CHECK(speaker_of("\"The council is responsible for this, and I'll say it to anyone,\" said Tabitha Estcourt.")
              .first == "tabitha-estcourt");
    CHECK(speaker_of("Having reviewed the footage, we estimate that 600 people took part.").first == "publication");
    // A verb of saying inside a quotation yields to the speaker after it.
    CHECK(speaker_of("\"Thirty-eight is the number of deaths where a doctor wrote heatstroke,\" said Hendrik "
                     "Sollis, a ministry spokesman.")
              .first == "hendrik-sollis");
    CHECK(speaker_of("\"Miners told us the police are to blame,\" the union said.").first == "union");
    // ... and speaks when no speaker follows.
    CHECK(speaker_of("\"Police said 12 people died.\"").first == "police");
    // A ", but" inside a quotation separates no speakers' clauses.
    CHECK(speaker_of("\"Nine people have lost their lives. We do not expect that to rise, but we cannot rule it "
                     "out,\" chief fire officer Maren Holloway told reporters.")
              .first == "officer-maren-holloway");
    // "Asked whether ...", "Speaking to reporters, ...": participles name no one.
    Extraction asked = extract_text("The mayor said the city would answer every question. Asked whether the police "
                                    "bore any responsibility, she said: \"The police are not to blame.\"");
    REQUIRE(of(asked, "responsibility").size() == 1);
    CHECK(of(asked, "responsibility")[0].source == "mayor");
    // "the group said": the one known source whose kind holds the noun.
    ExtractOptions campaign;
    campaign.known_sources = {Source{"save-fenny-woods", "Save Fenny Woods", "campaign group", Stake::party, {}}};
    CHECK(speaker_of("Two protesters were taken to hospital, the group said.", campaign).first == "save-fenny-woods");
    // A statement's own "we", outside quotation marks, is its speaker's,
    // whoever was named last; "Our officers" does not replace it.
    ExtractOptions statement;
    statement.speaker = "cullingford-police";
    Extraction own = extract_text("The ambulance service said it took four people to hospital. Our officers "
                                  "showed great restraint, and we do not accept that they were responsible for "
                                  "any injury. We do not accept that the council is responsible.",
                                  statement);
    auto own_blame = of(own, "responsibility");
    REQUIRE(own_blame.size() == 2);
    CHECK(own_blame[0].source == "cullingford-police");
    CHECK(own_blame[1].source == "cullingford-police");
    // A comma right before a second speaker and its verb opens that speaker's
    // clause: "ministry says three dead, villagers say nine killed".
    Extraction headline = extract_text("Mine protest: ministry says three dead, villagers say nine killed");
    auto headline_deaths = of(headline, "deaths");
    REQUIRE(headline_deaths.size() == 2);
    CHECK(headline_deaths[0].source == "ministry");
    CHECK(headline_deaths[1].source == "villagers");
    // A spokeswoman alone speaks for the source in focus; with no source in
    // focus, or with a body's name, she is a source of her own.
    Extraction spoken = extract_text(
        "The regional lift inspectorate denied responsibility. A spokeswoman said the safety board was responsible.");
    auto blamed = of(spoken, "responsibility");
    REQUIRE(blamed.size() == 2);
    CHECK(blamed[1].source == "regional-lift-inspectorate");
    CHECK(speaker_of("A spokeswoman said three people were hurt.").first == "spokeswoman");
    CHECK(speaker_of("The inspectorate denied it. A police spokeswoman said three people were hurt.").first ==
          "police-spokeswoman");
    // "itself" between the speaker and the verb.
    CHECK(speaker_of("The hospital itself says it treated 17 people.", options).first == "haldrun-hospital");
    // An "and" before a speaker word joins a lower-case name.
    CHECK(speaker_of("Four workers were killed, the county fire and rescue service said.", options).first ==
          "county-fire");
    // "the force" and "informed" speak.
    CHECK(speaker_of("In a statement, the force said 12 officers had been injured.").first == "force");
    CHECK(speaker_of("Ravelstone Police have informed me that four people died.").first == "ravelstone-police");
}

TEST_CASE("two speakers joined by ', and', a known subject that treats or arrests, and a signed quotation")
{
    ExtractOptions options;
    options.known_sources = {
        Source{"castrelle-police", "Castrelle Police Service", "police", Stake::party, {}},
        Source{"nurses-federation", "Castrelle Nurses' Federation", "union", Stake::party, {"the federation"}},
        Source{"ravelstone-ambulance", "Ravelstone Ambulance Service", "ambulance", Stake::independent, {}},
        Source{"lisvarra-police", "Lisvarra Police", "police", Stake::party, {"Police"}}};
    Extraction extraction =
        extract_text("Castrelle Police Service say 41 people were arrested, and the federation says at least 55 of "
                     "its members were detained.",
                     options);
    auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 2);
    CHECK(arrests[0].source == "castrelle-police");
    CHECK(arrests[1].source == "nurses-federation");
    // ", and" before no speaker leaves the sentence to its one speaker.
    extraction = extract_text("Three people died, and 12 were injured, Castrelle Police Service said.", options);
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(of(extraction, "deaths")[0].source == "castrelle-police");

    CHECK(speaker_of("Ravelstone Ambulance Service treated 38 people at the scene.", options).first ==
          "ravelstone-ambulance");
    // A progressive's "is": "... is treating 38 people".
    CHECK(speaker_of("Ravelstone Ambulance Service is treating 38 people.", options).first ==
          "ravelstone-ambulance");
    // "has" before the verb, and a list item's marker before the subject.
    CHECK(speaker_of("Ravelstone Ambulance Service has treated 38 people.", options).first ==
          "ravelstone-ambulance");
    CHECK(speaker_of("- Ravelstone Ambulance Service has treated 38 people", options).first ==
          "ravelstone-ambulance");
    CHECK(speaker_of("Police have arrested two people on suspicion of manslaughter.", options).first ==
          "lisvarra-police");
    // In one source's statement, an arrest by others stays the statement's.
    ExtractOptions statement = options;
    statement.speaker = "department";
    CHECK(speaker_of("Police have arrested two people on suspicion of manslaughter.", statement).first ==
          "department");

    extraction = extract_text("\"Police shot dead five traders at the market. Nobody was hurt.\" - Zorica "
                              "Varnak, MP for Sarnholt East, 17 June\n");
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(of(extraction, "deaths")[0].source == "zorica-varnak");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(of(extraction, "injuries")[0].source == "zorica-varnak");  // the quotation's second sentence too
}

TEST_CASE("a social-media post's account, with its name in brackets, is a speaker label")
{
    ExtractOptions options;
    options.known_sources = {Source{"westlake-ambulance", "Westlake Ambulance Service", "ambulance",
                                    Stake::independent, {}}};
    const Extraction extraction = extract_text(
        "16:05 - @WestlakeAmbulance (Westlake Ambulance Service): \"Our crews have treated 23 people.\"\n\n"
        "16:30 - @jess_on_the_lake: \"There were 60 of us on that boat and two people died.\"\n",
        options);
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "westlake-ambulance");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source != "westlake-ambulance");  // the label's turn ends with its paragraph
}

TEST_CASE("a relayed 'according to', a counting body, a preposition opening the sentence and the opposition")
{
    ExtractOptions options;
    options.known_sources = {
        Source{"holdenshire-constabulary", "Holdenshire Constabulary", "police", Stake::party, {}},
        Source{"feltmoor-council", "Feltmoor Borough Council", "council", Stake::party, {"The Leader", "the Leader"}}};
    Extraction extraction = extract_text(
        "The Leader reported that, according to Holdenshire Constabulary, three people had died. She said nine "
        "people had been injured.",
        options);
    REQUIRE(of(extraction, "deaths").size() == 1);
    CHECK(of(extraction, "deaths")[0].source == "holdenshire-constabulary");
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(of(extraction, "injuries")[0].source == "feltmoor-council");  // "She" is the Leader, who relayed
    CHECK(speaker_of("Greymarsh Coastguard, which coordinated the rescue, counted six dead.").first ==
          "greymarsh-coastguard");
    // "counted" speaks only with a name: a quotation's "We" leaves it to the verb that names one.
    CHECK(speaker_of("\u201cWe counted 40 people injured,\u201d a police spokesman reported.").first ==
          "police-spokesman");
    // "By" opening the sentence is no one's name.
    extraction = extract_text("By 9pm we estimate that around 250 people had gathered at the junction.");
    for (const Source& source : extraction.new_sources) CHECK(source.id != "by");
    extraction = extract_text("Three killed as police break up march; opposition says 11 dead");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 2);
    CHECK(deaths[0].source == "publication");
    CHECK(deaths[1].source == "opposition");
}

TEST_CASE("a defendant who denies counts of manslaughter denies the blame, and a name with an age speaks past its address")
{
    Extraction extraction = extract_text(
        "Corwin Aldstone, 57, of Lakeside Terrace, Oxlade Ferry, denies four counts of gross negligence "
        "manslaughter.");
    const auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(blame[0].source == "corwin-aldstone");
    CHECK(agent_of(blame[0]).agent == "corwin-aldstone");
    CHECK_FALSE(agent_of(blame[0]).responsible);
    CHECK(blame[0].polarity == Polarity::denied);
    CHECK(speaker_of("Mara Lenz, 34, a teacher, said two people died.").first == "mara-lenz");
    // "rejected the criticism" denies the speaker's blame.
    extraction = extract_text("The Skelvik Coastguard rejected the criticism.");
    REQUIRE(of(extraction, "responsibility").size() == 1);
    CHECK_FALSE(agent_of(of(extraction, "responsibility")[0]).responsible);
    // A company that "denies failing to ensure the safety of its passengers"
    // denies its blame too.
    extraction = extract_text("Varneth Lake Cruises denies failing to ensure the safety of its passengers.");
    const auto company = of(extraction, "responsibility");
    REQUIRE(company.size() == 1);
    CHECK(agent_of(company[0]).agent == "varneth-lake-cruises");
    CHECK_FALSE(agent_of(company[0]).responsible);
}

TEST_CASE("a name with an age set off after a role speaks, and so does a finding's subject and 'Its latest figures'")
{
    Extraction extraction = extract_text(
        "Its managing director, Clive Oakhill, 54, of Mill Rise, Brindcaster, denies three counts of manslaughter.");
    const auto blame = of(extraction, "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(blame[0].source == "clive-oakhill");
    CHECK(agent_of(blame[0]).agent == "clive-oakhill");
    // A finding names its speaker as a verb of saying does.
    ExtractOptions jury;
    jury.known_sources.push_back(Source{"jury", "Halshire inquest jury", "inquest", Stake::independent, {"the jury"}});
    CHECK(speaker_of("The jury has found that all three died from compression asphyxia.", jury).first == "jury");
    // ... but a headline's "jury told" is the jury hearing, not speaking.
    CHECK(speaker_of("Car park collapse that killed four was \"waiting to happen\", jury told", jury).first ==
          "publication");
    // A speaker's possessive pronoun before a figure's noun: the speaker in focus.
    ExtractOptions options;
    options.known_sources.push_back(Source{"fire-service", "Vellmouth Fire and Rescue", "fire service",
                                           Stake::independent, {"the fire service"}});
    extraction = extract_text("The leak has been sealed, the fire service says. Its latest figures are three dead.",
                              options);
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "fire-service");
}

TEST_CASE("a post's author on a line of its own, with the account's handle in brackets, speaks the post below")
{
    ExtractOptions options;
    options.known_sources.push_back(Source{"aurnos-police", "Aurnos Valley Police", "police", Stake::party, {}});
    const Extraction extraction = extract_text(
        "12:05 - Aurnos Valley Police (@AurnosPolice)\n"
        "\"UPDATE: 9 people have died and 17 have been injured after the bus plunged into the gorge.\"\n\n"
        "13:41 - Dimos Kalvanis (@DKalvanisMP), member of parliament for Aurnos\n"
        "\"Four more people died in hospital overnight.\"\n\n"
        "Police said 11 people had died by the evening.\n",
        options);
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 3);
    CHECK(deaths[0].source == "aurnos-police");
    CHECK(deaths[1].source == "dimos-kalvanis");  // an author no source names is a new one
    CHECK(of(extraction, "injuries")[0].source == "aurnos-police");
    // Without the handle, a line of title-case words is no label.
    const auto plain = of(extract_text("12:05 - Aurnos Valley Police\n\"9 people have died.\"\n", options), "deaths");
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].source == "publication");
}

TEST_CASE("a coroner who concluded or ruled speaks, as does an inquest that finds")
{
    CHECK(speaker_of("Two workers died of toxic gas, a coroner concluded on Thursday.").first == "coroner");
    CHECK(speaker_of("Three men were killed by the collapse, the coroner ruled.").first == "coroner");
}

TEST_CASE("a list item's title-case label, a parliamentary record's titled label and a subject shared by 'and said'")
{
    ExtractOptions options;
    options.known_sources.push_back(
        Source{"health-office", "Wendholt District Health Office", "health office", Stake::independent, {}});
    options.known_sources.push_back(
        Source{"ministry", "Ministry of Communities and Local Government", "ministry", Stake::party,
               {"The Minister for Communities and Local Government"}});
    Extraction extraction = extract_text("How the counts compare\n\n"
                                         "- Wendholt District Health Office: 164 ill, two deaths\n"
                                         "- Wendholt General Hospital: 118 patients treated\n",
                                         options);
    auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "health-office");
    // The label is the line's: the next item, naming no known source, is not the office's.
    REQUIRE(of(extraction, "injuries").size() == 1);
    CHECK(of(extraction, "injuries")[0].source != "health-office");

    extraction = extract_text(
        "The Minister for Communities and Local Government (Hana Petrak): With permission, I shall make a statement.\n\n"
        "Seven people were killed in the explosion.\n",
        options);
    deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "ministry");  // the turn runs on to the next label

    ExtractOptions ministry;
    ministry.known_sources.push_back(Source{"interior", "Interior Ministry", "ministry", Stake::party, {"The ministry"}});
    extraction = extract_text("The ministry said 41 officers had been injured. It blamed provocateurs for the violence "
                              "and said 186 people had been detained.",
                              ministry);
    const auto arrests = of(extraction, "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].source == "interior");
}

TEST_CASE("a post introduced by its account and the time of posting is the account's, by name or by handle")
{
    ExtractOptions options;
    options.known_sources.push_back(Source{"thackwell-police", "Thackwell Police", "police", Stake::party, {}});
    const Extraction extraction = extract_text(
        "Thackwell Police (@ThackwellPolice) at 12:40: \"Approx 2,500 people are now gathered at the main gate.\"\n\n"
        "@ThackwellPolice, 14:15: \"Seven officers have been injured, one of them seriously.\"\n\n"
        "Steelworkers Union (@SWUnion) posted at 15:50: \"Two of our members have been killed.\"\n",
        options);
    const auto injuries = of(extraction, "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "thackwell-police");  // the handle names the account the label before named
    const auto participants = of(extraction, "participants");
    REQUIRE(participants.size() == 1);
    CHECK(participants[0].source == "thackwell-police");
    const auto deaths = of(extraction, "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source != "publication");
    // A force named by its place, blamed, is the lexicon's police.
    const auto blame = of(extract_text("\"We hold Thackwell Police responsible,\" the union said."), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(agent_of(blame[0]).agent == "police");
}

TEST_CASE("a fact check's claim label gives the checked claim to its author, or to nobody")
{
    // The author's handle, anywhere in the label's paragraph.
    auto deaths = of(extract_text("WHAT WAS CLAIMED: A video posted on Tuesday by the account @WardWatchVal carries the "
                                  "caption: \"Police killed two nurses at the ministry gates today.\"\n"),
                     "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "wardwatchval");
    CHECK(count_of(deaths[0]).lo == 2);
    // A name after "Post by", not a day after "shared ... by".
    deaths = of(extract_text("**The claim:** \"Soldiers killed 12 shepherds at the pass.\" Shared 9,000 times by "
                             "Monday. Post by Kalmethi MP Aram Teodosyan on 19 September.\n"),
                "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "kalmethi-mp-aram-teodosyan");
    // A known source named by what carried the claim.
    ExtractOptions options;
    options.known_sources.push_back(Source{"viral-post", "Viral post", "social media post", Stake::unknown, {"The post"}});
    deaths = of(extract_text("**THE CLAIM:** \"32 people drowned on the Marigold Belle.\" The post had been shared "
                             "40,000 times by Tuesday morning.\n",
                             options),
                "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "viral-post");
    // No author named: the checker does not assert the figure it checks.
    CHECK(of(extract_text("**The claim:** \"17 young people shot dead in Durnavo tonight.\" It spread widely.\n\n"
                          "The official toll is three dead.\n"),
             "deaths")
              .size() == 1);
    // "The claim that ... is false": a determiner opening the sentence names no one.
    deaths = of(extract_text("The claim that 32 people drowned is false.\n"), "deaths");
    for (const auto& claim : deaths) CHECK(claim.source != "the");
}

TEST_CASE("a question asserts nothing, but what stands before its colon or stop does")
{
    CHECK(of(extract_text("Is it true that six people died?\n"), "deaths").empty());
    CHECK(of(extract_text("REPORTER: Is the council to blame for this?\n"), "responsibility").empty());
    CHECK(of(extract_text("Did 14 students die in the Mallindor Hall fire?\n"), "deaths").empty());
    auto deaths = of(extract_text("Seven dead on Cinder Row: did Gallowbrook learn nothing from Bexmoor?\n"), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(count_of(deaths[0]).lo == 7);
    // A sentence that names its speaker keeps the speaker's claim.
    deaths = of(extract_text("Is it true, as the union says, that 12 people died?\n"), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "union");
    // A decimal point is no stop.
    CHECK(of(extract_text("Were 4.5 percent of the 40 people injured?\n"), "injuries").empty());
}

TEST_CASE("a known source that puts or gives a figure speaks it, as does the body its pronoun stands for")
{
    ExtractOptions options;
    options.known_sources.push_back(
        Source{"district", "District health directorate", "health authority", Stake::party, {"district health directorate"}});
    auto deaths = of(extract_text("The district health directorate gives a lower toll of 14 dead.", options), "deaths");
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].source == "district");
    auto injuries =
        of(extract_text("The district health directorate puts the number of injured at 27.", options), "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "district");
    // "Its crews": the source in focus, named by the sentence before.
    injuries = of(extract_text("Three people have died, the ambulance service says. Its crews have treated about 40 "
                               "people at the scene."),
                  "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "ambulance-service");
    // An unknown subject is not made a source by a figure verb.
    injuries = of(extract_text("A local blog puts the number of injured at 27."), "injuries");
    REQUIRE(injuries.size() == 1);
    CHECK(injuries[0].source == "publication");
}

TEST_CASE("a known subject that holds another responsible gives the blame as its own")
{
    ExtractOptions options;
    options.known_sources.push_back(Source{"tjwu", "Timber and Joinery Workers' Union", "trade union", Stake::party, {}});
    auto blame = of(extract_text("The union holds Garside Timber responsible for both deaths.", options), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(blame[0].source == "tjwu");
    CHECK(agent_of(blame[0]).agent == "garside-timber");
    // No verb of blame: the subject is the agent, and the words the publication's.
    options.known_sources.push_back(Source{"council", "Dorran Council", "council", Stake::party, {"the council"}});
    blame = of(extract_text("The council is responsible for the deaths.", options), "responsibility");
    REQUIRE(blame.size() == 1);
    CHECK(blame[0].source == "publication");
    // "We hold ..." in a statement is the statement's speaker's, not the source last named.
    ExtractOptions statement = options;
    statement.speaker = "tjwu";
    blame = of(extract_text("The council spoke on Monday. We hold the police responsible for every injury.", statement),
               "responsibility");
    REQUIRE_FALSE(blame.empty());
    CHECK(blame.back().source == "tjwu");
}

TEST_CASE("'No one has been arrested, she said': 'No' names no speaker")
{
    const auto arrests =
        of(extract_text("The regional prosecutor opened an inquiry. No one has been arrested, she said."), "arrests");
    REQUIRE(arrests.size() == 1);
    CHECK(arrests[0].source != "no");
    CHECK(count_of(arrests[0]).lo == 0);
}
