// RapidCheck properties of papers and marking: any seed gives a paper that follows the blueprint
// with distinct reviewed items, remapped keys and a verifying seal; the score is the count of right
// answers whatever they are; the final answers do not depend on the order steps arrive in.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>

#include "exam/exam_fixtures.h"
#include "exam/marking.h"
#include "exam/paper.h"

namespace rc::exam {
namespace {

const QuestionBank& bank() {
  static const QuestionBank b = QuestionBank::build("bank-p", testing::synthetic_items(21)).value();
  return b;
}
const Blueprint& blueprint() {
  static const Blueprint b = derive_blueprint(testing::proposal_weights(), testing::standard_paper()).value();
  return b;
}

RC_GTEST_PROP(PaperProperties, AnySeedGivesAValidSealedPaper, (std::uint64_t seed)) {
  auto p = generate_paper(bank(), blueprint(), PaperRequest{"s", "c", seed});
  RC_ASSERT(p.has_value());
  RC_ASSERT(p->questions.size() == 100u);
  std::set<std::string> ids;
  for (const auto& q : p->questions) {
    RC_ASSERT(ids.insert(q.item_id).second);
    const Item* it = bank().find(q.item_id, q.item_version);
    RC_ASSERT(it != nullptr);
    RC_ASSERT(static_cast<int>(q.order[q.key]) == it->key);
  }
  RC_ASSERT(verify_paper_against_bank(*p, bank()).has_value());
}

RC_GTEST_PROP(PaperProperties, ScoreIsTheNumberOfRightAnswers, (std::uint64_t seed)) {
  const Paper p = generate_paper(bank(), blueprint(), PaperRequest{"s", "c", seed}).value();
  const auto how = *::rc::gen::container<std::vector<int>>(p.questions.size(), ::rc::gen::inRange(0, 3));
  std::vector<Answer> answers;
  int right = 0;
  for (std::size_t i = 0; i < p.questions.size(); ++i) {
    const auto& q = p.questions[i];
    if (how[i] == 0) answers.emplace_back(q.key), ++right;
    else if (how[i] == 1) answers.emplace_back(static_cast<std::uint8_t>((q.key + 1) % choice_count(q.kind)));
    else answers.emplace_back(std::nullopt);
  }
  const auto m = mark_paper(p, answers, testing::standard_paper());
  RC_ASSERT(m.has_value());
  RC_ASSERT(m->score.points == right);
  RC_ASSERT(m->score.passed == (right >= 60));
  RC_ASSERT(mark_paper(p, answers, testing::standard_paper())->score.points == right);  // idempotent
}

RC_GTEST_PROP(PaperProperties, FinalAnswersIgnoreArrivalOrder, ()) {
  static const Paper p = generate_paper(bank(), blueprint(), PaperRequest{"s", "c", 1}).value();
  // Distinct (question, sequence) pairs, so no step conflicts with another.
  const auto keys = *::rc::gen::container<std::set<std::pair<int, int>>>(
      ::rc::gen::pair(::rc::gen::inRange(0, 100), ::rc::gen::inRange(0, 50)));
  std::vector<AnswerStep> steps;
  for (const auto& [q, s] : keys) {
    const auto n = static_cast<int>(choice_count(p.questions[static_cast<std::size_t>(q)].kind));
    const int c = (q * 7 + s * 3) % (n + 1);
    steps.push_back(AnswerStep{static_cast<std::size_t>(q), static_cast<std::uint64_t>(s),
                               c == n ? Answer{} : Answer{static_cast<std::uint8_t>(c)}});
  }
  const auto rank = *::rc::gen::container<std::vector<int>>(steps.size(), ::rc::gen::arbitrary<int>());
  std::vector<std::size_t> idx(steps.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) { return std::pair{rank[x], x} < std::pair{rank[y], y}; });
  std::vector<AnswerStep> shuffled;
  for (std::size_t i : idx) shuffled.push_back(steps[i]);
  auto a = final_answers(p, steps);
  auto b = final_answers(p, shuffled);
  RC_ASSERT(a.has_value() && b.has_value());
  RC_ASSERT(*a == *b);
}

}  // namespace
}  // namespace rc::exam
