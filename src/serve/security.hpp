// What keeps the review desk safe: random secrets, CSRF tokens bound to a
// browser session, constant-time comparison, cookies and URL coding.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace contra::detail {

// `bytes` random bytes from the system's generator, as lowercase hex.
[[nodiscard]] std::string random_hex(std::size_t bytes);

// HMAC-SHA-256 of `message` under `key`, as lowercase hex.
[[nodiscard]] std::string hmac_hex(std::string_view key, std::string_view message);

// Equality that takes the same time wherever the strings differ.
[[nodiscard]] bool same_secret(std::string_view a, std::string_view b);

// The CSRF token for a browser session: an HMAC of the session id under the
// server's secret, so a page of another origin can neither read nor forge it.
[[nodiscard]] std::string csrf_token(std::string_view secret, std::string_view session);
[[nodiscard]] bool csrf_valid(std::string_view secret, std::string_view session, std::string_view token);

// The cookies of a Cookie header, by name (values still URL-encoded).
[[nodiscard]] std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view header);

// Percent-encoding of everything but unreserved characters, and back
// ('+' decodes to a space, as forms send it). Bad escapes stay as they are.
[[nodiscard]] std::string url_encode(std::string_view text);
[[nodiscard]] std::string url_decode(std::string_view text);

// A reviewer's login name made safe to keep: trimmed, control characters
// dropped, at most 80 bytes of valid UTF-8. Empty when nothing is left.
[[nodiscard]] std::string clean_login(std::string_view name);

}  // namespace contra::detail
