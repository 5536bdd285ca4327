// contra export [--output FILE] [--event ID]: the store as JSON Lines.
#include "cli/commands.hpp"

#include <contra/exchange.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace contra::cli {

namespace {

struct ExportOptions {
    std::string output;  // empty or "-": stdout
    std::string event;
};

// Writes `text` to a temporary file beside `path`, then renames it over
// `path`: a reader never sees half an export, and a failure leaves `path`
// as it was.
Expected<void> write_whole_file(const std::string& path, std::string_view text)
{
    const std::string temporary = path + ".part";
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (file == nullptr) {
        return bad_input(fmt::format("cannot write {}: {}", path, std::strerror(errno)), Location{path, 0, 0, {}});
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const bool closed = std::fclose(file) == 0;
    std::error_code ec;
    if (!written || !closed) {
        std::filesystem::remove(temporary, ec);
        return bad_input(fmt::format("cannot write {}: {}", path, std::strerror(errno)), Location{path, 0, 0, {}});
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        return bad_input(fmt::format("cannot write {}: {}", path, ec.message()), Location{path, 0, 0, {}});
    }
    return {};
}

void export_store(const Context& context, const ExportOptions& options)
{
    const Store store = context.open_store(OpenMode::read_only);
    std::optional<std::string_view> event;
    if (!options.event.empty()) event = options.event;
    const Exchange exchange = require(dump_store(store, event));
    const std::string text = to_jsonl(exchange);
    if (options.output.empty() || options.output == "-") {
        context.write(text);
        return;
    }
    require(write_whole_file(options.output, text));
    fmt::print(stderr, "exported {} events, {} claims, {} flags, {} reviews to {}\n", exchange.events.size(),
               exchange.claims.size(), exchange.flags.size(), exchange.reviews.size(), options.output);
}

}  // namespace

void register_export(CLI::App& app, Context& context)
{
    auto options = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand(
        "export", "Write the whole store (events, sources, documents, claims, flags, reviews) as JSON Lines, "
                  "which `contra import` reads back");
    command->add_option("-o,--output", options->output, "The file to write (default: standard output)");
    command->add_option("--event", options->event, "Only this event, with the sources and documents it uses");
    command->callback([&context, options] { export_store(context, *options); });
}

}  // namespace contra::cli
