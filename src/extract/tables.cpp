#include "extract/tables.hpp"

#include "extract/lines.hpp"

#include <contra/text.hpp>

#include <algorithm>
#include <string>

namespace contra::detail::extraction {

namespace {

// The first non-blank byte of the line at `at`, or the line's end.
std::size_t first_visible(std::string_view text, std::size_t at, std::size_t end)
{
    while (at < end && is_blank(text[at])) ++at;
    return at;
}

bool is_row(std::string_view text, std::size_t start, std::size_t end)
{
    const std::size_t at = first_visible(text, start, end);
    return at < end && text[at] == '|';
}

// The cells of a row between its pipes, each trimmed of blanks and of
// Markdown's emphasis ("**Total**").
std::vector<ByteRange> cells_of(std::string_view text, std::size_t start, std::size_t end)
{
    std::vector<ByteRange> cells;
    std::size_t at = first_visible(text, start, end) + 1;  // past the opening pipe
    while (at < end) {
        std::size_t close = at;
        while (close < end && text[close] != '|') ++close;
        if (close == end && first_visible(text, at, end) == end) break;  // no cell after the last pipe
        std::size_t a = at;
        std::size_t b = close;
        while (a < b && (is_blank(text[a]) || text[a] == '*')) ++a;
        while (b > a && (is_blank(text[b - 1]) || text[b - 1] == '*')) --b;
        cells.push_back({a, b});
        at = close + 1;
    }
    return cells;
}

bool is_delimiter(std::string_view text, std::size_t start, std::size_t end)
{
    bool dash = false;
    for (std::size_t i = first_visible(text, start, end); i < end; ++i) {
        const char c = text[i];
        if (c == '-') dash = true;
        else if (c != '|' && c != ':' && !is_blank(c)) return false;
    }
    return dash;
}

}  // namespace

std::vector<SourceTable> source_tables(std::string_view text, const std::vector<std::string>& source_headers)
{
    std::vector<SourceTable> tables;
    if (text.find('|') == std::string_view::npos) return tables;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = line_end(text, start);
        const std::size_t next = end + 1;
        if (!is_row(text, start, end) || next >= text.size()) {
            start = next;
            continue;
        }
        const std::size_t delimiter_end = line_end(text, next);
        if (!is_row(text, next, delimiter_end) || !is_delimiter(text, next, delimiter_end)) {
            start = next;
            continue;
        }
        SourceTable table;
        table.header = cells_of(text, start, end);
        std::size_t row = delimiter_end + 1;
        while (row < text.size()) {
            const std::size_t row_end = line_end(text, row);
            if (!is_row(text, row, row_end)) break;
            table.rows.push_back({cells_of(text, row, row_end)});
            row = row_end + 1;
        }
        table.bytes = {start, std::min(row, text.size())};
        start = table.bytes.end;
        if (table.header.empty()) continue;
        const ByteRange first = table.header.front();
        const std::string folded = fold(text.substr(first.start, first.end - first.start));
        const std::string word = folded.substr(0, std::min(folded.find(' '), folded.size()));
        if (std::ranges::find(source_headers, word) != source_headers.end()) tables.push_back(std::move(table));
    }
    return tables;
}

}  // namespace contra::detail::extraction
