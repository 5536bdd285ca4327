#include "engine/report_words.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>

namespace contra::detail {

std::string report_value(const Claim& claim)
{
    std::string text = report_one_line(claim.value.display());
    if (claim.polarity != Polarity::asserted) text += fmt::format(" ({})", to_string(claim.polarity));
    return text;
}

std::string report_document_name(const Document& document)
{
    if (!document.title.empty()) return report_one_line(document.title);
    if (!document.path.empty()) return document.path;
    return "document " + document.sha256.substr(0, 12);
}

std::string report_status_line(const ReportFlag& flag)
{
    const Review* review = flag.latest();
    if (review == nullptr) return "open (not reviewed)";
    std::string out(to_string(review->status));
    if (!review->reviewer.empty()) out += " by " + review->reviewer;
    if (!review->at.empty()) out += fmt::format(" on {}", report_date(review->at));
    return out;
}

std::vector<std::string> report_source_names(const Report& report, const ReportTopic& topic)
{
    std::vector<std::string> names;
    for (std::size_t index : topic.claims) {
        const auto& name = report.claims[index].source.name;
        if (std::ranges::find(names, name) == names.end()) names.push_back(name);
    }
    return names;
}

std::string report_count(std::size_t n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string report_summary(const Report& report)
{
    std::array<std::size_t, 4> by_status{};
    for (const auto& flag : report.flags) ++by_status[static_cast<std::size_t>(flag.flag.status)];
    std::string statuses;
    for (auto status : {ReviewStatus::open, ReviewStatus::confirmed, ReviewStatus::dismissed, ReviewStatus::needs_info}) {
        const std::size_t n = by_status[static_cast<std::size_t>(status)];
        if (n == 0) continue;
        statuses += fmt::format("{}{} {}", statuses.empty() ? "" : ", ", n, to_string(status));
    }
    return fmt::format("{} from {} in {}; {}{}; {} disputed, {} agreed.",
                       report_count(report.claims.size(), "claim", "claims"),
                       report_count(report.source_count, "source", "sources"),
                       report_count(report.document_count, "document", "documents"),
                       report_count(report.flags.size(), "active flag", "active flags"),
                       statuses.empty() ? "" : " (" + statuses + ")",
                       report_count(report.disputed.size(), "point", "points"), report.agreed.size());
}

void lay_out_report(const Report& report, ReportLayout& layout)
{
    layout.begin();
    layout.section("Disputed points");
    if (report.disputed.empty()) layout.paragraph("No active flag disputes any point of this event.", true);
    for (const auto& topic : report.disputed) layout.disputed(topic);

    layout.section("Where the accounts agree");
    if (report.agreed.empty()) {
        layout.paragraph("No point is free of dispute.", true);
    } else {
        layout.paragraph("No active flag questions these points.", false);
        std::vector<std::size_t> claims;
        for (const auto& topic : report.agreed) claims.insert(claims.end(), topic.claims.begin(), topic.claims.end());
        layout.accounts(claims);
    }

    layout.section("Resting on parties to the event only");
    const auto party_only = report.party_only();
    if (party_only.empty()) {
        layout.paragraph("Every point has at least one source that is not a party to the event.", true);
    }
    for (const auto* topic : party_only) {
        std::vector<const ReportFlag*> flags;
        for (std::size_t index : topic->flags) {
            if (report.flags[index].flag.kind == "party-only") flags.push_back(&report.flags[index]);
        }
        layout.party_point(*topic, report_source_names(report, *topic), flags);
    }
    layout.end();
}

std::string_view report_date(std::string_view time)
{
    return time.substr(0, std::min<std::size_t>(time.size(), 10));
}

std::string report_one_line(std::string_view text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace contra::detail
