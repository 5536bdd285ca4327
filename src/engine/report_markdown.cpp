// The editor's discrepancy summary as Markdown (CommonMark with GFM tables).
#include "engine/report_words.hpp"

#include <contra/report.hpp>

#include <fmt/core.h>

#include <iterator>
#include <string_view>

namespace contra {

namespace {

using detail::report_one_line;

// Document text made literal: every character Markdown could read as markup
// is backslash-escaped, and new lines become spaces so a table row stays one.
std::string md(std::string_view text)
{
    std::string out;
    for (char c : report_one_line(text)) {
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '|': case '~': case '&': case '#': case '!':
            out += '\\';
            [[fallthrough]];
        default: out += c;
        }
    }
    return out;
}

// Only web links become links; the characters that would end one are encoded.
std::string md_url(std::string_view url)
{
    if (!url.starts_with("https://") && !url.starts_with("http://")) return {};
    std::string out;
    for (char c : url) {
        if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '"' || c == '\\') {
            out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        } else {
            out += c;
        }
    }
    return out;
}

std::string md_document(const Document& document)
{
    auto name = md(detail::report_document_name(document));
    auto url = md_url(document.url);
    return url.empty() ? name : fmt::format("[{}]({})", name, url);
}

std::string md_date(const ReportClaim& item)
{
    const auto& date = item.document.published.empty() ? item.claim.stated_on : item.document.published;
    return date.empty() ? "—" : md(date);
}

class MarkdownLayout final : public detail::ReportLayout {
public:
    explicit MarkdownLayout(const Report& report) : m_report(report) {}
    [[nodiscard]] std::string take() { return std::move(m_out); }

    void begin() override
    {
        const auto& event = m_report.event;
        print("# Discrepancy report: {}\n\n", md(event.title.empty() ? event.id : event.title));
        print("- Event: `{}`\n", event.id);
        if (!event.date.empty()) print("- Date: {}\n", md(event.date));
        if (!event.place.empty()) print("- Place: {}\n", md(event.place));
        if (!m_report.generated_at.empty()) print("- Generated: {}\n", md(m_report.generated_at));
        print("\n{}\n", detail::report_summary(m_report));
    }

    void section(std::string_view title) override { print("\n## {}\n", title); }

    void paragraph(std::string_view text, bool) override { print("\n{}\n", text); }

    void disputed(const ReportTopic& topic) override
    {
        print("\n### {}\n\n", md(topic.label()));
        table(topic.claims, false);
        m_out += "\nFlags:\n\n";
        for (std::size_t index : topic.flags) {
            const auto& flag = m_report.flags[index];
            print("- `{}` {} · {}: {}  \n  Status: **{}**", flag.flag.id, to_string(flag.flag.severity),
                  md(flag.flag.rule), md(flag.flag.message), md(detail::report_status_line(flag)));
            const Review* review = flag.latest();
            if (review != nullptr && !review->note.empty()) print(". Note: {}", md(review->note));
            m_out += "\n";
        }
    }

    void accounts(const std::vector<std::size_t>& claims) override
    {
        m_out += "\n";
        table(claims, true);
    }

    void party_point(const ReportTopic& topic, const std::vector<std::string>& sources,
                     const std::vector<const ReportFlag*>& flags) override
    {
        if (!m_in_list) m_out += "\n";
        m_in_list = true;
        std::string told;
        for (const auto& name : sources) told += (told.empty() ? "" : ", ") + md(name);
        print("- **{}**: told only by {}; no independent source.\n", md(topic.label()), told);
        for (const auto* flag : flags) print("  Flag `{}`: {}.\n", flag->flag.id, md(detail::report_status_line(*flag)));
    }

    void end() override {}

private:
    template <class... Args>
    void print(fmt::format_string<Args...> format, Args&&... args)
    {
        fmt::format_to(std::back_inserter(m_out), format, std::forward<Args>(args)...);
    }

    void table(const std::vector<std::size_t>& claims, bool with_topic)
    {
        print("| {}Source | Stake | Says | Quote | Document | Date |\n", with_topic ? "Point | " : "");
        print("| {}--- | --- | --- | --- | --- | --- |\n", with_topic ? "--- | " : "");
        for (std::size_t index : claims) {
            const auto& item = m_report.claims[index];
            std::string topic;
            if (with_topic) {
                const ReportTopic label{item.claim.attribute, item.claim.qualifier, {}, {}, false};
                topic = md(label.label()) + " | ";
            }
            print("| {}{} | {} | {} | “{}” | {} | {} |\n", topic, md(item.source.name), to_string(item.source.stake),
                  md(detail::report_value(item.claim)), md(item.claim.quote), md_document(item.document),
                  md_date(item));
        }
    }

    const Report& m_report;
    std::string m_out;
    bool m_in_list = false;
};

}  // namespace

std::string render_markdown(const Report& report)
{
    MarkdownLayout layout(report);
    detail::lay_out_report(report, layout);
    return layout.take();
}

}  // namespace contra
