// A round-up's other stories. "WEEKEND ROUND-UP" runs five items under their
// own headlines, one of them the event's: the figures of the other four (a
// road crash, a fun run, a barn fire) are other events'.
#pragma once

#include "extract/segmenter.hpp"

#include <string_view>
#include <vector>

namespace contra::detail::extraction {

// The byte ranges of `text` that tell other stories than the event's, in
// text order. A headline is a line standing alone between blank lines, of at
// most a dozen words, that ends in no punctuation and opens no list item and
// no Markdown heading ("### Injuries" titles a part of one story). A
// text with three or more headlines, of which one after the first (the
// first is the page's title) names a word of the event's id ("rowhurst",
// "bakery" of `rowhurst-bakery-explosion-2028`: words of four letters or
// more, no year), is a round-up; each section from a headline to the next
// in which no word of the id occurs at all, headline or body, is another
// story. Any other text has none.
[[nodiscard]] std::vector<ByteRange> other_stories(std::string_view text, std::string_view event_id);

}  // namespace contra::detail::extraction
