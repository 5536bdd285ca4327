// What claims can be about, declared in rules/attributes.toml.
#pragma once

#include <contra/value.hpp>

#include <string>
#include <vector>

namespace contra {

struct AttributeSpec {
    std::string name;       // "deaths"
    ValueKind kind = ValueKind::count;
    bool single_valued = true;  // one true value per event (and qualifier)
    std::string summary;
    std::vector<std::string> triggers;  // words that signal it in text
};

}  // namespace contra
