// contra report --event ID: the editor's discrepancy summary of one event.
#include "cli/commands.hpp"

#include <contra/report.hpp>

#include <toml++/toml.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

namespace contra::cli {

namespace {

struct ReportCommandOptions {
    std::string event;
    std::string format = "md";
    std::string output;
    std::string generated_at;
};

// The [publisher] table of the nearest contra.toml, as plain data.
Publisher read_publisher(const Context& context)
{
    Publisher publisher;
    auto config = context.config_file();
    if (!config) return publisher;
    toml::table table;
    try {
        table = toml::parse_file(*config);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        throw Failure{Error{ErrorKind::bad_input, std::string(e.description()),
                            Location{*config, static_cast<int>(begin.line), static_cast<int>(begin.column), {}}}};
    }
    publisher.name = table["publisher"]["name"].value_or(std::string());
    publisher.url = table["publisher"]["url"].value_or(std::string());
    return publisher;
}

void write_output(const std::string& path, const std::string& text)
{
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) {
        throw Failure{Error{ErrorKind::bad_input, fmt::format("cannot write the report: {}", std::strerror(errno)),
                            Location{path, 0, 0, {}}}};
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const int saved = errno;
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed) {
        throw Failure{Error{ErrorKind::bad_input,
                            fmt::format("cannot write the report: {}", std::strerror(written ? errno : saved)),
                            Location{path, 0, 0, {}}}};
    }
}

void make_report(const Context& context, const ReportCommandOptions& options)
{
    const auto format = parse_report_format(options.format);
    if (!format) throw Failure{Error{ErrorKind::usage, fmt::format("--format: unknown value '{}'", options.format), {}}};
    ReportOptions report_options;
    report_options.generated_at = options.generated_at;
    if (*format == ReportFormat::claimreview) report_options.publisher = read_publisher(context);
    auto store = context.open_store(OpenMode::read_only);
    const auto report = require(build_report(store, options.event, report_options));
    const auto text = require(render_report(report, *format));
    if (options.output.empty() || options.output == "-") {
        context.write(text);
    } else {
        write_output(options.output, text);
    }
}

}  // namespace

void register_report(CLI::App& app, Context& context)
{
    auto options = std::make_shared<ReportCommandOptions>();
    auto* command = app.add_subcommand("report", "The editor's discrepancy summary of one event");
    command->add_option("--event", options->event, "The event id")->required();
    command->add_option("--format", options->format, "md (default), html, json, claimreview or csv")
        ->check(CLI::IsMember({"md", "html", "json", "claimreview", "csv"}));
    command->add_option("-o,--output", options->output, "Write the report to this file (default: standard output)");
    command->add_option("--generated-at", options->generated_at,
                        "The generation time to print, ISO 8601 (left out when not given)");
    command->callback([&context, options] { make_report(context, *options); });
}

}  // namespace contra::cli
