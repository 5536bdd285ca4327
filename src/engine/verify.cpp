// contra verify: every provenance pin and link re-checked against the store.
#include <contra/hash.hpp>
#include <contra/text.hpp>
#include <contra/verify.hpp>

#include <fmt/core.h>

#include <map>
#include <optional>
#include <set>

namespace contra {

std::string_view to_string(ProblemKind kind)
{
    switch (kind) {
    case ProblemKind::document_hash: return "document-hash";
    case ProblemKind::orphaned_quote: return "orphaned-quote";
    case ProblemKind::claim_identity: return "claim-identity";
    case ProblemKind::broken_link: return "broken-link";
    case ProblemKind::flag_identity: return "flag-identity";
    case ProblemKind::integrity: return "integrity";
    }
    return "unknown";
}

namespace {

// What the document holds at [start, end), or nullopt when out of range.
std::optional<std::string_view> slice(std::string_view text, std::size_t start, std::size_t end)
{
    if (start > end || end > text.size()) return std::nullopt;
    return text.substr(start, end - start);
}

// Shortened for a message: the first 60 bytes, cut on a character boundary.
std::string excerpt(std::string_view text)
{
    constexpr std::size_t k_most = 60;
    if (text.size() <= k_most) return std::string(text);
    std::size_t cut = k_most;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut)) + "…";
}

}  // namespace

std::optional<std::string> pin_problem(const Claim& claim, std::string_view text)
{
    const auto& span = claim.span;
    const auto held = slice(text, span.start, span.end);
    if (!held) {
        return fmt::format("bytes {}–{} lie outside its document ({} bytes)", span.start, span.end, text.size());
    }
    std::string why;
    if (*held != claim.quote) {
        why = fmt::format("bytes {}–{} hold \"{}\", not the quote \"{}\"", span.start, span.end, excerpt(*held),
                          excerpt(claim.quote));
    } else {
        const auto before = span.start >= claim.prefix.size()
                                ? slice(text, span.start - claim.prefix.size(), span.start)
                                : std::nullopt;
        const auto after = slice(text, span.end, span.end + claim.suffix.size());
        if (!before || *before != claim.prefix) {
            why = fmt::format("the quote at bytes {}–{} is no longer preceded by its prefix \"{}\"", span.start,
                              span.end, excerpt(claim.prefix));
        } else if (!after || *after != claim.suffix) {
            why = fmt::format("the quote at bytes {}–{} is no longer followed by its suffix \"{}\"", span.start,
                              span.end, excerpt(claim.suffix));
        } else if (span.line > 0) {
            const auto at = LineIndex(text).at(span.start);
            if (at.line != span.line || at.column != span.column) {
                why = fmt::format("the quote is at {}:{}, not at {}:{} as pinned", at.line, at.column, span.line,
                                  span.column);
            }
        }
    }
    if (why.empty()) return std::nullopt;
    // Say where the words are now, without moving the pin there.
    if (!claim.quote.empty()) {
        const auto elsewhere = text.find(claim.quote);
        if (elsewhere != std::string_view::npos && elsewhere != span.start) {
            why += fmt::format(" (the quote occurs at byte {}; the pin is not moved)", elsewhere);
        }
    }
    return why;
}

namespace {

void add(VerifyReport& report, ProblemKind kind, std::string subject, std::string message)
{
    report.problems.push_back(VerifyProblem{kind, std::move(subject), std::move(message)});
}

void check_documents(VerifyReport& report, const std::vector<Document>& documents)
{
    for (const auto& document : documents) {
        const auto hashed = sha256_hex(document.text);
        if (hashed != document.sha256) {
            add(report, ProblemKind::document_hash, document.sha256,
                fmt::format("document {} ({}): its text now hashes to {}", document.sha256,
                            document.path.empty() ? document.title : document.path, hashed));
        }
    }
}

void check_claims(VerifyReport& report, const std::vector<Claim>& claims,
                  const std::map<std::string_view, const Document*>& documents)
{
    for (const auto& claim : claims) {
        const auto document = documents.find(claim.document);
        if (document == documents.end()) {
            add(report, ProblemKind::broken_link, claim.id,
                fmt::format("claim {}: its document {} is not in the store", claim.id, claim.document));
            continue;
        }
        if (auto why = pin_problem(claim, document->second->text)) {
            const auto& path = document->second->path;
            add(report, ProblemKind::orphaned_quote, claim.id,
                fmt::format("claim {}: orphaned quote in {}: {}", claim.id, path.empty() ? claim.document : path,
                            *why));
        }
        if (const auto expected = make_claim_id(claim); expected != claim.id) {
            add(report, ProblemKind::claim_identity, claim.id,
                fmt::format("claim {}: what it says now gives the id {}", claim.id, expected));
        }
    }
}

void check_flags(VerifyReport& report, const std::vector<Flag>& flags, const std::map<std::string_view, const Claim*>& claims)
{
    for (const auto& flag : flags) {
        std::vector<const Claim*> linked;
        bool complete = true;
        if (flag.claims.empty()) {
            add(report, ProblemKind::broken_link, flag.id, fmt::format("flag {}: links no claims", flag.id));
            continue;
        }
        for (const auto& id : flag.claims) {
            const auto claim = claims.find(id);
            if (claim == claims.end()) {
                add(report, ProblemKind::broken_link, flag.id,
                    fmt::format("flag {}: broken link to claim {}, which is not in the store", flag.id, id));
                complete = false;
                continue;
            }
            linked.push_back(claim->second);
        }
        if (complete) {
            if (!flag_id_matches(flag.id, flag.rule, linked)) {
                add(report, ProblemKind::flag_identity, flag.id,
                    fmt::format("flag {}: its rule {} and claims now give the id {}", flag.id, flag.rule,
                                make_flag_id(flag.rule, linked)));
            }
        }
    }
}

}  // namespace

Expected<VerifyReport> verify_store(const Store& store)
{
    auto documents = store.documents(true);
    if (!documents) return std::unexpected(documents.error());
    auto claims = store.claims();
    if (!claims) return std::unexpected(claims.error());
    auto flags = store.flags();
    if (!flags) return std::unexpected(flags.error());
    auto reviews = store.all_reviews();
    if (!reviews) return std::unexpected(reviews.error());
    auto integrity = store.check_integrity();
    if (!integrity) return std::unexpected(integrity.error());

    VerifyReport report;
    report.documents = static_cast<int>(documents->size());
    report.claims = static_cast<int>(claims->size());
    report.flags = static_cast<int>(flags->size());
    report.reviews = static_cast<int>(reviews->size());

    for (auto& line : *integrity) add(report, ProblemKind::integrity, {}, std::move(line));

    std::map<std::string_view, const Document*> by_sha;
    for (const auto& document : *documents) by_sha.emplace(document.sha256, &document);
    std::map<std::string_view, const Claim*> by_id;
    for (const auto& claim : *claims) by_id.emplace(claim.id, &claim);
    std::set<std::string_view> flag_ids;
    for (const auto& flag : *flags) flag_ids.insert(flag.id);

    check_documents(report, *documents);
    check_claims(report, *claims, by_sha);
    check_flags(report, *flags, by_id);
    for (const auto& review : *reviews) {
        if (!flag_ids.contains(review.flag)) {
            add(report, ProblemKind::broken_link, review.flag,
                fmt::format("review {}: broken link to flag {}, which is not in the store", review.seq, review.flag));
        }
    }
    return report;
}

}  // namespace contra
