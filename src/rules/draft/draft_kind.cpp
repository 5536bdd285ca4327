#include "rules/draft/draft_kind.hpp"

#include <contra/hash.hpp>
#include <contra/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <variant>

namespace contra::detail {

namespace {

constexpr std::array<std::string_view, 6> k_slots = {"{value}", "{source}", "{attribute}",
                                                     "{accounts}", "{event}", "{word}"};

}  // namespace

Expected<DraftMessage> DraftMessage::compile(std::string_view text)
{
    DraftMessage compiled;
    std::string literal;
    std::size_t at = 0;
    const auto flush = [&] {
        if (!literal.empty()) compiled.m_pieces.push_back(Piece{-1, std::move(literal)});
        literal.clear();
    };
    while (at < text.size()) {
        const char c = text[at];
        if ((c == '{' || c == '}') && at + 1 < text.size() && text[at + 1] == c) {
            literal += c;
            at += 2;
            continue;
        }
        if (c == '}') return bad_input("unmatched '}' in message (write '}}' for a literal brace)");
        if (c != '{') {
            literal += c;
            ++at;
            continue;
        }
        const auto close = text.find('}', at);
        if (close == std::string_view::npos) return bad_input("unclosed '{' in message (write '{{' for a literal brace)");
        const auto name = text.substr(at, close - at + 1);
        const auto it = std::ranges::find(k_slots, name);
        if (it == k_slots.end()) {
            return bad_input(fmt::format("unknown placeholder '{}' in a draft rule's message; valid placeholders: {}",
                                         name, fmt::join(k_slots, ", ")));
        }
        flush();
        compiled.m_pieces.push_back(Piece{static_cast<int>(it - k_slots.begin()), {}});
        at = close + 1;
    }
    flush();
    return compiled;
}

std::string DraftMessage::render(const Parts& parts) const
{
    const std::array<std::string_view, 6> values = {parts.value,    parts.source, parts.attribute,
                                                    parts.accounts, parts.event,  parts.word};
    std::string out;
    for (const auto& piece : m_pieces) {
        if (piece.slot < 0) {
            out += piece.text;
        } else {
            out += values[static_cast<std::size_t>(piece.slot)];
        }
    }
    return out;
}

std::size_t find_words(std::string_view haystack, std::string_view needle, std::size_t from)
{
    if (needle.empty()) return std::string_view::npos;
    for (auto at = haystack.find(needle, from); at != std::string_view::npos; at = haystack.find(needle, at + 1)) {
        const bool starts = at == 0 || !is_word_byte(haystack[at - 1]) || !is_word_byte(needle.front());
        const std::size_t end = at + needle.size();
        const bool ends = end == haystack.size() || !is_word_byte(haystack[end]) || !is_word_byte(needle.back());
        if (starts && ends) return at;
    }
    return std::string_view::npos;
}

bool contains_words(std::string_view haystack, std::string_view needle)
{
    return find_words(haystack, needle) != std::string_view::npos;
}

std::string point_label(std::string_view attribute, const Qualifier& qualifier)
{
    if (qualifier.empty()) return std::string(attribute);
    return fmt::format("{} ({})", attribute, qualifier_key(qualifier));
}

const ContestedPoint* contested_point(const DraftContext& context, const Claim& claim)
{
    for (const auto& point : context.contested) {
        if (point.attribute == claim.attribute && point.qualifier == claim.qualifier) return &point;
    }
    // A draft figure with a qualifier the accounts never use speaks to the
    // unqualified point ("over 100 residents" when the accounts say "over 100").
    const bool qualifier_known = std::ranges::any_of(context.claims, [&](const Claim& c) {
        return c.attribute == claim.attribute && c.qualifier == claim.qualifier;
    });
    if (!claim.qualifier.empty() && !qualifier_known) {
        for (const auto& point : context.contested) {
            if (point.attribute == claim.attribute && point.qualifier.empty()) return &point;
        }
    }
    return nullptr;
}

std::vector<const Claim*> point_accounts(const ContestedPoint& point, const Claim& claim)
{
    const auto* agent = std::get_if<Agent>(&claim.value.data);
    if (agent == nullptr || agent->for_attribute.empty()) return point.claims;
    std::vector<const Claim*> out;
    for (const Claim* account : point.claims) {
        const auto* other = std::get_if<Agent>(&account->value.data);
        if (other == nullptr || other->for_attribute.empty() || other->for_attribute == agent->for_attribute) {
            out.push_back(account);
        }
    }
    return out;
}

bool in_own_voice(const DraftContext& context, const Claim& claim)
{
    return claim.source == context.own_voice && claim.mention.empty();
}

bool attributed_to_known_source(const DraftContext& context, const Claim& claim)
{
    return claim.source != context.own_voice && context.sources.contains(claim.source);
}

std::string source_name(const std::map<std::string, Source, std::less<>>& sources, std::string_view id)
{
    const auto it = sources.find(id);
    if (it != sources.end() && !it->second.name.empty()) return it->second.name;
    return std::string(id);
}

std::string source_name(const DraftContext& context, std::string_view id) { return source_name(context.sources, id); }

ClaimText claim_text(const Claim& claim, const std::map<std::string, Source, std::less<>>& sources)
{
    return ClaimText{source_name(sources, claim.source), claim.value.display()};
}

std::vector<const Claim*> comparable_claims(const DraftContext& context, const Claim& claim,
                                            std::optional<std::string_view> source)
{
    const auto with_qualifier = [&](const Qualifier& qualifier) {
        const auto comparable = [&](const Claim& c) {
            return c.attribute == claim.attribute && (!source || c.source == *source) && c.qualifier == qualifier;
        };
        // Counted first, so the list is allocated once at its size.
        std::vector<const Claim*> found;
        found.reserve(static_cast<std::size_t>(std::ranges::count_if(context.claims, comparable)));
        for (const auto& c : context.claims) {
            if (comparable(c)) found.push_back(&c);
        }
        return found;
    };
    std::vector<const Claim*> same = with_qualifier(claim.qualifier);
    if (!same.empty() || claim.qualifier.empty()) return same;
    const bool qualifier_known = std::ranges::any_of(context.claims, [&](const Claim& c) {
        return c.attribute == claim.attribute && c.qualifier == claim.qualifier;
    });
    return qualifier_known ? same : with_qualifier(Qualifier{});
}

bool value_holds(const Claim& draft_claim, const Claim& claim, const Tolerance& tolerance)
{
    if (draft_claim.value.kind() != claim.value.kind()) return false;
    if (draft_claim.value.kind() == ValueKind::count) {
        const auto a = effective_count(draft_claim);
        const auto b = effective_count(claim);
        return a && b && !counts_conflict(*a, *b, tolerance);
    }
    if (const auto* a = std::get_if<Agent>(&draft_claim.value.data)) {
        const auto& b = std::get<Agent>(claim.value.data);
        const bool same_for = a->for_attribute.empty() || b.for_attribute.empty() || a->for_attribute == b.for_attribute;
        return fold(a->agent) == fold(b.agent) && a->responsible == b.responsible && same_for;
    }
    if (const auto* a = std::get_if<Category>(&draft_claim.value.data)) {
        const bool same = fold(a->name) == fold(std::get<Category>(claim.value.data).name);
        const bool a_denied = draft_claim.polarity == Polarity::denied;
        const bool b_denied = claim.polarity == Polarity::denied;
        return same == (a_denied == b_denied);
    }
    if (const auto* a = std::get_if<DateRange>(&draft_claim.value.data)) {
        const auto& b = std::get<DateRange>(claim.value.data);
        return a->first <= b.last && b.first <= a->last;
    }
    return fold(std::get<Text>(draft_claim.value.data).text) == fold(std::get<Text>(claim.value.data).text);
}

namespace {

// The claim's text as made beforehand for the event's claims (read_event),
// or null for a claim not among them.
const ClaimText* made_beforehand(const DraftContext& context, const Claim& claim)
{
    const std::less<const Claim*> before;
    const Claim* first = context.claims.data();
    if (context.claim_texts.size() != context.claims.size() || context.claims.empty() || before(&claim, first) ||
        !before(&claim, first + context.claims.size())) {
        return nullptr;
    }
    return &context.claim_texts[static_cast<std::size_t>(&claim - first)];
}

}  // namespace

std::string accounts_text(const DraftContext& context, const std::vector<const Claim*>& claims)
{
    // Each account once, in order: "source: value; source: value".
    std::deque<ClaimText> made;  // for claims not among the event's: rarely any
    std::vector<const ClaimText*> seen;
    std::size_t size = 0;
    for (const Claim* claim : claims) {
        const ClaimText* text = made_beforehand(context, *claim);
        if (text == nullptr) text = &made.emplace_back(claim_text(*claim, context.sources));
        const bool repeated = std::ranges::any_of(
            seen, [&](const ClaimText* other) { return other->source == text->source && other->value == text->value; });
        if (repeated) continue;
        seen.push_back(text);
        size += text->source.size() + text->value.size() + 4;
    }
    std::string out;
    out.reserve(size);
    for (const ClaimText* entry : seen) {
        if (!out.empty()) out += "; ";
        out.append(entry->source).append(": ").append(entry->value);
    }
    return out;
}

Finding DraftKind::make_finding(const DraftContext& context, std::size_t start, std::size_t end, const Claim& claim,
                                const DraftMessage::Parts& parts, const std::vector<const Claim*>& accounts,
                                const std::vector<const Flag*>& flags) const
{
    Finding finding;
    finding.path = context.draft.path;
    finding.rule = info().id;
    finding.severity = info().severity;
    finding.message = m_message.render(parts);
    finding.start = start;
    finding.end = end;
    const LineColumn first = context.lines.at(start);
    const LineColumn last = context.lines.at(end);
    finding.line = first.line;
    finding.column = first.column;
    finding.end_line = last.line;
    finding.end_column = last.column;
    finding.excerpt = context.draft.original.substr(start, end - start);
    for (const Claim* account : accounts) {
        const auto document = context.documents.find(account->document);
        const ClaimText* before = made_beforehand(context, *account);
        ClaimText text = before != nullptr ? *before : claim_text(*account, context.sources);
        finding.accounts.push_back(FindingAccount{account->id, std::move(text.source), std::move(text.value),
                                                  account->quote,
                                                  document != context.documents.end() ? document->second
                                                                                      : account->document});
    }
    for (const Flag* flag : flags) finding.flags.push_back(flag->id);
    const std::string label = point_label(claim.attribute, claim.qualifier);
    finding.fingerprint = fingerprint_hex(
        fmt::format("{}\x1f{}\x1f{}\x1f{}", info().id, context.event.id, label, fold(finding.excerpt)));
    return finding;
}

}  // namespace contra::detail
