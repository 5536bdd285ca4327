// The review desk in a browser: `contra serve`. An HTTP server over one store
// file, for several reviewers at once; every decision goes through
// record_review, exactly as `contra review` stores it.
#pragma once

#include <contra/error.hpp>
#include <contra/review.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace contra {

struct ServerOptions {
    std::string store_path;         // an existing store file
    std::string bind = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0 picks a free port
    // Required on every request when set; must be set when `bind` is not a
    // loopback address. Sent as `Authorization: Bearer TOKEN`, as a
    // `?token=TOKEN` query (which sets a cookie), or in that cookie.
    std::string token;
    ReviewPolicy policy;
    std::function<std::string()> clock;  // ISO 8601 UTC now; the time stamped on decisions
    // Worker threads, one store connection each at most. httplib gives each open
    // keep-alive connection a worker, so this is how many browsers/tabs are
    // served at once.
    int threads = 32;
};

// 127.0.0.0/8, ::1 and "localhost".
[[nodiscard]] bool is_loopback(std::string_view address);

class Server {
public:
    // Checks the options (a token is required off loopback) and that the
    // store opens; binds nothing yet.
    [[nodiscard]] static Expected<Server> create(ServerOptions options);

    Server(Server&&) noexcept;
    Server& operator=(Server&&) noexcept;
    ~Server();

    // Binds the address; returns the port (the chosen one when port is 0).
    [[nodiscard]] Expected<int> bind();
    // Serves requests until stop() is called from another thread.
    [[nodiscard]] Expected<void> serve();
    void stop();
    // Blocks until serve() accepts connections (or has given up).
    void wait_until_ready() const;

    // "http://127.0.0.1:8080/" once bound.
    [[nodiscard]] std::string address() const;

private:
    struct Impl;
    explicit Server(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace contra
