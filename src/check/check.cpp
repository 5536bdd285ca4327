// contra check: which event each draft is about, what the event's accounts
// dispute, and the draft rules run over the claims extracted from the draft.
#include <contra/accounts.hpp>
#include <contra/check.hpp>
#include <contra/draft_rule.hpp>
#include <contra/engine.hpp>
#include <contra/hash.hpp>
#include <contra/text.hpp>

#include "check/event_names.hpp"
#include "check/parallel.hpp"
#include "rules/draft/draft_kind.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <system_error>
#include <tuple>

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
    std::vector<ClaimText> claim_texts;  // claims[i] as a finding shows it
};

// A flag makes its point contested while it is active, not dismissed, and
// more than a note (a revision, at severity info, is not a dispute).
bool disputes(const Flag& flag)
{
    return flag.state == FlagState::active && flag.status != ReviewStatus::dismissed &&
           flag.severity != Severity::info;
}

Expected<std::unique_ptr<EventAccounts>> read_event(const Store& store, const Event& event,
                                                    const std::map<std::string, Source, std::less<>>& sources)
{
    auto accounts = std::make_unique<EventAccounts>();
    accounts->event = event;
    auto claims = store.claims(event.id);
    if (!claims) return std::unexpected(claims.error());
    accounts->claims = std::move(*claims);
    accounts->claim_texts.reserve(accounts->claims.size());
    for (const Claim& claim : accounts->claims) accounts->claim_texts.push_back(detail::claim_text(claim, sources));
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

// The store's events, one by id, or all of them only to list the known ones
// after an unknown id.
class EventLookup {
public:
    explicit EventLookup(const Store& store) : m_store(store) {}

    [[nodiscard]] Expected<std::optional<Event>> find(std::string_view id) const { return m_store.event(id); }

    [[nodiscard]] Expected<std::span<const Event>> all()
    {
        if (!m_all) {
            auto events = m_store.events();
            if (!events) return std::unexpected(events.error());
            m_all = std::move(*events);
        }
        return std::span<const Event>(*m_all);
    }

private:
    const Store& m_store;
    std::optional<std::vector<Event>> m_all;
};

// The event each draft names in its prose, for the drafts whose event is not
// given by --event or front matter; empty for the others and for none.
Expected<std::vector<std::string>> named_events(const Store& store, std::span<const Draft> drafts,
                                                const CheckOptions& options)
{
    std::vector<std::string> named(drafts.size());
    if (options.event) return named;
    if (std::ranges::all_of(drafts, [](const Draft& draft) { return draft.event.has_value(); })) return named;
    std::vector<std::string_view> folded(drafts.size());
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        if (!drafts[i].event) folded[i] = drafts[i].folded.text;
    }
    auto names = detail::event_names_in(store, folded);
    if (!names) return std::unexpected(names.error());
    for (std::size_t i = 0; i < drafts.size(); ++i) {
        if (!drafts[i].event) named[i] = names->detect(folded[i]);
    }
    return named;
}

// Which event the draft is about: none (nullopt) or the event; an error for
// an unknown one. `named` is the event its prose names, if any.
Expected<std::optional<Event>> event_of(const Draft& draft, std::string_view named, EventLookup& events,
                                        const CheckOptions& options)
{
    const auto given = [&](const std::string& id, std::string_view what,
                           Location where) -> Expected<std::optional<Event>> {
        auto event = events.find(id);
        if (!event) return std::unexpected(event.error());
        if (*event) return event;
        auto all = events.all();
        if (!all) return std::unexpected(all.error());
        return bad_input(fmt::format("{} '{}'; known events: {}", what, id, known_event_ids(*all)), std::move(where));
    };
    if (options.event) return given(*options.event, "--event: unknown event", {});
    if (draft.event) return given(*draft.event, "front matter names unknown event", Location{draft.path, 0, 0, {}});
    if (named.empty()) return std::nullopt;
    return events.find(named);
}

// The report's order among one draft's findings: line, column, rule.
bool reported_before(const Finding& x, const Finding& y)
{
    return std::tie(x.line, x.column, x.rule) < std::tie(y.line, y.column, y.rule);
}

// Fingerprints unique within one draft: a repeat gets its ordinal mixed in,
// so it stays stable when unrelated lines change.
void make_fingerprints_unique(std::vector<Finding>& findings, std::size_t first)
{
    std::map<std::string, int> seen;
    for (std::size_t i = first; i < findings.size(); ++i) {
        const int n = ++seen[findings[i].fingerprint];
        if (n > 1) findings[i].fingerprint = fingerprint_hex(fmt::format("{}#{}", findings[i].fingerprint, n));
    }
}

// What one worker thread keeps from draft to draft: its extraction options,
// made once. The extractor is shared: extraction keeps its buffers per thread.
// A draft's claims are read by the draft rules and never stored or shown, so
// they go without ids, and the draft without its hash (a SHA-256 per claim
// was a sixth of the check's instructions), and without their quotes.
class ExtractWorker {
public:
    ExtractWorker(const Extractor& extractor, const std::vector<Source>& known) : m_extractor(extractor)
    {
        m_options.known_sources = known;
        m_options.publication = std::string(k_own_voice);
        m_options.claim_ids = false;
        m_options.quotes = false;  // the draft rules read what a claim says and its span
        m_options.sentences = true;  // the draft rules read by sentence too
    }

    // The claims of the draft's prose about `event`, or about none (empty)
    // when it is not known yet: extraction needs no store, the event does.
    // With them, the prose's sentences.
    Expected<Extraction> extract(const Draft& draft, std::string_view event)
    {
        Document document;
        document.path = draft.path;
        document.text = draft.prose;
        m_options.event = event;
        m_options.folded = &draft.folded;
        return m_extractor.extract(document, m_options);
    }

private:
    const Extractor& m_extractor;
    ExtractOptions m_options;
};

// Claims extracted about no event as extracting them about `event` would
// have made them (they have no ids: see ExtractWorker).
void pin_to_event(std::vector<Claim>& claims, const std::string& event)
{
    for (Claim& claim : claims) claim.event = event;
}

// One draft's findings: the draft rules over the claims extracted from it
// (and its sentences, `extracted`), against its event's accounts.
std::vector<Finding> check_one(const Draft& draft, const EventAccounts& accounts, const Extraction& extracted,
                               const RuleSet& rules, const std::map<std::string, Source, std::less<>>& sources)
{
    const LineIndex lines(draft.original);
    const DraftContext context{draft,           accounts.event,      extracted.claims, k_own_voice,
                               accounts.claims, accounts.contested, sources,          rules.attributes(),
                               accounts.documents, extracted.sentences, lines,
                               accounts.claim_texts};
    std::vector<Finding> findings;
    for (const auto& rule : rules.draft_rules()) rule->check(context, findings);
    for (auto& finding : findings) finding.suppressed = draft.suppressed(finding.rule, finding.line);
    make_fingerprints_unique(findings, 0);
    // In the report's order, here where drafts are checked side by side:
    // every finding of the draft has its path.
    std::ranges::stable_sort(findings, reported_before);
    return findings;
}

}  // namespace

std::string detect_event(std::string_view prose, std::span<const Event> events)
{
    const std::string folded = fold(prose);
    const std::string_view text = folded;
    return detail::EventNames(events, std::span(&text, 1)).detect(folded);
}

Expected<std::string> detect_event(std::string_view prose, const Store& store)
{
    const std::string folded = fold(prose);
    const std::string_view text = folded;
    auto names = detail::event_names_in(store, std::span(&text, 1));
    if (!names) return std::unexpected(names.error());
    return names->detect(folded);
}

Expected<CheckReport> check_drafts(const Store& store, const RuleSet& rules, const Extractor& extractor,
                                   std::span<const Draft> drafts, const CheckOptions& options)
{
    // Every read of the store below in one read transaction: SQLite locks
    // the file and checks it for changes once, not once per query.
    auto reading = store.begin_read();
    if (!reading) return std::unexpected(reading.error());
    EventLookup events(store);
    auto source_list = store.sources();
    if (!source_list) return std::unexpected(source_list.error());
    std::map<std::string, Source, std::less<>> sources;
    for (const auto& source : *source_list) sources.emplace(source.id, source);

    CheckReport report;
    report.drafts = static_cast<int>(drafts.size());
    for (const Draft& draft : drafts) report.paths.push_back(draft.path);

    // 1. On this thread, the only one that uses the store's connection: the
    // event of every draft and its accounts, in the drafts' order, up to the
    // first draft that fails. Drafts [0, ready) have theirs.
    std::map<std::string, std::unique_ptr<EventAccounts>, std::less<>> cache;
    std::vector<const EventAccounts*> about(drafts.size(), nullptr);
    std::atomic<std::size_t> ready{0};
    std::optional<Error> failed;
    std::size_t reached = drafts.size();
    const auto read_store = [&] {
        auto named = named_events(store, drafts, options);
        if (!named) {
            failed = std::move(named.error());
            reached = 0;
            return;
        }
        for (std::size_t i = 0; i < drafts.size(); ++i) {
            auto event = event_of(drafts[i], (*named)[i], events, options);
            if (!event) {
                failed = std::move(event.error());
                reached = i;
                return;
            }
            if (*event) {
                auto cached = cache.find((*event)->id);
                if (cached == cache.end()) {
                    auto accounts = read_event(store, **event, sources);
                    if (!accounts) {
                        failed = std::move(accounts.error());
                        reached = i;
                        return;
                    }
                    cached = cache.emplace((*event)->id, std::move(*accounts)).first;
                }
                about[i] = cached->second.get();
            } else {
                report.notes.push_back(fmt::format(
                    "{}: about no known event (name one with --event or `event:` in the front matter)",
                    drafts[i].path));
            }
            ready.store(i + 1, std::memory_order_release);
        }
    };

    // 2. Meanwhile, on the other worker threads, and on this one once the
    // store is read: each draft's claims (extraction reads no store), then
    // the draft rules. A draft whose event is known by then is extracted
    // about it and checked at once; else its claims are extracted about no
    // event and wait for it. Findings per draft; a draft about no known
    // event is not checked.
    std::vector<Expected<std::vector<Finding>>> found(drafts.size());
    std::vector<std::optional<Expected<Extraction>>> waiting(drafts.size());
    const auto check_claims = [&](std::size_t i, Expected<Extraction>& extracted) {
        if (!extracted) {
            found[i] = std::unexpected(std::move(extracted.error()));
            return;
        }
        found[i] = check_one(drafts[i], *about[i], *extracted, rules, sources);
    };
    const auto check_waiting = [&](std::size_t i) {
        auto extracted = std::move(*waiting[i]);
        waiting[i].reset();
        if (about[i] == nullptr) return;
        if (extracted) pin_to_event(extracted->claims, about[i]->event.id);
        check_claims(i, extracted);
    };
    const std::size_t workers = detail::worker_count(drafts.size());
    std::vector<ExtractWorker> extract_workers;
    extract_workers.reserve(workers);
    for (std::size_t worker = 0; worker < workers; ++worker) {
        extract_workers.emplace_back(extractor, *source_list);
    }
    detail::parallel_for_after(drafts.size(), workers, read_store, [&](std::size_t worker, std::size_t i) {
        ExtractWorker& extract = extract_workers[worker];
        if (i < ready.load(std::memory_order_acquire)) {
            if (about[i] == nullptr) return;
            auto claims = extract.extract(drafts[i], about[i]->event.id);
            check_claims(i, claims);
            return;
        }
        waiting[i] = extract.extract(drafts[i], {});
        if (i < ready.load(std::memory_order_acquire)) check_waiting(i);
    });
    std::vector<std::size_t> late;
    for (std::size_t i = 0; i < reached; ++i) {
        if (waiting[i]) late.push_back(i);
    }
    detail::parallel_for(late.size(), detail::worker_count(late.size()),
                         [&](std::size_t, std::size_t k) { check_waiting(late[k]); });

    // 3. In the drafts' order: the first failure, else every finding, by
    // path, line, column and rule, ties in the drafts' order. Each draft's
    // are in order already, so the drafts are put in the order of their
    // paths; only the findings of a path given more than once are sorted
    // again, together.
    std::size_t total = 0;
    for (std::size_t i = 0; i < reached; ++i) {
        auto& findings = found[i];
        if (!findings) return std::unexpected(std::move(findings.error()));
        total += findings->size();
    }
    if (failed) return std::unexpected(std::move(*failed));
    std::vector<std::size_t> by_path(reached);
    std::iota(by_path.begin(), by_path.end(), std::size_t{0});
    std::ranges::stable_sort(by_path, {}, [&](std::size_t i) -> const std::string& { return drafts[i].path; });
    report.findings.reserve(total);
    for (auto group = by_path.begin(); group != by_path.end();) {
        const auto end = std::find_if(group, by_path.end(),
                                      [&](std::size_t i) { return drafts[i].path != drafts[*group].path; });
        const auto first = report.findings.end() - report.findings.begin();
        for (auto i = group; i != end; ++i) std::ranges::move(*found[*i], std::back_inserter(report.findings));
        if (end - group > 1) {
            std::stable_sort(report.findings.begin() + first, report.findings.end(), reported_before);
        }
        group = end;
    }
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
    auto load = store->begin_bulk_load();
    if (!load) return std::unexpected(load.error());
    for (const auto& file : files) {
        auto accounts = load_accounts(file, accounts_options);
        if (!accounts) return std::unexpected(accounts.error());
        if (auto imported = import_accounts(*store, *accounts); !imported) return std::unexpected(imported.error());
    }
    if (auto committed = load->commit(); !committed) return std::unexpected(committed.error());
    if (auto ran = run_rules(*store, rules, std::nullopt, now); !ran) return std::unexpected(ran.error());
    return std::move(*store);
}

}  // namespace contra
