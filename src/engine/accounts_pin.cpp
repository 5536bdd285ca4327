#include "engine/accounts_pin.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace contra::detail {

namespace {

bool is_continuation(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

std::vector<std::size_t> occurrences(std::string_view text, std::string_view quote)
{
    std::vector<std::size_t> found;
    for (std::size_t at = text.find(quote); at != std::string_view::npos; at = text.find(quote, at + 1)) {
        found.push_back(at);
    }
    return found;
}

bool context_fits(std::string_view text, std::size_t start, std::size_t length, const QuoteSpec& spec)
{
    const std::string_view before = text.substr(0, start);
    const std::string_view after = text.substr(start + length);
    return before.ends_with(spec.prefix) && after.starts_with(spec.suffix);
}

// The message for a quote that is not in the document as written.
std::string not_found(std::string_view text, std::string_view quote, std::string_view document)
{
    const FoldedText folded = fold_with_map(text);
    const std::string needle = fold(quote);
    const std::size_t at = needle.empty() ? std::string::npos : folded.text.find(needle);
    if (at == std::string::npos) return fmt::format("quote not found in {}: \"{}\"", document, quote);
    const std::size_t start = folded.origin[at];
    const std::size_t end = folded.origin[at + needle.size()];
    return fmt::format(
        "quote not found exactly in {}: \"{}\"; the document has \"{}\", which differs in case, accents, "
        "quote marks or spacing (copy the document's text exactly)",
        document, quote, text.substr(start, end - start));
}

Pin make_pin(std::string_view text, const LineIndex& lines, std::size_t start, std::size_t length)
{
    Pin pin;
    pin.span.start = start;
    pin.span.end = start + length;
    const LineColumn position = lines.at(start);
    pin.span.line = position.line;
    pin.span.column = position.column;
    pin.prefix = context_before(text, start, k_pin_context);
    pin.suffix = context_after(text, start + length, k_pin_context);
    return pin;
}

}  // namespace

std::string_view context_before(std::string_view text, std::size_t end, std::size_t limit)
{
    std::size_t begin = end > limit ? end - limit : 0;
    while (begin < end && is_continuation(text[begin])) ++begin;
    return text.substr(begin, end - begin);
}

std::string_view context_after(std::string_view text, std::size_t start, std::size_t limit)
{
    std::size_t end = std::min(text.size(), start + limit);
    while (end > start && end < text.size() && is_continuation(text[end])) --end;
    return text.substr(start, end - start);
}

std::expected<Pin, std::string> pin_quote(std::string_view text, const LineIndex& lines, const QuoteSpec& spec,
                                          std::string_view document)
{
    if (spec.quote.empty()) return std::unexpected(std::string("quote is empty"));
    const std::vector<std::size_t> found = occurrences(text, spec.quote);
    if (found.empty()) return std::unexpected(not_found(text, spec.quote, document));

    const bool has_context = !spec.prefix.empty() || !spec.suffix.empty();
    if (found.size() > 1 && !has_context) {
        return std::unexpected(
            fmt::format("quote occurs {} times in {}; add a prefix or suffix", found.size(), document));
    }
    std::vector<std::size_t> fitting;
    for (const std::size_t at : found) {
        if (context_fits(text, at, spec.quote.size(), spec)) fitting.push_back(at);
    }
    if (fitting.size() == 1) return make_pin(text, lines, fitting.front(), spec.quote.size());
    if (fitting.empty()) {
        return std::unexpected(fmt::format("quote occurs {} time{} in {} but never with the given prefix/suffix",
                                           found.size(), found.size() == 1 ? "" : "s", document));
    }
    return std::unexpected(fmt::format("quote occurs {} times in {} with the given prefix/suffix; make them longer",
                                       fitting.size(), document));
}

}  // namespace contra::detail
