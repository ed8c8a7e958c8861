// The transparency log's rows: the append protocol (lock, save state, entry, nodes), reading
// back, tree heads, the database refusing edits, gaps and shrinking, and concurrent appenders
// getting gap-free indices. Hashes here are stand-in bytes: the hashing is tested in
// tests/transparency and tests/app/transparency.
#include "store/transparency_log_repository.h"

#include <thread>

#include "sample_records.h"

namespace rc::store::testing {
namespace {

Bytes bytes32(int n) { return Bytes(32, static_cast<std::uint8_t>(n)); }

// One append as app::append_log_entry does it, with a stand-in frontier (size byte repeated).
Result<std::int64_t> append(Transaction& tx, const std::string& entry) {
  TransparencyLogRepository log(tx);
  auto state = log.lock_state();
  if (!state) return fail(state.error());
  const std::int64_t index = state->tree_size;
  if (auto s = log.save_state({index + 1, bytes32(static_cast<int>(index + 1))}); !s) return fail(s.error());
  if (auto e = log.insert_entry({index, entry, bytes32(static_cast<int>(index)), at_ms(index)}); !e) return fail(e.error());
  if (index % 2 == 1)
    if (auto n = log.insert_node(1, index / 2, bytes32(100 + static_cast<int>(index))); !n) return fail(n.error());
  return index;
}

Result<void> exec_sql(Database& db, const char* sql) {
  return db.transaction([&](Transaction& tx) -> Result<void> {
    tx.session() << sql;
    return ok();
  });
}

class TransparencyLogRepositoryTest : public StoreTest {};

TEST_P(TransparencyLogRepositoryTest, AppendsReadsBackAndKeepsNodes) {
  auto empty = db().read([](Transaction& tx) { return TransparencyLogRepository(tx).state(); });
  ASSERT_TRUE(empty) << empty.error().message;
  EXPECT_EQ(*empty, (LogStateRow{0, {}}));
  for (int i = 0; i < 5; ++i) {
    auto index = in_tx([&](Transaction& tx) { return append(tx, R"({"n":)" + std::to_string(i) + "}"); });
    ASSERT_TRUE(index);
    EXPECT_EQ(*index, i);
  }
  auto rows = db().read([](Transaction& tx) { return TransparencyLogRepository(tx).entries(1, 4); });
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (LogEntryRow{1, R"({"n":1})", bytes32(1), at_ms(1)}));
  EXPECT_EQ((*rows)[2].leaf_index, 3);
  db().read([&](Transaction& tx) -> Result<void> {
    TransparencyLogRepository log(tx);
    EXPECT_EQ(*log.state(), (LogStateRow{5, bytes32(5)}));
    EXPECT_EQ(*log.leaf_hash(4), bytes32(4));
    EXPECT_EQ(*log.leaf_hash(5), std::nullopt);
    EXPECT_EQ(*log.node(1, 1), bytes32(103));
    EXPECT_EQ(*log.node(1, 2), std::nullopt);
    return ok();
  });
}

TEST_P(TransparencyLogRepositoryTest, TreeHeadsAreUniquePerSizeAndListedInOrder) {
  for (int size : {0, 3, 7}) {
    ASSERT_TRUE(in_tx([&](Transaction& tx) {
      return TransparencyLogRepository(tx).insert_tree_head({size, bytes32(size), at_ms(size), Bytes{1, 2, 3}});
    }));
  }
  auto again = db().transaction([](Transaction& tx) {
    return TransparencyLogRepository(tx).insert_tree_head({3, bytes32(9), at_ms(9), Bytes{9}});
  });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  db().read([&](Transaction& tx) -> Result<void> {
    TransparencyLogRepository log(tx);
    auto latest = log.latest_tree_head();
    EXPECT_TRUE(latest && *latest);
    EXPECT_EQ(**latest, (TreeHeadRow{7, bytes32(7), at_ms(7), Bytes{1, 2, 3}}));
    auto listed = log.tree_heads(1, 10);
    EXPECT_EQ(listed->size(), 2u);
    EXPECT_EQ((*listed)[0].tree_size, 3);
    EXPECT_EQ(log.tree_heads(0, 1)->size(), 1u);
    return ok();
  });
}

TEST_P(TransparencyLogRepositoryTest, TheDatabaseRefusesEditsGapsAndShrinking) {
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return append(tx, "a"); }));
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return append(tx, "b"); }));
  ASSERT_TRUE(in_tx([&](Transaction& tx) {
    return TransparencyLogRepository(tx).insert_tree_head({2, bytes32(2), at_ms(2), Bytes{1}});
  }));
  for (const char* sql : {"UPDATE transparency_log_entries SET entry = 'forged'", "DELETE FROM transparency_log_entries",
                          "UPDATE transparency_log_nodes SET node_index = 5", "DELETE FROM transparency_log_nodes",
                          "UPDATE transparency_tree_heads SET signed_at = 0", "DELETE FROM transparency_tree_heads",
                          "UPDATE transparency_log_state SET tree_size = 1", "DELETE FROM transparency_log_state"}) {
    auto r = exec_sql(db(), sql);
    ASSERT_FALSE(r) << sql;
    EXPECT_EQ(r.error().code, ErrorCode::kConflict) << sql << ": " << r.error().message;
  }
  // An entry at any index but the one the state hands out is refused: no gaps, no reuse.
  for (std::int64_t index : {1, 3}) {
    auto gap = db().transaction([&](Transaction& tx) -> Result<void> {
      TransparencyLogRepository log(tx);
      if (auto s = log.save_state({3, bytes32(3)}); !s) return s;
      return log.insert_entry({index, "x", bytes32(0), at_ms(0)});
    });
    ASSERT_FALSE(gap) << index;
  }
  auto state = db().read([](Transaction& tx) { return TransparencyLogRepository(tx).state(); });
  EXPECT_EQ(state->tree_size, 2);
  auto rows = db().read([](Transaction& tx) { return TransparencyLogRepository(tx).entries(0, 10); });
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].entry, "a");
}

TEST_P(TransparencyLogRepositoryTest, ConcurrentAppendersGetGapFreeIndices) {
  constexpr int kThreads = 4, kEach = 15;
  std::atomic<int> failures{0};
  auto writer = [&](int t) {
    for (int i = 0; i < kEach; ++i) {
      auto r = db().transaction([&](Transaction& tx) { return append(tx, std::to_string(t) + ":" + std::to_string(i)); });
      if (!r) failures.fetch_add(1);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) threads.emplace_back(writer, t);
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto rows = db().read([](Transaction& tx) { return TransparencyLogRepository(tx).entries(0, 1000); });
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), static_cast<std::size_t>(kThreads * kEach));
  for (std::size_t i = 0; i < rows->size(); ++i) EXPECT_EQ((*rows)[i].leaf_index, static_cast<std::int64_t>(i));
}

RC_INSTANTIATE_STORE_TEST(TransparencyLogRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
