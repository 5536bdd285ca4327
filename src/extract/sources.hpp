// Turning a speaker's words into a source id: known sources and their
// aliases first, then sources first met in this document, merged by name,
// acronym and surname.
#pragma once

#include "extract/lexicon.hpp"
#include "util/word_hash.hpp"

#include <contra/source.hpp>

#include <deque>
#include <map>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace contra::detail::extraction {

// "Interior Minister Bledi Çuçi" -> "interior-minister-bledi-cuci".
[[nodiscard]] std::string slug(std::string_view name);

// One per document. What it learns (keys, names, acronyms) lives in an arena
// of its own, given back all at once with the resolver: a document asks it
// hundreds of times and most answers are new words, so allocating each
// string and node apart had been a third of the extractor's allocations.
// The ids it returns are views of its own, valid while it lives.
class SourceResolver {
public:
    SourceResolver(std::span<const Source> known, const Lexicon& lexicon);
    SourceResolver(const SourceResolver&) = delete;
    SourceResolver& operator=(const SourceResolver&) = delete;

    // An acronym defined in the text: "the National Council of Resistance of Iran (NCRI)".
    void define_acronym(std::string_view acronym, std::string_view full);
    // The id of the source `mention` (original words) names; creates a new
    // source when no known or earlier one matches.
    [[nodiscard]] std::string_view resolve(std::string_view mention);
    // The id when `mention` names a known or earlier source, else empty.
    [[nodiscard]] std::string_view find(std::string_view mention) const;

    // "the company", "the organisers": the one known source whose kind holds
    // that word (singular or plural), else empty.
    [[nodiscard]] std::string_view find_by_kind(std::string_view word) const;

    // Tells the resolver which tokens `words` are, looked up in the lexicon
    // already (the sentence's own): their key is then read off them, where
    // key_of would fold and split the words again. A mention that ends in a
    // bracket is left to key_of, which takes an acronym off first.
    void learn(std::string_view words, std::span<const WordToken> tokens);
    // The sources first met in this document, moved out: the resolver is done with them.
    [[nodiscard]] std::vector<Source> take_new_sources() { return std::move(m_new); }

private:
    using String = std::pmr::string;
    using Indices = std::pmr::vector<std::size_t>;
    struct Name {
        String key;          // folded words, determiners dropped, one space apart
        std::size_t source;  // index into m_ids
    };
    // "the hospital's director", "Lindmoor Water's head of operations": the
    // known or earlier source before the last possessive, else empty.
    [[nodiscard]] std::string_view owner_of(std::string_view mention) const;
    // Folded words, determiners dropped, one space apart; remembered, for the
    // same words come back many times in a document.
    [[nodiscard]] std::string_view key_of(std::string_view words) const;
    // Builds the key of `words` from their tokens and remembers it.
    std::string_view remember_key(std::string_view words, std::span<const WordToken> tokens) const;
    [[nodiscard]] std::string_view lookup(std::string_view key, bool allow_surname) const;
    void add_name(std::string_view key, std::size_t source);
    [[nodiscard]] const Indices& names_ending_with(std::string_view word) const;

    // First, so that it outlives every container that draws on it.
    mutable std::pmr::monotonic_buffer_resource m_arena{8192};
    const Lexicon& m_lexicon;
    std::pmr::deque<String> m_ids{&m_arena};  // known ids, then new ones; a deque, so views of them stay valid
    std::span<const Source> m_known;           // for their kinds, read only when a vague body needs them
    std::pmr::vector<Name> m_names{&m_arena};
    // Indices into m_names by the last word of their key, in order: a name
    // can only match a key that ends with the same word.
    std::pmr::unordered_map<String, Indices, WordHash, std::equal_to<>> m_by_last_word{&m_arena};
    std::pmr::map<String, String, std::less<>> m_acronyms{&m_arena};  // key -> full mention
    mutable std::pmr::unordered_map<String, String, WordHash, std::equal_to<>> m_keys{&m_arena};  // words -> key_of
    mutable std::string m_key;                    // key_of's key as it is built
    mutable FoldedText m_key_folded;              // key_of's folded words, one buffer for every call
    mutable std::vector<WordToken> m_key_tokens;  // key_of's words, likewise
    std::vector<Source> m_new;
};

}  // namespace contra::detail::extraction
