// A TOML document as the accounts loader reads it: a light tree whose text
// points into the file's bytes wherever it can, built either by the plain
// reader (util/plain_toml.hpp: fast, no positions) or from a toml++ table
// (every position exact). The loader reads one kind of tree whichever built
// it, and a large accounts file costs a handful of allocations per claim
// instead of one per key and value.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

namespace contra::detail {

// Where a key or value was written: 1-based, or 0 when the reader that
// built the tree keeps no positions.
struct TomlPosition {
    int line = 0;
    int column = 0;
};

struct TomlValue;

struct TomlKey {
    std::string_view name;
    TomlPosition at;
};

struct TomlValue {
    // The types TOML has; the loader reads strings, integers, booleans,
    // dates and date-times, arrays and tables, and names the others in
    // its messages.
    enum class Type : std::uint8_t { string, integer, floating_point, boolean, date, time, date_time, array, table };

    Type type = Type::table;
    TomlPosition at;
    // A string's value; a date as YYYY-MM-DD; a date-time in RFC 3339, as
    // the loader keeps it.
    std::string_view text;
    std::int64_t integer = 0;  // an integer, or a boolean as 0 or 1
    std::vector<TomlValue> items;                       // an array
    std::vector<std::pair<TomlKey, TomlValue>> fields;  // a table, in the order written

    // The value at `key` of a table, or null.
    [[nodiscard]] const TomlValue* get(std::string_view key) const;
    [[nodiscard]] TomlValue* get(std::string_view key)
    {
        return const_cast<TomlValue*>(std::as_const(*this).get(key));
    }
};

// Whether two trees hold the same keys and values, whatever their positions.
[[nodiscard]] bool same_tree(const TomlValue& a, const TomlValue& b);

// A tree and the text it points into that is not the file's own: strings
// whose escapes were decoded, dates formatted. `root` may also point into
// the file's text and, when built from toml++, into toml++'s table: both
// must outlive the tree.
struct TomlTree {
    TomlValue root;
    std::deque<std::string> strings;  // a deque: its strings never move

    TomlTree() = default;
    TomlTree(TomlTree&&) = default;
    TomlTree& operator=(TomlTree&&) = default;
    TomlTree(const TomlTree&) = delete;
    TomlTree& operator=(const TomlTree&) = delete;

    // Keeps `text` for the life of the tree and returns a view of it.
    std::string_view keep(std::string text) { return strings.emplace_back(std::move(text)); }
};

// The tree of a table toml++ parsed, with its positions. Strings point into
// `table`, which must outlive the tree.
[[nodiscard]] TomlTree tree_of(const toml::table& table);

}  // namespace contra::detail
