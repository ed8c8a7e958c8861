// Signed certificate files per second (F16 issuance, issue 4: at least 2,000/s on 2 cores), with
// the ceiling in the same run:
//   BM_SignedCertificate   write_certificate_ofd: QR payload signature, page layout, vector QR,
//                          digests, Signature.xml SM2 signature, ZIP (what issuance does per holder)
//   BM_Sm2SignPeer         one SM2 signature over a Signature.xml-sized message by OpenSSL 3.0
//                          (EVP_DigestSign, SM3, ID 1234567812345678) and nothing else: the peer,
//                          what the issue calls the ceiling (~3,500/s per core).
//   BM_Sm2Sign             the same signature by cert::Sm2PrivateKey::sign (Botan, sm2.h). A
//                          certificate needs two (QR payload + file): half its rate is the ceiling.
//   BM_VerifyCertificate   verify_certificate_ofd of one file (the offline check), for scale.
//   BM_SignedCertificateGroup  write_certificate_ofds on groups of 16 (what issuance runs): the
//                          same files, their SM3 side by side, and the SM3 of each whole file too.
//   BM_Sm3Lanes / BM_Sm3OpenSsl  SM3 of 16 page-sized (33,000-byte) messages: sm3_lanes.h against
//                          OpenSSL's EVP SM3 one message at a time (the peer); bytes/s.
// Each runs on 1 and 2 threads; items/s is the aggregate over the threads (real time).
// How to run and the latest figures: bench/README.md.
#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <chrono>
#include <string>
#include <vector>

#include "cert/certificate_file.h"
#include "cert/ofd_verification.h"
#include "cert/sample_certificate.h"
#include "cert/sm2.h"
#include "cert/sm3_lanes.h"

namespace {

const rc::cert::Sm2PrivateKey& key() {
  static const rc::cert::Sm2PrivateKey k = [] {
    rc::cert::tune_allocator();  // as the issuing process does at start
    return *rc::cert::Sm2PrivateKey::generate();
  }();
  return k;
}

const rc::cert::CertificateContent& content() {
  static const rc::cert::CertificateContent c = rc::cert::sample_certificate_content(*rc::CivilDate::from_ymd(2026, 11, 28));
  return c;
}

const auto kSignedAt = std::chrono::sys_days{std::chrono::year{2026} / 11 / 28} + std::chrono::hours{2};

void BM_SignedCertificate(benchmark::State& state) {
  (void)rc::cert::write_certificate_ofd(content(), key(), kSignedAt);  // seal image drawn once, outside timing
  rc::cert::CertificateContent c = content();
  std::size_t bytes = 0;
  long serial = state.thread_index() * 1000000L;
  for (auto _ : state) {
    c.number = "YJJY202651135" + std::to_string(serial++);  // a different certificate every time
    auto file = rc::cert::write_certificate_ofd(c, key(), kSignedAt);
    if (!file) state.SkipWithError("write failed");
    bytes = file->size();
    benchmark::DoNotOptimize(file);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["file_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SignedCertificate)->Threads(1)->Threads(2)->UseRealTime();

void BM_SignedCertificateGroup(benchmark::State& state) {
  (void)rc::cert::write_certificate_ofd(content(), key(), kSignedAt);  // seal image drawn once, outside timing
  constexpr std::size_t kGroup = 16;
  std::vector<rc::cert::CertificateContent> group(kGroup, content());
  std::vector<const rc::cert::CertificateContent*> pointers;
  for (const auto& c : group) pointers.push_back(&c);
  long serial = state.thread_index() * 1000000L;
  for (auto _ : state) {
    for (auto& c : group) c.number = "YJJY202651135" + std::to_string(serial++);
    auto files = rc::cert::write_certificate_ofds(pointers, key(), kSignedAt);
    if (!files.front()) state.SkipWithError("write failed");
    benchmark::DoNotOptimize(files);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kGroup));
}
BENCHMARK(BM_SignedCertificateGroup)->Threads(1)->Threads(2)->UseRealTime();

const std::vector<std::string>& sm3_messages() {
  static const std::vector<std::string> m = [] {
    std::vector<std::string> out(16, std::string(33000, ' '));
    unsigned x = 1;
    for (auto& s : out)
      for (auto& c : s) c = static_cast<char>((x = x * 1103515245 + 12345) >> 16);
    return out;
  }();
  return m;
}

void BM_Sm3Lanes(benchmark::State& state) {
  std::vector<rc::cert::Sm3Job> jobs;
  for (const auto& m : sm3_messages()) jobs.push_back({m, nullptr, {}});
  for (auto _ : state) {
    rc::cert::sm3_jobs(jobs);
    benchmark::DoNotOptimize(jobs);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * 16 * 33000));
  state.counters["avx2"] = rc::cert::sm3_lanes_available() ? 1 : 0;
}
BENCHMARK(BM_Sm3Lanes);

void BM_Sm3OpenSsl(benchmark::State& state) {
  for (auto _ : state)
    for (const auto& m : sm3_messages()) benchmark::DoNotOptimize(rc::cert::sm3(m));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * 16 * 33000));
}
BENCHMARK(BM_Sm3OpenSsl);

const std::string kSignedMessage(2200, 'x');  // about the size of Signature.xml

// The same key as an OpenSSL EVP_PKEY (what the platform signed with before sm2.h moved to Botan).
EVP_PKEY* openssl_key() {
  static EVP_PKEY* k = [] {
    const std::string pem = key().private_pem();
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    EVP_PKEY* out = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return out;
  }();
  return k;
}

void BM_Sm2SignPeer(benchmark::State& state) {
  EVP_PKEY* k = openssl_key();
  if (!k) state.SkipWithError("no key");
  const auto* data = reinterpret_cast<const unsigned char*>(kSignedMessage.data());
  unsigned char sig[80];
  for (auto _ : state) {
    EVP_MD_CTX* md = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = EVP_PKEY_CTX_new_from_pkey(nullptr, k, nullptr);
    EVP_PKEY_CTX_set1_id(pctx, "1234567812345678", 16);
    EVP_MD_CTX_set_pkey_ctx(md, pctx);
    std::size_t len = sizeof sig;
    if (EVP_DigestSignInit(md, nullptr, EVP_sm3(), nullptr, k) != 1 ||
        EVP_DigestSign(md, sig, &len, data, kSignedMessage.size()) != 1)
      state.SkipWithError("sign failed");
    benchmark::DoNotOptimize(sig);
    EVP_MD_CTX_free(md);
    EVP_PKEY_CTX_free(pctx);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sm2SignPeer)->Threads(1)->Threads(2)->UseRealTime();

void BM_Sm2Sign(benchmark::State& state) {
  for (auto _ : state) {
    auto sig = key().sign(kSignedMessage);
    if (!sig) state.SkipWithError("sign failed");
    benchmark::DoNotOptimize(sig);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Sm2Sign)->Threads(1)->Threads(2)->UseRealTime();

void BM_VerifyCertificate(benchmark::State& state) {
  const std::string file = *rc::cert::write_certificate_ofd(content(), key(), kSignedAt);
  const std::vector<rc::cert::Sm2PublicKey> trusted{key().public_key()};
  for (auto _ : state) {
    auto v = rc::cert::verify_certificate_ofd(file, trusted);
    if (v.result != rc::cert::Verdict::kValid) state.SkipWithError("not valid");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VerifyCertificate)->Threads(1)->Threads(2)->UseRealTime();

}  // namespace
