#include "cert/sm2.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <climits>

namespace rc::cert {
namespace {

// The SM2 distinguishing ID every GM implementation defaults to (GM/T 0009); OpenSSL 3.0 does not.
constexpr char kSm2Id[] = "1234567812345678";

Error key_error(std::string why) { return make_error(ErrorCode::kKeyFailure, "sm2", "SM2 密钥：" + std::move(why)); }

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* k) { return std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free); }

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

BioPtr read_bio(std::string_view pem) {
  if (pem.size() > INT_MAX) return nullptr;
  return BioPtr(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

std::string bio_string(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

// Only keys on the SM2 curve are accepted: an ordinary P-256 key would sign with ECDSA semantics.
bool is_sm2(const EVP_PKEY* k) { return k && EVP_PKEY_is_a(k, "SM2"); }

// One digest-sign/verify context with the SM2 ID set. Both contexts are owned here because
// EVP_MD_CTX_set_pkey_ctx leaves ownership of the EVP_PKEY_CTX with the caller.
class Sm2Context {
 public:
  explicit Sm2Context(EVP_PKEY* key) : md_(EVP_MD_CTX_new()), pkey_(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr)) {}
  ~Sm2Context() {
    EVP_MD_CTX_free(md_);
    EVP_PKEY_CTX_free(pkey_);
  }
  Sm2Context(const Sm2Context&) = delete;
  Sm2Context& operator=(const Sm2Context&) = delete;

  // Prepares md() for EVP_DigestSign (sign) or EVP_DigestVerify (!sign).
  bool init(EVP_PKEY* key, bool sign) {
    if (!md_ || !pkey_) return false;
    if (EVP_PKEY_CTX_set1_id(pkey_, kSm2Id, sizeof kSm2Id - 1) <= 0) return false;
    EVP_MD_CTX_set_pkey_ctx(md_, pkey_);
    return sign ? EVP_DigestSignInit(md_, nullptr, EVP_sm3(), nullptr, key) == 1
                : EVP_DigestVerifyInit(md_, nullptr, EVP_sm3(), nullptr, key) == 1;
  }
  EVP_MD_CTX* md() { return md_; }

 private:
  EVP_MD_CTX* md_;
  EVP_PKEY_CTX* pkey_;
};

std::string spki_der(EVP_PKEY* k) {
  unsigned char* der = nullptr;
  const int n = i2d_PUBKEY(k, &der);
  if (n <= 0) return {};
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  return out;
}

std::string public_pem_of(EVP_PKEY* k) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || !PEM_write_bio_PUBKEY(bio.get(), k)) return {};
  return bio_string(bio.get());
}

}  // namespace

Sm2PrivateKey::Sm2PrivateKey(std::shared_ptr<EVP_PKEY> k) : key_(std::move(k)), fingerprint_(sm3_hex(spki_der(key_.get()))) {}

Sm2PublicKey::Sm2PublicKey(std::shared_ptr<EVP_PKEY> k) : key_(std::move(k)), fingerprint_(sm3_hex(spki_der(key_.get()))) {}

Result<Sm2PrivateKey> Sm2PrivateKey::from_pem(std::string_view pem) {
  BioPtr bio = read_bio(pem);
  if (!bio) return fail(key_error("无法读取"));
  EVP_PKEY* k = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (!k) return fail(key_error("不是 PEM 私钥"));
  auto key = own(k);
  if (!is_sm2(k)) return fail(key_error("不是 SM2 曲线上的密钥"));
  return Sm2PrivateKey(std::move(key));
}

Result<Sm2PrivateKey> Sm2PrivateKey::generate() {
  EVP_PKEY* k = EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2");
  if (!k) return fail(key_error("生成失败"));
  return Sm2PrivateKey(own(k));
}

std::string Sm2PrivateKey::private_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || !PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr)) return {};
  return bio_string(bio.get());
}

std::string Sm2PrivateKey::public_pem() const { return public_pem_of(key_.get()); }

Sm2PublicKey Sm2PrivateKey::public_key() const { return Sm2PublicKey(key_); }

Result<std::string> Sm2PrivateKey::sign(std::string_view message) const {
  Sm2Context ctx(key_.get());
  if (!ctx.init(key_.get(), true)) return fail(key_error("签名初始化失败"));
  std::size_t len = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  if (EVP_DigestSign(ctx.md(), nullptr, &len, data, message.size()) != 1) return fail(key_error("签名失败"));
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.md(), reinterpret_cast<unsigned char*>(sig.data()), &len, data, message.size()) != 1)
    return fail(key_error("签名失败"));
  sig.resize(len);
  return sig;
}

std::string Sm2PrivateKey::fingerprint() const { return fingerprint_; }

Result<Sm2PublicKey> Sm2PublicKey::from_pem(std::string_view pem) {
  BioPtr bio = read_bio(pem);
  if (!bio) return fail(key_error("无法读取"));
  EVP_PKEY* k = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
  if (!k) return fail(key_error("不是 PEM 公钥"));
  auto key = own(k);
  if (!is_sm2(k)) return fail(key_error("不是 SM2 曲线上的公钥"));
  return Sm2PublicKey(std::move(key));
}

bool Sm2PublicKey::verify(std::string_view message, std::string_view der_signature) const {
  if (!key_ || der_signature.empty() || der_signature.size() > 256) return false;
  Sm2Context ctx(key_.get());
  if (!ctx.init(key_.get(), false)) return false;
  return EVP_DigestVerify(ctx.md(), reinterpret_cast<const unsigned char*>(der_signature.data()),
                          der_signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

std::string Sm2PublicKey::fingerprint() const { return fingerprint_; }

std::string Sm2PublicKey::pem() const { return public_pem_of(key_.get()); }

std::optional<std::string> sm2_signature_raw(std::string_view der) {
  if (der.empty() || der.size() > 80) return std::nullopt;
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (!sig) return std::nullopt;
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> owned(sig, ECDSA_SIG_free);
  if (p != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) return std::nullopt;
  unsigned char* again = nullptr;
  const int n = i2d_ECDSA_SIG(sig, &again);
  const bool canonical = n > 0 && std::string_view(reinterpret_cast<char*>(again), static_cast<std::size_t>(n)) == der;
  OPENSSL_free(again);
  const BIGNUM* r = ECDSA_SIG_get0_r(sig);
  const BIGNUM* s = ECDSA_SIG_get0_s(sig);
  if (!canonical || BN_is_negative(r) || BN_is_negative(s) || BN_is_zero(r) || BN_is_zero(s) || BN_num_bytes(r) > 32 ||
      BN_num_bytes(s) > 32)
    return std::nullopt;
  std::string raw(64, '\0');
  auto* out = reinterpret_cast<unsigned char*>(raw.data());
  if (BN_bn2binpad(r, out, 32) != 32 || BN_bn2binpad(s, out + 32, 32) != 32) return std::nullopt;
  return raw;
}

std::optional<std::string> sm2_signature_der(std::string_view raw) {
  if (raw.size() != 64) return std::nullopt;
  const auto* in = reinterpret_cast<const unsigned char*>(raw.data());
  BIGNUM* r = BN_bin2bn(in, 32, nullptr);
  BIGNUM* s = BN_bin2bn(in + 32, 32, nullptr);
  ECDSA_SIG* sig = ECDSA_SIG_new();
  if (!r || !s || !sig || ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return std::nullopt;
  }
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> owned(sig, ECDSA_SIG_free);
  unsigned char* der = nullptr;
  const int n = i2d_ECDSA_SIG(sig, &der);
  if (n <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(n));
  OPENSSL_free(der);
  return out;
}

std::array<unsigned char, 32> sm3(std::string_view data) {
  std::array<unsigned char, 32> md{};
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), md.data(), &n, EVP_sm3(), nullptr);
  return md;
}

std::string sm3_hex(std::string_view data) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto md = sm3(data);
  std::string out;
  out.reserve(64);
  for (unsigned char c : md) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

}  // namespace rc::cert
