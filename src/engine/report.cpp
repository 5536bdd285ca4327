// The report model: read the event's claims, sources, documents, flags and
// reviews once each, then group the claims into topics.
#include <contra/report.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

namespace contra {

namespace {

constexpr std::string_view k_party_only_kind = "party-only";

constexpr std::array<std::pair<ReportFormat, std::string_view>, 5> k_formats{{
    {ReportFormat::md, "md"},
    {ReportFormat::html, "html"},
    {ReportFormat::json, "json"},
    {ReportFormat::claimreview, "claimreview"},
    {ReportFormat::csv, "csv"},
}};

// Optimal string alignment distance: edits plus swaps of two neighbours, so
// "durres-raid-2032" is one step from "durres-raid-2023".
std::size_t typo_distance(std::string_view a, std::string_view b)
{
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> d((a.size() + 1) * width);
    const auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * width + j]; };
    for (std::size_t i = 0; i <= a.size(); ++i) at(i, 0) = i;
    for (std::size_t j = 0; j <= b.size(); ++j) at(0, j) = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t best = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, at(i - 2, j - 2) + 1);
            at(i, j) = best;
        }
    }
    return at(a.size(), b.size());
}

std::unexpected<Error> unknown_event(const Store& store, std::string_view id)
{
    std::string hint;
    if (auto events = store.events()) {
        std::vector<std::pair<std::size_t, std::string>> near;
        for (const auto& event : *events) {
            const std::size_t distance = typo_distance(id, event.id);
            const bool contains = !id.empty() && event.id.find(id) != std::string::npos;
            if (distance <= std::max<std::size_t>(3, id.size() / 3) || contains) near.emplace_back(distance, event.id);
        }
        std::ranges::sort(near);
        for (std::size_t i = 0; i < near.size() && i < 3; ++i) {
            hint += (i == 0 ? "; did you mean " : ", ") + near[i].second;
        }
        if (near.empty() && !events->empty() && events->size() <= 10) {
            for (const auto& event : *events) hint += (hint.empty() ? "; known events: " : ", ") + event.id;
        }
    }
    return bad_input(fmt::format("no event '{}'{}", id, hint));
}

bool flag_order(const ReportFlag& a, const ReportFlag& b)
{
    if (a.flag.severity != b.flag.severity) return a.flag.severity > b.flag.severity;
    return a.flag.id < b.flag.id;
}

Severity worst(const Report& report, const ReportTopic& topic)
{
    Severity out = Severity::info;
    for (std::size_t index : topic.flags) out = std::max(out, report.flags[index].flag.severity);
    return out;
}

bool disputes(const Report& report, const ReportTopic& topic)
{
    return std::ranges::any_of(topic.flags,
                               [&](std::size_t index) { return report.flags[index].flag.kind != k_party_only_kind; });
}

// Groups the claims by attribute and qualifier and files each topic as
// disputed or agreed.
void make_topics(Report& report)
{
    std::map<std::pair<std::string, std::string>, ReportTopic> topics;
    std::unordered_map<std::string_view, std::size_t> claim_index, flag_index;
    for (std::size_t f = 0; f < report.flags.size(); ++f) flag_index.emplace(report.flags[f].flag.id, f);
    for (std::size_t i = 0; i < report.claims.size(); ++i) {
        const auto& claim = report.claims[i].claim;
        claim_index.emplace(claim.id, i);
        auto& topic = topics[{claim.attribute, qualifier_key(claim.qualifier)}];
        topic.attribute = claim.attribute;
        topic.qualifier = claim.qualifier;
        topic.claims.push_back(i);
    }
    for (std::size_t f = 0; f < report.flags.size(); ++f) {
        auto& flag = report.flags[f];
        for (const auto& id : flag.flag.claims) {
            auto found = claim_index.find(id);
            if (found == claim_index.end()) continue;
            flag.claims.push_back(found->second);
            report.claims[found->second].flags.push_back(flag.flag.id);
        }
    }
    for (auto& [key, topic] : topics) {
        std::set<std::size_t> touching;
        for (std::size_t i : topic.claims) {
            for (const auto& id : report.claims[i].flags) touching.insert(flag_index.at(id));
        }
        topic.flags.assign(touching.begin(), touching.end());  // flags are already in report order
        topic.party_only = std::ranges::all_of(
            topic.claims, [&](std::size_t i) { return report.claims[i].source.stake == Stake::party; });
        (disputes(report, topic) ? report.disputed : report.agreed).push_back(std::move(topic));
    }
    std::ranges::stable_sort(report.disputed, [&](const ReportTopic& a, const ReportTopic& b) {
        return worst(report, a) > worst(report, b);
    });
}

}  // namespace

std::string_view to_string(ReportFormat format)
{
    for (const auto& [value, name] : k_formats) {
        if (value == format) return name;
    }
    return "?";
}

std::optional<ReportFormat> parse_report_format(std::string_view text)
{
    for (const auto& [value, name] : k_formats) {
        if (name == text) return value;
    }
    return std::nullopt;
}

std::string ReportTopic::label() const
{
    if (qualifier.empty()) return attribute;
    std::string out = attribute + " (";
    bool first = true;
    for (const auto& [key, value] : qualifier) {
        out += fmt::format("{}{}: {}", first ? "" : ", ", key, value);
        first = false;
    }
    return out + ")";
}

std::vector<const ReportTopic*> Report::party_only() const
{
    std::vector<const ReportTopic*> out;
    for (const auto* group : {&disputed, &agreed}) {
        for (const auto& topic : *group) {
            if (topic.party_only) out.push_back(&topic);
        }
    }
    return out;
}

Expected<Report> build_report(const Store& store, std::string_view event_id, const ReportOptions& options)
{
    auto event = store.event(event_id);
    if (!event) return std::unexpected(event.error());
    if (!*event) return unknown_event(store, event_id);

    Report report;
    report.event = std::move(**event);
    report.generated_at = options.generated_at;
    report.publisher = options.publisher;

    auto claims = store.claims(event_id);
    if (!claims) return std::unexpected(claims.error());
    auto sources = store.sources();
    if (!sources) return std::unexpected(sources.error());
    std::unordered_map<std::string_view, const Source*> source_by_id;
    for (const auto& source : *sources) source_by_id.emplace(source.id, &source);
    // Only the event's documents, each read once (without its text): a store
    // holds many more than one event cites.
    std::unordered_map<std::string, std::optional<Document>> document_by_id;
    for (const auto& claim : *claims) {
        if (document_by_id.contains(claim.document)) continue;
        auto document = store.document(claim.document, false);
        if (!document) return std::unexpected(document.error());
        document_by_id.emplace(claim.document, std::move(*document));
    }

    std::set<std::string> used_sources, used_documents;
    report.claims.reserve(claims->size());
    for (auto& claim : *claims) {
        ReportClaim item;
        auto source = source_by_id.find(claim.source);
        item.source = source != source_by_id.end() ? *source->second
                                                   : Source{claim.source, claim.source, {}, Stake::unknown, {}};
        const auto& document = document_by_id.at(claim.document);
        if (document) {
            item.document = *document;
            item.document.text.clear();
        } else {
            item.document.sha256 = claim.document;
        }
        used_sources.insert(claim.source);
        used_documents.insert(claim.document);
        item.claim = std::move(claim);
        report.claims.push_back(std::move(item));
    }
    report.source_count = used_sources.size();
    report.document_count = used_documents.size();

    FlagFilter filter;
    filter.event = std::string(event_id);
    filter.state = FlagState::active;
    auto flags = store.flags(filter);
    if (!flags) return std::unexpected(flags.error());
    for (auto& flag : *flags) report.flags.push_back(ReportFlag{std::move(flag), {}, {}});
    std::ranges::sort(report.flags, flag_order);

    // Each flag's own reviews, in log order: the whole log may be long.
    for (auto& flag : report.flags) {
        auto reviews = store.reviews(flag.flag.id);
        if (!reviews) return std::unexpected(reviews.error());
        flag.reviews = std::move(*reviews);
    }

    make_topics(report);
    return report;
}

Expected<std::string> render_report(const Report& report, ReportFormat format)
{
    switch (format) {
    case ReportFormat::md: return render_markdown(report);
    case ReportFormat::html: return render_html(report);
    case ReportFormat::json: return render_json(report);
    case ReportFormat::claimreview: return render_claimreview(report);
    case ReportFormat::csv: return render_csv(report);
    }
    return internal_error("unknown report format");
}

}  // namespace contra
