// Recording review decisions: validation, the reviewer default, note policy.
#include <contra/inspect.hpp>
#include <contra/review.hpp>
#include <contra/text.hpp>

#include <fmt/core.h>
#include <pwd.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <cstdlib>

namespace contra {

namespace {

std::optional<std::string> env(const char* name)
{
    const char* value = std::getenv(name);
    if (value == nullptr || trim(value).empty()) return std::nullopt;
    return std::string(trim(value));
}

Location location_of(const toml::source_region& region, const std::string& file)
{
    return Location{file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column), {}};
}

}  // namespace

Expected<ReviewPolicy> load_review_policy(const std::string& config_path)
{
    toml::table table;
    try {
        table = toml::parse_file(config_path);
    } catch (const toml::parse_error& error) {
        return bad_input(std::string(error.description()), location_of(error.source(), config_path));
    }
    ReviewPolicy policy;
    const toml::node* section = table.get("review");
    if (section == nullptr) return policy;
    const toml::table* review = section->as_table();
    if (review == nullptr) {
        return bad_input("[review] must be a table", location_of(section->source(), config_path));
    }
    for (auto&& [key, node] : *review) {
        if (key.str() != "require_note") {
            return bad_input(fmt::format("unknown key '{}' in [review]; valid keys: require_note", key.str()),
                             location_of(key.source(), config_path));
        }
        const auto value = node.value<bool>();
        if (!node.is_boolean() || !value) {
            return bad_input("review.require_note must be true or false", location_of(node.source(), config_path));
        }
        policy.require_note = *value;
    }
    return policy;
}

std::string default_reviewer()
{
    if (auto user = env("CONTRA_USER")) return *user;
    if (auto login = env("LOGNAME")) return *login;
    if (auto user = env("USER")) return *user;
    if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr && entry->pw_name != nullptr) {
        return entry->pw_name;
    }
    return {};
}

bool needs_decision(ReviewStatus status)
{
    return status == ReviewStatus::open || status == ReviewStatus::needs_info;
}

Expected<Review> record_review(Store& store, const ReviewRequest& request, const ReviewPolicy& policy)
{
    auto flag = store.flag(request.flag);
    if (!flag) return std::unexpected(flag.error());
    if (!*flag) {
        // inspect_flag words the error and names the closest ids.
        auto view = inspect_flag(store, request.flag);
        if (!view) return std::unexpected(view.error());
        return bad_input(fmt::format("no flag {}", request.flag));
    }
    const std::string reviewer(trim(request.reviewer.empty() ? default_reviewer() : request.reviewer));
    if (reviewer.empty()) {
        return bad_input("no reviewer: name one with --by NAME or set CONTRA_USER");
    }
    const std::string note(trim(request.note));
    if (policy.require_note && note.empty()) {
        return bad_input(fmt::format("flag {}: a note is required (contra.toml [review] require_note = true); "
                                     "say why with --note TEXT",
                                     request.flag));
    }
    if (auto valid = validate_utf8(note, "--note"); !valid) return std::unexpected(valid.error());
    if (request.at.empty()) return internal_error("a review needs its time");
    Review review;
    review.flag = request.flag;
    review.status = request.status;
    review.reviewer = reviewer;
    review.note = note;
    review.at = request.at;
    return store.append_review(review);
}

}  // namespace contra
