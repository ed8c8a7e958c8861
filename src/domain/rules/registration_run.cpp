#include "domain/rules/registration_run.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "domain/eligibility/eligibility.h"

namespace rc::rules {

std::vector<std::size_t> canonical_order(const std::vector<Sitting>& sittings) {
  std::vector<std::size_t> order(sittings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto key = [&](std::size_t i) {
    const Sitting& s = sittings[i];
    return std::make_tuple(s.date, static_cast<int>(s.kind), static_cast<int>(s.subject), static_cast<int>(s.outcome));
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  return order;
}

RegistrationRun::RegistrationRun(const Registration& reg, std::size_t index, bool is_first, CivilDate birth_date,
                                 const Policy& policy)
    : reg_(reg),
      index_(index),
      is_first_(is_first),
      policy_(policy),
      theory_(Subject::kTheory, policy.windows),
      practical_(Subject::kPractical, policy.windows) {
  if (auto age = check_age(birth_date, reg.registered_on, policy); !age) ineligible_ = age.error();  // D14
}

std::string RegistrationRun::sitting_field(std::size_t j) const {
  return "registrations[" + std::to_string(index_) + "].sittings[" + std::to_string(j) + "]";
}

Result<void> RegistrationRun::check_dates(const std::vector<std::size_t>& order, CivilDate until, bool is_latest) const {
  for (std::size_t j : order) {
    const Sitting& s = reg_.sittings[j];
    if (s.date < reg_.registered_on)
      return fail(ErrorCode::kOutOfOrder, sitting_field(j) + ".date",
                  "考试日期 " + s.date.to_string() + " 早于报名日期 " + reg_.registered_on.to_string());
    if (s.date > until && is_latest)
      return fail(ErrorCode::kSittingAfterToday, sitting_field(j) + ".date",
                  "考试日期 " + s.date.to_string() + " 晚于评估日期 " + until.to_string() + "，不能评估尚未发生的考试");
    if (s.date > until)
      return fail(ErrorCode::kOutOfOrder, sitting_field(j) + ".date",
                  "考试日期 " + s.date.to_string() + " 晚于下一次报名日期 " + until.to_string() + "，应记在新的报名下");
  }
  return ok();
}

Result<void> RegistrationRun::replay(CivilDate until, bool is_latest) {
  const std::vector<std::size_t> order = canonical_order(reg_.sittings);
  if (auto r = check_dates(order, until, is_latest); !r) return r;
  // D14: an ineligible registration is never approved, so its sittings (which should not exist) do
  // not count; the decision says so instead of guessing what they would have meant.
  if (ineligible_) return ok();
  if (!reg_.fee_paid && !is_first_ && !reg_.sittings.empty())
    return fail(ErrorCode::kNoRightForSitting, "registrations[" + std::to_string(index_) + "].fee_paid",
                "重新报名须缴纳考务费并经审核后方可参加考试，该报名未缴费却有考试记录（D15）", "D15");
  for (std::size_t j : order) {
    const Sitting& s = reg_.sittings[j];
    advance_to(s.date);
    std::optional<CivilDate> last_day = void_on_ ? void_on_ : ending_ ? std::optional(ending_->last_day) : std::nullopt;
    if (last_day && s.date > *last_day)
      return fail(ErrorCode::kRegistrationEnded, sitting_field(j) + ".date",
                  "本次报名已于 " + last_day->to_string() + " 终止（" +
                      std::string(void_on_ ? std::string_view("R12f") : ending_->rule) +
                      "），之后不能再安排考试，须重新报名",
                  std::string(void_on_ ? std::string_view("R12f") : ending_->rule));
    if (auto r = mutable_track(s.subject).apply(s, sitting_field(j)); !r) return r;
    after_sitting(s);
  }
  advance_to(until);
  return ok();
}

void RegistrationRun::end(CivilDate last_day, std::string_view rule, Subject subject) {
  if (!ending_) ending_ = Ending{last_day, rule, subject};
}

void RegistrationRun::advance_to(CivilDate date) {
  // Step from one lapse to the next so that the first thing to end the registration is the one
  // recorded, and nothing changes after it (D6: a pass outliving the end stays a pass).
  while (!frozen()) {
    std::optional<CivilDate> next;
    for (const SubjectTrack* t : {&theory_, &practical_}) {
      auto n = t->next_lapse();
      if (n && (!next || *n < *next)) next = n;
    }
    for (const SubjectTrack* t : {&theory_, &practical_}) {
      const SubjectTrack& other = t == &theory_ ? practical_ : theory_;
      if (t->state() == TrackState::kPassed && other.state() != TrackState::kPassed) {
        CivilDate lapse = t->valid_until().plus_days(1);
        if (!next || lapse < *next) next = lapse;
      }
    }
    if (!next || *next > date) return;
    for (SubjectTrack* t : {&theory_, &practical_}) {
      t->advance_to(*next);
      if (t->state() == TrackState::kForfeited) end(t->right()->deadline, t->rule(), t->subject());
    }
    for (SubjectTrack* t : {&theory_, &practical_}) {
      const SubjectTrack& other = t == &theory_ ? practical_ : theory_;
      if (!ending_ && t->state() == TrackState::kPassed && other.state() != TrackState::kPassed &&
          t->valid_until() < *next) {
        t->expire();  // D6
        end(t->valid_until(), "D6", t->subject());
      }
    }
  }
}

void RegistrationRun::after_sitting(const Sitting& s) {
  const SubjectTrack& t = track(s.subject);
  if (t.state() == TrackState::kExhausted) end(s.date, t.rule(), s.subject);
  if (!ending_ && !completed_on_ && theory_.state() == TrackState::kPassed && practical_.state() == TrackState::kPassed)
    completed_on_ = s.date;  // both valid today: advance_to expired any lapsed pass first (D6)
  if (!ending_ && theory_.first_absent_on() == s.date && practical_.first_absent_on() == s.date)
    void_on_ = s.date;  // R12f: absent from both subjects at the first sitting
}

RegistrationStatus RegistrationRun::status() const {
  if (ineligible_) return RegistrationStatus::kIneligible;
  if (void_on_) return RegistrationStatus::kVoid;
  if (completed_on_) return RegistrationStatus::kCompleted;
  if (ending_) return RegistrationStatus::kEnded;
  return RegistrationStatus::kActive;
}

}  // namespace rc::rules
