// contra run [--event ID]: evaluate the compare rules and record the flags.
#include "cli/commands.hpp"

#include <contra/engine.hpp>

#include <memory>

namespace contra::cli {

void register_run(CLI::App& app, Context& context)
{
    auto event = std::make_shared<std::string>();
    auto* command = app.add_subcommand("run", "Evaluate the compare rules; create, refresh or mark stale the flags");
    command->add_option("--event", *event, "Only this event");
    command->callback([&context, event] {
        auto store = context.open_store(OpenMode::existing);
        const auto rules = context.load_rules();
        std::optional<std::string_view> only;
        if (!event->empty()) only = *event;
        const auto stats = require(run_rules(store, rules, only, context.now()));
        context.print("run: {} events, {} claims, {} flags ({} new, {} refreshed, {} revived, {} stale)\n",
                      stats.events, stats.claims, stats.flags, stats.sync.created, stats.sync.refreshed,
                      stats.sync.revived, stats.sync.staled);
    });
}

}  // namespace contra::cli
