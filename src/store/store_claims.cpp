// Claims: writing them, reading them back, streaming them event by event.
#include "store/store_impl.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <ranges>
#include <span>

namespace contra {

namespace {

using detail::StatementScope;

// The columns put_claim() writes, in the order bind_claim() binds them.
constexpr std::string_view k_claim_insert = R"sql(
INSERT OR IGNORE INTO claims (
    id, event, source, mention, attribute, qualifier, qualifier_map,
    value_kind, lo, hi, agent, responsible, for_attribute, category, date_first, date_last, text, wording,
    polarity, document, span_start, span_end, span_line, span_column, quote, prefix, suffix, origin,
    stated_on)
VALUES )sql";
constexpr int k_claim_values = 29;

// Claims per INSERT in put_claims(). SQLite opens the table's cursor,
// checks the transaction and halts once per statement: for one row that is
// about a fifth of its work, for sixteen a sixtieth. 16 rows bind 464 values,
// far below SQLite's limit of 32,766.
constexpr std::size_t k_claims_per_insert = 16;

// INSERT OR IGNORE INTO claims (…) VALUES (?, …), … for `rows` rows.
std::string claim_insert(std::size_t rows)
{
    std::string row = "(?";
    for (int value = 1; value < k_claim_values; ++value) row += ", ?";
    row += ')';
    std::string sql(k_claim_insert);
    for (std::size_t i = 0; i < rows; ++i) {
        if (i > 0) sql += ", ";
        sql += row;
    }
    return sql;
}

const std::string k_put_claim = claim_insert(1);
const std::string k_put_claims = claim_insert(k_claims_per_insert);

// The columns read_claim() expects, in its order.
#define CONTRA_CLAIM_COLUMNS                                                                                  \
    "SELECT id, event, source, mention, attribute, qualifier_map, value_kind, lo, hi, agent, responsible, "   \
    "for_attribute, category, date_first, date_last, text, wording, polarity, document, span_start, "        \
    "span_end, span_line, span_column, quote, prefix, suffix, origin, stated_on, qualifier FROM claims "
#define CONTRA_CLAIM_ORDER " ORDER BY event, stated_on, document, span_start, id"

constexpr std::string_view k_claim = CONTRA_CLAIM_COLUMNS "WHERE id = ?1";
constexpr std::string_view k_claims_all = CONTRA_CLAIM_COLUMNS CONTRA_CLAIM_ORDER;
constexpr std::string_view k_claims_of_event = CONTRA_CLAIM_COLUMNS "WHERE event = ?1" CONTRA_CLAIM_ORDER;
constexpr const char* k_stream_claims_all = CONTRA_CLAIM_COLUMNS CONTRA_CLAIM_ORDER;
constexpr const char* k_stream_claims_of_event = CONTRA_CLAIM_COLUMNS "WHERE event = ?1" CONTRA_CLAIM_ORDER;
constexpr const char* k_stream_events_all = "SELECT id, title, date, place, aliases FROM events ORDER BY id";
constexpr const char* k_stream_event = "SELECT id, title, date, place, aliases FROM events WHERE id = ?1";

#undef CONTRA_CLAIM_COLUMNS
#undef CONTRA_CLAIM_ORDER

constexpr std::string_view k_document_published = "SELECT published FROM documents WHERE sha256 = ?1";

// The `published` of a stored document, which its claims copy as stated_on;
// null when there is no such document.
const std::string* document_published(detail::StoreState& impl, const std::string& document)
{
    if (impl.published_document == document && !document.empty()) return &impl.published;
    impl.published.clear();
    impl.published_document.clear();
    detail::RawScope statement(impl.prepare_raw(k_document_published));
    statement->text(1, document);
    if (!statement->step()) return nullptr;
    impl.published.assign(statement->column_text(0));
    impl.published_document = document;
    return &impl.published;
}

std::string qualifier_json(const Qualifier& qualifier)
{
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [key, value] : qualifier) object[key] = value;
    return object.dump();
}

// qualifier_key() is "k=v;k2=v2": it can be read back unless a key holds
// ';' or '=' (or is empty) or a value holds ';'. Only then does the store
// keep the map as JSON as well.
bool key_is_ambiguous(const Qualifier& qualifier)
{
    for (const auto& [key, value] : qualifier) {
        if (key.empty() || key.find_first_of(";=") != std::string::npos) return true;
        if (value.find(';') != std::string::npos) return true;
    }
    return false;
}

Qualifier parse_qualifier_key(std::string_view key)
{
    Qualifier qualifier;
    while (!key.empty()) {
        const auto end = key.find(';');
        const auto part = key.substr(0, end);
        const auto equals = part.find('=');
        if (equals == std::string_view::npos) throw detail::CorruptRow("bad qualifier key " + std::string(key));
        qualifier.emplace(std::string(part.substr(0, equals)), std::string(part.substr(equals + 1)));
        if (end == std::string_view::npos) break;
        key.remove_prefix(end + 1);
    }
    return qualifier;
}

Qualifier parse_qualifier_json(std::string_view text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) throw detail::CorruptRow("expected a qualifier object, got " + std::string(text));
    Qualifier qualifier;
    for (const auto& [key, value] : json.items()) {
        if (!value.is_string()) throw detail::CorruptRow("expected a qualifier of strings, got " + std::string(text));
        qualifier.emplace(key, value.get<std::string>());
    }
    return qualifier;
}

// What a claims row holds besides the claim's own fields, kept alive
// until its statement is stepped.
struct ClaimRow {
    std::string id;         // the claim's, or made from it
    std::string key;        // qualifier_key()
    std::string map;        // the qualifier as JSON, when the key cannot be read back
    std::string published;  // the document's, copied as stated_on
};

// Binds the value columns (8 … 18 of a row starting at column 1); those
// that do not apply stay NULL.
void bind_value(detail::RawStatement& statement, int first, const Value& value)
{
    const auto at = [first](int column) { return first + column - 1; };
    for (int column = 9; column <= 17; ++column) statement.null(at(column));
    statement.text(at(8), to_string(value.kind()));
    statement.text(at(18), value.wording);
    std::visit(
        [&](const auto& data) {
            using T = std::decay_t<decltype(data)>;
            if constexpr (std::is_same_v<T, Count>) {
                statement.integer(at(9), data.lo);
                if (data.hi) statement.integer(at(10), *data.hi);
            } else if constexpr (std::is_same_v<T, Agent>) {
                statement.text(at(11), data.agent);
                statement.integer(at(12), data.responsible ? 1 : 0);
                statement.text(at(13), data.for_attribute);
            } else if constexpr (std::is_same_v<T, Category>) {
                statement.text(at(14), data.name);
            } else if constexpr (std::is_same_v<T, DateRange>) {
                statement.text(at(15), data.first);
                statement.text(at(16), data.last);
            } else {
                static_assert(std::is_same_v<T, Text>);
                statement.text(at(17), data.text);
            }
        },
        value.data);
}

// Binds one claims row, its first value at column `first`. Text is bound
// without copying: `claim` and `row` must outlive the step.
void bind_claim(detail::RawStatement& statement, int first, const Claim& claim, const ClaimRow& row)
{
    const auto at = [first](int column) { return first + column - 1; };
    statement.text(at(1), row.id);
    statement.text(at(2), claim.event);
    statement.text(at(3), claim.source);
    statement.text(at(4), claim.mention);
    statement.text(at(5), claim.attribute);
    statement.text(at(6), row.key);
    statement.text(at(7), row.map);
    bind_value(statement, first, claim.value);
    statement.text(at(19), to_string(claim.polarity));
    statement.text(at(20), claim.document);
    statement.integer(at(21), static_cast<std::int64_t>(claim.span.start));
    statement.integer(at(22), static_cast<std::int64_t>(claim.span.end));
    statement.integer(at(23), claim.span.line);
    statement.integer(at(24), claim.span.column);
    statement.text(at(25), claim.quote);
    statement.text(at(26), claim.prefix);
    statement.text(at(27), claim.suffix);
    statement.text(at(28), claim.origin);
    statement.text(at(29), row.published);
}

// Reads a claims row into `claim`, reusing the memory its strings hold:
// streaming an event's claims into the same vector allocates next to nothing.
void read_claim_into(const detail::RawStatement& row, Claim& claim)
{
    claim.id.assign(row.column_text(0));
    claim.event.assign(row.column_text(1));
    claim.source.assign(row.column_text(2));
    claim.mention.assign(row.column_text(3));
    claim.attribute.assign(row.column_text(4));
    const auto map = row.column_text(5);
    const auto key = row.column_text(28);
    if (!map.empty()) {
        claim.qualifier = parse_qualifier_json(map);
    } else if (!key.empty() || !claim.qualifier.empty()) {
        claim.qualifier = parse_qualifier_key(key);
    }
    const auto kind_text = row.column_text(6);
    switch (detail::parsed_or_throw(parse_value_kind(kind_text), "value kind", kind_text)) {
    case ValueKind::count: {
        Count count{row.column_int(7), std::nullopt};
        if (!row.column_null(8)) count.hi = row.column_int(8);
        claim.value.data = count;
        break;
    }
    case ValueKind::agent:
        claim.value.data = Agent{row.column_string(9), row.column_int(10) != 0, row.column_string(11)};
        break;
    case ValueKind::category:
        claim.value.data = Category{row.column_string(12)};
        break;
    case ValueKind::date:
        claim.value.data = DateRange{row.column_string(13), row.column_string(14)};
        break;
    case ValueKind::text:
        claim.value.data = Text{row.column_string(15)};
        break;
    }
    claim.value.wording.assign(row.column_text(16));
    const auto polarity = row.column_text(17);
    claim.polarity = detail::parsed_or_throw(parse_polarity(polarity), "polarity", polarity);
    claim.document.assign(row.column_text(18));
    claim.span.start = static_cast<std::size_t>(row.column_int(19));
    claim.span.end = static_cast<std::size_t>(row.column_int(20));
    claim.span.line = static_cast<int>(row.column_int(21));
    claim.span.column = static_cast<int>(row.column_int(22));
    claim.quote.assign(row.column_text(23));
    claim.prefix.assign(row.column_text(24));
    claim.suffix.assign(row.column_text(25));
    claim.origin.assign(row.column_text(26));
    claim.stated_on.assign(row.column_text(27));
}

Claim read_claim(const detail::RawStatement& row)
{
    Claim claim;
    read_claim_into(row, claim);
    return claim;
}

bool exists(detail::StoreState& impl, std::string_view sql, const std::string& key)
{
    StatementScope statement(impl.prepare(sql));
    statement->bind(1, key);
    return statement->executeStep();
}

// Which reference of a claim is missing, after SQLite refused it.
Error missing_reference(detail::StoreState& impl, const Claim& claim, const std::string& id)
{
    if (!exists(impl, "SELECT 1 FROM events WHERE id = ?1", claim.event)) {
        return Error{ErrorKind::bad_input, fmt::format("claim {}: unknown event '{}'", id, claim.event), {}};
    }
    if (!exists(impl, "SELECT 1 FROM sources WHERE id = ?1", claim.source)) {
        return Error{ErrorKind::bad_input, fmt::format("claim {}: unknown source '{}'", id, claim.source), {}};
    }
    if (!exists(impl, "SELECT 1 FROM documents WHERE sha256 = ?1", claim.document)) {
        return Error{ErrorKind::bad_input, fmt::format("claim {}: unknown document '{}'", id, claim.document), {}};
    }
    return Error{ErrorKind::bad_input, fmt::format("claim {}: refers to something not in the store", id), {}};
}

// True when `id` is in the store, remembering the ids found in `known`.
using IdSet = std::unordered_set<std::string, detail::StoreState::Hash, std::equal_to<>>;
bool known_id(detail::StoreState& impl, IdSet& known, std::string_view sql, const std::string& id)
{
    if (known.contains(id)) return true;
    if (!exists(impl, sql, id)) return false;
    known.insert(id);
    return true;
}

// In a bulk load, where SQLite does not enforce the foreign keys: the
// reference of `claim` that is not in the store, if any, checked as SQLite
// would (the document was looked up for its date already).
std::optional<Error> unknown_reference(detail::StoreState& impl, const Claim& claim, const std::string& id,
                                       bool document_found)
{
    auto& bulk = *impl.bulk;
    if (!known_id(impl, bulk.events, "SELECT 1 FROM events WHERE id = ?1", claim.event)
        || !known_id(impl, bulk.sources, "SELECT 1 FROM sources WHERE id = ?1", claim.source) || !document_found) {
        return missing_reference(impl, claim, id);
    }
    return std::nullopt;
}

// Fills `row` for `claim`. In a bulk load, the error when the claim refers
// to an event, source or document that is not in the store.
std::optional<Error> prepare_row(detail::StoreState& impl, const Claim& claim, ClaimRow& row)
{
    if (claim.id.empty()) {
        row.id = make_claim_id(claim);
    } else {
        row.id = claim.id;
    }
    row.key = qualifier_key(claim.qualifier);
    if (key_is_ambiguous(claim.qualifier)) {
        row.map = qualifier_json(claim.qualifier);
    } else {
        row.map.clear();
    }
    const std::string* published = document_published(impl, claim.document);
    row.published.assign(published ? *published : std::string_view{});
    if (impl.bulk) return unknown_reference(impl, claim, row.id, published != nullptr);
    return std::nullopt;
}

}  // namespace

Expected<bool> Store::put_claim(const Claim& claim)
{
    if (auto ok = detail::require_writable(*m_impl); !ok) return std::unexpected(ok.error());
    return detail::guarded<bool>(m_impl->path, [&]() -> Expected<bool> {
        ClaimRow row;  // outlives the statement's reset at the end of its scope
        if (auto missing = prepare_row(*m_impl, claim, row)) return std::unexpected(std::move(*missing));
        detail::RawScope statement(m_impl->prepare_raw(k_put_claim));
        bind_claim(*statement, 1, claim, row);
        try {
            statement->step();
            return statement->changes() > 0;
        } catch (const SQLite::Exception& error) {
            if (error.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
            statement->reset();
            return std::unexpected(missing_reference(*m_impl, claim, row.id));
        }
    });
}

Expected<int> Store::put_claims(std::span<const Claim> claims)
{
    if (auto ok = detail::require_writable(*m_impl); !ok) return std::unexpected(ok.error());
    return detail::guarded<int>(m_impl->path, [&]() -> Expected<int> {
        int added = 0;
        const auto one_by_one = [&](std::span<const Claim> part) -> Expected<void> {
            for (const Claim& claim : part) {
                auto put = put_claim(claim);
                if (!put) return std::unexpected(std::move(put.error()));
                if (*put) ++added;
            }
            return {};
        };
        // Whole batches of rows in one statement each. A batch with a claim
        // that is refused goes again claim by claim, which writes the claims
        // before it and gives that claim's error exactly as put_claim() does:
        // a statement that fails on a foreign key writes none of its rows.
        std::array<ClaimRow, k_claims_per_insert> rows;
        for (; claims.size() >= k_claims_per_insert; claims = claims.subspan(k_claims_per_insert)) {
            const auto batch = claims.first(k_claims_per_insert);
            const bool refused = std::ranges::any_of(std::views::iota(std::size_t{0}, batch.size()), [&](std::size_t i) {
                return prepare_row(*m_impl, batch[i], rows[i]).has_value();
            });
            if (!refused) {
                detail::RawScope statement(m_impl->prepare_raw(k_put_claims));
                for (std::size_t i = 0; i < batch.size(); ++i) {
                    bind_claim(*statement, static_cast<int>(i) * k_claim_values + 1, batch[i], rows[i]);
                }
                try {
                    statement->step();
                    added += statement->changes();
                    continue;
                } catch (const SQLite::Exception& error) {
                    if (error.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
                }
            }
            if (auto done = one_by_one(batch); !done) return std::unexpected(std::move(done.error()));
        }
        if (auto done = one_by_one(claims); !done) return std::unexpected(std::move(done.error()));
        return added;
    });
}

Expected<std::optional<Claim>> Store::claim(std::string_view id) const
{
    return detail::guarded<std::optional<Claim>>(m_impl->path, [&]() -> Expected<std::optional<Claim>> {
        detail::RawScope statement(m_impl->prepare_raw(k_claim));
        statement->text(1, id);
        if (!statement->step()) return std::nullopt;
        return read_claim(*statement);
    });
}

Expected<std::vector<Claim>> Store::claims(std::optional<std::string_view> event) const
{
    return detail::guarded<std::vector<Claim>>(m_impl->path, [&]() -> Expected<std::vector<Claim>> {
        detail::RawScope statement(m_impl->prepare_raw(event ? k_claims_of_event : k_claims_all));
        if (event) statement->text(1, *event);
        std::vector<Claim> out;
        while (statement->step()) out.push_back(read_claim(*statement));
        return out;
    });
}

Expected<void> Store::for_each_event(const std::function<Expected<void>(const EventClaims&)>& visit,
                                     std::optional<std::string_view> only_event) const
{
    return detail::guarded<void>(m_impl->path, [&]() -> Expected<void> {
        // Own statements, not cached ones: the visitor may use the store
        // (and its cached statements) while these two cursors stay open.
        SQLite::Statement events(m_impl->db, only_event ? k_stream_event : k_stream_events_all);
        detail::RawStatement claims(m_impl->db.getHandle(), only_event ? k_stream_claims_of_event : k_stream_claims_all);
        if (only_event) {
            events.bind(1, std::string(*only_event));
            claims.text(1, *only_event);
        }
        bool more_claims = claims.step();
        bool any_event = false;
        // Kept from event to event: each row is read into a claim whose
        // strings already have room, and only `count` of them are this event's.
        std::vector<Claim> batch;
        while (events.executeStep()) {
            any_event = true;
            const Event event = detail::read_event(events);
            std::size_t count = 0;
            // Both cursors are ordered by event id (binary collation), and
            // every claim's event exists, so the claims of this event are
            // next in line.
            while (more_claims && claims.column_text(1) == event.id) {
                if (count == batch.size()) batch.emplace_back();
                read_claim_into(claims, batch[count++]);
                more_claims = claims.step();
            }
            const std::span<const Claim> these(batch.data(), count);
            if (auto visited = visit(EventClaims{event, these}); !visited) return visited;
        }
        if (only_event && !any_event) return bad_input(fmt::format("no event '{}' in the store", *only_event));
        return {};
    });
}

}  // namespace contra
