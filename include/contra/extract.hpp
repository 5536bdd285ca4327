// Extraction: who claims what in English news text, each claim pinned to its words.
#pragma once

#include <contra/claim.hpp>
#include <contra/document.hpp>
#include <contra/error.hpp>
#include <contra/rule_set.hpp>
#include <contra/source.hpp>
#include <contra/text.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace contra {

struct ExtractOptions {
    std::string event;                  // event id the claims are about
    std::vector<Source> known_sources;  // the event's sources and aliases: they take priority
    std::optional<std::string> speaker; // --source: the whole document is this source's statement
    std::string publication;            // source id for claims in the document's own voice
    // The event's date (ISO), when known: a figure whose nearest year lies
    // outside the span from the event's year (this date's, or the one its id
    // ends with) to the year the document was published is another event's
    // ("In 2016 a fire killed 19").
    std::string event_date;
    // False leaves Claim::id empty: a caller that only reads the claims, as
    // `contra check` does with a draft's, saves a SHA-256 per claim.
    bool claim_ids = true;
    // False leaves a claim's quote, prefix, suffix and origin empty: a caller
    // that reads only what the claims say and where (span), as the draft
    // rules do, saves four strings per claim.
    bool quotes = true;
    // True fills Extraction::sentences: a caller that reads the text by
    // sentence too, as the draft rules do, need not segment it again.
    bool sentences = false;
    // document.text already folded by fold_with_map, as `contra check` folds
    // a draft once for all its readers; null folds it here.
    const FoldedText* folded = nullptr;
};

struct Extraction {
    std::vector<Claim> claims;        // in text order, pinned to document.text
    std::vector<Source> new_sources;  // sources first met in this document
    std::vector<std::pair<std::size_t, std::size_t>> sentences;  // byte ranges, with ExtractOptions::sentences
};

class Extractor {
public:
    // Compiles the lexicons under rules_dir/lexicon and the attributes' triggers.
    [[nodiscard]] static Expected<Extractor> load(const RuleSet& rules);

    Extractor(Extractor&&) noexcept;
    Extractor& operator=(Extractor&&) noexcept;
    ~Extractor();

    // `document.text` must be valid UTF-8; `document.sha256` is set on the claims.
    [[nodiscard]] Expected<Extraction> extract(const Document& document, const ExtractOptions& options) const;

private:
    struct Impl;
    explicit Extractor(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace contra
