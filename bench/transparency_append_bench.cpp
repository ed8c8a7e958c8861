// The transparency log (issue 4 benchmark): appends per second into SQLite, in transactions of
// 1..1000 entries (issuance appends in the same transaction as the certificate rows, one
// transaction per chunk), and proof generation at 100,000 leaves from the stored perfect-subtree
// nodes, against peers that only hash in memory (the same work with no store), so the ratio
// shows what the database costs. Results and the command: bench/README.md, "Transparency log".

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "app/transparency/log_entry.h"
#include "app/transparency/log_service.h"
#include "domain/common/clock.h"
#include "store/database.h"
#include "store/migrations.h"
#include "transparency/frontier.h"
#include "transparency/merkle_tree.h"
#include "transparency/verify.h"

namespace {

using rc::store::Database;
using rc::store::Transaction;

constexpr std::uint64_t kProofLeaves = 100000;

rc::app::LogEntry entry(std::uint64_t n) {
  return {"issue", "RC-DEMO-2026-" + std::to_string(1000000 + n), std::string(64, 'a' + n % 6), "",
          rc::store::Timestamp(std::chrono::milliseconds(1764288000000 + static_cast<long long>(n)))};
}

// A fresh migrated SQLite database file (WAL, synchronous=FULL as in production).
std::unique_ptr<Database> fresh_database(const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  auto db = Database::open("sqlite://" + path.string());
  if (!db) throw std::runtime_error(db.error().message);
  rc::SystemClock clock;
  if (auto m = rc::store::migrate(**db, clock); !m) throw std::runtime_error(m.error().message);
  return std::move(*db);
}

void append_batch(Database& db, std::uint64_t& next, std::uint64_t batch) {
  auto r = db.transaction([&](Transaction& tx) -> rc::Result<std::uint64_t> {
    for (std::uint64_t i = 0; i < batch; ++i, ++next) {
      auto e = entry(next);
      if (auto index = rc::app::append_log_entry(tx, e, e.at); !index) return index;
    }
    return next;
  });
  if (!r) throw std::runtime_error(r.error().message);
}

void BM_AppendSqlite(benchmark::State& state) {
  auto db = fresh_database("rc_log_append");
  const auto batch = static_cast<std::uint64_t>(state.range(0));
  std::uint64_t next = 0;
  for (auto _ : state) append_batch(*db, next, batch);
  state.SetItemsProcessed(static_cast<std::int64_t>(next));
  state.counters["tree_size"] = static_cast<double>(next);
}
BENCHMARK(BM_AppendSqlite)->Arg(1)->Arg(10)->Arg(100)->Arg(1000)->UseRealTime()->Unit(benchmark::kMicrosecond);

// The peer: canonical JSON + leaf hash + frontier append, no store.
void BM_AppendInMemoryPeer(benchmark::State& state) {
  rc::transparency::Frontier frontier;
  std::uint64_t n = 0;
  for (auto _ : state) {
    auto text = rc::app::canonical_log_entry(entry(n++));
    benchmark::DoNotOptimize(frontier.append(rc::transparency::leaf_hash(*text)));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(n));
}
BENCHMARK(BM_AppendInMemoryPeer);

// 100,000 leaves in the store and the same tree in memory, built once for the proof benchmarks.
struct BigLog {
  std::unique_ptr<Database> db = fresh_database("rc_log_proofs");
  rc::transparency::MemoryTree tree;
  BigLog() {
    std::uint64_t next = 0;
    while (next < kProofLeaves) append_batch(*db, next, 1000);
    for (std::uint64_t i = 0; i < kProofLeaves; ++i) tree.append(rc::transparency::leaf_hash(*rc::app::canonical_log_entry(entry(i))));
  }
};
BigLog& big_log() {
  static BigLog log;
  return log;
}

void BM_InclusionProof100k(benchmark::State& state) {
  auto& log = big_log();
  std::mt19937_64 rng(42);
  for (auto _ : state) {
    const std::uint64_t index = rng() % kProofLeaves;
    auto proof = log.db->read([&](Transaction& tx) { return rc::app::log_inclusion_proof(tx, index, kProofLeaves); });
    if (!proof) throw std::runtime_error(proof.error().message);
    benchmark::DoNotOptimize(proof->data());
  }
}
BENCHMARK(BM_InclusionProof100k)->Unit(benchmark::kMicrosecond);

void BM_ConsistencyProof100k(benchmark::State& state) {
  auto& log = big_log();
  std::mt19937_64 rng(7);
  for (auto _ : state) {
    const std::uint64_t first = 1 + rng() % (kProofLeaves - 1);
    auto proof = log.db->read([&](Transaction& tx) { return rc::app::log_consistency_proof(tx, first, kProofLeaves); });
    if (!proof) throw std::runtime_error(proof.error().message);
    benchmark::DoNotOptimize(proof->data());
  }
}
BENCHMARK(BM_ConsistencyProof100k)->Unit(benchmark::kMicrosecond);

// Peers: the same proofs from the in-memory tree, and checking one (what an auditor pays).
void BM_InclusionProofInMemoryPeer(benchmark::State& state) {
  auto& log = big_log();
  std::mt19937_64 rng(42);
  for (auto _ : state) benchmark::DoNotOptimize(log.tree.inclusion_proof(rng() % kProofLeaves, kProofLeaves).data());
}
BENCHMARK(BM_InclusionProofInMemoryPeer)->Unit(benchmark::kMicrosecond);

void BM_VerifyInclusion100k(benchmark::State& state) {
  auto& log = big_log();
  const std::uint64_t index = 31337;
  const auto proof = log.tree.inclusion_proof(index, kProofLeaves);
  const auto root = log.tree.root();
  for (auto _ : state)
    benchmark::DoNotOptimize(rc::transparency::verify_inclusion(index, kProofLeaves, log.tree.node({0, index}), proof, root));
}
BENCHMARK(BM_VerifyInclusion100k)->Unit(benchmark::kMicrosecond);

}  // namespace
