// Shared by the review, verify and export tests: a store file holding the
// Durrës fixtures with the default rules run over them.
#pragma once

#include "support.hpp"

#include <contra/accounts.hpp>
#include <contra/engine.hpp>
#include <contra/rule_set.hpp>
#include <contra/store.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace contra::test {

inline constexpr const char* k_first_run = "2026-02-01T09:00:00Z";

template <class T>
T unwrap(Expected<T> result)
{
    if (!result) FAIL(result.error().describe());
    return std::move(*result);
}

inline const RuleSet& default_rules()
{
    static const RuleSet rules = [] {
        auto loaded = RuleSet::load(rules_dir().string());
        if (!loaded) throw std::runtime_error(loaded.error().describe());
        return std::move(*loaded);
    }();
    return rules;
}

inline std::string durres_accounts()
{
    return (fixtures_dir() / "durres-raid-2023" / "accounts.toml").string();
}

// Imports the Durrës accounts into `store` and runs the rules at `now`.
inline void import_and_run(Store& store, const std::string& now = k_first_run)
{
    const AccountsOptions options{&default_rules().attributes()};
    const auto accounts = unwrap(load_accounts(durres_accounts(), options));
    (void)unwrap(import_accounts(store, accounts));
    (void)unwrap(run_rules(store, default_rules(), std::nullopt, now));
}

// A fresh store file in `dir` with the Durrës flags raised.
inline Store durres_store(const TempDir& dir, const std::string& name = "contra.db")
{
    Store store = unwrap(Store::open((dir / name).string(), OpenMode::create));
    import_and_run(store);
    return store;
}

}  // namespace contra::test
