#include "rules/message_template.hpp"

#include <fmt/format.h>

#include <array>

namespace contra::detail {

namespace {

constexpr std::array<std::string_view, 9> k_placeholder_names = {
    "{a.source}", "{a.value}", "{a.quote}", "{b.source}", "{b.value}",
    "{b.quote}",  "{attribute}", "{agent}", "{event}",
};

std::string_view source_name(const Claim* claim, const MessageParts& parts)
{
    if (claim == nullptr) return {};
    if (parts.sources != nullptr) {
        const auto it = parts.sources->find(claim->source);
        if (it != parts.sources->end() && !it->second.name.empty()) return it->second.name;
    }
    return claim->source;
}

}  // namespace

std::span<const std::string_view> placeholder_names()
{
    return k_placeholder_names;
}

Expected<MessageTemplate> MessageTemplate::compile(std::string_view text)
{
    MessageTemplate compiled;
    std::string literal;
    std::size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        if ((c == '{' || c == '}') && at + 1 < text.size() && text[at + 1] == c) {
            literal += c;  // "{{" and "}}" stand for one brace
            at += 2;
            continue;
        }
        if (c == '}') {
            return bad_input("unmatched '}' in message (write '}}' for a literal brace)");
        }
        if (c != '{') {
            literal += c;
            ++at;
            continue;
        }
        const auto close = text.find('}', at);
        if (close == std::string_view::npos) {
            return bad_input("unclosed '{' in message (write '{{' for a literal brace)");
        }
        const auto name = text.substr(at, close - at + 1);
        std::size_t index = 0;
        while (index < k_placeholder_names.size() && k_placeholder_names[index] != name) ++index;
        if (index == k_placeholder_names.size()) {
            return bad_input(fmt::format("unknown placeholder {} in message; valid placeholders: {}", name,
                                         fmt::join(k_placeholder_names, " ")));
        }
        if (!literal.empty()) compiled.m_pieces.push_back(Piece{Placeholder::literal, std::move(literal)});
        literal.clear();
        compiled.m_pieces.push_back(Piece{static_cast<Placeholder>(index + 1), {}});
        at = close + 1;
    }
    if (!literal.empty()) compiled.m_pieces.push_back(Piece{Placeholder::literal, std::move(literal)});
    return compiled;
}

std::string MessageTemplate::render(const MessageParts& parts) const
{
    std::string out;
    for (const auto& piece : m_pieces) {
        switch (piece.kind) {
            case Placeholder::literal: out += piece.text; break;
            case Placeholder::a_source: out += source_name(parts.a, parts); break;
            case Placeholder::a_value: if (parts.a) out += parts.a->value.display(); break;
            case Placeholder::a_quote: if (parts.a) out += parts.a->quote; break;
            case Placeholder::b_source: out += source_name(parts.b, parts); break;
            case Placeholder::b_value: if (parts.b) out += parts.b->value.display(); break;
            case Placeholder::b_quote: if (parts.b) out += parts.b->quote; break;
            case Placeholder::attribute: out += parts.attribute; break;
            case Placeholder::agent: out += parts.agent; break;
            case Placeholder::event: out += parts.event; break;
        }
    }
    return out;
}

}  // namespace contra::detail
