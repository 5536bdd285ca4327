// RuleSet: loading attributes.toml and the rule files of a directory.
#include "rules/message_template.hpp"
#include "rules/registry.hpp"
#include "rules/rule_reader.hpp"

#include <contra/draft_rule.hpp>
#include <contra/limits.hpp>
#include <contra/rule_set.hpp>
#include <contra/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace contra {

namespace {

namespace fs = std::filesystem;
using detail::Need;
using detail::RuleReader;
using AttributeMap = std::map<std::string, AttributeSpec, std::less<>>;

// Everything a directory of rules holds, with every problem found.
struct Loaded {
    AttributeMap attributes;
    std::vector<std::unique_ptr<CompareRule>> compare;
    std::vector<std::unique_ptr<DraftRule>> draft;
    std::vector<Error> errors;
};

// One rule file's rule, of either family.
struct LoadedRule {
    std::unique_ptr<CompareRule> compare;
    std::unique_ptr<DraftRule> draft;
    explicit operator bool() const { return compare || draft; }
    [[nodiscard]] const RuleInfo& info() const { return compare ? compare->info() : draft->info(); }
};

void add_error(std::vector<Error>& errors, std::string message, Location where)
{
    errors.push_back(Error{ErrorKind::bad_input, std::move(message), std::move(where)});
}

std::optional<toml::table> parse_toml(const std::string& path, std::vector<Error>& errors)
{
    auto text = read_text_file(path);
    if (!text) {
        errors.push_back(text.error());
        if (errors.back().where.file.empty()) errors.back().where.file = path;
        return std::nullopt;
    }
    try {
        return toml::parse(*text, path);
    } catch (const toml::parse_error& error) {
        add_error(errors, std::string(error.description()), detail::location_of(error.source(), path));
        return std::nullopt;
    }
}

std::string value_kind_names()
{
    std::vector<std::string> names;
    for (auto kind : {ValueKind::agent, ValueKind::category, ValueKind::count, ValueKind::date, ValueKind::text}) {
        names.emplace_back(to_string(kind));
    }
    return detail::join(names);
}

void load_attributes(const std::string& path, Loaded& loaded)
{
    std::error_code ignored;
    if (!fs::is_regular_file(path, ignored)) {
        add_error(loaded.errors, "missing attributes file (it declares what claims can be about)",
                  Location{path, 0, 0, std::nullopt});
        return;
    }
    auto table = parse_toml(path, loaded.errors);
    if (!table) return;
    for (const auto& [key, node] : *table) {
        const auto* attribute = node.as_table();
        if (attribute == nullptr) {
            add_error(loaded.errors, fmt::format("attribute '{}' must be a table", key.str()),
                      detail::location_of(key.source(), path));
            continue;
        }
        RuleReader reader(*attribute, path, fmt::format("attribute '{}'", key.str()), loaded.errors);
        AttributeSpec spec;
        spec.name = std::string(key.str());
        if (auto kind = reader.string("kind", Need::required)) {
            if (auto parsed = parse_value_kind(*kind)) {
                spec.kind = *parsed;
            } else {
                reader.error(reader.value_location("kind"), fmt::format("unknown value kind '{}'; valid kinds: {}",
                                                                        *kind, value_kind_names()));
            }
        }
        spec.single_valued = reader.boolean("single", Need::optional).value_or(true);
        spec.summary = reader.string("summary", Need::required).value_or("");
        spec.triggers = reader.strings("triggers", Need::optional).value_or(std::vector<std::string>{});
        reader.reject_unknown_keys();
        loaded.attributes.emplace(spec.name, std::move(spec));
    }
}

std::string valid_kinds(RuleFamily family)
{
    std::vector<std::string> names;
    for (const auto& kind : rule_kinds()) {
        if (kind.family == family) names.emplace_back(kind.name);
    }
    return names.empty() ? std::string("(none yet)") : detail::join(names);
}

// A documentation key: required and not blank.
std::string read_doc(RuleReader& reader, std::string_view key)
{
    auto text = reader.string(key, Need::required);
    if (text && trim(*text).empty()) {
        reader.error(reader.value_location(key), fmt::format("'{}' must not be empty", key));
    }
    return text.value_or("");
}

// Reads the common keys, then lets the kind read its own.
LoadedRule load_rule(const std::string& path, RuleFamily family, Loaded& loaded)
{
    auto table = parse_toml(path, loaded.errors);
    if (!table) return {};
    RuleReader reader(*table, path, "a rule", loaded.errors);
    reader.set_attributes(&loaded.attributes);
    RuleInfo info;
    info.family = family;
    info.path = path;
    info.id = reader.string("id", Need::required).value_or("");
    info.kind = reader.string("kind", Need::required).value_or("");
    const detail::KindEntry* entry = detail::find_kind(info.kind);
    if (entry != nullptr && entry->info.family != family) entry = nullptr;
    if (entry == nullptr && table->contains("kind") && (*table)["kind"].is_string()) {
        reader.error(reader.value_location("kind"),
                     fmt::format("unknown {} rule kind '{}'; valid kinds: {}",
                                 family == RuleFamily::compare ? "compare" : "draft", info.kind,
                                 valid_kinds(family)));
    }
    if (entry != nullptr) reader.set_what(fmt::format("kind '{}'", info.kind));
    info.summary = read_doc(reader, "summary");
    info.why = read_doc(reader, "why");
    info.example = read_doc(reader, "example");
    info.severity = entry != nullptr ? entry->default_severity : Severity::warning;
    if (auto severity = reader.string("severity", Need::optional)) {
        if (auto parsed = parse_severity(*severity)) {
            info.severity = *parsed;
        } else {
            reader.error(reader.value_location("severity"),
                         fmt::format("unknown severity '{}'; valid severities: info, warning, error", *severity));
        }
    }
    info.message = entry != nullptr ? std::string(entry->default_message) : std::string();
    if (auto message = reader.string("message", Need::optional)) {
        // A draft kind checks its own placeholders when it is built.
        if (auto compiled = detail::MessageTemplate::compile(*message); !compiled && family == RuleFamily::compare) {
            reader.error(reader.key_location("message"), compiled.error().message);
        }
        info.message = std::move(*message);
    }
    if (entry == nullptr) return {};  // its keys cannot be checked without the kind
    LoadedRule rule;
    if (family == RuleFamily::compare) {
        rule.compare = entry->make_compare(std::move(info), reader);
    } else {
        rule.draft = entry->make_draft(std::move(info), reader);
    }
    reader.reject_unknown_keys();
    return reader.ok() ? std::move(rule) : LoadedRule{};
}

// The *.toml files under `dir`, sorted; none when the folder is absent.
std::vector<std::string> rule_files(const fs::path& dir)
{
    std::vector<std::string> files;
    std::error_code error;
    if (!fs::is_directory(dir, error)) return files;
    for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        if (it->is_regular_file(error) && it->path().extension() == ".toml") files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

Loaded load_dir(const std::string& dir)
{
    Loaded loaded;
    std::error_code ignored;
    if (!fs::is_directory(dir, ignored)) {
        add_error(loaded.errors, fmt::format("rules directory not found: {}", dir), Location{dir, 0, 0, {}});
        return loaded;
    }
    load_attributes((fs::path(dir) / "attributes.toml").string(), loaded);
    std::map<std::string, std::string, std::less<>> seen;  // rule id -> file
    const std::pair<const char*, RuleFamily> families[] = {{"compare", RuleFamily::compare},
                                                           {"draft", RuleFamily::draft}};
    std::size_t file_count = 0;
    for (const auto& [folder, family] : families) file_count += rule_files(fs::path(dir) / folder).size();
    if (file_count > k_max_rule_files) {
        add_error(loaded.errors,
                  fmt::format("{} rule files, more than the limit of {}", file_count, k_max_rule_files),
                  Location{dir, 0, 0, {}});
        return loaded;
    }
    for (const auto& [folder, family] : families) {
        for (const auto& path : rule_files(fs::path(dir) / folder)) {
            const auto errors_before = loaded.errors.size();
            auto rule = load_rule(path, family, loaded);
            // Report a file's problems in the order they appear in it.
            std::stable_sort(loaded.errors.begin() + static_cast<std::ptrdiff_t>(errors_before), loaded.errors.end(),
                             [](const Error& x, const Error& y) {
                                 return std::pair(x.where.line, x.where.column) < std::pair(y.where.line, y.where.column);
                             });
            if (!rule) continue;
            const auto [it, inserted] = seen.emplace(rule.info().id, path);
            if (!inserted) {
                // The location of the id in this file is not kept by the rule; re-read it.
                Location where{path, 1, 1, {}};
                std::vector<Error> scratch;
                if (auto table = parse_toml(path, scratch)) {
                    where = RuleReader(*table, path, "a rule", scratch).value_location("id");
                }
                add_error(loaded.errors,
                          fmt::format("duplicate rule id '{}': also defined in {}", rule.info().id, it->second),
                          std::move(where));
                continue;
            }
            if (rule.compare) loaded.compare.push_back(std::move(rule.compare));
            if (rule.draft) loaded.draft.push_back(std::move(rule.draft));
        }
    }
    std::sort(loaded.compare.begin(), loaded.compare.end(),
              [](const auto& x, const auto& y) { return x->info().id < y->info().id; });
    std::sort(loaded.draft.begin(), loaded.draft.end(),
              [](const auto& x, const auto& y) { return x->info().id < y->info().id; });
    return loaded;
}

}  // namespace

Expected<RuleSet> RuleSet::load(const std::string& dir)
{
    Loaded loaded = load_dir(dir);
    if (!loaded.errors.empty()) return std::unexpected(std::move(loaded.errors.front()));
    RuleSet set;
    set.m_dir = dir;
    set.m_attributes = std::move(loaded.attributes);
    set.m_compare = std::move(loaded.compare);
    set.m_draft = std::move(loaded.draft);
    return set;
}

std::vector<Error> RuleSet::lint(const std::string& dir)
{
    return load_dir(dir).errors;
}

RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

std::vector<const RuleInfo*> RuleSet::all() const
{
    std::vector<const RuleInfo*> out;
    out.reserve(m_compare.size() + m_draft.size());
    for (const auto& rule : m_compare) out.push_back(&rule->info());
    for (const auto& rule : m_draft) out.push_back(&rule->info());
    std::sort(out.begin(), out.end(), [](const RuleInfo* x, const RuleInfo* y) { return x->id < y->id; });
    return out;
}

const RuleInfo* RuleSet::find(std::string_view id) const
{
    for (const auto& rule : m_compare) {
        if (rule->info().id == id) return &rule->info();
    }
    for (const auto& rule : m_draft) {
        if (rule->info().id == id) return &rule->info();
    }
    return nullptr;
}

}  // namespace contra
