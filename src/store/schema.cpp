#include "store/schema.hpp"

#include <contra/store.hpp>

#include <array>

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

constexpr std::array<std::string_view, 1> k_migrations = {k_v1};

static_assert(k_migrations.size() == Store::k_schema_version,
              "one migration step per schema version");

}  // namespace

std::span<const std::string_view> migrations()
{
    return k_migrations;
}

}  // namespace contra::detail
