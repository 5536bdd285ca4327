// Writes a synthetic corpus of curated accounts for the benchmarks:
// EVENTS events, each with one document and CLAIMS claims from four sources,
// a share of them in conflict. Files: OUT/chunk-NNNN.toml and OUT/docs/*.txt.
//
//   contra-bench-generate OUT EVENTS CLAIMS_PER_EVENT [CONFLICT_SHARE] [EVENTS_PER_FILE]
#include "random.hpp"

#include <fmt/core.h>
#include <fmt/os.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using contra::bench::Random;

struct SourceSpec {
    const char* id;
    const char* name;
    const char* stake;
};

constexpr SourceSpec k_sources[] = {
    {"gen-ministry", "Ministry of Civil Affairs", "party"},
    {"gen-council", "Residents' Council", "party"},
    {"gen-police", "Regional Police", "party"},
    {"gen-observer", "Independent Observers", "independent"},
};

constexpr const char* k_attributes[] = {"deaths", "injuries", "arrests", "participants"};
constexpr const char* k_verbs[] = {"died", "were injured", "were arrested", "took part"};

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        fmt::print(stderr, "usage: {} OUT EVENTS CLAIMS_PER_EVENT [CONFLICT_SHARE] [EVENTS_PER_FILE]\n", argv[0]);
        return 2;
    }
    std::filesystem::path out = argv[1];
    long events = std::atol(argv[2]);
    int claims_per_event = std::atoi(argv[3]);
    double conflict_share = argc > 4 ? std::atof(argv[4]) : 0.2;
    long events_per_file = argc > 5 ? std::atol(argv[5]) : 1000;
    std::filesystem::create_directories(out / "docs");

    Random random{0x9E3779B97F4A7C15ULL};
    long file_index = 0;
    for (long first = 0; first < events; first += events_per_file, ++file_index) {
        auto toml = fmt::output_file((out / fmt::format("chunk-{:04}.toml", file_index)).string());
        for (const auto& source : k_sources) {
            toml.print("[[sources]]\nid = \"{}\"\nname = \"{}\"\nkind = \"synthetic\"\nstake = \"{}\"\n\n", source.id,
                       source.name, source.stake);
        }
        long last = std::min(events, first + events_per_file);
        for (long e = first; e < last; ++e) {
            auto event_id = fmt::format("gen-event-{:07}", e);
            toml.print("[[events]]\nid = \"{}\"\ntitle = \"Synthetic event {}\"\ndate = 2024-01-01\n\n", event_id, e);
            auto document_name = fmt::format("docs/{}.txt", event_id);
            toml.print("[[documents]]\nid = \"{}\"\npath = \"{}\"\ntitle = \"Digest of event {}\"\npublished = 2024-01-02\n\n",
                       event_id, document_name, e);
            bool conflicted = random.below(1000) < static_cast<int>(conflict_share * 1000);
            std::string text = fmt::format("Digest of statements about synthetic event {}.\n\n", e);
            for (int c = 0; c < claims_per_event; ++c) {
                const auto& source = k_sources[c % 4];
                int attribute = (c / 4) % 4;
                int base = 10 + static_cast<int>((e * 7 + attribute * 13) % 900);
                // Conflicting events let the first party double its figures.
                int figure = conflicted && c % 4 == 1 ? base * 2 + 5 : base + random.below(2);
                auto sentence = fmt::format("In statement {} of event {}, the {} said {} people {}.", c, e,
                                            source.name, figure, k_verbs[attribute]);
                text += sentence;
                text += c % 3 == 2 ? "\n\n" : " ";
                toml.print(
                    "[[claims]]\nevent = \"{}\"\nsource = \"{}\"\ndocument = \"{}\"\nattribute = \"{}\"\n"
                    "count = {}\nquote = \"{}\"\n\n",
                    event_id, source.id, event_id, k_attributes[attribute], figure, sentence);
            }
            auto document = fmt::output_file((out / document_name).string());
            document.print("{}\n", text);
        }
    }
    fmt::print("wrote {} events with {} claims each in {} files to {}\n", events, claims_per_event, file_index,
               out.string());
    return 0;
}
