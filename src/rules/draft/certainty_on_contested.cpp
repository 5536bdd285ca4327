#include "rules/draft/certainty_on_contested.hpp"

#include <contra/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

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
    } catch (const toml::parse_error& error) {
        reader.error(location_of(error.source(), path), std::string(error.description()));
    }
    return params;
}

void CertaintyOnContested::check(const DraftContext& context, std::vector<Finding>& out) const
{
    const std::string_view prose = context.draft.prose;
    for (const auto& [start, end] : context.sentences) {
        // The disputed value the sentence states, if any.
        const Claim* disputed = nullptr;
        const ContestedPoint* point = nullptr;
        for (const Claim& claim : context.draft_claims) {
            if (claim.span.start < start || claim.span.start >= end || claim.polarity == Polarity::hedged) continue;
            if ((point = contested_point(context, claim)) != nullptr) {
                disputed = &claim;
                break;
            }
        }
        if (disputed == nullptr) continue;
        const FoldedText folded = fold_with_map(prose.substr(start, end - start));
        std::size_t best = std::string_view::npos;
        std::size_t best_length = 0;
        for (const auto& word : m_params.words) {
            for (auto at = find_words(folded.text, word); at != std::string_view::npos;
                 at = find_words(folded.text, word, at + 1)) {
                if (cancelled(folded.text, at, m_params.cancelled_by)) continue;
                if (at < best) {
                    best = at;
                    best_length = word.size();
                }
                break;
            }
        }
        if (best == std::string_view::npos) continue;
        const std::size_t word_start = start + folded.origin[best];
        const std::size_t word_end = start + folded.origin[best + best_length];
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
