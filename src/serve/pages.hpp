// The review desk's HTML pages: pure functions from what the store holds to
// markup. Every piece of stored text goes through the report's escaping.
#pragma once

#include <contra/document.hpp>
#include <contra/event.hpp>
#include <contra/flag.hpp>
#include <contra/inspect.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contra::detail {

// Who is looking, and the token their forms must carry.
struct Viewer {
    std::string reviewer;  // empty until they log in
    std::string csrf;
};

struct EventRow {
    Event event;
    int open = 0;
    int needs_info = 0;
    int confirmed = 0;
    int dismissed = 0;
};

// The event page's filters, as the query string gives them ("" = any).
struct FlagQuery {
    std::string status;    // open, confirmed, dismissed, needs-info, undecided
    std::string severity;  // info, warning, error
    std::string rule;
    std::string attribute;
    std::string state = "active";  // active, stale, all
};

// A claim's quote inside its document: the sentence that holds it and one
// sentence either side, as bytes of the stored text.
struct QuoteInContext {
    std::string before;
    std::string quote;
    std::string after;
    bool starts_document = false;
    bool ends_document = false;
};

// What the flag page says above the form after a decision.
struct DecisionNotice {
    std::optional<Review> mine;   // the decision this browser just sent
    std::vector<Review> others;   // decisions others made since the page was read
};

[[nodiscard]] std::string events_page(const std::vector<EventRow>& rows, const Viewer& viewer);

// The flags are already filtered and ordered; `rules` and `attributes` are
// the choices the filter form offers.
[[nodiscard]] std::string event_page(const Event& event, const std::vector<Flag>& flags, const FlagQuery& query,
                                     const std::vector<std::string>& rules,
                                     const std::vector<std::string>& attributes, const Viewer& viewer);

// `contexts` runs parallel to view.claims. `error` and `note` come back when
// a decision was refused, so nothing typed is lost.
[[nodiscard]] std::string flag_page(const FlagView& view, const std::vector<QuoteInContext>& contexts,
                                    const DecisionNotice& notice, std::string_view error, std::string_view note,
                                    const Viewer& viewer);

// Every stored document, newest first.
[[nodiscard]] std::string documents_page(const std::vector<Document>& documents, const Viewer& viewer);

// A document's whole text with each claim it carries highlighted; `flags`
// maps a claim id to the ids of the active flags that name it.
[[nodiscard]] std::string document_page(const Document& document, const std::vector<Claim>& claims,
                                        const std::map<std::string, std::vector<std::string>>& flags,
                                        const Viewer& viewer);

[[nodiscard]] std::string login_page(std::string_view next, std::string_view error, const Viewer& viewer);

// A page for a failed request: "404 Not found" with what was not found.
[[nodiscard]] std::string error_page(int status, std::string_view message, const Viewer& viewer);

// The desk's style sheet and its keyboard shortcuts, served from /static/.
[[nodiscard]] std::string_view desk_css();
[[nodiscard]] std::string_view desk_js();

}  // namespace contra::detail
