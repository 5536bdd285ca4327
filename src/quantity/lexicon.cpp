#include "quantity/lexicon.hpp"

#include <contra/text.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>

namespace contra::detail {

namespace {

Location where(const toml::source_region& region, const std::string& path)
{
    return Location{path, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column),
                    std::nullopt};
}

// Splits a phrase into lower-case words; false when it holds anything but
// ASCII letters, apostrophes and single spaces.
bool split_phrase(std::string_view phrase, std::vector<std::string>& words)
{
    std::string current;
    for (char c : phrase) {
        if (c == ' ') {
            if (current.empty()) return false;
            words.push_back(std::move(current));
            current.clear();
        }
        else if ((c >= 'a' && c <= 'z') || c == '\'') {
            current += c;
        }
        else if (c >= 'A' && c <= 'Z') {
            current += static_cast<char>(c - 'A' + 'a');
        }
        else {
            return false;
        }
    }
    if (current.empty()) return false;
    words.push_back(std::move(current));
    return true;
}

// Reads one [[vague]] or [[approximation]] entry, checking every key.
class EntryReader {
public:
    EntryReader(const toml::table& table, const std::string& path, std::string_view section)
        : m_table(table), m_path(path), m_section(section)
    {
    }

    Expected<std::string> string(std::string_view key, bool required)
    {
        const toml::node* node = m_table.get(key);
        if (node == nullptr) {
            if (required) return missing(key);
            return std::string();
        }
        auto value = node->value<std::string>();
        if (!value) return wrong(*node, key, "a string");
        return *value;
    }

    Expected<std::optional<double>> number(std::string_view key, bool required)
    {
        const toml::node* node = m_table.get(key);
        if (node == nullptr) {
            if (required) return missing(key);
            return std::optional<double>();
        }
        auto value = node->value<double>();
        if (!value || !node->is_number()) return wrong(*node, key, "a number");
        if (*value < 0) {
            return bad_input(fmt::format("{}: '{}' must not be negative", m_section, key),
                             where(node->source(), m_path));
        }
        return value;
    }

    Expected<bool> boolean(std::string_view key)
    {
        const toml::node* node = m_table.get(key);
        if (node == nullptr) return false;
        auto value = node->value<bool>();
        if (!value) return wrong(*node, key, "true or false");
        return *value;
    }

    Expected<std::vector<std::string>> strings(std::string_view key)
    {
        std::vector<std::string> out;
        const toml::node* node = m_table.get(key);
        if (node == nullptr) return out;
        const toml::array* array = node->as_array();
        if (array == nullptr) return wrong(*node, key, "an array of strings");
        for (const toml::node& element : *array) {
            auto value = element.value<std::string>();
            if (!value) return wrong(element, key, "an array of strings");
            out.push_back(*value);
        }
        return out;
    }

    // Any key not in `known` is an error that lists the valid keys.
    Expected<void> reject_unknown(const std::vector<std::string_view>& known)
    {
        for (const auto& [key, node] : m_table) {
            if (std::find(known.begin(), known.end(), key.str()) != known.end()) continue;
            std::string valid;
            for (auto name : known) valid += (valid.empty() ? "" : ", ") + std::string(name);
            return bad_input(fmt::format("{}: unknown key '{}' (valid keys: {})", m_section, key.str(), valid),
                             where(key.source(), m_path));
        }
        return {};
    }

    Expected<std::vector<std::string>> phrase()
    {
        auto text = string("phrase", true);
        if (!text) return std::unexpected(text.error());
        std::vector<std::string> words;
        if (!split_phrase(*text, words)) {
            return bad_input(fmt::format("{}: phrase '{}' must be words of ASCII letters separated by single spaces",
                                         m_section, *text),
                             where(m_table.get("phrase")->source(), m_path));
        }
        return words;
    }

    Location location() const { return where(m_table.source(), m_path); }

private:
    std::unexpected<Error> missing(std::string_view key) const
    {
        return bad_input(fmt::format("{}: missing key '{}'", m_section, key), location());
    }
    std::unexpected<Error> wrong(const toml::node& node, std::string_view key, std::string_view expected) const
    {
        return bad_input(fmt::format("{}: '{}' must be {}", m_section, key, expected), where(node.source(), m_path));
    }

    const toml::table& m_table;
    const std::string& m_path;
    std::string_view m_section;
};

Expected<VaguePhrase> read_vague(const toml::table& table, const std::string& path)
{
    EntryReader reader(table, path, "vague");
    if (auto ok = reader.reject_unknown({"phrase", "lo", "hi", "exact", "followed_by", "not_after", "reason"}); !ok) {
        return std::unexpected(ok.error());
    }
    VaguePhrase entry;
    auto words = reader.phrase();
    auto lo = reader.number("lo", true);
    auto hi = reader.number("hi", false);
    auto exact = reader.boolean("exact");
    auto followed_by = reader.string("followed_by", false);
    auto not_after = reader.strings("not_after");
    auto reason = reader.string("reason", true);
    if (!words) return std::unexpected(words.error());
    if (!lo) return std::unexpected(lo.error());
    if (!hi) return std::unexpected(hi.error());
    if (!exact) return std::unexpected(exact.error());
    if (!followed_by) return std::unexpected(followed_by.error());
    if (!not_after) return std::unexpected(not_after.error());
    if (!reason) return std::unexpected(reason.error());
    if (reason->empty()) return bad_input("vague: 'reason' must not be empty", where(table.get("reason")->source(), path));
    entry.words = std::move(*words);
    entry.lo = **lo;
    entry.hi = *hi;
    if (entry.hi && *entry.hi < entry.lo) {
        return bad_input(fmt::format("vague: hi ({}) is below lo ({})", *entry.hi, entry.lo),
                         where(table.get("hi")->source(), path));
    }
    entry.exact = *exact;
    entry.followed_by = std::move(*followed_by);
    entry.not_after = std::move(*not_after);
    entry.reason = std::move(*reason);
    return entry;
}

Expected<Approximation> read_approximation(const toml::table& table, const std::string& path)
{
    EntryReader reader(table, path, "approximation");
    if (auto ok = reader.reject_unknown({"phrase", "below", "above", "reason"}); !ok) return std::unexpected(ok.error());
    Approximation entry;
    auto words = reader.phrase();
    auto below = reader.number("below", true);
    auto above = reader.number("above", true);
    auto reason = reader.string("reason", true);
    if (!words) return std::unexpected(words.error());
    if (!below) return std::unexpected(below.error());
    if (!above) return std::unexpected(above.error());
    if (!reason) return std::unexpected(reason.error());
    if (reason->empty()) {
        return bad_input("approximation: 'reason' must not be empty", where(table.get("reason")->source(), path));
    }
    if (**below >= 1) {
        return bad_input("approximation: 'below' must be less than 1", where(table.get("below")->source(), path));
    }
    entry.words = std::move(*words);
    entry.below = **below;
    entry.above = **above;
    entry.reason = std::move(*reason);
    return entry;
}

template <class Entry>
void longest_first(std::vector<Entry>& entries)
{
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

}  // namespace

Expected<Lexicon> parse_lexicon(std::string_view text, const std::string& path)
{
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        return bad_input(std::string(e.description()), where(e.source(), path));
    }
    Lexicon lexicon;
    for (const auto& [key, node] : root) {
        std::string_view name = key.str();
        if (name != "vague" && name != "approximation") {
            return bad_input(fmt::format("unknown section '{}' (valid sections: vague, approximation)", name),
                             where(key.source(), path));
        }
        const toml::array* array = node.as_array();
        if (array == nullptr || !array->is_array_of_tables()) {
            return bad_input(fmt::format("'{}' must be an array of tables, written [[{}]]", name, name),
                             where(node.source(), path));
        }
        for (const toml::node& element : *array) {
            const toml::table& table = *element.as_table();
            if (name == "vague") {
                auto entry = read_vague(table, path);
                if (!entry) return std::unexpected(entry.error());
                lexicon.vague.push_back(std::move(*entry));
            }
            else {
                auto entry = read_approximation(table, path);
                if (!entry) return std::unexpected(entry.error());
                lexicon.approximations.push_back(std::move(*entry));
            }
        }
    }
    longest_first(lexicon.vague);
    longest_first(lexicon.approximations);
    return lexicon;
}

Expected<Lexicon> load_lexicon(const std::string& path)
{
    auto text = read_text_file(path);
    if (!text) return std::unexpected(text.error());
    return parse_lexicon(*text, path);
}

}  // namespace contra::detail
