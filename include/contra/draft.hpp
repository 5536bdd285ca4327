// A draft read for checking: Markdown or plain text, with the parts that are
// not prose blanked out so that every offset still points into the original.
#pragma once

#include <contra/error.hpp>
#include <contra/text.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

// `<!-- contra-disable RULE -->` … `<!-- contra-enable RULE -->` covers the
// lines between; `<!-- contra-disable-next-line RULE -->` covers the next
// line. An empty rule list means every rule.
struct Suppression {
    std::vector<std::string> rules;
    int first_line = 0;  // inclusive, from 1
    int last_line = 0;   // inclusive; a disable without enable runs to the end
    int comment_line = 0;

    [[nodiscard]] bool covers(std::string_view rule, int line) const;
};

struct Draft {
    std::string path;      // as given on the command line
    std::string original;  // the file's bytes
    // Same length as `original`: prose kept byte for byte; front matter,
    // code blocks and spans, HTML, comments, link targets and Markdown
    // markup replaced by spaces (newlines kept). Extraction runs on this.
    std::string prose;
    // `prose` folded for matching (fold_with_map), once: event detection,
    // extraction and the draft rules all read it.
    FoldedText folded;
    std::optional<std::string> event;  // `event:` from the front matter
    std::vector<Suppression> suppressions;

    [[nodiscard]] bool suppressed(std::string_view rule, int line) const;
};

enum class DraftFormat { markdown, text };

// Reads a draft from its bytes. Markdown (CommonMark + GFM, through
// cmark-gfm) for .md/.markdown, plain text otherwise. Invalid UTF-8 and
// binary input are errors naming path and position.
[[nodiscard]] Expected<Draft> read_draft(std::string path, std::string bytes, DraftFormat format);

// By file name: .md, .markdown, .mdown → markdown; anything else → text.
[[nodiscard]] DraftFormat draft_format_for(std::string_view path);

// Reads the draft files at `paths` (format by file name), several at a time
// on a few threads; the drafts come back in the order of `paths`, and an
// error is the one the first failing path in that order gives.
[[nodiscard]] Expected<std::vector<Draft>> read_drafts(const std::vector<std::string>& paths);
// The same, while the calling thread first does `meanwhile` (which must not
// throw) and then reads drafts too.
[[nodiscard]] Expected<std::vector<Draft>> read_drafts(const std::vector<std::string>& paths,
                                                       const std::function<void()>& meanwhile);

}  // namespace contra
