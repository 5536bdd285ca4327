// Which event a draft is about, by the names of the events in the store.
// Only the names that can occur in the drafts at hand are folded and indexed
// (by their exact folded text), so that each draft then costs one pass over
// its own words however many events the store holds.
#pragma once

#include <contra/error.hpp>
#include <contra/event.hpp>
#include <contra/store.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace contra::detail {

class EventNames {
public:
    // `texts` are the folded texts that
    // detect() will be asked about (a name none of them can hold is skipped).
    EventNames(std::span<const Event> events, std::span<const std::string_view> texts);
    // From names already folded, in rank order (by event id, then position,
    // as Store::event_names gives them): those the texts may hold.
    explicit EventNames(std::vector<EventName> names);

    // The id of the event whose title or one of whose aliases the folded
    // `text` mentions first (whole words); at the same place the longer name
    // wins, then the earlier event (aliases before the title). Empty when it
    // mentions none.
    [[nodiscard]] std::string detect(std::string_view text) const;

private:
    struct Name {
        std::string folded;
        std::uint32_t order;  // among all names: events in order, each one's aliases then its title
        std::uint32_t event;  // index into m_event_ids
    };
    void index_names();

    std::vector<std::string> m_event_ids;
    std::vector<Name> m_names;
    // Names that begin with a word byte, by their text: the first such name.
    std::unordered_map<std::string_view, std::uint32_t> m_by_text;
    std::vector<std::size_t> m_lengths;      // of those names, distinct, longest first
    std::vector<std::uint32_t> m_unindexed;  // names that begin with any other byte
};

// The names of the store's events that the folded `texts` may hold, read
// from its event_names table: only the names that begin at one of the texts'
// words and span as many words as such a name can, each looked up by its
// exact text, so the cost follows the texts and not the number of events.
[[nodiscard]] Expected<EventNames> event_names_in(const Store& store, std::span<const std::string_view> texts);

}  // namespace contra::detail
