// Opening the store, migrations, transactions and error mapping.
#include "store/schema.hpp"
#include "store/store_impl.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fmt/core.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

namespace contra {

namespace {

constexpr int k_default_busy_timeout_ms = 5000;
constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};
constexpr std::string_view k_memory_path = ":memory:";

int busy_timeout_ms()
{
    const char* text = std::getenv("CONTRA_BUSY_TIMEOUT_MS");
    if (text == nullptr || *text == '\0') return k_default_busy_timeout_ms;
    int value = 0;
    const char* end = text + std::char_traits<char>::length(text);
    auto [ptr, ec] = std::from_chars(text, end, value);
    if (ec != std::errc{} || ptr != end || value < 0) return k_default_busy_timeout_ms;
    return value;
}

// CONTRA_MAX_PAGE_COUNT caps the store's size in pages (PRAGMA
// max_page_count): a full disk, simulated, for the bad-input tests and for
// anyone who wants a hard ceiling. Unset, empty or not a positive number: no cap.
std::optional<long long> max_page_count()
{
    const char* text = std::getenv("CONTRA_MAX_PAGE_COUNT");
    if (text == nullptr || *text == '\0') return std::nullopt;
    long long value = 0;
    const char* end = text + std::char_traits<char>::length(text);
    auto [ptr, ec] = std::from_chars(text, end, value);
    if (ec != std::errc{} || ptr != end || value <= 0) return std::nullopt;
    return value;
}

// Looks at the file before SQLite does: a file that is not a SQLite
// database is refused without SQLite ever opening it, so it stays untouched.
Expected<void> check_file(const std::string& path, OpenMode mode)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
        if (mode == OpenMode::create) return {};
        return bad_input(fmt::format("no store at {} (create one with `contra init`)", path));
    }
    if (!fs::is_regular_file(status)) {
        return bad_input(fmt::format("store {} is not a regular file", path));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return bad_input(fmt::format("cannot read store {}", path));
    std::string header(k_sqlite_magic.size(), '\0');
    in.read(header.data(), static_cast<std::streamsize>(header.size()));
    header.resize(static_cast<std::size_t>(in.gcount()));
    if (header.empty()) return {};  // an empty file is an empty database: version 0
    if (header != k_sqlite_magic) {
        return bad_input(fmt::format("file is not a database: {} (not a SQLite store)", path));
    }
    return {};
}

int user_version(SQLite::Database& db)
{
    SQLite::Statement query(db, "PRAGMA user_version");
    query.executeStep();
    return query.getColumn(0).getInt();
}

// Applies every step from the store's version up to k_schema_version in one
// transaction: a store is either fully migrated or left as it was.
void migrate(detail::StoreState& impl)
{
    detail::WriteScope scope(impl);
    const int from = user_version(impl.db);  // again, under the write lock
    const auto steps = detail::migrations();
    detail::register_migration_functions(impl.db.getHandle());
    for (int version = from; version < Store::k_schema_version; ++version) {
        impl.db.exec(std::string(steps[static_cast<std::size_t>(version)]));
    }
    impl.db.exec(fmt::format("PRAGMA user_version = {}", Store::k_schema_version));
    scope.commit();
}

// SQLITE_OPEN_NOMUTEX: a Store is used by one thread at a time (the review
// server leases one per request), so SQLite's per-call connection mutex is
// pure cost; it was a third of the instructions of reading claims.
int open_flags(const std::string& path, OpenMode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    if (path == k_memory_path) return flags | SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_MEMORY;
    if (mode == OpenMode::read_only) return flags | SQLite::OPEN_READONLY;
    if (mode == OpenMode::create) return flags | SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    return flags | SQLite::OPEN_READWRITE;
}

// Pragmas, the version check and migrations, on a freshly opened connection.
Expected<void> configure(detail::StoreState& impl, OpenMode mode)
{
    const std::string& path = impl.path;
    const bool memory = path == k_memory_path;
    auto& db = impl.db;
    db.exec("PRAGMA foreign_keys = ON");

    // Read the version before writing anything: a newer store is refused
    // untouched.
    const int version = user_version(db);
    if (version > Store::k_schema_version) {
        return bad_input(fmt::format(
            "store {} has schema version {}, newer than version {} that this contra understands; "
            "use a newer contra",
            path, version, Store::k_schema_version));
    }
    if (version < 0) {
        return bad_input(fmt::format("store {} has an invalid schema version {}", path, version));
    }
    if (mode == OpenMode::read_only) {
        if (version < Store::k_schema_version) {
            return bad_input(fmt::format(
                "store {} has schema version {} and needs migrating to version {}; "
                "open it for writing once (any write command) first",
                path, version, Store::k_schema_version));
        }
        return {};
    }
    if (!memory) {
        SQLite::Statement wal(db, "PRAGMA journal_mode = WAL");
        wal.executeStep();
        const std::string journal = wal.getColumn(0).getString();
        if (journal != "wal") {
            return internal_error(fmt::format("store {}: cannot switch to WAL (journal mode is {})", path, journal));
        }
    }
    // With WAL, NORMAL loses no committed transaction on a process crash and
    // keeps the database consistent on power loss (the last commits may be
    // rolled back then); FULL would sync on every commit.
    db.exec("PRAGMA synchronous = NORMAL");
    // A larger page cache (256 MiB, taken only as needed) keeps a big import
    // from spilling pages to the WAL in the middle of its transaction: a
    // spilled page touched again is written again. Importing 1,000,000
    // claims (a 700 MB store) wrote 2.2 GB with 64 MiB, 1.6 GB with 256 MiB
    // (the WAL once, then its checkpoint), and spent 11.6 s in the kernel
    // instead of 4.8 s.
    db.exec("PRAGMA cache_size = -262144");
    db.exec("PRAGMA temp_store = MEMORY");
    if (const auto pages = max_page_count()) db.exec(fmt::format("PRAGMA max_page_count = {}", *pages));
    if (version < Store::k_schema_version) migrate(impl);
    return {};
}

}  // namespace

// ---------------------------------------------------------------------------
// Internals shared by the store's files.

SQLite::Statement& detail::StoreState::prepare(std::string_view sql)
{
    auto found = statements.find(sql);
    if (found == statements.end()) {
        auto statement = std::make_unique<SQLite::Statement>(db, std::string(sql));
        found = statements.emplace(std::string(sql), std::move(statement)).first;
    }
    found->second->reset();
    return *found->second;
}

detail::RawStatement& detail::StoreState::prepare_raw(std::string_view sql)
{
    auto found = raw_statements.find(sql);
    if (found == raw_statements.end()) {
        auto statement = std::make_unique<detail::RawStatement>(db.getHandle(), sql);
        found = raw_statements.emplace(std::string(sql), std::move(statement)).first;
    }
    found->second->reset();
    return *found->second;
}

namespace detail {

RawStatement::RawStatement(sqlite3* db, std::string_view sql) : m_db(db)
{
    check(sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                             &m_statement, nullptr));
}

RawStatement::~RawStatement()
{
    sqlite3_finalize(m_statement);
}

void RawStatement::reset() noexcept
{
    sqlite3_reset(m_statement);
}

void RawStatement::check(int rc) const
{
    if (rc != SQLITE_OK) throw SQLite::Exception(m_db, rc);
}

void RawStatement::text(int index, std::string_view value)
{
    const char* data = value.data() != nullptr ? value.data() : "";
    check(sqlite3_bind_text(m_statement, index, data, static_cast<int>(value.size()), SQLITE_STATIC));
}

void RawStatement::integer(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_statement, index, value));
}

void RawStatement::null(int index)
{
    check(sqlite3_bind_null(m_statement, index));
}

bool RawStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(m_db, rc);
}

std::string_view RawStatement::column_text(int index) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, index));
    if (data == nullptr) return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index))};
}

std::int64_t RawStatement::column_int(int index) const
{
    return sqlite3_column_int64(m_statement, index);
}

bool RawStatement::column_null(int index) const
{
    return sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

int RawStatement::changes() const
{
    return sqlite3_changes(m_db);
}

Error sqlite_error(const SQLite::Exception& error, const std::string& path)
{
    const int code = error.getErrorCode() & 0xff;
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error{ErrorKind::bad_input, fmt::format("store is locked by another writer: {}", path), {}};
    case SQLITE_NOTADB:
        return Error{ErrorKind::bad_input, fmt::format("file is not a database: {}", path), {}};
    case SQLITE_CORRUPT:
        return Error{ErrorKind::bad_input, fmt::format("store is corrupt: {} ({})", path, error.what()), {}};
    case SQLITE_READONLY:
        return Error{ErrorKind::bad_input, fmt::format("store is read-only: {} ({})", path, error.what()), {}};
    case SQLITE_CANTOPEN:
        return Error{ErrorKind::bad_input, fmt::format("cannot open store {} ({})", path, error.what()), {}};
    case SQLITE_FULL:
        return Error{ErrorKind::bad_input,
                     fmt::format("store is full: {} (the disk or the store's size limit is reached; "
                                 "nothing of this command was written)",
                                 path),
                     {}};
    case SQLITE_CONSTRAINT:
        return Error{ErrorKind::bad_input, fmt::format("store {} refused the write: {}", path, error.what()), {}};
    default:
        return Error{ErrorKind::internal, fmt::format("store {}: {}", path, error.what()), {}};
    }
}

Expected<void> require_writable(const StoreState& impl)
{
    if (impl.read_only) return bad_input(fmt::format("store is open read-only: {}", impl.path));
    return {};
}

Expected<void> require_checked_writes(const StoreState& impl, std::string_view what)
{
    if (impl.bulk) return internal_error(fmt::format("store {}: {} cannot be written in a bulk load", impl.path, what));
    return require_writable(impl);
}

WriteScope::WriteScope(StoreState& impl) : m_impl(impl)
{
    if (m_impl.in_transaction) {
        m_impl.db.exec("SAVEPOINT contra_write");
        m_savepoint = true;
    } else {
        m_impl.db.exec("BEGIN IMMEDIATE");
        m_impl.in_transaction = true;
    }
}

WriteScope::~WriteScope()
{
    if (m_done) return;
    m_impl.rolled_back();
    if (m_savepoint) {
        m_impl.db.tryExec("ROLLBACK TO contra_write");
        m_impl.db.tryExec("RELEASE contra_write");
    } else {
        m_impl.db.tryExec("ROLLBACK");
        m_impl.in_transaction = false;
    }
}

void WriteScope::commit()
{
    m_impl.db.exec(m_savepoint ? "RELEASE contra_write" : "COMMIT");
    m_done = true;
    if (!m_savepoint) m_impl.in_transaction = false;
}

std::string to_json_list(const std::vector<std::string>& items)
{
    return nlohmann::json(items).dump();
}

std::vector<std::string> from_json_list(const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_array()) throw CorruptRow("expected a JSON list, got " + text);
    std::vector<std::string> items;
    for (const auto& item : json) {
        if (!item.is_string()) throw CorruptRow("expected a JSON list of strings, got " + text);
        items.push_back(item.get<std::string>());
    }
    return items;
}

}  // namespace detail

// ---------------------------------------------------------------------------
// Opening and closing.

Store::Store(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

namespace {

// A first import killed while the store had a rollback journal (see
// Store::begin_bulk_load) leaves a hot journal, which only a connection that
// may write can roll back: a read-only open would fail on it. A brief
// writable connection rolls it back first, when the file allows one. SQLite
// decides whether the journal is hot: one that a live writer holds is left
// alone.
void roll_back_hot_journal(const std::string& path)
{
    std::error_code error;
    const auto size = std::filesystem::file_size(path + "-journal", error);
    if (error || size == 0) return;
    try {
        SQLite::Database db(path, SQLite::OPEN_READWRITE, busy_timeout_ms());
        (void)db.execAndGet("SELECT count(*) FROM sqlite_master");
    } catch (const SQLite::Exception&) {
        // Not writable here: the read-only open reports what is wrong.
    }
}

}  // namespace

Expected<Store> Store::open(const std::string& path, OpenMode mode)
{
    if (path.empty()) return bad_input("no store path given");
    if (path != k_memory_path) {
        if (auto checked = check_file(path, mode); !checked) return std::unexpected(checked.error());
        if (mode == OpenMode::read_only) roll_back_hot_journal(path);
    }
    return detail::guarded<Store>(path, [&]() -> Expected<Store> {
        auto impl = std::make_unique<Impl>(path, SQLite::Database(path, open_flags(path, mode), busy_timeout_ms()),
                                           mode == OpenMode::read_only);
        if (auto configured = configure(*impl, mode); !configured) return std::unexpected(configured.error());
        return Store(std::move(impl));
    });
}

Expected<Store> Store::open_in_memory()
{
    return open(std::string(k_memory_path), OpenMode::create);
}

const std::string& Store::path() const
{
    return m_impl->path;
}

// ---------------------------------------------------------------------------
// Transactions.

struct Store::Transaction::Impl {
    detail::StoreState* store = nullptr;
    bool done = false;
    bool savepoint = false;  // joined an open transaction
    bool bulk = false;       // begin_bulk_load(): foreign keys are off until it ends
};

namespace {

// Ends a bulk load, after its COMMIT or ROLLBACK: foreign keys and
// secure_delete as they were, and the store back in WAL mode when the load
// left it.
void end_bulk_load(detail::StoreState& store)
{
    const bool back_to_wal = store.bulk->rollback_journal;
    const int secure_delete = store.bulk->secure_delete;
    store.bulk.reset();
    store.db.tryExec("PRAGMA foreign_keys = ON");
    store.db.tryExec(fmt::format("PRAGMA secure_delete = {}", secure_delete));
    if (back_to_wal) store.db.tryExec("PRAGMA journal_mode = WAL");
}

bool holds_claims(SQLite::Database& db)
{
    SQLite::Statement any(db, "SELECT 1 FROM claims LIMIT 1");
    return any.executeStep();
}

}  // namespace

Store::Transaction::Transaction(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::Transaction::Transaction(Transaction&&) noexcept = default;

Store::Transaction::~Transaction()
{
    if (!m_impl || m_impl->done) return;
    m_impl->store->rolled_back();
    if (m_impl->savepoint) {
        m_impl->store->db.tryExec("ROLLBACK TO contra_join");
        m_impl->store->db.tryExec("RELEASE contra_join");
        return;
    }
    m_impl->store->db.tryExec("ROLLBACK");
    m_impl->store->in_transaction = false;
    if (m_impl->bulk) end_bulk_load(*m_impl->store);
}

Expected<void> Store::Transaction::commit()
{
    if (!m_impl || m_impl->done) return internal_error("transaction already finished");
    auto& store = *m_impl->store;
    return detail::guarded<void>(store.path, [&]() -> Expected<void> {
        if (m_impl->savepoint) {
            store.db.exec("RELEASE contra_join");
            m_impl->done = true;
            return {};
        }
        if (m_impl->bulk && store.bulk->rebuild_index) store.db.exec(std::string(detail::k_claims_by_id_index));
        store.db.exec("COMMIT");
        m_impl->done = true;
        store.in_transaction = false;
        if (m_impl->bulk) end_bulk_load(store);
        return {};
    });
}

Expected<Store::Transaction> Store::begin()
{
    if (auto writable = detail::require_writable(*m_impl); !writable) return std::unexpected(writable.error());
    return begin_with("BEGIN IMMEDIATE");
}

Expected<Store::Transaction> Store::begin_read() const
{
    return begin_with("BEGIN");
}

Expected<Store::Transaction> Store::begin_with(const char* statement) const
{
    if (m_impl->in_transaction) {
        return internal_error(fmt::format("store {}: a transaction is already open (transactions do not nest)",
                                          m_impl->path));
    }
    return detail::guarded<Transaction>(m_impl->path, [&]() -> Expected<Transaction> {
        m_impl->db.exec(statement);
        m_impl->in_transaction = true;
        return Transaction(std::make_unique<Transaction::Impl>(Transaction::Impl{m_impl.get(), false, false}));
    });
}

Expected<Store::Transaction> Store::begin_bulk_load()
{
    if (auto writable = detail::require_writable(*m_impl); !writable) return std::unexpected(writable.error());
    if (m_impl->in_transaction) {
        return internal_error(fmt::format("store {}: a bulk load needs a transaction of its own", m_impl->path));
    }
    return detail::guarded<Transaction>(m_impl->path, [&]() -> Expected<Transaction> {
        auto& db = m_impl->db;
        // Pragmas do nothing inside a transaction, so they come first.
        db.exec("PRAGMA foreign_keys = OFF");
        auto transaction =
            Transaction(std::make_unique<Transaction::Impl>(Transaction::Impl{m_impl.get(), false, false, true}));
        m_impl->bulk.emplace();
        // Debian's SQLite zeroes every byte a B-tree frees (secure_delete),
        // cells that page splits move included; a load deletes nothing the
        // store held, and skipping that work takes about 3% off its writes.
        m_impl->bulk->secure_delete = db.execAndGet("PRAGMA secure_delete").getInt();
        db.exec("PRAGMA secure_delete = OFF");
        // Filling a store without claims (a first import), and when no other
        // connection has the store open: a rollback journal instead of the
        // WAL. The journal then holds only the few pages the store had
        // before, where the WAL would take every page once and the
        // checkpoint copy it again. SQLite refuses the switch (busy) while
        // another connection has the store open, and the load then stays
        // in WAL mode; the store goes back to WAL mode when the load ends.
        if (m_impl->path != k_memory_path && !holds_claims(db)) {
            try {
                SQLite::Statement mode(db, "PRAGMA journal_mode = DELETE");
                m_impl->bulk->rollback_journal = mode.executeStep() && mode.getColumn(0).getString() == "delete";
            } catch (const SQLite::Exception& error) {
                if (error.getErrorCode() != SQLITE_BUSY && error.getErrorCode() != SQLITE_LOCKED) throw;
            }
        }
        db.exec("BEGIN IMMEDIATE");
        m_impl->in_transaction = true;
        if (!holds_claims(db)) {  // again, under the write lock
            db.exec("DROP INDEX claims_by_id");
            m_impl->bulk->rebuild_index = true;
        }
        return transaction;
    });
}

Expected<Store::Transaction> Store::begin_or_join()
{
    if (!m_impl->in_transaction) return begin();
    return detail::guarded<Transaction>(m_impl->path, [&]() -> Expected<Transaction> {
        m_impl->db.exec("SAVEPOINT contra_join");
        return Transaction(std::make_unique<Transaction::Impl>(Transaction::Impl{m_impl.get(), false, true}));
    });
}

bool Store::in_transaction() const
{
    return m_impl->in_transaction;
}

}  // namespace contra
