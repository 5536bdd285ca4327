// SQLite's own checks of the store file, for `contra verify`.
#include "store/store_impl.hpp"

#include <fmt/core.h>

namespace contra {

Expected<std::vector<std::string>> Store::check_integrity() const
{
    return detail::guarded<std::vector<std::string>>(m_impl->path, [&]() -> Expected<std::vector<std::string>> {
        std::vector<std::string> problems;
        {
            SQLite::Statement check(m_impl->db, "PRAGMA integrity_check");
            while (check.executeStep()) {
                std::string line = check.getColumn(0).getString();
                if (line != "ok") problems.push_back("integrity check: " + line);
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
