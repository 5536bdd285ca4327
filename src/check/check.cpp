// contra check: which event each draft is about, what the event's accounts
// dispute, and the draft rules run over the claims extracted from the draft.
#include <contra/accounts.hpp>
#include <contra/check.hpp>
#include <contra/draft_rule.hpp>
#include <contra/engine.hpp>
#include <contra/hash.hpp>
#include <contra/text.hpp>

#include "extract/segmenter.hpp"
#include "rules/draft/draft_kind.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <system_error>

namespace contra {

namespace {

namespace fs = std::filesystem;

// The source id the extractor gives to what the draft says in its own voice.
constexpr std::string_view k_own_voice = "(draft)";

// What a check needs of one event, read once however many drafts are about it.
struct EventAccounts {
    Event event;
    std::vector<Claim> claims;
    std::vector<Flag> flags;
    std::vector<ContestedPoint> contested;
    std::map<std::string, std::string, std::less<>> documents;
};

// A flag makes its point contested while it is active, not dismissed, and
// more than a note (a revision, at severity info, is not a dispute).
bool disputes(const Flag& flag)
{
    return flag.state == FlagState::active && flag.status != ReviewStatus::dismissed &&
           flag.severity != Severity::info;
}

Expected<std::unique_ptr<EventAccounts>> read_event(const Store& store, const Event& event)
{
    auto accounts = std::make_unique<EventAccounts>();
    accounts->event = event;
    auto claims = store.claims(event.id);
    if (!claims) return std::unexpected(claims.error());
    accounts->claims = std::move(*claims);
    FlagFilter filter;
    filter.event = event.id;
    filter.state = FlagState::active;
    auto flags = store.flags(filter);
    if (!flags) return std::unexpected(flags.error());
    accounts->flags = std::move(*flags);
    std::ranges::sort(accounts->flags, {}, &Flag::id);

    std::map<std::string_view, const Claim*> by_id;
    for (const auto& claim : accounts->claims) by_id.emplace(claim.id, &claim);
    for (const auto& flag : accounts->flags) {
        if (!disputes(flag)) continue;
        std::vector<const Claim*> claims_of_flag;
        for (const auto& id : flag.claims) {
            if (auto it = by_id.find(id); it != by_id.end()) claims_of_flag.push_back(it->second);
        }
        if (claims_of_flag.empty()) continue;
        const Claim& first = *claims_of_flag.front();
        auto point = std::ranges::find_if(accounts->contested, [&](const ContestedPoint& p) {
            return p.attribute == first.attribute && p.qualifier == first.qualifier;
        });
        if (point == accounts->contested.end()) {
            accounts->contested.push_back(ContestedPoint{first.attribute, first.qualifier, {}, {}});
            point = accounts->contested.end() - 1;
        }
        point->flags.push_back(&flag);
        for (const Claim* claim : claims_of_flag) {
            if (std::ranges::find(point->claims, claim) == point->claims.end()) point->claims.push_back(claim);
        }
    }
    // The competing accounts in the store's order (stated_on, document, span).
    for (auto& point : accounts->contested) {
        std::ranges::sort(point.claims, [](const Claim* x, const Claim* y) { return x < y; });
    }
    for (const auto& claim : accounts->claims) {
        if (accounts->documents.contains(claim.document)) continue;
        auto document = store.document(claim.document, false);
        if (!document) return std::unexpected(document.error());
        std::string name;
        if (*document) name = !(*document)->title.empty() ? (*document)->title : (*document)->path;
        accounts->documents.emplace(claim.document, name.empty() ? claim.document : name);
    }
    return accounts;
}

std::string known_event_ids(std::span<const Event> events)
{
    std::vector<std::string> ids;
    for (const auto& event : events) ids.push_back(event.id);
    return ids.empty() ? std::string("(none)") : fmt::format("{}", fmt::join(ids, ", "));
}

// Which event the draft is about: "" for none; an error for an unknown one.
Expected<std::string> event_of(const Draft& draft, std::span<const Event> events, const CheckOptions& options)
{
    const auto known = [&](std::string_view id) {
        return std::ranges::any_of(events, [&](const Event& event) { return event.id == id; });
    };
    if (options.event) {
        if (!known(*options.event)) {
            return bad_input(fmt::format("--event: unknown event '{}'; known events: {}", *options.event,
                                         known_event_ids(events)));
        }
        return *options.event;
    }
    if (draft.event) {
        if (!known(*draft.event)) {
            return bad_input(fmt::format("front matter names unknown event '{}'; known events: {}", *draft.event,
                                         known_event_ids(events)),
                             Location{draft.path, 0, 0, {}});
        }
        return *draft.event;
    }
    return detect_event(draft.prose, events);
}

// Fingerprints unique within one draft: a repeat gets its ordinal mixed in,
// so it stays stable when unrelated lines change.
void make_fingerprints_unique(std::vector<Finding>& findings, std::size_t first)
{
    std::map<std::string, int> seen;
    for (std::size_t i = first; i < findings.size(); ++i) {
        const int n = ++seen[findings[i].fingerprint];
        if (n > 1) findings[i].fingerprint = short_hash(fmt::format("{}#{}", findings[i].fingerprint, n), 16);
    }
}

}  // namespace

std::string detect_event(std::string_view prose, std::span<const Event> events)
{
    const std::string folded = fold(prose);
    std::string best;
    std::size_t best_at = std::string::npos;
    std::size_t best_length = 0;
    for (const auto& event : events) {
        std::vector<std::string> names = event.aliases;
        names.push_back(event.title);
        for (const auto& name : names) {
            const std::string needle = fold(name);
            const std::size_t at = detail::find_words(folded, needle);
            if (at == std::string::npos) continue;
            if (at < best_at || (at == best_at && needle.size() > best_length)) {
                best = event.id;
                best_at = at;
                best_length = needle.size();
            }
        }
    }
    return best;
}

Expected<CheckReport> check_drafts(const Store& store, const RuleSet& rules, const Extractor& extractor,
                                   std::span<const Draft> drafts, const CheckOptions& options)
{
    auto events = store.events();
    if (!events) return std::unexpected(events.error());
    auto source_list = store.sources();
    if (!source_list) return std::unexpected(source_list.error());
    std::map<std::string, Source, std::less<>> sources;
    for (const auto& source : *source_list) sources.emplace(source.id, source);

    CheckReport report;
    report.drafts = static_cast<int>(drafts.size());
    for (const Draft& draft : drafts) report.paths.push_back(draft.path);
    std::map<std::string, std::unique_ptr<EventAccounts>, std::less<>> cache;
    for (const Draft& draft : drafts) {
        auto event_id = event_of(draft, *events, options);
        if (!event_id) return std::unexpected(event_id.error());
        if (event_id->empty()) {
            report.notes.push_back(fmt::format(
                "{}: about no known event (name one with --event or `event:` in the front matter)", draft.path));
            continue;
        }
        auto cached = cache.find(*event_id);
        if (cached == cache.end()) {
            const Event& event = *std::ranges::find(*events, *event_id, &Event::id);
            auto accounts = read_event(store, event);
            if (!accounts) return std::unexpected(accounts.error());
            cached = cache.emplace(*event_id, std::move(*accounts)).first;
        }
        const EventAccounts& accounts = *cached->second;

        Document document;
        document.sha256 = sha256_hex(draft.prose);
        document.path = draft.path;
        document.text = draft.prose;
        ExtractOptions extract_options;
        extract_options.event = *event_id;
        extract_options.known_sources = *source_list;
        extract_options.publication = std::string(k_own_voice);
        auto extraction = extractor.extract(document, extract_options);
        if (!extraction) return std::unexpected(extraction.error());

        std::vector<std::pair<std::size_t, std::size_t>> sentences;
        for (const auto& range : detail::extraction::segment_sentences(draft.prose)) {
            sentences.emplace_back(range.start, range.end);
        }
        const LineIndex lines(draft.original);
        const DraftContext context{draft,      accounts.event,      extraction->claims, k_own_voice,
                                   accounts.claims, accounts.contested, sources,         rules.attributes(),
                                   accounts.documents, sentences,     lines};
        const std::size_t first = report.findings.size();
        for (const auto& rule : rules.draft_rules()) rule->check(context, report.findings);
        for (std::size_t i = first; i < report.findings.size(); ++i) {
            report.findings[i].suppressed = draft.suppressed(report.findings[i].rule, report.findings[i].line);
        }
        make_fingerprints_unique(report.findings, first);
    }
    std::ranges::stable_sort(report.findings, [](const Finding& x, const Finding& y) {
        return std::tie(x.path, x.line, x.column, x.rule) < std::tie(y.path, y.line, y.column, y.rule);
    });
    return report;
}

bool check_fails(const CheckReport& report, Severity fail_on)
{
    return std::ranges::any_of(report.findings,
                               [&](const Finding& f) { return !f.suppressed && f.severity >= fail_on; });
}

Expected<Store> store_from_accounts(const std::string& dir, const RuleSet& rules, std::string_view now)
{
    std::error_code error;
    if (!fs::is_directory(dir, error)) {
        return bad_input(fmt::format("--accounts: not a directory: {}", dir), Location{dir, 0, 0, {}});
    }
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        if (it->is_regular_file(error) && it->path().filename() == "accounts.toml") files.push_back(it->path().string());
    }
    if (error) return bad_input(fmt::format("cannot list {}: {}", dir, error.message()), Location{dir, 0, 0, {}});
    std::ranges::sort(files);
    if (files.empty()) {
        return bad_input(fmt::format("--accounts: no accounts.toml under {}", dir), Location{dir, 0, 0, {}});
    }
    auto store = Store::open_in_memory();
    if (!store) return std::unexpected(store.error());
    AccountsOptions accounts_options;
    accounts_options.attributes = &rules.attributes();
    for (const auto& file : files) {
        auto accounts = load_accounts(file, accounts_options);
        if (!accounts) return std::unexpected(accounts.error());
        if (auto imported = import_accounts(*store, *accounts); !imported) return std::unexpected(imported.error());
    }
    if (auto ran = run_rules(*store, rules, std::nullopt, now); !ran) return std::unexpected(ran.error());
    return std::move(*store);
}

}  // namespace contra
