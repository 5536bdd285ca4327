// contra flags: list flags; contra show FLAG: one flag with its quotes in context.
#include "cli/commands.hpp"
#include "cli/flag_filters.hpp"
#include "engine/json_output.hpp"

#include <contra/inspect.hpp>
#include <contra/review.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

namespace contra::cli {

namespace {

struct FlagsOptions {
    std::string event, rule, severity, state, status;
    std::string format = "text";
    bool quotes = false;
};

struct ShowOptions {
    std::string id;
    std::string format = "text";
};

nlohmann::json claims_json(const FlagView& view)
{
    auto claims = nlohmann::json::array();
    for (const auto& claim : view.claims) {
        claims.push_back(detail::claim_to_json(claim.claim, &claim.source, &claim.document));
    }
    return claims;
}

std::string one_line(std::string_view text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

void print_claim(const Context& context, const ClaimView& view, std::string_view indent)
{
    const auto& claim = view.claim;
    context.print("{}{} ({}) {}: {}\n", indent, view.source.name, to_string(view.source.stake),
                  to_string(claim.polarity), claim.value.display());
    context.print("{}  \"{}\"\n", indent, one_line(claim.quote));
    auto where = view.document.path.empty() ? claim.document.substr(0, 12) : view.document.path;
    context.print("{}  {}{}, {}:{}:{}\n", indent, view.document.title.empty() ? "(untitled)" : view.document.title,
                  view.document.published.empty() ? "" : ", " + view.document.published, where,
                  claim.span.line, claim.span.column);
}

FlagFilter make_filter(const FlagsOptions& options)
{
    FlagFilter filter;
    if (!options.event.empty()) filter.event = options.event;
    if (!options.rule.empty()) filter.rule = options.rule;
    if (!options.severity.empty()) {
        filter.severity = parse_choice("--severity", options.severity, parse_severity, "info, warning, error");
    }
    filter.state = FlagState::active;
    if (options.state == "all") filter.state.reset();
    else if (!options.state.empty()) {
        filter.state = parse_choice("--state", options.state, parse_flag_state, "active, stale, all");
    }
    if (!options.status.empty() && options.status != "all" && options.status != "undecided") {
        filter.status = parse_choice("--status", options.status, parse_review_status,
                                     "open, confirmed, dismissed, needs-info, undecided, all");
    }
    return filter;
}

// Without --status, what still needs a decision: open and needs-info.
bool wanted(const FlagsOptions& options, ReviewStatus status)
{
    if (options.status.empty() || options.status == "undecided") return needs_decision(status);
    return true;
}

void print_none(const Context& context, const FlagsOptions& options)
{
    context.print("no flags{}\n", options.status.empty() ? " need a decision (--status all lists every one)" : "");
}

// The flags to list, most severe first, then by event, rule and id. The
// store gives them ordered by event, then id, so each severity's flags are
// taken in that order and only each event's few flags are sorted by rule:
// no sort of the whole list, and no Flag is moved.
template <class Wanted>
std::vector<const Flag*> listing_order(const std::vector<Flag>& flags, Wanted&& wanted)
{
    std::vector<const Flag*> order;
    order.reserve(flags.size());
    for (const Severity severity : {Severity::error, Severity::warning, Severity::info}) {
        for (const Flag& flag : flags) {
            if (flag.severity == severity && wanted(flag)) order.push_back(&flag);
        }
    }
    const auto listing_less = [](const Flag* a, const Flag* b) {
        if (a->severity != b->severity) return a->severity > b->severity;
        if (a->event != b->event) return a->event < b->event;
        if (a->rule != b->rule) return a->rule < b->rule;
        return a->id < b->id;
    };
    const auto other_run = [](const Flag* a, const Flag* b) {
        return a->severity != b->severity || a->event != b->event;
    };
    for (auto first = order.begin(); first != order.end();) {
        auto last = std::adjacent_find(first, order.end(), other_run);
        if (last != order.end()) ++last;
        std::sort(first, last, listing_less);
        first = last;
    }
    // Holds when the store keeps its documented order; if not, sort it all.
    if (!std::ranges::is_sorted(order, listing_less)) std::ranges::sort(order, listing_less);
    return order;
}

// One line of the listing: "ID  SEVERITY  STATUS  EVENT  RULE: MESSAGE",
// severity and status padded to 7 and 10 (both are ASCII words). Appended by
// hand: fmt's parsing of a format per line was a third of the listing's time.
// `rule_at`, when given, gets where the rule begins in `out`.
template <class AnyFlag>
void append_line(fmt::memory_buffer& out, const AnyFlag& flag, std::size_t* rule_at = nullptr)
{
    const auto append = [&](std::string_view text) { out.append(text.data(), text.data() + text.size()); };
    const auto padded = [&](std::string_view text, std::size_t width) {
        append(text);
        for (std::size_t i = text.size(); i < width; ++i) out.push_back(' ');
    };
    append(flag.id);
    append("  ");
    padded(to_string(flag.severity), 7);
    append("  ");
    padded(to_string(flag.status), 10);
    append("  ");
    append(flag.event);
    append("  ");
    if (rule_at != nullptr) *rule_at = out.size();
    append(flag.rule);
    append(": ");
    append(flag.message);
    out.push_back('\n');
}

// --event must name an event the store holds.
void require_event(const Store& store, const FlagsOptions& options)
{
    if (options.event.empty()) return;
    if (require(store.event(options.event))) return;
    std::string known;
    for (const auto& event : require(store.events())) known += (known.empty() ? "" : ", ") + event.id;
    throw Failure{Error{ErrorKind::bad_input,
                        fmt::format("no event '{}' in the store{}", options.event,
                                    known.empty() ? std::string() : "; events: " + known),
                        {}}};
}

// The plain listing, streamed: rows come ordered by event, then id, and each
// one's line is appended at once to its severity's text; the three texts are
// printed most severe first. Within a text, an event's lines must go by rule,
// then id: they came by id, so when they are not already in rule order they
// are put in it by a stable sort on the rule, and only that event's tail of
// the text is rewritten. No Flag is built and no field copied but into the
// output: 200,000 flags are one scan. Each text is kept as pieces of about
// a megabyte, a new piece begun between events, so that it is never copied
// to grow (the copies touched three times the memory the listing needs).
std::size_t print_listing(const Context& context, const Store& store, const FlagFilter& filter,
                          const FlagsOptions& options)
{
    constexpr std::size_t k_piece = std::size_t{1} << 20;
    std::array<fmt::memory_buffer, 3> texts;  // error, warning, info: the piece being written
    std::array<std::vector<std::string>, 3> pieces;  // the pieces written before it
    struct Placed {
        std::size_t start, rule, rule_end, end;  // offsets in its text
    };
    std::array<std::vector<Placed>, 3> placed;  // the current event's lines in each text
    std::string event;
    std::string tail;
    std::size_t listed = 0;
    const auto flush = [&] {
        for (std::size_t slot = 0; slot < texts.size(); ++slot) {
            auto& lines = placed[slot];
            auto& text = texts[slot];
            const auto rule_of = [](std::string_view in, std::size_t base, const Placed& line) {
                return in.substr(line.rule - base, line.rule_end - line.rule);
            };
            const std::string_view written(text.data(), text.size());
            const bool in_order = std::ranges::is_sorted(lines, [&](const Placed& a, const Placed& b) {
                return rule_of(written, 0, a) < rule_of(written, 0, b);
            });
            if (!in_order) {
                const std::size_t base = lines.front().start;
                tail.assign(written.substr(base));
                std::ranges::stable_sort(lines, [&](const Placed& a, const Placed& b) {
                    return rule_of(tail, base, a) < rule_of(tail, base, b);
                });
                text.resize(base);
                for (const Placed& line : lines) {
                    text.append(tail.data() + (line.start - base), tail.data() + (line.end - base));
                }
            }
            listed += lines.size();
            lines.clear();
            if (text.size() >= k_piece) {
                pieces[slot].emplace_back(text.data(), text.size());
                text.clear();
            }
        }
    };
    require(store.for_each_flag(filter, [&](const FlagRow& row) {
        if (!wanted(options, row.status)) return;
        if (row.event != event) {
            flush();
            event.assign(row.event);
        }
        const auto slot = static_cast<std::size_t>(Severity::error) - static_cast<std::size_t>(row.severity);
        auto& text = texts[slot];
        Placed line{text.size(), 0, 0, 0};
        append_line(text, row, &line.rule);
        line.rule_end = line.rule + row.rule.size();
        line.end = text.size();
        placed[slot].push_back(line);
    }));
    flush();
    for (std::size_t slot = 0; slot < texts.size(); ++slot) {
        for (const std::string& piece : pieces[slot]) context.print("{}", piece);
        context.print("{}", std::string_view(texts[slot].data(), texts[slot].size()));
    }
    return listed;
}

void list_flags(const Context& context, const FlagsOptions& options)
{
    auto filter = make_filter(options);
    auto store = context.open_store(OpenMode::read_only);
    require_event(store, options);
    if (options.format == "text" && !options.quotes) {
        if (print_listing(context, store, filter, options) == 0) print_none(context, options);
        return;
    }
    const auto all = require(store.flags(filter));
    const auto flags = listing_order(all, [&](const Flag& flag) { return wanted(options, flag.status); });

    if (options.format == "json") {
        auto out = nlohmann::json::array();
        for (const Flag* flag : flags) {
            auto view = require(inspect_flag(store, flag->id));
            out.push_back(detail::flag_to_json(view.flag, claims_json(view)));
        }
        context.print("{}\n", nlohmann::json{{"flags", std::move(out)}}.dump(2));
        return;
    }
    // --quotes: each flag's line, then its claims with their quotes.
    for (const Flag* flag : flags) {
        fmt::memory_buffer line;
        append_line(line, *flag);
        context.print("{}", std::string_view(line.data(), line.size()));
        auto view = require(inspect_flag(store, flag->id));
        for (const auto& claim : view.claims) print_claim(context, claim, "    ");
        context.print("\n");
    }
    if (flags.empty()) print_none(context, options);
}

void show_flag(const Context& context, const ShowOptions& options)
{
    auto store = context.open_store(OpenMode::read_only);
    auto view = require(inspect_flag(store, options.id));
    const auto& flag = view.flag;
    if (options.format == "json") {
        auto out = detail::flag_to_json(flag, claims_json(view));
        auto reviews = nlohmann::json::array();
        for (const auto& review : view.reviews) {
            reviews.push_back({{"seq", review.seq}, {"status", to_string(review.status)},
                               {"reviewer", review.reviewer}, {"note", review.note}, {"at", review.at}});
        }
        out["reviews"] = std::move(reviews);
        context.print("{}\n", out.dump(2));
        return;
    }
    context.print("{}  {} ({})\n", flag.id, flag.rule, flag.kind);
    context.print("  {} · {} · status {} · event {} · attribute {}\n", to_string(flag.severity),
                  to_string(flag.state), to_string(flag.status), flag.event, flag.attribute);
    context.print("  {}\n", flag.message);
    int n = 0;
    for (const auto& claim_view : view.claims) {
        const auto& claim = claim_view.claim;
        const auto& document = claim_view.document;
        context.print("\n  [{}] {} ({}), {}: {}\n", ++n, claim_view.source.name, to_string(claim_view.source.stake),
                      to_string(claim.polarity), claim.value.display());
        context.print("      …{}[{}]{}…\n", one_line(claim_view.before), one_line(claim.quote),
                      one_line(claim_view.after));
        context.print("      document: {}{}\n", document.title.empty() ? "(untitled)" : document.title,
                      document.published.empty() ? "" : " (" + document.published + ")");
        context.print("      at: {}:{}:{}, bytes {}–{}, sha256 {}\n",
                      document.path.empty() ? "(no path)" : document.path, claim.span.line, claim.span.column,
                      claim.span.start, claim.span.end, claim.document.substr(0, 12));
        context.print("      origin: {}\n", claim.origin);
    }
    context.print("\n  review history:{}\n", view.reviews.empty() ? " none" : "");
    for (const auto& review : view.reviews) {
        context.print("    {}  {:<10} by {}{}\n", review.at, to_string(review.status), review.reviewer,
                      review.note.empty() ? "" : ": " + review.note);
    }
}

}  // namespace

void register_flags(CLI::App& app, Context& context)
{
    auto options = std::make_shared<FlagsOptions>();
    auto* command = app.add_subcommand("flags", "List flags, most severe first");
    command->add_option("--event", options->event, "Only this event");
    command->add_option("--rule", options->rule, "Only this rule");
    command->add_option("--severity", options->severity, "Only this severity: info, warning, error");
    command->add_option("--state", options->state, "active (default), stale or all");
    command->add_option("--status", options->status,
                        "Only this review status: open, confirmed, dismissed, needs-info, or all "
                        "(default: undecided, i.e. open and needs-info)");
    command->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    command->add_flag("--quotes", options->quotes, "Print each flag's claims with their quotes and documents");
    command->callback([&context, options] { list_flags(context, *options); });
}

void register_show(CLI::App& app, Context& context)
{
    auto options = std::make_shared<ShowOptions>();
    auto* command = app.add_subcommand("show", "One flag with every quote in context and its review history");
    command->add_option("FLAG", options->id, "The flag id (F-…)")->required();
    command->add_option("--format", options->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    command->callback([&context, options] { show_flag(context, *options); });
}

}  // namespace contra::cli
