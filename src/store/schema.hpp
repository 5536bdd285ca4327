// The store's schema as an ordered list of forward migrations.
#pragma once

#include <span>
#include <string_view>

namespace contra::detail {

// migrations()[n] takes a store from schema version n to n + 1. The last one
// ends at Store::k_schema_version. Steps are only ever appended: a released
// step is never edited, so every store reaches the same schema.
[[nodiscard]] std::span<const std::string_view> migrations();

}  // namespace contra::detail
