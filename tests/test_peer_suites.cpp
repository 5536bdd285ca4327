// Runs the quantity parser against the peer test suites in ../shared/peer-suites
// (other projects' English number tests, converted to TSV). The rows are read
// here at test time only and never copied into this project. For each suite and
// kind the test prints the pass rate and fails when it drops below the floor
// recorded in k_floors. Which rows apply and what counts as a pass is decided
// per suite in judge_*(); docs/quantities.md explains the choices.
#include "support.hpp"

#include <contra/quantity.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using contra::Quantity;
using contra::QuantityKind;

struct Row {
    std::map<std::string, std::string, std::less<>> fields;
    [[nodiscard]] const std::string& get(std::string_view name) const
    {
        static const std::string empty;
        auto it = fields.find(name);
        return it == fields.end() ? empty : it->second;
    }
};

std::vector<std::string> split(std::string_view line, char separator)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        auto end = line.find(separator, start);
        out.emplace_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return out;
}

std::vector<Row> read_tsv(const fs::path& path)
{
    std::string text = contra::test::read_file(path);
    std::vector<std::string> lines = split(text, '\n');
    std::vector<Row> rows;
    if (lines.empty()) return rows;
    auto header = split(lines[0], '\t');
    for (std::size_t k = 1; k < lines.size(); ++k) {
        if (lines[k].empty()) continue;
        auto cells = split(lines[k], '\t');
        Row row;
        for (std::size_t c = 0; c < header.size() && c < cells.size(); ++c) row.fields[header[c]] = cells[c];
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string folded(std::string_view text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

bool same(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)}); }

bool has_value(const Quantity& q, double value) { return q.hi && same(q.lo, value) && same(*q.hi, value); }

std::optional<double> number(const std::string& text)
{
    if (text.empty() || text == "null") return std::nullopt;
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0') return std::nullopt;
    return value;
}

// The quantity that covers the whole (trimmed) input, if exactly one does.
const Quantity* whole_input(const std::vector<Quantity>& found, std::string_view input)
{
    auto first = input.find_first_not_of(' ');
    auto last = input.find_last_not_of(' ');
    if (first == std::string_view::npos || found.size() != 1) return nullptr;
    return found[0].start == first && found[0].end == last + 1 ? &found[0] : nullptr;
}

// Recognizers-Text interval "(100,)" "[20,30]" "(,700]" as a closed interval of
// whole numbers where the bound is whole; none when unbounded.
struct Expected {
    std::optional<double> lo, hi;
};

std::optional<Expected> interval(const std::string& text)
{
    if (text.size() < 3) return std::nullopt;
    auto comma = text.find(',');
    if (comma == std::string::npos) return std::nullopt;
    Expected out;
    auto lo = number(text.substr(1, comma - 1));
    auto hi = number(text.substr(comma + 1, text.size() - comma - 2));
    if (lo) out.lo = text.front() == '(' && std::floor(*lo) == *lo ? *lo + 1 : *lo;
    if (hi) out.hi = text.back() == ')' && std::floor(*hi) == *hi ? *hi - 1 : *hi;
    return out;
}

bool matches_interval(const Quantity& q, const Expected& want)
{
    bool lo_ok = want.lo ? same(q.lo, *want.lo) : q.lo <= 0;
    bool hi_ok = want.hi ? (q.hi && same(*q.hi, *want.hi)) : !q.hi;
    return lo_ok && hi_ok;
}

bool any_value(const std::vector<Quantity>& found, double value)
{
    return std::any_of(found.begin(), found.end(), [&](const Quantity& q) { return has_value(q, value); });
}

// A verdict for one row: its kind in the report, or nothing when the row does not apply.
struct Verdict {
    std::string kind;
    bool pass = false;
};

using Judge = std::optional<Verdict> (*)(const Row&, const std::vector<Quantity>&);

std::optional<Verdict> judge_recognizers(const Row& row, const std::vector<Quantity>& found)
{
    const std::string& spec = row.get("spec");
    const std::string& kind = row.get("kind");
    const std::string& subtype = row.get("subtype");
    std::string want_text = folded(row.get("expected_text"));
    auto covers = [&](const Quantity& q) { return folded(q.text).find(want_text) != std::string::npos; };
    // The option-setting variants repeat inputs with other expectations; the
    // half-open NumberRangeModel is replaced by its closed ExperimentalMode twin.
    if (spec.ends_with("/NumberModel.json") && kind == "number") {
        if (subtype == "fraction" || subtype == "power") return std::nullopt;  // fractions, exponents: not read
        auto value = number(row.get("expected"));
        if (!value) return std::nullopt;
        bool pass = std::any_of(found.begin(), found.end(),
                                [&](const Quantity& q) { return has_value(q, *value) && covers(q); });
        return Verdict{"number", pass};
    }
    if (spec.ends_with("/NumberRangeModelExperimentalMode.json") && kind == "range") {
        auto want = interval(row.get("expected"));
        if (!want) return std::nullopt;
        if ((want->lo && std::floor(*want->lo) != *want->lo) || (want->hi && std::floor(*want->hi) != *want->hi)) {
            return std::nullopt;  // bounds that are fractions
        }
        bool pass = std::any_of(found.begin(), found.end(),
                                [&](const Quantity& q) { return matches_interval(q, *want) && covers(q); });
        return Verdict{"range", pass};
    }
    if (spec.ends_with("/OrdinalModel.json") && kind == "ordinal") {
        auto value = number(row.get("expected"));
        if (!value) return std::nullopt;
        bool pass = std::any_of(found.begin(), found.end(), [&](const Quantity& q) {
            return q.kind == QuantityKind::ordinal && has_value(q, *value);
        });
        return Verdict{"ordinal", pass};
    }
    if (spec.ends_with("/PercentModel.json") && kind == "percent") {
        auto value = number(row.get("expected"));
        if (!value) return std::nullopt;
        bool pass = std::any_of(found.begin(), found.end(), [&](const Quantity& q) {
            return q.kind == QuantityKind::percent && has_value(q, *value);
        });
        return Verdict{"percent", pass};
    }
    return std::nullopt;
}

// Words Duckling reads as exact numbers that our lexicon reads as intervals.
bool duckling_vague(const std::string& input)
{
    std::string text = folded(input);
    for (std::string_view word : {"few", "couple", "pair", "single"}) {
        if (text.find(word) != std::string::npos) return true;
    }
    return false;
}

std::optional<Verdict> judge_duckling(const Row& row, const std::vector<Quantity>& found)
{
    const std::string& kind = row.get("kind");
    const std::string& check = row.get("check");
    if (duckling_vague(row.get("input"))) return std::nullopt;
    if (check == "full-match" && (kind == "number" || kind == "ordinal")) {
        auto value = number(row.get("expected"));
        if (!value) return std::nullopt;
        const Quantity* q = whole_input(found, row.get("input"));
        bool pass = q != nullptr && has_value(*q, *value)
                    && ((kind == "ordinal") == (q->kind == QuantityKind::ordinal));
        return Verdict{kind, pass};
    }
    if (check == "first-result") {
        auto value = number(row.get("expected"));
        return Verdict{"first-result", value && !found.empty() && has_value(found[0], *value)};
    }
    if (check == "result-count") {
        auto value = number(row.get("expected"));
        return Verdict{"result-count", value && same(static_cast<double>(found.size()), *value)};
    }
    return std::nullopt;  // span-only rows test negative-number syntax we do not read
}

std::optional<Verdict> judge_quantulum(const Row& row, const std::vector<Quantity>& found)
{
    const std::string& kind = row.get("kind");
    bool soft = row.get("status").starts_with("classifier");
    std::string label = soft ? kind + " (soft)" : kind;
    if (kind == "number" || kind == "quantity" || kind == "percent") {
        auto value = number(row.get("expected"));
        if (!value) return std::nullopt;
        return Verdict{label, any_value(found, *value)};
    }
    if (kind == "range") {
        auto want = interval(row.get("expected"));
        if (!want) return std::nullopt;
        bool pass = std::any_of(found.begin(), found.end(), [&](const Quantity& q) { return matches_interval(q, *want); });
        return Verdict{label, pass};
    }
    if (kind == "none") {
        // quantulum extracts nothing from "several": a vague reading is our design, not a miss
        bool pass = std::all_of(found.begin(), found.end(), [](const Quantity& q) { return q.vague; });
        return Verdict{label, pass};
    }
    return std::nullopt;
}

std::optional<Verdict> judge_whole_number(const Row& row, const std::vector<Quantity>& found)
{
    const std::string& kind = row.get("kind");
    if (kind != "number" && kind != "ordinal") return std::nullopt;
    auto value = number(row.get("expected"));
    if (!value) return std::nullopt;
    bool pass = std::any_of(found.begin(), found.end(), [&](const Quantity& q) { return has_value(q, *value); });
    return Verdict{kind, pass};
}

std::optional<Verdict> judge_text2num(const Row& row, const std::vector<Quantity>& found)
{
    const std::string& kind = row.get("kind");
    if (kind == "invalid") {
        // the suite expects an error: we must not read the whole input as one number
        return Verdict{"invalid", whole_input(found, row.get("input")) == nullptr};
    }
    if (kind != "number" && kind != "ordinal") return std::nullopt;
    auto value = number(row.get("expected"));
    if (!value) return std::nullopt;
    const Quantity* q = whole_input(found, row.get("input"));
    return Verdict{kind, q != nullptr && has_value(*q, *value)};
}

std::optional<Verdict> judge_number_parser(const Row& row, const std::vector<Quantity>& found)
{
    if (row.get("function") == "parse_fraction" || row.get("function") == "parse") return std::nullopt;
    if (row.get("kind") == "none") return Verdict{"none", found.empty()};
    return judge_whole_number(row, found);
}

struct Suite {
    std::string_view file;
    Judge judge;
};

constexpr Suite k_suites[] = {
    {"recognizers_text_en.tsv", judge_recognizers}, {"duckling_en.tsv", judge_duckling},
    {"quantulum3_en.tsv", judge_quantulum},         {"text2num_en.tsv", judge_text2num},
    {"numerizer_en.tsv", judge_whole_number},       {"number_parser_en.tsv", judge_number_parser},
};

// The lowest pass rate (percent) accepted per suite and kind, a little below
// what the parser reached when the floors were set.
const std::map<std::pair<std::string, std::string>, double> k_floors = {
    {{"recognizers_text_en.tsv", "number"}, 84},
    {{"recognizers_text_en.tsv", "ordinal"}, 86},
    {{"recognizers_text_en.tsv", "percent"}, 52},
    {{"recognizers_text_en.tsv", "range"}, 98},
    {{"duckling_en.tsv", "first-result"}, 99},
    {{"duckling_en.tsv", "number"}, 84},
    {{"duckling_en.tsv", "ordinal"}, 99},
    {{"duckling_en.tsv", "result-count"}, 99},
    {{"quantulum3_en.tsv", "none"}, 32},
    {{"quantulum3_en.tsv", "number"}, 88},
    {{"quantulum3_en.tsv", "number (soft)"}, 99},
    {{"quantulum3_en.tsv", "percent"}, 99},
    {{"quantulum3_en.tsv", "quantity"}, 71},
    {{"quantulum3_en.tsv", "quantity (soft)"}, 75},
    {{"quantulum3_en.tsv", "range"}, 36},
    {{"quantulum3_en.tsv", "range (soft)"}, 49},
    {{"text2num_en.tsv", "invalid"}, 99},
    {{"text2num_en.tsv", "number"}, 85},
    {{"text2num_en.tsv", "ordinal"}, 99},
    {{"numerizer_en.tsv", "number"}, 99},
    {{"numerizer_en.tsv", "ordinal"}, 81},
    {{"number_parser_en.tsv", "none"}, 56},
    {{"number_parser_en.tsv", "number"}, 99},
    {{"number_parser_en.tsv", "ordinal"}, 94},
};

}  // namespace

TEST_CASE("the parser passes the peer suites' applicable cases", "[peer]")
{
    fs::path folder = CONTRA_PEER_SUITES;
    if (!fs::is_directory(folder)) {
        SUCCEED("no peer suites at " << folder.string() << "; skipped");
        return;
    }
    auto parser = contra::QuantityParser::load((contra::test::rules_dir() / "lexicon" / "quantities.toml").string());
    REQUIRE(parser);
    std::string report = fmt::format("{:<26} {:<16} {:>6} {:>6} {:>7}\n", "suite", "kind", "pass", "rows", "rate");
    std::vector<std::string> failures;
    int cardinal_pass = 0;
    int cardinal_rows = 0;
    for (const Suite& suite : k_suites) {
        fs::path path = folder / suite.file;
        if (!fs::exists(path)) continue;
        std::map<std::string, std::pair<int, int>> tally;  // kind -> pass, rows
        std::vector<std::string> misses;
        for (const Row& row : read_tsv(path)) {
            auto found = parser->find(row.get("input"));
            auto verdict = suite.judge(row, found);
            if (!verdict) continue;
            auto& [pass, rows] = tally[verdict->kind];
            ++rows;
            if (verdict->pass) ++pass;
            else if (std::getenv("CONTRA_PEER_MISSES") != nullptr) misses.push_back(row.get("id") + " " + verdict->kind + ": " + row.get("input"));
            if (verdict->kind == "number" || verdict->kind == "range") {
                ++cardinal_rows;
                if (verdict->pass) ++cardinal_pass;
            }
        }
        for (const auto& [kind, counts] : tally) {
            double rate = 100.0 * counts.first / counts.second;
            report += fmt::format("{:<26} {:<16} {:>6} {:>6} {:>6.1f}%\n", suite.file, kind, counts.first, counts.second, rate);
            auto floor = k_floors.find({std::string(suite.file), kind});
            if (floor != k_floors.end() && rate < floor->second) {
                failures.push_back(fmt::format("{} {}: {:.1f}% is below the floor {:.1f}%", suite.file, kind, rate, floor->second));
            }
        }
        for (const auto& miss : misses) report += "  miss " + miss + "\n";
    }
    double cardinal_rate = cardinal_rows == 0 ? 100.0 : 100.0 * cardinal_pass / cardinal_rows;
    report += fmt::format("{:<26} {:<16} {:>6} {:>6} {:>6.1f}%\n", "all suites", "number+range", cardinal_pass, cardinal_rows, cardinal_rate);
    fmt::print("{}", report);
    WARN(report);
    for (const auto& failure : failures) FAIL_CHECK(failure);
    // measured 93.7% on number and range rows together; the goal is 90%
    CHECK(cardinal_rate >= 92.5);
}
