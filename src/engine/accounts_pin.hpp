// Pinning a curated quote to its document: internals of the accounts loader.
#pragma once

#include <contra/claim.hpp>
#include <contra/text.hpp>

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace contra::detail {

// How many bytes of context a pin keeps on each side of the quote.
inline constexpr std::size_t k_pin_context = 32;

struct Pin {
    Span span;
    std::string prefix;  // up to k_pin_context bytes before, cut on a code point boundary
    std::string suffix;  // up to k_pin_context bytes after, likewise
};

// What the curator wrote: the exact quote, and optionally the text that must
// end right before it (prefix) or start right after it (suffix).
struct QuoteSpec {
    std::string_view quote;
    std::string_view prefix;
    std::string_view suffix;
};

// Finds the one occurrence of the quote in `text`. On failure returns a
// message (without location) that names `document` and, when only a folded
// look-alike exists, the exact text the document has.
[[nodiscard]] std::expected<Pin, std::string> pin_quote(std::string_view text, const LineIndex& lines,
                                                        const QuoteSpec& spec, std::string_view document);

// The up-to-`limit` bytes that end at `end` / start at `start`, never cutting
// a UTF-8 sequence.
[[nodiscard]] std::string_view context_before(std::string_view text, std::size_t end, std::size_t limit);
[[nodiscard]] std::string_view context_after(std::string_view text, std::size_t start, std::size_t limit);

}  // namespace contra::detail
