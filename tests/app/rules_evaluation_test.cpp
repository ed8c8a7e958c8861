// The rules interface end to end: every worked example in shared/scenarios through
// evaluate_rules_document (subset match of `expected`), and bad documents refused with the right
// code and field.
#include "app/rules_evaluation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/scenario_files.h"

namespace rc::app {
namespace {

using nlohmann::json;

const PolicyCatalog& catalog() {
  static const PolicyCatalog c = PolicyCatalog::embedded().value();
  return c;
}

using rc::testing::read_scenario;
using rc::testing::scenario_files;

// Every key of `expected` is in `actual` with the same value; objects are matched recursively.
void expect_subset(const json& expected, const json& actual, const std::string& path) {
  if (expected.is_object()) {
    ASSERT_TRUE(actual.is_object()) << path << " should be an object in " << actual.dump();
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const std::string p = path + "." + it.key();
      ASSERT_TRUE(actual.contains(it.key())) << p << " missing";
      expect_subset(*it, actual.at(it.key()), p);
    }
    return;
  }
  EXPECT_EQ(expected, actual) << "at " << path;
}

class Scenario : public ::testing::TestWithParam<std::string> {};

TEST_P(Scenario, MatchesExpected) {
  const json file = read_scenario(GetParam());
  const json& expected = file.at("expected");
  auto result = evaluate_rules_document(file.at("input").dump(), catalog());
  if (expected.contains("error") && expected.at("error") == true) {
    ASSERT_FALSE(result.has_value()) << "accepted: " << result->dump(2);
    EXPECT_FALSE(result.error().field.empty());
    EXPECT_FALSE(result.error().message.empty());
    return;
  }
  ASSERT_TRUE(result.has_value()) << result.error().field << ": " << result.error().message;
  expect_subset(expected, *result, "$");
  // Every decision cites a rule and explains itself.
  EXPECT_FALSE(result->at("explanation").empty());
  for (const char* s : {"theory", "practical"}) EXPECT_FALSE(result->at("subjects").at(s).at("rule").get<std::string>().empty());
}

INSTANTIATE_TEST_SUITE_P(AllScenarios, Scenario, ::testing::ValuesIn(scenario_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param.substr(0, info.param.size() - 5);
                           std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return n;
                         });

TEST(ScenarioFolder, IsNotEmpty) { EXPECT_GE(scenario_files().size(), 14u); }

// The README example of RULES.md, exactly.
TEST(RulesDocument, RendersTheInterfaceExample) {
  const char* doc = R"({"today":"2026-03-01","birth_date":"1990-03-07","registrations":[{"registered_on":"2025-02-01","fee_paid":true,"sittings":[
    {"subject":"theory","date":"2025-03-15","kind":"first","outcome":"fail","score":52},
    {"subject":"practical","date":"2025-03-15","kind":"first","outcome":"pass","score":81.5}]}]})";
  auto r = evaluate_rules_document(doc, catalog());
  ASSERT_TRUE(r) << r.error().message;
  const json expected = json::parse(R"({
    "policy": "policy-2025", "registration_status": "active", "certificate_eligible": false, "reregistration_required": false,
    "subjects": {
      "theory": {"status": "retake_available", "kind": "retake", "deadline": "2026-03-14", "free": true, "rule": "R12a"},
      "practical": {"status": "passed", "passed_on": "2025-03-15", "valid_until": "2026-03-14", "rule": "D6"}}})");
  for (auto it = expected.begin(); it != expected.end(); ++it) EXPECT_EQ(*it, r->at(it.key())) << it.key();
  EXPECT_EQ(r->at("explanation").at(0), "理论知识考试 2025-03-15 未通过：可在 2026-03-14 前免费补考一次（R12a）");
  EXPECT_EQ(r->size(), 6u);  // exactly the keys of the interface
}

struct BadInput {
  const char* name;
  std::string doc;
  ErrorCode code;
  std::string field;
};

std::string with_sitting(const std::string& sitting) {
  return R"({"today":"2025-04-20","birth_date":"1990-03-07","registrations":[{"registered_on":"2025-02-01","fee_paid":true,"sittings":[)" +
         sitting + "]}]}";
}

class BadDocument : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadDocument, IsRefusedNamingTheField) {
  const BadInput& b = GetParam();
  auto r = evaluate_rules_document(b.doc, catalog());
  ASSERT_FALSE(r.has_value()) << r->dump();
  EXPECT_EQ(code_name(r.error().code), code_name(b.code)) << r.error().message;
  EXPECT_EQ(r.error().field, b.field) << r.error().message;
  EXPECT_FALSE(r.error().message.empty());
}

const std::string kFirstPass = R"({"subject":"theory","date":"2025-03-15","kind":"first","outcome":"pass"})";

INSTANTIATE_TEST_SUITE_P(
    Refusals, BadDocument,
    ::testing::Values(
        BadInput{"malformed", "{\"today\": ", ErrorCode::kMalformedJson, "$"},
        BadInput{"not_object", "[1,2]", ErrorCode::kWrongType, "$"},
        BadInput{"empty", "", ErrorCode::kMalformedJson, "$"},
        BadInput{"missing_today", R"({"birth_date":"1990-03-07","registrations":[]})", ErrorCode::kMissingField, "today"},
        BadInput{"bad_today", R"({"today":"2025-02-30","birth_date":"1990-03-07","registrations":[]})", ErrorCode::kInvalidDate, "today"},
        BadInput{"today_number", R"({"today":20250220,"birth_date":"1990-03-07","registrations":[]})", ErrorCode::kWrongType, "today"},
        BadInput{"unknown_top_key", R"({"today":"2025-04-20","birth_date":"1990-03-07","registrations":[],"extra":1})",
                 ErrorCode::kInvalidValue, "extra"},
        BadInput{"duplicate_key", R"({"today":"2025-04-20","today":"2025-04-21","birth_date":"1990-03-07","registrations":[]})",
                 ErrorCode::kInvalidValue, "today"},
        BadInput{"nested_duplicate_key",
                 R"({"today":"2025-04-20","birth_date":"1990-03-07","registrations":[{"registered_on":"2025-02-01","fee_paid":true,"fee_paid":false,"sittings":[]}]})",
                 ErrorCode::kInvalidValue, "registrations[0].fee_paid"},
        BadInput{"huge_number", R"({"today":"2025-04-20","birth_date":"1990-03-07","registrations":[],"x":1e999})", ErrorCode::kMalformedJson, "$"},
        BadInput{"no_registrations", R"({"today":"2025-04-20","birth_date":"1990-03-07","registrations":[]})",
                 ErrorCode::kNoRegistrations, "registrations"},
        BadInput{"registrations_not_array", R"({"today":"2025-04-20","birth_date":"1990-03-07","registrations":{}})",
                 ErrorCode::kWrongType, "registrations"},
        BadInput{"fee_paid_string",
                 R"({"today":"2025-04-20","birth_date":"1990-03-07","registrations":[{"registered_on":"2025-02-01","fee_paid":"yes","sittings":[]}]})",
                 ErrorCode::kWrongType, "registrations[0].fee_paid"},
        BadInput{"unknown_subject", with_sitting(R"({"subject":"swimming","date":"2025-03-15","kind":"first","outcome":"pass"})"),
                 ErrorCode::kUnknownEnumValue, "registrations[0].sittings[0].subject"},
        BadInput{"unknown_kind", with_sitting(R"({"subject":"theory","date":"2025-03-15","kind":"second","outcome":"pass"})"),
                 ErrorCode::kUnknownEnumValue, "registrations[0].sittings[0].kind"},
        BadInput{"unknown_outcome", with_sitting(R"({"subject":"theory","date":"2025-03-15","kind":"first","outcome":"great"})"),
                 ErrorCode::kUnknownEnumValue, "registrations[0].sittings[0].outcome"},
        BadInput{"sitting_unknown_key", with_sitting(R"({"subject":"theory","date":"2025-03-15","kind":"first","outcome":"pass","room":3})"),
                 ErrorCode::kInvalidValue, "registrations[0].sittings[0].room"},
        BadInput{"score_too_high", with_sitting(R"({"subject":"theory","date":"2025-03-15","kind":"first","outcome":"pass","score":100.5})"),
                 ErrorCode::kScoreOutOfRange, "registrations[0].sittings[0].score"},
        BadInput{"score_string", with_sitting(R"({"subject":"theory","date":"2025-03-15","kind":"first","outcome":"pass","score":"90"})"),
                 ErrorCode::kWrongType, "registrations[0].sittings[0].score"},
        BadInput{"sitting_in_future", with_sitting(R"({"subject":"theory","date":"2025-04-21","kind":"first","outcome":"pass"})"),
                 ErrorCode::kSittingAfterToday, "registrations[0].sittings[0].date"},
        BadInput{"sitting_before_registration", with_sitting(R"({"subject":"theory","date":"2025-01-31","kind":"first","outcome":"pass"})"),
                 ErrorCode::kOutOfOrder, "registrations[0].sittings[0].date"},
        BadInput{"retake_without_right", with_sitting(kFirstPass + R"(,{"subject":"theory","date":"2025-04-01","kind":"retake","outcome":"pass"})"),
                 ErrorCode::kNoRightForSitting, "registrations[0].sittings[1].kind"},
        BadInput{"theory_onsite", with_sitting(R"({"subject":"theory","date":"2025-03-15","kind":"onsite_retake","outcome":"pass"})"),
                 ErrorCode::kInvalidValue, "registrations[0].sittings[0].kind"},
        BadInput{"declined_first", with_sitting(R"({"subject":"practical","date":"2025-03-15","kind":"first","outcome":"declined"})"),
                 ErrorCode::kInvalidValue, "registrations[0].sittings[0].outcome"},
        BadInput{"unknown_policy",
                 R"({"policy":"policy-1999","today":"2025-04-20","birth_date":"1990-03-07","registrations":[{"registered_on":"2025-02-01","fee_paid":true,"sittings":[]}]})",
                 ErrorCode::kUnknownPolicy, "policy"},
        BadInput{"too_deep", std::string(100, '[') + std::string(100, ']'), ErrorCode::kTooLarge, "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"},
        BadInput{"too_large", std::string(kMaxRulesDocumentBytes + 1, ' '), ErrorCode::kTooLarge, "$"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

TEST(RulesDocument, TooManySittingsIsTooLarge) {
  std::string sittings;
  for (int i = 0; i < 51; ++i) sittings += std::string(i ? "," : "") + kFirstPass;
  auto r = evaluate_rules_document(with_sitting(sittings), catalog());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(r.error().field, "registrations[0].sittings");
}

TEST(RulesDocument, ScoreIsInformativeAndNullAllowed) {
  auto r = evaluate_rules_document(
      with_sitting(R"({"subject":"theory","date":"2025-03-15","kind":"first","outcome":"pass","score":null},
                     {"subject":"practical","date":"2025-03-15","kind":"first","outcome":"pass","score":12.5})"),
      catalog());
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->at("registration_status"), "completed");  // the outcome decides, not the score
}

TEST(RulesDocument, ParseKeepsScoreInThousandths) {
  auto h = parse_rules_document(with_sitting(R"({"subject":"practical","date":"2025-03-15","kind":"first","outcome":"pass","score":81.55})"));
  ASSERT_TRUE(h);
  EXPECT_EQ(h->registrations[0].sittings[0].score_milli, 81550);
}

TEST(RulesDocument, ErrorsRenderAsValidUtf8Json) {
  // A long multi-byte value is quoted in the message cut at a character boundary.
  std::string subject;
  for (int i = 0; i < 50; ++i) subject += "科目";
  auto r = evaluate_rules_document(with_sitting(R"({"subject":")" + subject + R"(","date":"2025-03-15","kind":"first","outcome":"pass"})"),
                                   catalog());
  ASSERT_FALSE(r);
  const json rendered{{"m", r.error().message}, {"f", r.error().field}};
  EXPECT_NO_THROW((void)rendered.dump());
}

}  // namespace
}  // namespace rc::app
