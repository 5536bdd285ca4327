// One row per claim with its provenance, for spreadsheets (RFC 4180).
#include "engine/report_words.hpp"

#include <contra/report.hpp>

#include <fmt/core.h>

#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace contra {

namespace {

constexpr std::array k_columns{
    "claim",      "event",       "attribute",      "qualifier",      "source",          "source_name",
    "stake",      "polarity",    "value_kind",     "lo",             "hi",              "value",
    "quote",      "prefix",      "suffix",         "document_sha256", "document_title", "document_url",
    "document_path", "published", "span_start",    "span_end",       "line",            "column",
    "origin",     "flags",       "statuses",
};

// RFC 4180: a field with a comma, a quote or a line break is quoted, its
// quotes doubled.
void field(std::string& out, std::string_view text, bool first)
{
    if (!first) out += ',';
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
    return out;
}

}  // namespace

std::string render_csv(const Report& report)
{
    std::string out;
    for (std::size_t i = 0; i < k_columns.size(); ++i) field(out, k_columns[i], i == 0);
    out += "\r\n";
    std::unordered_map<std::string_view, const ReportFlag*> flags;
    for (const auto& flag : report.flags) flags.emplace(flag.flag.id, &flag);
    for (const auto& item : report.claims) {
        const auto& claim = item.claim;
        std::string lo, hi;
        if (const auto* count = std::get_if<Count>(&claim.value.data)) {
            lo = std::to_string(count->lo);
            if (count->hi) hi = std::to_string(*count->hi);
        }
        std::vector<std::string> statuses;
        for (const auto& id : item.flags) statuses.emplace_back(to_string(flags.at(id)->flag.status));
        const std::array<std::string, k_columns.size()> row{
            claim.id,
            claim.event,
            claim.attribute,
            qualifier_key(claim.qualifier),
            claim.source,
            item.source.name,
            std::string(to_string(item.source.stake)),
            std::string(to_string(claim.polarity)),
            std::string(to_string(claim.value.kind())),
            lo,
            hi,
            claim.value.display(),
            claim.quote,
            claim.prefix,
            claim.suffix,
            claim.document,
            item.document.title,
            item.document.url,
            item.document.path,
            item.document.published.empty() ? claim.stated_on : item.document.published,
            std::to_string(claim.span.start),
            std::to_string(claim.span.end),
            std::to_string(claim.span.line),
            std::to_string(claim.span.column),
            claim.origin,
            join(item.flags),
            join(statuses),
        };
        for (std::size_t i = 0; i < row.size(); ++i) field(out, row[i], i == 0);
        out += "\r\n";
    }
    return out;
}

}  // namespace contra
