// contra verify: re-check every provenance pin and the store's integrity.
#include "cli/commands.hpp"

#include <contra/verify.hpp>

namespace contra::cli {

namespace {

constexpr int k_exit_problems = 1;

std::string plural(int n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

void verify(Context& context)
{
    const Store store = context.open_store(OpenMode::read_only);
    const VerifyReport report = require(verify_store(store));
    for (const auto& problem : report.problems) context.print("{}: {}\n", to_string(problem.kind), problem.message);
    const auto checked = fmt::format("{}, {}, {}, {}", plural(report.documents, "document", "documents"),
                                     plural(report.claims, "claim", "claims"), plural(report.flags, "flag", "flags"),
                                     plural(report.reviews, "review", "reviews"));
    if (report.ok()) {
        context.print("verified {}: no problems\n", checked);
        return;
    }
    context.print("checked {}: {}\n", checked,
                  plural(static_cast<int>(report.problems.size()), "problem", "problems"));
    context.exit_code = k_exit_problems;
}

}  // namespace

void register_verify(CLI::App& app, Context& context)
{
    auto* command = app.add_subcommand(
        "verify", "Re-check that documents hash to their ids, quotes hold their pins, flags link their claims, "
                  "and SQLite's integrity and foreign keys");
    command->callback([&context] { verify(context); });
}

}  // namespace contra::cli
