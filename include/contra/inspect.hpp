// One flag with everything a reviewer needs to judge it.
#pragma once

#include <contra/claim.hpp>
#include <contra/document.hpp>
#include <contra/error.hpp>
#include <contra/flag.hpp>
#include <contra/source.hpp>
#include <contra/store.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace contra {

// A claim with its source and document, and the quote in its sentence.
struct ClaimView {
    Claim claim;
    Source source;
    Document document;  // metadata; text left empty
    std::string before;  // the sentence's text before the quote
    std::string after;   // the sentence's text after the quote
};

struct FlagView {
    Flag flag;
    std::vector<ClaimView> claims;
    std::vector<Review> reviews;  // oldest first
};

// Byte range of the sentence (or sentences) holding [start, end) in text.
struct TextRange {
    std::size_t start = 0;
    std::size_t end = 0;
};
[[nodiscard]] TextRange sentence_around(std::string_view text, std::size_t start, std::size_t end);

// Loads a claim's source, document and sentence context.
[[nodiscard]] Expected<ClaimView> inspect_claim(const Store& store, const Claim& claim);

// A flag by id; an unknown id is bad_input and names the closest ids.
[[nodiscard]] Expected<FlagView> inspect_flag(const Store& store, std::string_view id);

}  // namespace contra
