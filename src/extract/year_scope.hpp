// Which years a document's figures may belong to. "In 2016 a fire at the
// Bexmoor factory killed 19 people" is another event's toll: a count or a
// cause whose nearest year in its sentence lies outside the event's years,
// from the year of the event to the year the document was published, is
// not about the event.
#pragma once

#include "extract/tokens.hpp"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace contra::detail::extraction {

class YearScope {
public:
    // The event's years: from the earliest to the latest of the year of
    // `event_date` (ISO), the year an event id ends with
    // ("ketterby-floods-2028") and the year of `published` (ISO). With none
    // of them known, every figure is in scope.
    YearScope(std::string_view event_id, std::string_view event_date, std::string_view published);

    // True when the sentence read last opens with a year not the event's,
    // which the next sentence of its paragraph inherits.
    [[nodiscard]] bool carries() const { return m_opens_other; }

    // Reads the years written in a sentence, tokens of the original text.
    // `same_paragraph`: no blank line stands between it and the sentence before.
    void next_sentence(std::span<const WordToken> tokens, bool same_paragraph);

    // True when the year nearest to bytes [start, end) of the sentence is not
    // one of the event's. A year up to six words after "since" is passed over: "the
    // worst since 1998" compares, and the counts lexicon's "since #year" already
    // puts its own clause out of scope. A sentence with no year of its own
    // that follows one opening with another year ("In 1968 a landslip
    // destroyed a chapel. Nobody was hurt.") is that year's.
    [[nodiscard]] bool outside(std::size_t start, std::size_t end) const;

    // True when the event is of the year before the document's: "last year"
    // then tells of the event, not of another.
    [[nodiscard]] bool event_was_last_year() const { return m_event_last_year; }

private:
    struct Year {
        std::size_t start;
        std::size_t end;
        bool event;
    };
    bool m_known = false;  // an event's year is known: [m_first, m_last] are its years
    int m_first = 0;
    int m_last = 0;
    std::vector<Year> m_years;  // the sentence's years, in text order
    bool m_inherited = false;   // the sentence belongs to the other year the one before opened with
    bool m_opens_other = false; // the sentence opens with a year not the event's
    bool m_event_last_year = false;
};

}  // namespace contra::detail::extraction
