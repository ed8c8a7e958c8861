#include "identity/secret_digest.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace rc::identity {
namespace {

constexpr char kHex[] = "0123456789abcdef";

std::string to_hex(std::span<const std::uint8_t> bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  }
  return out;
}

std::array<std::uint8_t, 32> sha256(std::string_view a, std::string_view b = {}) {
  std::array<std::uint8_t, 32> digest{};
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool done = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1 &&
              EVP_DigestUpdate(ctx, a.data(), a.size()) == 1 && EVP_DigestUpdate(ctx, b.data(), b.size()) == 1 &&
              EVP_DigestFinal_ex(ctx, digest.data(), nullptr) == 1;
  EVP_MD_CTX_free(ctx);
  if (!done) throw std::runtime_error("SHA-256 failed");  // broken invariant: OpenSSL without SHA-256
  return digest;
}

}  // namespace

std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

std::string base64url(std::span<const std::uint8_t> bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    for (int s = 18; s >= 0; s -= 6) out.push_back(kAlphabet[(v >> s) & 63]);
  }
  if (std::size_t rest = bytes.size() - i; rest > 0) {
    std::uint32_t v = bytes[i] << 16;
    if (rest == 2) v |= bytes[i + 1] << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    if (rest == 2) out.push_back(kAlphabet[(v >> 6) & 63]);
  }
  return out;
}

std::string random_token(RandomSource& random, std::size_t bytes) {
  std::vector<std::uint8_t> buf(bytes);
  random.fill(buf);
  return base64url(buf);
}

std::string salted_digest(RandomSource& random, std::string_view secret) {
  std::array<std::uint8_t, 16> salt{};
  random.fill(salt);
  std::string salt_hex = to_hex(salt);
  return salt_hex + "$" + to_hex(sha256(salt_hex, secret));
}

bool salted_digest_matches(std::string_view stored, std::string_view secret) {
  auto sep = stored.find('$');
  if (sep == std::string_view::npos) return false;
  std::string expected = to_hex(sha256(stored.substr(0, sep), secret));
  return constant_time_equal(stored.substr(sep + 1), expected);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace rc::identity
