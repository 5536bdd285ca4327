// One sentence as the extractor sees it: folded words and lexicon matches.
#pragma once

#include "extract/lexicon.hpp"
#include "extract/tokens.hpp"

#include <optional>
#include <span>
#include <vector>

namespace contra::detail::extraction {

struct SentenceView {
    std::span<const WordToken> tokens;
    std::span<const PhraseMatch> matches;  // ordered by position

    // The first match of `cue` starting at token `pos`.
    [[nodiscard]] const PhraseMatch* at(std::size_t pos, Cue cue) const
    {
        for (const auto& match : matches) {
            if (match.pos == pos && match.cue == cue) return &match;
            if (match.pos > pos) break;
        }
        return nullptr;
    }
    // True when token `pos` is the punctuation `c`.
    [[nodiscard]] bool is_punct(std::size_t pos, char c) const
    {
        return pos < tokens.size() && tokens[pos].punct && tokens[pos].word[0] == c;
    }
    // True when token `pos` lies inside quotation marks (straight and curly
    // ones fold alike): an odd number of them stand before it.
    [[nodiscard]] bool quoted_at(std::size_t pos) const
    {
        bool inside = false;
        for (std::size_t t = 0; t < pos && t < tokens.size(); ++t) inside = inside != is_punct(t, '"');
        return inside;
    }
    // Clause breaks: , ; : ( ) and quotation marks, and the dash.
    [[nodiscard]] bool is_break(std::size_t pos) const
    {
        if (pos >= tokens.size() || !tokens[pos].punct) return false;
        switch (tokens[pos].word[0]) {
        case ',': case ';': case ':': case '(': case ')': case '"': case '-': case '.': case '!': case '?':
            return true;
        default:
            return false;
        }
    }
};

}  // namespace contra::detail::extraction
