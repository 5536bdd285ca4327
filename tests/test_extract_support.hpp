// Shared by the tests/test_extract_*.cpp files: one Extractor over the
// repository's rules, and a short way to run it on a string.
#pragma once

#include "support.hpp"

#include <contra/extract.hpp>
#include <contra/hash.hpp>
#include <contra/rule_set.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace contra::test {

inline const Extractor& shared_extractor()
{
    static const Extractor extractor = [] {
        auto rules = RuleSet::load(rules_dir().string());
        if (!rules) FAIL(rules.error().describe());
        auto loaded = Extractor::load(*rules);
        if (!loaded) FAIL(loaded.error().describe());
        return std::move(*loaded);
    }();
    return extractor;
}

inline Document text_document(std::string text, std::string path = "doc.txt")
{
    Document document;
    document.sha256 = sha256_hex(text);
    document.path = std::move(path);
    document.published = "2023-06-20";
    document.text = std::move(text);
    return document;
}

inline Extraction extract_text(std::string text, ExtractOptions options = {})
{
    if (options.event.empty()) options.event = "test-event";
    if (options.publication.empty()) options.publication = "publication";
    auto extraction = shared_extractor().extract(text_document(std::move(text)), options);
    if (!extraction) FAIL(extraction.error().describe());
    return std::move(*extraction);
}

// The claims of one attribute.
inline std::vector<Claim> of(const Extraction& extraction, std::string_view attribute)
{
    std::vector<Claim> out;
    for (const Claim& claim : extraction.claims) {
        if (claim.attribute == attribute) out.push_back(claim);
    }
    return out;
}

inline Count count_of(const Claim& claim) { return std::get<Count>(claim.value.data); }
inline Agent agent_of(const Claim& claim) { return std::get<Agent>(claim.value.data); }

}  // namespace contra::test
