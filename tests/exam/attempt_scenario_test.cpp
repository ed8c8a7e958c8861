// Attempt scenarios as data (tests/exam/data/attempt_scenarios.json): the pure pieces an attempt
// is made of — timing (check_answer_time), saved steps (final_answers) and marking — composed the
// way the app's attempt workflow composes them, one scenario per fixture.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "exam/marking.h"
#include "exam/timing.h"
#include "exam/exam_fixtures.h"

namespace rc::exam {
namespace {

using nlohmann::json;
using std::chrono::seconds;

json scenarios() {
  std::ifstream in(std::string(RC_SOURCE_ROOT) + "/tests/exam/data/attempt_scenarios.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

Answer answer_for(const PaperQuestion& q, const std::string& how) {
  if (how == "right") return q.key;
  if (how == "wrong") return static_cast<std::uint8_t>((q.key + 1) % choice_count(q.kind));
  if (how == "blank") return std::nullopt;
  ADD_FAILURE() << "unknown answer " << how;
  return std::nullopt;
}

void run(const json& sc, const Paper& paper) {
  const Instant start = Instant{} + std::chrono::hours(24 * 20527);
  const auto window = make_attempt_window(start, sc["duration_minutes"].get<int>(), seconds(sc["extension_seconds"].get<int>())).value();
  std::vector<AnswerStep> accepted;
  std::vector<int> refused;
  std::vector<bool> touched(paper.questions.size(), false);
  const json& steps = sc["steps"];
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const json& s = steps[i];
    const auto q = s["question"].get<std::size_t>();
    if (!check_answer_time(window, start + seconds(s["at_seconds"].get<int>()))) {
      refused.push_back(static_cast<int>(i));
      continue;
    }
    accepted.push_back(AnswerStep{q, s["sequence"].get<std::uint64_t>(), answer_for(paper.questions[q], s["answer"])});
    touched[q] = true;
  }
  auto answers = final_answers(paper, accepted).value();
  const int right_first = sc["right_first"].get<int>();
  for (std::size_t q = 0; q < answers.size(); ++q)
    if (!touched[q])
      answers[q] = answer_for(paper.questions[q], static_cast<int>(q) < right_first ? "right" : sc["default"].get<std::string>());
  const auto mark = mark_paper(paper, answers, testing::standard_paper()).value();
  EXPECT_EQ(mark.score.points, sc["expect"]["score"].get<int>());
  EXPECT_EQ(mark.score.passed, sc["expect"]["passed"].get<bool>());
  EXPECT_EQ(refused, sc["expect"]["refused_steps"].get<std::vector<int>>());
}

TEST(AttemptScenarios, EveryFixtureGivesItsExpectedResult) {
  const auto bank = QuestionBank::build("bank-t", testing::synthetic_items(24)).value();
  const auto bp = derive_blueprint(testing::proposal_weights(), testing::standard_paper()).value();
  const Paper paper = generate_paper(bank, bp, PaperRequest{"sitting-1", "cand-1", 20260315}).value();
  const json all = scenarios();
  ASSERT_GE(all["scenarios"].size(), 8u);
  for (const json& sc : all["scenarios"]) {
    SCOPED_TRACE(sc["name"].get<std::string>());
    run(sc, paper);
  }
}

}  // namespace
}  // namespace rc::exam
