#include "app/registration/submit_batch.h"

#include <fmt/format.h>

#include "domain/eligibility/eligibility.h"
#include "domain/occupation/occupation.h"
#include "store/batch_repository.h"
#include "store/candidate_repository.h"
#include "store/organisation_repository.h"
#include "store/registration_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"
#include "store/user_repository.h"
#include "app/registration/registration_sql.h"

namespace rc::app {
namespace {

struct Notice {
  std::string phone;
  std::string text;
};

struct Submission {
  store::Transaction& tx;
  const Actor& actor;
  store::Timestamp now;
  CivilDate today;
  const Policy& policy;
  std::string organisation_name;
  std::string level_name;
  SubmittedBatch out;
  std::vector<Notice> notices;
};

// D14: everyone checked, every failure named; nothing written.
Result<std::vector<store::Candidate>> check_everyone(Submission& s, const std::vector<store::Registration>& regs) {
  std::vector<store::Candidate> people;
  std::optional<Error> first;
  std::string names;
  for (const auto& r : regs) {
    auto c = store::CandidateRepository(s.tx).find(r.candidate_id);
    if (!c) return fail(c.error());
    if (auto e = check_eligibility(Applicant{c->birth_date, c->health_declared}, s.today, s.policy); !e) {
      if (!first) first = e.error();
      names += (names.empty() ? "" : "、") + c->name + "（" + c->id_number_masked + "）";
    }
    people.push_back(std::move(*c));
  }
  if (first)
    return fail(first->code, first->field, "以下考生在提交日 " + s.today.to_string() + " 不符合报考条件：" + names + "。" +
                                              first->message, first->rule.empty() ? "D14" : first->rule);
  return people;
}

Result<void> submit_one(Submission& s, const store::Registration& r, const store::Candidate& c) {
  auto moved = store::guarded("提交报名", [&]() -> Result<long long> {
    store::Statement st(s.tx, sql::kSubmitRegistration);
    st.bind(s.today).bind(s.policy.id).bind(r.id).execute();
    return st.affected_rows();
  });
  if (!moved) return fail(moved.error());
  if (*moved != 1) return fail(ErrorCode::kConflict, "status", "报名状态已被修改，请刷新后重试");
  nlohmann::json detail{{"batch_id", r.batch_id}, {"registered_on", s.today.to_string()}, {"policy", s.policy.id}};
  if (auto a = audit(s.tx, s.actor, s.now, {"registration.submit", "registration", r.id, detail}); !a) return a;

  store::UserRepository users(s.tx);
  auto account = users.find_by_candidate(c.id);
  if (!account) return fail(account.error());
  std::string username = *account ? (*account)->username : candidate_username(c.id);
  if (!*account) {
    store::User u;
    u.username = username;
    u.role = store::Role::kCandidate;
    u.phone = c.phone;
    u.candidate_id = c.id;
    u.created_at = s.now;
    auto id = users.insert(u);
    if (!id) return fail(id.error());
    ++s.out.accounts_created;
    if (auto a = audit(s.tx, s.actor, s.now, {"user.create", "user", *id, {{"role", "candidate"}, {"username", username}}}); !a)
      return a;
  }
  s.notices.push_back({c.phone, fmt::format("【应急救援员鉴定】{}您好，{}已为您申报应急救援员{}职业技能鉴定。请登录平台（用户名 {}，"
                                            "或用证件号码），首次登录用证件号码和本手机号的短信验证码设置密码，然后上传照片、核验人脸并确认报名。",
                                            c.name, s.organisation_name, s.level_name, username)});
  return ok();
}

}  // namespace

std::string candidate_username(store::Id candidate_id) { return fmt::format("RC{:08d}", candidate_id); }

Result<SubmittedBatch> submit_batch(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                    identity::SmsProvider& sms, const Actor& actor, store::Id batch_id) {
  const auto now = to_timestamp(clock.now());
  const CivilDate today = china_date(now);
  auto policy = policies.in_force_on(today);
  if (!policy) return fail(policy.error());
  std::vector<Notice> notices;
  auto submitted = db.transaction([&](store::Transaction& tx) -> Result<SubmittedBatch> {
    store::BatchRepository batches(tx);
    auto batch = batches.find(batch_id);
    if (!batch) return fail(batch.error());
    if (auto allowed = require_organisation(actor, batch->organisation_id); !allowed) return fail(allowed.error());
    if (batch->status != store::BatchStatus::kDraft) return fail(ErrorCode::kWrongState, "batch", "该批次已提交");
    if (auto level = open_level(batch->level, **policy); !level) return fail(level.error());
    auto regs = store::RegistrationRepository(tx).list_by_batch(batch->id);
    if (!regs) return fail(regs.error());
    if (regs->empty()) return fail(ErrorCode::kBatchEmpty, "batch");
    auto org = store::OrganisationRepository(tx).find(batch->organisation_id);
    if (!org) return fail(org.error());
    auto level = level_by_code(batch->level);
    Submission s{tx, actor, now, today, **policy, org->name, level ? level->display_name() : "", {}, {}};
    auto people = check_everyone(s, *regs);
    if (!people) return fail(people.error());
    for (std::size_t i = 0; i < regs->size(); ++i)
      if (auto r = submit_one(s, (*regs)[i], (*people)[i]); !r) return fail(r.error());
    if (auto m = batches.change_status(batch->id, store::BatchStatus::kDraft, store::BatchStatus::kSubmitted, now); !m)
      return fail(m.error());
    if (auto a = audit(tx, actor, now, {"batch.submit", "batch", batch->id, {{"registrations", regs->size()}}}); !a)
      return fail(a.error());
    s.out.batch_id = batch->id;
    s.out.registrations = static_cast<int>(regs->size());
    notices = std::move(s.notices);
    return s.out;
  });
  if (!submitted) return submitted;
  for (const auto& n : notices) {
    if (sms.send(n.phone, n.text, "registration_notice")) ++submitted->sms_sent;
    else ++submitted->sms_failed;
  }
  return submitted;
}

}  // namespace rc::app
