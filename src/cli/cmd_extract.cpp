// contra extract FILE: a dry run of extraction, printing the claims found.
#include "cli/commands.hpp"

#include "engine/json_output.hpp"

#include <contra/accounts.hpp>
#include <contra/extract.hpp>
#include <contra/hash.hpp>
#include <contra/text.hpp>

#include <filesystem>
#include <memory>

namespace contra::cli {

namespace {

struct ExtractArgs {
    std::string file;
    std::string event;
    std::string source;
    std::string accounts;
    std::string format = "text";
};

const Source* find_source(const std::vector<Source>& known, const std::vector<Source>& fresh, std::string_view id)
{
    for (const auto* list : {&known, &fresh}) {
        for (const Source& source : *list) {
            if (source.id == id) return &source;
        }
    }
    return nullptr;
}

void print_text(const Context& context, const Document& document, const std::vector<Claim>& claims)
{
    for (const Claim& claim : claims) {
        std::string qualifier = qualifier_key(claim.qualifier);
        if (!qualifier.empty()) qualifier = "{" + qualifier + "}";
        context.print("{}:{}:{}: {} {}{} = {} ({}) \"{}\" [{}]\n", document.path, claim.span.line,
                      claim.span.column, claim.source, claim.attribute, qualifier, claim.value.display(),
                      to_string(claim.polarity), claim.quote, claim.origin);
    }
    if (claims.empty()) context.print("{}: no claims found\n", document.path);
}

}  // namespace

void register_extract(CLI::App& app, Context& context)
{
    auto* command = app.add_subcommand("extract", "Print the claims found in a text or Markdown file; stores nothing");
    auto args = std::make_shared<ExtractArgs>();
    command->add_option("FILE", args->file, "A plain-text or Markdown file")->required();
    command->add_option("--event", args->event, "The event the claims are about");
    command->add_option("--source", args->source, "The whole file is this source's statement");
    command->add_option("--accounts", args->accounts,
                        "An accounts file whose sources and aliases take priority over new ones");
    command->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    command->callback([&context, args] {
        const RuleSet rules = context.load_rules();
        const Extractor extractor = require(Extractor::load(rules));
        Document document;
        document.text = require(read_text_file(args->file));
        document.sha256 = sha256_hex(document.text);
        document.path = args->file;
        document.title = std::filesystem::path(args->file).stem().string();

        ExtractOptions options;
        options.event = args->event;
        if (!args->accounts.empty()) {
            const AccountsOptions accounts_options{&rules.attributes()};
            options.known_sources = require(load_accounts(args->accounts, accounts_options)).sources;
        }
        if (!args->source.empty()) options.speaker = args->source;
        options.publication = "publication";
        const Extraction extraction = require(extractor.extract(document, options));

        if (args->format == "json") {
            nlohmann::json claims = nlohmann::json::array();
            for (const Claim& claim : extraction.claims) {
                const Source* source = find_source(options.known_sources, extraction.new_sources, claim.source);
                claims.push_back(detail::claim_to_json(claim, source, &document));
            }
            nlohmann::json out{{"document",
                                {{"sha256", document.sha256},
                                 {"title", document.title},
                                 {"path", document.path},
                                 {"published", document.published}}},
                               {"claims", std::move(claims)}};
            context.print("{}\n", out.dump(2));
            return;
        }
        print_text(context, document, extraction.claims);
    });
}

}  // namespace contra::cli
