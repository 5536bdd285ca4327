#include "rules/draft/certainty_on_contested.hpp"

#include <contra/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <iterator>
#include <utility>
#include <vector>

namespace contra::detail {

namespace {

namespace fs = std::filesystem;

// The lexicon's folded strings under `key`; records a problem on the reader.
std::vector<std::string> folded_list(const toml::table& table, std::string_view key, const std::string& path,
                                     RuleReader& reader, bool required)
{
    std::vector<std::string> out;
    const toml::node* node = table.get(key);
    if (node == nullptr) {
        if (required) reader.error(Location{path, 1, 1, {}}, fmt::format("lexicon has no '{}' list", key));
        return out;
    }
    const auto* array = node->as_array();
    if (array == nullptr) {
        reader.error(location_of(node->source(), path), fmt::format("'{}' must be an array of strings", key));
        return out;
    }
    for (const auto& item : *array) {
        const auto text = item.value<std::string>();
        if (!text || trim(*text).empty()) {
            reader.error(location_of(item.source(), path), fmt::format("'{}' must hold non-empty strings", key));
            continue;
        }
        out.push_back(fold(*text));
    }
    return out;
}

// True when one of the `cancel` words ends right before `at` ("not confirmed").
bool cancelled(std::string_view folded, std::size_t at, const std::vector<std::string>& cancel)
{
    std::string_view before = folded.substr(0, at);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    return std::ranges::any_of(cancel, [&](const std::string& word) {
        return before.ends_with(word) &&
               (before.size() == word.size() || before[before.size() - word.size() - 1] == ' ');
    });
}

// Where the first certainty word that no cancelling word undoes begins in
// `sentence` (folded), and its length; npos when none does. One pass: at each
// place only the words that begin with its byte are tried, and a word that
// begins with a word byte only where a word of the sentence begins. At the
// same place the first word of the list wins.
std::pair<std::size_t, std::size_t> first_certainty_word(std::string_view sentence,
                                                         const CertaintyOnContestedParams& params)
{
    for (std::size_t at = 0; at < sentence.size(); ++at) {
        const char c = sentence[at];
        const auto& candidates = params.words_by_first_byte[static_cast<unsigned char>(c)];
        if (candidates.empty()) continue;
        if (at > 0 && is_word_byte(c) && is_word_byte(sentence[at - 1])) continue;
        for (const std::uint8_t index : candidates) {
            const std::string& word = params.words[index];
            if (sentence.compare(at, word.size(), word) != 0) continue;
            const std::size_t end = at + word.size();
            if (end < sentence.size() && is_word_byte(sentence[end]) && is_word_byte(word.back())) continue;
            if (cancelled(sentence, at, params.cancelled_by)) continue;
            return {at, word.size()};
        }
    }
    return {std::string_view::npos, 0};
}

}  // namespace

CertaintyOnContestedParams CertaintyOnContested::read(RuleReader& reader)
{
    CertaintyOnContestedParams params;
    params.lexicon = reader.string("lexicon", Need::optional).value_or("certainty");
    reader.note_parameter("lexicon", fmt::format("\"{}\"", params.lexicon));
    const fs::path rules_dir = fs::path(reader.path()).parent_path().parent_path();
    const std::string path = (rules_dir / "lexicon" / (params.lexicon + ".toml")).string();
    auto text = read_text_file(path);
    if (!text) {
        reader.error(reader.value_location("lexicon"),
                     fmt::format("cannot read the certainty lexicon: {}", text.error().describe()));
        return params;
    }
    try {
        const toml::table table = toml::parse(*text, path);
        params.words = folded_list(table, "words", path, reader, true);
        params.cancelled_by = folded_list(table, "cancelled_by", path, reader, false);
        if (params.words.size() > 256) {
            reader.error(reader.value_location("lexicon"),
                         fmt::format("{}: at most 256 certainty words, not {}", path, params.words.size()));
        }
        for (std::size_t i = 0; i < params.words.size() && i < 256; ++i) {
            const std::string& word = params.words[i];
            if (!word.empty()) {
                params.words_by_first_byte[static_cast<unsigned char>(word.front())].push_back(static_cast<std::uint8_t>(i));
            }
        }
    } catch (const toml::parse_error& error) {
        reader.error(location_of(error.source(), path), std::string(error.description()));
    }
    return params;
}

void CertaintyOnContested::check(const DraftContext& context, std::vector<Finding>& out) const
{
    const std::string_view prose = context.draft.prose;
    const FoldedText& folded = context.draft.folded;
    FoldedCursor to_folded(folded);
    // The disputed value each sentence states, if any: the first claim (in
    // the draft's order) that begins in it, is not hedged and is contested.
    const auto sentences = context.sentences;
    std::vector<std::pair<const Claim*, const ContestedPoint*>> disputed_in(sentences.size());
    for (const Claim& claim : context.draft_claims) {
        if (claim.polarity == Polarity::hedged) continue;
        const auto after = std::ranges::upper_bound(sentences, claim.span.start, {},
                                                    [](const auto& sentence) { return sentence.first; });
        if (after == sentences.begin() || claim.span.start >= std::prev(after)->second) continue;
        auto& [disputed, point] = disputed_in[static_cast<std::size_t>(after - sentences.begin()) - 1];
        if (disputed != nullptr) continue;
        if ((point = contested_point(context, claim)) != nullptr) disputed = &claim;
    }
    for (std::size_t k = 0; k < sentences.size(); ++k) {
        const auto [disputed, point] = disputed_in[k];
        if (disputed == nullptr) continue;
        const auto [start, end] = sentences[k];
        const std::size_t first = to_folded.at(start);
        const std::string_view sentence = std::string_view(folded.text).substr(first, to_folded.at(end) - first);
        const auto [best, best_length] = first_certainty_word(sentence, m_params);
        if (best == std::string_view::npos) continue;
        const std::size_t word_start = folded.origin[first + best];
        const std::size_t word_end = folded.origin[first + best + best_length];
        const std::string word(prose.substr(word_start, word_end - word_start));
        const std::vector<const Claim*> shown = point_accounts(*point, *disputed);
        const std::string label = point_label(disputed->attribute, disputed->qualifier);
        const std::string accounts = accounts_text(context, shown);
        const std::string value = disputed->value.display();
        out.push_back(make_finding(context, word_start, word_end, *disputed,
                                   {.value = value, .attribute = label, .accounts = accounts,
                                    .event = context.event.title, .word = word},
                                   shown, point->flags));
    }
}

}  // namespace contra::detail
