// Flags, the runs that raise them, and the append-only review log.
#include "store/store_impl.hpp"

#include <sqlite3.h>

#include <fmt/core.h>

#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace contra {

namespace {

using detail::StatementScope;

constexpr std::string_view k_flag_columns =
    "SELECT id, rule, kind, severity, event, attribute, message, state, first_seen, last_seen, claim_ids, status "
    "FROM flag_status";
// The same from the flags table alone, for listings (see query_flags): every
// column but status for a Flag, or only what a FlagRow holds (each column
// read is work for SQLite on every row).
constexpr std::string_view k_listing_columns =
    "SELECT id, rule, kind, severity, event, attribute, message, state, first_seen, last_seen, claim_ids FROM flags";
constexpr std::string_view k_row_columns = "SELECT id, rule, severity, event, message, state FROM flags";
constexpr std::string_view k_flag_state = "SELECT state, claim_ids, message, severity FROM flags WHERE id = ?1";
constexpr std::string_view k_insert_flag = R"sql(
INSERT INTO flags (id, rule, kind, severity, event, attribute, message, state, first_seen, last_seen, claim_ids)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', ?8, ?8, ?9)
)sql";
constexpr std::string_view k_insert_flag_claim = "INSERT INTO flag_claims (flag, claim, position) VALUES (?1, ?2, ?3)";
constexpr std::string_view k_relink_flag = "UPDATE flags SET claim_ids = ?2 WHERE id = ?1";
constexpr std::string_view k_unlink_flag_claims = "DELETE FROM flag_claims WHERE flag = ?1";
constexpr std::string_view k_insert_run = R"sql(
INSERT INTO runs (at, event, created, refreshed, revived, staled) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
)sql";
constexpr std::string_view k_flag_exists = "SELECT 1 FROM flags WHERE id = ?1";
constexpr std::string_view k_insert_review =
    "INSERT INTO reviews (flag, status, reviewer, note, at) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view k_reviews_of_flag =
    "SELECT seq, flag, status, reviewer, note, at FROM reviews WHERE flag = ?1 ORDER BY seq";

std::string join_ids(const std::vector<std::string>& ids)
{
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += ' ';
        out += id;
    }
    return out;
}

std::vector<std::string> split_ids(std::string_view text)
{
    std::vector<std::string> ids;
    while (!text.empty()) {
        const auto space = text.find(' ');
        ids.emplace_back(text.substr(0, space));
        if (space == std::string_view::npos) break;
        text.remove_prefix(space + 1);
    }
    return ids;
}

// A row of k_flag_columns (status from column 11), or of k_listing_columns
// with its status given.
Flag read_flag(const detail::RawStatement& row, std::optional<ReviewStatus> status = std::nullopt)
{
    Flag flag;
    flag.id = row.column_string(0);
    flag.rule = row.column_string(1);
    flag.kind = row.column_string(2);
    const auto severity = row.column_text(3);
    flag.severity = detail::parsed_or_throw(parse_severity(severity), "severity", severity);
    flag.event = row.column_string(4);
    flag.attribute = row.column_string(5);
    flag.message = row.column_string(6);
    const auto state = row.column_text(7);
    flag.state = detail::parsed_or_throw(parse_flag_state(state), "flag state", state);
    flag.first_seen = row.column_string(8);
    flag.last_seen = row.column_string(9);
    flag.claims = split_ids(row.column_text(10));
    if (status) {
        flag.status = *status;
    } else {
        const auto text = row.column_text(11);
        flag.status = detail::parsed_or_throw(parse_review_status(text), "review status", text);
    }
    return flag;
}

Review read_review(SQLite::Statement& row)
{
    Review review;
    review.seq = row.getColumn(0).getInt64();
    review.flag = row.getColumn(1).getString();
    const std::string status = row.getColumn(2).getString();
    review.status = detail::parsed_or_throw(parse_review_status(status), "review status", status);
    review.reviewer = row.getColumn(3).getString();
    review.note = row.getColumn(4).getString();
    review.at = row.getColumn(5).getString();
    return review;
}

bool flag_exists(detail::StoreState& impl, const std::string& id)
{
    StatementScope statement(impl.prepare(k_flag_exists));
    statement->bind(1, id);
    return statement->executeStep();
}

// Puts the flag's claims, in order, in flag_claims.
Expected<void> link_claims(detail::StoreState& impl, const Flag& flag)
{
    for (std::size_t position = 0; position < flag.claims.size(); ++position) {
        detail::RawScope statement(impl.prepare_raw(k_insert_flag_claim));
        statement->text(1, flag.id);
        statement->text(2, flag.claims[position]);
        statement->integer(3, static_cast<std::int64_t>(position));
        try {
            statement->step();
        } catch (const SQLite::Exception& error) {
            const int code = error.getExtendedErrorCode();
            if (code == SQLITE_CONSTRAINT_FOREIGNKEY) {
                return bad_input(fmt::format("flag {}: unknown claim '{}'", flag.id, flag.claims[position]));
            }
            if (code == SQLITE_CONSTRAINT_PRIMARYKEY) continue;  // cannot happen: positions are distinct
            throw;
        }
    }
    return {};
}

// Inserts a flag seen for the first time, with its claims in order.
Expected<void> insert_flag(detail::StoreState& impl, const Flag& flag, std::string_view now)
{
    const std::string claim_ids = join_ids(flag.claims);
    detail::RawScope statement(impl.prepare_raw(k_insert_flag));
    statement->text(1, flag.id);
    statement->text(2, flag.rule);
    statement->text(3, flag.kind);
    statement->text(4, to_string(flag.severity));
    statement->text(5, flag.event);
    statement->text(6, flag.attribute);
    statement->text(7, flag.message);
    statement->text(8, now);
    statement->text(9, claim_ids);
    try {
        statement->step();
    } catch (const SQLite::Exception& error) {
        if (error.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
        return bad_input(fmt::format("flag {}: unknown event '{}'", flag.id, flag.event));
    }
    return link_claims(impl, flag);
}

}  // namespace

namespace {

constexpr std::string_view k_flags_of_event =
    "SELECT id, state, claim_ids, message, severity FROM flags WHERE event = ?1";
constexpr std::string_view k_touch_flag = "UPDATE flags SET last_seen = ?3 WHERE event = ?1 AND id = ?2";
constexpr std::string_view k_refresh_flag_in_event =
    "UPDATE flags SET message = ?3, severity = ?4, last_seen = ?5, state = 'active' WHERE event = ?1 AND id = ?2";
constexpr std::string_view k_stale_flag_in_event = "UPDATE flags SET state = 'stale' WHERE event = ?1 AND id = ?2";

// What the store holds of a flag that a run may refresh.
struct HeldFlag {
    std::string state;
    std::string claim_ids;
    std::string message;
    std::string severity;
};

// Every flag of one event, keyed by id: one range scan of the flags table,
// which is clustered by event.
std::unordered_map<std::string, HeldFlag> flags_of_event(detail::StoreState& impl, std::string_view event)
{
    detail::RawScope statement(impl.prepare_raw(k_flags_of_event));
    statement->text(1, event);
    std::unordered_map<std::string, HeldFlag> held;
    while (statement->step()) {
        held.emplace(statement->column_string(0),
                     HeldFlag{statement->column_string(1), statement->column_string(2), statement->column_string(3),
                              statement->column_string(4)});
    }
    return held;
}

std::optional<HeldFlag> flag_by_id(detail::StoreState& impl, std::string_view id)
{
    detail::RawScope statement(impl.prepare_raw(k_flag_state));
    statement->text(1, id);
    if (!statement->step()) return std::nullopt;
    return HeldFlag{statement->column_string(0), statement->column_string(1), statement->column_string(2),
                    statement->column_string(3)};
}

// Records one found flag: inserted when new, else refreshed. A flag whose
// message, severity and state are unchanged only gets its last_seen written.
Expected<void> sync_one(detail::StoreState& impl, const Flag& flag, const std::optional<HeldFlag>& held,
                        std::string_view now, SyncStats& stats)
{
    if (!held) {
        if (auto inserted = insert_flag(impl, flag, now); !inserted) return inserted;
        ++stats.created;
        return {};
    }
    // A flag's id comes from the statements it involves, so another
    // document repeating one of them adds a claim to the same flag.
    if (auto ids = join_ids(flag.claims); ids != held->claim_ids) {
        {
            StatementScope statement(impl.prepare(k_unlink_flag_claims));
            statement->bind(1, flag.id);
            statement->exec();
        }
        {
            StatementScope statement(impl.prepare(k_relink_flag));
            statement->bind(1, flag.id);
            statement->bind(2, ids);
            statement->exec();
        }
        if (auto linked = link_claims(impl, flag); !linked) return linked;
    }
    const bool active = held->state == to_string(FlagState::active);
    const std::string_view severity = to_string(flag.severity);
    if (active && held->message == flag.message && held->severity == severity) {
        detail::RawScope statement(impl.prepare_raw(k_touch_flag));
        statement->text(1, flag.event);
        statement->text(2, flag.id);
        statement->text(3, now);
        statement->step();
    } else {
        detail::RawScope statement(impl.prepare_raw(k_refresh_flag_in_event));
        statement->text(1, flag.event);
        statement->text(2, flag.id);
        statement->text(3, flag.message);
        statement->text(4, severity);
        statement->text(5, now);
        statement->step();
    }
    ++(active ? stats.refreshed : stats.revived);
    return {};
}

}  // namespace

namespace {

// Foreign-key enforcement switched off for the life of this object, when
// asked for and allowed (outside a transaction), and on again after.
class ForeignKeysOff {
public:
    ForeignKeysOff(detail::StoreState& store, bool wanted) : m_store(store)
    {
        if (!wanted || store.in_transaction) return;
        store.db.exec("PRAGMA foreign_keys = OFF");
        m_off = true;
    }
    ~ForeignKeysOff()
    {
        if (m_off) m_store.db.tryExec("PRAGMA foreign_keys = ON");
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    detail::StoreState& m_store;
    bool m_off = false;
};

}  // namespace

struct Store::FlagSync::Impl {
    Impl(detail::StoreState& state, std::string_view at, bool trusted)
        : store(state), unchecked(state, trusted), scope(state), now(at)
    {
    }

    detail::StoreState& store;
    ForeignKeysOff unchecked;  // declared before scope: switched back on after it ends
    detail::WriteScope scope;  // rolls everything back unless finish() commits
    std::string now;
    SyncStats stats;
    std::unordered_set<std::string> seen;  // every flag id found so far
    std::size_t events = 0;                // events listed so far
    std::string first_event;
};

Store::FlagSync::FlagSync(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Store::FlagSync::FlagSync(FlagSync&&) noexcept = default;
Store::FlagSync::~FlagSync() = default;

Expected<Store::FlagSync> Store::begin_flag_sync(std::string_view now, FlagReferences references)
{
    if (auto ok = detail::require_checked_writes(*m_impl, "flags"); !ok) return std::unexpected(ok.error());
    return detail::guarded<FlagSync>(m_impl->path, [&]() -> Expected<FlagSync> {
        return FlagSync(std::make_unique<FlagSync::Impl>(*m_impl, now,
                                                         references == FlagReferences::claims_read_from_store));
    });
}

Expected<void> Store::FlagSync::add(std::span<const std::string> events, std::span<const Flag> found)
{
    for (const auto& flag : found) {
        if (flag.id.empty()) return bad_input(fmt::format("flag of rule '{}' without an id", flag.rule));
    }
    auto& sync = *m_impl;
    return detail::guarded<void>(sync.store.path, [&]() -> Expected<void> {
        auto& impl = sync.store;
        // The found flags by event, each once (a rule may find a flag twice).
        std::unordered_map<std::string_view, std::vector<const Flag*>> by_event;
        for (const auto& flag : found) {
            if (sync.seen.insert(flag.id).second) by_event[flag.event].push_back(&flag);
        }
        // Event by event: what the store holds is read with one range scan,
        // the found flags are written against it, and the event's active
        // flags left over were not found again, so they become stale.
        for (const auto& event : events) {
            if (sync.events++ == 0) sync.first_event = event;
            auto held = flags_of_event(impl, event);
            if (const auto mine = by_event.find(event); mine != by_event.end()) {
                for (const Flag* flag : mine->second) {
                    std::optional<HeldFlag> before;
                    if (auto node = held.extract(flag->id)) {
                        before = std::move(node.mapped());
                    } else {
                        before = flag_by_id(impl, flag->id);  // normally absent: a flag belongs to one event
                    }
                    if (auto synced = sync_one(impl, *flag, before, sync.now, sync.stats); !synced) return synced;
                }
                by_event.erase(mine);
            }
            for (const auto& [id, left] : held) {
                if (left.state != to_string(FlagState::active) || sync.seen.contains(id)) continue;
                detail::RawScope statement(impl.prepare_raw(k_stale_flag_in_event));
                statement->text(1, event);
                statement->text(2, id);
                statement->step();
                ++sync.stats.staled;
            }
        }
        // Flags of events the caller did not list are refreshed or created
        // without touching their events' other flags.
        for (const auto& [event, flags] : by_event) {
            for (const Flag* flag : flags) {
                if (auto synced = sync_one(impl, *flag, flag_by_id(impl, flag->id), sync.now, sync.stats); !synced) {
                    return synced;
                }
            }
        }
        return {};
    });
}

Expected<SyncStats> Store::FlagSync::finish()
{
    auto& sync = *m_impl;
    return detail::guarded<SyncStats>(sync.store.path, [&]() -> Expected<SyncStats> {
        StatementScope statement(sync.store.prepare(k_insert_run));
        statement->bind(1, sync.now);
        if (sync.events == 1) {
            statement->bind(2, sync.first_event);
        } else {
            statement->bind(2);
        }
        statement->bind(3, sync.stats.created);
        statement->bind(4, sync.stats.refreshed);
        statement->bind(5, sync.stats.revived);
        statement->bind(6, sync.stats.staled);
        statement->exec();
        sync.scope.commit();
        return sync.stats;
    });
}

Expected<SyncStats> Store::sync_flags(std::span<const std::string> events, std::span<const Flag> found,
                                      std::string_view now)
{
    auto sync = begin_flag_sync(now);
    if (!sync) return std::unexpected(std::move(sync.error()));
    if (auto added = sync->add(events, found); !added) return std::unexpected(std::move(added.error()));
    return sync->finish();
}

namespace {

// The latest review's status of each reviewed flag (of one event, or of all):
// the reviews in seq order, so the last one read wins.
constexpr std::string_view k_statuses = "SELECT flag, status FROM reviews ORDER BY seq";
constexpr std::string_view k_statuses_of_event = R"sql(
SELECT r.flag, r.status FROM reviews r JOIN flags f ON f.id = r.flag WHERE f.event = ?1 ORDER BY r.seq
)sql";

using Statuses = std::unordered_map<std::string, ReviewStatus, detail::StoreState::Hash, std::equal_to<>>;

Statuses latest_statuses(detail::StoreState& impl, const std::optional<std::string>& event)
{
    Statuses statuses;
    detail::RawScope statement(impl.prepare_raw(event ? k_statuses_of_event : k_statuses));
    if (event) statement->text(1, *event);
    while (statement->step()) {
        const auto status = statement->column_text(1);
        statuses.insert_or_assign(statement->column_string(0),
                                  detail::parsed_or_throw(parse_review_status(status), "review status", status));
    }
    return statuses;
}

// Runs the listing query for `filter` and calls `row(statement, status)` on
// each row (`columns`: k_listing_columns or k_row_columns), ordered by event,
// then id. The flags table is read alone, and each flag's status taken from
// the reviews read first: the flag_status view's subquery cost an index
// probe per flag. The state is matched while scanning (`+state`), not
// through flags_by_state: most flags are active, and going through that index
// cost a look-up in the table per flag.
template <class Row>
void query_flags(detail::StoreState& impl, const FlagFilter& filter, std::string_view columns, Row&& row)
{
    std::string sql(columns);
    std::vector<std::string> values;
    const auto where = [&](std::string_view column, std::string value) {
        sql += values.empty() ? " WHERE " : " AND ";
        sql += fmt::format("{} = ?{}", column, values.size() + 1);
        values.push_back(std::move(value));
    };
    if (filter.event) where("event", *filter.event);
    if (filter.rule) where("rule", *filter.rule);
    if (filter.severity) where("severity", std::string(to_string(*filter.severity)));
    if (filter.state) where("+state", std::string(to_string(*filter.state)));
    sql += " ORDER BY event, id";
    const Statuses statuses = latest_statuses(impl, filter.event);
    detail::RawScope statement(impl.prepare_raw(sql));
    for (std::size_t i = 0; i < values.size(); ++i) statement->text(static_cast<int>(i + 1), values[i]);
    while (statement->step()) {
        ReviewStatus status = ReviewStatus::open;
        if (!statuses.empty()) {
            if (const auto found = statuses.find(statement->column_text(0)); found != statuses.end()) {
                status = found->second;
            }
        }
        if (filter.status && status != *filter.status) continue;
        row(*statement, status);
    }
}

}  // namespace

Expected<std::vector<Flag>> Store::flags(const FlagFilter& filter) const
{
    return detail::guarded<std::vector<Flag>>(m_impl->path, [&]() -> Expected<std::vector<Flag>> {
        std::vector<Flag> out;
        query_flags(*m_impl, filter, k_listing_columns,
                    [&](const detail::RawStatement& row, ReviewStatus status) { out.push_back(read_flag(row, status)); });
        return out;
    });
}

Expected<void> Store::for_each_flag(const FlagFilter& filter, const std::function<void(const FlagRow&)>& visit) const
{
    return detail::guarded<void>(m_impl->path, [&]() -> Expected<void> {
        query_flags(*m_impl, filter, k_row_columns, [&](const detail::RawStatement& row, ReviewStatus status) {
            const auto severity = row.column_text(2);
            const auto state = row.column_text(5);
            visit(FlagRow{row.column_text(0), row.column_text(1), row.column_text(3), row.column_text(4),
                          detail::parsed_or_throw(parse_severity(severity), "severity", severity),
                          detail::parsed_or_throw(parse_flag_state(state), "flag state", state), status});
        });
        return {};
    });
}

Expected<std::optional<Flag>> Store::flag(std::string_view id) const
{
    return detail::guarded<std::optional<Flag>>(m_impl->path, [&]() -> Expected<std::optional<Flag>> {
        detail::RawScope statement(m_impl->prepare_raw(fmt::format("{} WHERE id = ?1", k_flag_columns)));
        statement->text(1, id);
        if (!statement->step()) return std::nullopt;
        return read_flag(*statement);
    });
}

Expected<Review> Store::append_review(const Review& review)
{
    if (auto ok = detail::require_checked_writes(*m_impl, "reviews"); !ok) return std::unexpected(ok.error());
    return detail::guarded<Review>(m_impl->path, [&]() -> Expected<Review> {
        auto& impl = *m_impl;
        // A review is a person's decision: its commit is synced to disk
        // (synchronous FULL) so that not even a power loss takes it back.
        // Only outside a caller's transaction, which then decides.
        detail::SyncFull durable(impl);
        // BEGIN IMMEDIATE takes the write lock first (waiting up to the busy
        // timeout), so two processes appending at once are serialised.
        detail::WriteScope scope(impl);
        if (!flag_exists(impl, review.flag)) return bad_input(fmt::format("no flag {}", review.flag));
        {
            StatementScope statement(impl.prepare(k_insert_review));
            statement->bind(1, review.flag);
            statement->bind(2, std::string(to_string(review.status)));
            statement->bind(3, review.reviewer);
            statement->bind(4, review.note);
            statement->bind(5, review.at);
            statement->exec();
        }
        Review stored = review;
        stored.seq = impl.db.getLastInsertRowid();
        scope.commit();
        return stored;
    });
}

Expected<std::vector<Review>> Store::reviews(std::string_view flag) const
{
    return detail::guarded<std::vector<Review>>(m_impl->path, [&]() -> Expected<std::vector<Review>> {
        StatementScope statement(m_impl->prepare(k_reviews_of_flag));
        statement->bind(1, std::string(flag));
        std::vector<Review> out;
        while (statement->executeStep()) out.push_back(read_review(*statement));
        return out;
    });
}

// ---------------------------------------------------------------------------
// Restoring an export, and reading the whole log for one.

namespace {

constexpr std::string_view k_all_reviews = "SELECT seq, flag, status, reviewer, note, at FROM reviews ORDER BY seq";
constexpr std::string_view k_restore_flag_state = "UPDATE flags SET state = ?2, last_seen = ?3 WHERE id = ?1";
constexpr std::string_view k_same_review = R"sql(
SELECT 1 FROM reviews WHERE flag = ?1 AND status = ?2 AND reviewer = ?3 AND note = ?4 AND at = ?5
)sql";

}  // namespace

Expected<std::vector<Review>> Store::all_reviews() const
{
    return detail::guarded<std::vector<Review>>(m_impl->path, [&]() -> Expected<std::vector<Review>> {
        StatementScope statement(m_impl->prepare(k_all_reviews));
        std::vector<Review> out;
        while (statement->executeStep()) out.push_back(read_review(*statement));
        return out;
    });
}

Expected<bool> Store::import_flag(const Flag& flag)
{
    if (auto ok = detail::require_checked_writes(*m_impl, "flags"); !ok) return std::unexpected(ok.error());
    if (flag.id.empty()) return bad_input(fmt::format("flag of rule '{}' without an id", flag.rule));
    return detail::guarded<bool>(m_impl->path, [&]() -> Expected<bool> {
        auto& impl = *m_impl;
        detail::WriteScope scope(impl);
        if (flag_exists(impl, flag.id)) return false;
        if (auto inserted = insert_flag(impl, flag, flag.first_seen); !inserted) {
            return std::unexpected(inserted.error());
        }
        {
            StatementScope statement(impl.prepare(k_restore_flag_state));
            statement->bind(1, flag.id);
            statement->bind(2, std::string(to_string(flag.state)));
            statement->bind(3, flag.last_seen);
            statement->exec();
        }
        scope.commit();
        return true;
    });
}

Expected<bool> Store::import_review(const Review& review)
{
    if (auto ok = detail::require_checked_writes(*m_impl, "reviews"); !ok) return std::unexpected(ok.error());
    return detail::guarded<bool>(m_impl->path, [&]() -> Expected<bool> {
        auto& impl = *m_impl;
        detail::WriteScope scope(impl);
        if (!flag_exists(impl, review.flag)) return bad_input(fmt::format("no flag {}", review.flag));
        const std::string status(to_string(review.status));
        {
            StatementScope statement(impl.prepare(k_same_review));
            statement->bind(1, review.flag);
            statement->bind(2, status);
            statement->bind(3, review.reviewer);
            statement->bind(4, review.note);
            statement->bind(5, review.at);
            if (statement->executeStep()) return false;
        }
        {
            StatementScope statement(impl.prepare(k_insert_review));
            statement->bind(1, review.flag);
            statement->bind(2, status);
            statement->bind(3, review.reviewer);
            statement->bind(4, review.note);
            statement->bind(5, review.at);
            statement->exec();
        }
        scope.commit();
        return true;
    });
}

}  // namespace contra
