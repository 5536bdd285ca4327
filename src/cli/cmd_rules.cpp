// contra rules list | show ID | lint [DIR] | doc (hidden): the rules in force.
#include "cli/commands.hpp"
#include "rules/reference.hpp"

#include <contra/text.hpp>

#include <algorithm>
#include <memory>

namespace contra::cli {

namespace {

void list_rules(const Context& context)
{
    const auto rules = context.load_rules();
    const auto all = rules.all();
    std::size_t id_width = 2;
    std::size_t kind_width = 4;
    for (const RuleInfo* rule : all) {
        id_width = std::max(id_width, rule->id.size());
        kind_width = std::max(kind_width, rule->kind.size());
    }
    for (const RuleInfo* rule : all) {
        context.print("{:<{}}  {:<{}}  {:<7}  {}\n", rule->id, id_width, rule->kind, kind_width,
                      to_string(rule->severity), rule->summary);
    }
}

void show_rule(const Context& context, const std::string& id)
{
    const auto rules = context.load_rules();
    const RuleInfo* rule = rules.find(id);
    if (rule == nullptr) {
        std::string known;
        for (const RuleInfo* each : rules.all()) known += (known.empty() ? "" : ", ") + each->id;
        throw Failure{Error{ErrorKind::bad_input, fmt::format("unknown rule '{}'; known rules: {}", id, known), {}}};
    }
    context.print("{}\n", rule->id);
    context.print("  kind:     {} ({})\n", rule->kind, rule->family == RuleFamily::compare ? "compare" : "draft");
    context.print("  severity: {}\n", to_string(rule->severity));
    context.print("  file:     {}\n", rule->path);
    context.print("  message:  {}\n", rule->message);
    if (!rule->parameters.empty()) {
        context.print("  parameters:\n");
        for (const auto& [key, value] : rule->parameters) context.print("    {} = {}\n", key, value);
    }
    context.print("\nSummary: {}\n\nWhy:\n{}\n\nExample:\n{}\n", trim(rule->summary), trim(rule->why),
                  trim(rule->example));
}

void lint_rules(Context& context, const std::string& dir_option)
{
    const std::string dir = dir_option.empty() ? context.rules_dir() : dir_option;
    const auto problems = RuleSet::lint(dir);
    for (const auto& problem : problems) {
        std::string where = problem.where.file;
        if (problem.where.line > 0) where += fmt::format(":{}:{}", problem.where.line, problem.where.column);
        context.print("{}: error: {}\n", where, problem.message);
    }
    if (!problems.empty()) {
        context.exit_code = 2;
        return;
    }
    const auto rules = require(RuleSet::load(dir));
    context.print("{} rules OK\n", rules.all().size());
}

}  // namespace

void register_rules(CLI::App& app, Context& context)
{
    auto* command = app.add_subcommand("rules", "The rules in force: list, show one, lint a rules folder");
    command->require_subcommand(1);

    command->add_subcommand("list", "Every rule: id, kind, severity, summary")->callback([&context] {
        list_rules(context);
    });

    auto id = std::make_shared<std::string>();
    auto* show = command->add_subcommand("show", "One rule's documentation and parameters");
    show->add_option("ID", *id, "The rule id")->required();
    show->callback([&context, id] { show_rule(context, *id); });

    auto dir = std::make_shared<std::string>();
    auto* lint = command->add_subcommand("lint", "Check a rules folder; every problem as path:line:col");
    lint->add_option("DIR", *dir, "The rules folder (default: the rules in force)");
    lint->callback([&context, dir] { lint_rules(context, *dir); });

    // Prints docs/rules.md, the reference generated from the rule files.
    auto* doc = command->add_subcommand("doc", "Print the rules reference (Markdown)");
    doc->group("");
    doc->callback([&context] { context.print("{}", detail::rules_reference(context.load_rules())); });
}

}  // namespace contra::cli
