// What a claim says about its attribute.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace contra {

enum class ValueKind { count, agent, category, date, text };

[[nodiscard]] std::string_view to_string(ValueKind kind);
[[nodiscard]] std::optional<ValueKind> parse_value_kind(std::string_view text);

// An integer interval [lo, hi]; no hi means open above ("over 100" is [101, open)).
struct Count {
    std::int64_t lo = 0;
    std::optional<std::int64_t> hi;

    [[nodiscard]] bool contains(std::int64_t n) const { return n >= lo && (!hi || n <= *hi); }
    [[nodiscard]] bool overlaps(const Count& other) const
    {
        return (!hi || other.lo <= *hi) && (!other.hi || lo <= *other.hi);
    }
    friend bool operator==(const Count&, const Count&) = default;
};

// Who is (or is not) responsible, and for what: "police were not responsible
// for the death" is {agent = "police", responsible = false, for_attribute = "deaths"}.
struct Agent {
    std::string agent;
    bool responsible = true;
    std::string for_attribute;
    friend bool operator==(const Agent&, const Agent&) = default;
};

struct Category {
    std::string name;
    friend bool operator==(const Category&, const Category&) = default;
};

// Inclusive interval of days, ISO YYYY-MM-DD.
struct DateRange {
    std::string first;
    std::string last;
    friend bool operator==(const DateRange&, const DateRange&) = default;
};

struct Text {
    std::string text;
    friend bool operator==(const Text&, const Text&) = default;
};

struct Value {
    std::variant<Count, Agent, Category, DateRange, Text> data;
    std::string wording;  // the original words, "over 100"

    [[nodiscard]] ValueKind kind() const { return static_cast<ValueKind>(data.index()); }
    // A stable, wording-free text of the value, used in fingerprints:
    // "count:101-", "count:3-3", "agent:police:false:deaths", "category:fire" …
    [[nodiscard]] std::string canonical() const;
    // For people: the wording when there is one, else a plain rendering.
    [[nodiscard]] std::string display() const;

    friend bool operator==(const Value&, const Value&) = default;
};

}  // namespace contra
