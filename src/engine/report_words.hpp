// Wording shared by the report renderers, so every format says the same.
#pragma once

#include <contra/report.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

// The value as the source worded it, with the speech act when it is not a
// plain assertion: "over 100", "police not responsible for deaths (denied)".
[[nodiscard]] std::string report_value(const Claim& claim);

// The document as an editor names it: its title, else its path, else a short hash.
[[nodiscard]] std::string report_document_name(const Document& document);

// "confirmed by Ana Berisha on 2026-01-02", "open (not reviewed)".
[[nodiscard]] std::string report_status_line(const ReportFlag& flag);

// The names of the sources of a topic's claims, each once, in claim order.
[[nodiscard]] std::vector<std::string> report_source_names(const Report& report, const ReportTopic& topic);

// "3 claims", "1 claim".
[[nodiscard]] std::string report_count(std::size_t n, std::string_view one, std::string_view many);

// What the report's header says in one sentence under the title.
[[nodiscard]] std::string report_summary(const Report& report);

// What the editor's summary says and in which order, once for every
// document format: the walk calls the layout, the layout writes its markup.
class ReportLayout {
public:
    virtual ~ReportLayout() = default;
    virtual void begin() = 0;                      // title, event and summary
    virtual void section(std::string_view title) = 0;  // closes the previous one
    virtual void paragraph(std::string_view text, bool nothing_here) = 0;
    virtual void disputed(const ReportTopic& topic) = 0;  // heading, accounts, flags
    virtual void accounts(const std::vector<std::size_t>& claims) = 0;  // with a Point column
    // A point told by parties only, with its party-only flags.
    virtual void party_point(const ReportTopic& topic, const std::vector<std::string>& sources,
                             const std::vector<const ReportFlag*>& flags) = 0;
    virtual void end() = 0;
};

void lay_out_report(const Report& report, ReportLayout& layout);

// The date part (YYYY-MM-DD) of an ISO 8601 time.
[[nodiscard]] std::string_view report_date(std::string_view time);

// White space runs (new lines included) as one space, ends trimmed.
[[nodiscard]] std::string report_one_line(std::string_view text);

// Stored text made inert in HTML, as the report's HTML page escapes it (new
// lines become spaces); shared with the review desk (contra serve).
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace contra::detail
