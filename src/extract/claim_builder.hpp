// The claims of one sentence: counts near their triggers, responsibility
// with its polarity. Who said them is decided by the caller.
#pragma once

#include "extract/attribution.hpp"
#include "extract/sentence.hpp"

#include <contra/claim.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail::extraction {

// A count found by the quantity parser, mapped to the sentence's tokens.
struct Figure {
    std::uint32_t first = 0;  // tokens [first, last)
    std::uint32_t last = 0;
    Count count;
    std::string wording;
};

// A claim before its source and provenance are filled in.
struct SentenceClaim {
    std::string attribute;
    Qualifier qualifier;
    Value value;
    Polarity polarity = Polarity::asserted;
    std::uint32_t start = 0;  // original byte offsets of the quote
    std::uint32_t end = 0;
    std::string_view rule;  // "count-near-trigger" …
    // A hospital count ("taken to hospital", "admitted 14 people"): a part of
    // an injury count its source gave before, which the caller drops.
    bool part_of_earlier = false;
    // "Two of them died", "Seven of the patients we treated": a figure that
    // counts some of a group. A part of a larger count of the same attribute
    // given earlier in the document (by any source), which the caller drops.
    bool partitive = false;
    // "Eight were treated": a figure opening its clause with no noun, and no
    // word of addition. A part of a larger count of the same attribute its
    // source gave earlier in the paragraph, which the caller drops.
    bool bare = false;
    // "Three passengers died", in a sentence that names no speaker of its
    // own: a part as a bare figure is. (Where a speaker is named, as in
    // "According to the group, 105 workers were injured", it is a count.)
    bool some_people = false;
    // "He died in hospital on Sunday": one person by a pronoun, a count of
    // one only where the document has counted no death before it.
    bool pronoun_person = false;
    // A responsibility whose agent is a proper name the lexicon does not
    // know ("Northgate is responsible"): the original bytes of the name, for
    // the caller to put the id of the known source it names in place of its
    // slug. `agent_known_only`: a lone capitalised word opening the sentence
    // may be any word, so the claim stands only when it names a source.
    std::uint32_t agent_start = 0;
    std::uint32_t agent_end = 0;
    bool agent_known_only = false;
    // "it was not responsible for the fire", "we are not to blame": the agent
    // is whoever speaks the sentence, which the caller knows.
    bool agent_is_speaker = false;
    // "Strela Coaches rejected that account": a denial of the blame given
    // before; the caller puts that blame's agent in place, or drops the claim
    // when the text before blamed no one.
    bool denies_before = false;
    // "The firm rejected the allegation" with no speaker found: the agent
    // that denies speaks, where the caller would give it to the publication.
    bool agent_speaks = false;
};

// Extraction rule names and their versions, as written in Claim::origin.
inline constexpr std::string_view k_rule_count = "count-near-trigger";
inline constexpr std::string_view k_rule_state = "responsibility-state";
inline constexpr std::string_view k_rule_blame = "responsibility-blame";
inline constexpr std::string_view k_rule_denial = "responsibility-denial";
inline constexpr std::string_view k_rule_link = "responsibility-link";
inline constexpr std::string_view k_rule_subject = "responsibility-subject";
inline constexpr std::string_view k_rule_table = "table-cell";
inline constexpr int k_rule_version = 1;

// Buffers build_claims reuses from one sentence to the next (one set per
// document), so that a sentence allocates nothing for its own bookkeeping.
// A count trigger of a sentence and the figure paired with it, and a
// candidate pairing of the two, as claim_builder.cpp finds them.
struct Trigger {
    static constexpr std::uint32_t k_none = UINT32_MAX;
    std::uint32_t pos;
    std::uint32_t end;
    int attribute;
    std::uint32_t figure = k_none;  // paired figure
    bool patient = false;           // a patient verb: counts only the people named right after it
    bool hospital = false;          // "taken to hospital": "one of them was taken to hospital" is a part
};
struct Pairing {
    std::uint32_t cost;
    std::size_t trigger;
    std::uint32_t figure;
};

struct ClaimScratch {
    std::vector<Trigger> triggers;         // the sentence's count triggers
    std::vector<Pairing> pairings;         // candidate trigger-figure pairs
    std::vector<std::uint32_t> figure_at;  // per token: the figure it belongs to
    std::vector<bool> breaks;              // per token: a clause break
    std::vector<int> clauses;              // per token: its clause number
    std::vector<bool> has_figure;          // per clause: a paired figure lies in it
    std::vector<bool> out_of_scope;        // per clause: its figures are about something else
    std::vector<bool> figure_used;         // per figure: paired with a trigger
    std::vector<bool> says;                // per token: an attribution verb starts there
    // What a retracted sentence's figure counted ("incorrectly stated that 12
    // people had been injured"), else empty: "The correct figure is nine"
    // after it counts the same.
    std::string_view retracted_attribute;
};

// Appends the sentence's claims to `out`. `attribution` is the sentence's
// attribution, if any (a denial cue denies the figures after it);
// `previous_subject` the agent that opened the sentence before (see
// opening_agent), for whom "They are to blame" speaks.
void build_claims(const SentenceView& sentence, const Lexicon& lexicon, std::span<const Figure> figures,
                  const std::optional<Attribution>& attribution, std::string_view previous_subject,
                  ClaimScratch& scratch, std::vector<SentenceClaim>& out);

// The lexicon agent that opens the sentence, its subject ("The police came
// in firing.", "\"The county council knew about that crack,\""), or empty.
[[nodiscard]] std::string_view opening_agent(const SentenceView& sentence, const Lexicon& lexicon);

}  // namespace contra::detail::extraction
