// Which event a draft names (src/check/event_names.cpp, through detect_event):
// the index must give the answer of the plain search it replaced, which
// looks for every name of every event in the folded text and keeps the
// earliest match, then the longest name, then the first event. So must the
// look-up through a store's event_names table (detect_event with a Store),
// which ranks events by id as the store reads them.
#include "rules/draft/draft_kind.hpp"

#include <contra/check.hpp>
#include <contra/event.hpp>
#include <contra/store.hpp>
#include <contra/text.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using namespace contra;

namespace {

// The search detect_event did before it had an index.
std::string plain_search(std::string_view prose, const std::vector<Event>& events)
{
    const std::string folded = fold(prose);
    std::string best;
    std::size_t best_at = std::string::npos;
    std::size_t best_length = 0;
    for (const auto& event : events) {
        std::vector<std::string> names = event.aliases;
        names.push_back(event.title);
        for (const auto& name : names) {
            const std::string needle = fold(name);
            const std::size_t at = detail::find_words(folded, needle);
            if (at == std::string::npos) continue;
            if (at < best_at || (at == best_at && needle.size() > best_length)) {
                best = event.id;
                best_at = at;
                best_length = needle.size();
            }
        }
    }
    return best;
}

struct Random {
    std::uint64_t state;
    std::size_t below(std::size_t n)
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<std::size_t>(state % n);
    }
};

// Words that overlap, differ only in case or accents, or begin or end with
// punctuation, so that names and texts meet in every awkward way.
const std::vector<std::string> k_words = {
    "raid", "Raid", "RAID", "manez", "Manëz", "Ashraf", "3", "33", "(Ashraf", "3)", "'raid'", "floods",
    "Valmora", "valmora-floods", "-", "the", "The", "river", "River's", "Çuçi", "event", "19", "190",
    "“quoted”", "\"quoted\"", "a.b", "x", "",
};

std::string phrase(Random& random, std::size_t words)
{
    std::string out;
    for (std::size_t i = 0; i < words; ++i) {
        if (i > 0) out += random.below(5) == 0 ? "  " : " ";
        out += k_words[random.below(k_words.size())];
    }
    return out;
}

// One to twelve events, event-0 on, with one to three words of title and
// up to two aliases.
std::vector<Event> random_events(Random& random)
{
    std::vector<Event> events;
    const std::size_t count = 1 + random.below(12);
    for (std::size_t e = 0; e < count; ++e) {
        Event event;
        event.id = fmt::format("event-{}", e);
        event.title = phrase(random, 1 + random.below(3));
        for (std::size_t a = random.below(3); a > 0; --a) event.aliases.push_back(phrase(random, 1 + random.below(2)));
        events.push_back(std::move(event));
    }
    return events;
}

}  // namespace

TEST_CASE("detect_event gives the plain search's answer on names and texts that meet awkwardly")
{
    Random random{0x9E3779B97F4A7C15ULL};
    for (int round = 0; round < 300; ++round) {
        const std::vector<Event> events = random_events(random);
        for (int text = 0; text < 10; ++text) {
            const std::string prose = phrase(random, 1 + random.below(30));
            INFO("round " << round << ", text: " << prose);
            CHECK(detect_event(prose, events) == plain_search(prose, events));
        }
    }
}

TEST_CASE("detect_event through a store's names gives the plain search's answer")
{
    Random random{0x2545F4914F6CDD1DULL};
    for (int round = 0; round < 150; ++round) {
        auto store = Store::open_in_memory();
        REQUIRE(store);
        std::vector<Event> events = random_events(random);
        for (const auto& event : events) REQUIRE(store->put_event(event));
        std::ranges::sort(events, {}, &Event::id);  // event-10 before event-2, as the store ranks them
        for (int text = 0; text < 10; ++text) {
            const std::string prose = phrase(random, 1 + random.below(30));
            INFO("round " << round << ", text: " << prose);
            const auto found = detect_event(prose, *store);
            REQUIRE(found);
            CHECK(*found == plain_search(prose, events));
        }
    }
}

TEST_CASE("detect_event: the earliest mention, then the longer name, then the earlier event")
{
    const std::vector<Event> events = {
        Event{"river", "River unrest", "", "", {"the river"}},
        Event{"river-night", "River unrest at night", "", "", {}},
        Event{"twin", "River unrest", "", "", {}},
        Event{"quoted", "'Ashraf 3'", "", "", {"(Manëz)"}},
        Event{"synthetic-19", "Synthetic event 19", "", "", {}},
        Event{"synthetic-190", "Synthetic event 190", "", "", {}},
    };
    CHECK(detect_event("After RIVER UNREST AT NIGHT, the river unrest", events) == "river-night");
    CHECK(detect_event("The river unrest began", events) == "river");  // "the river" first, and "river unrest" by river too
    CHECK(detect_event("Before: river unrest.", events) == "river");   // same name twice: the earlier event
    CHECK(detect_event("In 'Ashraf 3' and (Manez)", events) == "quoted");
    CHECK(detect_event("News of synthetic event 190 and Synthetic event 19", events) == "synthetic-190");
    CHECK(detect_event("Synthetic event 1900 is no event here", events).empty());
}
