// What the compare kinds share: the base class that turns findings into
// flags, grouping an event's claims by attribute and qualifier and a group's
// claims into statements, and the tests of whether two values can both hold.
#pragma once

#include "rules/message_template.hpp"
#include "rules/rule_reader.hpp"

#include <contra/rule.hpp>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

// Figures closer than max(absolute, relative × bound) are taken to agree.
struct Tolerance {
    double relative = 0.1;
    double absolute = 2;
};

// Reads `tolerance = { relative = …, absolute = … }`.
[[nodiscard]] Tolerance read_tolerance(RuleReader& reader, Tolerance fallback);

// The interval a count claim stands for: its value, or [0, 0] for a denial
// ("denied that anyone was killed"). None for other value kinds and hedges
// are kept as they are.
[[nodiscard]] std::optional<Count> effective_count(const Claim& claim);

// True when the intervals, each widened by the tolerance, do not meet.
[[nodiscard]] bool counts_conflict(const Count& a, const Count& b, const Tolerance& tolerance);

// True when the two agent claims take opposite stances on the same agent
// (neither hedged); with `same_for`, only when they are about the same thing
// (equal for_attribute, or one of them unspecified).
[[nodiscard]] bool agents_conflict(const Claim& a, const Claim& b, bool same_for);

// True when two category claims cannot both hold: different categories
// asserted, or one category asserted and denied. Hedges never conflict.
[[nodiscard]] bool categories_conflict(const Claim& a, const Claim& b);

// One severity level lower (info stays info).
[[nodiscard]] Severity one_level_lower(Severity severity);

// "injuries", or "injuries (group=police)" when the claim is qualified.
[[nodiscard]] std::string attribute_label(const Claim& claim);

[[nodiscard]] bool contains(const std::vector<std::string>& names, std::string_view name);

enum class ByQualifier { yes, no };

// Calls visit(std::span<const Claim* const>) once per group of the event's
// claims on one of `attributes` sharing attribute (and qualifier); each
// group keeps the claims' order. Not reentrant (reuses one buffer).
template <class Visit>
void for_each_group(std::span<const Claim> claims, const std::vector<std::string>& attributes,
                    ByQualifier by_qualifier, Visit&& visit)
{
    thread_local std::vector<const Claim*> scratch;
    scratch.clear();
    for (const auto& claim : claims) {
        if (contains(attributes, claim.attribute)) scratch.push_back(&claim);
    }
    const auto before = [by_qualifier](const Claim* x, const Claim* y) {
        if (x->attribute != y->attribute) return x->attribute < y->attribute;
        return by_qualifier == ByQualifier::yes && x->qualifier < y->qualifier;
    };
    std::stable_sort(scratch.begin(), scratch.end(), before);
    std::size_t first = 0;
    while (first < scratch.size()) {
        std::size_t last = first + 1;
        while (last < scratch.size() && !before(scratch[first], scratch[last])) ++last;
        visit(std::span<const Claim* const>(scratch.data() + first, last - first));
        first = last;
    }
}

// Calls visit(i, j) for every pair of indices below `count`, i < j.
template <class Visit>
void for_each_index_pair(std::size_t count, Visit&& visit)
{
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t j = i + 1; j < count; ++j) visit(i, j);
    }
}

// True when two claims of one group (one event and attribute) say the same
// thing: same source, qualifier, value and polarity, in any document or
// place. Such claims are one statement (their statement_key is the same).
[[nodiscard]] bool same_statement(const Claim& a, const Claim& b);

// The statements of a group: its claims sorted into statements, so that one
// figure quoted in two documents is one side of a disagreement, not two.
// Statements come in the order of their first claims, and each keeps its
// claims in group order; the first claim speaks for it in messages.
class Statements {
public:
    explicit Statements(std::span<const Claim* const> group);

    [[nodiscard]] std::size_t size() const { return m_starts.size(); }
    [[nodiscard]] std::span<const Claim* const> operator[](std::size_t i) const
    {
        const std::size_t end = i + 1 < m_starts.size() ? m_starts[i + 1] : m_claims.size();
        return std::span<const Claim* const>(m_claims).subspan(m_starts[i], end - m_starts[i]);
    }
    // The statement of the group's claim at `position`.
    [[nodiscard]] std::size_t of(std::size_t position) const { return m_of[position]; }

private:
    std::vector<const Claim*> m_claims;  // statement by statement
    std::vector<std::size_t> m_starts;   // where each statement begins in m_claims
    std::vector<std::size_t> m_of;       // the statement of each claim of the group
};

// Base of every compare kind: holds the compiled message template.
class CompareKind : public CompareRule {
public:
    explicit CompareKind(RuleInfo info);

protected:
    // A flag on `claims` (in the order given); `a` and `b` (b may be null)
    // fill the message's {a.…} and {b.…}.
    [[nodiscard]] Flag make_flag(const EventClaims& event, const CompareContext& context,
                                 std::span<const Claim* const> claims, Severity severity,
                                 const Claim* a, const Claim* b, std::string_view agent = {}) const;
    // Appends a flag, at the rule's severity, on two statements: it links
    // every claim of `first`, then every claim of `second`. `a` and `b` fill
    // the message; by default each statement's first claim.
    void add_statements_flag(const EventClaims& event, const CompareContext& context,
                             std::span<const Claim* const> first, std::span<const Claim* const> second,
                             std::vector<Flag>& out, const Claim* a = nullptr, const Claim* b = nullptr) const;

private:
    MessageTemplate m_message;
};

}  // namespace contra::detail

namespace contra::detail {

// A compare kind with its parameters, read once by the kind's static read().
template <class P>
class KindWithParams : public CompareKind {
public:
    using Params = P;
    KindWithParams(RuleInfo info, P params) : CompareKind(std::move(info)), m_params(std::move(params)) {}

protected:
    P m_params;
};

}  // namespace contra::detail
