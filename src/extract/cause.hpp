// Cause claims: where a sentence states how deaths or injuries came about
// ("died of smoke inhalation", "injured by pepper spray", "killed when the
// roof collapsed") or what set off part of the event ("the collapse was
// caused by heavy rain"). The cue words live in rules/lexicon/cause.toml.
#pragma once

#include "extract/attribution.hpp"
#include "extract/claim_builder.hpp"
#include "extract/lexicon.hpp"
#include "extract/sentence.hpp"

#include <contra/error.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail::extraction {

inline constexpr std::string_view k_rule_cause = "cause-stated";

class CauseFinder {
public:
    // Reads dir/cause.toml; an unknown key or a bad entry is an error at file:line:col.
    [[nodiscard]] static Expected<CauseFinder> load(const std::string& dir);

    // Appends the sentence's cause claims to `out`: attribute "cause", a
    // Category value with the cue's words in `text` (the original document)
    // as its wording, qualifier `of`. `lexicon` gives the death and injury
    // triggers, negations and hedges already matched in `sentence`; a denial
    // cue of `attribution` denies the causes after it.
    void find(std::string_view text, const SentenceView& sentence, const Lexicon& lexicon,
              const std::optional<Attribution>& attribution, std::vector<SentenceClaim>& out) const;

    // Numbers the cue phrases' words in the lexicons' vocabulary, which
    // numbers the tokens find reads (Lexicon::look_up); find needs it done.
    void compile(WordIndex& vocabulary) { m_phrases.compile(vocabulary); }

    // The categories the lexicon knows, in file order.
    [[nodiscard]] const std::vector<std::string>& categories() const { return m_categories; }

private:
    enum class Kind : int { cause, harm_link, zero, subject_verb, passive_verb, active_verb, effect, comma_opener };
    struct CueInfo {
        int category = -1;    // index into m_categories
        int harm = -1;        // index into m_harms when the cue states the harm by itself
    };

    PhraseTable m_phrases;               // every phrase; payload = Kind * k_stride + index
    std::vector<std::string> m_categories;
    std::vector<CueInfo> m_cues;         // payload index of a Kind::cause phrase
    std::vector<std::string> m_effects;  // payload index of a Kind::effect phrase
    std::vector<std::string> m_harms;    // "deaths", "injuries" as written in a cue's `harm`

    friend class CauseSentence;
};

}  // namespace contra::detail::extraction
