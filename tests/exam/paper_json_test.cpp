#include "exam/paper_json.h"

#include <gtest/gtest.h>

#include "exam/exam_fixtures.h"

namespace rc::exam {
namespace {

using nlohmann::json;

struct PaperJsonTest : ::testing::Test {
  QuestionBank bank = QuestionBank::build("bank-t", testing::synthetic_items(24)).value();
  Blueprint bp = derive_blueprint(testing::proposal_weights(), testing::standard_paper()).value();
  Paper paper = generate_paper(bank, bp, PaperRequest{"s-1", "c-1", 18446744073709551615ull}).value();
};

TEST_F(PaperJsonTest, RoundTripsWithTheFullSeed) {
  const std::string text = paper_to_json(paper).dump();
  auto back = parse_paper_text(text);
  ASSERT_TRUE(back) << back.error().field << " " << back.error().message;
  EXPECT_EQ(back->request.seed, 18446744073709551615ull);
  EXPECT_EQ(canonical_paper_text(*back), canonical_paper_text(paper));
  EXPECT_EQ(back->seal, paper.seal);
  EXPECT_TRUE(verify_paper_against_bank(*back, bank));
}

TEST_F(PaperJsonTest, AnAlteredStoredPaperIsRefused) {
  json doc = paper_to_json(paper);
  doc["questions"][0]["key"] = (doc["questions"][0]["key"].get<int>() + 1) % 4;
  auto r = parse_paper_json(doc);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().field, "seal");
}

TEST_F(PaperJsonTest, RefusesMalformedDocuments) {
  struct Case {
    const char* pointer;
    json value;
    ErrorCode code;
    const char* field;
  } cases[] = {
      {"/format", "rc-exam-paper/2", ErrorCode::kUnknownEnumValue, "format"},
      {"/seed", 42, ErrorCode::kWrongType, "seed"},
      {"/seed", "042", ErrorCode::kInvalidValue, "seed"},
      {"/seed", "18446744073709551616", ErrorCode::kInvalidValue, "seed"},
      {"/candidate_id", "a|b", ErrorCode::kInvalidValue, "candidate_id"},
      {"/seal", "ABC", ErrorCode::kInvalidValue, "seal"},
      {"/questions/2/order", json::array({0, 0, 1, 2}), ErrorCode::kInvalidValue, "questions[2].order[1]"},
      {"/questions/2/order", json::array({0, 1, 2}), ErrorCode::kInvalidValue, "questions[2].order"},
      {"/questions/2/key", 4, ErrorCode::kInvalidValue, "questions[2].key"},
      {"/questions/90/key", 2, ErrorCode::kInvalidValue, "questions[90].key"},
      {"/questions/2/extra", true, ErrorCode::kInvalidValue, "questions[2].extra"},
      {"/questions/2/item_digest", "00", ErrorCode::kInvalidValue, "questions[2].item_digest"},
  };
  for (const auto& c : cases) {
    json doc = paper_to_json(paper);
    doc[json::json_pointer(c.pointer)] = c.value;
    auto r = parse_paper_json(doc);
    ASSERT_FALSE(r) << c.pointer;
    EXPECT_EQ(r.error().code, c.code) << c.pointer << " " << r.error().message;
    EXPECT_EQ(r.error().field, c.field) << c.pointer;
  }
}

}  // namespace
}  // namespace rc::exam

#include <fstream>
#include <sstream>

namespace rc::exam {
namespace {

// The fuzz seeds are real sealed papers, so the fuzzer starts from the accepting path.
TEST(PaperJsonSeeds, FuzzCorpusPapersVerify) {
  for (const char* name : {"paper0.json", "paper1.json"}) {
    std::ifstream in(std::string(RC_SOURCE_ROOT) + "/fuzz/corpus/exam_paper_json/" + name);
    std::stringstream text;
    text << in.rdbuf();
    auto p = parse_paper_text(text.str());
    EXPECT_TRUE(p) << name << ": " << (p ? "" : p.error().field + " " + p.error().message);
  }
}

}  // namespace
}  // namespace rc::exam
