// contra import FILE...: load curated accounts (TOML, or CSV beside a TOML).
#include "cli/commands.hpp"

#include <contra/accounts.hpp>
#include <contra/exchange.hpp>
#include <contra/text.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace contra::cli {

namespace {

std::string plural(int n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// What one file holds, loaded and checked, before anything is written.
struct Loaded {
    std::string path;
    std::optional<Accounts> accounts;  // .toml, .csv
    std::optional<Exchange> exchange;  // .jsonl, as `contra export` writes it
};

Loaded load(const std::string& path, const AccountsOptions& options)
{
    Loaded loaded{path, {}, {}};
    if (path.ends_with(".jsonl")) {
        const std::string text = require(read_text_file(path));
        loaded.exchange = require(parse_jsonl(text, path));
    } else {
        loaded.accounts = require(load_accounts(path, options));
    }
    return loaded;
}

}  // namespace

void register_import(CLI::App& app, Context& context)
{
    auto* command = app.add_subcommand(
        "import", "Load curated accounts (TOML, or CSV of claims beside a TOML) or a `contra export` file (.jsonl)");
    auto files = std::make_shared<std::vector<std::string>>();
    command->add_option("FILE", *files, "Accounts files (.toml, .csv) or exports (.jsonl)")->required();
    command->callback([&context, files] {
        const RuleSet rules = context.load_rules();
        const AccountsOptions options{&rules.attributes()};
        // Every file is loaded and checked before anything is written.
        std::vector<Loaded> loaded;
        for (const std::string& file : *files) loaded.push_back(load(file, options));
        Store store = context.open_store(OpenMode::create);
        for (const Loaded& item : loaded) {
            if (item.exchange) {
                const ExchangeStats stats = require(load_exchange(store, *item.exchange));
                context.print("imported {}: {}, {}, {}, {} ({} new), {} ({} new), {} ({} new)\n", item.path,
                              plural(stats.events, "event", "events"), plural(stats.sources, "source", "sources"),
                              plural(stats.documents, "document", "documents"),
                              plural(stats.claims, "claim", "claims"), stats.new_claims,
                              plural(stats.flags, "flag", "flags"), stats.new_flags,
                              plural(stats.reviews, "review", "reviews"), stats.new_reviews);
                continue;
            }
            const ImportStats stats = require(import_accounts(store, *item.accounts));
            context.print("imported {}: {}, {}, {}, {} ({} new)\n", item.path,
                          plural(stats.events, "event", "events"), plural(stats.sources, "source", "sources"),
                          plural(stats.documents, "document", "documents"),
                          plural(stats.claims, "claim", "claims"), stats.new_claims);
        }
    });
}

}  // namespace contra::cli
