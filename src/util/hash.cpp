#include <contra/hash.hpp>

#include <openssl/evp.h>
// Header-only: the functions are compiled in, nothing to link.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace contra {

namespace {

// One fetched SHA-256 and one digest context per thread, reused: with OpenSSL 3
// the one-shot EVP_Digest fetches the algorithm and allocates a context on
// every call, which cost more than the hashing of short claim fingerprints.
struct Sha256Context {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    Sha256Context() = default;
    Sha256Context(const Sha256Context&) = delete;
    Sha256Context& operator=(const Sha256Context&) = delete;
    ~Sha256Context()
    {
        EVP_MD_CTX_free(context);
        EVP_MD_free(md);
    }
};

}  // namespace

std::string to_hex(std::span<const unsigned char> bytes)
{
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string hex(bytes.size() * 2, '0');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        hex[2 * i] = k_digits[bytes[i] >> 4];
        hex[2 * i + 1] = k_digits[bytes[i] & 0xf];
    }
    return hex;
}

std::array<unsigned char, 32> sha256(std::string_view bytes)
{
    thread_local Sha256Context sha;
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (sha.md == nullptr || sha.context == nullptr || EVP_DigestInit_ex2(sha.context, sha.md, nullptr) != 1
        || EVP_DigestUpdate(sha.context, bytes.data(), bytes.size()) != 1
        || EVP_DigestFinal_ex(sha.context, digest.data(), &length) != 1 || length != 32) {
        throw std::runtime_error("SHA-256 failed in libcrypto");
    }
    std::array<unsigned char, 32> out{};
    std::copy_n(digest.begin(), out.size(), out.begin());
    return out;
}

std::string sha256_hex(std::string_view bytes) { return to_hex(sha256(bytes)); }

std::string short_hash(std::string_view bytes, std::size_t length)
{
    return sha256_hex(bytes).substr(0, length);
}

std::string fingerprint_hex(std::string_view bytes)
{
    // Big-endian, so the digits read as the number would.
    XXH64_canonical_t canonical;
    XXH64_canonicalFromHash(&canonical, XXH3_64bits(bytes.data(), bytes.size()));
    return to_hex(canonical.digest);
}

}  // namespace contra
