#include "transparency/hash.h"

#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cstring>
#include <stdexcept>

namespace rc::transparency {
namespace {

// One SHA-256 over a prefix byte and up to two parts. EVP rather than the deprecated SHA256_*
// calls; a failure here means OpenSSL itself is broken, which no caller can handle.
Hash sha256(std::optional<std::uint8_t> prefix, std::string_view a, std::string_view b = {}) {
  Hash out{};
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1;
  if (ok && prefix) ok = EVP_DigestUpdate(ctx, &*prefix, 1) == 1;
  if (ok) ok = EVP_DigestUpdate(ctx, a.data(), a.size()) == 1 && EVP_DigestUpdate(ctx, b.data(), b.size()) == 1;
  unsigned int len = 0;
  if (ok) ok = EVP_DigestFinal_ex(ctx, out.data(), &len) == 1 && len == out.size();
  EVP_MD_CTX_free(ctx);
  if (!ok) throw std::runtime_error("SHA-256 failed");
  return out;
}

std::string_view view(const Hash& h) { return {reinterpret_cast<const char*>(h.data()), h.size()}; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Hash leaf_hash(std::string_view entry) { return sha256(std::uint8_t{0x00}, entry); }
Hash node_hash(const Hash& left, const Hash& right) { return sha256(std::uint8_t{0x01}, view(left), view(right)); }
Hash empty_root() { return sha256(std::nullopt, {}); }

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 0x0f]);
  }
  return out;
}

std::string to_hex(const Hash& h) { return to_hex(view(h)); }

std::optional<std::string> bytes_from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i) {
    int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<char>((hi << 4) | lo);
  }
  return out;
}

std::optional<Hash> hash_from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  auto bytes = bytes_from_hex(hex);
  if (!bytes) return std::nullopt;
  return hash_from_bytes(*bytes);
}

std::string hash_bytes(const Hash& h) { return std::string(view(h)); }

std::optional<Hash> hash_from_bytes(std::string_view bytes) {
  if (bytes.size() != 32) return std::nullopt;
  Hash h{};
  std::memcpy(h.data(), bytes.data(), h.size());
  return h;
}

}  // namespace rc::transparency
