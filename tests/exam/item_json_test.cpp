#include "exam/item_json.h"

#include <gtest/gtest.h>

#include "exam/exam_fixtures.h"

namespace rc::exam {
namespace {

using nlohmann::json;

constexpr const char* kSingle = R"({"id":"SC-AID-001","version":2,"kind":"single_choice","area":"first_aid",
  "difficulty":1,"status":"reviewed","stem":"成人胸外按压的深度为：",
  "options":["3～4 cm","4～5 cm","5～6 cm","7～8 cm"],"answer":"C","explanation":"5～6 cm"})";

TEST(ItemJson, ParsesASingleChoiceItem) {
  auto it = parse_item_text(kSingle);
  ASSERT_TRUE(it) << it.error().message;
  EXPECT_EQ(it->id, "SC-AID-001");
  EXPECT_EQ(it->version, 2);
  EXPECT_EQ(it->area, KnowledgeArea::kFirstAid);
  EXPECT_EQ(it->key, 2);
  EXPECT_EQ(it->options[2], "5～6 cm");
  EXPECT_EQ(it->explanation, "5～6 cm");
}

TEST(ItemJson, ParsesATrueFalseItem) {
  auto it = parse_item_text(R"({"id":"TF-1","version":1,"kind":"true_false","area":"fire","difficulty":1,
    "status":"draft","stem":"火灾时可以乘坐电梯逃生。","answer":false})");
  ASSERT_TRUE(it) << it.error().message;
  EXPECT_EQ(it->kind, ItemKind::kTrueFalse);
  EXPECT_EQ(it->key, 1);
  EXPECT_EQ(it->status, ReviewStatus::kDraft);
}

struct Refusal {
  const char* change;  // JSON merge patch applied to kSingle
  ErrorCode code;
  const char* field;
};

TEST(ItemJson, RefusesMistakesWithFieldAndCode) {
  const Refusal cases[] = {
      {R"({"extra":1})", ErrorCode::kInvalidValue, "extra"},
      {R"({"version":"2"})", ErrorCode::kWrongType, "version"},
      {R"({"version":0})", ErrorCode::kInvalidValue, "version"},
      {R"({"kind":"multiple"})", ErrorCode::kUnknownEnumValue, "kind"},
      {R"({"area":"cpr"})", ErrorCode::kUnknownEnumValue, "area"},
      {R"({"status":"approved"})", ErrorCode::kUnknownEnumValue, "status"},
      {R"({"answer":"E"})", ErrorCode::kUnknownEnumValue, "answer"},
      {R"({"answer":true})", ErrorCode::kWrongType, "answer"},
      {R"({"options":["a","b","c"]})", ErrorCode::kInvalidValue, "options"},
      {R"({"options":["a","b","c",4]})", ErrorCode::kWrongType, "options[3]"},
      {R"({"stem":5})", ErrorCode::kWrongType, "stem"},
      {R"({"difficulty":9})", ErrorCode::kInvalidValue, "difficulty"},
      {R"({"id":"SC/1"})", ErrorCode::kInvalidValue, "id"},
  };
  for (const auto& c : cases) {
    json doc = json::parse(kSingle);
    doc.merge_patch(json::parse(c.change));
    auto r = parse_item(doc);
    ASSERT_FALSE(r) << c.change;
    EXPECT_EQ(r.error().code, c.code) << c.change << " " << r.error().message;
    EXPECT_EQ(r.error().field, c.field) << c.change;
  }
  json missing = json::parse(kSingle);
  missing.erase("answer");
  EXPECT_EQ(parse_item(missing).error().code, ErrorCode::kMissingField);
  EXPECT_EQ(parse_item(missing).error().field, "answer");
}

TEST(ItemJson, TrueFalseWithOptionsIsRefused) {
  auto r = parse_item_text(R"({"id":"TF-1","version":1,"kind":"true_false","area":"fire","difficulty":1,
    "status":"draft","stem":"s","options":["a","b","c","d"],"answer":true})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "options");
}

TEST(ItemJson, DuplicateKeysMalformedTextAndDepthAreRefused) {
  auto dup = parse_item_text(R"({"id":"A","id":"B"})");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().code, ErrorCode::kInvalidValue);
  EXPECT_EQ(dup.error().field, "id");
  EXPECT_NE(dup.error().message.find("重复"), std::string::npos);
  EXPECT_EQ(parse_item_text("{\"id\":").error().code, ErrorCode::kMalformedJson);
  EXPECT_EQ(parse_item_text(std::string(40, '[') + std::string(40, ']')).error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(parse_item_text("\"\xFF\"").error().code, ErrorCode::kMalformedJson);
}

TEST(BankJson, RoundTripsAndNamesTheItemAtFault) {
  BankDocument bank{"bank-1", "测试题库", "", {testing::single_choice("SC-1"), testing::true_false("TF-1")}};
  const std::string text = bank_to_json(bank).dump();
  auto back = parse_bank_text(text);
  ASSERT_TRUE(back) << back.error().message;
  ASSERT_EQ(back->items.size(), 2u);
  EXPECT_EQ(item_to_json(back->items[0]), item_to_json(bank.items[0]));
  EXPECT_EQ(item_to_json(back->items[1]), item_to_json(bank.items[1]));

  json doc = json::parse(text);
  doc["items"][1]["answer"] = "正确";
  auto r = parse_bank_text(doc.dump());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "items[1].answer");
}

TEST(BankJson, VersionsOfOneIdFollowTheRules) {
  Item v1 = testing::single_choice("SC-1");
  Item v2 = v1;
  v2.version = 2;
  v2.stem += "（修订）";
  EXPECT_EQ(check_bank_items({v1, v1}).error().field, "items[1]");
  EXPECT_EQ(check_bank_items({v1, v2}).error().code, ErrorCode::kConflict);  // two live versions
  v1.status = ReviewStatus::kRetired;
  EXPECT_TRUE(check_bank_items({v1, v2}));
}

}  // namespace
}  // namespace rc::exam
