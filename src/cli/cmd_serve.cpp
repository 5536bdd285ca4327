// contra serve [--port 8080] [--bind 127.0.0.1] [--token T]: the review desk in a browser.
#include "cli/commands.hpp"
#include "cli/serve.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

namespace contra::cli {

void hand_over_serve(const Context& context, const ServeOptions& /*options: contra-serve parses them again*/)
{
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        throw Failure{Error{ErrorKind::bad_input,
                            fmt::format("cannot find the review desk: /proc/self/exe: {}", ec.message())}};
    }
    const auto desk = (self.parent_path() / "contra-serve").string();
    ::execv(desk.c_str(), context.argv);
    throw Failure{Error{ErrorKind::bad_input,
                        fmt::format("cannot run the review desk {}: {} (contra serve runs contra-serve from "
                                    "contra's folder)",
                                    desk, std::strerror(errno))}};
}

void register_serve(CLI::App& app, Context& context)
{
    auto options = std::make_shared<ServeOptions>();
    auto* command = app.add_subcommand("serve", "The review desk in a browser (loopback only unless told otherwise)");
    command->add_option("--port", options->port, "The port to listen on (0 picks a free one)")
        ->check(CLI::Range(0, 65535));
    command->add_option("--bind", options->bind,
                        "The address to listen on; anything but loopback requires an access token");
    command->add_option("--token", options->token,
                        "An access token every request must carry (else CONTRA_TOKEN)");
    command->add_option("--threads", options->threads, "Worker threads")->check(CLI::Range(1, 64));
    command->callback([&context, options] { context.serve(context, *options); });
}

}  // namespace contra::cli
