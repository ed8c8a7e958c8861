#include "app/sittings/seat_rights.h"

#include "app/results/candidate_history.h"
#include "domain/rules/engine.h"
#include "store/seat_plan_repository.h"
#include "store/sitting_repository.h"

namespace rc::app {
namespace {

struct Booked {
  bool theory = false, practical = false;
};

// Subjects the registration is already seated for at another sitting still to come.
Result<Booked> booked_elsewhere(store::Transaction& tx, const store::Registration& reg, const store::Sitting& sitting,
                                CivilDate today) {
  Booked b;
  auto seats = store::SeatPlanRepository(tx).list_by_registration(reg.id);
  if (!seats) return fail(seats.error());
  for (const auto& s : *seats) {
    if (s.sitting_id == sitting.id) continue;
    auto other = store::SittingRepository(tx).find(s.sitting_id);
    if (!other) return fail(other.error());
    const bool upcoming = other->held_on >= today && (other->status == store::SittingStatus::kPlanned ||
                                                      other->status == store::SittingStatus::kOpen);
    if (!upcoming) continue;
    b.theory = b.theory || s.theory_kind.has_value();
    b.practical = b.practical || s.practical_kind.has_value();
  }
  return b;
}

// The kind this subject may be sat with at the sitting, or nothing (with why).
std::optional<store::AttemptKind> subject_kind(const rules::SubjectDecision& d, CivilDate held_on, std::string& why) {
  switch (d.status) {
    case rules::SubjectStatus::kPending: return store::AttemptKind::kFirst;
    case rules::SubjectStatus::kRetakeAvailable:
      if (d.deadline && *d.deadline < held_on) {
        why = "补考须在 " + d.deadline->to_string() + " 前进行，该场次已超出期限（" + d.rule + "）";
        return std::nullopt;
      }
      if (d.kind == rules::SittingKind::kMakeup) return store::AttemptKind::kMakeup;
      if (d.kind == rules::SittingKind::kRetake) return store::AttemptKind::kRetake;
      why = "该科目的补考须在考试当天现场进行（R12b）";
      return std::nullopt;
    case rules::SubjectStatus::kOnsiteRetakeAvailable: why = "该科目的补考须在考试当天现场进行（R12b）"; return std::nullopt;
    case rules::SubjectStatus::kPassed: why = "该科目已合格"; return std::nullopt;
    default: why = "该科目已无考试资格（" + d.rule + "）"; return std::nullopt;
  }
}

}  // namespace

Result<SeatSubjects> seat_subjects(store::Transaction& tx, const PolicyCatalog& policies,
                                   const store::Registration& reg, const store::Candidate& candidate,
                                   const store::Sitting& sitting, CivilDate today) {
  SeatSubjects out;
  out.rule = "R12";
  auto history = candidate_history(tx, reg, candidate.birth_date, today);
  if (!history) return fail(history.error());
  auto decision = rules::evaluate(*history, policies);
  if (!decision) {
    out.reason = "无法判定考试资格：" + decision.error().message;
    return out;
  }
  if (decision->registration_status != rules::RegistrationStatus::kActive) {
    out.reason = decision->explanation.empty() ? "本次报名已无考试资格（R12）" : decision->explanation.back();
    return out;
  }
  auto booked = booked_elsewhere(tx, reg, sitting, today);
  if (!booked) return fail(booked.error());
  std::string why_theory, why_practical;
  if (sitting.theory_starts_at) {
    if (booked->theory) why_theory = "理论知识考试已安排在其他场次";
    else out.theory = subject_kind(decision->theory, sitting.held_on, why_theory);
  }
  if (sitting.practical_starts_at) {
    if (booked->practical) why_practical = "技能考核已安排在其他场次";
    else out.practical = subject_kind(decision->practical, sitting.held_on, why_practical);
  }
  if (!out.any()) {
    out.reason = !why_theory.empty() ? "理论知识考试：" + why_theory : "";
    if (!why_practical.empty()) out.reason += (out.reason.empty() ? "" : "；") + ("技能考核：" + why_practical);
    if (out.reason.empty()) out.reason = "该场次没有考生可以参加的科目（R12）";
  }
  return out;
}

}  // namespace rc::app
