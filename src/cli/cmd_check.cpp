// contra check DRAFT...: check drafts against the accounts of their events,
// for a newsroom's CI.
#include "cli/commands.hpp"
#include "util/heap.hpp"

#include <contra/check.hpp>
#include <contra/check_output.hpp>
#include <contra/draft_rule.hpp>
#include <contra/draft.hpp>
#include <contra/extract.hpp>
#include <contra/text.hpp>

#include <toml++/toml.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace contra::cli {

namespace {

namespace fs = std::filesystem;

struct CheckCommandOptions {
    std::vector<std::string> drafts;
    std::string accounts;
    std::string event;
    std::string format = "text";
    std::string fail_on = "error";
    std::string output;
};

// A path-valued setting of contra.toml for the check: the [check] table
// (`in_check`) or the top level; relative to the file's folder.
std::optional<std::string> check_setting(const Context& context, std::string_view key, bool in_check)
{
    auto config = context.config_file();
    if (!config) return std::nullopt;
    toml::table table;
    try {
        table = toml::parse_file(*config);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        throw Failure{Error{ErrorKind::bad_input, std::string(e.description()),
                            Location{*config, static_cast<int>(begin.line), static_cast<int>(begin.column), {}}}};
    }
    auto value = in_check ? table["check"][key].value<std::string>() : table[key].value<std::string>();
    if (!value) return std::nullopt;
    fs::path path(*value);
    if (path.is_relative()) path = fs::path(*config).parent_path() / path;
    return path.lexically_normal().string();
}

// The store to check against: --accounts, else --db or CONTRA_DB, else
// contra.toml ([check] accounts, [check] db, then accounts and db at the
// top level), else ./contra.db.
Store open_check_store(const Context& context, const CheckCommandOptions& options, const RuleSet& rules)
{
    if (!options.accounts.empty()) return require(store_from_accounts(options.accounts, rules, context.now()));
    const char* env_db = std::getenv("CONTRA_DB");
    if (context.db_option.empty() && (env_db == nullptr || *env_db == '\0')) {
        if (auto accounts = check_setting(context, "accounts", true)) {
            return require(store_from_accounts(*accounts, rules, context.now()));
        }
        if (auto db = check_setting(context, "db", true)) return require(Store::open(*db, OpenMode::read_only));
        if (auto accounts = check_setting(context, "accounts", false)) {
            return require(store_from_accounts(*accounts, rules, context.now()));
        }
    }
    return context.open_store(OpenMode::read_only);
}

void write_output(const std::string& path, const std::string& text)
{
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) {
        throw Failure{Error{ErrorKind::bad_input, fmt::format("cannot write the report: {}", std::strerror(errno)),
                            Location{path, 0, 0, {}}}};
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
        throw Failure{Error{ErrorKind::bad_input, "cannot write the report", Location{path, 0, 0, {}}}};
    }
}

void run_check(Context& context, const CheckCommandOptions& options)
{
    // Checking 100 drafts of 2,000 words fills about 25 MB of memory (claims,
    // findings, the report): in huge pages that is far fewer page faults,
    // which on this virtual machine cost a third of the processor time.
    detail::back_heap_with_huge_pages(std::size_t{256} << 20);
    const auto fail_on = parse_severity(options.fail_on);
    if (!fail_on) throw Failure{Error{ErrorKind::usage, fmt::format("--fail-on: unknown level '{}'", options.fail_on), {}}};
    // The drafts are read on a worker thread while this one loads the rules
    // and the extractor, then on both; a bad rules folder is still the
    // first error told.
    std::optional<RuleSet> loaded_rules;
    std::optional<Extractor> loaded_extractor;
    std::exception_ptr loading_failed;
    auto read = read_drafts(options.drafts, [&] {
        try {
            loaded_rules.emplace(context.load_rules());
            loaded_extractor.emplace(require(Extractor::load(*loaded_rules)));
        } catch (...) {
            loading_failed = std::current_exception();
        }
    });
    if (loading_failed) std::rethrow_exception(loading_failed);
    const RuleSet& rules = *loaded_rules;
    const Extractor& extractor = *loaded_extractor;
    if (!read) throw Failure{std::move(read.error())};
    const std::vector<Draft>& drafts = *read;
    Store store = open_check_store(context, options, rules);
    CheckOptions check_options;
    if (!options.event.empty()) check_options.event = options.event;
    const CheckReport report = require(check_drafts(store, rules, extractor, drafts, check_options));

    const auto format = parse_check_format(options.format);
    if (!format) throw Failure{Error{ErrorKind::usage, fmt::format("--format: unknown value '{}'", options.format), {}}};
    std::vector<RuleInfo> described;
    for (const auto& rule : rules.draft_rules()) described.push_back(rule->info());
    RenderOptions render_options;
    render_options.tool_version = CONTRA_VERSION;
    render_options.fail_on = *fail_on;
    const std::string text = render_check(report, *format, described, render_options);
    if (options.output.empty() || options.output == "-") {
        context.write(text);
    } else {
        write_output(options.output, text);
    }
    context.exit_code = check_fails(report, *fail_on) ? 1 : 0;
    // The report is out: the process ends here rather than free the drafts,
    // their claims and the findings piece by piece, which took about 7% of
    // the wall time of checking 100 drafts; the system takes the memory
    // back at once, and the store was opened read-only (or in memory).
    // Sanitizer builds tear down as usual, for the leak checker.
#if !defined(__SANITIZE_ADDRESS__)
    context.exit_now();
#endif
}

}  // namespace

void register_check(CLI::App& app, Context& context)
{
    auto options = std::make_shared<CheckCommandOptions>();
    auto* command = app.add_subcommand("check", "Check drafts against the disputed points of their events");
    command->add_option("drafts", options->drafts, "Draft files (Markdown or plain text)")->required();
    command->add_option("--accounts", options->accounts,
                        "Build the store in memory from every accounts.toml under this folder");
    command->add_option("--event", options->event, "The event every draft is about (else front matter, else named)");
    command->add_option("--format", options->format, "text (default), json, sarif, junit or github")
        ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github"}));
    command->add_option("--fail-on", options->fail_on, "Exit 1 on findings at or above: error (default), warning, info")
        ->check(CLI::IsMember({"error", "warning", "info"}));
    command->add_option("-o,--output", options->output, "Write the report to this file (the exit code is kept)");
    command->callback([&context, options] { run_check(context, *options); });
}

}  // namespace contra::cli
