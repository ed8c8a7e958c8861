// Password hashing cost (R11): Argon2id at the platform's default cost, as the
// login path runs it (PasswordHasher, one worker thread, so the figure is per
// core), against the peer of a single SHA-256 of the same password: the ratio
// is the work factor an offline guesser faces. Figures and how to run:
// bench/README.md, "Passwords". The hashing runs on the hasher's worker thread, so CPU time is
// measured for the whole process (MeasureProcessCPUTime): per core, whatever else loads the machine.
#include <benchmark/benchmark.h>
#include <openssl/evp.h>

#include <array>
#include <string>

#include "identity/password_hasher.h"

namespace {

const std::string kPassword = "Rescue2025pass";

void BM_Argon2idHash(benchmark::State& state, rc::identity::PasswordCost cost) {
  rc::identity::PasswordHasher hasher(1, cost);
  for (auto _ : state) {
    auto encoded = hasher.hash(kPassword).get();
    if (!encoded) state.SkipWithError("hash failed");
    benchmark::DoNotOptimize(encoded);
  }
  state.counters["hashes/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_Argon2idHash, interactive, rc::identity::PasswordCost::kInteractive)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime();
BENCHMARK_CAPTURE(BM_Argon2idHash, min, rc::identity::PasswordCost::kMin)
    ->Unit(benchmark::kMicrosecond)
    ->MeasureProcessCPUTime();

void BM_Argon2idVerify(benchmark::State& state) {
  rc::identity::PasswordHasher hasher(1, rc::identity::PasswordCost::kInteractive);
  const std::string encoded = *hasher.hash(kPassword).get();
  for (auto _ : state) {
    auto right = hasher.verify(encoded, kPassword).get();
    if (!right || !*right) state.SkipWithError("verify failed");
  }
  state.counters["verifies/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Argon2idVerify)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

// The peer: what an unsalted fast hash would cost a guesser per try.
void BM_Sha256Peer(benchmark::State& state) {
  std::array<unsigned char, 32> digest{};
  for (auto _ : state) {
    unsigned int len = 0;
    EVP_Digest(kPassword.data(), kPassword.size(), digest.data(), &len, EVP_sha256(), nullptr);
    benchmark::DoNotOptimize(digest);
  }
  state.counters["hashes/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Sha256Peer);

}  // namespace
