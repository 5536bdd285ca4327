#include "rules/compare_kind.hpp"

#include <contra/flag.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace contra::detail {

Tolerance read_tolerance(RuleReader& reader, Tolerance fallback)
{
    Tolerance tolerance = fallback;
    if (auto nested = reader.table("tolerance", Need::optional)) {
        tolerance.relative = nested->parameter_number("relative", fallback.relative, 0);
        tolerance.absolute = nested->parameter_number("absolute", fallback.absolute, 0);
        nested->reject_unknown_keys();
    }
    reader.note_parameter("tolerance", fmt::format("{{ relative = {}, absolute = {} }}", tolerance.relative,
                                                   tolerance.absolute));
    return tolerance;
}

std::optional<Count> effective_count(const Claim& claim)
{
    const auto* count = std::get_if<Count>(&claim.value.data);
    if (count == nullptr) return std::nullopt;
    if (claim.polarity == Polarity::denied) return Count{0, 0};
    return *count;
}

bool counts_conflict(const Count& a, const Count& b, const Tolerance& tolerance)
{
    // Tiny slack so that intervals meeting exactly at a tolerance edge agree
    // despite floating-point rounding of relative × bound.
    constexpr double k_slack = 1e-9;
    const auto margin = [&](double bound) {
        return std::max(tolerance.absolute, tolerance.relative * std::abs(bound));
    };
    const auto below = [&](const Count& low, const Count& high) {
        if (!low.hi) return false;
        const double top = static_cast<double>(*low.hi);
        const double bottom = static_cast<double>(high.lo);
        return top + margin(top) + k_slack < bottom - margin(bottom);
    };
    return below(a, b) || below(b, a);
}

bool agents_conflict(const Claim& a, const Claim& b, bool same_for)
{
    const auto* x = std::get_if<Agent>(&a.value.data);
    const auto* y = std::get_if<Agent>(&b.value.data);
    if (x == nullptr || y == nullptr) return false;
    if (a.polarity == Polarity::hedged || b.polarity == Polarity::hedged) return false;
    if (x->agent != y->agent || x->responsible == y->responsible) return false;
    if (!same_for) return true;
    return x->for_attribute == y->for_attribute || x->for_attribute.empty() || y->for_attribute.empty();
}

bool categories_conflict(const Claim& a, const Claim& b)
{
    const auto* x = std::get_if<Category>(&a.value.data);
    const auto* y = std::get_if<Category>(&b.value.data);
    if (x == nullptr || y == nullptr) return false;
    if (a.polarity == Polarity::hedged || b.polarity == Polarity::hedged) return false;
    const bool a_denied = a.polarity == Polarity::denied;
    const bool b_denied = b.polarity == Polarity::denied;
    if (a_denied && b_denied) return false;  // two denials say nothing about each other
    if (a_denied || b_denied) return x->name == y->name;
    return x->name != y->name;
}

Severity one_level_lower(Severity severity)
{
    switch (severity) {
        case Severity::error: return Severity::warning;
        case Severity::warning:
        case Severity::info: return Severity::info;
    }
    return Severity::info;
}

std::string attribute_label(const Claim& claim)
{
    if (claim.qualifier.empty()) return claim.attribute;
    return fmt::format("{} ({})", claim.attribute, qualifier_key(claim.qualifier));
}

bool contains(const std::vector<std::string>& names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool same_statement(const Claim& a, const Claim& b)
{
    // The value's data, not its canonical text: equal data is equal text,
    // and comparing it costs no formatting.
    return a.source == b.source && a.polarity == b.polarity && a.qualifier == b.qualifier &&
           a.value.data == b.value.data;
}

Statements::Statements(std::span<const Claim* const> group)
{
    // Each claim joins the first statement whose first claim says the same.
    m_of.resize(group.size());
    std::vector<std::size_t> firsts;  // position in `group` of each statement's first claim
    for (std::size_t i = 0; i < group.size(); ++i) {
        const auto found = std::find_if(firsts.begin(), firsts.end(),
                                        [&](std::size_t first) { return same_statement(*group[first], *group[i]); });
        m_of[i] = static_cast<std::size_t>(found - firsts.begin());
        if (found == firsts.end()) firsts.push_back(i);
    }
    std::vector<std::size_t> sizes(firsts.size(), 0);
    for (const std::size_t statement : m_of) ++sizes[statement];
    m_starts.resize(firsts.size());
    for (std::size_t statement = 0, start = 0; statement < firsts.size(); ++statement) {
        m_starts[statement] = start;
        start += sizes[statement];
    }
    m_claims.resize(group.size());
    std::vector<std::size_t> next = m_starts;
    for (std::size_t i = 0; i < group.size(); ++i) m_claims[next[m_of[i]]++] = group[i];
}

CompareKind::CompareKind(RuleInfo info)
    : CompareRule(std::move(info))
{
    // The loader has validated the template already; a failure here would be
    // a bug, and leaves the message empty rather than throwing.
    if (auto compiled = MessageTemplate::compile(this->info().message)) m_message = std::move(*compiled);
}

Flag CompareKind::make_flag(const EventClaims& event, const CompareContext& context,
                            std::span<const Claim* const> claims, Severity severity, const Claim* a,
                            const Claim* b, std::string_view agent) const
{
    Flag flag;
    flag.rule = info().id;
    flag.kind = info().kind;
    flag.severity = severity;
    flag.event = event.event.id;
    flag.claims.reserve(claims.size());
    for (const Claim* claim : claims) flag.claims.push_back(claim->id.empty() ? make_claim_id(*claim) : claim->id);
    flag.id = make_flag_id(flag.rule, claims);
    const std::string label = a != nullptr ? attribute_label(*a) : std::string();
    flag.attribute = a != nullptr ? a->attribute : std::string();
    flag.message = m_message.render(MessageParts{a, b, label, agent, event.event.id, &context.sources});
    return flag;
}

void CompareKind::add_statements_flag(const EventClaims& event, const CompareContext& context,
                                      std::span<const Claim* const> first, std::span<const Claim* const> second,
                                      std::vector<Flag>& out, const Claim* a, const Claim* b) const
{
    std::vector<const Claim*> claims(first.begin(), first.end());
    claims.insert(claims.end(), second.begin(), second.end());
    out.push_back(make_flag(event, context, claims, info().severity, a != nullptr ? a : first.front(),
                            b != nullptr ? b : second.front()));
}

}  // namespace contra::detail
