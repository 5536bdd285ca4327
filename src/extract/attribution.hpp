// Who speaks in a sentence: attribution cues and the speaker's words.
#pragma once

#include "extract/sentence.hpp"

#include <cstdint>
#include <optional>

namespace contra::detail::extraction {

enum class SpeakerKind {
    named,     // a name or description: "Interior Minister Bledi Cuci", "a police spokesman"
    pronoun,   // "he", "they": the speaker in focus
    document,  // "the statement": whoever the document speaks for
};

struct Attribution {
    SpeakerKind kind = SpeakerKind::named;
    std::uint32_t first = 0;  // the speaker's tokens [first, last)
    std::uint32_t last = 0;
    std::uint32_t cue = 0;    // the cue's first token
    bool denial = false;      // the cue denies what follows ("X denied ...")
    // Relayed by another speaker, tokens [relayer_first, relayer_last), who
    // takes the focus: "The Leader reported that, according to Holdenshire
    // Constabulary, three people had died. She said ..."
    bool relayed = false;
    std::uint32_t relayer_first = 0;
    std::uint32_t relayer_last = 0;
};

// The sentence's attribution, if it has one: "according to X", "X said",
// ", X said", ", said X", "X told reporters", "X denied". The first cue
// whose speaker can be read wins; with none, a possessive before a figure's
// noun ("the ministry's figure of 33", `possessive_figures`) names it. A
// verb's speaker that relays "according to X" right after the verb ("The
// Leader reported that, according to X, ...") gives way to X. With `from`,
// only a speaker and cue at or after that token count.
[[nodiscard]] std::optional<Attribution> find_attribution(const SentenceView& sentence, const Lexicon& lexicon,
                                                          std::uint32_t from = 0);

// The token that opens a second clause with a speaker of its own: ";" or
// ", while", ", whereas", ", but", or ", and" before a capitalised word or
// "the", at or after token `after` and before token
// `before` ("City police put the figure at 12,000, while Densa Analytics
// estimated ..."); 0 when none.
[[nodiscard]] std::uint32_t clause_separator(const SentenceView& sentence, std::uint32_t after,
                                             std::uint32_t before = UINT32_MAX);

// The sentence's leading noun phrase when it looks like a speaker (a name,
// or a determiner and speaker words): "The National Council of Resistance of
// Iran, ..." Used to move the focus without a cue.
[[nodiscard]] std::optional<Attribution> leading_subject(const SentenceView& sentence, const Lexicon& lexicon);

// The first token after a live blog's or a chat log's clock time that opens
// a sentence ("10.20 Galveny police ...", "21:19, Matej: ...") and the
// punctuation after it; 0 when the sentence opens with no clock time.
[[nodiscard]] std::uint32_t after_clock_time(std::span<const WordToken> tokens);

// 1 when the sentence opens with a list item's marker ("- ", "+ "; "*" is
// no token), else 0.
[[nodiscard]] std::uint32_t list_marker_end(std::span<const WordToken> tokens);

}  // namespace contra::detail::extraction
