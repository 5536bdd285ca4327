// contra serve: routes, access checks (token, Host, CSRF), the login cookie,
// security headers and a small pool of store connections.
#include "serve/pages.hpp"
#include "serve/security.hpp"

#include <contra/inspect.hpp>
#include <contra/report.hpp>
#include <contra/server.hpp>
#include <contra/store.hpp>

#include <fmt/chrono.h>
#include <fmt/core.h>
#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace contra {

namespace {

using detail::Viewer;

constexpr std::string_view k_session_cookie = "contra_session";
constexpr std::string_view k_reviewer_cookie = "contra_reviewer";
constexpr std::string_view k_token_cookie = "contra_token";
constexpr std::string_view k_html = "text/html; charset=utf-8";

// The desk's own pages: scripts and styles from this server only, never inline.
constexpr std::string_view k_desk_policy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'";
// The editor's report is the same page `contra report --format html` writes:
// its style sheet is inline, and it runs no script at all.
constexpr std::string_view k_report_policy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'none'; base-uri 'none'; "
    "frame-ancestors 'none'";

// A request that ends early with a status and a message for the page.
struct HttpFailure {
    int status;
    std::string message;
};

template <class T>
T need(Expected<T> result)
{
    if (result) {
        if constexpr (!std::is_void_v<T>) return std::move(*result);
        else return;
    }
    const auto& error = result.error();
    throw HttpFailure{error.kind == ErrorKind::internal ? 500 : 404, error.describe()};
}

std::string system_now()
{
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

std::int64_t int_param(const httplib::Request& request, const char* name)
{
    if (!request.has_param(name)) return 0;
    const auto text = request.get_param_value(name);
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::string param(const httplib::Request& request, const char* name)
{
    return request.has_param(name) ? request.get_param_value(name) : std::string();
}

std::string cookie(std::string_view name, std::string_view value, bool keep)
{
    return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}", name, value,
                       keep ? "; Max-Age=31536000" : "");
}

// The host part of a Host header: "127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "::1".
std::string_view host_name(std::string_view host)
{
    if (host.starts_with('[')) {
        const auto close = host.find(']');
        return close == std::string_view::npos ? host : host.substr(1, close - 1);
    }
    return host.substr(0, host.rfind(':'));
}

// A local path to go back to after logging in; anything else goes home.
std::string safe_next(std::string_view next)
{
    if (!next.starts_with('/') || next.starts_with("//") || next.find('\\') != std::string_view::npos) return "/";
    return std::string(next);
}

// One store connection per worker at most: SQLite connections are not shared
// between threads, and opening one per request would repeat the schema check.
class StorePool {
public:
    explicit StorePool(std::string path) : m_path(std::move(path)) {}

    class Lease {
    public:
        Lease(StorePool& pool, std::unique_ptr<Store> store) : m_pool(pool), m_store(std::move(store)) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { m_pool.give_back(std::move(m_store)); }
        Store& operator*() const { return *m_store; }

    private:
        StorePool& m_pool;
        std::unique_ptr<Store> m_store;
    };

    Expected<std::unique_ptr<Store>> take()
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_idle.empty()) {
                auto store = std::move(m_idle.back());
                m_idle.pop_back();
                return store;
            }
        }
        auto store = Store::open(m_path, OpenMode::existing);
        if (!store) return std::unexpected(store.error());
        return std::make_unique<Store>(std::move(*store));
    }

    void give_back(std::unique_ptr<Store> store)
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(store));
    }

private:
    std::string m_path;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Store>> m_idle;
};

// The quote with the sentence that holds it and one sentence either side.
detail::QuoteInContext quote_in_context(std::string_view text, const ClaimView& item)
{
    const auto& span = item.claim.span;
    detail::QuoteInContext out;
    if (span.start > span.end || span.end > text.size()) {
        out.before = item.before;
        out.quote = item.claim.quote;
        out.after = item.after;
        return out;
    }
    auto range = sentence_around(text, span.start, span.end);
    auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    std::size_t back = range.start;
    while (back > 0 && is_space(text[back - 1])) --back;
    if (back > 0) range.start = sentence_around(text, back - 1, back - 1).start;
    std::size_t ahead = range.end;
    while (ahead < text.size() && is_space(text[ahead])) ++ahead;
    if (ahead < text.size()) range.end = sentence_around(text, ahead, ahead + 1).end;
    range.start = std::min(range.start, span.start);
    range.end = std::max(range.end, span.end);
    out.before = text.substr(range.start, span.start - range.start);
    out.quote = text.substr(span.start, span.end - span.start);
    out.after = text.substr(span.end, range.end - span.end);
    out.starts_document = range.start == 0;
    out.ends_document = range.end >= text.size();
    return out;
}

bool flag_order(const Flag& a, const Flag& b)
{
    const bool a_open = needs_decision(a.status);
    const bool b_open = needs_decision(b.status);
    if (a_open != b_open) return a_open;
    if (a.state != b.state) return a.state == FlagState::active;
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.id < b.id;
}

}  // namespace

bool is_loopback(std::string_view address)
{
    if (address == "localhost" || address == "::1" || address == "[::1]") return true;
    return address.starts_with("127.") && address.find_first_not_of("0123456789.") == std::string_view::npos;
}

struct Server::Impl {
    ServerOptions options;
    std::string secret = detail::random_hex(32);
    StorePool pool;
    httplib::Server http;
    int port = 0;

    explicit Impl(ServerOptions given) : options(std::move(given)), pool(options.store_path) {}

    using Handler = std::function<void(const httplib::Request&, httplib::Response&, Viewer&)>;

    // The session cookie (made on first visit), the reviewer and the CSRF
    // token of this browser.
    Viewer viewer_of(const httplib::Request& request, httplib::Response& response) const
    {
        const auto cookies = detail::parse_cookies(request.get_header_value("Cookie"));
        std::string session;
        if (auto found = cookies.find(k_session_cookie); found != cookies.end() && found->second.size() == 64) {
            session = found->second;
        } else {
            session = detail::random_hex(32);
            response.set_header("Set-Cookie", cookie(k_session_cookie, session, false));
        }
        Viewer viewer;
        viewer.csrf = detail::csrf_token(secret, session);
        if (auto found = cookies.find(k_reviewer_cookie); found != cookies.end()) {
            viewer.reviewer = detail::clean_login(detail::url_decode(found->second));
        }
        return viewer;
    }

    void send_page(httplib::Response& response, int status, const std::string& html) const
    {
        response.status = status;
        response.set_content(html, std::string(k_html));
    }

    // Wraps a page handler: the viewer, the CSRF check on posts, and failures
    // turned into error pages.
    httplib::Server::Handler page(Handler handler, bool post)
    {
        return [this, handler = std::move(handler), post](const httplib::Request& request,
                                                           httplib::Response& response) {
            Viewer viewer = viewer_of(request, response);
            try {
                if (post) {
                    const auto cookies = detail::parse_cookies(request.get_header_value("Cookie"));
                    const auto session = cookies.find(k_session_cookie);
                    if (session == cookies.end() ||
                        !detail::csrf_valid(secret, session->second, param(request, "csrf"))) {
                        throw HttpFailure{403, "This form is out of date or did not come from this desk (the CSRF "
                                               "token does not match). Reload the page and try again."};
                    }
                }
                handler(request, response, viewer);
            } catch (const HttpFailure& failure) {
                send_page(response, failure.status, detail::error_page(failure.status, failure.message, viewer));
            } catch (const std::exception& error) {
                send_page(response, 500, detail::error_page(500, error.what(), viewer));
            }
        };
    }

    // Access: the token when one is set, else a loopback Host (so a web page
    // elsewhere cannot reach the desk through DNS rebinding); on posts, an
    // Origin, when the browser sends one, of this very server.
    httplib::Server::HandlerResponse admit(const httplib::Request& request, httplib::Response& response) const
    {
        auto refuse = [&](int status, std::string_view message) {
            response.status = status;
            response.set_content(fmt::format("{}\n", message), "text/plain; charset=utf-8");
            return httplib::Server::HandlerResponse::Handled;
        };
        const auto host = request.get_header_value("Host");
        if (!options.token.empty()) {
            const auto cookies = detail::parse_cookies(request.get_header_value("Cookie"));
            const auto authorization = request.get_header_value("Authorization");
            bool granted = authorization.starts_with("Bearer ") &&
                           detail::same_secret(std::string_view(authorization).substr(7), options.token);
            if (auto found = cookies.find(k_token_cookie); !granted && found != cookies.end()) {
                granted = detail::same_secret(detail::url_decode(found->second), options.token);
            }
            if (!granted && request.method == "GET" && detail::same_secret(param(request, "token"), options.token)) {
                response.set_header("Set-Cookie", cookie(k_token_cookie, detail::url_encode(options.token), false));
                response.set_redirect(request.path, 303);
                return httplib::Server::HandlerResponse::Handled;
            }
            if (!granted) {
                return refuse(401, "This review desk needs its access token: open the address that contra serve "
                                   "printed (it ends in ?token=...), or send Authorization: Bearer TOKEN.");
            }
        } else if (!is_loopback(host_name(host))) {
            return refuse(403, "This review desk answers on loopback only (the Host header is not a loopback "
                               "address).");
        }
        if (request.method == "POST") {
            const auto origin = request.get_header_value("Origin");
            if (!origin.empty() && origin != "http://" + host) {
                return refuse(403, "Forms of other sites cannot post to this review desk.");
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    }

    void routes();
    void events(const httplib::Request&, httplib::Response&, Viewer&);
    void event(const httplib::Request&, httplib::Response&, Viewer&);
    void report(const httplib::Request&, httplib::Response&, Viewer&);
    void flag(const httplib::Request&, httplib::Response&, Viewer&);
    void review(const httplib::Request&, httplib::Response&, Viewer&);
    void documents(const httplib::Request&, httplib::Response&, Viewer&);
    void document(const httplib::Request&, httplib::Response&, Viewer&);
    void login(const httplib::Request&, httplib::Response&, Viewer&);
    void logout(const httplib::Request&, httplib::Response&, Viewer&);

    StorePool::Lease store()
    {
        return StorePool::Lease(pool, need(pool.take()));
    }

    void render_flag(httplib::Response& response, Store& store, std::string_view id,
                     const detail::DecisionNotice& notice, std::string_view error, std::string_view note,
                     const Viewer& viewer, int status);
};

void Server::Impl::routes()
{
    using namespace std::placeholders;
    auto bound = [this](void (Impl::*method)(const httplib::Request&, httplib::Response&, Viewer&)) {
        return [this, method](const httplib::Request& request, httplib::Response& response, Viewer& viewer) {
            (this->*method)(request, response, viewer);
        };
    };
    http.Get("/", page(bound(&Impl::events), false));
    http.Get(R"(/events/([^/]+)/report)", page(bound(&Impl::report), false));
    http.Get(R"(/events/([^/]+))", page(bound(&Impl::event), false));
    http.Get(R"(/flags/([A-Za-z0-9_-]+))", page(bound(&Impl::flag), false));
    http.Post(R"(/flags/([A-Za-z0-9_-]+)/review)", page(bound(&Impl::review), true));
    http.Get("/documents", page(bound(&Impl::documents), false));
    http.Get(R"(/documents/([0-9a-f]{64}))", page(bound(&Impl::document), false));
    http.Get("/login", page(bound(&Impl::login), false));
    http.Post("/login", page(bound(&Impl::login), true));
    http.Post("/logout", page(bound(&Impl::logout), true));
    http.Get("/static/desk.css", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(std::string(detail::desk_css()), "text/css; charset=utf-8");
        response.set_header("Cache-Control", "max-age=300");
    });
    http.Get("/static/desk.js", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(std::string(detail::desk_js()), "text/javascript; charset=utf-8");
        response.set_header("Cache-Control", "max-age=300");
    });
    http.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& response) { response.status = 204; });
    http.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
        if (response.status != 404 || !response.body.empty()) return;
        Viewer viewer = viewer_of(request, response);
        response.set_content(detail::error_page(404, "There is no such page on this desk.", viewer),
                             std::string(k_html));
    });
    http.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) { return admit(request, response); });
    http.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        if (!response.has_header("Content-Security-Policy")) {
            response.set_header("Content-Security-Policy", std::string(k_desk_policy));
        }
        response.set_header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser posts "Origin: null".
        response.set_header("Referrer-Policy", "same-origin");
        response.set_header("X-Frame-Options", "DENY");
        if (!response.has_header("Cache-Control")) response.set_header("Cache-Control", "no-store");
    });
}

void Server::Impl::events(const httplib::Request&, httplib::Response& response, Viewer& viewer)
{
    auto lease = store();
    auto events = need((*lease).events());
    FlagFilter active;
    active.state = FlagState::active;
    const auto flags = need((*lease).flags(active));
    std::map<std::string, detail::EventRow, std::less<>> rows;
    for (auto& event : events) rows[event.id].event = std::move(event);
    for (const auto& flag : flags) {
        auto& row = rows[flag.event];
        if (row.event.id.empty()) row.event.id = flag.event;
        switch (flag.status) {
        case ReviewStatus::open: ++row.open; break;
        case ReviewStatus::needs_info: ++row.needs_info; break;
        case ReviewStatus::confirmed: ++row.confirmed; break;
        case ReviewStatus::dismissed: ++row.dismissed; break;
        }
    }
    std::vector<detail::EventRow> list;
    for (auto& [id, row] : rows) list.push_back(std::move(row));
    send_page(response, 200, detail::events_page(list, viewer));
}

void Server::Impl::event(const httplib::Request& request, httplib::Response& response, Viewer& viewer)
{
    const std::string id = request.matches[1];
    auto lease = store();
    const auto event = need((*lease).event(id));
    if (!event) throw HttpFailure{404, fmt::format("No event '{}' in the store.", id)};

    detail::FlagQuery query;
    query.status = param(request, "status");
    query.severity = param(request, "severity");
    query.rule = param(request, "rule");
    query.attribute = param(request, "attribute");
    if (request.has_param("state")) query.state = param(request, "state");

    FlagFilter filter;
    filter.event = id;
    auto flags = need((*lease).flags(filter));
    std::set<std::string> rules;
    std::set<std::string> attributes;
    for (const auto& flag : flags) {
        rules.insert(flag.rule);
        attributes.insert(flag.attribute);
    }
    const auto severity = parse_severity(query.severity);
    const auto status = parse_review_status(query.status);
    const auto state = parse_flag_state(query.state);
    std::erase_if(flags, [&](const Flag& flag) {
        if (query.status == "undecided" ? !needs_decision(flag.status) : status && flag.status != *status) return true;
        if (severity && flag.severity != *severity) return true;
        if (!query.rule.empty() && flag.rule != query.rule) return true;
        if (!query.attribute.empty() && flag.attribute != query.attribute) return true;
        return state && flag.state != *state;
    });
    std::ranges::sort(flags, flag_order);
    send_page(response, 200,
              detail::event_page(*event, flags, query, {rules.begin(), rules.end()},
                                 {attributes.begin(), attributes.end()}, viewer));
}

void Server::Impl::report(const httplib::Request& request, httplib::Response& response, Viewer&)
{
    const std::string id = request.matches[1];
    auto lease = store();
    const auto built = need(build_report(*lease, id, ReportOptions{}));
    response.set_header("Content-Security-Policy", std::string(k_report_policy));
    response.set_content(render_html(built), std::string(k_html));
}

void Server::Impl::render_flag(httplib::Response& response, Store& store, std::string_view id,
                               const detail::DecisionNotice& notice, std::string_view error, std::string_view note,
                               const Viewer& viewer, int status)
{
    const auto view = need(inspect_flag(store, id));
    std::map<std::string, std::string, std::less<>> texts;
    std::vector<detail::QuoteInContext> contexts;
    for (const auto& item : view.claims) {
        auto text = texts.find(item.claim.document);
        if (text == texts.end()) {
            const auto document = need(store.document(item.claim.document, true));
            text = texts.emplace(item.claim.document, document ? document->text : std::string()).first;
        }
        contexts.push_back(quote_in_context(text->second, item));
    }
    send_page(response, status, detail::flag_page(view, contexts, notice, error, note, viewer));
}

void Server::Impl::flag(const httplib::Request& request, httplib::Response& response, Viewer& viewer)
{
    const std::string id = request.matches[1];
    auto lease = store();
    detail::DecisionNotice notice;
    if (request.has_param("decided")) {
        const auto decided = int_param(request, "decided");
        const auto seen = int_param(request, "seen");
        for (const auto& review : need((*lease).reviews(id))) {
            if (review.seq == decided) notice.mine = review;
            else if (review.seq > seen) notice.others.push_back(review);
        }
    }
    render_flag(response, *lease, id, notice, {}, {}, viewer, 200);
}

void Server::Impl::review(const httplib::Request& request, httplib::Response& response, Viewer& viewer)
{
    const std::string id = request.matches[1];
    const auto href = "/flags/" + detail::url_encode(id);
    if (viewer.reviewer.empty()) {
        response.set_redirect("/login?next=" + detail::url_encode(href), 303);
        return;
    }
    const auto status = parse_review_status(param(request, "status"));
    if (!status) {
        throw HttpFailure{400, fmt::format("Unknown decision '{}': choose confirmed, dismissed, needs-info or open.",
                                           param(request, "status"))};
    }
    const auto note = param(request, "note");
    auto lease = store();
    // record_review writes the decision in its own transaction, exactly as
    // `contra review` does; the log is append-only, so a decision someone
    // else made meanwhile stays beside this one.
    const ReviewRequest decision{id, *status, viewer.reviewer, note, options.clock()};
    auto recorded = record_review(*lease, decision, options.policy);
    if (!recorded) {
        if (recorded.error().kind == ErrorKind::internal) throw HttpFailure{500, recorded.error().describe()};
        if (!need((*lease).flag(id))) throw HttpFailure{404, recorded.error().describe()};
        render_flag(response, *lease, id, {}, recorded.error().message, note, viewer, 422);
        return;
    }
    response.set_redirect(fmt::format("{}?decided={}&seen={}", href, recorded->seq, int_param(request, "seen")),
                          303);
}

void Server::Impl::documents(const httplib::Request& request, httplib::Response& response, Viewer& viewer)
{
    auto lease = store();
    auto documents = need((*lease).documents(false));
    if (const auto event = param(request, "event"); !event.empty()) {
        std::set<std::string, std::less<>> carried;
        for (const auto& claim : need((*lease).claims(event))) carried.insert(claim.document);
        std::erase_if(documents, [&](const Document& document) { return !carried.contains(document.sha256); });
    }
    std::ranges::stable_sort(documents, [](const Document& a, const Document& b) { return a.published > b.published; });
    send_page(response, 200, detail::documents_page(documents, viewer));
}

void Server::Impl::document(const httplib::Request& request, httplib::Response& response, Viewer& viewer)
{
    const std::string sha256 = request.matches[1];
    auto lease = store();
    const auto document = need((*lease).document(sha256, true));
    if (!document) throw HttpFailure{404, fmt::format("No document {} in the store.", sha256)};
    const auto event = param(request, "event");
    auto claims = need((*lease).claims(event.empty() ? std::nullopt : std::optional<std::string_view>(event)));
    std::erase_if(claims, [&](const Claim& claim) { return claim.document != sha256; });
    FlagFilter filter;
    if (!event.empty()) filter.event = event;
    filter.state = FlagState::active;
    std::map<std::string, std::vector<std::string>> flags;
    for (const auto& flag : need((*lease).flags(filter))) {
        for (const auto& claim : flag.claims) flags[claim].push_back(flag.id);
    }
    send_page(response, 200, detail::document_page(*document, claims, flags, viewer));
}

void Server::Impl::login(const httplib::Request& request, httplib::Response& response, Viewer& viewer)
{
    const auto next = safe_next(param(request, "next"));
    if (request.method != "POST") {
        send_page(response, 200, detail::login_page(next, {}, viewer));
        return;
    }
    const auto name = detail::clean_login(param(request, "name"));
    if (name.empty()) {
        send_page(response, 422, detail::login_page(next, "Type the name to record with your decisions.", viewer));
        return;
    }
    response.set_header("Set-Cookie", cookie(k_reviewer_cookie, detail::url_encode(name), true));
    response.set_redirect(next, 303);
}

void Server::Impl::logout(const httplib::Request&, httplib::Response& response, Viewer&)
{
    response.set_header("Set-Cookie", fmt::format("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0",
                                                  k_reviewer_cookie));
    response.set_redirect("/", 303);
}

Server::Server(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Server::Server(Server&&) noexcept = default;
Server& Server::operator=(Server&&) noexcept = default;
Server::~Server() = default;

Expected<Server> Server::create(ServerOptions options)
{
    if (options.port < 0 || options.port > 65535) {
        return usage_error(fmt::format("--port: {} is not a port number (0 to 65535)", options.port));
    }
    if (!is_loopback(options.bind) && options.token.empty()) {
        return usage_error(fmt::format("--bind {} is not a loopback address: set an access token with --token or "
                                       "CONTRA_TOKEN, which every request must then carry",
                                       options.bind));
    }
    if (!options.clock) options.clock = system_now;
    options.threads = std::clamp(options.threads, 1, 64);
    auto impl = std::make_unique<Impl>(std::move(options));
    // Fail now, with the store's own message, rather than on the first request.
    auto first = impl->pool.take();
    if (!first) return std::unexpected(first.error());
    impl->pool.give_back(std::move(*first));

    const auto threads = static_cast<std::size_t>(impl->options.threads);
    // httplib owns the queue it is given and deletes it when it stops.
    impl->http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    impl->http.set_keep_alive_max_count(1000);
    impl->http.set_tcp_nodelay(true);  // small pages: Nagle and delayed ACKs would add 40 ms each
    impl->http.set_payload_max_length(1 << 20);
    impl->routes();
    return Server(std::move(impl));
}

Expected<int> Server::bind()
{
    const auto& options = m_impl->options;
    if (options.port == 0) {
        const int port = m_impl->http.bind_to_any_port(options.bind);
        if (port <= 0) return usage_error(fmt::format("cannot listen on {} (no free port?)", options.bind));
        m_impl->port = port;
    } else {
        if (!m_impl->http.bind_to_port(options.bind, options.port)) {
            return usage_error(fmt::format("cannot listen on {}:{} (is the port in use?)", options.bind, options.port));
        }
        m_impl->port = options.port;
    }
    return m_impl->port;
}

Expected<void> Server::serve()
{
    if (m_impl->port == 0) {
        if (auto bound = bind(); !bound) return std::unexpected(bound.error());
    }
    if (!m_impl->http.listen_after_bind()) return internal_error("the server stopped accepting connections");
    return {};
}

void Server::stop()
{
    m_impl->http.stop();
}

void Server::wait_until_ready() const
{
    for (int i = 0; i < 5000 && !m_impl->http.is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

std::string Server::address() const
{
    const auto& bind = m_impl->options.bind;
    const auto host = bind.find(':') != std::string::npos && !bind.starts_with('[') ? "[" + bind + "]" : bind;
    return fmt::format("http://{}:{}/", host, m_impl->port);
}

}  // namespace contra
