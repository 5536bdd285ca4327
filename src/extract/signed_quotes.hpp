// Quotations signed after a dash: a fact-check's or a blog's pull quote.
#pragma once

#include "extract/segmenter.hpp"

#include <string_view>
#include <vector>

namespace contra::detail::extraction {

// A line that is a quotation and the name that signs it.
struct SignedQuote {
    ByteRange quote;        // from the line's opening quotation mark to its closing one
    std::string_view name;  // the signer's name, a view of the text
};

// The quotations of `text` signed after a dash, in text order:
//   "Police shot dead five traders at Tindle Market." - Zorica Varnak, MP for Sarnholt East
// A line (after a Markdown "> ") that opens with a quotation mark and whose
// last closing quotation mark is followed by a dash (-, – or —) and a
// capitalised name of at most six words, up to a comma, a bracket, a
// semicolon or the line's end. The sentences inside are the signer's, as if
// "Zorica Varnak said" stood after them.
[[nodiscard]] std::vector<SignedQuote> signed_quotes(std::string_view text);

}  // namespace contra::detail::extraction
