#include "store/schema.hpp"

#include <contra/store.hpp>
#include <contra/text.hpp>

#include <sqlite3.h>

#include <array>
#include <string>

namespace contra::detail {

namespace {

// Version 0 -> 1: the whole first schema.
//
// Notes on choices made here:
// - Empty strings, not NULLs, for absent text, so reads need no NULL checks;
//   NULL is kept for "not applicable" value columns and open count bounds.
// - claims.stated_on copies the document's `published` at insert time.
//   Documents are immutable, so the copy cannot drift, and it lets the
//   claims table itself be kept in EventClaims order (its primary key).
// - flags.claim_ids repeats flag_claims as one space-separated string so that
//   listing flags reads one row per flag; sync_flags rewrites both together
//   when a flag gains a claim (another document repeating a statement it
//   involves), so the two cannot disagree.
constexpr std::string_view k_v1 = R"sql(
CREATE TABLE events (
    id      TEXT PRIMARY KEY NOT NULL,
    title   TEXT NOT NULL DEFAULT '',
    date    TEXT NOT NULL DEFAULT '',
    place   TEXT NOT NULL DEFAULT '',
    aliases TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE sources (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL DEFAULT '',
    kind    TEXT NOT NULL DEFAULT '',
    stake   TEXT NOT NULL DEFAULT 'unknown',
    aliases TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE documents (
    sha256    TEXT PRIMARY KEY NOT NULL,
    title     TEXT NOT NULL DEFAULT '',
    url       TEXT NOT NULL DEFAULT '',
    publisher TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    retrieved TEXT NOT NULL DEFAULT '',
    path      TEXT NOT NULL DEFAULT '',
    text      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE claims (
    id             TEXT NOT NULL,
    event          TEXT NOT NULL REFERENCES events(id),
    source         TEXT NOT NULL REFERENCES sources(id),
    mention        TEXT NOT NULL DEFAULT '',
    attribute      TEXT NOT NULL,
    qualifier      TEXT NOT NULL DEFAULT '',   -- qualifier_key(): "group=police"
    qualifier_map  TEXT NOT NULL DEFAULT '',  -- the map as JSON, when the key cannot be read back
    value_kind     TEXT NOT NULL,
    lo             INTEGER,                   -- count
    hi             INTEGER,                   -- count; NULL = open above
    agent          TEXT,                      -- agent
    responsible    INTEGER,                   -- agent: 1 or 0
    for_attribute  TEXT,                      -- agent
    category       TEXT,                      -- category
    date_first     TEXT,                      -- date
    date_last      TEXT,                      -- date
    text           TEXT,                      -- text
    wording        TEXT NOT NULL DEFAULT '',
    polarity       TEXT NOT NULL,
    document       TEXT NOT NULL REFERENCES documents(sha256),
    stated_on      TEXT NOT NULL DEFAULT '',  -- documents.published, copied
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    span_line      INTEGER NOT NULL DEFAULT 0,
    span_column    INTEGER NOT NULL DEFAULT 0,
    quote          TEXT NOT NULL DEFAULT '',
    prefix         TEXT NOT NULL DEFAULT '',
    suffix         TEXT NOT NULL DEFAULT '',
    origin         TEXT NOT NULL DEFAULT '',
    -- Clustered in the order the rules read claims: an event's claims are
    -- one contiguous range, already sorted.
    PRIMARY KEY (event, stated_on, document, span_start, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX claims_by_id ON claims(id);

CREATE TABLE runs (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    event     TEXT,                           -- NULL: the run covered several events
    created   INTEGER NOT NULL,
    refreshed INTEGER NOT NULL,
    revived   INTEGER NOT NULL,
    staled    INTEGER NOT NULL
);

CREATE TABLE flags (
    id         TEXT NOT NULL,
    rule       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    severity   TEXT NOT NULL,
    event      TEXT NOT NULL REFERENCES events(id),
    attribute  TEXT NOT NULL DEFAULT '',
    message    TEXT NOT NULL DEFAULT '',
    state      TEXT NOT NULL DEFAULT 'active',
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    claim_ids  TEXT NOT NULL DEFAULT '',      -- flag_claims, space-separated, in order
    -- Clustered in listing order, so listing every flag is one sequential scan.
    PRIMARY KEY (event, id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX flags_by_id ON flags(id);
CREATE INDEX flags_by_severity ON flags(severity);
CREATE INDEX flags_by_rule ON flags(rule);
CREATE INDEX flags_by_state ON flags(state);

CREATE TABLE flag_claims (
    flag     TEXT NOT NULL REFERENCES flags(id),
    claim    TEXT NOT NULL REFERENCES claims(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (flag, position)
) WITHOUT ROWID;
CREATE INDEX flag_claims_by_claim ON flag_claims(claim);

CREATE TABLE reviews (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    flag     TEXT NOT NULL REFERENCES flags(id),
    status   TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    note     TEXT NOT NULL DEFAULT '',
    at       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reviews_by_flag ON reviews(flag, seq);

-- The review log is append-only, and the schema itself says so.
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only: a review cannot be changed');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only: a review cannot be deleted');
END;

-- A flag's status is its latest review's, else open.
CREATE VIEW flag_status AS
SELECT f.*,
       COALESCE((SELECT r.status FROM reviews r WHERE r.flag = f.id
                 ORDER BY r.seq DESC LIMIT 1), 'open') AS status
FROM flags f;
)sql";

// Version 1 -> 2: every event's names (aliases, then title), folded, in a
// table indexed for finding which event a draft names without reading every
// event (contra check). Filled here from the events already stored; from then
// on put_event rewrites an event's rows whenever it changes the event.
// position orders an event's names as the check ranks them: its aliases in
// order (0, 1, ...), then its title. Names that fold to nothing are left out.
constexpr std::string_view k_v2 = R"sql(
CREATE TABLE event_names (
    event    TEXT NOT NULL REFERENCES events(id),
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,               -- folded
    first    TEXT NOT NULL,               -- its first word; '' when it begins with no word
    key      TEXT NOT NULL,               -- up to the end of its last word
    words    INTEGER NOT NULL,            -- how many words the key has
    PRIMARY KEY (event, position)
) WITHOUT ROWID;
CREATE INDEX event_names_by_first ON event_names(first, words);
CREATE INDEX event_names_by_key ON event_names(key);

INSERT INTO event_names (event, position, name, first, key, words)
SELECT event, position, name, contra_name_first(name), contra_name_key(name), contra_name_words(name)
FROM (SELECT e.id AS event, CAST(a.key AS INTEGER) AS position, contra_fold(a.value) AS name
      FROM events e, json_each(e.aliases) a
      UNION ALL
      SELECT id, json_array_length(aliases), contra_fold(title) FROM events)
WHERE name <> '';
)sql";

// Version 2 -> 3: the flags table keeps only its index by id. The indexes on
// severity, rule and state each hold a handful of distinct values, so no
// listing reads fewer rows through them than by scanning the table, which is
// clustered in listing order anyway; yet every flag a run creates paid for
// three more B-tree inserts (a tenth of a first run's work).
constexpr std::string_view k_v3 = R"sql(
DROP INDEX flags_by_severity;
DROP INDEX flags_by_rule;
DROP INDEX flags_by_state;
)sql";

constexpr std::array<std::string_view, 3> k_migrations = {k_v1, k_v2, k_v3};

static_assert(k_migrations.size() == Store::k_schema_version,
              "one migration step per schema version");

}  // namespace

std::span<const std::string_view> migrations()
{
    return k_migrations;
}

namespace {

bool word_byte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string_view text_argument(sqlite3_value* value)
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_value_text(value));
    if (data == nullptr) return {};
    return {data, static_cast<std::size_t>(sqlite3_value_bytes(value))};
}

void result_text(sqlite3_context* context, std::string_view text)
{
    // Never a null pointer: that would make the result NULL, not ''.
    sqlite3_result_text(context, text.empty() ? "" : text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void sql_fold(sqlite3_context* context, int, sqlite3_value** arguments)
{
    try {
        result_text(context, fold(text_argument(arguments[0])));
    } catch (const std::exception& error) {
        sqlite3_result_error(context, error.what(), -1);
    }
}

void sql_name_first(sqlite3_context* context, int, sqlite3_value** arguments)
{
    result_text(context, event_name_parts(text_argument(arguments[0])).first);
}

void sql_name_key(sqlite3_context* context, int, sqlite3_value** arguments)
{
    result_text(context, event_name_parts(text_argument(arguments[0])).key);
}

void sql_name_words(sqlite3_context* context, int, sqlite3_value** arguments)
{
    sqlite3_result_int(context, event_name_parts(text_argument(arguments[0])).words);
}

}  // namespace

EventNameParts event_name_parts(std::string_view folded)
{
    if (folded.empty() || !word_byte(folded.front())) return {};
    EventNameParts parts;
    std::size_t at = 0;
    std::size_t key_end = 0;
    while (at < folded.size()) {
        while (at < folded.size() && !word_byte(folded[at])) ++at;
        if (at == folded.size()) break;
        while (at < folded.size() && word_byte(folded[at])) ++at;
        if (parts.words++ == 0) parts.first = folded.substr(0, at);
        key_end = at;
    }
    parts.key = folded.substr(0, key_end);
    return parts;
}

void register_migration_functions(sqlite3* db)
{
    constexpr int k_flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    sqlite3_create_function_v2(db, "contra_fold", 1, k_flags, nullptr, sql_fold, nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(db, "contra_name_first", 1, k_flags, nullptr, sql_name_first, nullptr, nullptr,
                               nullptr);
    sqlite3_create_function_v2(db, "contra_name_key", 1, k_flags, nullptr, sql_name_key, nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(db, "contra_name_words", 1, k_flags, nullptr, sql_name_words, nullptr, nullptr,
                               nullptr);
}

}  // namespace contra::detail
