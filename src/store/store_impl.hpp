// Inside the store: the connection, the statement cache, error mapping and
// the write scope that every multi-row write runs in. Only src/store/ sees it.
#pragma once

#include <contra/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace contra::detail {

// A prepared statement on the raw SQLite API, for the hot paths (writing
// and reading claims, listing flags): text is bound without a copy and read
// as string_view. Failures throw SQLite::Exception like SQLiteCpp does, so
// they are mapped to errors in one place.
class RawStatement {
public:
    RawStatement(sqlite3* db, std::string_view sql);
    ~RawStatement();
    RawStatement(const RawStatement&) = delete;
    RawStatement& operator=(const RawStatement&) = delete;

    void reset() noexcept;
    // Bound text must stay alive until the statement is stepped and reset.
    void text(int index, std::string_view value);
    void integer(int index, std::int64_t value);
    void null(int index);
    // True when there is a row.
    bool step();

    [[nodiscard]] std::string_view column_text(int index) const;
    [[nodiscard]] std::string column_string(int index) const { return std::string(column_text(index)); }
    [[nodiscard]] std::int64_t column_int(int index) const;
    [[nodiscard]] bool column_null(int index) const;
    [[nodiscard]] int changes() const;

private:
    void check(int rc) const;
    sqlite3* m_db;
    sqlite3_stmt* m_statement = nullptr;
};

// Resets a raw statement when the scope ends.
class RawScope {
public:
    explicit RawScope(RawStatement& statement) : m_statement(statement) {}
    ~RawScope() { m_statement.reset(); }
    RawScope(const RawScope&) = delete;
    RawScope& operator=(const RawScope&) = delete;
    RawStatement* operator->() { return &m_statement; }
    RawStatement& operator*() { return m_statement; }

private:
    RawStatement& m_statement;
};

// What a Store holds. Store::Impl is this; helpers in contra::detail take it
// by this name because Store::Impl is private to Store.
struct StoreState {
    StoreState(std::string store_path, SQLite::Database database, bool is_read_only)
        : path(std::move(store_path)), db(std::move(database)), read_only(is_read_only)
    {
    }

    std::string path;
    SQLite::Database db;
    bool read_only = false;
    // True while a Transaction (or an internal write scope) is open.
    bool in_transaction = false;

    // Hashes the first and last 32 bytes and the length: the statement
    // cache is looked up with a whole SQL text for every row written, and
    // its texts differ near their start or end (equal hashes are told apart
    // by comparing the texts).
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const
        {
            constexpr std::size_t k_edge = 32;
            if (text.size() <= 2 * k_edge) return std::hash<std::string_view>{}(text);
            const std::size_t head = std::hash<std::string_view>{}(text.substr(0, k_edge));
            const std::size_t tail = std::hash<std::string_view>{}(text.substr(text.size() - k_edge));
            return head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ text.size();
        }
    };
    // Prepared once, reused: keyed by the SQL text. Declared after `db` so
    // the statements are finalised before the connection closes.
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, Hash, std::equal_to<>> statements;

    std::unordered_map<std::string, std::unique_ptr<RawStatement>, Hash, std::equal_to<>> raw_statements;

    // The document put_claim() looked up last and its `published`, which
    // claims copy as their stated_on: claims come in runs of one document,
    // and a document row never changes once written. Forgotten on every
    // rollback, which may take the row back out.
    std::string published_document;
    std::string published;

    // Set while a bulk load (Store::begin_bulk_load) is open.
    struct BulkLoad {
        bool rebuild_index = false;     // claims_by_id was dropped: built again at commit
        bool rollback_journal = false;  // the load switched the store from WAL to a rollback journal
        int secure_delete = 1;          // the connection's secure_delete before the load
        // Ids known to be in the store, so that put_claim() can check a
        // claim's event and source without SQLite's foreign keys.
        std::unordered_set<std::string, Hash, std::equal_to<>> events;
        std::unordered_set<std::string, Hash, std::equal_to<>> sources;
    };
    std::optional<BulkLoad> bulk;

    // Forgets what a rollback may have taken back out of the store.
    void rolled_back()
    {
        published_document.clear();
        if (bulk) {
            bulk->events.clear();
            bulk->sources.clear();
        }
    }

    // The cached statement for `sql`, reset and ready to bind.
    SQLite::Statement& prepare(std::string_view sql);
    RawStatement& prepare_raw(std::string_view sql);
};

// Thrown inside the store for a row it cannot make sense of; mapped to an
// internal error at the boundary.
struct CorruptRow : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Resets a cached statement when the scope ends, so it holds no lock and
// can be reused.
class StatementScope {
public:
    explicit StatementScope(SQLite::Statement& statement) : m_statement(statement) {}
    ~StatementScope() { m_statement.tryReset(); }
    StatementScope(const StatementScope&) = delete;
    StatementScope& operator=(const StatementScope&) = delete;
    SQLite::Statement* operator->() { return &m_statement; }
    SQLite::Statement& operator*() { return m_statement; }

private:
    SQLite::Statement& m_statement;
};

// A SQLite failure as a contra::Error: locked, not a database, corrupt,
// read-only and constraint failures are bad input; the rest internal.
[[nodiscard]] Error sqlite_error(const SQLite::Exception& error, const std::string& path);

// Runs `body`, turning any exception into an Error: no SQLiteCpp exception
// leaves the library.
template <class T>
Expected<T> guarded(const std::string& path, const std::function<Expected<T>()>& body)
{
    try {
        return body();
    } catch (const SQLite::Exception& error) {
        return std::unexpected(sqlite_error(error, path));
    } catch (const CorruptRow& error) {
        return internal_error(std::string("store ") + path + " holds a row this program cannot read: " +
                              error.what());
    } catch (const std::exception& error) {
        return internal_error(std::string("store ") + path + ": " + error.what());
    }
}

// Fails with bad input when the store was opened read-only.
[[nodiscard]] Expected<void> require_writable(const StoreState& impl);
// As require_writable(), and fails inside a bulk load, where foreign keys
// are not enforced (flags and reviews are never written in one).
[[nodiscard]] Expected<void> require_checked_writes(const StoreState& impl, std::string_view what);

// One multi-row write: BEGIN IMMEDIATE … COMMIT, or a SAVEPOINT when a
// Transaction is already open (then the outer transaction decides).
// Rolls back in the destructor unless committed.
class WriteScope {
public:
    explicit WriteScope(StoreState& impl);  // throws SQLite::Exception
    ~WriteScope();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;
    void commit();  // throws SQLite::Exception

private:
    StoreState& m_impl;
    bool m_savepoint = false;
    bool m_done = false;
};

// An events row (id, title, date, place, aliases) as an Event.
[[nodiscard]] Event read_event(SQLite::Statement& row);

// Raises PRAGMA synchronous to FULL for one write made outside a
// transaction, and puts it back to NORMAL afterwards.
class SyncFull {
public:
    explicit SyncFull(StoreState& impl) : m_impl(impl), m_active(!impl.in_transaction)
    {
        if (m_active) m_impl.db.exec("PRAGMA synchronous = FULL");
    }
    ~SyncFull()
    {
        if (m_active) m_impl.db.tryExec("PRAGMA synchronous = NORMAL");
    }
    SyncFull(const SyncFull&) = delete;
    SyncFull& operator=(const SyncFull&) = delete;

private:
    StoreState& m_impl;
    bool m_active;
};

// Small helpers shared by the store's files.
[[nodiscard]] std::string to_json_list(const std::vector<std::string>& items);
[[nodiscard]] std::vector<std::string> from_json_list(const std::string& text);

template <class T>
T parsed_or_throw(std::optional<T> value, std::string_view what, std::string_view text)
{
    if (!value) throw CorruptRow(std::string("unknown ") + std::string(what) + " '" + std::string(text) + "'");
    return *value;
}

}  // namespace contra::detail

namespace contra {

struct Store::Impl : detail::StoreState {
    using StoreState::StoreState;
};

}  // namespace contra
