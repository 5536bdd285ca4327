// contra export: the store as JSON Lines.
#include <contra/exchange.hpp>

#include "engine/json_output.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace contra {

namespace {

using nlohmann::json;

template <class T>
Expected<T> unwrap_into(Expected<T> result, T& out)
{
    if (result) out = std::move(*result);
    return result;
}

// Keeps only the records one event's claims and flags use.
Expected<void> narrow_to_event(const Store& store, std::string_view event, Exchange& exchange)
{
    auto found = store.event(event);
    if (!found) return std::unexpected(found.error());
    if (!*found) {
        auto all = store.events();
        if (!all) return std::unexpected(all.error());
        std::string known;
        for (const auto& e : *all) known += fmt::format("{}{}", known.empty() ? "" : ", ", e.id);
        return bad_input(fmt::format("no event '{}' in the store{}", event,
                                     known.empty() ? std::string() : "; events: " + known));
    }
    exchange.events = {**found};
    std::set<std::string_view> sources;
    std::set<std::string_view> documents;
    for (const auto& claim : exchange.claims) {
        sources.insert(claim.source);
        documents.insert(claim.document);
    }
    std::erase_if(exchange.sources, [&](const Source& s) { return !sources.contains(s.id); });
    std::erase_if(exchange.documents, [&](const Document& d) { return !documents.contains(d.sha256); });
    std::set<std::string_view> flags;
    for (const auto& flag : exchange.flags) flags.insert(flag.id);
    std::erase_if(exchange.reviews, [&](const Review& r) { return !flags.contains(r.flag); });
    return {};
}

json event_json(const Event& event)
{
    return json{{"type", "event"}, {"id", event.id},       {"title", event.title},
                {"date", event.date},  {"place", event.place}, {"aliases", event.aliases}};
}

json source_json(const Source& source)
{
    return json{{"type", "source"},     {"id", source.id},
                {"name", source.name},  {"kind", source.kind},
                {"stake", to_string(source.stake)}, {"aliases", source.aliases}};
}

json document_json(const Document& document)
{
    return json{{"type", "document"},
                {"sha256", document.sha256},
                {"title", document.title},
                {"url", document.url},
                {"publisher", document.publisher},
                {"published", document.published},
                {"retrieved", document.retrieved},
                {"path", document.path},
                {"text", document.text}};
}

json review_json(const Review& review)
{
    return json{{"type", "review"},         {"seq", review.seq},           {"flag", review.flag},
                {"status", to_string(review.status)}, {"reviewer", review.reviewer}, {"note", review.note},
                {"at", review.at}};
}

}  // namespace

Expected<Exchange> dump_store(const Store& store, std::optional<std::string_view> event)
{
    Exchange exchange;
    if (auto r = unwrap_into(store.events(), exchange.events); !r) return std::unexpected(r.error());
    if (auto r = unwrap_into(store.sources(), exchange.sources); !r) return std::unexpected(r.error());
    if (auto r = unwrap_into(store.documents(true), exchange.documents); !r) return std::unexpected(r.error());
    if (auto r = unwrap_into(store.claims(event), exchange.claims); !r) return std::unexpected(r.error());
    FlagFilter filter;
    if (event) filter.event = std::string(*event);
    if (auto r = unwrap_into(store.flags(filter), exchange.flags); !r) return std::unexpected(r.error());
    if (auto r = unwrap_into(store.all_reviews(), exchange.reviews); !r) return std::unexpected(r.error());
    if (event) {
        if (auto narrowed = narrow_to_event(store, *event, exchange); !narrowed) {
            return std::unexpected(narrowed.error());
        }
    }
    return exchange;
}

std::string to_jsonl(const Exchange& exchange)
{
    std::string out;
    const auto line = [&out](const json& record) {
        out += record.dump();
        out += '\n';
    };
    line(json{{"type", k_exchange_type}, {"version", k_exchange_version}});
    std::map<std::string_view, const Source*> sources;
    std::map<std::string_view, const Document*> documents;
    for (const auto& event : exchange.events) line(event_json(event));
    for (const auto& source : exchange.sources) {
        sources.emplace(source.id, &source);
        line(source_json(source));
    }
    for (const auto& document : exchange.documents) {
        documents.emplace(document.sha256, &document);
        line(document_json(document));
    }
    for (const auto& claim : exchange.claims) {
        const auto source = sources.find(claim.source);
        const auto document = documents.find(claim.document);
        json record = detail::claim_to_json(claim, source == sources.end() ? nullptr : source->second,
                                            document == documents.end() ? nullptr : document->second);
        record["value"]["wording"] = claim.value.wording;
        record["stated_on"] = claim.stated_on;
        record["type"] = "claim";
        line(record);
    }
    for (const auto& flag : exchange.flags) {
        json record = detail::flag_to_json(flag, json(flag.claims));
        record["type"] = "flag";
        line(record);
    }
    for (const auto& review : exchange.reviews) line(review_json(review));
    return out;
}

}  // namespace contra
