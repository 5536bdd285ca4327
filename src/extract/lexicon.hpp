// The extraction lexicons (rules/lexicon/*.toml), compiled once into one
// phrase table matched over folded words.
#pragma once

#include "extract/tokens.hpp"
#include "extract/word_index.hpp"

#include <contra/attribute.hpp>
#include <contra/error.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail::extraction {

// What a lexicon phrase signals.
enum class Cue : std::uint8_t {
    trigger,        // payload: attribute index
    verb,           // attribution verb: "said"
    denial_verb,    // attribution verb that denies: "denied"
    prefix,         // "according to"
    pronoun,        // "he", "they"
    document_ref,   // "the statement"
    negation,
    hedge,
    agent,          // payload: agent index
    state,          // "responsible"
    blame,          // "blamed"
    direct_link,    // "by"
    implied_link,   // "during", "used by"
    denial_object,  // "firing"
    group,          // payload: group index
    out_of_scope,   // "since #year"
    after_link,     // "of", "to" between a trigger and a figure after it
    explanation,    // "because": the figures after it in its clause explain a gap
    retraction,     // "under the headline": the sentence reports a withdrawn figure
    instrument,     // "pepper spray": what an agent used
    violence,       // "opened fire", "beat": what an agent that is its subject did
    patient_verb,   // "admitted": counts the injured its object names ("admitted 14 people")
    to_hospital,    // "taken to": counts the injured when a hospital word follows
    restating,      // "put the figure at": the figure after it counts what the last count did
};

// The payload of a verb of saying that speaks only with a named speaker:
// "Greymarsh Coastguard counted six dead", not "“We counted 378,” a
// police spokesman reported".
constexpr int k_named_verb = 1;

// The payload of a blame verb that blames a name only with what the blame is
// for after it: "held X responsible", not "held Sunday's vigil".
constexpr int k_purpose_blame = 1;

// The payload of a phrase that points at who is responsible without
// blaming outright: "a matter for the park's operator, Allowside Leisure".
constexpr int k_pointing_blame = 2;

// The payload of a verb of violence that implies responsibility only in a
// clause of circumstance: "Two died when police stormed the building", not
// "Police storm Ashraf 3".
constexpr int k_circumstance_only = 1;

// The payload of a verb of neglect: "the council ignored warnings", "it did
// nothing" implies its subject's responsibility.
constexpr int k_neglect = 2;

// The payload of a denial object that denies what someone said ("the
// claim"), not the blame itself ("any negligence").
constexpr int k_denied_saying = 1;

// The payload of a pronoun after a denial verb ("denies this"): what was
// said before, denied when nothing but a closer follows it.
constexpr int k_denied_pronoun = 2;

// The payload of an out-of-scope phrase that means the year before the
// document's ("last year", "a year ago"): out of scope unless the event is
// of that year.
constexpr int k_year_before = 1;


// The payload of a retraction that opens a sentence and withdraws the
// figures of the sentence before: "That was wrong."
constexpr int k_retracts_before = 1;

struct PhraseMatch {
    std::uint32_t pos = 0;  // first token
    std::uint32_t len = 0;  // tokens
    Cue cue = Cue::trigger;
    int payload = 0;
    [[nodiscard]] std::uint32_t end() const { return pos + len; }
};

// A word set of the lexicons ("determiners", "speaker_words" …). Its
// words are numbered in the lexicons' one vocabulary (compile), and a token
// is looked up there once (Lexicon::look_up): asking whether it is in a set
// is then reading one bit, not hashing the word again for every set.
class WordSet {
public:
    // `word` as text folds and splits it (phrase_words).
    void insert(std::string_view word)
    {
        if (std::ranges::find(m_words, word) == m_words.end()) m_words.emplace_back(word);
    }
    // Numbers the words in `vocabulary`, adding those it lacks.
    void compile(WordIndex& vocabulary);

    [[nodiscard]] bool contains(const WordToken& token) const { return contains(token.entry); }
    [[nodiscard]] bool contains(std::uint32_t entry) const { return entry < m_members.size() && m_members[entry]; }

    [[nodiscard]] auto begin() const { return m_words.begin(); }
    [[nodiscard]] auto end() const { return m_words.end(); }

private:
    std::vector<std::string> m_words;
    std::vector<bool> m_members;  // by vocabulary number
};

class PhraseTable {
public:
    // `phrase` is written as in the lexicon; "#year" stands for a year in digits.
    void add(std::string_view phrase, Cue cue, int payload);
    // Numbers the phrases' words in `vocabulary`, adding those it lacks;
    // scan needs it done, after the last add.
    void compile(WordIndex& vocabulary);
    // Every match, left to right; at one position and cue only the longest.
    // The tokens carry their vocabulary numbers (Lexicon::look_up).
    void scan(std::span<const WordToken> tokens, std::vector<PhraseMatch>& out) const;

private:
    // A phrase's words as numbers in the vocabulary, k_year for "#year"; a
    // token is looked up once, and the phrases compare numbers.
    static constexpr std::uint32_t k_year = WordIndex::k_none - 1;
    struct Phrase {
        std::vector<std::string> words;  // "#year" for a year
        Cue cue;
        int payload;
    };
    struct Entry {
        std::vector<std::uint32_t> words;
        Cue cue;
        int payload;
    };
    // The phrases that start with one word, longest first. "the" starts
    // dozens, so they are also found by their second word: a token tries
    // only the phrases its next token can continue.
    struct FirstWord {
        std::vector<Entry> entries;
        std::vector<std::uint32_t> any_second;  // entries of one word or "#year" second, ascending
        std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> by_second;  // by word number, ascending
        void index();
    };
    [[nodiscard]] static bool word_matches(std::uint32_t word, std::uint32_t number, const WordToken& token);

    std::vector<Phrase> m_phrases;         // as added, in order
    // The words that start a phrase, by vocabulary number: an index into
    // m_by_first, or k_none. Small enough to stay in cache, where one
    // FirstWord per word of the vocabulary was not.
    std::vector<std::uint32_t> m_first_of;
    std::vector<FirstWord> m_by_first;
};

struct Lexicon {
    // Every word of every phrase table and word set, the cause finder's
    // too (CauseFinder::compile): one look-up per token serves them all.
    WordIndex vocabulary;
    PhraseTable phrases;
    std::vector<std::string> attributes;  // trigger payloads: count attributes
    std::vector<bool> harm;               // per attribute: deaths, injuries
    std::vector<std::string> agents;      // agent payloads
    std::vector<std::string> groups;      // group payloads
    WordSet speaker_words;
    WordSet not_speaker;
    WordSet determiners;
    WordSet possessive_figures;  // "the ministry's figure of 33": nouns that make a possessive a speaker
    WordSet participle_triggers;  // "Six confirmed dead": triggers a verb of saying may stand before as a participle
    WordSet harm_objects;        // "The police killed him": words that open a harm verb's object
    WordSet figure_verbs;        // "The district administration puts the number of injured at 27"
    WordSet colon_leads;         // "Police have given an update: ...": words between a subject and the colon that opens its words
    WordSet focus_roles;         // "A spokeswoman said": roles that alone speak for the source in focus
    std::vector<std::string> table_source_headers;  // "| Source | Dead |": a table whose rows are sources
    std::vector<std::string> calendar_months;  // "january" …: "In April, 31 people drowned ..."
    std::vector<std::string> claim_labels;    // "The claim:": a fact check's label for the claim it checks
    std::vector<std::string> claim_carriers;  // "the post": what carries a checked claim, perhaps a known source
    std::vector<std::string> claim_authored;  // "Post by ...": words before "by" and a checked claim's author
    WordSet adverbs;
    WordSet modifiers;
    WordSet bodies;           // "the coastguard", "the rail company": nouns naming an agent the lexicon does not list
    WordSet vague_bodies;     // "the company": a body noun that needs a word saying which
    WordSet pronoun_closers;  // "rejects that completely": words after a denied pronoun
    WordSet partial_degrees;  // "seriously": a zero figure about a part only
    WordSet light_words;      // not counted in the gap between a figure and its trigger
    WordSet part_of;          // "18 of the injured": after "of", the words that make a figure a part
    WordSet part_links;       // "Two stewards were among the injured": a figure a part of the trigger's people
    WordSet months;           // "on 9 March": a trigger that, capitalised inside a sentence, names a month
    WordSet month_links;      // "in March", "since March": words before a month
    WordSet partitive;        // "Two of them died": after "of", the words that make a figure some of those counted before
    WordSet patient_nouns;    // "admitted 14 people": the nouns a patient verb counts
    WordSet hospital_words;   // "taken to Saltmere General Hospital"
    WordSet carry_verbs;      // "its crews took 21 people to hospital": verbs that carry the people after them
    WordSet people_nouns;     // "Three passengers died": some of the people a toll counts
    WordSet bare_links;       // "Eight were treated": words after a figure with no noun of its own
    WordSet additions;        // "six other people were taken to hospital": not a part of an earlier count
    WordSet persons;          // "A motorcyclist died": a person named without a figure is a count of one
    WordSet measures;         // "three hours", "40 kilometres": a figure before one counts no people
    WordSet self_links;       // "it was in no way responsible": words between a speaker's pronoun and a state
    WordSet person_ordinals;  // "a tenth person died": one of a toll given elsewhere, no count of its own
    WordSet person_links;     // words between such a person and the trigger: "had been", "was later"
    WordSet doer_verbs;       // "A guard shot two men": verbs whose subject, with an object after, did the harm
    int injuries = -1;        // the attribute index patient verbs and hospital phrases count

    // Reads dir/attribution.toml, negation.toml, hedges.toml,
    // responsibility.toml and counts.toml, with the count attributes' triggers.
    [[nodiscard]] static Expected<Lexicon> load(const std::string& dir,
                                                const std::map<std::string, AttributeSpec, std::less<>>& attributes);

    [[nodiscard]] int attribute_index(std::string_view name) const;
    // Sets each token's vocabulary number (WordToken::entry).
    void look_up(std::span<WordToken> tokens) const;
};

}  // namespace contra::detail::extraction
