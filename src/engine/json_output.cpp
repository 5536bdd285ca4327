#include "engine/json_output.hpp"

namespace contra::detail {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};

}  // namespace

nlohmann::json value_to_json(const Value& value)
{
    using nlohmann::json;
    json out = std::visit(
        Overloaded{
            [](const Count& c) {
                return json{{"kind", "count"}, {"lo", c.lo}, {"hi", c.hi ? json(*c.hi) : json(nullptr)}};
            },
            [](const Agent& a) {
                return json{{"kind", "agent"}, {"agent", a.agent}, {"responsible", a.responsible},
                            {"for", a.for_attribute}};
            },
            [](const Category& c) { return json{{"kind", "category"}, {"category", c.name}}; },
            [](const DateRange& d) { return json{{"kind", "date"}, {"first", d.first}, {"last", d.last}}; },
            [](const Text& t) { return json{{"kind", "text"}, {"value", t.text}}; },
        },
        value.data);
    out["text"] = value.display();
    return out;
}

nlohmann::json claim_to_json(const Claim& claim, const Source* source, const Document* document)
{
    using nlohmann::json;
    json qualifier = json::object();
    for (const auto& [key, value] : claim.qualifier) qualifier[key] = value;
    return json{
        {"id", claim.id},
        {"event", claim.event},
        {"source",
         {{"id", claim.source},
          {"name", source ? source->name : claim.source},
          {"mention", claim.mention}}},
        {"attribute", claim.attribute},
        {"qualifier", std::move(qualifier)},
        {"value", value_to_json(claim.value)},
        {"polarity", to_string(claim.polarity)},
        {"document",
         {{"sha256", claim.document},
          {"title", document ? document->title : ""},
          {"path", document ? document->path : ""},
          {"published", document ? document->published : ""}}},
        {"span",
         {{"start", claim.span.start},
          {"end", claim.span.end},
          {"line", claim.span.line},
          {"column", claim.span.column}}},
        {"quote", claim.quote},
        {"prefix", claim.prefix},
        {"suffix", claim.suffix},
        {"origin", claim.origin},
    };
}

nlohmann::json flag_to_json(const Flag& flag, nlohmann::json claims)
{
    return nlohmann::json{
        {"id", flag.id},
        {"rule", flag.rule},
        {"kind", flag.kind},
        {"severity", to_string(flag.severity)},
        {"event", flag.event},
        {"attribute", flag.attribute},
        {"state", to_string(flag.state)},
        {"status", to_string(flag.status)},
        {"message", flag.message},
        {"first_seen", flag.first_seen},
        {"last_seen", flag.last_seen},
        {"claims", std::move(claims)},
    };
}

}  // namespace contra::detail
