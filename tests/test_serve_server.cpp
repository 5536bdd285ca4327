// The review desk over loopback: pages, the login cookie, CSRF, the token,
// the Host check, decisions stored as `contra review` stores them, and two
// reviewers deciding one flag at once.
#include "review_fixture.hpp"
#include "support.hpp"

#include <contra/hash.hpp>
#include <contra/inspect.hpp>
#include <contra/report.hpp>
#include <contra/server.hpp>

#include <catch2/catch.hpp>
#include <httplib.h>

#include <map>
#include <regex>
#include <thread>

namespace contra::test {

namespace {

constexpr const char* k_event = "durres-raid-2023";
constexpr const char* k_decided_at = "2026-03-04T05:06:07Z";

// A server on a free loopback port, serving from a thread of its own.
class RunningServer {
public:
    explicit RunningServer(ServerOptions options)
        : m_server(unwrap(Server::create(std::move(options))))
    {
        m_port = unwrap(m_server.bind());
        m_thread = std::thread([this] { (void)m_server.serve(); });
        m_server.wait_until_ready();
    }
    ~RunningServer()
    {
        m_server.stop();
        m_thread.join();
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;
    [[nodiscard]] int port() const { return m_port; }

private:
    Server m_server;
    int m_port = 0;
    std::thread m_thread;
};

ServerOptions options_for(const TempDir& dir)
{
    ServerOptions options;
    options.store_path = (dir / "contra.db").string();
    options.bind = "127.0.0.1";
    options.port = 0;
    options.clock = [] { return std::string(k_decided_at); };
    options.threads = 4;
    return options;
}

// A browser, as far as the desk can tell: keeps its cookies, sends them back.
class Browser {
public:
    explicit Browser(int port) : m_client("127.0.0.1", port) {}

    httplib::Result get(const std::string& path, httplib::Headers extra = {})
    {
        auto result = m_client.Get(path.c_str(), with_cookies(std::move(extra)));
        keep_cookies(result);
        return result;
    }

    httplib::Result post(const std::string& path, const httplib::Params& form)
    {
        auto result = m_client.Post(path.c_str(), with_cookies({}), form);
        keep_cookies(result);
        return result;
    }

    // The CSRF token the last page carried in its forms.
    std::string csrf(const std::string& page)
    {
        static const std::regex k_field(R"re(name="csrf" value="([0-9a-f]+)")re");
        std::smatch match;
        if (!std::regex_search(page, match, k_field)) return {};
        return match[1];
    }

    void log_in(const std::string& name)
    {
        auto page = get("/login");
        REQUIRE(page);
        auto done = post("/login", {{"csrf", csrf(page->body)}, {"name", name}, {"next", "/"}});
        REQUIRE(done);
        REQUIRE(done->status == 303);
    }

    [[nodiscard]] const std::map<std::string, std::string>& cookies() const { return m_cookies; }

private:
    httplib::Headers with_cookies(httplib::Headers headers) const
    {
        std::string line;
        for (const auto& [name, value] : m_cookies) line += (line.empty() ? "" : "; ") + name + "=" + value;
        if (!line.empty()) headers.emplace("Cookie", line);
        return headers;
    }

    void keep_cookies(const httplib::Result& result)
    {
        if (!result) return;
        for (std::size_t i = 0; i < result->get_header_value_count("Set-Cookie"); ++i) {
            const auto header = result->get_header_value("Set-Cookie", i);
            const auto equals = header.find('=');
            const auto end = header.find(';');
            const auto name = header.substr(0, equals);
            const auto value = header.substr(equals + 1, end - equals - 1);
            if (header.find("Max-Age=0") != std::string::npos) m_cookies.erase(name);
            else m_cookies[name] = value;
        }
    }

    httplib::Client m_client;
    std::map<std::string, std::string> m_cookies;
};

std::string first_flag(Store& store)
{
    FlagFilter filter;
    filter.event = k_event;
    auto flags = unwrap(store.flags(filter));
    REQUIRE(!flags.empty());
    return flags.front().id;
}

}  // namespace

TEST_CASE("serve: the events page counts each event's flags by status")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto flags = unwrap(store.flags());
    RunningServer server(options_for(dir));
    Browser browser(server.port());

    auto page = browser.get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("href=\"/events/durres-raid-2023\"") != std::string::npos);
    const auto open_cell = "<td class=\"num hot\">" + std::to_string(flags.size()) + "</td>";
    CHECK(page->body.find(open_cell) != std::string::npos);
}

TEST_CASE("serve: every page carries a Content-Security-Policy that allows no inline script")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto flag = first_flag(store);
    RunningServer server(options_for(dir));
    Browser browser(server.port());

    for (const std::string& path : std::vector<std::string>{"/", "/events/durres-raid-2023", "/flags/" + flag, "/documents", "/login",
                                   "/events/durres-raid-2023/report", "/no/such/page"}) {
        auto page = browser.get(path);
        REQUIRE(page);
        INFO(path);
        const auto policy = page->get_header_value("Content-Security-Policy");
        CHECK(policy.find("default-src 'none'") != std::string::npos);
        CHECK(policy.find("script-src 'unsafe-inline'") == std::string::npos);
        CHECK(policy.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(page->body.find("<script>") == std::string::npos);
    }
}

TEST_CASE("serve: an event's flags filter by status, severity, rule and attribute")
{
    TempDir dir;
    auto store = durres_store(dir);
    FlagFilter filter;
    filter.event = k_event;
    const auto flags = unwrap(store.flags(filter));
    REQUIRE(flags.size() >= 2);
    RunningServer server(options_for(dir));
    Browser browser(server.port());

    auto all = browser.get("/events/durres-raid-2023");
    REQUIRE(all);
    for (const auto& flag : flags) CHECK(all->body.find("/flags/" + flag.id) != std::string::npos);

    const auto& one = flags.front();
    auto by_rule = browser.get("/events/durres-raid-2023?rule=" + one.rule + "&attribute=" + one.attribute);
    REQUIRE(by_rule);
    for (const auto& flag : flags) {
        const bool wanted = flag.rule == one.rule && flag.attribute == one.attribute;
        CHECK((by_rule->body.find("/flags/" + flag.id) != std::string::npos) == wanted);
    }

    auto confirmed = browser.get("/events/durres-raid-2023?status=confirmed");
    REQUIRE(confirmed);
    CHECK(confirmed->body.find("No flag matches.") != std::string::npos);

    auto unknown = browser.get("/events/no-such-event");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
}

TEST_CASE("serve: the flag page shows each quote inside its sentences, the documents and the history")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto id = first_flag(store);
    const auto view = unwrap(inspect_flag(store, id));
    RunningServer server(options_for(dir));
    Browser browser(server.port());

    auto page = browser.get("/flags/" + id);
    REQUIRE(page);
    CHECK(page->status == 200);
    for (const auto& item : view.claims) {
        CHECK(page->body.find("/documents/" + item.claim.document) != std::string::npos);
        CHECK(page->body.find(item.document.url) != std::string::npos);
    }
    CHECK(page->body.find("<mark>") != std::string::npos);
    CHECK(page->body.find("No decision yet.") != std::string::npos);
    // Not logged in: a link to log in, no form.
    CHECK(page->body.find("id=\"decision\"") == std::string::npos);
    CHECK(page->body.find("/login?next=") != std::string::npos);

    auto missing = browser.get("/flags/F-00000000");
    REQUIRE(missing);
    CHECK(missing->status == 404);
}

TEST_CASE("serve: a decision is stored as contra review stores it, by the logged-in reviewer")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto id = first_flag(store);
    RunningServer server(options_for(dir));
    Browser browser(server.port());
    browser.log_in("Ana Berisha");
    CHECK(browser.cookies().count("contra_reviewer") == 1);

    auto page = browser.get("/flags/" + id);
    REQUIRE(page);
    REQUIRE(page->body.find("id=\"decision\"") != std::string::npos);
    CHECK(page->body.find("Reviewing as <strong>Ana Berisha</strong>") != std::string::npos);
    auto sent = browser.post("/flags/" + id + "/review", {{"csrf", browser.csrf(page->body)},
                                                          {"seen", "0"},
                                                          {"status", "dismissed"},
                                                          {"note", "  Both figures <b>fit</b> the same count.  "}});
    REQUIRE(sent);
    CHECK(sent->status == 303);

    const auto reviews = unwrap(store.reviews(id));
    REQUIRE(reviews.size() == 1);
    CHECK(reviews[0].status == ReviewStatus::dismissed);
    CHECK(reviews[0].reviewer == "Ana Berisha");
    CHECK(reviews[0].note == "Both figures <b>fit</b> the same count.");
    CHECK(reviews[0].at == k_decided_at);
    CHECK(unwrap(store.flag(id))->status == ReviewStatus::dismissed);

    auto after = browser.get(sent->get_header_value("Location"));
    REQUIRE(after);
    CHECK(after->body.find("Recorded:") != std::string::npos);
    CHECK(after->body.find("Both figures &lt;b&gt;fit&lt;/b&gt; the same count.") != std::string::npos);
}

TEST_CASE("serve: a form posted without this browser's CSRF token stores nothing")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto id = first_flag(store);
    RunningServer server(options_for(dir));
    Browser browser(server.port());
    browser.log_in("Ana Berisha");

    auto forged = browser.post("/flags/" + id + "/review", {{"status", "confirmed"}, {"note", "forged"}});
    REQUIRE(forged);
    CHECK(forged->status == 403);

    // A token from another browser's session does not fit this one.
    Browser other(server.port());
    auto other_page = other.get("/login");
    REQUIRE(other_page);
    auto crossed = browser.post("/flags/" + id + "/review",
                                {{"csrf", other.csrf(other_page->body)}, {"status", "confirmed"}, {"note", "x"}});
    REQUIRE(crossed);
    CHECK(crossed->status == 403);

    auto login = browser.post("/login", {{"name", "Mallory"}});
    REQUIRE(login);
    CHECK(login->status == 403);
    CHECK(unwrap(store.reviews(id)).empty());
}

TEST_CASE("serve: two reviewers deciding one flag at once both stay in its history")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto id = first_flag(store);
    RunningServer server(options_for(dir));
    Browser ana(server.port());
    Browser ben(server.port());
    ana.log_in("Ana");
    ben.log_in("Ben");
    auto ana_page = ana.get("/flags/" + id);
    auto ben_page = ben.get("/flags/" + id);
    REQUIRE(ana_page);
    REQUIRE(ben_page);

    auto first = ana.post("/flags/" + id + "/review",
                          {{"csrf", ana.csrf(ana_page->body)}, {"seen", "0"}, {"status", "dismissed"}, {"note", "a"}});
    auto second = ben.post("/flags/" + id + "/review",
                           {{"csrf", ben.csrf(ben_page->body)}, {"seen", "0"}, {"status", "confirmed"}, {"note", "b"}});
    REQUIRE(first);
    REQUIRE(second);
    CHECK(second->status == 303);

    const auto reviews = unwrap(store.reviews(id));
    REQUIRE(reviews.size() == 2);
    CHECK(reviews[0].reviewer == "Ana");
    CHECK(reviews[1].reviewer == "Ben");

    auto shown = ben.get(second->get_header_value("Location"));
    REQUIRE(shown);
    CHECK(shown->body.find("Someone else decided this flag") != std::string::npos);
    CHECK(shown->body.find("by <strong>Ana</strong>") != std::string::npos);
}

TEST_CASE("serve: many reviewers at once lose no decision")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto id = first_flag(store);
    RunningServer server(options_for(dir));
    constexpr int k_reviewers = 6;
    constexpr int k_each = 5;
    std::vector<std::thread> threads;
    std::atomic<int> redirected = 0;
    for (int r = 0; r < k_reviewers; ++r) {
        threads.emplace_back([&, r] {
            Browser browser(server.port());
            browser.log_in("reviewer " + std::to_string(r));
            for (int i = 0; i < k_each; ++i) {
                auto page = browser.get("/flags/" + id);
                if (!page) continue;
                auto sent = browser.post("/flags/" + id + "/review",
                                         {{"csrf", browser.csrf(page->body)}, {"status", i % 2 ? "confirmed" : "open"}});
                if (sent && sent->status == 303) ++redirected;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(redirected == k_reviewers * k_each);
    CHECK(unwrap(store.reviews(id)).size() == static_cast<std::size_t>(k_reviewers * k_each));
}

TEST_CASE("serve: a required note is asked for again, keeping what was typed elsewhere")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto id = first_flag(store);
    auto options = options_for(dir);
    options.policy.require_note = true;
    RunningServer server(options);
    Browser browser(server.port());
    browser.log_in("Ana");
    auto page = browser.get("/flags/" + id);
    REQUIRE(page);
    auto sent = browser.post("/flags/" + id + "/review",
                             {{"csrf", browser.csrf(page->body)}, {"status", "confirmed"}, {"note", "   "}});
    REQUIRE(sent);
    CHECK(sent->status == 422);
    CHECK(sent->body.find("a note is required") != std::string::npos);
    CHECK(unwrap(store.reviews(id)).empty());
}

TEST_CASE("serve: a document's text is escaped, its claims highlighted and linked to their flags")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto id = first_flag(store);
    const auto view = unwrap(inspect_flag(store, id));
    const auto& claim = view.claims.front().claim;

    Document hostile;
    hostile.text = "Officials said <script>alert('owned')</script> & nothing else.\n\nA second paragraph.";
    hostile.sha256 = sha256_hex(hostile.text);
    hostile.title = "A title with <img src=x onerror=alert(1)>";
    hostile.url = "javascript:alert(1)";
    (void)unwrap(store.put_document(hostile));

    RunningServer server(options_for(dir));
    Browser browser(server.port());

    auto page = browser.get("/documents/" + hostile.sha256);
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; &amp; nothing else.") !=
          std::string::npos);
    CHECK(page->body.find("<script>alert") == std::string::npos);
    CHECK(page->body.find("<img src=x") == std::string::npos);
    CHECK(page->body.find("javascript:") == std::string::npos);

    auto carrying = browser.get("/documents/" + claim.document + "?event=durres-raid-2023");
    REQUIRE(carrying);
    CHECK(carrying->body.find("<mark class=\"claim\" id=\"" + claim.id + "\"") != std::string::npos);
    CHECK(carrying->body.find("href=\"/flags/" + id + "\"") != std::string::npos);

    auto listed = browser.get("/documents?event=durres-raid-2023");
    REQUIRE(listed);
    CHECK(listed->body.find(claim.document) != std::string::npos);
    CHECK(listed->body.find(hostile.sha256) == std::string::npos);
}

TEST_CASE("serve: the report page is the report contra report --format html writes")
{
    TempDir dir;
    auto store = durres_store(dir);
    const auto expected = render_html(unwrap(build_report(store, k_event, ReportOptions{})));
    RunningServer server(options_for(dir));
    Browser browser(server.port());
    auto page = browser.get("/events/durres-raid-2023/report");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body == expected);
}

TEST_CASE("serve: with a token, every request must carry it")
{
    TempDir dir;
    auto store = durres_store(dir);
    auto options = options_for(dir);
    options.token = "s3cret-token";
    RunningServer server(options);

    Browser stranger(server.port());
    auto refused = stranger.get("/");
    REQUIRE(refused);
    CHECK(refused->status == 401);
    auto wrong = stranger.get("/", {{"Authorization", "Bearer not-it"}});
    REQUIRE(wrong);
    CHECK(wrong->status == 401);

    Browser script(server.port());
    auto bearer = script.get("/", {{"Authorization", "Bearer s3cret-token"}});
    REQUIRE(bearer);
    CHECK(bearer->status == 200);

    Browser person(server.port());
    auto first = person.get("/?token=s3cret-token");
    REQUIRE(first);
    CHECK(first->status == 303);
    CHECK(first->get_header_value("Location") == "/");
    auto next = person.get("/");
    REQUIRE(next);
    CHECK(next->status == 200);
}

TEST_CASE("serve: off loopback the server refuses to start without a token")
{
    TempDir dir;
    auto store = durres_store(dir);
    auto options = options_for(dir);
    options.bind = "0.0.0.0";
    auto refused = Server::create(options);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::usage);
    CHECK(refused.error().message.find("token") != std::string::npos);

    options.token = "t";
    CHECK(Server::create(options).has_value());
    CHECK(is_loopback("127.0.0.1"));
    CHECK(is_loopback("::1"));
    CHECK_FALSE(is_loopback("0.0.0.0"));
    CHECK_FALSE(is_loopback("127.0.0.1.example.org"));
}

TEST_CASE("serve: a Host that is not loopback is refused, against DNS rebinding")
{
    TempDir dir;
    auto store = durres_store(dir);
    RunningServer server(options_for(dir));
    Browser browser(server.port());
    auto rebound = browser.get("/", {{"Host", "attacker.example:8080"}});
    REQUIRE(rebound);
    CHECK(rebound->status == 403);
    auto local = browser.get("/", {{"Host", "localhost:8080"}});
    REQUIRE(local);
    CHECK(local->status == 200);
}

TEST_CASE("serve: a store that is not there fails at start")
{
    TempDir dir;
    auto options = options_for(dir);
    options.store_path = (dir / "missing.db").string();
    CHECK_FALSE(Server::create(options).has_value());
}

}  // namespace contra::test
