// Reads the keys of one rule (or attributes) file: a toml++ table together
// with the file's path. Every problem is recorded as an Error at the file,
// line and column of the key or value at fault; the reader remembers which
// keys were asked for, so it can reject the others and list the valid ones.
#pragma once

#include <contra/attribute.hpp>
#include <contra/error.hpp>
#include <contra/value.hpp>

#include <toml++/toml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contra::detail {

enum class Need { required, optional };

// Where a toml++ node or key sits, as a contra Location.
[[nodiscard]] Location location_of(const toml::source_region& region, std::string_view path);

class RuleReader {
public:
    // `what` names the table in messages: "kind 'count-conflict'", "attribute 'deaths'".
    RuleReader(const toml::table& table, std::string path, std::string what,
               std::vector<Error>& errors);

    // Renames the table in messages, once it is known what it is.
    void set_what(std::string what) { m_what = std::move(what); }

    // The attributes declared in attributes.toml, used to check attribute lists.
    void set_attributes(const std::map<std::string, AttributeSpec, std::less<>>* attributes)
    {
        m_attributes = attributes;
    }

    // Typed getters: a missing required key is an error at the file's start,
    // a value of the wrong type an error at the value naming the expected type.
    [[nodiscard]] std::optional<std::string> string(std::string_view key, Need need);
    [[nodiscard]] std::optional<std::vector<std::string>> strings(std::string_view key, Need need);
    [[nodiscard]] std::optional<bool> boolean(std::string_view key, Need need);
    [[nodiscard]] std::optional<double> number(std::string_view key, Need need);
    // A nested table, read by its own reader; nullopt when absent or not a table.
    [[nodiscard]] std::optional<RuleReader> table(std::string_view key, Need need);

    // Kind parameters: read with a default, checked, and remembered (with the
    // value in force) for `contra rules show`.
    [[nodiscard]] bool parameter_bool(std::string_view key, bool fallback);
    [[nodiscard]] double parameter_number(std::string_view key, double fallback, double min);
    // A list of declared attribute names (required when `fallback` is empty);
    // when `kind` is given each must hold values of that kind.
    [[nodiscard]] std::vector<std::string> parameter_attributes(std::string_view key,
                                                                std::vector<std::string> fallback,
                                                                std::optional<ValueKind> kind);
    void note_parameter(std::string_view key, std::string value);
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& parameters() const
    {
        return m_parameters;
    }

    // Locations of a key and of its value (the file's start when absent).
    [[nodiscard]] Location key_location(std::string_view key) const;
    [[nodiscard]] Location value_location(std::string_view key) const;
    [[nodiscard]] Location file_location() const;

    void error(Location where, std::string message);
    [[nodiscard]] bool ok() const { return m_errors->size() == m_errors_before; }

    // Reports every key nobody asked for, listing the keys that are valid here.
    void reject_unknown_keys();

    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    const toml::node* find(std::string_view key, Need need);
    void wrong_type(std::string_view key, std::string_view expected);

    const toml::table* m_table;
    std::string m_path;
    std::string m_what;
    std::vector<Error>* m_errors;
    std::size_t m_errors_before;
    std::vector<std::string> m_known;
    std::vector<std::pair<std::string, std::string>> m_parameters;
    const std::map<std::string, AttributeSpec, std::less<>>* m_attributes = nullptr;
};

// "a, b, c" of the names.
[[nodiscard]] std::string join(const std::vector<std::string>& names, std::string_view separator = ", ");

}  // namespace contra::detail
