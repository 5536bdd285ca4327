// The block pass: cmark-gfm parses the draft with source positions, and only
// the lines of paragraphs, headings and table rows are copied into the prose
// (everything else starts and stays blank: code, HTML blocks, thematic
// breaks, reference definitions, container markers). Block positions from
// cmark-gfm 0.29 have known slips, corrected here:
// - an end column of 0 means "the end of the line before";
// - a paragraph just before a table has no position (0:0), and the table
//   starts at that paragraph's first line; body rows are placed right.
#include "check/markdown.hpp"

#include <contra/text.hpp>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>

namespace contra::detail::markdown {

namespace {

struct ParserFree {
    void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct NodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterFree {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

// Parsers on several threads share nothing they write. cmark-gfm (0.29)
// switches the special characters of its parsers' extensions on and off in
// one table shared by every parser; of its extensions only strikethrough and
// autolink have such characters, and neither is attached: the block pass
// reads no inline node they make (struck-through words are prose, and the
// inline pass blanks the tildes).
NodePtr parse(std::string_view text)
{
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES));
    for (const char* name : {"table", "tasklist"}) {
        if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser.get(), extension);
        }
    }
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return NodePtr(cmark_parser_finish(parser.get()));
}

bool type_is(cmark_node* node, const char* name)
{
    const char* type = cmark_node_get_type_string(node);
    return type != nullptr && std::strcmp(type, name) == 0;
}

int quote_depth(cmark_node* node)
{
    int depth = 0;
    for (cmark_node* up = cmark_node_parent(node); up != nullptr; up = cmark_node_parent(up)) {
        if (cmark_node_get_type(up) == CMARK_NODE_BLOCK_QUOTE) ++depth;
    }
    return depth;
}

int end_line_of(cmark_node* node)
{
    const int line = cmark_node_get_end_line(node);
    return cmark_node_get_end_column(node) == 0 ? line - 1 : line;
}

// The HTML comments inside a block of HTML whose first line is `first_line`.
void comments_in(std::string_view html, int first_line, std::vector<HtmlComment>& out)
{
    std::size_t from = 0;
    while (true) {
        const std::size_t open = html.find("<!--", from);
        if (open == std::string_view::npos) return;
        const std::size_t close = html.find("-->", open + 4);
        const std::size_t body_end = close == std::string_view::npos ? html.size() : close;
        const auto line = first_line + static_cast<int>(std::count(html.begin(), html.begin() + open, '\n'));
        const std::string_view body = html.substr(open + 4, body_end - open - 4);
        out.push_back({std::string(body), line, line + static_cast<int>(std::ranges::count(body, '\n'))});
        if (close == std::string_view::npos) return;
        from = close + 3;
    }
}

class BlockPass {
public:
    explicit BlockPass(std::string_view text) : m_text(text), m_lines(text)
    {
        m_result.prose.assign(text);
        blank(m_result.prose, 0, text.size());
        collect_labels();
    }

    BlankedMarkdown run()
    {
        const NodePtr document = parse(m_text);
        std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(document.get()));
        Leaf* current = nullptr;
        for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
            cmark_node* node = cmark_iter_get_node(iter.get());
            const cmark_node_type type = cmark_node_get_type(node);
            if (event == CMARK_EVENT_EXIT) {
                if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type_is(node, "table")) {
                    current = nullptr;
                }
                continue;
            }
            if (type == CMARK_NODE_PARAGRAPH) {
                current = paragraph(node);
            } else if (type == CMARK_NODE_HEADING) {
                current = heading(node);
            } else if (type_is(node, "table")) {
                current = table(node);
            } else if (type == CMARK_NODE_HTML_INLINE && current != nullptr) {
                const char* literal = cmark_node_get_literal(node);
                current->html.emplace_back(literal != nullptr ? literal : "");
            } else if (type == CMARK_NODE_HTML_BLOCK) {
                const char* literal = cmark_node_get_literal(node);
                if (literal != nullptr) comments_in(literal, cmark_node_get_start_line(node), m_result.comments);
            }
        }
        const std::string work = m_result.prose;
        InlineBlanker inlines(work, m_result.prose, m_labels);
        for (const auto& leaf : m_leaves) inlines.run(leaf.regions, leaf.html);
        for (const auto& comment : inlines.comments()) {
            const std::string_view raw = std::string_view(work).substr(comment.begin, comment.end - comment.begin);
            const std::string_view body = raw.substr(4, raw.size() >= 7 ? raw.size() - 7 : 0);
            m_result.comments.push_back({std::string(body), m_lines.at(comment.begin).line,
                                         m_lines.at(comment.end > 0 ? comment.end - 1 : 0).line});
        }
        std::ranges::sort(m_result.comments, {}, &HtmlComment::line);
        return std::move(m_result);
    }

private:
    struct Leaf {
        std::vector<InlineRegion> regions;
        std::vector<std::string> html;
    };

    [[nodiscard]] bool has_line(int line) const { return line >= 1 && line <= m_lines.line_count(); }
    [[nodiscard]] std::size_t line_begin(int line) const { return m_lines.line_start(line); }
    [[nodiscard]] std::size_t line_end(int line) const
    {
        std::size_t end = line < m_lines.line_count() ? m_lines.line_start(line + 1) : m_text.size();
        while (end > line_begin(line) && (m_text[end - 1] == '\n' || m_text[end - 1] == '\r')) --end;
        return end;
    }

    // Where the content of a continuation line starts: after its indentation
    // and up to `quotes` block quote markers.
    [[nodiscard]] std::size_t content_begin(int line, int quotes) const
    {
        std::size_t i = line_begin(line);
        const std::size_t end = line_end(line);
        int seen = 0;
        while (i < end) {
            if (m_text[i] == ' ' || m_text[i] == '\t') {
                ++i;
            } else if (m_text[i] == '>' && seen < quotes) {
                ++i;
                ++seen;
            } else {
                break;
            }
        }
        return i;
    }

    void keep(std::size_t begin, std::size_t end)
    {
        std::copy(m_text.begin() + static_cast<std::ptrdiff_t>(begin), m_text.begin() + static_cast<std::ptrdiff_t>(end),
                  m_result.prose.begin() + static_cast<std::ptrdiff_t>(begin));
    }

    // Keeps lines first..last of a block whose first line's content starts at
    // byte column `column`; returns the kept range.
    InlineRegion keep_lines(int first, int last, int column, int quotes)
    {
        const std::size_t begin = std::min(line_begin(first) + static_cast<std::size_t>(std::max(column, 1) - 1), line_end(first));
        keep(begin, line_end(first));
        for (int line = first + 1; line <= last; ++line) keep(content_begin(line, quotes), line_end(line));
        return {begin, line_end(last)};
    }

    // Every `[label]:` at the start of a line (after container markers) is
    // taken as a reference definition's label: a label too many only makes
    // brackets count as markup.
    void collect_labels()
    {
        for (int line = 1; line <= m_lines.line_count(); ++line) {
            const std::size_t begin = content_begin(line, m_lines.line_count());
            const std::size_t end = line_end(line);
            if (begin >= end || m_text[begin] != '[') continue;
            const std::string_view rest = m_text.substr(begin, end - begin);
            const std::size_t close = rest.find("]:");
            if (close == std::string_view::npos || close < 2 || rest.substr(1, close - 1).find('[') != std::string_view::npos) {
                continue;
            }
            m_labels.insert(normalize_label(rest.substr(1, close - 1)));
        }
    }

    // Reference definitions opening a paragraph: the offset after them.
    [[nodiscard]] std::size_t skip_definitions(std::size_t pos, std::size_t end) const
    {
        const std::string_view prose = m_result.prose;
        while (true) {
            std::size_t i = pos;
            while (i < end && (prose[i] == ' ' || prose[i] == '\t')) ++i;
            if (i >= end || prose[i] != '[') return pos;
            const std::size_t close = prose.substr(0, end).find(']', i + 1);
            if (close == std::string_view::npos || close + 1 >= end || prose[close + 1] != ':') return pos;
            if (prose.substr(i + 1, close - i - 1).find('[') != std::string_view::npos) return pos;
            std::size_t j = close + 2;
            while (j < end && (prose[j] == ' ' || prose[j] == '\t')) ++j;
            if (j < end && (prose[j] == '\n' || prose[j] == '\r')) {
                while (j < end && (prose[j] == ' ' || prose[j] == '\t' || prose[j] == '\n' || prose[j] == '\r')) ++j;
            }
            const std::size_t destination = j;
            while (j < end && static_cast<unsigned char>(prose[j]) > 0x20) ++j;
            if (j == destination) return pos;
            std::size_t line_stop = prose.find('\n', j);
            if (line_stop == std::string_view::npos || line_stop > end) line_stop = end;
            // A title may follow on the same line or the next; anything else
            // after the destination on its line makes it a paragraph.
            const std::string_view after = trim(prose.substr(j, line_stop - j));
            if (!after.empty() && after.front() != '"' && after.front() != '\'' && after.front() != '(') return pos;
            std::size_t definition_end = line_stop;
            if (after.empty() && line_stop < end) {
                std::size_t next = line_stop + 1;
                std::size_t next_stop = prose.find('\n', next);
                if (next_stop == std::string_view::npos || next_stop > end) next_stop = end;
                const std::string_view title = trim(prose.substr(next, next_stop - next));
                if (title.size() >= 2 && (title.front() == '"' || title.front() == '\'') && title.back() == title.front()) {
                    definition_end = next_stop;
                }
            }
            pos = definition_end < end ? definition_end + 1 : end;
            if (pos >= end) return end;
        }
    }

    Leaf* add_leaf(std::vector<InlineRegion> regions)
    {
        m_leaves.push_back({std::move(regions), {}});
        return &m_leaves.back();
    }

    Leaf* paragraph(cmark_node* node)
    {
        int first = cmark_node_get_start_line(node);
        int last = end_line_of(node);
        int column = cmark_node_get_start_column(node);
        if (first == 0) {
            // cmark-gfm loses the position of a paragraph that a table follows.
            cmark_node* next = cmark_node_next(node);
            if (next == nullptr || !type_is(next, "table")) return nullptr;
            first = cmark_node_get_start_line(next);
            column = cmark_node_get_start_column(next);
            last = table_header_line(next) - 1;
        }
        if (!has_line(first) || !has_line(last) || last < first) return nullptr;
        InlineRegion region = keep_lines(first, last, column, quote_depth(node));
        const std::size_t body = skip_definitions(region.begin, region.end);
        blank(m_result.prose, region.begin, body);
        region.begin = body;
        return add_leaf({region});
    }

    Leaf* heading(cmark_node* node)
    {
        const int first = cmark_node_get_start_line(node);
        const int last = std::max(first, end_line_of(node));
        if (!has_line(first) || !has_line(last)) return nullptr;
        const int quotes = quote_depth(node);
        if (last > first) {
            // Setext: the underline is the last line, and stays blank.
            return add_leaf({keep_lines(first, last - 1, cmark_node_get_start_column(node), quotes)});
        }
        InlineRegion region = keep_lines(first, first, cmark_node_get_start_column(node), quotes);
        std::string& prose = m_result.prose;
        std::size_t i = region.begin;
        while (i < region.end && prose[i] == '#') ++i;
        blank(prose, region.begin, i);
        region.begin = i;
        std::size_t end = region.end;
        while (end > region.begin && (prose[end - 1] == ' ' || prose[end - 1] == '\t')) --end;
        std::size_t hashes = end;
        while (hashes > region.begin && prose[hashes - 1] == '#') --hashes;
        if (hashes < end && (hashes == region.begin || prose[hashes - 1] == ' ' || prose[hashes - 1] == '\t')) {
            blank(prose, hashes, end);
            region.end = hashes;
        }
        return add_leaf({region});
    }

    // The line of the header row: two above the first body row, else the
    // line above the delimiter row that ends the table.
    static int table_header_line(cmark_node* table)
    {
        cmark_node* header = cmark_node_first_child(table);
        cmark_node* body = header != nullptr ? cmark_node_next(header) : nullptr;
        if (body != nullptr) return cmark_node_get_start_line(body) - 2;
        return end_line_of(table) - 1;
    }

    Leaf* table(cmark_node* node)
    {
        const int quotes = quote_depth(node);
        std::vector<int> rows{table_header_line(node)};
        cmark_node* header = cmark_node_first_child(node);
        for (cmark_node* row = header != nullptr ? cmark_node_next(header) : nullptr; row != nullptr;
             row = cmark_node_next(row)) {
            rows.push_back(cmark_node_get_start_line(row));
        }
        std::vector<InlineRegion> cells;
        for (const int line : rows) {
            if (!has_line(line)) continue;
            const std::size_t begin = content_begin(line, quotes);
            const std::size_t end = line_end(line);
            keep(begin, end);
            std::size_t cell = begin;
            for (std::size_t i = begin; i < end; ++i) {
                if (m_text[i] == '\\') {
                    ++i;
                } else if (m_text[i] == '|') {
                    blank(m_result.prose, i, i + 1);
                    if (i > cell) cells.push_back({cell, i});
                    cell = i + 1;
                }
            }
            if (end > cell) cells.push_back({cell, end});
        }
        return add_leaf(std::move(cells));
    }

    std::string_view m_text;
    LineIndex m_lines;
    BlankedMarkdown m_result;
    std::unordered_set<std::string> m_labels;
    std::deque<Leaf> m_leaves;
};

}  // namespace

BlankedMarkdown blank_markdown(std::string_view text)
{
    return BlockPass(text).run();
}

}  // namespace contra::detail::markdown
