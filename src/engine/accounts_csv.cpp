// Curated claims as CSV rows, against the TOML accounts file beside them.

#include "engine/accounts_load.hpp"

namespace contra::detail {

Expected<Accounts> load_accounts_csv(const std::string& path, const AccountsOptions&)
{
    return bad_input("CSV accounts are not supported yet", Location{path});
}

}  // namespace contra::detail
