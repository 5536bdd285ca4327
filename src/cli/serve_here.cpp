// contra serve, in contra-serve: the review desk over the store until Ctrl-C
// or SIGTERM (cli/serve.hpp).
#include "cli/serve.hpp"

#include "serve/security.hpp"

#include <contra/review.hpp>
#include <contra/server.hpp>

#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace contra::cli {

void serve_here(const Context& context, const ServeOptions& options)
{
    ServerOptions server_options;
    {
        // Fail early on a missing store, with the same message as other commands.
        (void)context.open_store(OpenMode::existing);
    }
    server_options.store_path = context.db_path();
    server_options.bind = options.bind;
    server_options.port = options.port;
    server_options.token = options.token;
    if (server_options.token.empty()) {
        if (const char* token = std::getenv("CONTRA_TOKEN"); token != nullptr) server_options.token = token;
    }
    if (auto config = context.config_file()) server_options.policy = require(load_review_policy(*config));
    server_options.clock = [&context] { return context.now(); };
    server_options.threads = options.threads;

    const bool with_token = !server_options.token.empty();
    const auto token = server_options.token;
    Server server = require(Server::create(std::move(server_options)));
    (void)require(server.bind());
    // Ctrl-C and SIGTERM stop the server from a thread of its own (stop() is
    // not safe in a signal handler); the workers inherit the blocked mask.
    // Blocked before the address is printed: a signal sent as soon as it
    // shows waits for sigwait instead of killing the process.
    // A shell starts background jobs with SIGINT ignored; an ignored signal
    // never reaches sigwait, so take the default disposition back first.
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    auto address = server.address();
    if (with_token) address += "?token=" + detail::url_encode(token);
    context.print("contra: the review desk is at {}\n", address);
    context.print("contra: store {}; stop with Ctrl-C\n", context.db_path());
    std::fflush(context.out);

    std::thread waiter([&server, signals] {
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
    });
    auto served = server.serve();
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    require(std::move(served));
}

}  // namespace contra::cli
