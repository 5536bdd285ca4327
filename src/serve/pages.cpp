#include "serve/pages.hpp"

#include "engine/report_words.hpp"
#include "serve/security.hpp"

#include <contra/review.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <iterator>

namespace contra::detail {

namespace {

std::string h(std::string_view text)
{
    return html_escape(text);
}

// Stored text that keeps its line breaks (shown with white-space: pre-wrap).
std::string h_lines(std::string_view text)
{
    std::string out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        out += h(text.substr(0, end));
        if (end == std::string_view::npos) break;
        out += '\n';
        text.remove_prefix(end + 1);
    }
    return out;
}

std::string flag_href(std::string_view id)
{
    return "/flags/" + url_encode(id);
}

std::string event_href(std::string_view id)
{
    return "/events/" + url_encode(id);
}

std::string document_href(std::string_view sha256, std::string_view event)
{
    auto href = "/documents/" + url_encode(sha256);
    if (!event.empty()) href += "?event=" + url_encode(event);
    return href;
}

std::string document_name(const Document& document)
{
    return report_document_name(document);
}

// The outer page: header with navigation and who is logged in, then `body`.
std::string layout(std::string_view title, std::string_view body, const Viewer& viewer)
{
    std::string who;
    if (viewer.reviewer.empty()) {
        who = "<a href=\"/login\">Log in to review</a>";
    } else {
        who = fmt::format("Reviewing as <strong>{}</strong> "
                          "<form method=\"post\" action=\"/logout\" class=\"inline\">"
                          "<input type=\"hidden\" name=\"csrf\" value=\"{}\">"
                          "<button type=\"submit\" class=\"link\">log out</button></form>",
                          h(viewer.reviewer), h(viewer.csrf));
    }
    return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>{} · contra review desk</title>\n"
                       "<link rel=\"stylesheet\" href=\"/static/desk.css\">\n"
                       "<script src=\"/static/desk.js\" defer></script>\n</head>\n<body>\n"
                       "<header class=\"bar\"><a class=\"home\" href=\"/\">contra review desk</a>"
                       "<nav><a href=\"/\">Events</a> <a href=\"/documents\">Documents</a></nav>"
                       "<span class=\"who\">{}</span></header>\n<main>\n{}</main>\n"
                       "<footer>Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens, "
                       "<kbd>c</kbd> confirm, <kbd>d</kbd> dismiss.</footer>\n</body>\n</html>\n",
                       h(title), who, body);
}

std::string status_badge(ReviewStatus status)
{
    const auto name = to_string(status);
    return fmt::format("<span class=\"status status-{}\">{}</span>", name, name);
}

std::string severity_badge(Severity severity)
{
    const auto name = to_string(severity);
    return fmt::format("<span class=\"severity severity-{}\">{}</span>", name, name);
}

std::string option(std::string_view value, std::string_view label, std::string_view selected)
{
    return fmt::format("<option value=\"{}\"{}>{}</option>", h(value), value == selected ? " selected" : "",
                       h(label));
}

std::string select(std::string_view name, std::string_view label, const std::vector<std::string>& values,
                   std::string_view selected, std::string_view any)
{
    std::string out = fmt::format("<label>{} <select name=\"{}\">", h(label), h(name));
    out += option("", any, selected);
    for (const auto& value : values) out += option(value, value, selected);
    out += "</select></label>\n";
    return out;
}

std::string review_line(const Review& review)
{
    return fmt::format("<li>{} by <strong>{}</strong> <time>{}</time>{}</li>\n", status_badge(review.status),
                       h(review.reviewer), h(review.at),
                       review.note.empty() ? std::string() : "<p class=\"note\">" + h_lines(review.note) + "</p>");
}

std::string hidden_csrf(const Viewer& viewer)
{
    return fmt::format("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", h(viewer.csrf));
}

}  // namespace

std::string events_page(const std::vector<EventRow>& rows, const Viewer& viewer)
{
    std::string body = "<h1>Events</h1>\n";
    if (rows.empty()) {
        body += "<p class=\"empty\">The store holds no events yet: <code>contra import</code> some accounts and "
                "<code>contra run</code> the rules.</p>\n";
        return layout("Events", body, viewer);
    }
    body += "<table class=\"list\">\n<thead><tr><th>Event</th><th>Date</th><th>Place</th><th>Open</th>"
            "<th>Needs info</th><th>Confirmed</th><th>Dismissed</th></tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        const auto& event = row.event;
        fmt::format_to(std::back_inserter(body),
                       "<tr class=\"row\"><td><a href=\"{}\">{}</a><br><code>{}</code></td><td>{}</td><td>{}</td>"
                       "<td class=\"num{}\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td></tr>\n",
                       event_href(event.id), h(event.title.empty() ? event.id : event.title), h(event.id),
                       h(event.date), h(event.place), row.open > 0 ? " hot" : "", row.open, row.needs_info,
                       row.confirmed, row.dismissed);
    }
    body += "</tbody>\n</table>\n";
    return layout("Events", body, viewer);
}

std::string event_page(const Event& event, const std::vector<Flag>& flags, const FlagQuery& query,
                       const std::vector<std::string>& rules, const std::vector<std::string>& attributes,
                       const Viewer& viewer)
{
    const auto title = event.title.empty() ? event.id : event.title;
    std::string body = fmt::format("<h1>{}</h1>\n<p class=\"meta\"><code>{}</code>", h(title), h(event.id));
    if (!event.date.empty()) body += " · " + h(event.date);
    if (!event.place.empty()) body += " · " + h(event.place);
    fmt::format_to(std::back_inserter(body),
                   " · <a href=\"{}/report\">Editor's report</a> · <a href=\"/documents?event={}\">Documents</a></p>\n",
                   event_href(event.id), url_encode(event.id));

    body += fmt::format("<form method=\"get\" action=\"{}\" class=\"filters\">\n", event_href(event.id));
    body += select("status", "Status", {"undecided", "open", "needs-info", "confirmed", "dismissed"}, query.status,
                   "any");
    body += select("severity", "Severity", {"error", "warning", "info"}, query.severity, "any");
    body += select("rule", "Rule", rules, query.rule, "any");
    body += select("attribute", "Attribute", attributes, query.attribute, "any");
    body += fmt::format("<label>State <select name=\"state\">{}{}{}</select></label>\n",
                        option("active", "active", query.state), option("stale", "stale", query.state),
                        option("all", "all", query.state));
    body += "<button type=\"submit\">Filter</button></form>\n";

    if (flags.empty()) {
        body += "<p class=\"empty\">No flag matches.</p>\n";
        return layout(title, body, viewer);
    }
    fmt::format_to(std::back_inserter(body), "<p class=\"meta\">{}, open and most severe first.</p>\n",
                   report_count(flags.size(), "flag", "flags"));
    body += "<table class=\"list flags\">\n<thead><tr><th>Flag</th><th>Severity</th><th>Status</th><th>Rule</th>"
            "<th>Attribute</th><th>What</th></tr></thead>\n<tbody>\n";
    for (const auto& flag : flags) {
        fmt::format_to(std::back_inserter(body),
                       "<tr class=\"row{}\"><td><a href=\"{}\"><code>{}</code></a></td><td>{}</td><td>{}</td>"
                       "<td><code>{}</code></td><td>{}</td><td><bdi>{}</bdi></td></tr>\n",
                       flag.state == FlagState::stale ? " stale" : "", flag_href(flag.id), h(flag.id),
                       severity_badge(flag.severity), status_badge(flag.status), h(flag.rule), h(flag.attribute),
                       h(flag.message));
    }
    body += "</tbody>\n</table>\n";
    return layout(title, body, viewer);
}

std::string flag_page(const FlagView& view, const std::vector<QuoteInContext>& contexts,
                      const DecisionNotice& notice, std::string_view error, std::string_view note,
                      const Viewer& viewer)
{
    const auto& flag = view.flag;
    std::string body = fmt::format("<p class=\"crumbs\"><a href=\"{}\">← {}</a></p>\n", event_href(flag.event),
                                   h(flag.event));
    fmt::format_to(std::back_inserter(body),
                   "<h1><code>{}</code> {}</h1>\n<p class=\"meta\">{} · rule <code>{}</code> ({}) · attribute {} · "
                   "{}</p>\n<p class=\"message\"><bdi>{}</bdi></p>\n",
                   h(flag.id), status_badge(flag.status), severity_badge(flag.severity), h(flag.rule), h(flag.kind),
                   h(flag.attribute), flag.state == FlagState::active ? "active" : "stale (the claims no longer conflict)",
                   h(flag.message));

    if (!notice.others.empty()) {
        body += "<div class=\"notice conflict\" role=\"alert\"><p><strong>Someone else decided this flag while you "
                "had it open.</strong> Both decisions are kept in the history below";
        body += notice.mine ? "; the latest one sets the status.</p><ul>\n" : ".</p><ul>\n";
        for (const auto& review : notice.others) body += review_line(review);
        body += "</ul></div>\n";
    } else if (notice.mine) {
        fmt::format_to(std::back_inserter(body), "<div class=\"notice done\" role=\"status\">Recorded: {} by {}.</div>\n",
                       status_badge(notice.mine->status), h(notice.mine->reviewer));
    }

    body += "<section class=\"accounts\">\n";
    for (std::size_t i = 0; i < view.claims.size(); ++i) {
        const auto& item = view.claims[i];
        const auto& claim = item.claim;
        const auto& document = item.document;
        const auto& context = contexts[i];
        fmt::format_to(std::back_inserter(body),
                       "<article class=\"account\">\n<h2><bdi>{}</bdi> <span class=\"stake stake-{}\">{}</span></h2>\n"
                       "<p class=\"says\">{}</p>\n<blockquote class=\"context\">{}{}<mark>{}</mark>{}{}</blockquote>\n",
                       h(item.source.name), to_string(item.source.stake), to_string(item.source.stake),
                       h(report_value(claim)), context.starts_document ? "" : "… ", h_lines(context.before),
                       h_lines(context.quote), h_lines(context.after), context.ends_document ? "" : " …");
        const auto published = document.published.empty() ? claim.stated_on : document.published;
        fmt::format_to(std::back_inserter(body), "<p class=\"doc\"><a href=\"{}#{}\"><bdi>{}</bdi></a>{}",
                       document_href(claim.document, flag.event), h(claim.id), h(document_name(document)),
                       published.empty() ? "" : " · " + h(published));
        if (document.url.starts_with("https://") || document.url.starts_with("http://")) {
            fmt::format_to(std::back_inserter(body), " · <a href=\"{}\" rel=\"noreferrer noopener\">original</a>",
                           h(document.url));
        }
        fmt::format_to(std::back_inserter(body), "<br><span class=\"pin\">line {}, column {} · bytes {}–{} · {}</span></p>\n",
                       claim.span.line, claim.span.column, claim.span.start, claim.span.end, h(claim.origin));
        body += "</article>\n";
    }
    body += "</section>\n";

    body += "<section class=\"decide\">\n<h2>Decision</h2>\n";
    if (!error.empty()) body += "<p class=\"notice error\" role=\"alert\">" + h(error) + "</p>\n";
    if (viewer.reviewer.empty()) {
        fmt::format_to(std::back_inserter(body), "<p><a href=\"/login?next={}\">Log in</a> to record a decision.</p>\n",
                       url_encode(flag_href(flag.id)));
    } else {
        const auto seen = view.reviews.empty() ? 0 : view.reviews.back().seq;
        fmt::format_to(std::back_inserter(body),
                       "<form method=\"post\" action=\"{}/review\" id=\"decision\">\n{}"
                       "<input type=\"hidden\" name=\"seen\" value=\"{}\">\n"
                       "<label for=\"note\">Note</label>\n<textarea id=\"note\" name=\"note\" rows=\"3\">{}</textarea>\n"
                       "<p class=\"buttons\">"
                       "<button type=\"submit\" name=\"status\" value=\"confirmed\" data-key=\"c\">Confirm</button> "
                       "<button type=\"submit\" name=\"status\" value=\"dismissed\" data-key=\"d\">Dismiss</button> "
                       "<button type=\"submit\" name=\"status\" value=\"needs-info\">Needs info</button> "
                       "<button type=\"submit\" name=\"status\" value=\"open\">Reopen</button></p>\n</form>\n",
                       flag_href(flag.id), hidden_csrf(viewer), seen, h(note));
    }
    body += "</section>\n<section class=\"history\">\n<h2>Review history</h2>\n";
    if (view.reviews.empty()) {
        body += "<p class=\"empty\">No decision yet.</p>\n";
    } else {
        body += "<ol class=\"reviews\">\n";
        for (const auto& review : view.reviews) body += review_line(review);
        body += "</ol>\n";
    }
    body += "</section>\n";
    return layout(flag.id, body, viewer);
}

std::string documents_page(const std::vector<Document>& documents, const Viewer& viewer)
{
    std::string body = "<h1>Documents</h1>\n";
    if (documents.empty()) {
        body += "<p class=\"empty\">No document.</p>\n";
        return layout("Documents", body, viewer);
    }
    body += "<table class=\"list\">\n<thead><tr><th>Title</th><th>Publisher</th><th>Published</th></tr></thead>\n"
            "<tbody>\n";
    for (const auto& document : documents) {
        fmt::format_to(std::back_inserter(body), "<tr class=\"row\"><td><a href=\"{}\"><bdi>{}</bdi></a></td>"
                       "<td><bdi>{}</bdi></td><td>{}</td></tr>\n",
                       document_href(document.sha256, ""), h(document_name(document)), h(document.publisher),
                       h(document.published));
    }
    body += "</tbody>\n</table>\n";
    return layout("Documents", body, viewer);
}

std::string document_page(const Document& document, const std::vector<Claim>& claims,
                          const std::map<std::string, std::vector<std::string>>& flags, const Viewer& viewer)
{
    std::string body = fmt::format("<h1><bdi>{}</bdi></h1>\n<p class=\"meta\">", h(document_name(document)));
    if (!document.publisher.empty()) body += "<bdi>" + h(document.publisher) + "</bdi> · ";
    if (!document.published.empty()) body += "published " + h(document.published) + " · ";
    if (document.url.starts_with("https://") || document.url.starts_with("http://")) {
        body += fmt::format("<a href=\"{}\" rel=\"noreferrer noopener\">original</a> · ", h(document.url));
    }
    fmt::format_to(std::back_inserter(body), "sha256 <code>{}</code> · {}</p>\n", h(document.sha256),
                   report_count(claims.size(), "claim", "claims"));

    // Claims in text order; overlapping quotes share one highlight.
    std::vector<const Claim*> ordered;
    for (const auto& claim : claims) {
        if (claim.span.start < claim.span.end && claim.span.end <= document.text.size()) ordered.push_back(&claim);
    }
    std::ranges::sort(ordered, [](const Claim* a, const Claim* b) {
        return a->span.start != b->span.start ? a->span.start < b->span.start : a->span.end > b->span.end;
    });
    const std::string_view text = document.text;
    body += "<div class=\"doctext\">";
    std::size_t at = 0;
    for (std::size_t i = 0; i < ordered.size();) {
        const std::size_t start = std::max(at, ordered[i]->span.start);
        std::size_t end = ordered[i]->span.end;
        std::vector<const Claim*> group{ordered[i]};
        for (++i; i < ordered.size() && ordered[i]->span.start < end; ++i) {
            end = std::max(end, ordered[i]->span.end);
            group.push_back(ordered[i]);
        }
        body += h_lines(text.substr(at, start - at));
        std::string title;
        for (const auto* claim : group) {
            title += fmt::format("{}{}: {} ({})", title.empty() ? "" : "; ", claim->attribute, report_value(*claim),
                                 claim->source);
        }
        fmt::format_to(std::back_inserter(body), "<mark class=\"claim\" id=\"{}\" title=\"{}\">{}</mark>",
                       h(group.front()->id), h(title), h_lines(text.substr(start, end - start)));
        std::string refs;
        for (const auto* claim : group) {
            auto found = flags.find(claim->id);
            if (found == flags.end()) continue;
            for (const auto& flag : found->second) {
                refs += fmt::format(" <a href=\"{}\"><code>{}</code></a>", flag_href(flag), h(flag));
            }
        }
        body += refs.empty() ? "<sup class=\"refs none\">no flag</sup>" : "<sup class=\"refs\">" + refs + "</sup>";
        at = end;
    }
    body += h_lines(text.substr(at));
    body += "</div>\n";
    return layout(document_name(document), body, viewer);
}

std::string login_page(std::string_view next, std::string_view error, const Viewer& viewer)
{
    std::string body = "<h1>Log in</h1>\n<p>Your name is recorded with each decision you make. It is kept in a "
                       "cookie of this browser; no password is asked.</p>\n";
    if (!error.empty()) body += "<p class=\"notice error\" role=\"alert\">" + h(error) + "</p>\n";
    fmt::format_to(std::back_inserter(body),
                   "<form method=\"post\" action=\"/login\">\n{}<input type=\"hidden\" name=\"next\" value=\"{}\">\n"
                   "<label for=\"name\">Name</label>\n<input id=\"name\" name=\"name\" autocomplete=\"name\" "
                   "required value=\"{}\">\n<button type=\"submit\">Log in</button>\n</form>\n",
                   hidden_csrf(viewer), h(next), h(viewer.reviewer));
    return layout("Log in", body, viewer);
}

std::string error_page(int status, std::string_view message, const Viewer& viewer)
{
    const auto body = fmt::format("<h1>{}</h1>\n<p class=\"notice error\">{}</p>\n<p><a href=\"/\">Back to the "
                                  "events</a></p>\n",
                                  status, h(message));
    return layout(fmt::format("{}", status), body, viewer);
}

}  // namespace contra::detail
