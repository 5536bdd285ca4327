// Writes a synthetic corpus of news-like text for the extraction benchmarks:
// paragraphs with attributions, casualty and crowd figures in digits and in
// words, ranges, bounds, hedges, denials and quotes. Deterministic: the same
// arguments always write the same bytes.
//
//   contra-bench-news corpus OUT.txt MEGABYTES
//       one file; documents separated by a line holding only k_marker
//   contra-bench-news files DIR COUNT
//       COUNT separate documents DIR/news-NNNNNN.txt (for `contra ingest`)
#include "random.hpp"

#include <fmt/core.h>
#include <fmt/os.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

using contra::bench::Random;

// The line that separates documents in a corpus file (bench/extract_throughput.cpp reads it).
constexpr std::string_view k_marker = "%%% contra-document %%%";

constexpr const char* k_sources[] = {
    "the Interior Ministry", "police", "a police spokesman", "the Residents' Council",
    "the regional governor", "Independent Observers", "the opposition party", "hospital officials",
    "the mayor's office", "a local rights group", "the fire service", "witnesses",
};
constexpr const char* k_verbs[] = {"said", "stated", "told reporters", "claimed", "reported", "insisted", "announced"};
constexpr const char* k_places[] = {
    "the northern district", "the port city", "the old market", "the border crossing", "the university campus",
    "the capital's main square", "the industrial zone", "a village outside the city",
};
constexpr const char* k_word_numbers[] = {
    "two", "three", "five", "seven", "eleven", "twelve", "twenty-three", "forty", "a dozen", "several",
    "dozens of", "hundreds of", "a handful of", "a hundred and five", "two thousand", "scores of",
};
constexpr const char* k_bounds[] = {"more than", "at least", "up to", "nearly", "about", "over", "fewer than",
                                    "as many as", "around", "some"};
constexpr const char* k_groups[] = {"people", "protesters", "residents", "police officers", "civilians",
                                    "students", "workers", "children"};
constexpr const char* k_outcomes[] = {"were killed", "were injured", "were arrested", "died", "were hurt",
                                      "were detained", "took part", "were taken to hospital"};
constexpr const char* k_fillers[] = {
    "The clashes began shortly after midday and continued into the evening.",
    "Roads into the area remained closed on Tuesday, and shops stayed shut.",
    "The account could not be independently verified.",
    "Officials promised an inquiry but gave no timetable for it.",
    "Video shared online showed smoke rising above the rooftops.",
    "The government has faced weeks of protests over the price of fuel.",
    "Reporters at the scene saw ambulances leaving the square.",
    "An earlier statement had given no figures at all.",
};

// One figure as a reporter might write it.
std::string figure(Random& random)
{
    switch (random.below(6)) {
    case 0: return fmt::format("{}", 2 + random.below(400));
    case 1: return fmt::format("{} {}", random.pick(k_bounds), 3 + random.below(900));
    case 2: {
        int lo = 5 + random.below(50);
        return fmt::format("between {} and {}", lo, lo + 5 + random.below(40));
    }
    case 3: return fmt::format("{},{:03}", 1 + random.below(9), random.below(1000));
    case 4: return random.pick(k_word_numbers);
    default: return fmt::format("{} {}", random.pick(k_bounds), random.pick(k_word_numbers));
    }
}

std::string sentence(Random& random)
{
    std::string source = random.pick(k_sources);
    std::string verb = random.pick(k_verbs);
    switch (random.below(7)) {
    case 0:
        return fmt::format("{} {} {} {} {} in {}.", source, verb, figure(random), random.pick(k_groups),
                           random.pick(k_outcomes), random.pick(k_places));
    case 1:
        return fmt::format("According to {}, {} {} {} on Monday.", source, figure(random), random.pick(k_groups),
                           random.pick(k_outcomes));
    case 2:
        return fmt::format("\u201c{} {} {},\u201d {} {}.", "We counted", figure(random), random.pick(k_groups), source,
                           verb);
    case 3:
        return fmt::format("{} denied that police were responsible for the deaths in {}.", source,
                           random.pick(k_places));
    case 4:
        return fmt::format("{} blamed the security forces, saying {} {} {}.", source, figure(random),
                           random.pick(k_groups), random.pick(k_outcomes));
    case 5:
        return fmt::format("{} {} that {} {} may have been {} since the weekend.", source, verb, figure(random),
                           random.pick(k_groups), random.below(2) == 0 ? "hurt" : "held");
    default: return random.pick(k_fillers);
    }
}

// One document: a headline and a few paragraphs of a few sentences each.
std::string document(Random& random, long number)
{
    std::string text = fmt::format("Unrest in {} (report {})\n\n", random.pick(k_places), number);
    int paragraphs = 3 + random.below(5);
    for (int p = 0; p < paragraphs; ++p) {
        int sentences = 2 + random.below(4);
        for (int s = 0; s < sentences; ++s) {
            if (s > 0) text += ' ';
            std::string line = sentence(random);
            if (!line.empty() && line[0] >= 'a' && line[0] <= 'z') line[0] = static_cast<char>(line[0] - 'a' + 'A');
            text += line;
        }
        text += "\n\n";
    }
    return text;
}

int usage(const char* program)
{
    fmt::print(stderr, "usage: {} corpus OUT.txt MEGABYTES\n       {} files DIR COUNT\n", program, program);
    return 2;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc != 4) return usage(argv[0]);
    std::string_view mode = argv[1];
    Random random{0x2545F4914F6CDD1DULL};
    if (mode == "corpus") {
        long long limit = std::atoll(argv[3]) * 1024LL * 1024LL;
        if (limit <= 0) return usage(argv[0]);
        std::FILE* out = std::fopen(argv[2], "wb");
        if (out == nullptr) {
            fmt::print(stderr, "cannot write {}\n", argv[2]);
            return 1;
        }
        long long written = 0;
        long documents = 0;
        while (written < limit) {
            std::string text = document(random, documents++);
            text += k_marker;
            text += '\n';
            std::fwrite(text.data(), 1, text.size(), out);
            written += static_cast<long long>(text.size());
        }
        std::fclose(out);
        fmt::print("{}: {} documents, {} bytes\n", argv[2], documents, written);
        return 0;
    }
    if (mode == "files") {
        long count = std::atol(argv[3]);
        if (count <= 0) return usage(argv[0]);
        std::filesystem::path dir = argv[2];
        std::filesystem::create_directories(dir);
        for (long k = 0; k < count; ++k) {
            auto file = fmt::output_file((dir / fmt::format("news-{:06}.txt", k)).string());
            file.print("{}", document(random, k));
        }
        fmt::print("{}: {} documents\n", dir.string(), count);
        return 0;
    }
    return usage(argv[0]);
}
