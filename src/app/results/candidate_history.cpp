#include "app/results/candidate_history.h"

#include <algorithm>
#include <set>
#include <utility>

#include "app/results/result_publication.h"
#include "domain/rules/engine.h"
#include "store/attempt_repository.h"
#include "store/candidate_repository.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"

namespace rc::app {
namespace {

// The store keeps the same codes as the rules interface, so the mapping goes through the text.
Result<rules::Sitting> to_rules(const store::Attempt& a) {
  auto subject = rules::subject_from_code(store::to_text(a.subject));
  auto kind = rules::kind_from_code(store::to_text(a.kind));
  auto outcome = rules::outcome_from_code(store::to_text(a.outcome));
  if (!subject || !kind || !outcome)
    return fail(ErrorCode::kInvalidValue, "attempts", "考试记录无法识别（编号 " + std::to_string(a.id) + "）");
  rules::Sitting s{*subject, a.held_on, *kind, *outcome, std::nullopt};
  if (a.score_milli) s.score_milli = *a.score_milli;
  return s;
}

bool counts(const store::Registration& r, const store::Registration& target) {
  if (r.id == target.id) return true;
  return r.level == target.level && r.status == store::RegistrationStatus::kApproved &&
         r.registered_on <= target.registered_on && r.id < target.id;
}

// The score of the last passing attempt of a subject, if any.
std::optional<std::int32_t> passing_score(const std::vector<store::Attempt>& attempts, store::Subject subject) {
  std::optional<std::int32_t> score;
  for (const auto& a : attempts)
    if (a.subject == subject && a.outcome == store::Outcome::kPass) score = a.score_milli;
  return score;
}

}  // namespace

namespace {

// The history, and the target registration's own attempts (kept for the scores, so they are read once).
Result<std::pair<rules::History, std::vector<store::Attempt>>> history_and_attempts(store::Transaction& tx,
                                                                                  const store::Registration& target,
                                                                                  CivilDate birth_date,
                                                                                  CivilDate today) {
  auto all = store::RegistrationRepository(tx).list_by_candidate(target.candidate_id);
  if (!all) return fail(all.error());
  std::pair<rules::History, std::vector<store::Attempt>> out;
  rules::History& history = out.first;
  history.today = today;
  history.birth_date = birth_date;
  for (const auto& r : *all) {
    if (!counts(r, target)) continue;
    auto attempts = store::AttemptRepository(tx).list_by_registration(r.id);
    if (!attempts) return fail(attempts.error());
    rules::Registration reg{r.registered_on, r.fee_paid_fen >= r.fee_due_fen, {}};
    for (const auto& a : *attempts) {
      if (a.outcome == store::Outcome::kPending) continue;
      auto s = to_rules(a);
      if (!s) return fail(s.error());
      reg.sittings.push_back(*s);
    }
    history.registrations.push_back(std::move(reg));
    if (r.id == target.id) out.second = std::move(*attempts);
  }
  return out;
}

}  // namespace

Result<rules::History> candidate_history(store::Transaction& tx, const store::Registration& target,
                                         CivilDate birth_date, CivilDate today) {
  auto h = history_and_attempts(tx, target, birth_date, today);
  if (!h) return fail(h.error());
  return std::move(h->first);
}

Result<CertificateStanding> certificate_standing(store::Transaction& tx, const PolicyCatalog& policies,
                                                 store::Id registration_id, CivilDate today) {
  CertificateStanding s;
  auto reg = store::RegistrationRepository(tx).find(registration_id);
  if (!reg) return fail(reg.error());
  s.registration = *reg;
  auto candidate = store::CandidateRepository(tx).find(reg->candidate_id);
  if (!candidate) return fail(candidate.error());
  s.candidate = *candidate;
  auto history = history_and_attempts(tx, *reg, candidate->birth_date, today);
  if (!history) return fail(history.error());
  auto decision = rules::evaluate(history->first, policies);
  if (!decision) return fail(decision.error());
  s.decision = *decision;
  const auto& th = decision->theory;
  const auto& pr = decision->practical;
  if (decision->registration_status == rules::RegistrationStatus::kCompleted && th.passed_on && pr.passed_on)
    s.exam_on = std::max(*th.passed_on, *pr.passed_on);
  // R8, D17: a certificate waits until every sitting of the registration has its results
  // published (it would tell a result early otherwise); visibility as result_publication.h says.
  if (s.exam_on) {
    store::SittingRepository sittings(tx);
    std::set<store::Id> seen;
    s.results_published = true;
    for (const auto& a : history->second) {
      if (!seen.insert(a.sitting_id).second) continue;
      auto publication = sittings.publication_of(a.sitting_id);
      if (!publication) return fail(publication.error());
      std::optional<CivilDate> publish_on;
      if (*publication) publish_on = (*publication)->publish_on;
      if (!results_visible(publish_on, today)) s.results_published = false;
    }
  }
  s.theory_score_milli = passing_score(history->second, store::Subject::kTheory);
  s.practical_score_milli = passing_score(history->second, store::Subject::kPractical);
  return s;
}

Result<CertificateStanding> require_certificate_completed(store::Transaction& tx, const PolicyCatalog& policies,
                                                          store::Id registration_id, CivilDate today) {
  auto s = certificate_standing(tx, policies, registration_id, today);
  if (!s) return s;
  if (s->decision.registration_status != rules::RegistrationStatus::kCompleted || !s->decision.certificate_eligible ||
      !s->exam_on)
    return fail(ErrorCode::kCertificateNotCompleted, "registration_id",
                "该考生尚未取得两科均在有效期内的合格成绩（状态：" +
                    std::string(rules::code(s->decision.registration_status)) + "），不能发证（D6）",
                "D6");
  if (!s->results_published)
    return fail(ErrorCode::kCertificateNotCompleted, "registration_id",
                "该考生的考试成绩尚未公布，公布后方可备案发证（R8、D17）", "R8");
  return s;
}

}  // namespace rc::app
