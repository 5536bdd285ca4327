// The rules in force: every rule file of a directory, loaded and validated.
#pragma once

#include <contra/attribute.hpp>
#include <contra/error.hpp>
#include <contra/rule.hpp>

#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

class DraftRule;  // contra/draft_rule.hpp

// One registered rule kind, for listings and error messages.
struct RuleKindInfo {
    std::string_view name;
    RuleFamily family;
    std::string_view summary;
};

// Every built-in kind, sorted by name.
[[nodiscard]] std::span<const RuleKindInfo> rule_kinds();

class RuleSet {
public:
    // Loads `dir`/attributes.toml and every rule file under `dir`/compare and
    // `dir`/draft. Any bad file is an error naming file:line:col and, for an
    // unknown kind or key, the valid choices.
    [[nodiscard]] static Expected<RuleSet> load(const std::string& dir);
    // Checks every file of `dir` like load() but reports every problem found
    // (file order, then position), not just the first; empty when all is well.
    [[nodiscard]] static std::vector<Error> lint(const std::string& dir);

    RuleSet(RuleSet&&) noexcept;
    RuleSet& operator=(RuleSet&&) noexcept;
    ~RuleSet();

    [[nodiscard]] const std::string& dir() const { return m_dir; }
    [[nodiscard]] const std::vector<std::unique_ptr<CompareRule>>& compare_rules() const { return m_compare; }
    // The rules under `dir`/draft, sorted by id.
    [[nodiscard]] const std::vector<std::unique_ptr<DraftRule>>& draft_rules() const { return m_draft; }
    [[nodiscard]] const std::map<std::string, AttributeSpec, std::less<>>& attributes() const { return m_attributes; }
    // Every rule of every family, sorted by id.
    [[nodiscard]] std::vector<const RuleInfo*> all() const;
    [[nodiscard]] const RuleInfo* find(std::string_view id) const;

private:
    RuleSet() = default;
    std::string m_dir;
    std::map<std::string, AttributeSpec, std::less<>> m_attributes;
    std::vector<std::unique_ptr<CompareRule>> m_compare;
    std::vector<std::unique_ptr<DraftRule>> m_draft;
};

}  // namespace contra
