// The question bank tables (V009) on both backends: (code, version) unique and one live version
// per code, idempotent loads, filters and counts, and a version used by a sealed paper keeping its
// content in the database itself (only its review status may change; rows are never deleted).
#include <gtest/gtest.h>

#include "store/bank_item_repository.h"
#include "store/exam_paper_repository.h"
#include "store/sample_records.h"

namespace rc::store::testing {
namespace {

BankItemRow sample_item(const std::string& code, int version, const std::string& status = "reviewed") {
  BankItemRow r;
  r.code = code;
  r.version = version;
  r.kind = "single_choice";
  r.area = "first_aid";
  r.difficulty = 2;
  r.status = status;
  r.stem = "题干 " + code;
  r.options = {"甲", "乙", "丙", "丁"};
  r.answer = 2;
  r.digest = std::string(64, 'a');
  r.created_at = r.updated_at = kT0;
  return r;
}

class BankItemRepositoryTest : public StoreTest {};

TEST_P(BankItemRepositoryTest, VersionsAreUniqueAndOnlyOneIsLive) {
  auto v1 = in_tx([&](Transaction& tx) { return BankItemRepository(tx).insert(sample_item("SC-1", 1)); });
  ASSERT_TRUE(v1);
  auto same = db().transaction([&](Transaction& tx) { return BankItemRepository(tx).insert(sample_item("SC-1", 1, "retired")); });
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, ErrorCode::kConflict);
  auto second_live = db().transaction([&](Transaction& tx) { return BankItemRepository(tx).insert(sample_item("SC-1", 2, "draft")); });
  ASSERT_FALSE(second_live);
  EXPECT_EQ(second_live.error().code, ErrorCode::kConflict);
  auto retired_v2 = in_tx([&](Transaction& tx) { return BankItemRepository(tx).insert(sample_item("SC-1", 2, "retired")); });
  ASSERT_TRUE(retired_v2);
  // Loading again leaves what is there.
  auto again = in_tx([&](Transaction& tx) { return BankItemRepository(tx).insert_if_absent(sample_item("SC-1", 1, "draft")); });
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
  auto fresh = in_tx([&](Transaction& tx) { return BankItemRepository(tx).insert_if_absent(sample_item("TF-1", 1)); });
  ASSERT_TRUE(fresh);
  EXPECT_TRUE(*fresh);
  auto rows = db().read([&](Transaction& tx) { return BankItemRepository(tx).list({"", "", "reviewed"}); });
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].code, "SC-1");
  EXPECT_EQ((*rows)[0].options[2], "丙");
  EXPECT_EQ((*rows)[1].code, "TF-1");
  auto versions = db().read([&](Transaction& tx) { return BankItemRepository(tx).versions_of("SC-1"); });
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[1].status, "retired");
  auto counts = db().read([&](Transaction& tx) { return BankItemRepository(tx).counts(); });
  ASSERT_TRUE(counts);
  std::int64_t total = 0;
  for (const auto& c : *counts) total += c.count;
  EXPECT_EQ(total, 3);
}

TEST_P(BankItemRepositoryTest, AVersionASealedPaperUsesKeepsItsContent) {
  const Seeded s = seed_committed(db());
  auto id = in_tx([&](Transaction& tx) { return BankItemRepository(tx).insert(sample_item("SC-9", 1)); });
  ASSERT_TRUE(id);
  auto row = db().read([&](Transaction& tx) { return BankItemRepository(tx).find(*id); }).value();
  // Unused: edited in place.
  row.difficulty = 3;
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return BankItemRepository(tx).update(row); }));
  auto paper = in_tx([&](Transaction& tx) -> Result<Id> {
    auto p = ExamPaperRepository(tx).insert(
        ExamPaper{0, s.sitting, s.registration, AttemptKind::kFirst, R"({"questions":[]})", "1", "ab", "4", kT0});
    if (!p) return fail(p.error());
    if (auto u = BankItemRepository(tx).record_paper_items(*p, {{1, "SC-9", 1, row.digest}, {2, "SC-8", 1, row.digest}}); !u)
      return fail(u.error());
    return *p;
  });
  ASSERT_TRUE(paper);
  EXPECT_EQ(db().read([&](Transaction& tx) { return BankItemRepository(tx).papers_using("SC-9", 1); }).value(), 1);
  auto uses = db().read([&](Transaction& tx) { return BankItemRepository(tx).paper_items(*paper); });
  ASSERT_TRUE(uses);
  ASSERT_EQ(uses->size(), 2u);
  EXPECT_EQ((*uses)[1].code, "SC-8");
  // Used: the content, the tags and the explanation are refused by the database.
  for (int field = 0; field < 3; ++field) {
    auto changed = row;
    if (field == 0) changed.stem += "改";
    if (field == 1) changed.area = "trauma";
    if (field == 2) changed.explanation = "新的解析";
    auto refused = db().transaction([&](Transaction& tx) { return BankItemRepository(tx).update(changed); });
    ASSERT_FALSE(refused) << field;
    EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  }
  // The review status may change.
  row.status = "retired";
  ASSERT_TRUE(in_tx([&](Transaction& tx) { return BankItemRepository(tx).update(row); }));
  // Rows are never deleted, nor the record of which paper used them.
  EXPECT_FALSE(exec(db(), "DELETE FROM bank_items"));
  EXPECT_FALSE(exec(db(), "DELETE FROM exam_paper_items"));
  EXPECT_FALSE(exec(db(), "UPDATE exam_paper_items SET item_version = 2"));
}

RC_INSTANTIATE_STORE_TEST(BankItemRepositoryTest);

}  // namespace
}  // namespace rc::store::testing
