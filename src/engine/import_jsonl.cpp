// contra import FILE.jsonl: reading back what contra export wrote.
#include <contra/exchange.hpp>
#include <contra/hash.hpp>
#include <contra/text.hpp>
#include <contra/verify.hpp>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace contra {

namespace {

using nlohmann::json;

// A problem with one field of one record; becomes a located bad_input.
struct FieldError {
    std::string message;
    std::string key;  // the field, to find its column; may be empty
};

// The column (in code points, from 1) where `"key"` first appears in a line.
int column_of(std::string_view line, std::string_view key)
{
    if (key.empty()) return 1;
    const auto at = line.find(fmt::format("\"{}\"", key));
    if (at == std::string_view::npos) return 1;
    return static_cast<int>(code_points(line.substr(0, at))) + 1;
}

// Typed access to one record's fields; every miss throws FieldError.
class Record {
public:
    Record(const json& object, std::string what) : m_object(object), m_what(std::move(what)) {}

    [[nodiscard]] const json& field(std::string_view key) const
    {
        const auto found = m_object.find(key);
        if (found == m_object.end()) throw FieldError{fmt::format("{}: missing field '{}'", m_what, key), {}};
        return *found;
    }
    [[nodiscard]] std::string text(std::string_view key) const
    {
        const auto& value = field(key);
        if (!value.is_string()) throw FieldError{fmt::format("{}: '{}' must be a string", m_what, key), std::string(key)};
        return value.get<std::string>();
    }
    [[nodiscard]] std::int64_t integer(std::string_view key) const
    {
        const auto& value = field(key);
        if (!value.is_number_integer()) {
            throw FieldError{fmt::format("{}: '{}' must be an integer", m_what, key), std::string(key)};
        }
        return value.get<std::int64_t>();
    }
    [[nodiscard]] std::size_t offset(std::string_view key) const
    {
        const auto value = integer(key);
        if (value < 0) throw FieldError{fmt::format("{}: '{}' must not be negative", m_what, key), std::string(key)};
        return static_cast<std::size_t>(value);
    }
    [[nodiscard]] bool boolean(std::string_view key) const
    {
        const auto& value = field(key);
        if (!value.is_boolean()) throw FieldError{fmt::format("{}: '{}' must be true or false", m_what, key), std::string(key)};
        return value.get<bool>();
    }
    [[nodiscard]] std::vector<std::string> list(std::string_view key) const
    {
        const auto& value = field(key);
        std::vector<std::string> out;
        if (value.is_array()) {
            for (const auto& item : value) {
                if (!item.is_string()) break;
                out.push_back(item.get<std::string>());
            }
            if (out.size() == value.size()) return out;
        }
        throw FieldError{fmt::format("{}: '{}' must be a list of strings", m_what, key), std::string(key)};
    }
    [[nodiscard]] Record object(std::string_view key) const
    {
        const auto& value = field(key);
        if (!value.is_object()) throw FieldError{fmt::format("{}: '{}' must be an object", m_what, key), std::string(key)};
        return Record(value, fmt::format("{} {}", m_what, key));
    }
    template <class T>
    T choice(std::string_view key, std::optional<T> (*parse)(std::string_view), std::string_view choices) const
    {
        const auto value = text(key);
        if (auto parsed = parse(value)) return *parsed;
        throw FieldError{fmt::format("{}: unknown {} '{}' (choose from {})", m_what, key, value, choices),
                         std::string(key)};
    }
    [[nodiscard]] const json& raw() const { return m_object; }

private:
    const json& m_object;
    std::string m_what;
};

Value read_value(const Record& record)
{
    const auto kind = record.choice<ValueKind>("kind", parse_value_kind, "count, agent, category, date, text");
    Value value;
    switch (kind) {
    case ValueKind::count: {
        Count count{record.integer("lo"), std::nullopt};
        if (!record.field("hi").is_null()) count.hi = record.integer("hi");
        value.data = count;
        break;
    }
    case ValueKind::agent:
        value.data = Agent{record.text("agent"), record.boolean("responsible"), record.text("for")};
        break;
    case ValueKind::category: value.data = Category{record.text("category")}; break;
    case ValueKind::date: value.data = DateRange{record.text("first"), record.text("last")}; break;
    case ValueKind::text: value.data = Text{record.text("value")}; break;
    }
    value.wording = record.text("wording");
    return value;
}

Claim read_claim(const Record& record)
{
    Claim claim;
    claim.id = record.text("id");
    claim.event = record.text("event");
    const auto source = record.object("source");
    claim.source = source.text("id");
    claim.mention = source.text("mention");
    claim.attribute = record.text("attribute");
    const auto qualifier = record.object("qualifier");
    for (const auto& [key, value] : qualifier.raw().items()) claim.qualifier.emplace(key, qualifier.text(key));
    claim.value = read_value(record.object("value"));
    claim.polarity = record.choice<Polarity>("polarity", parse_polarity, "asserted, denied, hedged, implied");
    claim.document = record.object("document").text("sha256");
    const auto span = record.object("span");
    claim.span = Span{span.offset("start"), span.offset("end"), static_cast<int>(span.integer("line")),
                      static_cast<int>(span.integer("column"))};
    claim.quote = record.text("quote");
    claim.prefix = record.text("prefix");
    claim.suffix = record.text("suffix");
    claim.origin = record.text("origin");
    claim.stated_on = record.text("stated_on");
    return claim;
}

Flag read_flag(const Record& record)
{
    Flag flag;
    flag.id = record.text("id");
    flag.rule = record.text("rule");
    flag.kind = record.text("kind");
    flag.severity = record.choice<Severity>("severity", parse_severity, "info, warning, error");
    flag.event = record.text("event");
    flag.attribute = record.text("attribute");
    flag.message = record.text("message");
    flag.claims = record.list("claims");
    flag.state = record.choice<FlagState>("state", parse_flag_state, "active, stale");
    flag.first_seen = record.text("first_seen");
    flag.last_seen = record.text("last_seen");
    return flag;
}

Review read_review(const Record& record)
{
    Review review;
    review.seq = record.integer("seq");
    review.flag = record.text("flag");
    review.status = record.choice<ReviewStatus>("status", parse_review_status, "open, confirmed, dismissed, needs-info");
    review.reviewer = record.text("reviewer");
    review.note = record.text("note");
    review.at = record.text("at");
    return review;
}

// Reads one record into the exchange; returns false for an unknown type.
bool read_record(const Record& record, const std::string& type, Exchange& out)
{
    if (type == "event") {
        out.events.push_back(Event{record.text("id"), record.text("title"), record.text("date"),
                                   record.text("place"), record.list("aliases")});
    } else if (type == "source") {
        out.sources.push_back(Source{record.text("id"), record.text("name"), record.text("kind"),
                                     record.choice<Stake>("stake", parse_stake, "party, independent, unknown"),
                                     record.list("aliases")});
    } else if (type == "document") {
        out.documents.push_back(Document{record.text("sha256"), record.text("title"), record.text("url"),
                                         record.text("publisher"), record.text("published"),
                                         record.text("retrieved"), record.text("path"), record.text("text")});
    } else if (type == "claim") {
        out.claims.push_back(read_claim(record));
    } else if (type == "flag") {
        out.flags.push_back(read_flag(record));
    } else if (type == "review") {
        out.reviews.push_back(read_review(record));
    } else {
        return false;
    }
    return true;
}

// Checks that the records agree with each other and with their ids. `line_of`
// gives the line each record was read from, by kind and index.
class Checker {
public:
    Checker(const Exchange& exchange, const std::string& file) : m_exchange(exchange), m_file(file) {}
    std::map<std::string, std::vector<int>> lines;  // type -> line of each record

    [[nodiscard]] Expected<void> run() const
    {
        std::set<std::string_view> events, sources, claims, flags;
        std::map<std::string_view, const Document*> documents;
        for (const auto& event : m_exchange.events) events.insert(event.id);
        for (const auto& source : m_exchange.sources) sources.insert(source.id);
        for (std::size_t i = 0; i < m_exchange.documents.size(); ++i) {
            const auto& document = m_exchange.documents[i];
            if (sha256_hex(document.text) != document.sha256) {
                return fail("document", i, fmt::format("document {}: its text does not hash to its id", document.sha256));
            }
            documents.emplace(document.sha256, &document);
        }
        std::map<std::string_view, const Claim*> by_id;
        for (std::size_t i = 0; i < m_exchange.claims.size(); ++i) {
            const auto& claim = m_exchange.claims[i];
            if (!events.contains(claim.event)) return fail("claim", i, fmt::format("claim {}: unknown event '{}'", claim.id, claim.event));
            if (!sources.contains(claim.source)) return fail("claim", i, fmt::format("claim {}: unknown source '{}'", claim.id, claim.source));
            const auto document = documents.find(claim.document);
            if (document == documents.end()) {
                return fail("claim", i, fmt::format("claim {}: unknown document '{}'", claim.id, claim.document));
            }
            if (make_claim_id(claim) != claim.id) {
                return fail("claim", i, fmt::format("claim {}: its id does not match what it says", claim.id));
            }
            if (auto why = pin_problem(claim, document->second->text)) {
                return fail("claim", i, fmt::format("claim {}: its quote is not where it is pinned: {}", claim.id, *why));
            }
            by_id.emplace(claim.id, &claim);
        }
        for (std::size_t i = 0; i < m_exchange.flags.size(); ++i) {
            const auto& flag = m_exchange.flags[i];
            if (!events.contains(flag.event)) return fail("flag", i, fmt::format("flag {}: unknown event '{}'", flag.id, flag.event));
            std::vector<const Claim*> linked;
            for (const auto& id : flag.claims) {
                const auto claim = by_id.find(id);
                if (claim == by_id.end()) return fail("flag", i, fmt::format("flag {}: unknown claim '{}'", flag.id, id));
                linked.push_back(claim->second);
            }
            if (!flag_id_matches(flag.id, flag.rule, linked)) {
                return fail("flag", i, fmt::format("flag {}: its id does not match its rule and claims", flag.id));
            }
            flags.insert(flag.id);
        }
        std::int64_t last_seq = 0;
        for (std::size_t i = 0; i < m_exchange.reviews.size(); ++i) {
            const auto& review = m_exchange.reviews[i];
            if (!flags.contains(review.flag)) return fail("review", i, fmt::format("review {}: unknown flag '{}'", review.seq, review.flag));
            if (review.seq <= last_seq) {
                return fail("review", i, fmt::format("review {}: reviews must be in log order (after {})", review.seq, last_seq));
            }
            last_seq = review.seq;
        }
        return {};
    }

private:
    [[nodiscard]] std::unexpected<Error> fail(const std::string& type, std::size_t index, std::string message) const
    {
        const auto found = lines.find(type);
        const int line = found != lines.end() && index < found->second.size() ? found->second[index] : 0;
        return bad_input(std::move(message), Location{m_file, line, line > 0 ? 1 : 0, {}});
    }

    const Exchange& m_exchange;
    const std::string& m_file;
};

}  // namespace

Expected<Exchange> parse_jsonl(std::string_view text, const std::string& file)
{
    if (auto valid = validate_utf8(text, file); !valid) return std::unexpected(valid.error());
    Exchange exchange;
    Checker checker(exchange, file);
    bool header = false;
    int number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ++number;
        if (trim(line).empty()) continue;
        json record;
        try {
            record = json::parse(line);
        } catch (const json::parse_error& error) {
            const auto byte = std::min<std::size_t>(error.byte > 0 ? error.byte - 1 : 0, line.size());
            return bad_input(fmt::format("not a JSON line: {}", error.what()),
                             Location{file, number, static_cast<int>(code_points(line.substr(0, byte))) + 1, {}});
        }
        const Location where{file, number, 1, {}};
        if (!record.is_object() || !record.contains("type") || !record["type"].is_string()) {
            return bad_input("expected a JSON object with a \"type\"", where);
        }
        const std::string type = record["type"].get<std::string>();
        if (!header) {
            if (type != k_exchange_type) {
                return bad_input(fmt::format("not a contra export: the first line must have \"type\": \"{}\"",
                                             k_exchange_type),
                                 where);
            }
            const auto version = record.value("version", 0);
            if (version < 1 || version > k_exchange_version) {
                return bad_input(fmt::format("export format version {} is not one this contra reads (1 to {})",
                                             version, k_exchange_version),
                                 Location{file, number, column_of(line, "version"), {}});
            }
            header = true;
            continue;
        }
        try {
            if (!read_record(Record(record, type), type, exchange)) {
                return bad_input(fmt::format("unknown record type '{}'; valid types: event, source, document, "
                                             "claim, flag, review",
                                             type),
                                 Location{file, number, column_of(line, "type"), {}});
            }
        } catch (const FieldError& error) {
            return bad_input(error.message, Location{file, number, column_of(line, error.key), {}});
        }
        checker.lines[type].push_back(number);
    }
    if (!header) return bad_input("empty export: no contra-export header line", Location{file, 0, 0, {}});
    if (auto checked = checker.run(); !checked) return std::unexpected(checked.error());
    return exchange;
}

Expected<ExchangeStats> load_exchange(Store& store, const Exchange& exchange)
{
    ExchangeStats stats;
    stats.events = static_cast<int>(exchange.events.size());
    stats.sources = static_cast<int>(exchange.sources.size());
    stats.documents = static_cast<int>(exchange.documents.size());
    stats.claims = static_cast<int>(exchange.claims.size());
    stats.flags = static_cast<int>(exchange.flags.size());
    stats.reviews = static_cast<int>(exchange.reviews.size());

    auto transaction = store.begin_or_join();
    if (!transaction) return std::unexpected(transaction.error());
    for (const auto& event : exchange.events) {
        if (auto put = store.put_event(event); !put) return std::unexpected(put.error());
    }
    for (const auto& source : exchange.sources) {
        if (auto put = store.put_source(source); !put) return std::unexpected(put.error());
    }
    for (const auto& document : exchange.documents) {
        if (auto put = store.put_document(document); !put) return std::unexpected(put.error());
    }
    for (const auto& claim : exchange.claims) {
        auto put = store.put_claim(claim);
        if (!put) return std::unexpected(put.error());
        stats.new_claims += *put ? 1 : 0;
    }
    for (const auto& flag : exchange.flags) {
        auto put = store.import_flag(flag);
        if (!put) return std::unexpected(put.error());
        stats.new_flags += *put ? 1 : 0;
    }
    for (const auto& review : exchange.reviews) {
        auto put = store.import_review(review);
        if (!put) return std::unexpected(put.error());
        stats.new_reviews += *put ? 1 : 0;
    }
    if (auto committed = transaction->commit(); !committed) return std::unexpected(committed.error());
    return stats;
}

}  // namespace contra
