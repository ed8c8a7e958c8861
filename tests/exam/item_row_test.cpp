#include "exam/item_row.h"

#include <gtest/gtest.h>

#include "exam/exam_fixtures.h"

namespace rc::exam {
namespace {

std::vector<std::string> template_header() {
  std::vector<std::string> h;
  for (const auto& c : item_columns()) h.emplace_back(c.title);
  return h;
}

ItemRow row_of(std::vector<std::string> cells, int row = 5) {
  return item_row_from_cells(row, cells, map_item_header(template_header()));
}

TEST(ItemHeader, MatchesTitlesWithMarkersInAnyOrder) {
  auto h = map_item_header({" 答案 ", "题干*", "题目编号（必填）", "题型", "知识领域", "难度", "选项A", "选项B", "选项C", "选项D"});
  EXPECT_TRUE(h.errors.empty()) << h.errors[0].message;
  EXPECT_EQ(h.at(ItemColumn::kAnswer), 0);
  EXPECT_EQ(h.at(ItemColumn::kStem), 1);
  EXPECT_EQ(h.at(ItemColumn::kVersion), -1);  // optional
}

TEST(ItemHeader, ReportsUnknownDuplicateAndMissingColumns) {
  auto h = map_item_header({"题目编号", "题目编号", "分值"});
  std::vector<ErrorCode> codes;
  for (const auto& e : h.errors) codes.push_back(e.code);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), ErrorCode::kSheetUnknownColumn), 2);  // duplicate + 分值
  EXPECT_EQ(std::count(codes.begin(), codes.end(), ErrorCode::kSheetMissingColumn), 9);
}

TEST(ItemRowParse, ReadsASingleChoiceRowInChinese) {
  auto r = parse_item_row(row_of({"SC-AID-001", "单选题", "现场急救", "易", "", "已审核", " 成人胸外按压的深度为： ",
                                  "3～4 cm", "4～5 cm", "5～6 cm", "7～8 cm", "ｃ", ""}));
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_TRUE(r.item);
  EXPECT_EQ(r.item->key, 2);
  EXPECT_EQ(r.item->difficulty, 1);
  EXPECT_EQ(r.item->version, 1);
  EXPECT_EQ(r.item->status, ReviewStatus::kReviewed);
  EXPECT_EQ(r.item->stem, "成人胸外按压的深度为：");
}

TEST(ItemRowParse, TrueFalseRowDefaultsToDraft) {
  auto r = parse_item_row(row_of({"TF-1", "判断题", "火灾与灭火器", "2", "3", "", "火灾时可以乘坐电梯逃生。", "", "", "", "", "×", ""}));
  ASSERT_TRUE(r.item) << r.errors[0].message;
  EXPECT_EQ(r.item->key, 1);
  EXPECT_EQ(r.item->version, 3);
  EXPECT_EQ(r.item->status, ReviewStatus::kDraft);
}

TEST(ItemRowParse, ReportsEveryProblemOfTheRowWithRowAndColumn) {
  auto r = parse_item_row(row_of({"SC 1", "单选题", "急救", "9", "x", "通过", "", "a", "a", "", "d", "E", ""}, 12));
  EXPECT_FALSE(r.item);
  std::vector<std::string> fields;
  for (const auto& e : r.errors) fields.push_back(e.field);
  const std::vector<std::string> want{"题目编号", "知识领域", "难度", "版本", "审核状态", "题干", "选项B", "选项C", "答案"};
  EXPECT_EQ(fields, want);
  EXPECT_EQ(r.errors[0].message.rfind("第 12 行「题目编号」：", 0), 0u) << r.errors[0].message;
}

TEST(ItemRowParse, TrueFalseWithOptionsAndUnknownKind) {
  auto tf = parse_item_row(row_of({"TF-1", "判断", "基础知识", "1", "", "", "题干", "正确", "", "", "", "正确", ""}));
  ASSERT_EQ(tf.errors.size(), 1u);
  EXPECT_EQ(tf.errors[0].field, "选项A");
  auto kind = parse_item_row(row_of({"X-1", "多选题", "基础知识", "1", "", "", "题干", "", "", "", "", "A", ""}));
  ASSERT_EQ(kind.errors.size(), 1u);
  EXPECT_EQ(kind.errors[0].code, ErrorCode::kUnknownEnumValue);
}

TEST(ItemRowParse, ExportThenImportGivesTheSameItem) {
  for (const Item& it : {testing::single_choice("SC-9", KnowledgeArea::kTrauma, 3), testing::true_false("TF-9")}) {
    const auto cells = item_to_row(it);
    auto r = parse_item_row(ItemRow{2, cells});
    ASSERT_TRUE(r.item) << r.errors[0].message;
    EXPECT_TRUE(same_content(*r.item, it));
    EXPECT_EQ(r.item->area, it.area);
    EXPECT_EQ(r.item->status, it.status);
  }
}

}  // namespace
}  // namespace rc::exam

namespace rc::exam {
namespace {

// Found by fuzz/exam_item_row_fuzz: an unknown header holding invalid UTF-8 was quoted into the
// message, which then broke JSON rendering.
TEST(ItemHeader, NeverEchoesInvalidText) {
  auto h = map_item_header({"题目编号", "\xE9\xA2"});
  ASSERT_FALSE(h.errors.empty());
  EXPECT_TRUE(clean_text(h.errors[0].message)) << h.errors[0].message;
  EXPECT_EQ(h.errors[0].field, "第 2 列");
}

}  // namespace
}  // namespace rc::exam
