// The log over the store, on SQLite and PostgreSQL: appends inside the caller's transaction,
// proofs from stored nodes equal to the in-memory tree's, signed heads published lazily, and
// the audit that `rescuecert log verify` runs: clean on an honest log, loud on a tampered one.
#include <gtest/gtest.h>

#include "app/transparency/log_audit.h"
#include "app/transparency/log_keys.h"
#include "app/transparency/log_service.h"
#include "cert/sm2.h"
#include "store/store_fixture.h"
#include "transparency/merkle_tree.h"
#include "transparency/verify.h"

namespace rc::app {
namespace {

using store::Transaction;
using store::testing::kT0;

store::Timestamp at(int ms) { return kT0 + std::chrono::milliseconds(ms); }

LogEntry entry(int n) {
  return {n % 3 == 2 ? "revoke" : "issue", "RC-DEMO-2026-" + std::to_string(100000 + n), std::string(64, 'a' + n % 6),
          n % 3 == 2 ? "信息有误" : "", at(n)};
}

class LogServiceTest : public store::testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    key_ = *cert::Sm2PrivateKey::generate();
    sign_ = *sm2_log_signer(key_.private_pem());
    check_ = *sm2_log_signature_check(key_.public_pem());
  }

  // Appends n entries one transaction each, mirroring them into an in-memory tree.
  void append(int n) {
    for (int i = 0; i < n; ++i) {
      const int k = static_cast<int>(mirror_.size());
      auto index = in_tx([&](Transaction& tx) { return append_log_entry(tx, entry(k), at(k)); });
      ASSERT_TRUE(index);
      ASSERT_EQ(*index, static_cast<std::uint64_t>(k));
      mirror_.append(transparency::leaf_hash(*canonical_log_entry(entry(k))));
    }
  }

  Result<void> exec(const std::string& sql) { return store::testing::exec(db(), sql); }

  cert::Sm2PrivateKey key_ = *cert::Sm2PrivateKey::generate();
  transparency::Signer sign_;
  transparency::SignatureCheck check_;
  transparency::MemoryTree mirror_;
};

TEST_P(LogServiceTest, ProofsFromTheStoreEqualTheInMemoryTree) {
  append(13);
  db().read([&](Transaction& tx) -> Result<void> {
    for (std::uint64_t n = 0; n <= 13; ++n) {
      EXPECT_EQ(*log_root(tx, n), mirror_.root(n)) << n;
      for (std::uint64_t i = 0; i < n; ++i) EXPECT_EQ(*log_inclusion_proof(tx, i, n), mirror_.inclusion_proof(i, n));
      for (std::uint64_t m = 1; m <= n; ++m) EXPECT_EQ(*log_consistency_proof(tx, m, n), mirror_.consistency_proof(m, n));
    }
    EXPECT_EQ(log_inclusion_proof(tx, 13, 13).error().field, "leaf_index");
    EXPECT_EQ(log_inclusion_proof(tx, 0, 14).error().field, "tree_size");
    EXPECT_EQ(log_consistency_proof(tx, 5, 4).error().field, "first");
    EXPECT_EQ(log_consistency_proof(tx, 1, 14).error().code, ErrorCode::kInvalidValue);
    return ok();
  });
}

TEST_P(LogServiceTest, ARolledBackIssuanceLeavesNoGapAndABadEntryWritesNothing) {
  append(2);
  auto rolled_back = db().transaction([&](Transaction& tx) -> Result<int> {
    if (auto i = append_log_entry(tx, entry(2), at(2)); !i) return fail(i.error());
    return fail(ErrorCode::kConflict, "certificate", "the certificate insert failed");
  });
  ASSERT_FALSE(rolled_back);
  LogEntry bad = entry(3);
  bad.kind = "edit";
  auto refused = db().transaction([&](Transaction& tx) { return append_log_entry(tx, bad, at(3)); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "kind");
  append(1);  // takes index 2, the one the rolled-back issuance had
  EXPECT_EQ(*db().read([](Transaction& tx) { return log_size(tx); }), 3u);
}

TEST_P(LogServiceTest, TreeHeadsAreSignedOncePerSizeAndVerify) {
  auto empty = publish_tree_head(db(), sign_, at(0));
  ASSERT_TRUE(empty) << empty.error().message;
  EXPECT_EQ(empty->head.tree_size, 0u);
  EXPECT_EQ(empty->head.root_hash, transparency::empty_root());
  append(5);
  auto first = publish_tree_head(db(), sign_, at(100));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->head, (transparency::TreeHead{5, mirror_.root(), at(100)}));
  EXPECT_TRUE(transparency::verify_tree_head(*first, check_));
  auto again = publish_tree_head(db(), sign_, at(200));  // nothing new: the same head
  EXPECT_EQ(*again, *first);
  append(1);
  auto second = publish_tree_head(db(), sign_, at(50));  // a clock that went back
  EXPECT_EQ(second->head.timestamp, at(100));
  auto heads = db().read([](Transaction& tx) { return list_tree_heads(tx, 0, 10); });
  ASSERT_EQ(heads->size(), 3u);
  EXPECT_EQ((*heads)[1], *first);
}

TEST_P(LogServiceTest, TheAuditPassesOnAnHonestLog) {
  append(9);
  ASSERT_TRUE(publish_tree_head(db(), sign_, at(10)));
  append(8);
  ASSERT_TRUE(publish_tree_head(db(), sign_, at(20)));
  auto report = audit_stored_log(db(), check_);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->consistent()) << report->to_json().dump();
  EXPECT_EQ(report->entries_checked, 17u);
  EXPECT_EQ(report->tree_heads_checked, 2u);
  EXPECT_EQ(report->consistency_proofs_checked, 1u);
  EXPECT_GT(report->inclusion_proofs_checked, 0u);
  EXPECT_EQ(report->to_json()["result"], "consistent");
}

TEST_P(LogServiceTest, TheAuditCatchesARewrittenEntryAndAForeignSignature) {
  append(6);
  ASSERT_TRUE(publish_tree_head(db(), sign_, at(10)));
  append(3);
  ASSERT_TRUE(publish_tree_head(db(), sign_, at(20)));
  // Someone with the database's owner rights switches the append-only guard off.
  const bool pg = backend() == store::Backend::kPostgresql;
  ASSERT_TRUE(exec(pg ? "ALTER TABLE transparency_log_entries DISABLE TRIGGER USER"
                      : "DROP TRIGGER transparency_log_entries_no_update"));
  ASSERT_TRUE(exec("UPDATE transparency_log_entries SET entry = replace(entry, 'RC-DEMO', 'XX-DEMO') WHERE leaf_index = 3"));
  auto report = audit_stored_log(db(), check_);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->consistent());
  EXPECT_EQ(report->to_json()["result"], "inconsistent");
  ASSERT_FALSE(report->problems.empty());
  EXPECT_NE(report->problems[0].find("条目 3"), std::string::npos) << report->problems[0];

  auto other = *cert::Sm2PrivateKey::generate();
  auto foreign = audit_stored_log(db(), *sm2_log_signature_check(other.public_pem()));
  ASSERT_TRUE(foreign);
  EXPECT_GE(foreign->problem_count, 2u + report->problem_count);  // both heads' signatures fail too
}

RC_INSTANTIATE_STORE_TEST(LogServiceTest);

}  // namespace
}  // namespace rc::app
