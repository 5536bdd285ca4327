#include "extract/signed_quotes.hpp"

#include "extract/lines.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace contra::detail::extraction {

namespace {

constexpr std::size_t k_name_words = 6;

constexpr std::array<std::string_view, 2> k_opening = {"\"", "\u201c"};
constexpr std::string_view k_right_quote = "\u201d";
constexpr std::array<std::string_view, 3> k_dashes = {"-", "\u2013", "\u2014"};

// The length of the mark of `marks` that `text` opens with, else 0.
template <std::size_t N>
std::size_t opens_with(std::string_view text, const std::array<std::string_view, N>& marks)
{
    for (std::string_view mark : marks) {
        if (text.starts_with(mark)) return mark.size();
    }
    return 0;
}

// The offset of the last byte `c` in `text`, or npos: memrchr, which reads
// many bytes at a time where a loop reads one.
std::size_t last_byte(std::string_view text, char c)
{
    const void* at = memrchr(text.data(), c, text.size());
    return at == nullptr ? std::string_view::npos : static_cast<const char*>(at) - text.data();
}

// The end of the last closing quotation mark of `line` ('"', or U+201D,
// E2 80 9D), after its first byte; 0 when none.
std::size_t last_closing(std::string_view line)
{
    std::size_t end = 0;
    if (const auto plain = last_byte(line, '"'); plain != std::string_view::npos && plain > 0) end = plain + 1;
    // U+201D ends in 9D; a 9D after the last plain mark may end one.
    for (std::string_view rest = line.substr(end); !rest.empty();) {
        const auto last = last_byte(rest, '\x9d');
        if (last == std::string_view::npos) break;
        const std::size_t at = line.size() - rest.size() + last;
        if (at >= 3 && line.substr(at - 2, 3) == k_right_quote) return at + 1;
        rest = rest.substr(0, last);
    }
    return end;
}

// The signer's name at the start of `rest`, or empty.
std::string_view signer(std::string_view rest)
{
    const std::size_t stop = std::min(rest.find_first_of(",(;"), rest.size());
    const std::string_view name = trim_blanks(rest.substr(0, stop));
    if (name.empty() || name.front() < 'A' || name.front() > 'Z') return {};
    if (static_cast<std::size_t>(std::ranges::count(name, ' ')) >= k_name_words) return {};
    return name;
}

// The signed quotation of `line`, which starts at byte `offset` of the text.
std::optional<SignedQuote> read_line(std::string_view line, std::size_t offset)
{
    std::size_t open = 0;
    while (open < line.size() && is_blank(line[open])) ++open;
    if (line.substr(open, 2) == "> ") open += 2;
    line.remove_prefix(open);
    if (opens_with(line, k_opening) == 0) return std::nullopt;
    const std::size_t close = last_closing(line);
    if (close == 0) return std::nullopt;
    std::string_view rest = line.substr(close);
    while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
    const std::size_t dash = opens_with(rest, k_dashes);
    if (dash == 0) return std::nullopt;
    const std::string_view name = signer(rest.substr(dash));
    if (name.empty()) return std::nullopt;
    return SignedQuote{ByteRange{offset + open, offset + open + close}, name};
}

}  // namespace

SignedQuotes::SignedQuotes(std::string_view text) : m_text(text)
{
    // A closing '"' or U+201D (whose last byte is 9D), blanks, then a dash.
    for (const char mark : {'"', '\x9d'}) {
        for (const char* at = text.data(); !m_any;) {
            at = static_cast<const char*>(std::memchr(at, mark, text.data() + text.size() - at));
            if (at == nullptr) break;
            std::string_view rest(at + 1, text.data() + text.size() - at - 1);
            while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
            m_any = opens_with(rest, k_dashes) > 0;
            ++at;
        }
    }
}

const SignedQuote* SignedQuotes::at(std::size_t at)
{
    if (!m_any) return nullptr;
    if (m_line_end == 0 || at > m_line_end) {
        const std::size_t newline = last_byte(m_text.substr(0, at), '\n');
        const std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
        m_line_end = line_end(m_text, at);
        m_quote = read_line(m_text.substr(start, m_line_end - start), start);
    }
    return m_quote && m_quote->quote.start <= at && at < m_quote->quote.end ? &*m_quote : nullptr;
}

}  // namespace contra::detail::extraction
