// The platform's HTTP API on a real server and a real database.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/http_client.h"
#include "support/platform_fixture.h"

namespace rc {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  testing::RunningPlatform p_;
};

TEST_F(ApiTest, HealthzReportsDatabaseAndPolicies) {
  auto r = testing::http_request(p_.port(), "GET", "/healthz");
  ASSERT_EQ(r.status, 200);
  auto doc = json::parse(r.body);
  EXPECT_EQ(doc["status"], "ok");
  EXPECT_EQ(doc["today"], "2026-11-28");
  EXPECT_NE(std::find(doc["policies"].begin(), doc["policies"].end(), "policy-2025"), doc["policies"].end());
  EXPECT_NE(std::find(doc["policies"].begin(), doc["policies"].end(), "policy-2026-09"), doc["policies"].end());
}

TEST_F(ApiTest, RulesEvaluateRefusesBadInputWith422AndNamesTheField) {
  auto malformed = testing::http_request(p_.port(), "POST", "/api/v1/rules/evaluate", "{oops");
  EXPECT_EQ(malformed.status, 422);
  EXPECT_EQ(json::parse(malformed.body)["error"]["code"], "input.malformed_json");

  auto bad_date = testing::http_request(
      p_.port(), "POST", "/api/v1/rules/evaluate",
      R"({"today":"2025-02-30","birth_date":"1990-03-07","registrations":[{"registered_on":"2025-02-01","fee_paid":true,"sittings":[]}]})");
  EXPECT_EQ(bad_date.status, 422);
  EXPECT_EQ(json::parse(bad_date.body)["error"]["field"], "today");

  auto wrong_type = testing::http_request(p_.port(), "POST", "/api/v1/rules/evaluate", "{}", "text/plain");
  EXPECT_EQ(wrong_type.status, 415);
}

TEST_F(ApiTest, RulesEvaluateCountsInMetrics) {
  (void)testing::http_request(p_.port(), "POST", "/api/v1/rules/evaluate", "[]");
  auto m = testing::http_request(p_.port(), "GET", "/metrics");
  EXPECT_NE(m.body.find("rescuecert_rules_evaluations_total{result=\"refused\"} 1"), std::string::npos) << m.body;
}

TEST_F(ApiTest, WrongMethodOnAKnownPathIs405WithAllow) {
  auto r = testing::http_request(p_.port(), "GET", "/api/v1/rules/evaluate");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers["allow"], "POST");
  EXPECT_EQ(json::parse(r.body)["error"]["code"], "http.method_not_allowed");
  EXPECT_EQ(testing::http_request(p_.port(), "DELETE", "/healthz").status, 405);
}

}  // namespace
}  // namespace rc
