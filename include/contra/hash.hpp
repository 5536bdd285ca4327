// SHA-256 and the short ids derived from it.
#pragma once

#include <string>
#include <string_view>

namespace contra {

// Lower-case hex SHA-256 of the bytes.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

// The first `length` hex digits of sha256_hex(bytes).
[[nodiscard]] std::string short_hash(std::string_view bytes, std::size_t length);

}  // namespace contra
