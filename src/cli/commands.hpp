// The subcommands, one registrar each, in one sorted list (commands.cpp).
#pragma once

#include "cli/context.hpp"

#include <span>

namespace contra::cli {

void register_check(CLI::App& app, Context& context);
void register_export(CLI::App& app, Context& context);
void register_extract(CLI::App& app, Context& context);
void register_flags(CLI::App& app, Context& context);
void register_import(CLI::App& app, Context& context);
void register_ingest(CLI::App& app, Context& context);
void register_init(CLI::App& app, Context& context);
void register_quantities(CLI::App& app, Context& context);
void register_report(CLI::App& app, Context& context);
void register_review(CLI::App& app, Context& context);
void register_rules(CLI::App& app, Context& context);
void register_run(CLI::App& app, Context& context);
void register_serve(CLI::App& app, Context& context);
void register_show(CLI::App& app, Context& context);
void register_verify(CLI::App& app, Context& context);

[[nodiscard]] std::span<const Registrar> registrars();

// The whole program: parses argv, runs one subcommand, returns the exit code.
// `serve` says what the serve subcommand does in this program (cli/serve.hpp).
int run(int argc, char** argv, ServeAction serve);

}  // namespace contra::cli
