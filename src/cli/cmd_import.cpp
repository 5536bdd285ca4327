// contra import FILE...: load curated accounts (TOML, or CSV beside a TOML).
#include "cli/commands.hpp"

#include <contra/accounts.hpp>

#include <memory>
#include <string>
#include <vector>

namespace contra::cli {

namespace {

std::string plural(int n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

void register_import(CLI::App& app, Context& context)
{
    auto* command = app.add_subcommand(
        "import", "Load curated accounts (TOML, or CSV of claims beside a TOML): events, sources, documents, claims");
    auto files = std::make_shared<std::vector<std::string>>();
    command->add_option("FILE", *files, "Accounts files (.toml or .csv)")->required();
    command->callback([&context, files] {
        const RuleSet rules = context.load_rules();
        const AccountsOptions options{&rules.attributes()};
        // Every file is loaded and checked before anything is written.
        std::vector<Accounts> loaded;
        for (const std::string& file : *files) loaded.push_back(require(load_accounts(file, options)));
        Store store = context.open_store(OpenMode::create);
        for (const Accounts& accounts : loaded) {
            const ImportStats stats = require(import_accounts(store, accounts));
            context.print("imported {}: {}, {}, {}, {} ({} new)\n", accounts.path,
                          plural(stats.events, "event", "events"), plural(stats.sources, "source", "sources"),
                          plural(stats.documents, "document", "documents"),
                          plural(stats.claims, "claim", "claims"), stats.new_claims);
        }
    });
}

}  // namespace contra::cli
