// A rule: a built-in kind, parameterised by one TOML file in rules/.
#pragma once

#include <contra/attribute.hpp>
#include <contra/flag.hpp>
#include <contra/source.hpp>
#include <contra/store.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace contra {

enum class RuleFamily { compare, draft };

// What every rule file carries, whatever its kind.
struct RuleInfo {
    std::string id;
    std::string kind;
    RuleFamily family = RuleFamily::compare;
    std::string summary;
    std::string why;
    std::string example;
    std::string message;  // template: "{a.source} gives {a.value}, {b.source} gives {b.value}"
    Severity severity = Severity::warning;
    std::string path;     // the rule file
    // The kind's parameters in force (defaults included), as (key, TOML
    // text) in the order the kind reads them: for `contra rules show`.
    std::vector<std::pair<std::string, std::string>> parameters;
};

// What a compare rule may look at besides the claims.
struct CompareContext {
    const std::map<std::string, Source, std::less<>>& sources;
    const std::map<std::string, AttributeSpec, std::less<>>& attributes;
};

// A compare rule looks at one event's claims and reports flags. Each kind is
// one class, constructed from its rule file (which it validates once).
class CompareRule {
public:
    explicit CompareRule(RuleInfo info) : m_info(std::move(info)) {}
    virtual ~CompareRule() = default;
    CompareRule(const CompareRule&) = delete;
    CompareRule& operator=(const CompareRule&) = delete;

    [[nodiscard]] const RuleInfo& info() const { return m_info; }

    // Appends what it finds. Flags come with rule, kind, severity, event,
    // attribute, message and claim ids filled in, and their id made with
    // make_flag_id; the store keeps the rest.
    virtual void evaluate(const EventClaims& event, const CompareContext& context,
                          std::vector<Flag>& out) const = 0;

private:
    RuleInfo m_info;
};

}  // namespace contra
