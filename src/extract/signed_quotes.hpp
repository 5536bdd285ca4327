// Quotations signed after a dash: a fact-check's or a blog's pull quote.
#pragma once

#include "extract/segmenter.hpp"

#include <string_view>
#include <optional>

namespace contra::detail::extraction {

// A line that is a quotation and the name that signs it.
struct SignedQuote {
    ByteRange quote;        // from the line's opening quotation mark to its closing one
    std::string_view name;  // the signer's name, a view of the text
};

// The quotations of a text signed after a dash:
//   "Police shot dead five traders at Tindle Market." - Zorica Varnak, MP for Sarnholt East
// A line (after a Markdown "> ") that opens with a quotation mark and whose
// last closing quotation mark is followed by a dash (-, – or —) and a
// capitalised name of at most six words, up to a comma, a bracket, a
// semicolon or the line's end. The sentences inside are the signer's, as if
// "Zorica Varnak said" stood after them. Asked only about sentences with no
// speaker of their own, in text order; each line is read once.
class SignedQuotes {
public:
    // Looks once for a closing quotation mark followed by a dash anywhere in
    // `text`: most texts have none, and then no line is read.
    explicit SignedQuotes(std::string_view text);

    // The signed quotation that holds byte `at`, or null; `at` never goes back.
    [[nodiscard]] const SignedQuote* at(std::size_t at);

private:
    std::string_view m_text;
    bool m_any = false;          // some closing quotation mark is followed by a dash
    std::size_t m_line_end = 0;  // the end of the line last read (its newline), 0 before the first
    std::optional<SignedQuote> m_quote;  // that line's quotation
};

}  // namespace contra::detail::extraction
