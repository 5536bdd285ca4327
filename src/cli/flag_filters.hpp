// Parsing the enumerations that several commands take as options.
#pragma once

#include "cli/context.hpp"

#include <contra/flag.hpp>

#include <fmt/core.h>

namespace contra::cli {

// Parses `text` with `parse` or throws a usage Failure naming the choices.
template <class Parse>
auto parse_choice(std::string_view option, std::string_view text, Parse parse, std::string_view choices)
{
    auto value = parse(text);
    if (!value) {
        throw Failure{Error{ErrorKind::usage, fmt::format("{}: unknown value '{}' (choose from {})", option, text, choices), {}}};
    }
    return *value;
}

}  // namespace contra::cli
