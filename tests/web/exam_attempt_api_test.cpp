// The theory exam over real HTTP (issue 5): a candidate starts, saves (acknowledged after the
// commit, idempotent), reads the state back, submits; someone else's attempt is refused, every
// state-changing call needs the CSRF header, bad JSON gets 422 with a code, and after the
// deadline saves are refused and the attempt is timed out. The pages render the stored answers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/exam/exam_day_setup.h"
#include "support/http_client.h"
#include "support/role_sessions.h"

namespace rc {
namespace {

using nlohmann::json;
using testing::http_request;

class ExamAttemptApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    roles_ = testing::sign_in_every_role(p_);
    app::ExamDayOptions o;
    o.candidates = 2;
    o.sessions = true;
    auto day = app::set_up_exam_day(p_.platform(), o);
    ASSERT_TRUE(day) << day.error().message;
    day_ = std::move(*day);
  }

  testing::HttpResponse call(int who, const std::string& method, const std::string& target, const std::string& body = "",
                             bool csrf = true) {
    const auto& c = day_.candidates[static_cast<std::size_t>(who)];
    std::map<std::string, std::string> h{{"Cookie", "rc_session=" + c.session_token}};
    if (csrf) h["X-CSRF-Token"] = c.csrf_token;
    return http_request(p_.port(), method, target, body, "application/json", h);
  }

  std::string start(int who) {
    auto r = call(who, "POST", "/api/v1/exam/attempts",
                  json{{"paper", day_.candidates[static_cast<std::size_t>(who)].paper_id}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(json::parse(r.body)["attempt"].get<long long>());
  }

  // Moves the platform clock in steps the session survives (it ends after 30 idle minutes), each
  // followed by a state read as the exam page's poll does.
  void advance(int minutes, const std::string& attempt) {
    while (minutes > 0) {
      const int step = std::min(minutes, 20);
      p_.clock().set(p_.clock().now() + std::chrono::minutes(step));
      minutes -= step;
      for (int who = 0; who < 2; ++who) call(who, "GET", "/api/v1/exam/attempts/" + attempt);
    }
  }

  static std::string code(const testing::HttpResponse& r) {
    auto j = json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("error") ? j["error"]["code"].get<std::string>() : "";
  }

  testing::RunningPlatform p_;
  testing::RoleSessions roles_;
  app::ExamDay day_;
};

TEST_F(ExamAttemptApiTest, ACandidateStartsSavesResumesAndSubmits) {
  const auto a = start(0);
  auto again = call(0, "POST", "/api/v1/exam/attempts", json{{"paper", day_.candidates[0].paper_id}}.dump());
  EXPECT_EQ(again.status, 200) << again.body;
  auto saved = call(0, "POST", "/api/v1/exam/attempts/" + a + "/answers", R"({"question":2,"sequence":1,"choice":3})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto ack = json::parse(saved.body);
  EXPECT_EQ(ack["saved"], true);
  EXPECT_EQ(ack["question"], 2);
  EXPECT_EQ(ack["repeated"], false);
  auto repeated = call(0, "POST", "/api/v1/exam/attempts/" + a + "/answers", R"({"question":2,"sequence":1,"choice":3})");
  ASSERT_EQ(repeated.status, 200) << repeated.body;
  EXPECT_EQ(json::parse(repeated.body)["repeated"], true);
  auto conflicting =
      call(0, "POST", "/api/v1/exam/attempts/" + a + "/answers", R"({"question":2,"sequence":1,"choice":1})");
  EXPECT_EQ(conflicting.status, 409) << conflicting.body;
  EXPECT_EQ(code(conflicting), "exam.sequence_conflict");

  advance(30, a);
  auto state = call(0, "GET", "/api/v1/exam/attempts/" + a);
  ASSERT_EQ(state.status, 200) << state.body;
  auto s = json::parse(state.body);
  EXPECT_EQ(s["status"], "in_progress");
  EXPECT_EQ(s["remaining_seconds"], 70 * 60);
  ASSERT_EQ(s["answers"].size(), 1u);
  EXPECT_EQ(s["answers"][0]["choice"], 3);
  EXPECT_EQ(s["next_sequence"], 2);
  EXPECT_FALSE(s.contains("score"));

  auto page = call(0, "GET", "/me/exam/" + a);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("data-attempt=\"" + a + "\""), std::string::npos);
  EXPECT_NE(page.body.find("name=\"q2\" value=\"3\" checked"), std::string::npos);
  auto home = call(0, "GET", "/me/exam");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("继续作答"), std::string::npos);

  auto submitted = call(0, "POST", "/api/v1/exam/attempts/" + a + "/submit", "{}");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(json::parse(submitted.body)["status"], "submitted");
  EXPECT_EQ(json::parse(submitted.body)["marked"], true);
  auto late = call(0, "POST", "/api/v1/exam/attempts/" + a + "/answers", R"({"question":3,"sequence":2,"choice":0})");
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_EQ(code(late), "exam.closed");
  auto resubmit = call(0, "POST", "/api/v1/exam/attempts/" + a + "/submit", "{}");
  EXPECT_EQ(resubmit.status, 422) << resubmit.body;
  EXPECT_EQ(code(resubmit), "exam.closed");
}

TEST_F(ExamAttemptApiTest, OnlyTheOwnerAndOnlyWithTheCsrfHeader) {
  const auto a = start(0);
  const std::string save = R"({"question":1,"sequence":1,"choice":0})";
  auto other = call(1, "POST", "/api/v1/exam/attempts/" + a + "/answers", save);
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(call(1, "GET", "/api/v1/exam/attempts/" + a).status, 403);
  EXPECT_EQ(call(1, "POST", "/api/v1/exam/attempts/" + a + "/submit", "{}").status, 403);
  EXPECT_EQ(call(1, "POST", "/api/v1/exam/attempts", json{{"paper", day_.candidates[0].paper_id}}.dump()).status, 403);
  EXPECT_EQ(call(1, "GET", "/me/exam/" + a).status, 403);
  auto no_csrf = call(0, "POST", "/api/v1/exam/attempts/" + a + "/answers", save, false);
  EXPECT_EQ(no_csrf.status, 403) << no_csrf.body;
  EXPECT_EQ(code(no_csrf), "auth.csrf");
  const auto& station = roles_.by_role.at(store::Role::kStation);
  auto as_station = http_request(p_.port(), "POST", "/api/v1/exam/attempts/" + a + "/answers", save, "application/json",
                                 {{"Cookie", station.cookie}, {"X-CSRF-Token", station.csrf}});
  EXPECT_EQ(as_station.status, 403);
  auto nobody = http_request(p_.port(), "GET", "/api/v1/exam/attempts/" + a);
  EXPECT_EQ(nobody.status, 401);
}

TEST_F(ExamAttemptApiTest, BadJsonIsRefusedWithACode) {
  const auto a = start(0);
  const std::string path = "/api/v1/exam/attempts/" + a + "/answers";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"{not json", "input.malformed_json"},
      {R"({"question":1,"sequence":1})", "input.missing_field"},
      {R"({"question":"1","sequence":1,"choice":0})", "input.wrong_type"},
      {R"({"question":1,"sequence":1,"choice":9})", "input.invalid_value"},
      {R"({"question":1,"sequence":0,"choice":0})", "input.invalid_value"},
      {R"({"question":101,"sequence":1,"choice":0})", "input.invalid_value"},
      {R"({"question":1,"sequence":1,"choice":0,"extra":1})", "input.invalid_value"},
  };
  for (const auto& [body, expected] : cases) {
    auto r = call(0, "POST", path, body);
    EXPECT_EQ(r.status, 422) << body << " " << r.body;
    EXPECT_EQ(code(r), expected) << body;
  }
  auto state = json::parse(call(0, "GET", "/api/v1/exam/attempts/" + a).body);
  EXPECT_TRUE(state["answers"].empty());
}

TEST_F(ExamAttemptApiTest, AfterTheDeadlineSavesAreRefusedAndTheAttemptTimesOut) {
  const auto a = start(0);
  advance(99, a);
  // Past the deadline with the attempt still in progress (no poll timed it out yet): time_over.
  p_.clock().set(p_.clock().now() + std::chrono::minutes(1));
  auto late = call(0, "POST", "/api/v1/exam/attempts/" + a + "/answers", R"({"question":1,"sequence":1,"choice":0})");
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_EQ(code(late), "exam.time_over");
  // That save timed the attempt out: from now on it is closed.
  auto later = call(0, "POST", "/api/v1/exam/attempts/" + a + "/answers", R"({"question":1,"sequence":2,"choice":0})");
  EXPECT_EQ(later.status, 422) << later.body;
  EXPECT_EQ(code(later), "exam.closed");
  auto state = json::parse(call(0, "GET", "/api/v1/exam/attempts/" + a).body);
  EXPECT_EQ(state["status"], "timed_out");
  EXPECT_EQ(state["remaining_seconds"], 0);
  auto start_late = call(1, "POST", "/api/v1/exam/attempts", json{{"paper", day_.candidates[1].paper_id}}.dump());
  EXPECT_EQ(start_late.status, 422) << start_late.body;
}

}  // namespace
}  // namespace rc
