// The store's schema as an ordered list of forward migrations.
#pragma once

#include <span>
#include <string_view>

struct sqlite3;

namespace contra::detail {

// migrations()[n] takes a store from schema version n to n + 1. The last one
// ends at Store::k_schema_version. Steps are only ever appended: a released
// step is never edited, so every store reaches the same schema.
[[nodiscard]] std::span<const std::string_view> migrations();

// The claims' index by id exactly as the first migration creates it: a bulk
// load into a store without claims drops it and builds it again with this.
inline constexpr std::string_view k_claims_by_id_index = "CREATE UNIQUE INDEX claims_by_id ON claims(id)";

// How a folded event name is looked up (table event_names). A word is a run
// of ASCII letters and digits and bytes of multi-byte characters, as in the
// draft rules' is_word_byte. For a name that begins with a word: `first` is
// its first word, `key` the name up to the end of its last word, `words` how
// many words the key has; a text holds the name at a word start only where
// the key is that word and the `words - 1` words after it, with what lies
// between. A name that begins with any other byte has all three empty (0).
struct EventNameParts {
    std::string_view first;
    std::string_view key;
    int words = 0;
};
[[nodiscard]] EventNameParts event_name_parts(std::string_view folded);

// Registers on `db` the SQL functions the migrations call: contra_fold(text),
// and contra_name_first / contra_name_key / contra_name_words(folded name),
// the parts above.
void register_migration_functions(sqlite3* db);

}  // namespace contra::detail
