// What the draft kinds share: their message template, finding where a draft
// claim meets a disputed point, naming the competing accounts, and building
// findings.
#pragma once

#include "rules/compare_kind.hpp"
#include "rules/rule_reader.hpp"

#include <contra/draft_rule.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

// A draft rule's message: literal text and the placeholders {value} (the
// draft's words), {source} (whom the draft quotes), {attribute}, {accounts}
// (the competing accounts with their sources), {event} and {word} (the
// certainty word).
class DraftMessage {
public:
    struct Parts {
        std::string_view value;
        std::string_view source;
        std::string_view attribute;
        std::string_view accounts;
        std::string_view event;
        std::string_view word;
    };

    DraftMessage() = default;
    // Fails on an unknown placeholder or a lone brace, naming the valid ones.
    [[nodiscard]] static Expected<DraftMessage> compile(std::string_view text);
    [[nodiscard]] std::string render(const Parts& parts) const;

private:
    struct Piece {
        int slot = -1;  // -1 literal, else the index of the placeholder
        std::string text;
    };
    std::vector<Piece> m_pieces;
};

// A byte that can be part of a word for find_words: an ASCII letter or
// digit, or any byte of a multi-byte UTF-8 sequence. A table: event
// detection asks it of every byte of every draft.
inline constexpr auto k_word_bytes = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) {
        table[c] = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return table;
}();

[[nodiscard]] inline bool is_word_byte(char c) { return k_word_bytes[static_cast<unsigned char>(c)]; }

// Where `needle` first occurs in `haystack` at or after `from`, between word
// boundaries (both already folded); npos when it does not.
[[nodiscard]] std::size_t find_words(std::string_view haystack, std::string_view needle, std::size_t from = 0);
[[nodiscard]] bool contains_words(std::string_view haystack, std::string_view needle);

// "injuries", or "injuries (group=police)".
[[nodiscard]] std::string point_label(std::string_view attribute, const Qualifier& qualifier);

// The disputed point the draft claim speaks to, if any.
[[nodiscard]] const ContestedPoint* contested_point(const DraftContext& context, const Claim& claim);

// The point's competing accounts that speak to what the draft claim says:
// all of them, except that a stance on an agent's responsibility for one
// harm leaves out stances on another ("for deaths" is not "for injuries").
[[nodiscard]] std::vector<const Claim*> point_accounts(const ContestedPoint& point, const Claim& claim);

// Stated in the draft's own voice: no one is named or alluded to as its source.
[[nodiscard]] bool in_own_voice(const DraftContext& context, const Claim& claim);

// Put in the mouth of a source the event's accounts know.
[[nodiscard]] bool attributed_to_known_source(const DraftContext& context, const Claim& claim);

// The source's name, else its id.
[[nodiscard]] std::string source_name(const std::map<std::string, Source, std::less<>>& sources, std::string_view id);
[[nodiscard]] std::string source_name(const DraftContext& context, std::string_view id);

// How a finding shows the claim: its source's name and its value.
[[nodiscard]] ClaimText claim_text(const Claim& claim, const std::map<std::string, Source, std::less<>>& sources);

// The event's claims on the draft claim's attribute and qualifier; when
// none carries that qualifier, the unqualified ones. With `source`, only
// that source's.
[[nodiscard]] std::vector<const Claim*> comparable_claims(const DraftContext& context, const Claim& claim,
                                                          std::optional<std::string_view> source = {});

// True when the store claim holds the draft claim's value: counts within the
// tolerance, the same stance on the same agent, the same category, meeting
// dates, equal text.
[[nodiscard]] bool value_holds(const Claim& draft_claim, const Claim& claim, const Tolerance& tolerance);

// "Albanian Ministry of Interior: police not responsible for deaths; …", one
// entry per source and value, in the order given.
[[nodiscard]] std::string accounts_text(const DraftContext& context, const std::vector<const Claim*>& claims);

// Base of every draft kind: holds the compiled message and builds findings.
class DraftKind : public DraftRule {
public:
    DraftKind(RuleInfo info, DraftMessage message) : DraftRule(std::move(info)), m_message(std::move(message)) {}

protected:
    // A finding on draft bytes [start, end) about `claim`'s attribute, with
    // the accounts and flags behind it.
    [[nodiscard]] Finding make_finding(const DraftContext& context, std::size_t start, std::size_t end,
                                       const Claim& claim, const DraftMessage::Parts& parts,
                                       const std::vector<const Claim*>& accounts,
                                       const std::vector<const Flag*>& flags) const;
    [[nodiscard]] const DraftMessage& message() const { return m_message; }

private:
    DraftMessage m_message;
};

template <class P>
class DraftKindWithParams : public DraftKind {
public:
    using Params = P;
    DraftKindWithParams(RuleInfo info, DraftMessage message, P params)
        : DraftKind(std::move(info), std::move(message)), m_params(std::move(params))
    {
    }

protected:
    P m_params;
};

}  // namespace contra::detail
