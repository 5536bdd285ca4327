// Curated accounts: the TOML format, claim resolution and the import.

#include <contra/accounts.hpp>

#include <contra/hash.hpp>
#include <contra/limits.hpp>
#include <contra/text.hpp>

#include "engine/accounts_load.hpp"
#include "engine/accounts_pin.hpp"
#include "util/plain_toml.hpp"
#include "util/toml_tree.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <initializer_list>
#include <ranges>

namespace contra {

namespace detail {

namespace {

Location location_at(const TomlPosition& at, const std::string& file)
{
    return Location{file, at.line, at.column, {}};
}

Location location_at(const toml::source_region& region, const std::string& file)
{
    return location_at(TomlPosition{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)}, file);
}

std::string_view type_name(const TomlValue& value)
{
    using Type = TomlValue::Type;
    switch (value.type) {
    case Type::table: return "a table";
    case Type::array: return "an array";
    case Type::string: return "a string";
    case Type::integer: return "an integer";
    case Type::floating_point: return "a number";
    case Type::boolean: return "a boolean";
    case Type::date: return "a date";
    case Type::time: return "a time";
    case Type::date_time: return "a date-time";
    }
    return "nothing";
}

// The keys of one TOML table, read with the location of every problem.
class Fields {
public:
    Fields(const TomlValue& table, const std::string& file, std::string what)
        : m_table(table), m_file(file), m_what(std::move(what))
    {
    }

    [[nodiscard]] Location where() const { return location_at(m_table.at, m_file); }
    [[nodiscard]] Location where(std::string_view key) const { return location_at(at(key), m_file); }
    // Where the value at `key` was written, without the file's name.
    [[nodiscard]] Position position(std::string_view key) const
    {
        const TomlPosition written = at(key);
        return Position(written.line, written.column);
    }
    [[nodiscard]] bool has(std::string_view key) const { return m_table.get(key) != nullptr; }
    [[nodiscard]] const std::string& what() const { return m_what; }
    // The file's name, which a nested Fields must refer to (it keeps a reference).
    [[nodiscard]] const std::string& file() const { return m_file; }

    // Every key must be one of `valid`; the error lists them.
    [[nodiscard]] Expected<void> only(std::initializer_list<std::string_view> valid) const
    {
        for (const auto& [key, value] : m_table.fields) {
            if (std::find(valid.begin(), valid.end(), key.name) != valid.end()) continue;
            std::string list;
            for (std::string_view name : valid) list += fmt::format("{}{}", list.empty() ? "" : ", ", name);
            return bad_input(fmt::format("unknown key '{}' in {}; valid keys: {}", key.name, m_what, list),
                             location_at(key.at, m_file));
        }
        return {};
    }

    [[nodiscard]] Expected<std::optional<std::string>> text(std::string_view key) const
    {
        const TomlValue* value = m_table.get(key);
        if (!value) return std::optional<std::string>{};
        if (value->type == TomlValue::Type::string) return std::optional<std::string>{value->text};
        return wrong_type(key, "a string");
    }

    [[nodiscard]] Expected<std::string> required_text(std::string_view key) const
    {
        auto value = text(key);
        if (!value) return std::unexpected(value.error());
        if (!*value || trim(**value).empty()) {
            return bad_input(fmt::format("{} needs a non-empty '{}'", m_what, key), where(key));
        }
        return std::move(**value);
    }

    [[nodiscard]] Expected<std::vector<std::string>> texts(std::string_view key) const
    {
        std::vector<std::string> out;
        const TomlValue* array = m_table.get(key);
        if (!array) return out;
        if (array->type != TomlValue::Type::array) return wrong_type(key, "an array of strings");
        for (const TomlValue& item : array->items) {
            if (item.type != TomlValue::Type::string) {
                return bad_input(fmt::format("'{}' in {} must hold only strings, not {}", key, m_what,
                                             type_name(item)),
                                 location_at(item.at, m_file));
            }
            out.emplace_back(item.text);
        }
        return out;
    }

    [[nodiscard]] Expected<std::optional<bool>> boolean(std::string_view key) const
    {
        const TomlValue* value = m_table.get(key);
        if (!value) return std::optional<bool>{};
        if (value->type == TomlValue::Type::boolean) return std::optional<bool>{value->integer != 0};
        return wrong_type(key, "true or false");
    }

    // A date written as a TOML date or an ISO string; with `allow_time`, a
    // date-time too (kept as written).
    [[nodiscard]] Expected<std::string> date(std::string_view key, bool allow_time) const
    {
        const TomlValue* value = m_table.get(key);
        if (!value) return std::string{};
        using Type = TomlValue::Type;
        if (value->type == Type::date || (allow_time && value->type == Type::date_time)) {
            return std::string(value->text);
        }
        if (value->type == Type::string) {
            if (is_iso_date(value->text, allow_time)) return std::string(value->text);
            return bad_input(fmt::format("'{}' in {} is not an ISO date (YYYY-MM-DD): \"{}\"", key, m_what,
                                         value->text),
                             where(key));
        }
        return wrong_type(key, "an ISO date");
    }

    [[nodiscard]] const TomlValue* node(std::string_view key) const { return m_table.get(key); }

    [[nodiscard]] std::unexpected<Error> wrong_type(std::string_view key, std::string_view expected) const
    {
        return bad_input(fmt::format("'{}' in {} must be {}, not {}", key, m_what, expected,
                                     type_name(*m_table.get(key))),
                         where(key));
    }

private:
    // Where the value at `key` was written (the table's position when absent).
    [[nodiscard]] TomlPosition at(std::string_view key) const
    {
        const TomlValue* value = m_table.get(key);
        return value ? value->at : m_table.at;
    }

    const TomlValue& m_table;
    const std::string& m_file;
    std::string m_what;
};

// Calls `visit` with every table of the array `key` of the root ("[[events]]").
template <class Visit>
Expected<void> for_each_table(const Fields& root, std::string_view key, Visit&& visit)
{
    const TomlValue* array = root.node(key);
    if (!array) return {};
    if (array->type != TomlValue::Type::array) {
        return root.wrong_type(key, fmt::format("an array of tables ([[{}]])", key));
    }
    for (const TomlValue& table : array->items) {
        if (table.type != TomlValue::Type::table) {
            return root.wrong_type(key, fmt::format("an array of tables ([[{}]])", key));
        }
        if (auto done = visit(table); !done) return done;
    }
    return {};
}

// How many items the array at `key` holds (0 when it is not an array): a
// vector reserved for them never moves what it already holds.
std::size_t item_count(const Fields& root, std::string_view key)
{
    const TomlValue* array = root.node(key);
    return array && array->type == TomlValue::Type::array ? array->items.size() : 0;
}

#define CONTRA_TRY(name, expr)                                     \
    auto name = (expr);                                            \
    if (!name) return std::unexpected(std::move(name.error()))

Expected<Event> read_event(const Fields& fields)
{
    if (auto ok = fields.only({"id", "title", "date", "place", "aliases"}); !ok) return std::unexpected(ok.error());
    Event event;
    CONTRA_TRY(id, fields.required_text("id"));
    CONTRA_TRY(title, fields.text("title"));
    CONTRA_TRY(date, fields.date("date", false));
    CONTRA_TRY(place, fields.text("place"));
    CONTRA_TRY(aliases, fields.texts("aliases"));
    event.id = std::move(*id);
    event.title = title->value_or("");
    event.date = std::move(*date);
    event.place = place->value_or("");
    event.aliases = std::move(*aliases);
    return event;
}

Expected<Source> read_source(const Fields& fields)
{
    if (auto ok = fields.only({"id", "name", "kind", "stake", "aliases"}); !ok) return std::unexpected(ok.error());
    Source source;
    CONTRA_TRY(id, fields.required_text("id"));
    CONTRA_TRY(name, fields.required_text("name"));
    CONTRA_TRY(kind, fields.text("kind"));
    CONTRA_TRY(stake, fields.text("stake"));
    CONTRA_TRY(aliases, fields.texts("aliases"));
    source.id = std::move(*id);
    source.name = std::move(*name);
    source.kind = kind->value_or("");
    if (*stake) {
        const auto parsed = parse_stake(**stake);
        if (!parsed) {
            return bad_input(fmt::format("unknown stake \"{}\" in {}; valid stakes: party, independent, unknown",
                                         **stake, fields.what()),
                             fields.where("stake"));
        }
        source.stake = *parsed;
    }
    source.aliases = std::move(*aliases);
    return source;
}

Expected<Document> read_document(const Fields& fields, const std::string& accounts_path, std::string& handle)
{
    if (auto ok = fields.only({"id", "path", "title", "url", "publisher", "published", "retrieved"}); !ok) {
        return std::unexpected(ok.error());
    }
    CONTRA_TRY(id, fields.required_text("id"));
    CONTRA_TRY(path, fields.required_text("path"));
    CONTRA_TRY(title, fields.text("title"));
    CONTRA_TRY(url, fields.text("url"));
    CONTRA_TRY(publisher, fields.text("publisher"));
    CONTRA_TRY(published, fields.date("published", true));
    CONTRA_TRY(retrieved, fields.date("retrieved", true));
    handle = std::move(*id);

    const std::filesystem::path resolved = std::filesystem::path(accounts_path).parent_path() / *path;
    auto text = read_text_file(resolved.string());
    if (!text) {
        return bad_input(fmt::format("document {}: {}", *path, text.error().describe()), fields.where("path"));
    }
    Document document;
    document.sha256 = sha256_hex(*text);
    document.title = title->value_or("");
    document.url = url->value_or("");
    document.publisher = publisher->value_or("");
    document.published = std::move(*published);
    document.retrieved = std::move(*retrieved);
    document.path = std::move(*path);
    document.text = std::move(*text);
    return document;
}

// count = 3 | { min = 101 } | { min = 2000, max = 3000 }
Expected<Count> read_count(const Fields& claim)
{
    const TomlValue& node = *claim.node("count");
    if (node.type == TomlValue::Type::integer) {
        if (node.integer < 0) return bad_input("count must not be negative", claim.where("count"));
        return Count{node.integer, node.integer};
    }
    if (node.type != TomlValue::Type::table) return claim.wrong_type("count", "an integer or a table { min, max }");
    const Fields bounds(node, claim.file(), "count");
    if (auto ok = bounds.only({"min", "max"}); !ok) return std::unexpected(ok.error());
    Count count;
    for (std::string_view key : {"min", "max"}) {
        const TomlValue* bound = bounds.node(key);
        if (!bound) continue;
        if (bound->type != TomlValue::Type::integer) return bounds.wrong_type(key, "an integer");
        if (bound->integer < 0) return bad_input(fmt::format("count {} must not be negative", key), bounds.where(key));
        if (key == "min") count.lo = bound->integer;
        else count.hi = bound->integer;
    }
    if (!bounds.has("min") && !bounds.has("max")) {
        return bad_input("count table needs 'min', 'max' or both", claim.where("count"));
    }
    if (count.hi && *count.hi < count.lo) {
        return bad_input(fmt::format("count max {} is below min {}", *count.hi, count.lo), bounds.where("max"));
    }
    return count;
}

Expected<DateRange> read_date_range(const Fields& claim)
{
    const TomlValue& node = *claim.node("date");
    if (node.type == TomlValue::Type::table) {
        const Fields range(node, claim.file(), "date");
        if (auto ok = range.only({"first", "last"}); !ok) return std::unexpected(ok.error());
        CONTRA_TRY(first, range.date("first", false));
        CONTRA_TRY(last, range.date("last", false));
        if (first->empty() || last->empty()) {
            return bad_input("date range needs both 'first' and 'last'", claim.where("date"));
        }
        if (*last < *first) return bad_input("date range ends before it starts", range.where("last"));
        return DateRange{std::move(*first), std::move(*last)};
    }
    CONTRA_TRY(day, claim.date("date", false));
    return DateRange{*day, *day};
}

constexpr std::array<std::string_view, 5> k_value_forms = {"count", "agent", "category", "date", "text"};

// The claim's value, written in exactly one of the forms.
Expected<void> read_value(const Fields& claim, ClaimDraft& draft)
{
    std::string_view form;
    for (std::string_view key : k_value_forms) {
        if (!claim.has(key)) continue;
        if (!form.empty()) {
            return bad_input(fmt::format("claim gives its value twice, as '{}' and as '{}'; keep one", form, key),
                             claim.where(key));
        }
        form = key;
    }
    if (form.empty()) {
        return bad_input("claim has no value; give one of count, agent, category, date, text", claim.where());
    }
    draft.value_at = claim.position(form);
    if (form != "agent") {
        for (std::string_view key : {"responsible", "for"}) {
            if (claim.has(key)) {
                return bad_input(fmt::format("'{}' goes with an agent value, not with '{}'", key, form),
                                 claim.where(key));
            }
        }
    }
    if (form == "count") {
        CONTRA_TRY(count, read_count(claim));
        draft.value.data = *count;
    } else if (form == "agent") {
        CONTRA_TRY(agent, claim.required_text("agent"));
        CONTRA_TRY(responsible, claim.boolean("responsible"));
        CONTRA_TRY(for_attribute, claim.text("for"));
        draft.value.data = Agent{std::move(*agent), responsible->value_or(true), for_attribute->value_or("")};
    } else if (form == "category") {
        CONTRA_TRY(name, claim.required_text("category"));
        draft.value.data = Category{std::move(*name)};
    } else if (form == "date") {
        CONTRA_TRY(range, read_date_range(claim));
        draft.value.data = std::move(*range);
    } else {
        CONTRA_TRY(text, claim.required_text("text"));
        draft.value.data = Text{std::move(*text)};
    }
    return {};
}

Expected<Located> located_text(const Fields& fields, std::string_view key)
{
    CONTRA_TRY(text, fields.required_text(key));
    return Located{std::move(*text), fields.position(key)};
}

Expected<ClaimDraft> read_claim(const Fields& claim)
{
    if (auto ok = claim.only({"event", "source", "document", "attribute", "qualifier", "count", "agent",
                              "responsible", "for", "category", "date", "text", "wording", "polarity", "quote",
                              "prefix", "suffix"});
        !ok) {
        return std::unexpected(ok.error());
    }
    ClaimDraft draft;
    draft.where = claim.where();
    if (claim.has("event")) {
        CONTRA_TRY(event, located_text(claim, "event"));
        draft.event = std::move(*event);
    }
    CONTRA_TRY(source, located_text(claim, "source"));
    CONTRA_TRY(document, located_text(claim, "document"));
    CONTRA_TRY(attribute, located_text(claim, "attribute"));
    CONTRA_TRY(quote, located_text(claim, "quote"));
    draft.source = std::move(*source);
    draft.document = std::move(*document);
    draft.attribute = std::move(*attribute);
    draft.quote = std::move(*quote);
    draft.quote.text = claim.node("quote")->text;  // untrimmed: the exact words

    if (const TomlValue* table = claim.node("qualifier")) {
        if (table->type != TomlValue::Type::table) {
            return claim.wrong_type("qualifier", "a table such as { group = \"police\" }");
        }
        const Fields qualifier(*table, claim.file(), "qualifier");
        for (const auto& [key, value] : table->fields) {
            CONTRA_TRY(text, qualifier.required_text(key.name));
            draft.qualifier.emplace(std::string(key.name), std::move(*text));
        }
    }
    if (auto ok = read_value(claim, draft); !ok) return std::unexpected(ok.error());
    CONTRA_TRY(wording, claim.text("wording"));
    draft.value.wording = wording->value_or("");
    CONTRA_TRY(polarity, claim.text("polarity"));
    if (*polarity) {
        const auto parsed = parse_polarity(**polarity);
        if (!parsed) {
            return bad_input(fmt::format("unknown polarity \"{}\"; valid polarities: asserted, denied, hedged, implied",
                                         **polarity),
                             claim.where("polarity"));
        }
        draft.polarity = *parsed;
    }
    CONTRA_TRY(prefix, claim.text("prefix"));
    CONTRA_TRY(suffix, claim.text("suffix"));
    draft.prefix = prefix->value_or("");
    draft.suffix = suffix->value_or("");
    return draft;
}

template <class T>
Expected<void> check_unique(const std::vector<T>& items, const T& item, std::string_view what, Location where)
{
    for (const T& other : items) {
        if (other.id == item.id) return bad_input(fmt::format("{} '{}' is declared twice", what, item.id), where);
    }
    return {};
}

Expected<toml::table> parse_toml(const std::string& text, const std::string& path)
{
#if TOML_EXCEPTIONS
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& error) {
        return bad_input(fmt::format("malformed TOML: {}", error.description()), location_at(error.source(), path));
    }
#else
    toml::parse_result result = toml::parse(text, path);
    if (!result) {
        return bad_input(fmt::format("malformed TOML: {}", result.error().description()),
                         location_at(result.error().source(), path));
    }
    return std::move(result).table();
#endif
}

}  // namespace

bool is_iso_date(std::string_view text, bool allow_time)
{
    if (text.size() < 10 || (text.size() > 10 && !(allow_time && (text[10] == 'T' || text[10] == ' ')))) {
        return false;
    }
    for (std::size_t i = 0; i < 10; ++i) {
        const bool dash = i == 4 || i == 7;
        if (dash != (text[i] == '-')) return false;
        if (!dash && (text[i] < '0' || text[i] > '9')) return false;
    }
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const int month = std::stoi(std::string(text.substr(5, 2)));
    const int day = std::stoi(std::string(text.substr(8, 2)));
    if (month < 1 || month > 12 || day < 1) return false;
    constexpr std::array<int, 12> k_days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29) return leap;
    return day <= k_days[static_cast<std::size_t>(month - 1)];
}

ClaimResolver::ClaimResolver(Catalog& catalog, const AccountsOptions& options)
    : m_catalog(catalog), m_options(options)
{
    for (const Event& event : m_catalog.accounts.events) m_events.insert(event.id);
    for (const Document& document : m_catalog.accounts.documents) m_lines.emplace_back(document.text);
    m_claim_counts.resize(m_catalog.accounts.documents.size());
}

Expected<void> ClaimResolver::add(ClaimDraft draft)
{
    const Accounts& accounts = m_catalog.accounts;
    Claim claim;

    if (draft.event) {
        if (!m_events.contains(draft.event->text)) {
            return bad_input(fmt::format("unknown event '{}'; the file declares: {}", draft.event->text,
                                         fmt::join(accounts.events | std::views::transform(&Event::id), ", ")),
                             draft.at(draft.event->at));
        }
        claim.event = std::move(draft.event->text);
    } else if (accounts.events.size() == 1) {
        claim.event = accounts.events.front().id;
    } else {
        return bad_input(fmt::format("claim names no event and the file declares {}; add event = \"…\"",
                                     accounts.events.size()),
                         draft.where);
    }

    const auto source = std::find_if(accounts.sources.begin(), accounts.sources.end(),
                                     [&](const Source& item) { return item.id == draft.source.text; });
    if (source == accounts.sources.end()) {
        return bad_input(fmt::format("unknown source '{}'; the file declares: {}", draft.source.text,
                                     fmt::join(accounts.sources | std::views::transform(&Source::id), ", ")),
                         draft.at(draft.source.at));
    }
    claim.source = source->id;
    claim.mention = source->name;

    const auto handle = m_catalog.handles.find(draft.document.text);
    if (handle == m_catalog.handles.end()) {
        return bad_input(fmt::format("unknown document '{}'; the file declares: {}", draft.document.text,
                                     fmt::join(m_catalog.handles | std::views::keys, ", ")),
                         draft.at(draft.document.at));
    }
    const Document& document = accounts.documents[handle->second];
    if (++m_claim_counts[handle->second] > k_max_claims_per_document) {
        return bad_input(fmt::format("more than {} claims on document '{}'", k_max_claims_per_document,
                                     draft.document.text),
                         draft.where);
    }

    if (m_options.attributes) {
        const auto spec = m_options.attributes->find(draft.attribute.text);
        if (spec == m_options.attributes->end()) {
            return bad_input(fmt::format("unknown attribute '{}'; the rules declare: {}", draft.attribute.text,
                                         fmt::join(*m_options.attributes | std::views::keys, ", ")),
                             draft.at(draft.attribute.at));
        }
        if (spec->second.kind != draft.value.kind()) {
            return bad_input(fmt::format("attribute '{}' takes a {} value, not a {}", draft.attribute.text,
                                         to_string(spec->second.kind), to_string(draft.value.kind())),
                             draft.at(draft.value_at));
        }
    }
    claim.attribute = std::move(draft.attribute.text);
    claim.qualifier = std::move(draft.qualifier);
    claim.value = std::move(draft.value);
    claim.polarity = draft.polarity;

    auto pin = pin_quote(document.text, m_lines[handle->second],
                         QuoteSpec{draft.quote.text, draft.prefix, draft.suffix}, document.path);
    if (!pin) return bad_input(std::move(pin.error()), draft.at(draft.quote.at));
    claim.document = document.sha256;
    claim.span = pin->span;
    claim.quote = std::move(draft.quote.text);
    claim.prefix = std::move(pin->prefix);
    claim.suffix = std::move(pin->suffix);
    claim.origin = "curated";
    claim.stated_on = document.published.substr(0, std::min<std::size_t>(10, document.published.size()));
    claim.id = make_claim_id(claim);

    if (const auto [seen, added] = m_seen.emplace(claim.id, draft.where.line); !added) {
        return bad_input(fmt::format("the same claim is written twice (first at line {})", seen->second),
                         draft.where);
    }
    m_catalog.accounts.claims.push_back(std::move(claim));
    return {};
}

namespace {

// The catalog `root_table` describes (the accounts file at `path`, parsed).
Expected<Catalog> read_catalog(const TomlValue& root_table, const std::string& path, const AccountsOptions& options)
{
    const Fields root(root_table, path, "the accounts file");
    if (auto ok = root.only({"events", "sources", "documents", "claims"}); !ok) return std::unexpected(ok.error());

    Catalog catalog;
    Accounts& accounts = catalog.accounts;
    accounts.path = path;
    accounts.events.reserve(item_count(root, "events"));
    accounts.documents.reserve(item_count(root, "documents"));
    accounts.claims.reserve(item_count(root, "claims"));
    auto events = for_each_table(root, "events", [&](const TomlValue& table) -> Expected<void> {
        const Fields fields(table, path, "[[events]]");
        CONTRA_TRY(event, read_event(fields));
        if (auto ok = check_unique(accounts.events, *event, "event", fields.where("id")); !ok) return ok;
        accounts.events.push_back(std::move(*event));
        return {};
    });
    if (!events) return std::unexpected(events.error());
    auto sources = for_each_table(root, "sources", [&](const TomlValue& table) -> Expected<void> {
        const Fields fields(table, path, "[[sources]]");
        CONTRA_TRY(source, read_source(fields));
        if (auto ok = check_unique(accounts.sources, *source, "source", fields.where("id")); !ok) return ok;
        accounts.sources.push_back(std::move(*source));
        return {};
    });
    if (!sources) return std::unexpected(sources.error());
    auto documents = for_each_table(root, "documents", [&](const TomlValue& table) -> Expected<void> {
        const Fields fields(table, path, "[[documents]]");
        std::string handle;
        CONTRA_TRY(document, read_document(fields, path, handle));
        if (!catalog.handles.emplace(handle, accounts.documents.size()).second) {
            return bad_input(fmt::format("document '{}' is declared twice", handle), fields.where("id"));
        }
        accounts.documents.push_back(std::move(*document));
        return {};
    });
    if (!documents) return std::unexpected(documents.error());

    ClaimResolver resolver(catalog, options);
    auto claims = for_each_table(root, "claims", [&](const TomlValue& table) -> Expected<void> {
        CONTRA_TRY(draft, read_claim(Fields(table, path, "[[claims]]")));
        return resolver.add(std::move(*draft));
    });
    if (!claims) return std::unexpected(claims.error());
    return catalog;
}

}  // namespace

Expected<Catalog> load_accounts_toml(const std::string& path, const AccountsOptions& options)
{
    CONTRA_TRY(text, read_text_file(path));
    // The plain reader's tree has no source positions, so a file it reads
    // that turns out wrong is read again by toml++, whose tree has them:
    // errors name the same line and column either way.
    if (const auto plain = parse_plain_toml(*text)) {
        if (auto catalog = read_catalog(plain->root, path, options)) return catalog;
    }
    CONTRA_TRY(root_table, parse_toml(*text, path));
    return read_catalog(tree_of(*root_table).root, path, options);
}

#undef CONTRA_TRY

}  // namespace detail

Expected<Accounts> load_accounts(const std::string& path, const AccountsOptions& options)
{
    if (path.ends_with(".csv")) return detail::load_accounts_csv(path, options);
    auto catalog = detail::load_accounts_toml(path, options);
    if (!catalog) return std::unexpected(std::move(catalog.error()));
    return std::move(catalog->accounts);
}

Expected<ImportStats> import_accounts(Store& store, const Accounts& accounts)
{
    ImportStats stats;
    stats.events = static_cast<int>(accounts.events.size());
    stats.sources = static_cast<int>(accounts.sources.size());
    stats.documents = static_cast<int>(accounts.documents.size());
    stats.claims = static_cast<int>(accounts.claims.size());

    auto transaction = store.begin_or_join();
    if (!transaction) return std::unexpected(std::move(transaction.error()));
    const auto put_all = [](const auto& items, auto put, int& changed) -> Expected<void> {
        for (const auto& item : items) {
            auto done = put(item);
            if (!done) return std::unexpected(std::move(done.error()));
            if (*done) ++changed;
        }
        return {};
    };
    if (auto done = put_all(accounts.events, [&](const Event& item) { return store.put_event(item); },
                            stats.new_events);
        !done) {
        return std::unexpected(done.error());
    }
    if (auto done = put_all(accounts.sources, [&](const Source& item) { return store.put_source(item); },
                            stats.new_sources);
        !done) {
        return std::unexpected(done.error());
    }
    if (auto done = put_all(accounts.documents, [&](const Document& item) { return store.put_document(item); },
                            stats.new_documents);
        !done) {
        return std::unexpected(done.error());
    }
    auto claims = store.put_claims(accounts.claims);
    if (!claims) return std::unexpected(std::move(claims.error()));
    stats.new_claims = *claims;
    if (auto committed = transaction->commit(); !committed) return std::unexpected(std::move(committed.error()));
    return stats;
}

}  // namespace contra
