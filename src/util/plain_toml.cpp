// The plain-TOML reader: one pass over the bytes, no backtracking. Every
// function returns false to give up; nothing here reports an error.

#include "util/plain_toml.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace contra::detail {

namespace {

class PlainReader {
public:
    PlainReader(std::string_view text, TomlTree& tree)
        : m_at(text.data()), m_end(text.data() + text.size()), m_tree(tree)
    {
    }

    bool read()
    {
        TomlValue& root = m_tree.root;
        root.type = Type::table;
        TomlValue* current = &root;
        while (m_at != m_end) {
            skip_blanks();
            if (at('[')) {
                if (!header(root, current)) return false;
            } else if (at_bare_key()) {
                if (!key_value(*current)) return false;
            }
            if (!end_of_line()) return false;
        }
        return true;
    }

private:
    using Type = TomlValue::Type;

    const char* m_at;
    const char* m_end;
    TomlTree& m_tree;
    // The names of the arrays of tables made by `[[name]]` headers: a later
    // header with the same name appends to them; a plain key of that name
    // is a conflict.
    std::vector<std::string_view> m_table_arrays;

    [[nodiscard]] bool at(char c) const { return m_at != m_end && *m_at == c; }
    [[nodiscard]] char peek(std::size_t ahead = 0) const
    {
        return static_cast<std::size_t>(m_end - m_at) > ahead ? m_at[ahead] : '\0';
    }

    static bool is_bare_key_char(char c)
    {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    // A byte TOML allows in strings and comments: not a control character
    // other than tab, not DEL. (The text is known to be valid UTF-8.)
    static bool is_allowed(char c)
    {
        const auto byte = static_cast<unsigned char>(c);
        return byte == '\t' || (byte >= 0x20 && byte != 0x7F);
    }

    [[nodiscard]] bool at_bare_key() const { return m_at != m_end && is_bare_key_char(*m_at); }

    void skip_blanks()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\t')) ++m_at;
    }

    // Blanks, an optional comment, then a newline or the end of the text.
    bool end_of_line()
    {
        skip_blanks();
        if (at('#')) {
            for (++m_at; m_at != m_end && *m_at != '\n' && *m_at != '\r'; ++m_at) {
                if (!is_allowed(*m_at)) return false;
            }
        }
        if (m_at == m_end) return true;
        if (*m_at == '\r') {
            ++m_at;
            if (!at('\n')) return false;
        }
        if (!at('\n')) return false;
        ++m_at;
        return true;
    }

    std::string_view bare_key()
    {
        const char* start = m_at;
        while (at_bare_key()) ++m_at;
        return {start, static_cast<std::size_t>(m_at - start)};
    }

    // `[[name]]`: a new table at the end of the root's array `name`.
    bool header(TomlValue& root, TomlValue*& current)
    {
        if (peek(1) != '[') return false;  // a standard table: not plain
        m_at += 2;
        skip_blanks();
        const std::string_view name = bare_key();
        if (name.empty()) return false;
        skip_blanks();
        if (peek() != ']' || peek(1) != ']') return false;
        m_at += 2;

        TomlValue* array = nullptr;
        if (TomlValue* existing = root.get(name)) {
            if (std::ranges::find(m_table_arrays, name) == m_table_arrays.end()) return false;
            array = existing;
        } else {
            array = &root.fields.emplace_back(TomlKey{name, {}}, TomlValue{.type = Type::array}).second;
            m_table_arrays.push_back(name);
        }
        current = &array->items.emplace_back(TomlValue{.type = Type::table});
        current->fields.reserve(8);  // the usual claim's keys, in one allocation
        return true;
    }

    bool key_value(TomlValue& table)
    {
        const std::string_view key = bare_key();
        skip_blanks();
        if (!at('=')) return false;  // a dotted key, or not TOML
        ++m_at;
        skip_blanks();
        if (table.get(key)) return false;
        return value(table.fields.emplace_back(TomlKey{key, {}}, TomlValue{}).second);
    }

    // Reads one value into `out`.
    bool value(TomlValue& out)
    {
        if (m_at == m_end) return false;
        switch (*m_at) {
        case '"': out.type = Type::string; return basic_string(out.text);
        case '\'': out.type = Type::string; return literal_string(out.text);
        case '{': out.type = Type::table; return inline_table(out);
        case '[': out.type = Type::array; return array(out);
        default: return scalar(out);
        }
    }

    // "…" on one line, with the escapes \" \\ \b \t \n \f \r. Without
    // escapes the value is a view of the text; with them, it is decoded into
    // a string the tree keeps.
    bool basic_string(std::string_view& value)
    {
        ++m_at;
        if (at('"') && peek(1) == '"') return false;  // """ multi-line
        const char* start = m_at;
        while (m_at != m_end && *m_at != '"' && *m_at != '\\' && is_allowed(*m_at)) ++m_at;
        if (at('"')) {
            value = {start, static_cast<std::size_t>(m_at - start)};
            ++m_at;
            return true;
        }
        std::string out(start, static_cast<std::size_t>(m_at - start));
        for (;;) {
            const char* run = m_at;
            while (m_at != m_end && *m_at != '"' && *m_at != '\\' && is_allowed(*m_at)) ++m_at;
            out.append(run, static_cast<std::size_t>(m_at - run));
            if (m_at == m_end || !is_allowed(*m_at)) return false;
            if (*m_at == '"') {
                ++m_at;
                value = m_tree.keep(std::move(out));
                return true;
            }
            ++m_at;  // the backslash
            if (m_at == m_end) return false;
            switch (*m_at++) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case 'b': out += '\b'; break;
            case 't': out += '\t'; break;
            case 'n': out += '\n'; break;
            case 'f': out += '\f'; break;
            case 'r': out += '\r'; break;
            default: return false;  // \u, \U and anything else: toml++ decides
            }
        }
    }

    // '…' on one line, taken as written.
    bool literal_string(std::string_view& out)
    {
        ++m_at;
        if (at('\'') && peek(1) == '\'') return false;  // ''' multi-line
        const char* run = m_at;
        while (m_at != m_end && *m_at != '\'' && is_allowed(*m_at)) ++m_at;
        if (!at('\'')) return false;
        out = {run, static_cast<std::size_t>(m_at - run)};
        ++m_at;
        return true;
    }

    // { key = value, key = value } on one line.
    bool inline_table(TomlValue& out)
    {
        ++m_at;
        skip_blanks();
        if (at('}')) {
            ++m_at;
            return true;
        }
        for (;;) {
            skip_blanks();
            if (!at_bare_key()) return false;
            if (!key_value(out)) return false;
            skip_blanks();
            if (at('}')) {
                ++m_at;
                return true;
            }
            if (!at(',')) return false;
            ++m_at;
        }
    }

    // [ value, value, ] on one line.
    bool array(TomlValue& out)
    {
        ++m_at;
        for (;;) {
            skip_blanks();
            if (at(']')) {
                ++m_at;
                return true;
            }
            if (!value(out.items.emplace_back())) return false;
            skip_blanks();
            if (at(',')) {
                ++m_at;
                continue;
            }
            if (!at(']')) return false;
        }
    }

    // What may follow a scalar: blanks, a separator, a comment, a line end.
    [[nodiscard]] bool at_scalar_end() const
    {
        if (m_at == m_end) return true;
        switch (*m_at) {
        case ' ': case '\t': case ',': case ']': case '}': case '#': case '\r': case '\n': return true;
        default: return false;
        }
    }

    // true, false, a decimal integer or a local date (YYYY-MM-DD).
    bool scalar(TomlValue& out)
    {
        const std::string_view rest(m_at, static_cast<std::size_t>(m_end - m_at));
        for (const bool truth : {true, false}) {
            const std::string_view word = truth ? "true" : "false";
            if (!rest.starts_with(word)) continue;
            m_at += word.size();
            if (!at_scalar_end()) return false;
            out.type = Type::boolean;
            out.integer = truth ? 1 : 0;
            return true;
        }
        const bool signed_ = at('+') || at('-');
        const bool negative = at('-');
        if (signed_) ++m_at;
        const char* digits = m_at;
        while (m_at != m_end && is_digit(*m_at)) ++m_at;
        const auto length = static_cast<std::size_t>(m_at - digits);
        if (length == 0) return false;
        if (length == 4 && at('-')) return !signed_ && date(digits, out);
        if (!at_scalar_end()) return false;                // a float, a time, an underscore …
        if (length > 1 && digits[0] == '0') return false;  // leading zeros are not TOML
        if (length > 18) return false;                     // may not fit: toml++ decides
        std::int64_t number = 0;
        for (const char* digit = digits; digit != m_at; ++digit) number = number * 10 + (*digit - '0');
        out.type = Type::integer;
        out.integer = negative ? -number : number;
        return true;
    }

    // YYYY-MM-DD, a real day, not followed by a time.
    bool date(const char* start, TomlValue& out)
    {
        if (m_end - start < 10) return false;
        const auto two = [&](std::size_t at) {
            return is_digit(start[at]) && is_digit(start[at + 1]) ? (start[at] - '0') * 10 + (start[at + 1] - '0')
                                                                    : -1;
        };
        if (start[4] != '-' || start[7] != '-') return false;
        const int year = (start[0] - '0') * 1000 + (start[1] - '0') * 100 + (start[2] - '0') * 10 + (start[3] - '0');
        const int month = two(5);
        const int day = two(8);
        if (month < 1 || month > 12 || day < 1) return false;
        constexpr std::array<int, 12> k_days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (day > k_days[static_cast<std::size_t>(month - 1)] || (month == 2 && day == 29 && !leap)) return false;
        m_at = start + 10;
        if (!at_scalar_end()) return false;  // 'T' or a fraction: a date-time
        if (at(' ') && is_digit(peek(1))) return false;  // "2024-01-01 10:00": a date-time
        out.type = Type::date;
        out.text = {start, 10};
        return true;
    }
};

}  // namespace

std::optional<TomlTree> parse_plain_toml(std::string_view text)
{
    if (text.starts_with("\xEF\xBB\xBF")) return std::nullopt;
    TomlTree tree;
    PlainReader reader(text, tree);
    if (!reader.read()) return std::nullopt;
    return tree;
}

}  // namespace contra::detail
