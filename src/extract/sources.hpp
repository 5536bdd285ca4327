// Turning a speaker's words into a source id: known sources and their
// aliases first, then sources first met in this document, merged by name,
// acronym and surname.
#pragma once

#include "extract/lexicon.hpp"
#include "util/word_hash.hpp"

#include <contra/source.hpp>

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace contra::detail::extraction {

// "Interior Minister Bledi Çuçi" -> "interior-minister-bledi-cuci".
[[nodiscard]] std::string slug(std::string_view name);

class SourceResolver {
public:
    SourceResolver(std::span<const Source> known, const Lexicon& lexicon);

    // An acronym defined in the text: "the National Council of Resistance of Iran (NCRI)".
    void define_acronym(std::string_view acronym, std::string_view full);
    // The id of the source `mention` (original words) names; creates a new
    // source when no known or earlier one matches.
    [[nodiscard]] std::string resolve(std::string_view mention);
    // The id when `mention` names a known or earlier source, else empty.
    [[nodiscard]] std::string find(std::string_view mention) const;

    // "the company", "the organisers": the one known source whose kind holds
    // that word (singular or plural), else empty.
    [[nodiscard]] std::string find_by_kind(std::string_view word) const;

    // The sources first met in this document, moved out: the resolver is done with them.
    [[nodiscard]] std::vector<Source> take_new_sources() { return std::move(m_new); }

private:
    struct Name {
        std::string key;  // folded words, determiners dropped, one space apart
        std::size_t source;  // index into m_ids
    };
    // Folded words, determiners dropped, one space apart; remembered, for the
    // same words come back many times in a document.
    [[nodiscard]] const std::string& key_of(std::string_view words) const;
    [[nodiscard]] std::string lookup(const std::string& key, bool allow_surname) const;
    void add_name(std::string_view key, std::size_t source);

    const Lexicon& m_lexicon;
    std::vector<std::string> m_ids;  // known ids, then new ones
    std::span<const Source> m_known;  // for their kinds, read only when a vague body needs them
    std::vector<Name> m_names;
    // Indices into m_names by the last word of their key, in order: a name
    // can only match a key that ends with the same word.
    std::unordered_map<std::string, std::vector<std::size_t>, WordHash, std::equal_to<>> m_by_last_word;
    [[nodiscard]] const std::vector<std::size_t>& names_ending_with(std::string_view word) const;
    std::map<std::string, std::string, std::less<>> m_acronyms;  // key -> full mention
    mutable std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> m_keys;  // words -> key_of
    mutable FoldedText m_key_folded;              // key_of's folded words, one buffer for every call
    mutable std::vector<WordToken> m_key_tokens;  // key_of's words, likewise
    std::vector<Source> m_new;
};

}  // namespace contra::detail::extraction
