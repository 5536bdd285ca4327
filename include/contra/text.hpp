// UTF-8 text helpers: validation, positions, folding for matching.
#pragma once

#include <contra/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

// A position in a text: line and column from 1, column in code points.
struct LineColumn {
    int line = 1;
    int column = 1;
};

// Fails with the byte offset (and line, column) of the first invalid sequence.
// `file` names the text in the error.
[[nodiscard]] Expected<void> validate_utf8(std::string_view text, std::string_view file);

// True when the bytes look like a binary file (a NUL byte in the first 8 KiB).
[[nodiscard]] bool looks_binary(std::string_view bytes);

// Reads a whole file as text: fails clearly when it is missing, unreadable,
// empty, binary or not valid UTF-8.
[[nodiscard]] Expected<std::string> read_text_file(const std::string& path);

// Maps byte offsets of one text to lines and columns; build once, ask often.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    [[nodiscard]] LineColumn at(std::size_t offset) const;
    // Byte offset where line `line` (from 1) starts.
    [[nodiscard]] std::size_t line_start(int line) const;
    [[nodiscard]] int line_count() const { return static_cast<int>(m_starts.size()); }

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

// Text folded for matching: NFKC, case-folded, diacritics and marks removed,
// curly quotes and dashes made plain, runs of white space made one space.
// origin[i] is the byte offset in the original text of folded byte i, and
// origin.back() (one past the end) is the original length, so any folded
// range [a, b) maps back to [origin[a], origin[b]).
struct FoldedText {
    std::string text;
    std::vector<std::uint32_t> origin;
};

[[nodiscard]] FoldedText fold_with_map(std::string_view text);
// The same into `folded`, whose buffers are reused: for many short texts.
void fold_with_map(std::string_view text, FoldedText& folded);
[[nodiscard]] std::string fold(std::string_view text);

// The folded index of original offsets met in increasing order, as sentence
// bounds are: the first folded byte whose origin is not before the offset.
// Folding keeps most bytes one for one, so the answer is nearly always the
// last one moved on by as many bytes as the offset moved: that guess is
// checked, and only a wrong guess searches, galloping on from the last
// answer (a run of spaces folded to one puts it only a little further).
class FoldedCursor {
public:
    explicit FoldedCursor(const FoldedText& folded) : m_folded(folded) {}

    [[nodiscard]] std::size_t at(std::size_t offset);

private:
    const FoldedText& m_folded;
    std::size_t m_offset = 0;  // the last offset asked
    std::size_t m_index = 0;   // its answer
};

// True when every byte is ASCII: such text folds to its lower case.
[[nodiscard]] bool is_ascii(std::string_view text);

// Number of code points in a UTF-8 string.
[[nodiscard]] std::size_t code_points(std::string_view text);

// White space trimmed from both ends.
[[nodiscard]] std::string_view trim(std::string_view text);

}  // namespace contra
