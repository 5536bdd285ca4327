#include "rules/rule_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace contra::detail {

Location location_of(const toml::source_region& region, std::string_view path)
{
    return Location{std::string(path), static_cast<int>(region.begin.line),
                    static_cast<int>(region.begin.column), std::nullopt};
}

std::string join(const std::vector<std::string>& names, std::string_view separator)
{
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) out += separator;
        out += name;
    }
    return out;
}

RuleReader::RuleReader(const toml::table& table, std::string path, std::string what,
                       std::vector<Error>& errors)
    : m_table(&table),
      m_path(std::move(path)),
      m_what(std::move(what)),
      m_errors(&errors),
      m_errors_before(errors.size())
{
}

Location RuleReader::file_location() const
{
    return Location{m_path, 1, 1, std::nullopt};
}

Location RuleReader::key_location(std::string_view key) const
{
    const auto it = m_table->find(key);
    if (it == m_table->end() || !it->first.source().begin) return file_location();
    return location_of(it->first.source(), m_path);
}

Location RuleReader::value_location(std::string_view key) const
{
    const toml::node* node = m_table->get(key);
    if (node == nullptr || !node->source().begin) return key_location(key);
    return location_of(node->source(), m_path);
}

void RuleReader::error(Location where, std::string message)
{
    m_errors->push_back(Error{ErrorKind::bad_input, std::move(message), std::move(where)});
}

const toml::node* RuleReader::find(std::string_view key, Need need)
{
    if (std::find(m_known.begin(), m_known.end(), key) == m_known.end()) m_known.emplace_back(key);
    const toml::node* node = m_table->get(key);
    if (node == nullptr && need == Need::required) {
        error(file_location(), fmt::format("missing required key '{}' for {}", key, m_what));
    }
    return node;
}

void RuleReader::wrong_type(std::string_view key, std::string_view expected)
{
    const toml::node* node = m_table->get(key);
    error(value_location(key), fmt::format("'{}' must be {}, not {}", key, expected,
                                           node != nullptr ? toml::impl::node_type_friendly_names[
                                                                 static_cast<int>(node->type())]
                                                           : "nothing"));
}

std::optional<std::string> RuleReader::string(std::string_view key, Need need)
{
    const toml::node* node = find(key, need);
    if (node == nullptr) return std::nullopt;
    if (const auto* text = node->as_string()) return text->get();
    wrong_type(key, "a string");
    return std::nullopt;
}

std::optional<std::vector<std::string>> RuleReader::strings(std::string_view key, Need need)
{
    const toml::node* node = find(key, need);
    if (node == nullptr) return std::nullopt;
    const auto* array = node->as_array();
    if (array == nullptr) {
        wrong_type(key, "an array of strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    out.reserve(array->size());
    for (const auto& element : *array) {
        const auto* text = element.as_string();
        if (text == nullptr) {
            error(location_of(element.source(), m_path),
                  fmt::format("'{}' must be an array of strings", key));
            return std::nullopt;
        }
        out.push_back(text->get());
    }
    return out;
}

std::optional<bool> RuleReader::boolean(std::string_view key, Need need)
{
    const toml::node* node = find(key, need);
    if (node == nullptr) return std::nullopt;
    if (const auto* flag = node->as_boolean()) return flag->get();
    wrong_type(key, "a boolean (true or false)");
    return std::nullopt;
}

std::optional<double> RuleReader::number(std::string_view key, Need need)
{
    const toml::node* node = find(key, need);
    if (node == nullptr) return std::nullopt;
    if (const auto* integer = node->as_integer()) return static_cast<double>(integer->get());
    if (const auto* real = node->as_floating_point()) {
        if (std::isfinite(real->get())) return real->get();
    }
    wrong_type(key, "a finite number");
    return std::nullopt;
}

std::optional<RuleReader> RuleReader::table(std::string_view key, Need need)
{
    const toml::node* node = find(key, need);
    if (node == nullptr) return std::nullopt;
    if (const auto* nested = node->as_table()) {
        return RuleReader(*nested, m_path, fmt::format("'{}' of {}", key, m_what), *m_errors);
    }
    wrong_type(key, "a table");
    return std::nullopt;
}

bool RuleReader::parameter_bool(std::string_view key, bool fallback)
{
    const bool value = boolean(key, Need::optional).value_or(fallback);
    note_parameter(key, value ? "true" : "false");
    return value;
}

double RuleReader::parameter_number(std::string_view key, double fallback, double min)
{
    double value = fallback;
    if (auto read = number(key, Need::optional)) {
        if (*read < min) {
            error(value_location(key), fmt::format("'{}' must be at least {}", key, min));
        } else {
            value = *read;
        }
    }
    note_parameter(key, fmt::format("{}", value));
    return value;
}

std::vector<std::string> RuleReader::parameter_attributes(std::string_view key,
                                                          std::vector<std::string> fallback,
                                                          std::optional<ValueKind> kind)
{
    // No fallback: the rule file must name its attributes.
    const Need need = fallback.empty() ? Need::required : Need::optional;
    auto names = strings(key, need).value_or(std::move(fallback));
    if (m_attributes != nullptr) {
        for (const auto& name : names) {
            const auto it = m_attributes->find(name);
            if (it == m_attributes->end()) {
                std::vector<std::string> declared;
                for (const auto& [declared_name, spec] : *m_attributes) declared.push_back(declared_name);
                error(value_location(key), fmt::format("unknown attribute '{}' in '{}'; declared attributes: {}",
                                                       name, key, join(declared)));
            } else if (kind && it->second.kind != *kind) {
                error(value_location(key), fmt::format("attribute '{}' in '{}' holds {} values, {} expects {}",
                                                       name, key, to_string(it->second.kind), m_what,
                                                       to_string(*kind)));
            }
        }
    }
    std::string shown = "[";
    for (const auto& name : names) {
        shown += fmt::format("{}\"{}\"", shown.size() > 1 ? ", " : "", name);
    }
    note_parameter(key, shown + "]");
    return names;
}

void RuleReader::note_parameter(std::string_view key, std::string value)
{
    m_parameters.emplace_back(std::string(key), std::move(value));
}

void RuleReader::reject_unknown_keys()
{
    for (const auto& [key, node] : *m_table) {
        if (std::find(m_known.begin(), m_known.end(), key.str()) != m_known.end()) continue;
        auto valid = m_known;
        std::sort(valid.begin(), valid.end());
        error(key.source().begin ? location_of(key.source(), m_path) : file_location(),
              fmt::format("unknown key '{}' for {}; valid keys: {}", key.str(), m_what, join(valid)));
    }
}

}  // namespace contra::detail
