// Extractor: the pipeline of one document. Fold the text once, cut it into
// sentences, and for each sentence read its words against the lexicons,
// find who speaks, find the figures, and build the claims.
#include <contra/extract.hpp>
#include <contra/limits.hpp>
#include <contra/quantity.hpp>
#include <contra/text.hpp>

#include "extract/attribution.hpp"
#include "extract/cause.hpp"
#include "extract/claim_builder.hpp"
#include "extract/lexicon.hpp"
#include "extract/segmenter.hpp"
#include "extract/sources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace contra {

namespace extraction = detail::extraction;

struct Extractor::Impl {
    extraction::Lexicon lexicon;
    QuantityParser quantities;
    extraction::CauseFinder causes;
};

namespace {

using extraction::WordToken;

constexpr std::size_t k_context = 32;

bool is_markdown(std::string_view path)
{
    return path.ends_with(".md") || path.ends_with(".markdown") || path.ends_with(".mdown");
}

std::string_view before(std::string_view text, std::size_t end)
{
    std::size_t start = end > k_context ? end - k_context : 0;
    while (start < end && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
    return text.substr(start, end - start);
}

std::string_view after(std::string_view text, std::size_t start)
{
    std::size_t end = std::min(text.size(), start + k_context);
    while (end > start && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(start, end - start);
}

// The folded index of original offset `offset`.
std::size_t folded_at(const FoldedText& folded, std::size_t offset)
{
    auto it = std::lower_bound(folded.origin.begin(), folded.origin.end() - 1, static_cast<std::uint32_t>(offset));
    return static_cast<std::size_t>(it - folded.origin.begin());
}

bool all_upper(std::string_view word)
{
    if (word.size() < 2 || word.size() > 8) return false;
    return std::ranges::all_of(word, [](char c) { return c >= 'A' && c <= 'Z'; });
}

// "Mojahedin-e Khalq (MEK)": defines MEK as the capitalised words before it.
void define_acronyms(std::string_view text, std::span<const WordToken> tokens, extraction::SourceResolver& resolver)
{
    for (std::size_t i = 1; i + 2 < tokens.size(); ++i) {
        if (!(tokens[i].punct && tokens[i].word == "(" && tokens[i + 2].punct && tokens[i + 2].word == ")")) continue;
        const std::string_view acronym = text.substr(tokens[i + 1].start, tokens[i + 1].end - tokens[i + 1].start);
        if (!all_upper(acronym)) continue;
        std::size_t first = i;
        while (first > 0) {
            const WordToken& token = tokens[first - 1];
            const bool joined = token.punct && token.word == "-";
            const bool after_dash = first >= 2 && tokens[first - 2].punct && tokens[first - 2].word == "-";
            const bool connector = token.word == "of" || token.word == "for" || token.word == "and";
            if (!(token.capital || joined || (after_dash && !token.punct) || (connector && first >= 2 && tokens[first - 2].capital))) break;
            --first;
        }
        while (first < i && !tokens[first].capital) ++first;
        if (first == i) continue;
        resolver.define_acronym(acronym, text.substr(tokens[first].start, tokens[i - 1].end - tokens[first].start));
    }
}

struct Focus {
    std::string id;
    std::string mention;
};

}  // namespace

Extractor::Extractor(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;
Extractor::~Extractor() = default;

Expected<Extractor> Extractor::load(const RuleSet& rules)
{
    const std::string dir = (std::filesystem::path(rules.dir()) / "lexicon").string();
    auto lexicon = extraction::Lexicon::load(dir, rules.attributes());
    if (!lexicon) return std::unexpected(lexicon.error());
    auto quantities = QuantityParser::load((std::filesystem::path(dir) / "quantities.toml").string());
    if (!quantities) return std::unexpected(quantities.error());
    auto causes = extraction::CauseFinder::load(dir);
    if (!causes) return std::unexpected(causes.error());
    return Extractor(std::make_unique<Impl>(Impl{std::move(*lexicon), std::move(*quantities), std::move(*causes)}));
}

Expected<Extraction> Extractor::extract(const Document& document, const ExtractOptions& options) const
{
    const std::string_view text = document.text;
    if (auto valid = validate_utf8(text, document.path); !valid) return std::unexpected(valid.error());
    const extraction::Lexicon& lexicon = m_impl->lexicon;

    const std::vector<extraction::ByteRange> skips =
        is_markdown(document.path) ? extraction::markdown_skips(text) : std::vector<extraction::ByteRange>{};
    const FoldedText folded = fold_with_map(text);
    const LineIndex lines(text);
    extraction::SourceResolver resolver(options.known_sources, lexicon);
    const std::string document_speaker =
        options.speaker ? *options.speaker : (options.publication.empty() ? "publication" : options.publication);

    Extraction extraction;
    Focus focus;
    std::vector<WordToken> tokens;
    std::vector<extraction::PhraseMatch> matches;
    std::vector<extraction::Figure> figures;
    std::vector<extraction::SentenceClaim> found;

    for (const extraction::ByteRange& range : extraction::segment_sentences(text, skips)) {
        extraction::tokenize_words(folded, text, folded_at(folded, range.start), folded_at(folded, range.end), tokens);
        if (tokens.empty()) continue;
        lexicon.phrases.scan(tokens, matches);
        const extraction::SentenceView sentence{tokens, matches};
        define_acronyms(text, tokens, resolver);

        // Who speaks.
        Focus speaker{document_speaker, {}};
        const auto attribution = extraction::find_attribution(sentence, lexicon);
        if (attribution) {
            const std::string mention(text.substr(tokens[attribution->first].start,
                                                  tokens[attribution->last - 1].end - tokens[attribution->first].start));
            // "The regional emergency service gives other figures: it says ...":
            // a pronoun after the sentence's own subject stands for that subject.
            std::optional<extraction::Attribution> subject;
            if (attribution->kind == extraction::SpeakerKind::pronoun) {
                subject = extraction::leading_subject(sentence, lexicon);
                if (subject && subject->last > attribution->first) subject.reset();
            }
            if (attribution->kind == extraction::SpeakerKind::named) {
                speaker = Focus{resolver.resolve(mention), mention};
                focus = speaker;
            } else if (subject) {
                const std::string named(text.substr(tokens[subject->first].start,
                                                    tokens[subject->last - 1].end - tokens[subject->first].start));
                speaker = Focus{resolver.resolve(named), named};
                focus = speaker;
            } else if (!focus.id.empty()) {
                speaker = Focus{focus.id, mention};
            } else {
                speaker.mention = mention;
            }
        } else if (sentence.is_punct(0, '"') && !focus.id.empty()) {
            speaker = focus;  // a quotation that goes on from the last speaker
        } else if (auto subject = extraction::leading_subject(sentence, lexicon)) {
            const std::string mention(text.substr(tokens[subject->first].start,
                                                  tokens[subject->last - 1].end - tokens[subject->first].start));
            if (auto id = resolver.find(mention); !id.empty()) focus = Focus{id, mention};
        }

        // The figures.
        figures.clear();
        // Only a sentence with a trigger can hold a count: the others skip the quantity parser.
        const bool has_trigger = std::ranges::any_of(matches, [](const extraction::PhraseMatch& match) {
            return match.cue == extraction::Cue::trigger;
        });
        const std::string_view slice = text.substr(range.start, has_trigger ? range.end - range.start : 0);
        for (const Quantity& quantity : m_impl->quantities.find(slice)) {
            if (quantity.kind != QuantityKind::count || quantity.lo < 0) continue;
            const std::size_t q_start = range.start + quantity.start;
            const std::size_t q_end = range.start + quantity.end;
            auto first = std::ranges::find_if(tokens, [&](const WordToken& t) { return t.start >= q_start; });
            auto last = std::ranges::find_if(first, tokens.end(), [&](const WordToken& t) { return t.end > q_end; });
            if (first == last) continue;
            extraction::Figure figure;
            figure.first = static_cast<std::uint32_t>(first - tokens.begin());
            figure.last = static_cast<std::uint32_t>(last - tokens.begin());
            // A year is not a count: "since 2010", "June 20, 2023".
            const bool year_like = figure.last - figure.first == 1 && first->number && first->word.size() == 4 &&
                                   quantity.hi == quantity.lo && quantity.lo >= 1800 && quantity.lo <= 2100;
            const bool counts_something = sentence.at(figure.last, extraction::Cue::trigger) != nullptr ||
                                          sentence.at(figure.last, extraction::Cue::group) != nullptr;
            if (year_like && !counts_something) continue;
            figure.count.lo = static_cast<std::int64_t>(std::ceil(quantity.lo));
            if (quantity.hi) figure.count.hi = static_cast<std::int64_t>(std::floor(*quantity.hi));
            figure.wording = quantity.text;
            figures.push_back(std::move(figure));
        }

        found.clear();
        extraction::build_claims(sentence, lexicon, figures, attribution, found);
        m_impl->causes.find(text, sentence, lexicon, attribution, found);
        for (extraction::SentenceClaim& raw : found) {
            Claim claim;
            claim.event = options.event;
            claim.source = speaker.id;
            claim.mention = speaker.mention;
            claim.attribute = std::move(raw.attribute);
            claim.qualifier = std::move(raw.qualifier);
            claim.value = std::move(raw.value);
            claim.polarity = raw.polarity;
            claim.document = document.sha256;
            const LineColumn at = lines.at(raw.start);
            claim.span = Span{raw.start, raw.end, at.line, at.column};
            claim.quote = std::string(text.substr(raw.start, raw.end - raw.start));
            claim.prefix = std::string(before(text, raw.start));
            claim.suffix = std::string(after(text, raw.end));
            claim.origin = fmt::format("extracted:{}@{}", raw.rule, extraction::k_rule_version);
            claim.stated_on = document.published;
            claim.id = make_claim_id(claim);
            if (extraction.claims.size() == k_max_claims_per_document) {
                return bad_input(fmt::format("more than {} claims in one document", k_max_claims_per_document),
                                 Location{document.path, at.line, at.column, raw.start});
            }
            extraction.claims.push_back(std::move(claim));
        }
    }
    extraction.new_sources = resolver.new_sources();
    return extraction;
}

}  // namespace contra
