// SHA-256 and the short ids derived from it; a fast 64-bit hash for
// fingerprints that need to be stable, not secure.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

namespace contra {

// Two lower-case hex digits per byte.
[[nodiscard]] std::string to_hex(std::span<const unsigned char> bytes);

// SHA-256 of the bytes.
[[nodiscard]] std::array<unsigned char, 32> sha256(std::string_view bytes);

// Lower-case hex SHA-256 of the bytes.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

// The first `length` hex digits of sha256_hex(bytes).
[[nodiscard]] std::string short_hash(std::string_view bytes, std::size_t length);

// XXH3's 64-bit hash of the bytes (xxHash, seed 0) as 16 lower-case hex
// digits: the check's finding fingerprints, made by the thousand, which
// must stay the same from run to run but guard nothing.
[[nodiscard]] std::string fingerprint_hex(std::string_view bytes);

}  // namespace contra
