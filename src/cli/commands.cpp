#include "cli/commands.hpp"

#include <array>

namespace contra::cli {

std::span<const Registrar> registrars()
{
    // Sorted by command name.
    static constexpr std::array k_registrars{
        &register_check,  &register_export, &register_extract, &register_flags,  &register_import,
        &register_ingest, &register_init,   &register_quantities, &register_report, &register_review,
        &register_rules,  &register_run,    &register_serve,   &register_show,   &register_verify,
    };
    return k_registrars;
}

}  // namespace contra::cli
