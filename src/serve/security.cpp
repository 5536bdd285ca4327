#include "serve/security.hpp"

#include <contra/hash.hpp>
#include <contra/text.hpp>

#include <fmt/core.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <span>
#include <stdexcept>
#include <vector>

namespace contra::detail {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string random_hex(std::size_t bytes)
{
    std::vector<unsigned char> buffer(bytes);
    if (RAND_bytes(buffer.data(), static_cast<int>(buffer.size())) != 1) {
        // No entropy means no safe tokens: there is nothing sensible to fall back on.
        throw std::runtime_error("the system's random generator failed");
    }
    return to_hex(buffer);
}

std::string hmac_hex(std::string_view key, std::string_view message)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
    return to_hex(std::span<const unsigned char>(digest, length));
}

bool same_secret(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string csrf_token(std::string_view secret, std::string_view session)
{
    return hmac_hex(secret, fmt::format("csrf:{}", session));
}

bool csrf_valid(std::string_view secret, std::string_view session, std::string_view token)
{
    if (session.empty() || token.empty()) return false;
    return same_secret(csrf_token(secret, session), token);
}

std::map<std::string, std::string, std::less<>> parse_cookies(std::string_view header)
{
    std::map<std::string, std::string, std::less<>> cookies;
    while (!header.empty()) {
        const auto end = header.find(';');
        auto pair = trim(header.substr(0, end));
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        auto name = trim(pair.substr(0, equals));
        auto value = trim(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        if (!name.empty()) cookies.emplace(std::string(name), std::string(value));
    }
    return cookies;
}

std::string url_encode(std::string_view text)
{
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.' || c == '~';
        if (plain) out += c;
        else out += fmt::format("%{:02X}", static_cast<unsigned>(byte));
    }
    return out;
}

std::string url_decode(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
                   hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string clean_login(std::string_view name)
{
    std::string out;
    for (char c : trim(name)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) continue;
        out += c;
    }
    constexpr std::size_t k_max = 80;
    if (out.size() > k_max) {
        out.resize(k_max);
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    }
    if (!validate_utf8(out, "login")) return {};
    return std::string(trim(out));
}

}  // namespace contra::detail
