// A draft rule: a built-in kind that checks a draft against an event's
// accounts, parameterised by one TOML file in rules/draft/.
#pragma once

#include <contra/attribute.hpp>
#include <contra/claim.hpp>
#include <contra/draft.hpp>
#include <contra/event.hpp>
#include <contra/finding.hpp>
#include <contra/rule.hpp>
#include <contra/source.hpp>
#include <contra/text.hpp>

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contra {

// One disputed point of the event: an attribute (and qualifier) with at
// least one active flag that is not dismissed and not a mere note.
struct ContestedPoint {
    std::string attribute;
    Qualifier qualifier;
    std::vector<const Flag*> flags;    // by flag id
    std::vector<const Claim*> claims;  // the flags' claims: the competing accounts
};

// How a claim of the event is shown in a finding: its source's name and
// its value. Made once per event: a check shows the same few accounts in
// thousands of findings.
struct ClaimText {
    std::string source;
    std::string value;
};

// Everything a draft rule may look at. Built once per draft by check_drafts.
struct DraftContext {
    const Draft& draft;
    const Event& event;
    // Claims extracted from draft.prose (offsets into the draft). A claim in
    // the draft's own voice has source == own_voice and no mention.
    std::span<const Claim> draft_claims;
    std::string_view own_voice;
    std::span<const Claim> claims;  // the event's claims in the store
    std::span<const ContestedPoint> contested;
    const std::map<std::string, Source, std::less<>>& sources;
    const std::map<std::string, AttributeSpec, std::less<>>& attributes;
    // sha256 -> title (or path) of the documents behind the event's claims.
    const std::map<std::string, std::string, std::less<>>& documents;
    std::span<const std::pair<std::size_t, std::size_t>> sentences;  // byte ranges of draft.prose
    const LineIndex& lines;  // of draft.original
    // claims[i] is shown as claim_texts[i]; empty when not made beforehand.
    std::span<const ClaimText> claim_texts = {};
};

// Each kind is one class, constructed from its rule file (validated once).
class DraftRule {
public:
    explicit DraftRule(RuleInfo info) : m_info(std::move(info)) {}
    virtual ~DraftRule() = default;
    DraftRule(const DraftRule&) = delete;
    DraftRule& operator=(const DraftRule&) = delete;

    [[nodiscard]] const RuleInfo& info() const { return m_info; }

    // Appends what it finds, with path, rule, severity, span, message,
    // accounts and flags filled in; check_drafts sets suppression and makes
    // fingerprints unique.
    virtual void check(const DraftContext& context, std::vector<Finding>& out) const = 0;

private:
    RuleInfo m_info;
};

}  // namespace contra
