// Extraction throughput: streams a corpus written by contra-bench-news (documents
// separated by a marker line), runs the Extractor on each document and reports
// megabytes per second and claims found. Only one document is held in memory at
// a time, so memory does not grow with the corpus.
//
//   contra-bench-extract CORPUS [RULES_DIR] [--quantities] [--claims OUT]
//
// --quantities times the quantity parser alone (QuantityParser::find on each
// document) instead of the whole extraction. --claims writes every claim and
// new source, one per line, to OUT (outside the timing), so two builds can be
// compared byte for byte.
#include <contra/document.hpp>
#include <contra/extract.hpp>
#include <contra/quantity.hpp>
#include <contra/rule_set.hpp>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

namespace {

constexpr std::string_view k_marker = "%%% contra-document %%%";

struct Totals {
    long long bytes = 0;
    long documents = 0;
    long long found = 0;  // claims, or quantities with --quantities
    double busy_seconds = 0;  // processor time spent in the library, reading excluded
};

// Processor time of this process: on a shared machine, wall time also counts
// the time other programs held the core.
double cpu_seconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Calls `each` with every document of the corpus, read line by line.
template <class Each>
bool for_each_document(const char* path, Each each)
{
    std::FILE* in = std::fopen(path, "rb");
    if (in == nullptr) return false;
    std::string text;
    char* line = nullptr;
    std::size_t capacity = 0;
    ssize_t length = 0;
    while ((length = ::getline(&line, &capacity, in)) >= 0) {
        std::string_view view(line, static_cast<std::size_t>(length));
        std::string_view bare = view;
        if (bare.ends_with('\n')) bare.remove_suffix(1);
        if (bare == k_marker) {
            each(text);
            text.clear();
            continue;
        }
        text.append(view);
    }
    if (!text.empty()) each(text);
    std::free(line);
    std::fclose(in);
    return true;
}

// Text with its line breaks and tabs written as \n and \t, to keep one claim on one line.
std::string one_line(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out;
}

// One line per claim (every field that makes it up, and its pin), then one per new source.
void write_claims(std::FILE* out, long document, const contra::Extraction& extraction)
{
    for (const contra::Claim& c : extraction.claims) {
        fmt::print(out, "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}:{}-{}:{}:{}\t{}\t{}\t{}\t{}\n", document, c.id,
                   c.source, one_line(c.mention), c.attribute, contra::qualifier_key(c.qualifier), c.value.canonical(),
                   one_line(c.value.wording), contra::to_string(c.polarity), c.document, c.span.start, c.span.end,
                   c.span.line, c.span.column, one_line(c.quote), one_line(c.prefix), one_line(c.suffix), c.origin);
    }
    for (const contra::Source& s : extraction.new_sources) {
        fmt::print(out, "{}\tsource\t{}\t{}\t{}\n", document, s.id, s.name, fmt::join(s.aliases, "|"));
    }
}

}  // namespace

int main(int argc, char** argv)
{
    const char* corpus = nullptr;
    std::string rules_dir = CONTRA_DEFAULT_RULES_DIR;
    bool quantities_only = false;
    const char* claims_path = nullptr;
    int positional = 0;
    for (int k = 1; k < argc; ++k) {
        if (std::strcmp(argv[k], "--quantities") == 0) quantities_only = true;
        else if (std::strcmp(argv[k], "--claims") == 0 && k + 1 < argc) claims_path = argv[++k];
        else if (positional++ == 0) corpus = argv[k];
        else rules_dir = argv[k];
    }
    if (corpus == nullptr) {
        fmt::print(stderr, "usage: {} CORPUS [RULES_DIR] [--quantities] [--claims OUT]\n", argv[0]);
        return 2;
    }
    std::FILE* claims_out = nullptr;
    if (claims_path != nullptr && (claims_out = std::fopen(claims_path, "wb")) == nullptr) {
        fmt::print(stderr, "cannot write {}\n", claims_path);
        return 2;
    }
    auto rules = contra::RuleSet::load(rules_dir);
    if (!rules) {
        fmt::print(stderr, "{}\n", rules.error().describe());
        return 2;
    }
    auto extractor = contra::Extractor::load(*rules);
    if (!extractor) {
        fmt::print(stderr, "{}\n", extractor.error().describe());
        return 2;
    }
    auto parser = contra::QuantityParser::load(rules_dir + "/lexicon/quantities.toml");
    if (!parser) {
        fmt::print(stderr, "{}\n", parser.error().describe());
        return 2;
    }
    contra::ExtractOptions options;
    options.event = "bench-event";
    options.publication = "publication";

    Totals totals;
    std::optional<contra::Error> failure;
    contra::Document document;
    document.path = corpus;
    document.sha256 = std::string(64, '0');  // hashing is not extraction: left out of the timing
    // Documents are read into a batch of about k_batch_bytes and the batch
    // is extracted under one pair of clock readings: the processor clock is
    // a system call, and read twice per document it put a few percent of
    // its own cost into the figure. Memory stays bounded by the batch.
    constexpr std::size_t k_batch_bytes = 4 << 20;
    std::vector<std::string> batch;
    std::size_t batch_bytes = 0;
    const auto extract_batch = [&] {
        double before = cpu_seconds();
        for (std::string& text : batch) {
            if (failure) break;
            totals.bytes += static_cast<long long>(text.size());
            ++totals.documents;
            if (quantities_only) {
                totals.found += static_cast<long long>(parser->find(text).size());
                continue;
            }
            document.text.swap(text);
            auto extraction = extractor->extract(document, options);
            document.text.swap(text);
            if (!extraction) failure = extraction.error();
            else totals.found += static_cast<long long>(extraction->claims.size());
            if (extraction && claims_out != nullptr) {
                const double paused = cpu_seconds();  // writing is not extraction either
                write_claims(claims_out, totals.documents, *extraction);
                before += cpu_seconds() - paused;
            }
        }
        totals.busy_seconds += cpu_seconds() - before;
        batch.clear();
        batch_bytes = 0;
    };
    auto started = std::chrono::steady_clock::now();
    bool read = for_each_document(corpus, [&](std::string& text) {
        batch_bytes += text.size();
        batch.push_back(std::move(text));
        text.clear();
        if (batch_bytes >= k_batch_bytes) extract_batch();
    });
    extract_batch();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (claims_out != nullptr) std::fclose(claims_out);
    if (!read) {
        fmt::print(stderr, "cannot read {}\n", corpus);
        return 2;
    }
    if (failure) {
        fmt::print(stderr, "document {}: {}\n", totals.documents, failure->describe());
        return 1;
    }
    double megabytes = static_cast<double>(totals.bytes) / (1024.0 * 1024.0);
    fmt::print("{}: {} documents, {:.1f} MB, {} {}\n", quantities_only ? "quantities" : "extract", totals.documents,
               megabytes, totals.found, quantities_only ? "quantities" : "claims");
    fmt::print("{:.2f} s processor time in the library, {:.2f} s wall: {:.1f} MB/s (library, processor time), "
               "{:.1f} MB/s (wall)\n",
               totals.busy_seconds, wall, megabytes / totals.busy_seconds, megabytes / wall);
    return 0;
}
