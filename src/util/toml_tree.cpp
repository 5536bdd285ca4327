#include "util/toml_tree.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace contra::detail {

namespace {

std::string format_date(const toml::date& date)
{
    return fmt::format("{:04}-{:02}-{:02}", date.year, static_cast<int>(date.month), static_cast<int>(date.day));
}

// RFC 3339, as written in TOML: 2023-06-20T09:30:00+02:00 (or Z, or no offset).
std::string format_date_time(const toml::date_time& value)
{
    std::string out = fmt::format("{}T{:02}:{:02}:{:02}", format_date(value.date), static_cast<int>(value.time.hour),
                                  static_cast<int>(value.time.minute), static_cast<int>(value.time.second));
    if (!value.offset) return out;
    const int minutes = value.offset->minutes;
    if (minutes == 0) return out + "Z";
    const int magnitude = minutes < 0 ? -minutes : minutes;
    return out + fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
}

TomlPosition position_of(const toml::source_region& region)
{
    return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

TomlValue value_of(const toml::node& node, TomlTree& tree)
{
    using Type = TomlValue::Type;
    TomlValue value;
    value.at = position_of(node.source());
    switch (node.type()) {
    case toml::node_type::string:
        value.type = Type::string;
        value.text = node.as_string()->get();
        break;
    case toml::node_type::integer:
        value.type = Type::integer;
        value.integer = node.as_integer()->get();
        break;
    case toml::node_type::floating_point: value.type = Type::floating_point; break;
    case toml::node_type::boolean:
        value.type = Type::boolean;
        value.integer = node.as_boolean()->get() ? 1 : 0;
        break;
    case toml::node_type::date:
        value.type = Type::date;
        value.text = tree.keep(format_date(node.as_date()->get()));
        break;
    case toml::node_type::time: value.type = Type::time; break;
    case toml::node_type::date_time:
        value.type = Type::date_time;
        value.text = tree.keep(format_date_time(node.as_date_time()->get()));
        break;
    case toml::node_type::array:
        value.type = Type::array;
        value.items.reserve(node.as_array()->size());
        for (const toml::node& item : *node.as_array()) value.items.push_back(value_of(item, tree));
        break;
    default: {
        value.type = Type::table;
        const toml::table& table = *node.as_table();
        value.fields.reserve(table.size());
        for (auto&& [key, item] : table) {
            value.fields.emplace_back(TomlKey{key.str(), position_of(key.source())}, value_of(item, tree));
        }
        break;
    }
    }
    return value;
}

}  // namespace

const TomlValue* TomlValue::get(std::string_view key) const
{
    for (const auto& [name, value] : fields) {
        if (name.name == key) return &value;
    }
    return nullptr;
}

bool same_tree(const TomlValue& a, const TomlValue& b)
{
    if (a.type != b.type || a.text != b.text || a.integer != b.integer) return false;
    if (!std::ranges::equal(a.items, b.items, same_tree)) return false;
    // Tables compare as maps: toml++ orders its keys, the plain reader keeps
    // them as written.
    if (a.fields.size() != b.fields.size()) return false;
    return std::ranges::all_of(a.fields, [&](const auto& field) {
        const TomlValue* other = b.get(field.first.name);
        return other && same_tree(field.second, *other);
    });
}

TomlTree tree_of(const toml::table& table)
{
    TomlTree tree;
    tree.root = value_of(table, tree);
    return tree;
}

}  // namespace contra::detail
