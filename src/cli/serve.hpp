// `contra serve`: its options are declared once (cmd_serve.cpp); the program
// chooses what runs them. contra hands its command line over to contra-serve,
// built next to it (hand_over_serve); contra-serve is the same command line
// with the review desk linked in, and serves in its own process (serve_here).
// So only serving loads cpp-httplib and what Debian builds it with (libssl,
// zlib, brotli) and pays for OpenSSL's start-up: every other command starts
// without them (docs/ARCHITECTURE.md).
#pragma once

#include "cli/context.hpp"

#include <string>

namespace contra::cli {

struct ServeOptions {
    int port = 8080;
    std::string bind = "127.0.0.1";
    std::string token;
    int threads = 32;
};

// Replaces this process with contra-serve from the running executable's
// folder, with the same command line and environment; throws Failure (exit 2)
// when there is none or it cannot run.
[[noreturn]] void hand_over_serve(const Context& context, const ServeOptions& options);

// Serves the store until Ctrl-C or SIGTERM (contra_serve_lib).
void serve_here(const Context& context, const ServeOptions& options);

}  // namespace contra::cli
