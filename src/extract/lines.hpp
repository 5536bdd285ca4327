// Lines of a document's text, by their byte offsets: what the readers of
// labels, round-ups and tables ask of the lines around a sentence.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace contra::detail::extraction {

// A blank inside a line: a space, a tab, or the carriage return of "\r\n".
inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// True when `line` holds nothing but blanks.
inline bool is_blank_line(std::string_view line) { return std::ranges::all_of(line, is_blank); }

// The end of the line that holds byte `at`: its newline, or the text's end.
inline std::size_t line_end(std::string_view text, std::size_t at) { return std::min(text.find('\n', at), text.size()); }

// `line` without its leading and trailing blanks.
inline std::string_view trim_blanks(std::string_view line)
{
    while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
    return line;
}

}  // namespace contra::detail::extraction
