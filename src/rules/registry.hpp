// The registry of built-in rule kinds: one sorted list (registry.cpp).
#pragma once

#include "rules/rule_reader.hpp"

#include <contra/draft_rule.hpp>
#include <contra/rule_set.hpp>

#include <memory>
#include <span>
#include <string_view>

namespace contra::detail {

// Validates the kind's parameters with the reader and builds the rule; null
// when the reader has recorded a problem.
using MakeCompareRule = std::unique_ptr<CompareRule> (*)(RuleInfo info, RuleReader& reader);
using MakeDraftRule = std::unique_ptr<DraftRule> (*)(RuleInfo info, RuleReader& reader);

struct KindEntry {
    RuleKindInfo info;
    Severity default_severity = Severity::warning;
    std::string_view default_message;
    MakeCompareRule make_compare = nullptr;  // set for the compare family
    MakeDraftRule make_draft = nullptr;      // set for the draft family
};

// Every kind, sorted by name.
[[nodiscard]] std::span<const KindEntry> kind_entries();
[[nodiscard]] const KindEntry* find_kind(std::string_view name);

}  // namespace contra::detail
