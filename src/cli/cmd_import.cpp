// contra import FILE...: load curated accounts (TOML, or CSV beside a TOML).
#include "cli/commands.hpp"
#include "util/heap.hpp"

#include <contra/accounts.hpp>
#include <contra/exchange.hpp>
#include <contra/text.hpp>

#include <algorithm>
#include <deque>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace contra::cli {

namespace {

std::string plural(int n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// What one file holds, loaded and checked, before anything is written.
struct Loaded {
    std::string path;
    std::optional<Accounts> accounts;  // .toml, .csv
    std::optional<Exchange> exchange;  // .jsonl, as `contra export` writes it
};

Loaded load(const std::string& path, const AccountsOptions& options)
{
    Loaded loaded{path, {}, {}};
    if (path.ends_with(".jsonl")) {
        const std::string text = require(read_text_file(path));
        loaded.exchange = require(parse_jsonl(text, path));
    } else {
        loaded.accounts = require(load_accounts(path, options));
    }
    return loaded;
}

}  // namespace

// Files are loaded (parsed, documents read, quotes pinned) on worker threads,
// at most this many ahead of the one being written, so loading overlaps
// writing and only a few files are in memory at once.
constexpr std::size_t k_files_ahead = 2;

void register_import(CLI::App& app, Context& context)
{
    auto* command = app.add_subcommand(
        "import", "Load curated accounts (TOML, or CSV of claims beside a TOML) or a `contra export` file (.jsonl)");
    auto files = std::make_shared<std::vector<std::string>>();
    command->add_option("FILE", *files, "Accounts files (.toml, .csv) or exports (.jsonl)")->required();
    command->callback([&context, files] {
        // A large import reads, parses and drops file after file of several
        // megabytes. By default glibc hands such blocks back to the kernel
        // when they are freed (mmap, trimming) and each next file faults
        // them in again, page by page: a quarter of the loaders' time.
        // Freed memory is kept for reuse instead, and the main heap, where
        // the store's page cache grows to 256 MiB, comes in huge pages:
        // 1,000,000 claims took 140,000 page faults, now 30,000.
        detail::back_heap_with_huge_pages(std::size_t{1} << 30);
        const RuleSet rules = context.load_rules();
        const AccountsOptions options{&rules.attributes()};
        std::deque<std::future<Loaded>> pending;
        std::size_t next = 0;
        const auto load_ahead = [&] {
            while (next < files->size() && pending.size() < k_files_ahead) {
                pending.push_back(std::async(std::launch::async, load, (*files)[next++], std::cref(options)));
            }
        };
        load_ahead();
        // The first file is checked before the store is opened: a bad file
        // given alone creates no store.
        pending.front().wait();
        Store store = context.open_store(OpenMode::create);
        // Every file in one transaction: a bad file, or a kill, anywhere
        // leaves the store as it was. Accounts files only write events,
        // sources, documents and claims: they load in bulk. An export also
        // brings flags and reviews, whose references SQLite must check.
        const bool exports = std::ranges::any_of(*files, [](const std::string& path) { return path.ends_with(".jsonl"); });
        auto transaction = require(exports ? store.begin() : store.begin_bulk_load());
        std::vector<std::string> lines;
        std::future<void> dropping;
        while (!pending.empty()) {
            Loaded item = pending.front().get();
            pending.pop_front();
            load_ahead();
            if (item.exchange) {
                const ExchangeStats stats = require(load_exchange(store, *item.exchange));
                lines.push_back(fmt::format("imported {}: {}, {}, {}, {} ({} new), {} ({} new), {} ({} new)\n",
                                            item.path, plural(stats.events, "event", "events"),
                                            plural(stats.sources, "source", "sources"),
                                            plural(stats.documents, "document", "documents"),
                                            plural(stats.claims, "claim", "claims"), stats.new_claims,
                                            plural(stats.flags, "flag", "flags"), stats.new_flags,
                                            plural(stats.reviews, "review", "reviews"), stats.new_reviews));
                continue;
            }
            const ImportStats stats = require(import_accounts(store, *item.accounts));
            lines.push_back(fmt::format("imported {}: {}, {}, {}, {} ({} new)\n", item.path,
                                        plural(stats.events, "event", "events"),
                                        plural(stats.sources, "source", "sources"),
                                        plural(stats.documents, "document", "documents"),
                                        plural(stats.claims, "claim", "claims"), stats.new_claims));
            // Freeing a written file's claims and documents (tens of
            // thousands of strings) is left to another thread: this one,
            // writing the store, is the import's slowest. The file is moved
            // out of the closure and dropped inside it: the closure itself
            // dies with the future's shared state, on this thread.
            dropping = std::async(std::launch::async, [written = std::move(item)]() mutable {
                const Loaded dropped = std::move(written);
            });
        }
        dropping = {};
        require(transaction.commit());
        for (const auto& line : lines) context.print("{}", line);
    });
}

}  // namespace contra::cli
