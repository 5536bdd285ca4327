// The editor's discrepancy report: a model built once from the store, then
// rendered as Markdown, HTML, JSON, schema.org ClaimReview or CSV.
#pragma once

#include <contra/claim.hpp>
#include <contra/document.hpp>
#include <contra/error.hpp>
#include <contra/event.hpp>
#include <contra/flag.hpp>
#include <contra/source.hpp>
#include <contra/store.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

enum class ReportFormat { md, html, json, claimreview, csv };

[[nodiscard]] std::string_view to_string(ReportFormat format);
[[nodiscard]] std::optional<ReportFormat> parse_report_format(std::string_view text);

// Who publishes the fact checks (the `[publisher]` table of contra.toml);
// ClaimReview needs both.
struct Publisher {
    std::string name;
    std::string url;
};

struct ReportOptions {
    std::string generated_at;  // ISO 8601, printed as given; empty leaves it out
    Publisher publisher;
};

// One claim with what an editor needs to weigh it.
struct ReportClaim {
    Claim claim;
    Source source;
    Document document;               // metadata; text left empty
    std::vector<std::string> flags;  // ids of the active flags that name it
};

// One active flag with its review log.
struct ReportFlag {
    Flag flag;
    std::vector<Review> reviews;       // oldest first
    std::vector<std::size_t> claims;   // indexes into Report::claims, in the rule's order
    [[nodiscard]] const Review* latest() const { return reviews.empty() ? nullptr : &reviews.back(); }
};

// One thing the accounts speak about: an attribute with one qualifier.
struct ReportTopic {
    std::string attribute;
    Qualifier qualifier;
    std::vector<std::size_t> claims;  // indexes into Report::claims, in store order
    std::vector<std::size_t> flags;   // indexes into Report::flags touching these claims
    bool party_only = false;          // every account comes from a party to the event

    // "injuries", or "injuries (condition: critical)".
    [[nodiscard]] std::string label() const;
};

struct Report {
    Event event;
    std::string generated_at;
    Publisher publisher;
    std::vector<ReportClaim> claims;  // ordered as the store orders an event's claims
    std::vector<ReportFlag> flags;    // active flags: most severe first, then by id
    std::vector<ReportTopic> disputed;  // topics with a flag other than party-only; most severe first
    std::vector<ReportTopic> agreed;    // topics no such flag touches; by attribute
    std::size_t source_count = 0;
    std::size_t document_count = 0;

    // Disputed and agreed topics told by parties to the event only, in that order.
    [[nodiscard]] std::vector<const ReportTopic*> party_only() const;
};

// Builds the report of one event in a handful of store reads. An unknown
// event is bad_input naming the closest event ids.
[[nodiscard]] Expected<Report> build_report(const Store& store, std::string_view event,
                                            const ReportOptions& options);

// Renderers: pure functions of the report, the same bytes for the same report.
[[nodiscard]] std::string render_markdown(const Report& report);
[[nodiscard]] std::string render_html(const Report& report);
[[nodiscard]] std::string render_json(const Report& report);
// One ClaimReview per claim of each flag a fact-checker confirmed or
// dismissed; fails (usage) when the publisher's name or url is missing.
[[nodiscard]] Expected<std::string> render_claimreview(const Report& report);
// RFC 4180: one row per claim with its provenance, CRLF line ends.
[[nodiscard]] std::string render_csv(const Report& report);

[[nodiscard]] Expected<std::string> render_report(const Report& report, ReportFormat format);

}  // namespace contra
