// The editor's discrepancy summary as one self-contained HTML page: inline
// CSS, no scripts, no external resources; every piece of stored text escaped.
#include "engine/report_words.hpp"

#include <contra/report.hpp>

#include <fmt/core.h>

#include <iterator>
#include <string_view>

namespace contra {

namespace {

using detail::report_one_line;

constexpr std::string_view k_style = R"css(
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b66; --line: #d8d8de; --band: #f4f4f7;
        --error: #a1121b; --warning: #8a5a00; --info: #22577a; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, "Times New Roman", serif; color: var(--ink); margin: 2rem auto; max-width: 72rem;
       padding: 0 1.5rem; }
h1, h2, h3, .meta, table, .flags { font-family: "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .5rem; }
.meta { color: var(--muted); margin: 0 0 1rem; font-size: .9rem; }
.meta span + span::before { content: " · "; }
.summary { background: var(--band); padding: .6rem .9rem; border-left: 4px solid var(--ink); }
table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .4rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.quote { font-family: Georgia, serif; font-size: .9rem; }
td.quote q { quotes: "\201C" "\201D"; }
td.date { white-space: nowrap; }
.stake-party { color: var(--error); font-weight: 600; }
.stake-independent { color: var(--info); }
.flags { list-style: none; padding: 0; margin: .6rem 0 0; font-size: .88rem; }
.flags li { border: 1px solid var(--line); border-left-width: 4px; padding: .4rem .6rem; margin-bottom: .4rem; }
.flags li.error { border-left-color: var(--error); }
.flags li.warning { border-left-color: var(--warning); }
.flags li.info { border-left-color: var(--info); }
.flag-id, code { font-family: Menlo, Consolas, monospace; font-size: .85em; }
.status { font-weight: 600; text-transform: uppercase; font-size: .78rem; letter-spacing: .03em; }
.note { margin: .3rem 0 0; padding-left: .6rem; border-left: 2px solid var(--line); color: var(--muted); }
.ctl { font-family: Menlo, Consolas, monospace; font-size: .75em; color: var(--error); }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; padding: 0; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  tr, .flags li { break-inside: avoid; }
  .summary, th { background: none; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " <" attr(href) ">"; font-size: .75em; color: var(--muted); word-break: break-all; }
}
)css";

// Text from documents and the store, made inert: markup characters become
// entities, direction overrides and isolates become visible code labels (so
// they cannot reorder the page), marks stay as entities, and other control
// characters are shown by their code.
std::string html(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xE2 && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            const bool overrides = b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE;  // U+202A … U+202E
            const bool isolates = b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9;   // U+2066 … U+2069
            const bool marks = b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F);    // U+200E, U+200F
            if (overrides || isolates || marks) {
                const unsigned code = 0x2000 + ((b1 & 0x3F) << 6) + (b2 & 0x3F);
                out += marks ? fmt::format("&#x{:X};", code)
                             : fmt::format("<span class=\"ctl\" title=\"a direction control character\">[U+{:04X}]</span>", code);
                i += 2;
                continue;
            }
        }
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': case '\t': case '\r': out += ' '; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                out += fmt::format("<span class=\"ctl\">[U+{:04X}]</span>", static_cast<unsigned>(c));
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out;
}

// Stored text in its own direction island: right-to-left words read right,
// and nothing in them can turn the text around them.
std::string bdi(std::string_view text)
{
    return "<bdi>" + html(report_one_line(text)) + "</bdi>";
}

std::string link(const Document& document)
{
    auto name = bdi(detail::report_document_name(document));
    if (!document.url.starts_with("https://") && !document.url.starts_with("http://")) return name;
    return fmt::format("<a href=\"{}\">{}</a>", html(document.url), name);
}

class HtmlLayout final : public detail::ReportLayout {
public:
    explicit HtmlLayout(const Report& report) : m_report(report) {}
    [[nodiscard]] std::string take() { return std::move(m_out); }

    void begin() override
    {
        const auto& event = m_report.event;
        const auto title = event.title.empty() ? event.id : event.title;
        print("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
              "<title>Discrepancy report: {}</title>\n<style>{}</style>\n</head>\n<body>\n",
              html(title), k_style);
        print("<header>\n<h1>Discrepancy report: {}</h1>\n<p class=\"meta\"><span>event <code>{}</code></span>",
              bdi(title), html(event.id));
        if (!event.date.empty()) print("<span>{}</span>", html(event.date));
        if (!event.place.empty()) print("<span>{}</span>", bdi(event.place));
        print("</p>\n<p class=\"summary\">{}</p>\n</header>\n", html(detail::report_summary(m_report)));
    }

    void section(std::string_view title) override
    {
        close();
        print("<section>\n<h2>{}</h2>\n", html(title));
        m_in_section = true;
    }

    void paragraph(std::string_view text, bool nothing_here) override
    {
        print("<p{}>{}</p>\n", nothing_here ? " class=\"empty\"" : "", html(text));
    }

    void disputed(const ReportTopic& topic) override
    {
        print("<h3>{}</h3>\n", html(topic.label()));
        table(topic.claims, false);
        m_out += "<ul class=\"flags\">\n";
        for (std::size_t index : topic.flags) {
            const auto& flag = m_report.flags[index];
            const auto severity = to_string(flag.flag.severity);
            print("<li class=\"{}\"><span class=\"flag-id\">{}</span> {} · <code>{}</code>: {}<br>"
                  "<span class=\"status\">{}</span>",
                  severity, html(flag.flag.id), severity, html(flag.flag.rule), bdi(flag.flag.message),
                  html(detail::report_status_line(flag)));
            const Review* review = flag.latest();
            if (review != nullptr && !review->note.empty()) print("<p class=\"note\">{}</p>", bdi(review->note));
            m_out += "</li>\n";
        }
        m_out += "</ul>\n";
    }

    void accounts(const std::vector<std::size_t>& claims) override { table(claims, true); }

    void party_point(const ReportTopic& topic, const std::vector<std::string>& sources,
                     const std::vector<const ReportFlag*>& flags) override
    {
        if (!m_in_list) m_out += "<ul>\n";
        m_in_list = true;
        std::string told;
        for (const auto& name : sources) told += (told.empty() ? "" : ", ") + bdi(name);
        print("<li><strong>{}</strong>: told only by {}; no independent source.", html(topic.label()), told);
        for (const auto* flag : flags) {
            print(" Flag <span class=\"flag-id\">{}</span>: {}.", html(flag->flag.id),
                  html(detail::report_status_line(*flag)));
        }
        m_out += "</li>\n";
    }

    void end() override
    {
        close();
        m_out += "<footer>Made by contra";
        if (!m_report.generated_at.empty()) print(" at {}", html(m_report.generated_at));
        m_out += ". Every quote is pinned to the bytes of its stored document; <code>contra verify</code> "
                 "re-checks the pins.</footer>\n</body>\n</html>\n";
    }

private:
    template <class... Args>
    void print(fmt::format_string<Args...> format, Args&&... args)
    {
        fmt::format_to(std::back_inserter(m_out), format, std::forward<Args>(args)...);
    }

    void close()
    {
        if (m_in_list) m_out += "</ul>\n";
        if (m_in_section) m_out += "</section>\n";
        m_in_list = m_in_section = false;
    }

    void table(const std::vector<std::size_t>& claims, bool with_topic)
    {
        print("<table>\n<thead><tr>{}<th>Source</th><th>Stake</th><th>Says</th><th>Quote</th>"
              "<th>Document</th><th>Date</th></tr></thead>\n<tbody>\n",
              with_topic ? "<th>Point</th>" : "");
        for (std::size_t index : claims) {
            const auto& item = m_report.claims[index];
            const auto stake = to_string(item.source.stake);
            const auto& date = item.document.published.empty() ? item.claim.stated_on : item.document.published;
            std::string topic;
            if (with_topic) {
                const ReportTopic label{item.claim.attribute, item.claim.qualifier, {}, {}, false};
                topic = "<td>" + html(label.label()) + "</td>";
            }
            print("<tr>{}<td>{}</td><td class=\"stake-{}\">{}</td><td>{}</td><td class=\"quote\"><q>{}</q></td>"
                  "<td>{}</td><td class=\"date\">{}</td></tr>\n",
                  topic, bdi(item.source.name), stake, stake, bdi(detail::report_value(item.claim)),
                  bdi(item.claim.quote), link(item.document), date.empty() ? "—" : html(date));
        }
        m_out += "</tbody>\n</table>\n";
    }

    const Report& m_report;
    std::string m_out;
    bool m_in_section = false;
    bool m_in_list = false;
};

}  // namespace

std::string detail::html_escape(std::string_view text)
{
    return html(text);
}

std::string render_html(const Report& report)
{
    HtmlLayout layout(report);
    detail::lay_out_report(report, layout);
    return layout.take();
}

}  // namespace contra
