// What every subcommand shares: global options, the store and rules they
// resolve to, the clock, and where output goes.
#pragma once

#include <contra/error.hpp>
#include <contra/rule_set.hpp>
#include <contra/store.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace contra::cli {

// Thrown by a subcommand to stop with an error; caught once in run().
struct Failure {
    Error error;
};

// Unwraps an Expected or throws Failure.
template <class T>
T require(Expected<T> result)
{
    if (!result) throw Failure{std::move(result.error())};
    if constexpr (!std::is_void_v<T>) return std::move(*result);
}

struct ServeOptions;  // cli/serve.hpp
class Context;
// What `serve` does once its options are parsed (cli/serve.hpp).
using ServeAction = void (*)(const Context& context, const ServeOptions& options);

class Context {
public:
    // Global options, filled by CLI11 before any subcommand runs.
    std::string db_option;     // --db
    std::string rules_option;  // --rules
    std::string now_option;    // --now (hidden): the clock, for reproducible output

    int exit_code = 0;  // set by the subcommand that ran
    std::FILE* out = stdout;
    // The command line as main received it, and what `serve` does: contra
    // hands the command line over to contra-serve, which serves.
    char** argv = nullptr;
    ServeAction serve = nullptr;

    // The store path: --db, else CONTRA_DB, else `db` in the nearest
    // contra.toml up from the working directory, else ./contra.db.
    [[nodiscard]] std::string db_path() const;
    // The rules directory: --rules, else CONTRA_RULES, else `rules` in
    // contra.toml, else the rules/ the program was built with.
    [[nodiscard]] std::string rules_dir() const;
    // Opens the store; failures throw Failure.
    [[nodiscard]] Store open_store(OpenMode mode) const;
    [[nodiscard]] RuleSet load_rules() const;
    // The nearest contra.toml up from the working directory, if any.
    [[nodiscard]] std::optional<std::string> config_file() const;
    // ISO 8601 UTC: --now, else CONTRA_NOW, else the clock.
    [[nodiscard]] std::string now() const;
    // Colour only on a terminal and never with NO_COLOR.
    [[nodiscard]] bool color() const;

    // Writes `text` to `out` as it is: a whole report, not copied into a
    // format buffer first as print("{}", text) would.
    void write(std::string_view text) const;

    // Flushes the output and ends the process with `exit_code` at once, for
    // a command that is done and holds nothing that must be closed: no
    // destructor runs after it.
    [[noreturn]] void exit_now() const;

    // Prints to `out`.
    template <class... Args>
    void print(fmt::format_string<Args...> format, Args&&... args) const
    {
        fmt::print(out, format, std::forward<Args>(args)...);
    }
};

// Each subcommand lives in its own cmd_*.cpp and registers itself here.
using Registrar = void (*)(CLI::App& app, Context& context);

}  // namespace contra::cli
