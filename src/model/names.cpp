// Names of the model's enumerations, both ways.
#include <contra/claim.hpp>
#include <contra/flag.hpp>
#include <contra/source.hpp>
#include <contra/value.hpp>

#include <array>
#include <utility>

namespace contra {

namespace {

template <class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

template <class Enum, std::size_t N>
std::string_view name_of(const NameTable<Enum, N>& table, Enum value)
{
    for (const auto& [e, name] : table) {
        if (e == value) return name;
    }
    return "?";
}

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(const NameTable<Enum, N>& table, std::string_view text)
{
    for (const auto& [e, name] : table) {
        if (name == text) return e;
    }
    return std::nullopt;
}

constexpr NameTable<Stake, 3> k_stakes{{
    {Stake::party, "party"}, {Stake::independent, "independent"}, {Stake::unknown, "unknown"}}};

constexpr NameTable<ValueKind, 5> k_value_kinds{{{ValueKind::count, "count"},
                                                 {ValueKind::agent, "agent"},
                                                 {ValueKind::category, "category"},
                                                 {ValueKind::date, "date"},
                                                 {ValueKind::text, "text"}}};

constexpr NameTable<Polarity, 4> k_polarities{{{Polarity::asserted, "asserted"},
                                               {Polarity::denied, "denied"},
                                               {Polarity::hedged, "hedged"},
                                               {Polarity::implied, "implied"}}};

constexpr NameTable<Severity, 3> k_severities{
    {{Severity::info, "info"}, {Severity::warning, "warning"}, {Severity::error, "error"}}};

constexpr NameTable<FlagState, 2> k_flag_states{{{FlagState::active, "active"}, {FlagState::stale, "stale"}}};

constexpr NameTable<ReviewStatus, 4> k_review_statuses{{{ReviewStatus::open, "open"},
                                                        {ReviewStatus::confirmed, "confirmed"},
                                                        {ReviewStatus::dismissed, "dismissed"},
                                                        {ReviewStatus::needs_info, "needs-info"}}};

}  // namespace

std::string_view to_string(Stake stake) { return name_of(k_stakes, stake); }
std::optional<Stake> parse_stake(std::string_view text) { return parse_name(k_stakes, text); }

std::string_view to_string(ValueKind kind) { return name_of(k_value_kinds, kind); }
std::optional<ValueKind> parse_value_kind(std::string_view text) { return parse_name(k_value_kinds, text); }

std::string_view to_string(Polarity polarity) { return name_of(k_polarities, polarity); }
std::optional<Polarity> parse_polarity(std::string_view text) { return parse_name(k_polarities, text); }

std::string_view to_string(Severity severity) { return name_of(k_severities, severity); }
std::optional<Severity> parse_severity(std::string_view text) { return parse_name(k_severities, text); }

std::string_view to_string(FlagState state) { return name_of(k_flag_states, state); }
std::optional<FlagState> parse_flag_state(std::string_view text) { return parse_name(k_flag_states, text); }

std::string_view to_string(ReviewStatus status) { return name_of(k_review_statuses, status); }
std::optional<ReviewStatus> parse_review_status(std::string_view text)
{
    return parse_name(k_review_statuses, text);
}

}  // namespace contra
