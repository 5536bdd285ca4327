// Claims: writing them, reading them back, streaming them event by event.
#include "store/store_impl.hpp"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <fmt/core.h>

#include <cstring>

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
        ?23, ?24, ?25, ?26, ?27, ?28,
        COALESCE((SELECT published FROM documents WHERE sha256 = ?20), ''))
)sql";

// The columns read_claim() expects, in its order.
#define CONTRA_CLAIM_COLUMNS                                                                                  \
    "SELECT id, event, source, mention, attribute, qualifier_map, value_kind, lo, hi, agent, responsible, "   \
    "for_attribute, category, date_first, date_last, text, wording, polarity, document, span_start, "        \
    "span_end, span_line, span_column, quote, prefix, suffix, origin, stated_on FROM claims "
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

std::string qualifier_json(const Qualifier& qualifier)
{
    nlohmann::json object = nlohmann::json::object();
    for (const auto& [key, value] : qualifier) object[key] = value;
    return object.dump();
}

Qualifier parse_qualifier_json(const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object()) throw detail::CorruptRow("expected a qualifier object, got " + text);
    Qualifier qualifier;
    for (const auto& [key, value] : json.items()) {
        if (!value.is_string()) throw detail::CorruptRow("expected a qualifier of strings, got " + text);
        qualifier.emplace(key, value.get<std::string>());
    }
    return qualifier;
}

// Binds the value columns ?8 … ?18; those that do not apply stay NULL.
void bind_value(SQLite::Statement& statement, const Value& value)
{
    for (int column = 9; column <= 17; ++column) statement.bind(column);
    statement.bind(8, std::string(to_string(value.kind())));
    statement.bind(18, value.wording);
    std::visit(
        [&](const auto& data) {
            using T = std::decay_t<decltype(data)>;
            if constexpr (std::is_same_v<T, Count>) {
                statement.bind(9, static_cast<int64_t>(data.lo));
                if (data.hi) statement.bind(10, static_cast<int64_t>(*data.hi));
            } else if constexpr (std::is_same_v<T, Agent>) {
                statement.bind(11, data.agent);
                statement.bind(12, data.responsible ? 1 : 0);
                statement.bind(13, data.for_attribute);
            } else if constexpr (std::is_same_v<T, Category>) {
                statement.bind(14, data.name);
            } else if constexpr (std::is_same_v<T, DateRange>) {
                statement.bind(15, data.first);
                statement.bind(16, data.last);
            } else {
                static_assert(std::is_same_v<T, Text>);
                statement.bind(17, data.text);
            }
        },
        value.data);
}

Claim read_claim(SQLite::Statement& row)
{
    Claim claim;
    claim.id = row.getColumn(0).getString();
    claim.event = row.getColumn(1).getString();
    claim.source = row.getColumn(2).getString();
    claim.mention = row.getColumn(3).getString();
    claim.attribute = row.getColumn(4).getString();
    claim.qualifier = parse_qualifier_json(row.getColumn(5).getString());
    const std::string kind_text = row.getColumn(6).getString();
    switch (detail::parsed_or_throw(parse_value_kind(kind_text), "value kind", kind_text)) {
    case ValueKind::count: {
        Count count{row.getColumn(7).getInt64(), std::nullopt};
        if (!row.isColumnNull(8)) count.hi = row.getColumn(8).getInt64();
        claim.value.data = count;
        break;
    }
    case ValueKind::agent:
        claim.value.data = Agent{row.getColumn(9).getString(), row.getColumn(10).getInt() != 0,
                                 row.getColumn(11).getString()};
        break;
    case ValueKind::category:
        claim.value.data = Category{row.getColumn(12).getString()};
        break;
    case ValueKind::date:
        claim.value.data = DateRange{row.getColumn(13).getString(), row.getColumn(14).getString()};
        break;
    case ValueKind::text:
        claim.value.data = Text{row.getColumn(15).getString()};
        break;
    }
    claim.value.wording = row.getColumn(16).getString();
    const std::string polarity = row.getColumn(17).getString();
    claim.polarity = detail::parsed_or_throw(parse_polarity(polarity), "polarity", polarity);
    claim.document = row.getColumn(18).getString();
    claim.span.start = static_cast<std::size_t>(row.getColumn(19).getInt64());
    claim.span.end = static_cast<std::size_t>(row.getColumn(20).getInt64());
    claim.span.line = row.getColumn(21).getInt();
    claim.span.column = row.getColumn(22).getInt();
    claim.quote = row.getColumn(23).getString();
    claim.prefix = row.getColumn(24).getString();
    claim.suffix = row.getColumn(25).getString();
    claim.origin = row.getColumn(26).getString();
    claim.stated_on = row.getColumn(27).getString();
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

}  // namespace

Expected<bool> Store::put_claim(const Claim& claim)
{
    if (auto ok = detail::require_writable(*m_impl); !ok) return std::unexpected(ok.error());
    const std::string id = claim.id.empty() ? make_claim_id(claim) : claim.id;
    return detail::guarded<bool>(m_impl->path, [&]() -> Expected<bool> {
        auto& statement = m_impl->prepare(k_put_claim);
        StatementScope scope(statement);
        statement.bind(1, id);
        statement.bind(2, claim.event);
        statement.bind(3, claim.source);
        statement.bind(4, claim.mention);
        statement.bind(5, claim.attribute);
        statement.bind(6, qualifier_key(claim.qualifier));
        statement.bind(7, claim.qualifier.empty() ? std::string("{}") : qualifier_json(claim.qualifier));
        bind_value(statement, claim.value);
        statement.bind(19, std::string(to_string(claim.polarity)));
        statement.bind(20, claim.document);
        statement.bind(21, static_cast<int64_t>(claim.span.start));
        statement.bind(22, static_cast<int64_t>(claim.span.end));
        statement.bind(23, claim.span.line);
        statement.bind(24, claim.span.column);
        statement.bind(25, claim.quote);
        statement.bind(26, claim.prefix);
        statement.bind(27, claim.suffix);
        statement.bind(28, claim.origin);
        try {
            return statement.exec() > 0;
        } catch (const SQLite::Exception& error) {
            if (error.getExtendedErrorCode() != SQLITE_CONSTRAINT_FOREIGNKEY) throw;
            scope->tryReset();
            return std::unexpected(missing_reference(*m_impl, claim, id));
        }
    });
}

Expected<std::optional<Claim>> Store::claim(std::string_view id) const
{
    return detail::guarded<std::optional<Claim>>(m_impl->path, [&]() -> Expected<std::optional<Claim>> {
        StatementScope statement(m_impl->prepare(k_claim));
        statement->bind(1, std::string(id));
        if (!statement->executeStep()) return std::nullopt;
        return read_claim(*statement);
    });
}

Expected<std::vector<Claim>> Store::claims(std::optional<std::string_view> event) const
{
    return detail::guarded<std::vector<Claim>>(m_impl->path, [&]() -> Expected<std::vector<Claim>> {
        StatementScope statement(m_impl->prepare(event ? k_claims_of_event : k_claims_all));
        if (event) statement->bind(1, std::string(*event));
        std::vector<Claim> out;
        while (statement->executeStep()) out.push_back(read_claim(*statement));
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
        SQLite::Statement claims(m_impl->db, only_event ? k_stream_claims_of_event : k_stream_claims_all);
        if (only_event) {
            events.bind(1, std::string(*only_event));
            claims.bind(1, std::string(*only_event));
        }
        bool more_claims = claims.executeStep();
        bool any_event = false;
        std::vector<Claim> batch;
        while (events.executeStep()) {
            any_event = true;
            const Event event = detail::read_event(events);
            batch.clear();
            // Both cursors are ordered by event id (binary collation), and
            // every claim's event exists, so the claims of this event are
            // next in line.
            while (more_claims && std::strcmp(claims.getColumn(1).getText(), event.id.c_str()) == 0) {
                batch.push_back(read_claim(claims));
                more_claims = claims.executeStep();
            }
            if (auto visited = visit(EventClaims{event, batch}); !visited) return visited;
        }
        if (only_event && !any_event) return bad_input(fmt::format("no event '{}' in the store", *only_event));
        return {};
    });
}

}  // namespace contra
