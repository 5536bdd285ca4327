// Events, sources and documents: the records claims point at.
#include "store/schema.hpp"
#include "store/store_impl.hpp"

#include <contra/text.hpp>

#include <fmt/core.h>

#include <optional>

namespace contra {

namespace {

using detail::StatementScope;

// An event is inserted when new, else updated when it differs: two
// statements rather than one upsert, because only an update has old names
// in event_names to delete first (a first import puts 100,000 new events).
constexpr std::string_view k_add_event =
    "INSERT OR IGNORE INTO events (id, title, date, place, aliases) VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr std::string_view k_update_event = R"sql(
UPDATE events SET title = ?2, date = ?3, place = ?4, aliases = ?5
WHERE id = ?1 AND (title IS NOT ?2 OR date IS NOT ?3 OR place IS NOT ?4 OR aliases IS NOT ?5)
)sql";

constexpr std::string_view k_delete_event_names = "DELETE FROM event_names WHERE event = ?1";
constexpr std::string_view k_put_event_name =
    "INSERT INTO event_names (event, position, name, first, key, words) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
// The subquery is one probe of event_names_by_first (first, words) per word.
constexpr std::string_view k_event_name_starts = R"sql(
SELECT value, (SELECT max(words) FROM event_names WHERE first = value) FROM json_each(?1)
)sql";
constexpr std::string_view k_event_names = R"sql(
SELECT event, position, name FROM event_names WHERE key IN (SELECT value FROM json_each(?1))
ORDER BY event, position
)sql";

constexpr std::string_view k_put_source = R"sql(
INSERT INTO sources (id, name, kind, stake, aliases) VALUES (?1, ?2, ?3, ?4, ?5)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, kind = excluded.kind, stake = excluded.stake, aliases = excluded.aliases
WHERE name IS NOT excluded.name OR kind IS NOT excluded.kind OR stake IS NOT excluded.stake
   OR aliases IS NOT excluded.aliases
)sql";

constexpr std::string_view k_put_document = R"sql(
INSERT OR IGNORE INTO documents (sha256, title, url, publisher, published, retrieved, path, text)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
)sql";

constexpr std::string_view k_events = "SELECT id, title, date, place, aliases FROM events ORDER BY id";
constexpr std::string_view k_event = "SELECT id, title, date, place, aliases FROM events WHERE id = ?1";
constexpr std::string_view k_sources = "SELECT id, name, kind, stake, aliases FROM sources ORDER BY id";
constexpr std::string_view k_source = "SELECT id, name, kind, stake, aliases FROM sources WHERE id = ?1";
constexpr std::string_view k_document_with_text =
    "SELECT sha256, title, url, publisher, published, retrieved, path, text FROM documents WHERE sha256 = ?1";
constexpr std::string_view k_document_meta =
    "SELECT sha256, title, url, publisher, published, retrieved, path, '' FROM documents WHERE sha256 = ?1";
constexpr std::string_view k_documents_with_text =
    "SELECT sha256, title, url, publisher, published, retrieved, path, text FROM documents ORDER BY sha256";
constexpr std::string_view k_documents_meta =
    "SELECT sha256, title, url, publisher, published, retrieved, path, '' FROM documents ORDER BY sha256";

// An event's rows of event_names: its aliases in order, then its title,
// folded; names that fold to nothing are left out. `replace`: delete the
// rows it had first.
void write_event_names(detail::StoreState& impl, const Event& event, bool replace)
{
    if (replace) {
        detail::RawScope remove(impl.prepare_raw(k_delete_event_names));
        remove->text(1, event.id);
        remove->step();
    }
    const auto put = [&](int position, std::string_view name) {
        const std::string folded = fold(name);
        if (folded.empty()) return;
        const auto parts = detail::event_name_parts(folded);
        detail::RawScope insert(impl.prepare_raw(k_put_event_name));
        insert->text(1, event.id);
        insert->integer(2, position);
        insert->text(3, folded);
        insert->text(4, parts.first);
        insert->text(5, parts.key);
        insert->integer(6, parts.words);
        insert->step();
    };
    for (std::size_t i = 0; i < event.aliases.size(); ++i) put(static_cast<int>(i), event.aliases[i]);
    put(static_cast<int>(event.aliases.size()), event.title);
}

Expected<void> require_id(std::string_view what, const std::string& id)
{
    if (id.empty()) return bad_input(fmt::format("{} without an id", what));
    return {};
}

}  // namespace

Event detail::read_event(SQLite::Statement& row)
{
    Event event;
    event.id = row.getColumn(0).getString();
    event.title = row.getColumn(1).getString();
    event.date = row.getColumn(2).getString();
    event.place = row.getColumn(3).getString();
    event.aliases = detail::from_json_list(row.getColumn(4).getString());
    return event;
}

namespace {

Source read_source(SQLite::Statement& row)
{
    Source source;
    source.id = row.getColumn(0).getString();
    source.name = row.getColumn(1).getString();
    source.kind = row.getColumn(2).getString();
    const std::string stake = row.getColumn(3).getString();
    source.stake = detail::parsed_or_throw(parse_stake(stake), "stake", stake);
    source.aliases = detail::from_json_list(row.getColumn(4).getString());
    return source;
}

Document read_document(SQLite::Statement& row)
{
    Document document;
    document.sha256 = row.getColumn(0).getString();
    document.title = row.getColumn(1).getString();
    document.url = row.getColumn(2).getString();
    document.publisher = row.getColumn(3).getString();
    document.published = row.getColumn(4).getString();
    document.retrieved = row.getColumn(5).getString();
    document.path = row.getColumn(6).getString();
    document.text = row.getColumn(7).getString();
    return document;
}

template <class T, class Read>
std::vector<T> read_all(SQLite::Statement& statement, Read read)
{
    StatementScope scope(statement);
    std::vector<T> out;
    while (statement.executeStep()) out.push_back(read(statement));
    return out;
}

template <class T, class Read>
std::optional<T> read_one(SQLite::Statement& statement, std::string_view key, Read read)
{
    StatementScope scope(statement);
    statement.bind(1, std::string(key));
    if (!statement.executeStep()) return std::nullopt;
    return read(statement);
}

}  // namespace

Expected<bool> Store::put_event(const Event& event)
{
    if (auto ok = detail::require_writable(*m_impl); !ok) return std::unexpected(ok.error());
    if (auto ok = require_id("event", event.id); !ok) return std::unexpected(ok.error());
    return detail::guarded<bool>(m_impl->path, [&]() -> Expected<bool> {
        // Inside a transaction the caller's rollback covers both writes;
        // alone, the event and its names are one transaction.
        std::optional<detail::WriteScope> scope;
        if (!m_impl->in_transaction) scope.emplace(*m_impl);
        const std::string aliases = detail::to_json_list(event.aliases);
        const auto write = [&](std::string_view sql) {
            detail::RawScope statement(m_impl->prepare_raw(sql));
            statement->text(1, event.id);
            statement->text(2, event.title);
            statement->text(3, event.date);
            statement->text(4, event.place);
            statement->text(5, aliases);
            statement->step();
            return statement->changes() > 0;
        };
        const bool added = write(k_add_event);
        const bool changed = added || write(k_update_event);
        if (changed) write_event_names(*m_impl, event, !added);
        if (scope) scope->commit();
        return changed;
    });
}

Expected<bool> Store::put_source(const Source& source)
{
    if (auto ok = detail::require_writable(*m_impl); !ok) return std::unexpected(ok.error());
    if (auto ok = require_id("source", source.id); !ok) return std::unexpected(ok.error());
    return detail::guarded<bool>(m_impl->path, [&]() -> Expected<bool> {
        StatementScope statement(m_impl->prepare(k_put_source));
        statement->bind(1, source.id);
        statement->bind(2, source.name);
        statement->bind(3, source.kind);
        statement->bind(4, std::string(to_string(source.stake)));
        statement->bind(5, detail::to_json_list(source.aliases));
        return statement->exec() > 0;
    });
}

Expected<bool> Store::put_document(const Document& document)
{
    if (auto ok = detail::require_writable(*m_impl); !ok) return std::unexpected(ok.error());
    if (auto ok = require_id("document", document.sha256); !ok) return std::unexpected(ok.error());
    return detail::guarded<bool>(m_impl->path, [&]() -> Expected<bool> {
        detail::RawScope statement(m_impl->prepare_raw(k_put_document));
        statement->text(1, document.sha256);
        statement->text(2, document.title);
        statement->text(3, document.url);
        statement->text(4, document.publisher);
        statement->text(5, document.published);
        statement->text(6, document.retrieved);
        statement->text(7, document.path);
        statement->text(8, document.text);
        statement->step();
        return statement->changes() > 0;
    });
}

Expected<std::vector<Event>> Store::events() const
{
    return detail::guarded<std::vector<Event>>(m_impl->path, [&]() -> Expected<std::vector<Event>> {
        return read_all<Event>(m_impl->prepare(k_events), detail::read_event);
    });
}

Expected<std::optional<Event>> Store::event(std::string_view id) const
{
    return detail::guarded<std::optional<Event>>(m_impl->path, [&]() -> Expected<std::optional<Event>> {
        return read_one<Event>(m_impl->prepare(k_event), id, detail::read_event);
    });
}

Expected<std::vector<std::pair<std::string, int>>> Store::event_name_starts(
    std::span<const std::string> first_words) const
{
    using Starts = std::vector<std::pair<std::string, int>>;
    return detail::guarded<Starts>(m_impl->path, [&]() -> Expected<Starts> {
        StatementScope statement(m_impl->prepare(k_event_name_starts));
        statement->bind(1, detail::to_json_list({first_words.begin(), first_words.end()}));
        Starts starts;
        while (statement->executeStep()) {
            if (statement->getColumn(1).isNull()) continue;
            starts.emplace_back(statement->getColumn(0).getString(), statement->getColumn(1).getInt());
        }
        return starts;
    });
}

Expected<std::vector<EventName>> Store::event_names(std::span<const std::string> keys) const
{
    return detail::guarded<std::vector<EventName>>(m_impl->path, [&]() -> Expected<std::vector<EventName>> {
        StatementScope statement(m_impl->prepare(k_event_names));
        std::vector<std::string> wanted(keys.begin(), keys.end());
        wanted.emplace_back();  // the names that begin with no word
        statement->bind(1, detail::to_json_list(wanted));
        std::vector<EventName> names;
        while (statement->executeStep()) {
            names.push_back(EventName{statement->getColumn(0).getString(), statement->getColumn(1).getInt(),
                                      statement->getColumn(2).getString()});
        }
        return names;
    });
}

Expected<std::vector<Source>> Store::sources() const
{
    return detail::guarded<std::vector<Source>>(m_impl->path, [&]() -> Expected<std::vector<Source>> {
        return read_all<Source>(m_impl->prepare(k_sources), read_source);
    });
}

Expected<std::optional<Source>> Store::source(std::string_view id) const
{
    return detail::guarded<std::optional<Source>>(m_impl->path, [&]() -> Expected<std::optional<Source>> {
        return read_one<Source>(m_impl->prepare(k_source), id, read_source);
    });
}

Expected<std::optional<Document>> Store::document(std::string_view sha256, bool with_text) const
{
    return detail::guarded<std::optional<Document>>(m_impl->path, [&]() -> Expected<std::optional<Document>> {
        return read_one<Document>(m_impl->prepare(with_text ? k_document_with_text : k_document_meta), sha256,
                                  read_document);
    });
}

Expected<std::vector<Document>> Store::documents(bool with_text) const
{
    return detail::guarded<std::vector<Document>>(m_impl->path, [&]() -> Expected<std::vector<Document>> {
        return read_all<Document>(m_impl->prepare(with_text ? k_documents_with_text : k_documents_meta),
                                  read_document);
    });
}

}  // namespace contra
