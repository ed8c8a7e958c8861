#include "domain/rules/subject_track.h"

namespace rc::rules {
namespace {

std::string subject_text(Subject s) { return std::string(name_zh(s)); }
std::string kind_text(SittingKind k) { return std::string(name_zh(k)); }

// The rule that grants a sitting of this kind.
std::string_view granting_rule(Subject subject, SittingKind kind) {
  switch (kind) {
    case SittingKind::kFirst: return subject == Subject::kTheory ? "R6" : "R7";
    case SittingKind::kMakeup: return "R12e";
    case SittingKind::kOnsiteRetake: return "R12b";
    case SittingKind::kRetake: return subject == Subject::kTheory ? "R12a" : "R12c";
  }
  return "R12";
}

Error no_right(std::string field, std::string message, std::string_view rule) {
  return make_error(ErrorCode::kNoRightForSitting, std::move(field),
                    std::move(message) + "（" + std::string(rule) + "）", std::string(rule));
}

}  // namespace

void SubjectTrack::advance_to(CivilDate date) {
  if (state_ != TrackState::kOpen) return;
  if (right_->kind == SittingKind::kOnsiteRetake && date > right_->cause) {
    // D4: no on-site retake on the day of the failure counts as a declined, i.e. failed, one; the
    // one-year retake of R12c then runs from that same day (D2, D3).
    RetakeRight r;
    r.kind = SittingKind::kRetake;
    r.cause = right_->cause;
    r.deadline = right_->cause.last_day_within_years(windows_.practical_retake_years);
    r.rule = "R12c";
    r.cause_kind = SittingKind::kOnsiteRetake;
    r.cause_outcome = Outcome::kDeclined;
    r.declined_by_default = true;
    right_ = r;
    rule_ = r.rule;
  }
  if (date > right_->deadline) {
    state_ = TrackState::kForfeited;  // not taken in time (R12a, R12c, R12e)
    rule_ = right_->rule;
  }
}

std::optional<CivilDate> SubjectTrack::next_lapse() const {
  if (state_ != TrackState::kOpen) return std::nullopt;
  return right_->deadline.plus_days(1);  // for an on-site retake the deadline is its own day
}

void SubjectTrack::expire() {
  state_ = TrackState::kExpired;
  rule_ = "D6";
}

void SubjectTrack::lose_to_ending(std::string_view rule) {
  if (state_ != TrackState::kPending && state_ != TrackState::kOpen) return;
  state_ = TrackState::kForfeited;
  rule_ = rule;
}

void SubjectTrack::open(SittingKind kind, CivilDate cause, std::string_view rule, const Sitting& by) {
  RetakeRight r;
  r.kind = kind;
  r.cause = cause;
  r.rule = rule;
  r.cause_kind = by.kind;
  r.cause_outcome = by.outcome;
  switch (kind) {
    case SittingKind::kOnsiteRetake: r.deadline = cause; break;  // same day (R12b)
    case SittingKind::kMakeup: r.deadline = cause.last_day_within_years(windows_.makeup_years); break;
    default:
      r.deadline = cause.last_day_within_years(subject_ == Subject::kTheory ? windows_.theory_retake_years
                                                                           : windows_.practical_retake_years);
  }
  right_ = r;
  state_ = TrackState::kOpen;
  rule_ = rule;
}

Result<void> SubjectTrack::attempt(const Sitting& s) {
  const bool makeup = s.kind == SittingKind::kMakeup;  // D7: a make-up is the subject's first attempt
  if (!makeup && s.outcome == Outcome::kAbsent) first_absent_on_ = s.date;
  switch (s.outcome) {
    case Outcome::kPass:
      state_ = TrackState::kPassed;
      passed_on_ = s.date;
      right_.reset();
      rule_ = "D6";
      break;
    case Outcome::kVoid: exhaust("D12"); break;
    case Outcome::kAbsent:
      if (makeup) exhaust("D5");  // absent from the make-up: used up, no new right
      else open(SittingKind::kMakeup, s.date, "R12e", s);
      break;
    default:  // kFail
      if (subject_ == Subject::kTheory) open(SittingKind::kRetake, s.date, "R12a", s);
      else open(SittingKind::kOnsiteRetake, s.date, "R12b", s);
  }
  return ok();
}

Result<void> SubjectTrack::check_right(const Sitting& s, const std::string& field) const {
  const std::string subj = subject_text(subject_);
  const std::string kind = kind_text(s.kind);
  const std::string_view grant = granting_rule(subject_, s.kind);
  switch (state_) {
    case TrackState::kPending:
      if (s.kind == SittingKind::kFirst) return ok();
      return fail(no_right(field + ".kind", subj + "尚未参加首次考试，不能参加" + kind, grant));
    case TrackState::kOpen: {
      const RetakeRight& r = *right_;
      if (s.kind == SittingKind::kOnsiteRetake && r.declined_by_default)
        return fail(no_right(field + ".date",
                             "现场补考只能在技能考核未通过的当天（" + r.cause.to_string() +
                                 "）进行；当天未记录现场补考，视为放弃，此后只能参加一年内的补考",
                             "D4"));
      if (s.kind != r.kind)
        return fail(no_right(field + ".kind",
                             subj + "目前只能参加" + kind_text(r.kind) + "（截至 " + r.deadline.to_string() + "），不能参加" + kind,
                             r.rule));
      if (s.kind != SittingKind::kOnsiteRetake && s.date <= r.cause)
        return fail(make_error(ErrorCode::kOutOfOrder, field + ".date",
                               kind + "须安排在 " + r.cause.to_string() + " 之后的考试场次（" + std::string(r.rule) + "）",
                               std::string(r.rule)));
      return ok();
    }
    case TrackState::kPassed:
      return fail(no_right(field + ".kind", subj + "已于 " + passed_on_->to_string() + " 通过，没有" + kind + "资格", grant));
    default:
      return fail(no_right(field + ".kind", subj + "在本次报名中已没有考试机会，须重新报名", rule_));
  }
}

Result<void> SubjectTrack::apply(const Sitting& s, const std::string& field) {
  if (s.outcome == Outcome::kDeclined && s.kind != SittingKind::kOnsiteRetake)
    return fail(ErrorCode::kInvalidValue, field + ".outcome", "只有现场补考可以记录为放弃（declined）（R12b，D4）", "D4");
  if (subject_ == Subject::kTheory && s.kind == SittingKind::kOnsiteRetake)
    return fail(ErrorCode::kInvalidValue, field + ".kind", "理论知识考试没有现场补考，现场补考只适用于技能考核（R12b）", "R12b");
  if (auto r = check_right(s, field); !r) return r;
  last_ = s;
  switch (s.kind) {
    case SittingKind::kFirst:
    case SittingKind::kMakeup: return attempt(s);
    case SittingKind::kOnsiteRetake:
      if (s.outcome == Outcome::kPass) return attempt(s);
      if (s.outcome == Outcome::kVoid) exhaust("D12");
      else open(SittingKind::kRetake, s.date, "R12c", s);  // failed, declined or absent (D4); D3
      return ok();
    case SittingKind::kRetake:
      if (s.outcome == Outcome::kPass) return attempt(s);
      if (s.outcome == Outcome::kVoid) exhaust("D12");
      else if (s.outcome == Outcome::kAbsent) exhaust("D5");
      else exhaust(subject_ == Subject::kTheory ? "D1" : "R12d");
      return ok();
  }
  return ok();
}

}  // namespace rc::rules
