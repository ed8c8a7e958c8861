#include "exam/marking.h"

#include <map>
#include <string>

namespace rc::exam {
namespace {

std::string at(std::string_view list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

Result<void> check_choice(const Paper& paper, std::size_t question, const Answer& choice, const std::string& field) {
  if (question >= paper.questions.size())
    return fail(ErrorCode::kInvalidValue, field, "题号超出范围：试卷共 " + std::to_string(paper.questions.size()) + " 题");
  if (choice && *choice >= choice_count(paper.questions[question].kind))
    return fail(ErrorCode::kInvalidValue, field,
                paper.questions[question].kind == ItemKind::kSingleChoice ? "单选题答案应为 A、B、C、D 之一"
                                                                          : "判断题答案应为“正确”或“错误”");
  return ok();
}

Result<void> check_composition(const Paper& paper, const TheoryPaper& scoring) {
  int sc = 0;
  int tf = 0;
  for (const PaperQuestion& q : paper.questions) {
    const bool single = q.kind == ItemKind::kSingleChoice;
    (single ? sc : tf) += 1;
    if (q.points != (single ? scoring.single_choice.points_each : scoring.true_false.points_each))
      return fail(ErrorCode::kConflict, "paper", "试卷的每题分值与政策规定不一致（R6）", "R6");
  }
  if (sc != scoring.single_choice.count || tf != scoring.true_false.count)
    return fail(ErrorCode::kConflict, "paper",
                "试卷题量（单选 " + std::to_string(sc) + "、判断 " + std::to_string(tf) + "）与政策规定（单选 " +
                    std::to_string(scoring.single_choice.count) + "、判断 " + std::to_string(scoring.true_false.count) +
                    "）不一致（R6）",
                "R6");
  return ok();
}

}  // namespace

Result<std::vector<Answer>> final_answers(const Paper& paper, std::span<const AnswerStep> steps) {
  std::vector<Answer> answers(paper.questions.size());
  std::map<std::pair<std::size_t, std::uint64_t>, Answer> seen;  // (question, sequence) -> choice
  std::vector<std::optional<std::uint64_t>> latest(paper.questions.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const AnswerStep& s = steps[i];
    if (auto r = check_choice(paper, s.question, s.choice, at("steps", i)); !r) return fail(r.error());
    auto [pos, fresh] = seen.emplace(std::pair{s.question, s.sequence}, s.choice);
    if (!fresh && pos->second != s.choice)
      return fail(ErrorCode::kConflict, at("steps", i),
                  "第 " + std::to_string(s.question + 1) + " 题的第 " + std::to_string(s.sequence) + " 次作答已保存为不同答案");
    if (!latest[s.question] || s.sequence > *latest[s.question]) {
      latest[s.question] = s.sequence;
      answers[s.question] = s.choice;
    }
  }
  return answers;
}

Result<PaperMark> mark_paper(const Paper& paper, std::span<const Answer> answers, const TheoryPaper& scoring) {
  if (auto r = verify_seal(paper); !r) return fail(r.error());
  if (auto r = validate_theory_paper(scoring); !r) return fail(r.error());
  if (auto r = check_composition(paper, scoring); !r) return fail(r.error());
  if (answers.size() != paper.questions.size())
    return fail(ErrorCode::kInvalidValue, "answers",
                "答案数量应与题目数量相同（" + std::to_string(paper.questions.size()) + "），实际为 " + std::to_string(answers.size()));
  PaperMark mark;
  mark.questions.reserve(answers.size());
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (auto r = check_choice(paper, i, answers[i], at("answers", i)); !r) return fail(r.error());
    const PaperQuestion& q = paper.questions[i];
    QuestionMark m;
    m.chosen = answers[i];
    if (answers[i]) m.option = q.order[*answers[i]];
    m.correct = answers[i] && *answers[i] == q.key;
    m.points = m.correct ? q.points : 0;
    if (m.correct) (q.kind == ItemKind::kSingleChoice ? mark.correct_single_choice : mark.correct_true_false) += 1;
    mark.questions.push_back(m);
  }
  auto score = score_theory(scoring, mark.correct_single_choice, mark.correct_true_false);
  if (!score) return fail(score.error());
  mark.score = *score;
  return mark;
}

}  // namespace rc::exam
