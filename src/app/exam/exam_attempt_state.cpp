#include "app/exam/exam_attempt_state.h"

#include "app/exam/exam_paper_document.h"
#include "store/exam_attempt_repository.h"
#include "store/exam_paper_repository.h"
#include "store/sitting_repository.h"

namespace rc::app {
namespace {

Result<std::optional<std::int32_t>> published_score(store::Transaction& tx, const AttemptFacts& f, CivilDate today) {
  if (!f.attempt.score_milli) return std::optional<std::int32_t>{};
  auto publication = store::SittingRepository(tx).publication_of(f.owner.sitting_id);
  if (!publication) return fail(publication.error());
  if (!*publication || today < (*publication)->publish_on) return std::optional<std::int32_t>{};
  return f.attempt.score_milli;
}

}  // namespace

Result<ExamAttemptState> exam_attempt_state(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                            const Actor& actor, store::Id attempt_id, bool with_questions) {
  const auto now = clock.now();
  return db.read([&](store::Transaction& tx) -> Result<ExamAttemptState> {
    auto facts = load_attempt_facts(tx, policies, attempt_id);
    if (!facts) return fail(facts.error());
    if (auto own = require_attempt_owner(actor, *facts); !own) return fail(own.error());
    ExamAttemptState s;
    s.facts = std::move(*facts);
    s.remaining_seconds = remaining_seconds(s.facts, now);
    s.overdue = s.facts.attempt.status == store::ExamAttemptStatus::kInProgress && exam::timed_out(s.facts.window, now);
    store::ExamAttemptRepository attempts(tx);
    auto answers = attempts.latest_answers(attempt_id);
    if (!answers) return fail(answers.error());
    s.answers = std::move(*answers);
    auto max = attempts.max_sequence(attempt_id);
    if (!max) return fail(max.error());
    s.max_sequence = *max;
    if (with_questions) {
      auto paper = store::ExamPaperRepository(tx).find(s.facts.attempt.paper_id);
      if (!paper) return fail(paper.error());
      auto doc = paper_from_json_text(paper->paper_json);
      if (!doc) return fail(doc.error());
      auto views = exam_question_views(tx, *doc);
      if (!views) return fail(views.error());
      s.questions = std::move(*views);
    }
    auto score = published_score(tx, s.facts, china_date(now));
    if (!score) return fail(score.error());
    s.published_score_milli = *score;
    return s;
  });
}

nlohmann::json attempt_state_json(const ExamAttemptState& s) {
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& a : s.answers)
    answers.push_back({{"question", a.question_no}, {"sequence", a.sequence}, {"choice", a.choice}});
  const auto& a = s.facts.attempt;
  nlohmann::json out{{"attempt", a.id},
                     {"paper", a.paper_id},
                     {"status", std::string(store::to_text(a.status))},
                     {"status_label", std::string(attempt_status_label(a.status))},
                     {"remaining_seconds", s.remaining_seconds},
                     {"deadline_at", a.deadline_at.time_since_epoch().count()},
                     {"answers", std::move(answers)},
                     {"next_sequence", s.max_sequence + 1},
                     {"question_count", s.facts.owner.choice_counts.size()}};
  if (!s.questions.is_null()) out["questions"] = s.questions;
  if (s.published_score_milli) out["score"] = *s.published_score_milli / 1000.0;
  return out;
}

}  // namespace rc::app
