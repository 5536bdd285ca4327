// src/serve/security.cpp: CSRF tokens, secrets, cookies, URL coding, login names.
#include "serve/security.hpp"

#include <catch2/catch.hpp>

namespace contra::detail {

TEST_CASE("security: a CSRF token fits its own session under its own secret only")
{
    const auto secret = random_hex(32);
    const auto session = random_hex(32);
    const auto token = csrf_token(secret, session);
    CHECK(token.size() == 64);
    CHECK(csrf_valid(secret, session, token));
    CHECK_FALSE(csrf_valid(secret, random_hex(32), token));
    CHECK_FALSE(csrf_valid(random_hex(32), session, token));
    CHECK_FALSE(csrf_valid(secret, session, ""));
    CHECK_FALSE(csrf_valid(secret, "", csrf_token(secret, "")));
    CHECK_FALSE(csrf_valid(secret, session, token.substr(0, 63)));
}

TEST_CASE("security: random secrets are hex and differ")
{
    const auto a = random_hex(16);
    CHECK(a.size() == 32);
    CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(a != random_hex(16));
}

TEST_CASE("security: HMAC-SHA-256 matches RFC 4231 test case 2")
{
    CHECK(hmac_hex("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("security: cookies are split by name, quotes and spaces removed")
{
    const auto cookies = parse_cookies(" a=1; contra_reviewer=\"Ana%20B\" ;broken; b = two ");
    CHECK(cookies.size() == 3);
    CHECK(cookies.at("a") == "1");
    CHECK(cookies.at("contra_reviewer") == "Ana%20B");
    CHECK(cookies.at("b") == "two");
    CHECK(parse_cookies("").empty());
}

TEST_CASE("security: URL coding round-trips any bytes")
{
    const std::string text = "Ana Berisha/é?&=+%\n";
    const auto encoded = url_encode(text);
    CHECK(encoded == "Ana%20Berisha%2F%C3%A9%3F%26%3D%2B%25%0A");
    CHECK(url_decode(encoded) == text);
    CHECK(url_decode("a+b%zz%4") == "a b%zz%4");
}

TEST_CASE("security: login names are trimmed, stripped of controls and capped")
{
    CHECK(clean_login("  Ana\x01 Berisha \n") == "Ana Berisha");
    CHECK(clean_login(" \t ").empty());
    CHECK(clean_login("\xff\xfe").empty());
    const auto long_name = clean_login(std::string(79, 'a') + "é");
    CHECK(long_name == std::string(79, 'a'));
}

}  // namespace contra::detail
