// contra review FLAG STATUS [--note TEXT] [--by NAME]: record a decision.
#include "cli/commands.hpp"
#include "cli/flag_filters.hpp"

#include <contra/review.hpp>

#include <memory>

namespace contra::cli {

namespace {

struct ReviewOptions {
    std::string flag;
    std::string status;
    std::string note;
    std::string by;
};

void review_flag(const Context& context, const ReviewOptions& options)
{
    const auto status = parse_choice("STATUS", options.status, parse_review_status,
                                     "confirmed, dismissed, needs-info, open");
    ReviewPolicy policy;
    if (auto config = context.config_file()) policy = require(load_review_policy(*config));
    Store store = context.open_store(OpenMode::existing);
    const ReviewRequest request{options.flag, status, options.by, options.note, context.now()};
    const Review review = require(record_review(store, request, policy));
    context.print("{}: {} by {} at {}{}\n", review.flag, to_string(review.status), review.reviewer, review.at,
                  review.note.empty() ? "" : ": " + review.note);
}

}  // namespace

void register_review(CLI::App& app, Context& context)
{
    auto options = std::make_shared<ReviewOptions>();
    auto* command = app.add_subcommand(
        "review", "Record a decision on a flag: confirmed, dismissed, needs-info, or open (reopen)");
    command->add_option("FLAG", options->flag, "The flag id (F-…)")->required();
    command->add_option("STATUS", options->status, "confirmed, dismissed, needs-info or open")->required();
    command->add_option("--note", options->note, "Why (required when contra.toml sets [review] require_note)");
    command->add_option("--by", options->by, "The reviewer (else CONTRA_USER, else the login name)");
    command->callback([&context, options] { review_flag(context, *options); });
}

}  // namespace contra::cli
