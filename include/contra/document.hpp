// A stored text, content-addressed and immutable.
#pragma once

#include <string>

namespace contra {

struct Document {
    std::string sha256;  // of `text`; the document's id
    std::string title;
    std::string url;
    std::string publisher;
    std::string published;  // ISO date or date-time, may be empty
    std::string retrieved;  // ISO date or date-time, may be empty
    std::string path;       // where the text was read from, as given
    std::string text;       // UTF-8; empty when only metadata was loaded

    friend bool operator==(const Document&, const Document&) = default;
};

}  // namespace contra
