#include "app/results/appeals.h"

#include "app/results/candidate_history.h"
#include "app/results/result_publication.h"
#include "app/results/result_views.h"
#include "app/rules_evaluation.h"
#include "sheet/text_encoding.h"
#include "store/appeal_repository.h"
#include "store/attempt_repository.h"
#include "store/registration_repository.h"
#include "store/result_repository.h"

namespace rc::app {
namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

Result<std::string> reason_text(const std::string& raw, const char* field) {
  std::string r = trimmed(raw);
  if (r.empty()) return fail(ErrorCode::kMissingField, field, "请填写原因");
  // Characters, not bytes: the limits are for people writing Chinese.
  if (sheet::utf8_length(r) > 500) return fail(ErrorCode::kInvalidValue, field, "原因不能超过 500 字");
  return r;
}

Result<std::vector<AppealListing>> listings(store::Transaction& tx, Result<std::vector<store::Appeal>> appeals) {
  if (!appeals) return fail(appeals.error());
  std::vector<AppealListing> out;
  for (auto& a : *appeals) {
    auto row = store::ResultRepository(tx).by_attempt(a.attempt_id);
    if (!row) return fail(row.error());
    out.push_back({std::move(a), std::move(*row)});
  }
  return out;
}

}  // namespace

std::string_view appeal_status_label(store::AppealStatus s) {
  switch (s) {
    case store::AppealStatus::kPending: return "待复核";
    case store::AppealStatus::kUpheld: return "维持原成绩";
    case store::AppealStatus::kCorrected: return "成绩已更正";
  }
  return "";
}

Result<store::Id> request_appeal(store::Database& db, const Clock& clock, const Actor& actor,
                                 const AppealRequest& request) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "role", "只有考生本人可以申请成绩复核");
  auto reason = reason_text(request.reason, "reason");
  if (!reason) return fail(reason.error());
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    auto row = store::ResultRepository(tx).by_attempt(request.attempt_id);
    if (!row) return fail(row.error());
    if (row->candidate_id != actor.entity_id) return fail(ErrorCode::kNotFound, "attempt_id", "成绩不存在");
    if (!results_visible(row->publish_on, today))
      return fail(ErrorCode::kResultNotPublished, "attempt_id", "成绩尚未公布，公布后才能申请复核（R8、D17）", "R8");
    const CivilDate last = row->publish_on->plus_days(kAppealWindowDays - 1);
    if (today > last)
      return fail(ErrorCode::kAppealWindowClosed, "attempt_id",
                  "成绩复核须在成绩公布后 " + std::to_string(kAppealWindowDays) + " 天内申请（截止 " + last.to_string() +
                      "），已过期限（D13）",
                  "D13");
    if (row->attempt.outcome == store::Outcome::kPending)
      return fail(ErrorCode::kWrongState, "attempt_id", "该科目尚未评分，不能申请复核");
    store::AppealRepository appeals(tx);
    auto existing = appeals.find_by_attempt(request.attempt_id);
    if (!existing) return fail(existing.error());
    if (*existing) return fail(ErrorCode::kAppealExists, "attempt_id", "该科目成绩已申请过复核，每科成绩只能申请一次（D13）", "D13");
    store::Appeal a;
    a.attempt_id = request.attempt_id;
    a.registration_id = row->attempt.registration_id;
    a.reason = *reason;
    a.requested_at = now;
    a.requested_by = actor.user_id;
    auto id = appeals.insert(a);
    if (!id) return fail(id.error());
    nlohmann::json detail{{"attempt_id", request.attempt_id},
                          {"subject", std::string(store::to_text(row->attempt.subject))},
                          {"appeal_window_last_day", last.to_string()}};
    if (auto au = audit(tx, actor, now, {"appeal.request", "appeal", *id, detail}); !au) return fail(au.error());
    return *id;
  });
}

Result<AppealOutcome> decide_appeal(store::Database& db, const PolicyCatalog& policies, const Clock& clock,
                                    const Actor& actor, const AppealDecision& decision) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "role", "只有鉴定站可以登记复核结果");
  auto reason = reason_text(decision.reason, "reason");
  if (!reason) return fail(reason.error());
  if (decision.corrected &&
      (!decision.new_score_milli || *decision.new_score_milli < 0 || *decision.new_score_milli > 100000))
    return fail(ErrorCode::kInvalidValue, "new_score", "更正后的成绩须在 0 到 100 分之间");
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  return db.transaction([&](store::Transaction& tx) -> Result<AppealOutcome> {
    store::AppealRepository appeals(tx);
    auto appeal = appeals.find(decision.appeal_id);
    if (!appeal) return fail(appeal.error());
    auto row = store::ResultRepository(tx).by_attempt(appeal->attempt_id);
    if (!row) return fail(row.error());
    if (row->station_id != actor.entity_id) return fail(ErrorCode::kForbidden, "appeal_id", "该复核申请不属于本鉴定站");
    if (appeal->status != store::AppealStatus::kPending)
      return fail(ErrorCode::kWrongState, "appeal_id", "该复核申请已登记结果");
    AppealOutcome out;
    const auto status = decision.corrected ? store::AppealStatus::kCorrected : store::AppealStatus::kUpheld;
    if (auto d = appeals.decide(appeal->id, status, *reason, now, actor.user_id); !d) return fail(d.error());
    nlohmann::json detail{{"attempt_id", appeal->attempt_id}, {"outcome", std::string(store::to_text(status))}};
    if (decision.corrected) {
      auto reg = store::RegistrationRepository(tx).find(row->attempt.registration_id);
      if (!reg) return fail(reg.error());
      auto policy = policies.by_id(reg->policy_id);
      if (!policy) return fail(policy.error());
      const int pass_mark = row->attempt.subject == store::Subject::kTheory ? (*policy)->theory.pass_mark
                                                                             : (*policy)->practical.pass_mark;
      store::ScoreCorrection c;
      c.attempt_id = appeal->attempt_id;
      c.appeal_id = appeal->id;
      c.old_outcome = row->attempt.outcome;
      c.old_score_milli = row->attempt.score_milli;
      c.new_score_milli = *decision.new_score_milli;
      // R6/R7: pass at the mark, compared unrounded in thousandths.
      c.new_outcome = c.new_score_milli >= pass_mark * 1000 ? store::Outcome::kPass : store::Outcome::kFail;
      c.reason = *reason;
      c.recorded_at = now;
      c.recorded_by = actor.user_id;
      auto cid = appeals.add_correction(c);
      if (!cid) return fail(cid.error());
      c.id = *cid;
      store::OutcomeUpdate u{c.new_outcome, c.new_score_milli, now, actor.user_id};
      if (auto r = store::AttemptRepository(tx).update_outcome(appeal->attempt_id, u); !r) return fail(r.error());
      detail["old"] = {{"outcome", std::string(store::to_text(c.old_outcome))}, {"score_milli", c.old_score_milli ? nlohmann::json(*c.old_score_milli) : nlohmann::json(nullptr)}};
      detail["new"] = {{"outcome", std::string(store::to_text(c.new_outcome))}, {"score_milli", c.new_score_milli}};
      detail["correction_id"] = c.id;
      out.correction = c;
    }
    // D13: the candidate's state from the full history, after the change.
    auto standing = certificate_standing(tx, policies, row->attempt.registration_id, today);
    if (!standing) return fail(standing.error());
    out.rights = standing->decision;
    detail["rights"] = render_decision(out.rights);
    if (auto au = audit(tx, actor, now, {"appeal.decide", "appeal", appeal->id, detail}); !au) return fail(au.error());
    auto stored = appeals.find(appeal->id);
    if (!stored) return fail(stored.error());
    out.appeal = *stored;
    return out;
  });
}

Result<std::vector<AppealListing>> candidate_appeals(store::Database& db, const Actor& actor) {
  if (actor.role != store::Role::kCandidate) return fail(ErrorCode::kForbidden, "role", "只有考生本人可以查看复核申请");
  return db.read([&](store::Transaction& tx) {
    return listings(tx, store::AppealRepository(tx).list_by_candidate(actor.entity_id));
  });
}

Result<std::vector<AppealListing>> station_appeals(store::Database& db, const Clock& clock, const Actor& actor) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "role", "只有鉴定站可以查看复核申请");
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<std::vector<AppealListing>> {
    auto out = listings(tx, store::AppealRepository(tx).list_by_station(actor.entity_id));
    if (!out) return out;
    // Names and masked ID numbers of other people: a personal-data view (DOMAIN.md §4).
    nlohmann::json detail{{"appeals", out->size()}};
    if (auto a = audit(tx, actor, now, {"appeal.station_view", "station", actor.entity_id, detail, true}); !a)
      return fail(a.error());
    return out;
  });
}

}  // namespace rc::app
