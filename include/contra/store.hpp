// The SQLite store: one file (or memory), WAL, foreign keys, versioned schema.
#pragma once

#include <contra/claim.hpp>
#include <contra/document.hpp>
#include <contra/error.hpp>
#include <contra/event.hpp>
#include <contra/flag.hpp>
#include <contra/source.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace contra {

enum class OpenMode {
    create,      // create the file and schema when missing, migrate when older
    existing,    // the file must exist; migrate when older
    read_only,   // the file must exist and be current; no writes
};

struct FlagFilter {
    std::optional<std::string> event;
    std::optional<std::string> rule;
    std::optional<Severity> severity;
    std::optional<FlagState> state;
    std::optional<ReviewStatus> status;
};

struct SyncStats {
    int created = 0;    // flags seen for the first time
    int refreshed = 0;  // flags that were there and still hold
    int revived = 0;    // stale flags that hold again
    int staled = 0;     // active flags that no longer hold
};

// Everything the compare rules need about one event.
struct EventClaims {
    const Event& event;
    std::span<const Claim> claims;  // ordered by stated_on, then document, then span
};

// One flag as a listing shows it; the text is valid only during the visit.
struct FlagRow {
    std::string_view id;
    std::string_view rule;
    std::string_view event;
    std::string_view message;
    Severity severity = Severity::warning;
    FlagState state = FlagState::active;
    ReviewStatus status = ReviewStatus::open;
};

// One name of an event, folded (contra::fold): an alias or the title.
// position ranks an event's names: its aliases in order, then its title.
struct EventName {
    std::string event;
    int position = 0;
    std::string name;
};

class Store {
public:
    // The schema version this program writes (PRAGMA user_version).
    static constexpr int k_schema_version = 3;

    [[nodiscard]] static Expected<Store> open(const std::string& path, OpenMode mode);
    [[nodiscard]] static Expected<Store> open_in_memory();

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    [[nodiscard]] const std::string& path() const;

    // A write transaction (BEGIN IMMEDIATE): rolls back unless committed.
    // Also a read transaction (begin_read), which has nothing to roll back.
    class Transaction {
    public:
        Transaction(Transaction&&) noexcept;
        Transaction& operator=(Transaction&&) = delete;
        ~Transaction();
        [[nodiscard]] Expected<void> commit();

    private:
        friend class Store;
        struct Impl;
        explicit Transaction(std::unique_ptr<Impl> impl);
        std::unique_ptr<Impl> m_impl;
    };
    [[nodiscard]] Expected<Transaction> begin();
    // A transaction of its own when none is open; inside an open one, a
    // savepoint: committing it keeps its writes for the outer transaction to
    // decide, dropping it undoes only its own writes. For writers that are
    // all-or-nothing alone and part of a larger write when the caller says so
    // (`contra import` of several files is one transaction).
    [[nodiscard]] Expected<Transaction> begin_or_join();
    // A write transaction for loading many claims at once (`contra import`,
    // `contra check --accounts`). When the store holds no claims yet, the
    // index of claims by id is dropped and built once at commit, which is
    // several times quicker than keeping it up to date claim by claim; and
    // SQLite's foreign keys are off for the transaction, put_claim()
    // checking a claim's event, source and document itself against what it
    // has already seen. A file store without claims that no other connection
    // has open is filled through a rollback journal rather than the WAL
    // (every page written once instead of twice), and is back in WAL mode
    // when the load ends. Only events, sources, documents and claims may be
    // written in it: flag and review writes are refused.
    [[nodiscard]] Expected<Transaction> begin_bulk_load();
    // A read transaction (BEGIN), on a read-only store too: the reads until
    // it ends see one state of the store, and SQLite locks the file and
    // checks it for changes once for all of them instead of once per query
    // (`contra check` reads a hundred events' accounts in one).
    [[nodiscard]] Expected<Transaction> begin_read() const;
    [[nodiscard]] bool in_transaction() const;

    // Writes. Each returns true when it changed the store. Put the same thing
    // twice and the second is a no-op (idempotent import). An event or source
    // whose id exists is updated; documents and claims are immutable.
    [[nodiscard]] Expected<bool> put_event(const Event& event);
    [[nodiscard]] Expected<bool> put_source(const Source& source);
    [[nodiscard]] Expected<bool> put_document(const Document& document);
    [[nodiscard]] Expected<bool> put_claim(const Claim& claim);
    // put_claim() for each claim in turn, several rows to a statement (much
    // quicker for many claims); how many were new. At an error, the claims
    // before the one refused may have been written: roll the transaction back.
    [[nodiscard]] Expected<int> put_claims(std::span<const Claim> claims);

    // Reads.
    [[nodiscard]] Expected<std::vector<Event>> events() const;
    [[nodiscard]] Expected<std::optional<Event>> event(std::string_view id) const;
    // Finding events by name without reading them all (table event_names).
    // For each of `first_words` that begins some event's name, the most words
    // such a name has (words as in the draft rules: runs of letters, digits
    // and non-ASCII bytes); a word that begins none is left out.
    [[nodiscard]] Expected<std::vector<std::pair<std::string, int>>> event_name_starts(
        std::span<const std::string> first_words) const;
    // The names whose text up to the end of their last word is one of `keys`,
    // and every name that begins with no word, ordered by event id, then
    // position.
    [[nodiscard]] Expected<std::vector<EventName>> event_names(std::span<const std::string> keys) const;
    [[nodiscard]] Expected<std::vector<Source>> sources() const;
    [[nodiscard]] Expected<std::optional<Source>> source(std::string_view id) const;
    // With text when `with_text`; metadata only otherwise.
    [[nodiscard]] Expected<std::optional<Document>> document(std::string_view sha256,
                                                             bool with_text = true) const;
    [[nodiscard]] Expected<std::vector<Document>> documents(bool with_text = false) const;
    [[nodiscard]] Expected<std::optional<Claim>> claim(std::string_view id) const;
    // All claims of one event (or of every event), ordered as in EventClaims.
    [[nodiscard]] Expected<std::vector<Claim>> claims(std::optional<std::string_view> event = {}) const;
    // Streams every event with its claims, one event at a time, in id order.
    [[nodiscard]] Expected<void> for_each_event(
        const std::function<Expected<void>(const EventClaims&)>& visit,
        std::optional<std::string_view> only_event = {}) const;

    // Flags. `sync_flags` records what one run of the rules found for the
    // given events: new flags are created, found ones refreshed (message,
    // severity, last_seen), stale ones revived, and the event's active flags
    // that were not found become stale. Reviews are never touched.
    [[nodiscard]] Expected<SyncStats> sync_flags(std::span<const std::string> events,
                                                 std::span<const Flag> found,
                                                 std::string_view now);
    // sync_flags in steps, for a run that hands flags over while it still
    // reads claims: one write transaction from begin_flag_sync() to finish(),
    // which records the run and commits; dropped unfinished, it rolls back.
    // Each add() takes some events (each event in one add() only) and the
    // flags found for them.
    class FlagSync {
    public:
        FlagSync(FlagSync&&) noexcept;
        FlagSync& operator=(FlagSync&&) = delete;
        ~FlagSync();
        [[nodiscard]] Expected<void> add(std::span<const std::string> events, std::span<const Flag> found);
        [[nodiscard]] Expected<SyncStats> finish();

    private:
        friend class Store;
        struct Impl;
        explicit FlagSync(std::unique_ptr<Impl> impl);
        std::unique_ptr<Impl> m_impl;
    };
    // With `claims_read_from_store`, the caller vouches that every claim its
    // flags link was read from this store (claims are never deleted) and
    // that every flag's event exists: the foreign keys of the rows written
    // are then not probed (5 of the 12 B-tree operations of a new flag).
    // Only outside a transaction (SQLite cannot switch the checks inside
    // one); `contra verify` still runs foreign_key_check on the whole store.
    enum class FlagReferences { checked, claims_read_from_store };
    [[nodiscard]] Expected<FlagSync> begin_flag_sync(std::string_view now,
                                                     FlagReferences references = FlagReferences::checked);
    [[nodiscard]] Expected<std::vector<Flag>> flags(const FlagFilter& filter = {}) const;
    [[nodiscard]] Expected<std::optional<Flag>> flag(std::string_view id) const;
    // The flags `flags(filter)` gives, in the same order, streamed without
    // copying them (for listing 200,000 flags).
    [[nodiscard]] Expected<void> for_each_flag(const FlagFilter& filter,
                                               const std::function<void(const FlagRow&)>& visit) const;

    // Reviews: append-only. Returns the review with its seq filled in. Fails
    // when the flag does not exist.
    [[nodiscard]] Expected<Review> append_review(const Review& review);
    [[nodiscard]] Expected<std::vector<Review>> reviews(std::string_view flag) const;
    // Every review of every flag, in log order (seq).
    [[nodiscard]] Expected<std::vector<Review>> all_reviews() const;

    // Restoring an export (contra import of a .jsonl). `import_flag` inserts
    // a flag with its state, first_seen and last_seen as given; a flag whose
    // id exists is left alone (false). `import_review` appends a review with
    // its reviewer, note and time as given (the log stays append-only); one
    // identical to a review the flag already has is skipped (false).
    [[nodiscard]] Expected<bool> import_flag(const Flag& flag);
    [[nodiscard]] Expected<bool> import_review(const Review& review);

    // SQLite's own checks (PRAGMA integrity_check and foreign_key_check):
    // one line per problem found, empty when the file is sound.
    [[nodiscard]] Expected<std::vector<std::string>> check_integrity() const;

private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    // begin() and begin_read(): `statement` opens the transaction.
    [[nodiscard]] Expected<Transaction> begin_with(const char* statement) const;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace contra
