// A rule's message template, compiled once: literal text and placeholders
// such as {a.source} or {attribute}, filled in for each flag.
#pragma once

#include <contra/claim.hpp>
#include <contra/error.hpp>
#include <contra/source.hpp>

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

enum class Placeholder {
    literal,
    a_source,
    a_value,
    a_quote,
    b_source,
    b_value,
    b_quote,
    attribute,
    agent,
    event,
};

// The placeholders a template may use, as written: "{a.source}", …
[[nodiscard]] std::span<const std::string_view> placeholder_names();

// What a flag's message is made of.
struct MessageParts {
    const Claim* a = nullptr;
    const Claim* b = nullptr;
    std::string_view attribute;  // with its qualifier when there is one
    std::string_view agent;
    std::string_view event;
    const std::map<std::string, Source, std::less<>>* sources = nullptr;
};

class MessageTemplate {
public:
    MessageTemplate() = default;
    // Fails on an unknown placeholder or a lone brace; the error message
    // names it and the valid placeholders (the caller adds the location).
    [[nodiscard]] static Expected<MessageTemplate> compile(std::string_view text);

    [[nodiscard]] std::string render(const MessageParts& parts) const;

private:
    struct Piece {
        Placeholder kind = Placeholder::literal;
        std::string text;
    };
    std::vector<Piece> m_pieces;
};

}  // namespace contra::detail
