#include "cert/sm2.h"

#include <botan/ec_group.h>
#include <botan/pubkey.h>
#include <botan/sm2.h>
#include <botan/system_rng.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/core_names.h>
#include <openssl/x509.h>

#include <climits>
#include <exception>

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

// One digest-verify context with the SM2 ID set. Both contexts are owned here because
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

  // Prepares md() for EVP_DigestVerify.
  bool init(EVP_PKEY* key) {
    if (!md_ || !pkey_) return false;
    if (EVP_PKEY_CTX_set1_id(pkey_, kSm2Id, sizeof kSm2Id - 1) <= 0) return false;
    EVP_MD_CTX_set_pkey_ctx(md_, pkey_);
    return EVP_DigestVerifyInit(md_, nullptr, EVP_sm3(), nullptr, key) == 1;
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

// The uncompressed public point (04 || x || y) as OpenSSL holds it.
std::vector<std::uint8_t> public_point_of(EVP_PKEY* k) {
  std::size_t n = 0;
  if (EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_PUB_KEY, nullptr, 0, &n) != 1 || n == 0) return {};
  std::vector<std::uint8_t> out(n);
  if (EVP_PKEY_get_octet_string_param(k, OSSL_PKEY_PARAM_PUB_KEY, out.data(), out.size(), &n) != 1) return {};
  out.resize(n);
  return out;
}

}  // namespace

struct Sm2Signer {
  Botan::SM2_PrivateKey key;
};

namespace {

// The same private scalar as a Botan key. Its public point must equal OpenSSL's: a key that two
// libraries read differently signs nothing.
Result<std::shared_ptr<const Sm2Signer>> botan_signer(EVP_PKEY* k) {
  BIGNUM* d = nullptr;
  if (EVP_PKEY_get_bn_param(k, OSSL_PKEY_PARAM_PRIV_KEY, &d) != 1 || !d) return fail(key_error("读取私钥失败"));
  Botan::secure_vector<std::uint8_t> scalar(32);
  const int n = BN_bn2binpad(d, scalar.data(), 32);
  BN_clear_free(d);
  if (n != 32) return fail(key_error("私钥长度不对"));
  try {
    auto signer = std::make_shared<Sm2Signer>(Sm2Signer{
        Botan::SM2_PrivateKey(Botan::system_rng(), Botan::EC_Group("sm2p256v1"), Botan::BigInt(scalar.data(), 32))});
    if (signer->key.public_key_bits().empty() ||
        signer->key.public_point().encode(Botan::PointGFp::UNCOMPRESSED) != public_point_of(k))
      return fail(key_error("私钥与公钥不符"));
    return std::shared_ptr<const Sm2Signer>(std::move(signer));
  } catch (const std::exception& e) {
    return fail(key_error(std::string("无法用于签名：") + e.what()));
  }
}

}  // namespace

Sm2PrivateKey::Sm2PrivateKey(std::shared_ptr<EVP_PKEY> k, std::shared_ptr<const Sm2Signer> signer)
    : key_(std::move(k)), signer_(std::move(signer)), fingerprint_(sm3_hex(spki_der(key_.get()))) {}

Result<Sm2PrivateKey> Sm2PrivateKey::from_evp(std::shared_ptr<EVP_PKEY> k) {
  auto signer = botan_signer(k.get());
  if (!signer) return fail(signer.error());
  return Sm2PrivateKey(std::move(k), std::move(*signer));
}

Sm2PublicKey::Sm2PublicKey(std::shared_ptr<EVP_PKEY> k) : key_(std::move(k)), fingerprint_(sm3_hex(spki_der(key_.get()))) {}

Result<Sm2PrivateKey> Sm2PrivateKey::from_pem(std::string_view pem) {
  BioPtr bio = read_bio(pem);
  if (!bio) return fail(key_error("无法读取"));
  EVP_PKEY* k = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (!k) return fail(key_error("不是 PEM 私钥"));
  auto key = own(k);
  if (!is_sm2(k)) return fail(key_error("不是 SM2 曲线上的密钥"));
  return from_evp(std::move(key));
}

Result<Sm2PrivateKey> Sm2PrivateKey::generate() {
  EVP_PKEY* k = EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2");
  if (!k) return fail(key_error("生成失败"));
  return from_evp(own(k));
}

std::string Sm2PrivateKey::private_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || !PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr)) return {};
  return bio_string(bio.get());
}

std::string Sm2PrivateKey::public_pem() const { return public_pem_of(key_.get()); }

Sm2PublicKey Sm2PrivateKey::public_key() const { return Sm2PublicKey(key_); }

Result<std::string> Sm2PrivateKey::sign(std::string_view message) const {
  // A Botan signer per thread and key, reused: making one computes Z (SM3 over the ID, the curve
  // and the public key) and cost about a third of a signature. Two slots: a thread may alternate
  // between the certificate key and another. A slot whose key was destroyed is never matched
  // (its weak_ptr has expired), even if a new key lands at the same address.
  struct Slot {
    std::weak_ptr<const Sm2Signer> key;
    std::unique_ptr<Botan::PK_Signer> signer;
  };
  thread_local Slot slots[2];
  thread_local unsigned next_slot = 0;
  Slot* slot = nullptr;
  for (auto& s : slots)
    if (s.signer && s.key.lock() == signer_) slot = &s;
  try {
    if (!slot) {
      slot = &slots[next_slot++ % 2];
      slot->signer.reset();
      // "ID,hash": GM/T 0009's ID in Z, SM3 over Z || message; DER SEQUENCE{r, s} like OpenSSL's.
      slot->signer = std::make_unique<Botan::PK_Signer>(signer_->key, Botan::system_rng(), std::string(kSm2Id) + ",SM3",
                                                        Botan::DER_SEQUENCE);
      slot->key = signer_;
    }
    const auto sig = slot->signer->sign_message(reinterpret_cast<const std::uint8_t*>(message.data()), message.size(),
                                                Botan::system_rng());
    return std::string(sig.begin(), sig.end());
  } catch (const std::exception&) {
    if (slot) slot->signer.reset();  // its state is unknown after a failure
    return fail(key_error("签名失败"));
  }
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
  if (!ctx.init(key_.get())) return false;
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

std::string sm3_hex(std::string_view data) { return to_hex(sm3(data)); }

std::string to_hex(const std::array<unsigned char, 32>& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (unsigned char c : digest) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

}  // namespace rc::cert
