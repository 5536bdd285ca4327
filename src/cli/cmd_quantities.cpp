// contra quantities [TEXT]: every quantity expression in the text (or in each
// line of standard input) with the interval it stands for.
#include "cli/commands.hpp"

#include <contra/quantity.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

namespace contra::cli {

namespace {

struct QuantitiesOptions {
    std::optional<std::string> text;
    std::string format = "text";
};

bool whole(double value) { return std::isfinite(value) && value == std::floor(value) && std::abs(value) < 9e15; }

std::string number_text(double value)
{
    if (whole(value)) return fmt::format("{}", static_cast<long long>(value));
    return fmt::format("{}", value);
}

nlohmann::json number_json(double value)
{
    if (!std::isfinite(value)) return nullptr;
    if (whole(value)) return static_cast<long long>(value);
    return value;
}

// "[101, open)", "[24, 99]", "(open, -30]"
std::string interval_text(const Quantity& quantity)
{
    std::string lo = std::isfinite(quantity.lo) ? "[" + number_text(quantity.lo) : std::string("(open");
    std::string hi = quantity.hi ? number_text(*quantity.hi) + "]" : std::string("open)");
    return lo + ", " + hi;
}

// One input line as a JSON object: {"line": N, "quantities": [...]}.
std::string line_json(const QuantityParser& parser, std::string_view line, std::size_t number)
{
    auto quantities = nlohmann::json::array();
    for (const auto& quantity : parser.find(line)) {
        quantities.push_back({{"text", quantity.text},
                              {"start", quantity.start},
                              {"end", quantity.end},
                              {"lo", number_json(quantity.lo)},
                              {"hi", quantity.hi ? number_json(*quantity.hi) : nlohmann::json(nullptr)},
                              {"kind", std::string(to_string(quantity.kind))},
                              {"vague", quantity.vague}});
    }
    nlohmann::json object = {{"line", number}, {"quantities", std::move(quantities)}};
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_text(const Context& context, const QuantityParser& parser, std::string_view line, std::string_view prefix)
{
    for (const auto& quantity : parser.find(line)) {
        context.print("{}{}\t{}\t{}{}\n", prefix, quantity.text, interval_text(quantity), to_string(quantity.kind),
                      quantity.vague ? "\tvague" : "");
    }
}

// Calls `each` with every line of standard input (without its line ending).
template <class Each>
void for_each_stdin_line(Each each)
{
    std::string line;
    std::size_t number = 0;
    int c = 0;
    bool pending = false;
    while ((c = std::getc(stdin)) != EOF) {
        pending = true;
        if (c == '\n') {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            each(line, ++number);
            line.clear();
            pending = false;
            continue;
        }
        line += static_cast<char>(c);
    }
    if (pending) each(line, ++number);
}

}  // namespace

void register_quantities(CLI::App& app, Context& context)
{
    auto options = std::make_shared<QuantitiesOptions>();
    auto* command = app.add_subcommand("quantities", "Print each quantity expression found, with its interval");
    command->add_option("TEXT", options->text, "Text to search (default: each line of standard input)");
    command->add_option("--format", options->format, "Output format")->check(CLI::IsMember({"text", "jsonl"}));
    command->footer(
        "Text format: one line per quantity, `wording<TAB>interval<TAB>kind[<TAB>vague]`, the interval\n"
        "closed, `open)` when it has no upper end; lines read from standard input are prefixed by\n"
        "their line number and a tab. jsonl: one {\"line\": N, \"quantities\": [...]} object per input line.");
    command->callback([&context, options] {
        auto parser = require(QuantityParser::load(context.rules_dir() + "/lexicon/quantities.toml"));
        bool jsonl = options->format == "jsonl";
        if (options->text) {
            if (jsonl) context.print("{}\n", line_json(parser, *options->text, 1));
            else print_text(context, parser, *options->text, "");
            return;
        }
        for_each_stdin_line([&](std::string_view line, std::size_t number) {
            if (jsonl) context.print("{}\n", line_json(parser, line, number));
            else print_text(context, parser, line, fmt::format("{}\t", number));
        });
    });
}

}  // namespace contra::cli
