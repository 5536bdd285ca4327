// The rules reference (docs/rules.md), generated from the rule files' own
// documentation so that it cannot drift from them.
#pragma once

#include <contra/rule_set.hpp>

#include <string>

namespace contra::detail {

// Markdown: the kinds, the attributes, then every rule with its summary,
// why, example, message and parameters. Paths are relative to the rules dir.
[[nodiscard]] std::string rules_reference(const RuleSet& rules);

}  // namespace contra::detail
