#include <contra/hash.hpp>

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace contra {

std::string sha256_hex(std::string_view bytes)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed in libcrypto");
    }
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string hex(length * 2, '0');
    for (unsigned int i = 0; i < length; ++i) {
        hex[2 * i] = k_hex[digest[i] >> 4];
        hex[2 * i + 1] = k_hex[digest[i] & 0xf];
    }
    return hex;
}

std::string short_hash(std::string_view bytes, std::size_t length)
{
    return sha256_hex(bytes).substr(0, length);
}

}  // namespace contra
