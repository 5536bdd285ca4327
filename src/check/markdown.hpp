// Markdown drafts reduced to their prose: the block pass (markdown.cpp) asks
// cmark-gfm where paragraphs, headings and tables are and keeps only their
// lines; the inline pass (markdown_inline.cpp) blanks the markup inside them.
// Every blanked byte becomes a space and line breaks stay, so offsets into the
// prose are offsets into the original.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace contra::detail::markdown {

// An HTML comment found in a block or inline; lines from 1.
struct HtmlComment {
    std::string body;  // between `<!--` and `-->`
    int line = 0;
    int end_line = 0;
};

struct BlankedMarkdown {
    std::string prose;
    std::vector<HtmlComment> comments;
};

// `text` is the draft with its front matter already blanked.
[[nodiscard]] BlankedMarkdown blank_markdown(std::string_view text);

// Replaces [begin, end) of `prose` with spaces, keeping line breaks.
void blank(std::string& prose, std::size_t begin, std::size_t end);

// Reference labels as cmark matches them: trimmed, inner white space made
// one space, ASCII case folded.
[[nodiscard]] std::string normalize_label(std::string_view label);

// A byte range of one leaf block whose inline markup is to be blanked.
struct InlineRegion {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Where an inline HTML comment starts and ends, in bytes.
struct InlineComment {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Blanks inline markup in `regions` of `work`, writing into `prose` (same
// length). `html` lists the block's inline HTML as cmark parsed it, in order;
// `labels` the reference definitions of the document.
class InlineBlanker {
public:
    InlineBlanker(std::string_view work, std::string& prose, const std::unordered_set<std::string>& labels)
        : m_work(work), m_prose(prose), m_labels(labels)
    {
    }

    void run(const std::vector<InlineRegion>& regions, const std::vector<std::string>& html);
    [[nodiscard]] const std::vector<InlineComment>& comments() const { return m_comments; }

private:
    struct Opener {
        std::size_t pos = 0;
        bool image = false;
        bool active = true;
    };
    struct Delimiter {
        std::size_t pos = 0;
        std::size_t length = 0;
        char character = 0;
    };

    void scan(std::size_t begin, std::size_t end);
    [[nodiscard]] std::size_t code_span(std::size_t pos, std::size_t end);
    [[nodiscard]] std::size_t angle(std::size_t pos, std::size_t end);
    [[nodiscard]] std::size_t open_bracket(std::size_t pos, std::size_t end);
    [[nodiscard]] std::size_t close_bracket(std::size_t pos, std::size_t end);
    [[nodiscard]] std::size_t inline_tail(std::size_t pos, std::size_t end) const;
    [[nodiscard]] std::size_t delimiter_run(std::size_t pos, std::size_t begin, std::size_t end);
    [[nodiscard]] std::size_t bare_url(std::size_t pos, std::size_t begin, std::size_t end);

    std::string_view m_work;
    std::string& m_prose;
    const std::unordered_set<std::string>& m_labels;
    const std::vector<std::string>* m_html = nullptr;
    std::size_t m_next_html = 0;
    std::vector<Opener> m_openers;
    std::vector<Delimiter> m_delimiters;
    std::array<bool, 32> m_backticks_unclosed{};
    std::vector<InlineComment> m_comments;
};

}  // namespace contra::detail::markdown
