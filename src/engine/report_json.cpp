// The report for machines (json) and for search engines (schema.org
// ClaimReview JSON-LD).
#include "engine/json_output.hpp"
#include "engine/report_words.hpp"

#include <contra/report.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace contra {

namespace {

using nlohmann::json;

std::string dump(const json& value)
{
    // Stored text is valid UTF-8; should a byte not be, it is replaced rather
    // than making the whole report fail.
    return value.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

json claim_json(const ReportClaim& item)
{
    auto out = detail::claim_to_json(item.claim, &item.source, &item.document);
    out["source"]["stake"] = to_string(item.source.stake);
    out["document"]["url"] = item.document.url;
    out["document"]["publisher"] = item.document.publisher;
    out["stated_on"] = item.claim.stated_on;
    out["flags"] = item.flags;
    return out;
}

json review_json(const Review& review)
{
    return {{"seq", review.seq},   {"status", to_string(review.status)}, {"reviewer", review.reviewer},
            {"note", review.note}, {"at", review.at}};
}

json flag_json(const Report& report, const ReportFlag& flag)
{
    auto claims = json::array();
    for (std::size_t index : flag.claims) claims.push_back(report.claims[index].claim.id);
    auto out = detail::flag_to_json(flag.flag, std::move(claims));
    auto reviews = json::array();
    for (const auto& review : flag.reviews) reviews.push_back(review_json(review));
    out["reviews"] = std::move(reviews);
    return out;
}

json topic_json(const Report& report, const ReportTopic& topic)
{
    json qualifier = json::object();
    for (const auto& [key, value] : topic.qualifier) qualifier[key] = value;
    auto claims = json::array();
    for (std::size_t index : topic.claims) claims.push_back(claim_json(report.claims[index]));
    auto flags = json::array();
    for (std::size_t index : topic.flags) flags.push_back(report.flags[index].flag.id);
    return {{"attribute", topic.attribute}, {"qualifier", std::move(qualifier)}, {"label", topic.label()},
            {"party_only", topic.party_only}, {"claims", std::move(claims)},     {"flags", std::move(flags)}};
}

// What a reviewed flag says about each of its claims, in ClaimReview's words.
std::string rating_name(const ReportFlag& flag)
{
    if (flag.flag.status == ReviewStatus::dismissed) return "No discrepancy found";
    const auto& kind = flag.flag.kind;
    if (kind == "self-inconsistency") return "Contradicts its own source";
    if (kind == "revision") return "Revised by its source";
    if (kind == "party-only") return "Told only by parties to the event";
    return "Disputed by other sources";
}

json organization(const std::string& name, const std::string& url = {})
{
    json out{{"@type", "Organization"}, {"name", name}};
    if (!url.empty()) out["url"] = url;
    return out;
}

}  // namespace

std::string render_json(const Report& report)
{
    const auto& event = report.event;
    auto disputed = json::array();
    for (const auto& topic : report.disputed) disputed.push_back(topic_json(report, topic));
    auto agreed = json::array();
    for (const auto& topic : report.agreed) agreed.push_back(topic_json(report, topic));
    auto party_only = json::array();
    for (const auto* topic : report.party_only()) party_only.push_back(topic->label());
    auto flags = json::array();
    for (const auto& flag : report.flags) flags.push_back(flag_json(report, flag));
    json out{
        {"event",
         {{"id", event.id}, {"title", event.title}, {"date", event.date}, {"place", event.place},
          {"aliases", event.aliases}}},
        {"generated_at", report.generated_at.empty() ? json(nullptr) : json(report.generated_at)},
        {"summary",
         {{"claims", report.claims.size()},
          {"sources", report.source_count},
          {"documents", report.document_count},
          {"flags", report.flags.size()},
          {"text", detail::report_summary(report)}}},
        {"disputed", std::move(disputed)},
        {"agreed", std::move(agreed)},
        {"party_only", std::move(party_only)},
        {"flags", std::move(flags)},
    };
    return dump(out);
}

Expected<std::string> render_claimreview(const Report& report)
{
    const auto& publisher = report.publisher;
    if (publisher.name.empty() || publisher.url.empty()) {
        return usage_error(
            "ClaimReview needs the publisher: add a [publisher] table with name and url to contra.toml");
    }
    std::string base = publisher.url;
    while (base.ends_with('/')) base.pop_back();
    auto out = json::array();
    for (const auto& flag : report.flags) {
        const Review* review = flag.latest();
        if (review == nullptr ||
            (flag.flag.status != ReviewStatus::confirmed && flag.flag.status != ReviewStatus::dismissed)) {
            continue;
        }
        for (std::size_t index : flag.claims) {
            const auto& item = report.claims[index];
            json appearance{{"@type", "CreativeWork"}, {"headline", item.document.title}};
            if (!item.document.url.empty()) appearance["url"] = item.document.url;
            if (!item.document.published.empty()) appearance["datePublished"] = item.document.published;
            if (!item.document.publisher.empty()) appearance["publisher"] = organization(item.document.publisher);
            json claim{{"@type", "Claim"}, {"author", organization(item.source.name)}, {"appearance", appearance}};
            if (!item.claim.stated_on.empty()) claim["datePublished"] = item.claim.stated_on;
            json rating{{"@type", "Rating"}, {"alternateName", rating_name(flag)}};
            if (!review->note.empty()) rating["ratingExplanation"] = review->note;
            out.push_back(json{
                {"@context", "https://schema.org"},
                {"@type", "ClaimReview"},
                {"url", fmt::format("{}/{}#{}", base, report.event.id, flag.flag.id)},
                {"claimReviewed", detail::report_one_line(item.claim.quote)},
                {"itemReviewed", std::move(claim)},
                {"reviewRating", std::move(rating)},
                {"author", organization(publisher.name, publisher.url)},
                {"datePublished", std::string(detail::report_date(review->at))},
                {"identifier", fmt::format("{}/{}", flag.flag.id, item.claim.id)},
            });
        }
    }
    return dump(out);
}

}  // namespace contra
