#include "identity/personal_data_cipher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>
#include <span>
#include <stdexcept>

namespace rc::identity {
namespace {

constexpr std::uint8_t kVersion = 0x01;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;
constexpr std::size_t kOverhead = 1 + kNonceBytes + kTagBytes;
constexpr std::string_view kIdPurpose = "rescuecert/id_number/v1";
constexpr std::string_view kBiometricPurpose = "rescuecert/biometric/v1";

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

CipherCtx new_ctx() {
  CipherCtx ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  if (!ctx) throw std::bad_alloc();
  return ctx;
}

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

Error tampered() {
  return make_error(ErrorCode::kKeyFailure, "cipher", "加密数据无法解密：数据已损坏、被改动，或密钥不符");
}

}  // namespace

PersonalDataCipher::PersonalDataCipher(Key256 id_key, Key256 lookup_key, Key256 biometric_key, RandomSource& random)
    : id_key_(id_key), lookup_key_(lookup_key), biometric_key_(biometric_key), random_(random) {}

PersonalDataCipher::~PersonalDataCipher() {
  OPENSSL_cleanse(id_key_.data(), id_key_.size());
  OPENSSL_cleanse(lookup_key_.data(), lookup_key_.size());
  OPENSSL_cleanse(biometric_key_.data(), biometric_key_.size());
}

std::string PersonalDataCipher::seal(const Key256& key, std::string_view purpose, std::string_view plain) const {
  std::string out(kOverhead + plain.size(), '\0');
  out[0] = static_cast<char>(kVersion);
  auto* nonce = bytes(out) + 1;
  random_.fill(std::span<std::uint8_t>(nonce, kNonceBytes));
  auto ctx = new_ctx();
  int len = 0;
  bool done =
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce) == 1 &&
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(purpose), static_cast<int>(purpose.size())) == 1 &&
      EVP_EncryptUpdate(ctx.get(), nonce + kNonceBytes, &len, bytes(plain), static_cast<int>(plain.size())) == 1 &&
      EVP_EncryptFinal_ex(ctx.get(), nonce + kNonceBytes + len, &len) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, bytes(out) + out.size() - kTagBytes) == 1;
  if (!done) throw std::runtime_error("AES-256-GCM encryption failed");  // broken invariant
  return out;
}

Result<std::string> PersonalDataCipher::open(const Key256& key, std::string_view purpose, std::string_view blob) const {
  if (blob.size() < kOverhead || static_cast<std::uint8_t>(blob[0]) != kVersion) return fail(tampered());
  const auto* nonce = bytes(blob) + 1;
  std::string_view cipher = blob.substr(1 + kNonceBytes, blob.size() - kOverhead);
  std::string tag(blob.substr(blob.size() - kTagBytes));
  std::string plain(cipher.size(), '\0');
  auto ctx = new_ctx();
  int len = 0;
  bool done = EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key.data(), nonce) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(purpose), static_cast<int>(purpose.size())) == 1 &&
              EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, bytes(cipher), static_cast<int>(cipher.size())) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) == 1 &&
              EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + len, &len) == 1;
  if (!done) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return fail(tampered());
  }
  return plain;
}

std::string PersonalDataCipher::encrypt_id_number(std::string_view normalized) const {
  return seal(id_key_, kIdPurpose, normalized);
}

Result<std::string> PersonalDataCipher::decrypt_id_number(std::string_view blob) const {
  return open(id_key_, kIdPurpose, blob);
}

std::string PersonalDataCipher::encrypt_biometric(std::string_view data) const {
  return seal(biometric_key_, kBiometricPurpose, data);
}

Result<std::string> PersonalDataCipher::decrypt_biometric(std::string_view blob) const {
  return open(biometric_key_, kBiometricPurpose, blob);
}

std::string PersonalDataCipher::lookup_hash(std::string_view document_type, std::string_view normalized) const {
  std::string message;
  message.reserve(document_type.size() + 1 + normalized.size());
  message.append(document_type).push_back('\0');
  message.append(normalized);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (!HMAC(EVP_sha256(), lookup_key_.data(), static_cast<int>(lookup_key_.size()), bytes(message), message.size(), mac,
            &mac_len))
    throw std::runtime_error("HMAC-SHA256 failed");  // broken invariant
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(mac_len * 2);
  for (unsigned i = 0; i < mac_len; ++i) {
    hex.push_back(kHex[mac[i] >> 4]);
    hex.push_back(kHex[mac[i] & 0xF]);
  }
  return hex;
}

}  // namespace rc::identity
