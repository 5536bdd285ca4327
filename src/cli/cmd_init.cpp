// contra init: create a store and a starter contra.toml.
#include "cli/commands.hpp"

#include <filesystem>
#include <fstream>

namespace contra::cli {

namespace {

constexpr std::string_view k_starter_config = R"(# contra configuration: paths are relative to this file.
db = "contra.db"
# rules = "rules"           # a rules folder of your own; default: the built-in rules
)";

}  // namespace

void register_init(CLI::App& app, Context& context)
{
    auto* command = app.add_subcommand("init", "Create a store (and a starter contra.toml)");
    command->callback([&context] {
        auto path = context.db_path();
        bool existed = std::filesystem::exists(path);
        auto store = context.open_store(OpenMode::create);
        context.print("{} store {}\n", existed ? "opened existing" : "created", store.path());
        if (!std::filesystem::exists("contra.toml")) {
            std::ofstream("contra.toml") << k_starter_config;
            context.print("wrote contra.toml\n");
        }
    });
}

}  // namespace contra::cli
