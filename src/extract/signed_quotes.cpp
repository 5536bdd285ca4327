#include "extract/signed_quotes.hpp"

#include "extract/lines.hpp"

#include <algorithm>
#include <array>

namespace contra::detail::extraction {

namespace {

constexpr std::size_t k_name_words = 6;

constexpr std::array<std::string_view, 2> k_opening = {"\"", "\u201c"};
constexpr std::array<std::string_view, 2> k_closing = {"\"", "\u201d"};
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

// The end of the last closing quotation mark of `line`, after its first byte; 0 when none.
std::size_t last_closing(std::string_view line)
{
    std::size_t end = 0;
    for (std::string_view mark : k_closing) {
        const auto at = line.rfind(mark);
        if (at != std::string_view::npos && at > 0) end = std::max(end, at + mark.size());
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

}  // namespace

std::vector<SignedQuote> signed_quotes(std::string_view text)
{
    std::vector<SignedQuote> out;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = line_end(text, start);
        std::size_t open = start;
        while (open < end && is_blank(text[open])) ++open;
        if (text.substr(open, 2) == "> ") open += 2;
        const std::string_view line = text.substr(open, end - open);
        if (opens_with(line, k_opening) > 0) {
            if (const std::size_t close = last_closing(line); close > 0) {
                std::string_view rest = line.substr(close);
                while (!rest.empty() && is_blank(rest.front())) rest.remove_prefix(1);
                if (const std::size_t dash = opens_with(rest, k_dashes); dash > 0) {
                    if (const std::string_view name = signer(rest.substr(dash)); !name.empty()) {
                        out.push_back(SignedQuote{ByteRange{open, open + close}, name});
                    }
                }
            }
        }
        start = end + 1;
    }
    return out;
}

}  // namespace contra::detail::extraction
