// SQLite's own checks of the store file, for `contra verify`.
#include "store/store_impl.hpp"

#include <fmt/core.h>

namespace contra {

namespace {

// SQLite 3.40 (Debian 12) reports "NULL value in T.C" from integrity_check
// for NOT NULL columns of WITHOUT ROWID tables that hold no NULL at all. A
// report of that form is kept only when a NULL is really there.
bool false_null_report(SQLite::Database& db, const std::string& line)
{
    constexpr std::string_view k_prefix = "NULL value in ";
    if (!line.starts_with(k_prefix)) return false;
    const std::string where = line.substr(k_prefix.size());
    const auto dot = where.find('.');
    if (dot == std::string::npos) return false;
    const auto quoted = [](std::string_view name) {
        std::string out = "\"";
        for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + '"';
    };
    try {
        SQLite::Statement count(db, fmt::format("SELECT count(*) FROM {} WHERE {} IS NULL",
                                                quoted(where.substr(0, dot)), quoted(where.substr(dot + 1))));
        return count.executeStep() && count.getColumn(0).getInt64() == 0;
    } catch (const SQLite::Exception&) {
        return false;  // not a table and column we can ask about: keep the report
    }
}

}  // namespace

Expected<std::vector<std::string>> Store::check_integrity() const
{
    return detail::guarded<std::vector<std::string>>(m_impl->path, [&]() -> Expected<std::vector<std::string>> {
        std::vector<std::string> problems;
        {
            SQLite::Statement check(m_impl->db, "PRAGMA integrity_check");
            while (check.executeStep()) {
                std::string line = check.getColumn(0).getString();
                if (line != "ok" && !false_null_report(m_impl->db, line)) problems.push_back("integrity check: " + line);
            }
        }
        {
            // One row per row whose reference points nowhere: table, rowid,
            // referenced table, index of the foreign key.
            SQLite::Statement check(m_impl->db, "PRAGMA foreign_key_check");
            while (check.executeStep()) {
                const std::string table = check.getColumn(0).getString();
                const std::string rowid = check.getColumn(1).isNull() ? "?" : check.getColumn(1).getString();
                const std::string parent = check.getColumn(2).getString();
                problems.push_back(fmt::format("foreign key check: a row of {} (rowid {}) refers to a missing {} row",
                                               table, rowid, parent));
            }
        }
        return problems;
    });
}

}  // namespace contra
