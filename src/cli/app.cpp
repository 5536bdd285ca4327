// The program: one CLI11 app, one subcommand per registrar, one catch.
#include "cli/commands.hpp"

#include <fmt/core.h>

#include <exception>

namespace contra::cli {

namespace {

constexpr int k_exit_bad_input = 2;
constexpr int k_exit_internal = 3;

int exit_code_for(const Error& error)
{
    return error.kind == ErrorKind::internal ? k_exit_internal : k_exit_bad_input;
}

}  // namespace

int run(int argc, char** argv, ServeAction serve)
{
    Context context;
    context.argv = argv;
    context.serve = serve;
    CLI::App app{"contra: a fact-check discrepancy tracker", "contra"};
    app.set_version_flag("--version", std::string("contra ") + CONTRA_VERSION);
    app.require_subcommand(1);
    app.fallthrough();  // global options are accepted after the subcommand too
    app.option_defaults()->always_capture_default(false);
    app.add_option("--db", context.db_option, "The store file (else CONTRA_DB, contra.toml, ./contra.db)");
    app.add_option("--rules", context.rules_option, "The rules folder (else CONTRA_RULES, contra.toml, the built-in rules)");
    app.add_option("--now", context.now_option, "The time to record, ISO 8601 (for reproducible runs)")
        ->group("");

    for (auto registrar : registrars()) registrar(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return k_exit_bad_input;
    } catch (const Failure& failure) {
        fmt::print(stderr, "contra: error: {}\n", failure.error.describe());
        return exit_code_for(failure.error);
    } catch (const std::exception& e) {
        fmt::print(stderr, "contra: internal error: {}\n", e.what());
        return k_exit_internal;
    }
    return context.exit_code;
}

}  // namespace contra::cli
