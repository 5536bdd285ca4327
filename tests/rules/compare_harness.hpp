// Test helpers for the compare kinds: one rule loaded from TOML text (next
// to the real attributes.toml) and claims built by hand.
#pragma once

#include "support.hpp"

#include <contra/engine.hpp>
#include <contra/rule_set.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace contra::test {

// Sources of the test event: two parties, one independent, one unknown.
inline std::map<std::string, Source, std::less<>> test_sources()
{
    std::map<std::string, Source, std::less<>> sources;
    const auto add = [&](std::string id, std::string name, Stake stake) {
        sources.emplace(id, Source{id, std::move(name), "test", stake, {}});
    };
    add("ministry", "Interior Ministry", Stake::party);
    add("council", "Residents' Council", Stake::party);
    add("monitor", "Rights Monitor", Stake::independent);
    add("paper", "Daily Paper", Stake::unknown);
    return sources;
}

// A claim with a distinct pin (document and span) so each has its own fingerprint.
inline Claim make_claim(std::string source, std::string attribute, Value value, std::string stated_on,
                        Polarity polarity = Polarity::asserted, Qualifier qualifier = {})
{
    static std::size_t next_offset = 0;
    Claim claim;
    claim.event = "test-event";
    claim.source = std::move(source);
    claim.attribute = std::move(attribute);
    claim.qualifier = std::move(qualifier);
    claim.value = std::move(value);
    claim.polarity = polarity;
    claim.document = "doc-" + claim.source + "-" + stated_on;
    claim.span = Span{next_offset, next_offset + 10, 1, 1};
    next_offset += 10;
    claim.quote = claim.value.wording;
    claim.origin = "curated";
    claim.stated_on = std::move(stated_on);
    claim.id = make_claim_id(claim);
    return claim;
}

// The same statement carried by another document (a report quoting it, a
// later copy): the claim with another pin, stated on `stated_on`.
inline Claim repeated_in(const Claim& claim, const std::string& document, std::string stated_on)
{
    static std::size_t next_offset = 0;
    Claim copy = claim;
    copy.document = document;
    copy.span = Span{next_offset, next_offset + 10, 1, 1};
    next_offset += 10;
    copy.stated_on = std::move(stated_on);
    copy.id = make_claim_id(copy);
    return copy;
}

inline Value count(std::int64_t lo, std::optional<std::int64_t> hi, std::string wording = {})
{
    return Value{Count{lo, hi}, std::move(wording)};
}

inline Value agent(std::string name, bool responsible, std::string for_attribute = {})
{
    return Value{Agent{std::move(name), responsible, std::move(for_attribute)}, {}};
}

inline Value category(std::string name)
{
    return Value{Category{std::move(name)}, {}};
}

// One rule, loaded from `rule_toml` as the only file of a rules directory.
class OneRule {
public:
    explicit OneRule(const std::string& rule_toml)
    {
        write_file(m_dir / "attributes.toml", read_file(rules_dir() / "attributes.toml"));
        write_file(m_dir / "compare" / "rule.toml", rule_toml);
        auto loaded = RuleSet::load(m_dir.path().string());
        if (!loaded) FAIL(loaded.error().describe());
        m_rules.emplace(std::move(*loaded));
    }

    [[nodiscard]] std::vector<Flag> run(const std::vector<Claim>& claims) const
    {
        const Event event{"test-event", "A test event", "2024-05-01", "Nowhere", {}};
        return compare_event(*m_rules, EventClaims{event, claims}, m_sources);
    }

    // The one flag the rule raises on `claims`; fails unless there is exactly one.
    [[nodiscard]] Flag only_flag(const std::vector<Claim>& claims) const
    {
        auto flags = run(claims);
        REQUIRE(flags.size() == 1);
        return std::move(flags.front());
    }

    [[nodiscard]] const RuleSet& rules() const { return *m_rules; }

private:
    TempDir m_dir;
    std::optional<RuleSet> m_rules;
    std::map<std::string, Source, std::less<>> m_sources = test_sources();
};

// The common keys of a test rule, followed by `parameters`.
inline std::string rule_text(const std::string& id, const std::string& kind, const std::string& parameters)
{
    return "id = \"" + id + "\"\nkind = \"" + kind +
           "\"\nsummary = \"s\"\nwhy = \"w\"\nexample = \"e\"\n" + parameters + "\n";
}

}  // namespace contra::test
