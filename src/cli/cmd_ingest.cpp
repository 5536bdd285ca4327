// contra ingest FILE... --event ID: store documents and the claims extracted from them.
#include "cli/commands.hpp"

#include "extract/sources.hpp"

#include <contra/extract.hpp>
#include <contra/hash.hpp>
#include <contra/text.hpp>

#include <filesystem>
#include <memory>

namespace contra::cli {

namespace {

struct IngestArgs {
    std::vector<std::string> files;
    std::string event;
    std::string source;
    std::string title;
    std::string url;
    std::string published;
    std::string publisher;
};

const Source* source_named(const std::vector<Source>& sources, std::string_view name)
{
    const std::string key = fold(name);
    for (const Source& source : sources) {
        if (source.id == name || fold(source.name) == key) return &source;
        for (const auto& alias : source.aliases) {
            if (fold(alias) == key) return &source;
        }
    }
    return nullptr;
}

// The source of the document's own voice: --source, else the publisher (a
// known source of that name, else a new one), else "publication".
Source document_voice(const IngestArgs& args, const std::vector<Source>& known)
{
    if (!args.source.empty()) {
        if (const Source* found = source_named(known, args.source)) return *found;
        return Source{args.source, args.source, "unknown", Stake::unknown, {}};
    }
    if (!args.publisher.empty()) {
        if (const Source* found = source_named(known, args.publisher)) return *found;
        return Source{detail::extraction::slug(args.publisher), args.publisher, "publication", Stake::unknown, {}};
    }
    if (const Source* found = source_named(known, "publication")) return *found;
    return Source{"publication", "The publication", "publication", Stake::unknown, {}};
}

bool known_id(const std::vector<Source>& sources, std::string_view id)
{
    return std::ranges::any_of(sources, [&](const Source& source) { return source.id == id; });
}

}  // namespace

void register_ingest(CLI::App& app, Context& context)
{
    auto* command = app.add_subcommand(
        "ingest", "Store documents (idempotent by content hash) and the claims extracted from them");
    auto args = std::make_shared<IngestArgs>();
    command->add_option("FILE", args->files, "Plain-text or Markdown files")->required();
    command->add_option("--event", args->event, "The event the documents are about (created if new)")->required();
    command->add_option("--source", args->source, "The whole document is this source's statement");
    command->add_option("--title", args->title, "The document's title (default: the file name)");
    command->add_option("--url", args->url, "Where the document was published");
    command->add_option("--published", args->published, "Publication date, YYYY-MM-DD");
    command->add_option("--publisher", args->publisher, "Who published it; its voice is this source's");
    command->callback([&context, args] {
        const RuleSet rules = context.load_rules();
        const Extractor extractor = require(Extractor::load(rules));
        // Every file is read and checked before anything is written.
        std::vector<Document> documents;
        for (const std::string& file : args->files) {
            Document document;
            document.text = require(read_text_file(file));
            document.sha256 = sha256_hex(document.text);
            document.path = file;
            document.title = args->title.empty() ? std::filesystem::path(file).stem().string() : args->title;
            document.url = args->url;
            document.published = args->published;
            document.publisher = args->publisher;
            documents.push_back(std::move(document));
        }

        Store store = context.open_store(OpenMode::create);
        std::vector<Source> known = require(store.sources());
        const Source voice = document_voice(*args, known);
        auto transaction = require(store.begin());
        const std::optional<Event> stored = require(store.event(args->event));
        if (!stored) require(store.put_event(Event{args->event, args->event, {}, {}, {}}));
        if (!known_id(known, voice.id)) {
            require(store.put_source(voice));
            known.push_back(voice);
        }
        for (const Document& document : documents) {
            ExtractOptions options;
            options.event = args->event;
            options.known_sources = known;
            if (!args->source.empty()) options.speaker = voice.id;
            options.publication = voice.id;
            if (stored) options.event_date = stored->date;
            const Extraction extraction = require(extractor.extract(document, options));
            for (const Source& source : extraction.new_sources) {
                if (known_id(known, source.id)) continue;
                require(store.put_source(source));
                known.push_back(source);
            }
            const bool new_document = require(store.put_document(document));
            const int new_claims = require(store.put_claims(extraction.claims));
            context.print("ingested {}: {} claim{} ({} new){}\n", document.path, extraction.claims.size(),
                          extraction.claims.size() == 1 ? "" : "s", new_claims,
                          new_document ? "" : ", document already stored");
        }
        require(transaction.commit());
    });
}

}  // namespace contra::cli
