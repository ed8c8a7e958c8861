#include "exam/item.h"

#include <gtest/gtest.h>

#include "exam/exam_fixtures.h"

namespace rc::exam {
namespace {

using testing::single_choice;
using testing::true_false;

TEST(ItemCodes, RoundTripEveryEnum) {
  for (KnowledgeArea a : all_areas()) {
    EXPECT_EQ(area_from_code(area_code(a)), a);
    EXPECT_EQ(area_from_name_zh(area_name_zh(a)), a);
  }
  for (ItemKind k : {ItemKind::kSingleChoice, ItemKind::kTrueFalse}) {
    EXPECT_EQ(kind_from_code(kind_code(k)), k);
    EXPECT_EQ(kind_from_name_zh(kind_name_zh(k)), k);
  }
  for (ReviewStatus s : {ReviewStatus::kDraft, ReviewStatus::kReviewed, ReviewStatus::kRetired}) {
    EXPECT_EQ(status_from_code(status_code(s)), s);
    EXPECT_EQ(status_from_name_zh(status_name_zh(s)), s);
  }
  EXPECT_FALSE(area_from_code("cpr"));
  EXPECT_EQ(all_areas().size(), kKnowledgeAreaCount);
}

TEST(ItemValidation, AcceptsWellFormedItems) {
  EXPECT_TRUE(validate_item(single_choice("SC-1")));
  EXPECT_TRUE(validate_item(true_false("TF-1")));
}

struct BadCase {
  const char* name;
  void (*spoil)(Item&);
  const char* field;
};

TEST(ItemValidation, RefusesEachBadFieldWithItsPath) {
  const BadCase cases[] = {
      {"empty id", [](Item& i) { i.id = ""; }, "items[3].id"},
      {"id with space", [](Item& i) { i.id = "SC 1"; }, "items[3].id"},
      {"version 0", [](Item& i) { i.version = 0; }, "items[3].version"},
      {"difficulty 6", [](Item& i) { i.difficulty = 6; }, "items[3].difficulty"},
      {"blank stem", [](Item& i) { i.stem = "  \n"; }, "items[3].stem"},
      {"control char", [](Item& i) { i.stem = std::string("a\x01") + "b"; }, "items[3].stem"},
      {"bad utf-8", [](Item& i) { i.stem = "\xE5\x8F"; }, "items[3].stem"},
      {"empty option", [](Item& i) { i.options[1] = ""; }, "items[3].options[1]"},
      {"duplicate option", [](Item& i) { i.options[3] = i.options[0]; }, "items[3].options"},
      {"key out of range", [](Item& i) { i.key = 4; }, "items[3].answer"},
  };
  for (const auto& c : cases) {
    Item it = single_choice("SC-1");
    c.spoil(it);
    auto r = validate_item(it, "items[3]");
    ASSERT_FALSE(r) << c.name;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidValue) << c.name;
    EXPECT_EQ(r.error().field, c.field) << c.name;
    EXPECT_FALSE(r.error().message.empty()) << c.name;
  }
}

TEST(ItemValidation, TrueFalseHasNoOptionsAndAKeyOfZeroOrOne) {
  Item it = true_false("TF-1");
  it.options[0] = "正确";
  auto r = validate_item(it);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "options");
  it = true_false("TF-1");
  it.key = 2;
  ASSERT_FALSE(validate_item(it));
}

TEST(CleanText, RejectsOverlongSurrogatesAndControls) {
  EXPECT_TRUE(clean_text("心肺复苏\t30:2\n"));
  EXPECT_FALSE(clean_text("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(clean_text("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(clean_text("\xF4\x90\x80\x80"));  // beyond U+10FFFF
  EXPECT_FALSE(clean_text("a\x7F"));
  EXPECT_FALSE(clean_text("a\rb"));
}

TEST(ItemRevision, ContentChangeNeedsTheNextVersion) {
  const Item before = single_choice("SC-1");
  Item after = before;
  after.difficulty = 4;  // metadata: same version
  EXPECT_TRUE(check_revision(before, after));
  after.stem += "（修订）";
  auto same = check_revision(before, after);
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, ErrorCode::kConflict);
  EXPECT_EQ(same.error().field, "version");
  after.version = 2;
  EXPECT_TRUE(check_revision(before, after));
  after.version = 3;
  EXPECT_FALSE(check_revision(before, after));
  Item renamed = before;
  renamed.id = "SC-2";
  EXPECT_EQ(check_revision(before, renamed).error().field, "id");
  Item bumped = before;
  bumped.version = 2;  // a new version with nothing changed is refused: versions mean content
  EXPECT_FALSE(check_revision(before, bumped));
}

}  // namespace
}  // namespace rc::exam
