#pragma once
// SubjectTrack: one subject (theory or practical) within one registration, driven forward by that
// subject's sittings in date order. It owns the per-subject rules: R12a–e, D1, D3, D4, D5, D7, D12
// and the D2 windows. What involves both subjects — R12f (void), D6 expiry and completion, D8
// (parallel rights are simply two tracks) — belongs to RegistrationRun.
//
// Usage: for each sitting in chronological order, advance_to(sitting.date) then apply(sitting);
// finally advance_to(evaluation date). Not thread-safe; one per evaluation.

#include <optional>
#include <string>
#include <string_view>

#include "domain/common/civil_date.h"
#include "domain/common/result.h"
#include "domain/policy/policy.h"
#include "domain/rules/history.h"

namespace rc::rules {

// The right to one more attempt at a subject.
struct RetakeRight {
  SittingKind kind = SittingKind::kRetake;  // kMakeup, kOnsiteRetake or kRetake
  CivilDate cause;                          // the failed or missed attempt that created it (D2)
  CivilDate deadline;                       // inclusive last day; the cause day for an on-site retake
  std::string_view rule;                    // "R12a", "R12b", "R12c" or "R12e"
  SittingKind cause_kind = SittingKind::kFirst;
  Outcome cause_outcome = Outcome::kFail;
  bool declined_by_default = false;  // D4: no on-site retake recorded on the day of the failure
};

enum class TrackState { kPending, kOpen, kPassed, kExhausted, kForfeited, kExpired };

class SubjectTrack {
 public:
  SubjectTrack(Subject subject, const RetakeWindows& windows) : subject_(subject), windows_(windows) {}

  // Lets time pass until `date` (inclusive of nothing after it): an on-site retake not taken on its
  // day counts as declined and opens the R12c retake (D4); a right whose deadline is before `date`
  // is forfeited (R12a, R12c, R12e).
  void advance_to(CivilDate date);
  // One sitting of this subject, after advance_to(s.date). `field` is the sitting's path
  // ("registrations[0].sittings[2]"); errors name field + ".kind" / ".date" / ".outcome".
  [[nodiscard]] Result<void> apply(const Sitting& s, const std::string& field);
  // D6: this pass lapsed before the other subject passed.
  void expire();
  // The registration ended for another reason (rule): what was still open here is lost.
  void lose_to_ending(std::string_view rule);

  Subject subject() const { return subject_; }
  TrackState state() const { return state_; }
  // The open right; when forfeited, the right that lapsed (if one did).
  const std::optional<RetakeRight>& right() const { return right_; }
  std::optional<CivilDate> passed_on() const { return passed_on_; }
  // REQUIRES: passed_on().
  CivilDate valid_until() const { return passed_on_->last_day_within_years(windows_.pass_validity_years); }
  std::string_view rule() const { return rule_; }
  // The last sitting applied (the one that decided the current state, unless time did).
  const std::optional<Sitting>& last() const { return last_; }
  // The date of this subject's `first` sitting when it was recorded absent (for R12f).
  std::optional<CivilDate> first_absent_on() const { return first_absent_on_; }
  // The first date on which advance_to would change this track, if any.
  std::optional<CivilDate> next_lapse() const;

 private:
  Result<void> attempt(const Sitting& s);  // a first attempt or a make-up (D7)
  void open(SittingKind kind, CivilDate cause, std::string_view rule, const Sitting& by);
  void exhaust(std::string_view rule) {
    state_ = TrackState::kExhausted;
    rule_ = rule;
  }
  Result<void> check_right(const Sitting& s, const std::string& field) const;

  Subject subject_;
  RetakeWindows windows_;
  TrackState state_ = TrackState::kPending;
  std::optional<RetakeRight> right_;
  std::optional<CivilDate> passed_on_;
  std::optional<Sitting> last_;
  std::optional<CivilDate> first_absent_on_;
  std::string_view rule_ = "";
};

}  // namespace rc::rules
