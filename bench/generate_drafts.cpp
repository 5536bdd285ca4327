// Inputs for the `contra check` and `contra report` benchmarks (bench/run-check).
// Deterministic: the same arguments (and store) always write the same bytes.
//
//   contra-bench-drafts drafts DB OUT COUNT WORDS [front-matter]
//       COUNT Markdown drafts OUT/draft-NNNN.md of about WORDS words each,
//       each about a different disputed event of the store DB (one with an
//       active flag), chosen evenly across the store. A draft names its event
//       by title (and, with `front-matter`, by id in `event:` at the top, so
//       that the check need not find it by name), attributes figures to the event's sources (rightly and
//       wrongly), states some in its own voice, quotes, hedges, and has
//       headings, lists, block quotes, links and background prose without
//       figures, so that the check has to look up claims and flags.
//   contra-bench-drafts report-accounts OUT CLAIMS FLAGS
//       OUT/accounts.toml and OUT/documents/: one event (bench-report-event)
//       with CLAIMS count claims from 20 sources on CLAIMS/20 points, made so
//       that the default compare rules raise exactly FLAGS flags on it (at
//       most 19 per point).
#include <contra/claim.hpp>
#include <contra/event.hpp>
#include <contra/flag.hpp>
#include <contra/source.hpp>
#include <contra/store.hpp>

#include "random.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;

// A file written with fmt::print. (fmt::output_file lives in fmt's compiled
// part, which release builds of contra do not link: see CMakeLists.txt.)
class OutputFile {
public:
    explicit OutputFile(const std::string& path) : m_file(std::fopen(path.c_str(), "wb"))
    {
        if (m_file == nullptr) throw std::runtime_error(fmt::format("cannot write {}", path));
    }
    ~OutputFile() { std::fclose(m_file); }
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    template <class... Args>
    void print(fmt::format_string<Args...> format, Args&&... args)
    {
        fmt::print(m_file, format, std::forward<Args>(args)...);
    }

private:
    std::FILE* m_file;
};
using contra::Claim;
using contra::Count;
using contra::Event;
using contra::Source;

using contra::bench::Random;

// The event of report-accounts; the drafts are about the store's other events.
constexpr std::string_view k_report_event = "bench-report-event";

int usage(const char* program)
{
    fmt::print(stderr,
               "usage: {0} drafts DB OUT COUNT WORDS [front-matter]\n"
               "       {0} report-accounts OUT CLAIMS FLAGS\n",
               program);
    return 2;
}

// --- drafts -----------------------------------------------------------------

// How a draft says that N people had the attribute's outcome.
std::string_view outcome(std::string_view attribute)
{
    if (attribute == "deaths") return "died";
    if (attribute == "injuries") return "were injured";
    if (attribute == "arrests") return "were arrested";
    return "took part";
}

constexpr const char* k_background[] = {
    "Shops along the main road stayed closed for most of the afternoon, and buses were diverted around the square.",
    "The square lies about 300 metres from the old railway station, in a district of narrow streets and small "
    "workshops.",
    "Residents described a tense night, with helicopters overhead and the sound of sirens until well after midnight.",
    "Local radio interrupted its programmes to read out the closures of schools and clinics in the area.",
    "The district has seen demonstrations before, most of them peaceful and most of them about rents and wages.",
    "By the next morning the streets had been swept, but the windows of several shops were still boarded up.",
    "Journalists were kept behind a line of vans at the edge of the square for most of the evening.",
    "A spokesperson for the city transport company said services would resume on Thursday.",
    "Neighbours brought water and bread to the people waiting outside the hospital gates.",
    "The events were filmed by dozens of onlookers, and videos circulated widely on social media within the hour.",
    "Opposition deputies called for a parliamentary inquiry; the government has not yet replied.",
    "Schools in the district reopened on Monday, although attendance was low.",
};

constexpr const char* k_headings[] = {"What happened", "The figures", "What the sources say", "Background",
                                      "Reactions", "What we could not confirm"};

struct DraftInputs {
    Event event;
    std::vector<Claim> claims;  // count claims only
    std::map<std::string, Source, std::less<>> sources;
};

std::string sentence_about(Random& random, const DraftInputs& in)
{
    const Claim& claim = in.claims[static_cast<std::size_t>(random.below(static_cast<int>(in.claims.size())))];
    const auto& count = std::get<Count>(claim.value.data);
    const std::string& source = in.sources.at(claim.source).name;
    const std::string_view verb = outcome(claim.attribute);
    const std::int64_t n = count.lo;
    switch (random.below(15)) {  // about a third of the sentences are background
    case 0: return fmt::format("The {} said {} people {}.", source, n, verb);
    case 1: return fmt::format("\"{} people {},\" the {} said in a statement on Tuesday.", n, verb, source);
    case 2: return fmt::format("According to the {}, {} people {}.", source, n, verb);
    case 3: return fmt::format("At least {} people {} during {}.", n, verb, in.event.title);
    case 4: return fmt::format("Officials said about {} people {}.", n, verb);
    case 5: return fmt::format("It is now clear that {} people {}.", n, verb);
    case 6: return fmt::format("The {} said {} people {}, a figure no one else has given.", source, n * 3 + 7, verb);
    case 7: return fmt::format("The {} insisted that *{}* people {}, citing its own records.", source, n, verb);
    case 8: return fmt::format("Some {} people may have {}, [witnesses told us](https://example.org/w/{}).",
                               n, verb == "died" ? "died" : "been affected", n);
    default: return std::string(random.pick(k_background));
    }
}

std::string write_draft(Random& random, const DraftInputs& in, int words, bool front_matter)
{
    std::string text = front_matter ? fmt::format("---\nevent: {}\nauthor: bench\n---\n", in.event.id) : "";
    text += fmt::format("# {}: what we know\n\n", in.event.title);
    const auto count_words = [](std::string_view s) {
        int n = 0;
        bool in_word = false;
        for (char c : s) {
            const bool space = c == ' ' || c == '\n';
            if (!space && !in_word) ++n;
            in_word = !space;
        }
        return n;
    };
    int written = count_words(text);
    int paragraph = 0;
    while (written < words) {
        std::string block;
        if (paragraph % 7 == 3) {
            block = fmt::format("## {}\n\n", random.pick(k_headings));
        } else if (paragraph % 11 == 5) {
            for (int i = 0; i < 3; ++i) block += fmt::format("- {}\n", sentence_about(random, in));
            block += "\n";
        } else if (paragraph % 13 == 8) {
            block = fmt::format("> {}\n\n", sentence_about(random, in));
        } else {
            if (paragraph == 0) block = fmt::format("{} drew conflicting accounts from the authorities. ", in.event.title);
            const int sentences = 3 + random.below(3);
            for (int i = 0; i < sentences; ++i) block += sentence_about(random, in) + (i + 1 < sentences ? " " : "");
            block += "\n\n";
        }
        written += count_words(block);
        text += block;
        ++paragraph;
    }
    return text;
}

// Whether the event has a flag that makes a point disputed.
bool disputed(const contra::Store& store, const std::string& event)
{
    contra::FlagFilter filter;
    filter.event = event;
    filter.state = contra::FlagState::active;
    auto flags = store.flags(filter);
    return flags && std::ranges::any_of(*flags, [](const contra::Flag& f) { return f.severity != contra::Severity::info; });
}

int write_drafts(const std::string& db, const fs::path& out, int count, int words, bool front_matter)
{
    auto store = contra::Store::open(db, contra::OpenMode::read_only);
    if (!store) {
        fmt::print(stderr, "{}: {}\n", db, store.error().message);
        return 1;
    }
    auto events = store->events();
    auto sources = store->sources();
    if (!events || !sources || events->empty()) {
        fmt::print(stderr, "{}: no events\n", db);
        return 1;
    }
    fs::create_directories(out);
    const std::size_t step = std::max<std::size_t>(1, events->size() / static_cast<std::size_t>(count));
    Random random{0x2545F4914F6CDD1DULL};
    int written = 0;
    for (int i = 0; i < count; ++i) {
        // The first disputed event with count claims at or after the i-th stop.
        DraftInputs in;
        for (std::size_t e = static_cast<std::size_t>(i) * step; e < events->size() && in.claims.empty(); ++e) {
            const Event& event = (*events)[e];
            if (event.id == k_report_event || !disputed(*store, event.id)) continue;
            auto claims = store->claims(event.id);
            if (!claims) continue;
            for (auto& claim : *claims) {
                if (std::holds_alternative<Count>(claim.value.data)) in.claims.push_back(std::move(claim));
            }
            in.event = event;
        }
        if (in.claims.empty()) break;
        for (const auto& source : *sources) in.sources.emplace(source.id, source);
        OutputFile file((out / fmt::format("draft-{:04}.md", i)).string());
        file.print("{}", write_draft(random, in, words, front_matter));
        ++written;
    }
    fmt::print("wrote {} drafts of about {} words to {}\n", written, words, out.string());
    return written == count ? 0 : 1;
}

// --- report-accounts ----------------------------------------------------------

constexpr int k_report_sources = 20;

int write_report_accounts(const fs::path& out, int claims, int flags)
{
    const int points = claims / k_report_sources;
    if (points < 1 || flags > points * (k_report_sources - 1)) {
        fmt::print(stderr, "need CLAIMS >= {} and FLAGS <= {} per {} claims\n", k_report_sources,
                   k_report_sources - 1, k_report_sources);
        return 2;
    }
    fs::create_directories(out / "documents");
    OutputFile toml((out / "accounts.toml").string());
    toml.print("# Written by contra-bench-drafts report-accounts: {} claims, {} flags.\n\n", claims, flags);
    toml.print("[[events]]\nid = \"{}\"\ntitle = \"Benchmark unrest in the river district\"\n"
               "date = 2024-03-01\nplace = \"River district\"\naliases = [\"river district unrest\"]\n\n",
               k_report_event);
    std::vector<std::string> documents(k_report_sources);
    for (int s = 0; s < k_report_sources; ++s) {
        // Names with characters that the HTML report must escape.
        toml.print("[[sources]]\nid = \"bench-source-{:02}\"\nname = \"Source {:02} <Residents & \\\"Friends\\\">\"\n"
                   "kind = \"synthetic\"\nstake = \"{}\"\n\n",
                   s, s, s % 2 == 0 ? "party" : "independent");
        toml.print("[[documents]]\nid = \"doc-{:02}\"\npath = \"documents/source-{:02}.txt\"\n"
                   "title = \"Statement {:02} on the river district\"\nurl = \"https://example.org/bench/{:02}?a=1&b=2\"\n"
                   "publisher = \"Source {:02}\"\npublished = 2024-03-02\n\n",
                   s, s, s, s, s);
        documents[static_cast<std::size_t>(s)] = fmt::format("Statement {:02} on the unrest in the river district.\n\n", s);
    }
    // Point p: a dissenting source gives three times the figure; `against`
    // sources give the figure exactly and conflict with it (one flag each);
    // the rest say "at least" a lower figure, which conflicts with no one.
    int left = flags;
    for (int p = 0; p < points; ++p) {
        const int against = std::min(left, k_report_sources - 1);
        left -= against;
        const int dissenter = p % k_report_sources;
        const int figure = 40 + p;
        const char* attribute = p % 2 == 0 ? "deaths" : "injuries";
        const char* verb = p % 2 == 0 ? "died" : "were injured";
        int exact = 0;
        for (int s = 0; s < k_report_sources; ++s) {
            std::string count, wording;
            if (s == dissenter && against > 0) {
                count = fmt::format("{}", figure * 3);
                wording = count;
            } else if (s != dissenter && exact < against) {
                ++exact;
                count = fmt::format("{}", figure);
                wording = count;
            } else {
                count = fmt::format("{{ min = {} }}", figure - 10);
                wording = fmt::format("at least {}", figure - 10);
            }
            const std::string quote =
                fmt::format("In group g{:03}, {} people {} <by our count> & more may follow.", p, wording, verb);
            documents[static_cast<std::size_t>(s)] += quote + (p % 4 == 3 ? "\n\n" : " ");
            toml.print("[[claims]]\nevent = \"{}\"\nsource = \"bench-source-{:02}\"\n"
                       "document = \"doc-{:02}\"\nattribute = \"{}\"\nqualifier = {{ group = \"g{:03}\" }}\n"
                       "count = {}\nwording = \"{}\"\nquote = \"{}\"\n\n",
                       k_report_event, s, s, attribute, p, count, wording, quote);
        }
    }
    for (int s = 0; s < k_report_sources; ++s) {
        OutputFile document((out / fmt::format("documents/source-{:02}.txt", s)).string());
        document.print("{}\n", documents[static_cast<std::size_t>(s)]);
    }
    fmt::print("wrote 1 event with {} claims and {} expected flags to {}\n", points * k_report_sources, flags - left,
               out.string());
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) return usage(argv[0]);
    const std::string_view mode = argv[1];
    if (mode == "drafts" && (argc == 6 || (argc == 7 && std::string_view(argv[6]) == "front-matter"))) {
        return write_drafts(argv[2], argv[3], std::atoi(argv[4]), std::atoi(argv[5]), argc == 7);
    }
    if (mode == "report-accounts" && argc == 5) {
        return write_report_accounts(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    }
    return usage(argv[0]);
}
