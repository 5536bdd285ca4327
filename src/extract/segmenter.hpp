// Sentence segmentation of plain text and Markdown, in original byte offsets.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace contra::detail::extraction {

struct ByteRange {
    std::size_t start = 0;
    std::size_t end = 0;  // exclusive
    friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// The parts of a Markdown file that hold no prose: front matter (--- … ---)
// at the top, fenced code blocks and HTML comments. Sorted, not overlapping.
[[nodiscard]] std::vector<ByteRange> markdown_skips(std::string_view text);

// Sentences of `text`, trimmed of white space, never inside a skipped range.
// A blank line, a Markdown heading or list item ends a sentence; a single
// line break is a space (hard-wrapped text). ". ! ?" end a sentence unless
// they close an abbreviation (Mr., U.S., Lt. Col.), sit inside a number or
// inside an open quotation.
[[nodiscard]] std::vector<ByteRange> segment_sentences(std::string_view text, const std::vector<ByteRange>& skips = {});

}  // namespace contra::detail::extraction
