// Curated claims as CSV rows, against the TOML accounts file beside them:
// the TOML declares events, sources and documents, each row is one claim.

#include "engine/accounts_load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>

namespace contra::detail {

namespace {

constexpr std::array<std::string_view, 18> k_columns = {
    "event",   "source",   "document", "attribute", "qualifier", "count_min", "count_max", "agent", "responsible",
    "for",     "category", "date",     "text",      "polarity",  "quote",     "prefix",    "suffix", "wording"};

struct Cell {
    std::string text;
    Location where;
};

using Row = std::vector<Cell>;

// RFC 4180: fields separated by commas, optionally in double quotes (a quote
// inside doubled), quoted fields may hold commas and line breaks.
Expected<std::vector<Row>> parse_csv(std::string_view text, const std::string& file)
{
    std::vector<Row> rows;
    Row row;
    const LineIndex lines(text);
    std::size_t i = 0;
    while (i < text.size()) {
        const LineColumn position = lines.at(i);
        Cell cell{{}, Location{file, position.line, position.column, i}};
        if (text[i] == '"') {
            ++i;
            while (true) {
                if (i >= text.size()) return bad_input("unterminated quoted field", cell.where);
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell.text += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell.text += text[i++];
            }
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                const LineColumn after = lines.at(i);
                return bad_input("unexpected text after a quoted field",
                                 Location{file, after.line, after.column, i});
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') cell.text += text[i++];
        }
        row.push_back(std::move(cell));
        if (i < text.size() && text[i] == ',') {
            ++i;
            if (i == text.size()) row.push_back(Cell{{}, Location{file, lines.at(i).line, lines.at(i).column, i}});
            continue;
        }
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        const bool blank = row.size() == 1 && row.front().text.empty();
        if (!blank) rows.push_back(std::move(row));
        row.clear();
    }
    if (!row.empty()) rows.push_back(std::move(row));
    return rows;
}

// The TOML file that declares what the CSV refers to.
std::optional<std::string> sibling_toml(const std::string& csv)
{
    std::filesystem::path same_name(csv);
    same_name.replace_extension(".toml");
    if (std::filesystem::exists(same_name)) return same_name.string();
    const auto shared = std::filesystem::path(csv).parent_path() / "accounts.toml";
    if (std::filesystem::exists(shared)) return shared.string();
    return std::nullopt;
}

class RowReader {
public:
    RowReader(const Row& row, const std::map<std::string_view, std::size_t>& columns, Location where)
        : m_row(row), m_columns(columns), m_where(std::move(where))
    {
    }

    [[nodiscard]] const Cell* cell(std::string_view column) const
    {
        const auto found = m_columns.find(column);
        if (found == m_columns.end() || found->second >= m_row.size()) return nullptr;
        const Cell& cell = m_row[found->second];
        return trim(cell.text).empty() ? nullptr : &cell;
    }
    [[nodiscard]] std::string text(std::string_view column) const
    {
        const Cell* found = cell(column);
        return found ? found->text : std::string{};
    }
    [[nodiscard]] Expected<Located> required(std::string_view column) const
    {
        const Cell* found = cell(column);
        if (!found) return bad_input(fmt::format("row has no {}", column), m_where);
        return Located{std::string(trim(found->text)), Position(found->where)};
    }
    [[nodiscard]] Expected<std::optional<std::int64_t>> integer(std::string_view column) const
    {
        const Cell* found = cell(column);
        if (!found) return std::optional<std::int64_t>{};
        const std::string_view digits = trim(found->text);
        std::int64_t value = 0;
        for (const char c : digits) {
            if (c < '0' || c > '9' || value > 1'000'000'000'000) {
                return bad_input(fmt::format("{} must be a whole number, not \"{}\"", column, found->text),
                                 found->where);
            }
            value = value * 10 + (c - '0');
        }
        return std::optional<std::int64_t>{value};
    }
    [[nodiscard]] const Location& where() const { return m_where; }

private:
    const Row& m_row;
    const std::map<std::string_view, std::size_t>& m_columns;
    Location m_where;
};

Expected<void> read_csv_value(const RowReader& row, ClaimDraft& draft)
{
    std::vector<std::string_view> forms;
    if (row.cell("count_min") || row.cell("count_max")) forms.push_back("count");
    for (std::string_view form : {"agent", "category", "date", "text"}) {
        if (row.cell(form)) forms.push_back(form);
    }
    if (forms.empty()) {
        return bad_input("row has no value; fill one of count_min/count_max, agent, category, date, text",
                         row.where());
    }
    if (forms.size() > 1) {
        return bad_input(fmt::format("row gives its value twice, as {} and as {}; keep one", forms[0], forms[1]),
                         row.where());
    }
    const std::string_view form = forms.front();
    draft.value_at = Position(row.where());
    if (form == "count") {
        auto lo = row.integer("count_min");
        if (!lo) return std::unexpected(lo.error());
        auto hi = row.integer("count_max");
        if (!hi) return std::unexpected(hi.error());
        Count count{lo->value_or(0), *hi};
        if (count.hi && *count.hi < count.lo) {
            return bad_input(fmt::format("count_max {} is below count_min {}", *count.hi, count.lo),
                             row.cell("count_max")->where);
        }
        draft.value.data = count;
    } else if (form == "agent") {
        bool responsible = true;
        if (const Cell* cell = row.cell("responsible")) {
            const std::string_view answer = trim(cell->text);
            if (answer == "false" || answer == "no") responsible = false;
            else if (answer != "true" && answer != "yes") {
                return bad_input(fmt::format("responsible must be true or false, not \"{}\"", cell->text),
                                 cell->where);
            }
        }
        draft.value.data = Agent{std::string(trim(row.text("agent"))), responsible, std::string(trim(row.text("for")))};
    } else if (form == "category") {
        draft.value.data = Category{std::string(trim(row.text("category")))};
    } else if (form == "date") {
        const Cell* cell = row.cell("date");
        const std::string day(trim(cell->text));
        if (!is_iso_date(day, false)) {
            return bad_input(fmt::format("date is not an ISO date (YYYY-MM-DD): \"{}\"", cell->text), cell->where);
        }
        draft.value.data = DateRange{day, day};
    } else {
        draft.value.data = Text{row.text("text")};
    }
    return {};
}

// "group=police;where=hospital"
Expected<Qualifier> read_qualifier(const RowReader& row)
{
    Qualifier qualifier;
    const Cell* cell = row.cell("qualifier");
    if (!cell) return qualifier;
    std::string_view rest = cell->text;
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find(';'), rest.size());
        const std::string_view pair = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos || trim(pair.substr(0, equals)).empty() ||
            trim(pair.substr(equals + 1)).empty()) {
            return bad_input(fmt::format("qualifier must read key=value;key=value, not \"{}\"", cell->text),
                             cell->where);
        }
        qualifier.emplace(std::string(trim(pair.substr(0, equals))), std::string(trim(pair.substr(equals + 1))));
    }
    return qualifier;
}

Expected<ClaimDraft> read_row(const RowReader& row)
{
    ClaimDraft draft;
    draft.where = row.where();
    if (const Cell* event = row.cell("event")) draft.event = Located{std::string(trim(event->text)), Position(event->where)};
    for (auto [column, target] : {std::pair{"source", &draft.source}, std::pair{"document", &draft.document},
                                  std::pair{"attribute", &draft.attribute}, std::pair{"quote", &draft.quote}}) {
        auto located = row.required(column);
        if (!located) return std::unexpected(located.error());
        *target = std::move(*located);
    }
    draft.quote.text = row.cell("quote")->text;  // untrimmed: the exact words
    auto qualifier = read_qualifier(row);
    if (!qualifier) return std::unexpected(qualifier.error());
    draft.qualifier = std::move(*qualifier);
    if (auto value = read_csv_value(row, draft); !value) return std::unexpected(value.error());
    draft.value.wording = row.text("wording");
    if (const Cell* polarity = row.cell("polarity")) {
        const auto parsed = parse_polarity(trim(polarity->text));
        if (!parsed) {
            return bad_input(fmt::format("unknown polarity \"{}\"; valid polarities: asserted, denied, hedged, implied",
                                         polarity->text),
                             polarity->where);
        }
        draft.polarity = *parsed;
    }
    draft.prefix = row.text("prefix");
    draft.suffix = row.text("suffix");
    return draft;
}

}  // namespace

Expected<Accounts> load_accounts_csv(const std::string& path, const AccountsOptions& options)
{
    const auto declarations = sibling_toml(path);
    if (!declarations) {
        return bad_input("no TOML file beside this CSV declares its events, sources and documents "
                         "(looked for the same name with .toml, then accounts.toml)",
                         Location{path, 0, 0, {}});
    }
    auto catalog = load_accounts_toml(*declarations, options);
    if (!catalog) return std::unexpected(std::move(catalog.error()));
    catalog->accounts.claims.clear();  // the CSV brings its own claims
    catalog->accounts.path = path;

    auto text = read_text_file(path);
    if (!text) return std::unexpected(std::move(text.error()));
    auto rows = parse_csv(*text, path);
    if (!rows) return std::unexpected(std::move(rows.error()));
    if (rows->empty()) return bad_input("CSV has no header row", Location{path, 1, 1, {}});

    std::map<std::string_view, std::size_t> columns;
    const Row& header = rows->front();
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string name(trim(header[i].text));
        const auto known = std::find(k_columns.begin(), k_columns.end(), name);
        if (known == k_columns.end()) {
            return bad_input(fmt::format("unknown column '{}'; valid columns: {}", name, fmt::join(k_columns, ", ")),
                             header[i].where);
        }
        if (!columns.emplace(*known, i).second) {
            return bad_input(fmt::format("column '{}' appears twice", name), header[i].where);
        }
    }
    ClaimResolver resolver(*catalog, options);
    for (std::size_t r = 1; r < rows->size(); ++r) {
        const Row& row = (*rows)[r];
        Location where = row.front().where;
        where.column = 1;
        if (row.size() > header.size()) {
            return bad_input(fmt::format("row has {} fields but the header names {}", row.size(), header.size()),
                             row[header.size()].where);
        }
        auto draft = read_row(RowReader(row, columns, where));
        if (!draft) return std::unexpected(std::move(draft.error()));
        if (auto added = resolver.add(std::move(*draft)); !added) return std::unexpected(added.error());
    }
    return std::move(catalog->accounts);
}

}  // namespace contra::detail
