// Claims: writing them, reading them back, streaming them event by event.
#include "store/store_impl.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fmt/core.h>


namespace contra {

namespace {

using detail::StatementScope;

constexpr std::string_view k_put_claim = R"sql(
INSERT OR IGNORE INTO claims (
    id, event, source, mention, attribute, qualifier, qualifier_map,
    value_kind, lo, hi, agent, responsible, for_attribute, category, date_first, date_last, text, wording,
    polarity, document, span_start, span_end, span_line, span_column, quote, prefix, suffix, origin,
    stated_on)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
        ?23, ?24, ?25, ?26, ?27, ?28, ?29)
)sql";

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

// Binds the value columns ?8 … ?18; those that do not apply stay NULL.
void bind_value(detail::RawStatement& statement, const Value& value)
{
    for (int column = 9; column <= 17; ++column) statement.null(column);
    statement.text(8, to_string(value.kind()));
    statement.text(18, value.wording);
    std::visit(
        [&](const auto& data) {
            using T = std::decay_t<decltype(data)>;
            if constexpr (std::is_same_v<T, Count>) {
                statement.integer(9, data.lo);
                if (data.hi) statement.integer(10, *data.hi);
            } else if constexpr (std::is_same_v<T, Agent>) {
                statement.text(11, data.agent);
                statement.integer(12, data.responsible ? 1 : 0);
                statement.text(13, data.for_attribute);
            } else if constexpr (std::is_same_v<T, Category>) {
                statement.text(14, data.name);
            } else if constexpr (std::is_same_v<T, DateRange>) {
                statement.text(15, data.first);
                statement.text(16, data.last);
            } else {
                static_assert(std::is_same_v<T, Text>);
                statement.text(17, data.text);
            }
        },
        value.data);
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

}  // namespace

Expected<bool> Store::put_claim(const Claim& claim)
{
    if (auto ok = detail::require_writable(*m_impl); !ok) return std::unexpected(ok.error());
    const std::string id = claim.id.empty() ? make_claim_id(claim) : claim.id;
    return detail::guarded<bool>(m_impl->path, [&]() -> Expected<bool> {
        // Text is bound without copying: everything bound lives until the
        // statement is reset at the end of this scope.
        const std::string key = qualifier_key(claim.qualifier);
        const std::string map = key_is_ambiguous(claim.qualifier) ? qualifier_json(claim.qualifier) : "";
        detail::RawScope statement(m_impl->prepare_raw(k_put_claim));
        statement->text(1, id);
        statement->text(2, claim.event);
        statement->text(3, claim.source);
        statement->text(4, claim.mention);
        statement->text(5, claim.attribute);
        statement->text(6, key);
        statement->text(7, map);
        bind_value(*statement, claim.value);
        statement->text(19, to_string(claim.polarity));
        statement->text(20, claim.document);
        statement->integer(21, static_cast<std::int64_t>(claim.span.start));
        statement->integer(22, static_cast<std::int64_t>(claim.span.end));
        statement->integer(23, claim.span.line);
        statement->integer(24, claim.span.column);
        statement->text(25, claim.quote);
        statement->text(26, claim.prefix);
        statement->text(27, claim.suffix);
        statement->text(28, claim.origin);
        const std::string* published = document_published(*m_impl, claim.document);
        if (m_impl->bulk) {
            if (auto missing = unknown_reference(*m_impl, claim, id, published != nullptr)) {
                return std::unexpected(std::move(*missing));
            }
        }
        statement->text(29, published ? *published : std::string_view{});
        try {
            statement->step();
            return statement->changes() > 0;
        } catch (const SQLite::Exception& error) {
            if (error.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
            statement->reset();
            return std::unexpected(missing_reference(*m_impl, claim, id));
        }
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
