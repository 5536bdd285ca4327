#include <contra/inspect.hpp>

#include <fmt/core.h>

#include <algorithm>

namespace contra {

namespace {

bool ends_sentence(std::string_view text, std::size_t i)
{
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') return false;
    return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
}

bool paragraph_break(std::string_view text, std::size_t i)
{
    return text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n';
}

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

TextRange sentence_around(std::string_view text, std::size_t start, std::size_t end)
{
    constexpr std::size_t k_reach = 400;  // never more than this either side
    start = std::min(start, text.size());
    end = std::clamp(end, start, text.size());
    std::size_t from = start;
    while (from > 0 && start - from < k_reach) {
        if (ends_sentence(text, from - 1) || paragraph_break(text, from - 1)) break;
        --from;
    }
    std::size_t to = end;
    while (to < text.size() && to - end < k_reach) {
        if (paragraph_break(text, to)) break;
        if (ends_sentence(text, to)) {
            ++to;
            break;
        }
        ++to;
    }
    while (from < start && (text[from] == ' ' || text[from] == '\n')) ++from;
    return {from, to};
}

Expected<ClaimView> inspect_claim(const Store& store, const Claim& claim)
{
    ClaimView view{claim, {}, {}, {}, {}};
    auto source = store.source(claim.source);
    if (!source) return std::unexpected(source.error());
    view.source = source->value_or(Source{claim.source, claim.source, {}, Stake::unknown, {}});
    auto document = store.document(claim.document, true);
    if (!document) return std::unexpected(document.error());
    if (*document) {
        auto& doc = **document;
        if (claim.span.end <= doc.text.size() && claim.span.start <= claim.span.end) {
            auto range = sentence_around(doc.text, claim.span.start, claim.span.end);
            view.before = doc.text.substr(range.start, claim.span.start - range.start);
            view.after = doc.text.substr(claim.span.end, range.end - claim.span.end);
        }
        doc.text.clear();
        view.document = std::move(doc);
    }
    return view;
}

Expected<FlagView> inspect_flag(const Store& store, std::string_view id)
{
    auto flag = store.flag(id);
    if (!flag) return std::unexpected(flag.error());
    if (!*flag) {
        auto all = store.flags();
        if (!all) return std::unexpected(all.error());
        std::vector<std::pair<std::size_t, std::string>> near;
        for (const auto& candidate : *all) near.emplace_back(edit_distance(id, candidate.id), candidate.id);
        std::ranges::sort(near);
        std::string hint;
        for (std::size_t i = 0; i < near.size() && i < 3 && near[i].first <= 4; ++i) {
            hint += (hint.empty() ? "; did you mean " : ", ") + near[i].second;
        }
        return bad_input(fmt::format("no flag {}{}", id, hint));
    }
    FlagView view{std::move(**flag), {}, {}};
    for (const auto& claim_id : view.flag.claims) {
        auto claim = store.claim(claim_id);
        if (!claim) return std::unexpected(claim.error());
        if (!*claim) return internal_error(fmt::format("flag {} links a missing claim {}", id, claim_id));
        auto claim_view = inspect_claim(store, **claim);
        if (!claim_view) return std::unexpected(claim_view.error());
        view.claims.push_back(std::move(*claim_view));
    }
    auto reviews = store.reviews(view.flag.id);
    if (!reviews) return std::unexpected(reviews.error());
    view.reviews = std::move(*reviews);
    return view;
}

}  // namespace contra
