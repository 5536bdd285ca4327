// A fast reader for the plain subset of TOML that generated and hand-written
// accounts files keep to: `[[name]]` headers, `key = value` lines with bare
// keys, basic and literal one-line strings, decimal integers, booleans, local
// dates, one-line arrays and inline tables, comments.
//
// It exists for speed alone: toml++ reads a large accounts file several times
// slower than the importer can store it. The reader never decides that a text
// is wrong. Whatever it does not recognise as plain (dotted or quoted keys,
// standard tables, escapes beyond the simple ones, multi-line strings, floats,
// times, a duplicate key, a byte order mark, a syntax error ...) makes it give
// up and return nothing, and the caller parses the text with toml++, which
// either reads it or reports the exact line and column of the mistake. When
// it does return a tree, that tree equals the one toml++'s table gives
// (tree_of), except that it carries no positions: a caller that needs a
// position for an error message parses again with toml++.
#pragma once

#include <optional>
#include <string_view>

#include "util/toml_tree.hpp"

namespace contra::detail {

// The tree `text` describes, or nothing when the text leaves the plain subset.
// `text` must be valid UTF-8 (read_text_file() checks it), and must outlive
// the tree, whose strings point into it.
[[nodiscard]] std::optional<TomlTree> parse_plain_toml(std::string_view text);

}  // namespace contra::detail
