#include "domain/rules/decide.h"

#include <cstdio>

namespace rc::rules {
namespace {

std::string S(std::string_view v) { return std::string(v); }
std::string D(CivilDate d) { return d.to_string(); }
std::string cite(std::string_view rule) { return "（" + S(rule) + "）"; }

// Everything decide() needs to know about one subject besides its track.
struct SubjectContext {
  const RegistrationRun& run;
  Subject subject;
  const SubjectTrack& other;
  bool lost_to_ending = false;  // a right or first attempt lost because the registration ended
};

std::int64_t fee_for(const Policy& p, SittingKind kind) {
  return kind == SittingKind::kMakeup ? p.fees.makeup_fee_fen : p.fees.retake_fee_fen;
}

std::string cause_text(const SubjectTrack& t, const RetakeRight& r) {
  const std::string subj = S(name_zh(t.subject()));
  if (r.kind == SittingKind::kMakeup) return subj + " " + D(r.cause) + " 缺考";
  if (r.cause_kind == SittingKind::kMakeup) return subj + " " + D(r.cause) + " 缺考补考未通过（D7）";
  if (r.cause_kind != SittingKind::kOnsiteRetake) return subj + " " + D(r.cause) + " 未通过";
  if (r.declined_by_default) return subj + " " + D(r.cause) + " 未通过且当天未参加现场补考，视为现场补考未通过（D4）";
  if (r.cause_outcome == Outcome::kDeclined) return subj + " " + D(r.cause) + " 放弃现场补考，视为现场补考未通过（D4）";
  if (r.cause_outcome == Outcome::kAbsent) return subj + " " + D(r.cause) + " 现场补考缺席，视为放弃（D4）";
  return subj + " " + D(r.cause) + " 现场补考未通过";
}

void describe_open(const SubjectContext& c, const SubjectTrack& t, SubjectDecision& out, std::string& line) {
  const RetakeRight& r = *t.right();
  const std::int64_t fee = fee_for(c.run.policy(), r.kind);
  out.kind = r.kind;
  out.deadline = r.deadline;
  out.free = fee == 0;
  out.cause = r.cause;
  std::string clip;
  if (c.other.state() == TrackState::kPassed && c.other.valid_until() < r.deadline) {
    out.deadline = c.other.valid_until();  // D6: the registration ends when the other pass lapses
    clip = "；" + S(name_zh(c.other.subject())) + "成绩有效期至 " + D(c.other.valid_until()) + "，D6";
  }
  const std::string price = fee == 0 ? "免费" : "";
  const std::string cost = fee == 0 ? "" : "，费用 " + yuan_text(fee);
  if (r.kind == SittingKind::kOnsiteRetake) {
    out.status = SubjectStatus::kOnsiteRetakeAvailable;
    line = cause_text(t, r) + "：可在当天现场补考一次" + cost + cite(r.rule);
  } else if (r.kind == SittingKind::kMakeup) {
    out.status = SubjectStatus::kRetakeAvailable;
    line = cause_text(t, r) + "：可在 " + D(*out.deadline) + " 前" + price + "参加缺考补考一次" + cost + cite(S(r.rule) + clip);
  } else {
    out.status = SubjectStatus::kRetakeAvailable;
    line = cause_text(t, r) + "：可在 " + D(*out.deadline) + " 前" + price + "补考一次" + cost + cite(S(r.rule) + clip);
  }
}

std::string exhausted_line(const SubjectTrack& t) {
  const std::string subj = S(name_zh(t.subject()));
  const Sitting& last = *t.last();
  if (t.rule() == "D12")
    return subj + " " + D(last.date) + " 因作弊或违纪成绩作废，按未通过处理，本次报名不再有补考机会（D12）";
  if (t.rule() == "D5")
    return subj + " " + D(last.date) + " " + S(name_zh(last.kind)) + "缺考：该次机会已用掉，不再另给补考（D5）";
  return subj + " " + D(last.date) + " 补考未通过：本次报名的考试机会已用完" + cite(t.rule());
}

SubjectDecision describe(const SubjectContext& c, const SubjectTrack& t, std::string& line) {
  SubjectDecision out;
  out.rule = S(t.rule());
  const std::string subj = S(name_zh(t.subject()));
  switch (t.state()) {
    case TrackState::kPending:
      out.status = SubjectStatus::kPending;
      out.rule = c.subject == Subject::kTheory ? "R6" : "R7";
      line = subj + "：尚未参加首次考试" + cite(out.rule);
      break;
    case TrackState::kOpen: describe_open(c, t, out, line); break;
    case TrackState::kPassed:
      out.status = SubjectStatus::kPassed;
      out.passed_on = t.passed_on();
      out.valid_until = t.valid_until();
      line = subj + " " + D(*t.passed_on()) + " 通过：成绩有效期至 " + D(t.valid_until()) + "（D6）";
      break;
    case TrackState::kExhausted:
      out.status = SubjectStatus::kExhausted;
      line = exhausted_line(t);
      break;
    case TrackState::kExpired:
      out.status = SubjectStatus::kExpired;
      out.passed_on = t.passed_on();
      out.valid_until = t.valid_until();
      line = subj + " " + D(*t.passed_on()) + " 的合格成绩已于 " + D(t.valid_until()) + " 到期，另一科未在有效期内通过（D6）";
      break;
    case TrackState::kForfeited:
      out.status = SubjectStatus::kForfeited;
      if (c.lost_to_ending) {
        line = subj + "：本次报名已终止，剩余的考试机会随之作废" + cite(t.rule());
      } else {
        const RetakeRight& r = *t.right();
        out.kind = r.kind;
        out.deadline = r.deadline;
        out.cause = r.cause;
        line = subj + " " + S(name_zh(r.kind)) + "期限 " + D(r.deadline) + " 已过，未参加：" + S(name_zh(r.kind)) + "资格作废" + cite(r.rule);
      }
      break;
  }
  return out;
}

std::string certificate_line(const Policy& p) {
  if (!p.certificate.validity_years) return "证书长期有效（" + p.id + "）";
  return "证书有效期 " + std::to_string(*p.certificate.validity_years) + " 年" + (p.certificate.provisional ? "（暂定）" : "") +
         "（" + p.id + "）";
}

void registration_lines(const RegistrationRun& run, Decision& d) {
  const Policy& p = run.policy();
  switch (d.registration_status) {
    case RegistrationStatus::kCompleted:
      d.explanation.push_back("两科均已通过，且第二科通过之日（" + D(*run.completed_on()) +
                              "）两项成绩均在有效期内：可申领证书，" + certificate_line(p) + "（D6）");
      break;
    case RegistrationStatus::kEnded:
      d.explanation.push_back("本次报名已终止：须重新报名全部科目并缴纳考务费" + cite(run.ending()->rule));
      break;
    case RegistrationStatus::kVoid:
      d.explanation.push_back("理论知识考试和技能考核 " + D(*run.void_on()) +
                              " 均缺考：本次考试无效，不能补考；须重新报名并缴纳考务费，新报名享有正常的补考机会（R12f，D9）");
      break;
    case RegistrationStatus::kIneligible:
      d.explanation.push_back(run.ineligibility()->message + (run.registration().sittings.empty() ? "" : "；该报名不予批准，其考试记录不予计算"));
      break;
    case RegistrationStatus::kActive:
      if (!run.registration().fee_paid && !run.is_first())
        d.explanation.push_back("重新报名的考务费（" + yuan_text(p.fees.exam_fee_fen) + "）尚未缴纳：缴费并经审核后方可参加考试（D15）");
      break;
  }
}

}  // namespace

std::string yuan_text(std::int64_t fen) {
  char buf[48];
  if (fen % 100 == 0) std::snprintf(buf, sizeof buf, "%lld 元", static_cast<long long>(fen / 100));
  else std::snprintf(buf, sizeof buf, "%lld.%02lld 元", static_cast<long long>(fen / 100), static_cast<long long>(fen % 100));
  return buf;
}

Decision decide(const RegistrationRun& run) {
  Decision d;
  d.policy_id = run.policy().id;
  d.registration_status = run.status();
  d.certificate_eligible = d.registration_status == RegistrationStatus::kCompleted;
  d.reregistration_required = d.registration_status == RegistrationStatus::kEnded ||
                              d.registration_status == RegistrationStatus::kVoid ||
                              d.registration_status == RegistrationStatus::kIneligible;
  SubjectTrack tracks[2] = {run.track(Subject::kTheory), run.track(Subject::kPractical)};
  bool lost[2] = {false, false};
  if (d.registration_status == RegistrationStatus::kEnded) {
    for (int i = 0; i < 2; ++i) {
      lost[i] = tracks[i].state() == TrackState::kPending || tracks[i].state() == TrackState::kOpen;
      tracks[i].lose_to_ending(run.ending()->rule);
    }
  }
  for (int i = 0; i < 2; ++i) {
    const Subject s = i == 0 ? Subject::kTheory : Subject::kPractical;
    SubjectDecision& out = i == 0 ? d.theory : d.practical;
    std::string line;
    if (d.registration_status == RegistrationStatus::kVoid) {
      out.status = SubjectStatus::kForfeited;
      out.rule = "R12f";
      continue;
    }
    if (d.registration_status == RegistrationStatus::kIneligible) {
      out.status = SubjectStatus::kPending;
      out.rule = "D14";
      continue;
    }
    out = describe(SubjectContext{run, s, tracks[1 - i], lost[i]}, tracks[i], line);
    d.explanation.push_back(std::move(line));
  }
  registration_lines(run, d);
  return d;
}

}  // namespace rc::rules
