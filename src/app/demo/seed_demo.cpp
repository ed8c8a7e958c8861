#include "app/demo/seed_demo.h"

#include <array>

#include "app/demo/demo_people.h"
#include "app/demo/seed_demo_certificates.h"
#include "app/demo/seed_demo_results.h"
#include "app/exam/demo_checkins.h"
#include "app/exam/demo_exam.h"
#include "app/practical/demo_practical.h"
#include "app/registration/add_applicant.h"
#include "app/registration/approve_application.h"
#include "app/registration/confirmation_records.h"
#include "app/registration/create_batch.h"
#include "app/registration/return_application.h"
#include "app/registration/submit_batch.h"
#include "store/organisation_repository.h"
#include "store/registration_repository.h"
#include "store/station_repository.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

constexpr const char* kStationCode = "NC-511300";

// What happens to each applicant of a submitted batch, in order.
enum class Fate { kWaiting, kActivated, kPartConfirmed, kConfirmed, kApproved, kReturned };

struct DemoBatch {
  int organisation;  // 0 or 1
  const char* title;
  int size;
  bool submit;
  std::vector<std::pair<Fate, int>> fates;  // how many of each, in order
};

const std::vector<DemoBatch>& batches() {
  static const std::vector<DemoBatch> b{
      {0, "2026年12月 第一批（草稿）", 20, false, {}},
      {0, "2026年11月 集体申报", 60, true,
       {{Fate::kWaiting, 20}, {Fate::kActivated, 10}, {Fate::kPartConfirmed, 10}, {Fate::kConfirmed, 20}}},
      {1, "2026年11月 企业员工申报", 120, true,
       {{Fate::kApproved, 40}, {Fate::kReturned, 20}, {Fate::kConfirmed, 30}, {Fate::kWaiting, 30}}},
  };
  return b;
}

Result<store::Id> add_user(store::Transaction& tx, store::User u) { return store::UserRepository(tx).insert(u); }

struct Staff {
  store::Id station_id = 0;
  std::array<store::Id, 2> organisations{};
  Actor station_actor;
  std::array<Actor, 2> org_actors;
};

Result<Staff> create_staff(Platform& p, const std::string& password_hash, DemoReport& report) {
  return p.database().transaction([&](store::Transaction& tx) -> Result<Staff> {
    Staff s;
    auto sid = store::StationRepository(tx).insert(
        {0, kStationCode, "南充市应急救援员职业技能鉴定站", "511300", "四川省南充市顺庆区文化路 1 号", {}});
    if (!sid) return fail(sid.error());
    s.station_id = *sid;
    const std::array<store::Organisation, 2> orgs{
        store::Organisation{0, "南充安澜应急救援培训学校", "91511302MA6DEMO001", "李老师", "13990001001", {}},
        store::Organisation{0, "四川嘉陵救援服务有限公司", "91511304MA6DEMO002", "王经理", "13990001002", {}}};
    for (int i = 0; i < 2; ++i) {
      auto oid = store::OrganisationRepository(tx).insert(orgs[static_cast<std::size_t>(i)]);
      if (!oid) return fail(oid.error());
      s.organisations[static_cast<std::size_t>(i)] = *oid;
    }
    struct Account {
      const char* username;
      store::Role role;
      const char* label;
      const char* phone;
    };
    const Account accounts[] = {{"admin", store::Role::kAdministrator, "管理员", "13990000001"},
                                {"station", store::Role::kStation, "鉴定站", "13990000002"},
                                {"proctor", store::Role::kProctor, "监考员", "13990000003"},
                                {"examiner", store::Role::kExaminer, "考评员", "13990000004"},
                                {"org1", store::Role::kOrganisation, "集体申报单位（安澜培训学校）", "13990000005"},
                                {"org2", store::Role::kOrganisation, "集体申报单位（嘉陵救援公司）", "13990000006"}};
    for (const auto& a : accounts) {
      store::User u;
      u.username = a.username;
      u.role = a.role;
      u.password_hash = password_hash;
      u.phone = a.phone;
      if (a.role == store::Role::kStation || a.role == store::Role::kProctor || a.role == store::Role::kExaminer)
        u.station_id = s.station_id;
      if (a.role == store::Role::kOrganisation)
        u.organisation_id = s.organisations[std::string(a.username) == "org1" ? 0 : 1];
      auto uid = add_user(tx, u);
      if (!uid) return fail(uid.error());
      const Actor actor{*uid, a.username, a.role, u.station_id.value_or(u.organisation_id.value_or(0))};
      if (a.role == store::Role::kStation) s.station_actor = actor;
      if (a.role == store::Role::kOrganisation) s.org_actors[std::string(a.username) == "org1" ? 0 : 1] = actor;
      report.logins.push_back({a.username, kDemoPassword, a.label, std::string("手机 ") + a.phone});
    }
    return s;
  });
}

// Records what the candidate did in the browser, up to `fate`, and sets their password.
Result<void> play_candidate(Platform& p, store::Id registration_id, Fate fate, const std::string& password_hash) {
  const auto now = to_timestamp(p.clock().now());
  return p.database().transaction([&](store::Transaction& tx) -> Result<void> {
    auto reg = store::RegistrationRepository(tx).find(registration_id);
    if (!reg) return fail(reg.error());
    auto user = store::UserRepository(tx).find_by_candidate(reg->candidate_id);
    if (!user) return fail(user.error());
    if (!*user) return ok();
    if (auto r = store::UserRepository(tx).set_password_hash((*user)->id, password_hash); !r) return r;
    if (fate == Fate::kActivated) return ok();
    ConfirmationRecords records(tx);
    const CandidateDetails details{"南充市某应急救援队", "四川省南充市顺庆区人民南路 8 号", "王芳", "13990002000"};
    if (auto r = records.save_details(reg->candidate_id, details, now); !r) return r;
    for (auto step : {ConfirmationStep::kPhoto, ConfirmationStep::kIdConfirmed, ConfirmationStep::kManualReview}) {
      if (fate == Fate::kPartConfirmed && step != ConfirmationStep::kIdConfirmed) continue;
      if (auto r = records.mark(registration_id, step, now); !r) return r;
    }
    if (fate == Fate::kPartConfirmed) return ok();
    if (auto r = records.mark(registration_id, ConfirmationStep::kAgreed, now); !r) return r;
    return store::RegistrationRepository(tx).change_status(registration_id, store::RegistrationStatus::kSubmitted,
                                                           store::RegistrationStatus::kConfirmed);
  });
}

Result<void> review(Platform& p, const Actor& station, store::Id registration_id, Fate fate) {
  if (fate == Fate::kApproved) return approve_application(p.database(), p.clock(), p.policies(), station, {registration_id, {}});
  return return_application(p.database(), p.clock(), station, registration_id, "照片背景不是纯色，请重新上传白色或蓝色背景的证件照。");
}

}  // namespace

Result<DemoReport> seed_demo(Platform& p) {
  DemoReport report;
  auto existing = p.database().read([](store::Transaction& tx) -> Result<bool> {
    auto s = store::StationRepository(tx).find_by_code(kStationCode);
    if (s) return true;
    if (s.error().code == ErrorCode::kNotFound) return false;
    return fail(s.error());
  });
  if (!existing) return fail(existing.error());
  if (*existing) {
    report.already_present = true;
    return report;
  }
  auto hash = p.passwords().hash(kDemoPassword).get();
  if (!hash) return fail(hash.error());
  auto staff = create_staff(p, *hash, report);
  if (!staff) return fail(staff.error());

  DemoPeople people(20261128);
  for (const auto& plan : batches()) {
    const Actor& org = staff->org_actors[static_cast<std::size_t>(plan.organisation)];
    auto batch = create_batch(p.database(), p.clock(), p.policies(), org, {staff->station_id, 5, plan.title});
    if (!batch) return fail(batch.error());
    std::vector<store::Id> registrations;
    for (int i = 0; i < plan.size; ++i) {
      auto added = add_applicant(p.database(), p.clock(), p.policies(), p.cipher(), p.registration_settings(), org,
                                 batch->id, people.next(p.clock()));
      if (!added) return fail(added.error().summary());
      registrations.push_back(added->registration_id);
      ++report.candidates;
    }
    if (!plan.submit) continue;
    auto submitted = submit_batch(p.database(), p.clock(), p.policies(), p.sms(), org, batch->id);
    if (!submitted) return fail(submitted.error());
    std::size_t next = 0;
    for (const auto& [fate, count] : plan.fates) {
      for (int k = 0; k < count && next < registrations.size(); ++k, ++next) {
        if (fate == Fate::kWaiting) continue;
        const auto play_as = (fate == Fate::kApproved || fate == Fate::kReturned) ? Fate::kConfirmed : fate;
        if (auto r = play_candidate(p, registrations[next], play_as, *hash); !r) return fail(r.error());
        if (fate == Fate::kApproved || fate == Fate::kReturned)
          if (auto r = review(p, staff->station_actor, registrations[next], fate); !r) return fail(r.error());
        if (k == 0)
          report.logins.push_back({candidate_username_of(p, registrations[next]), kDemoPassword, "考生",
                                   std::string(fate == Fate::kActivated        ? "已激活，待确认报名"
                                               : fate == Fate::kPartConfirmed ? "确认报名进行中"
                                               : fate == Fate::kConfirmed     ? "已确认，待鉴定站审核"
                                               : fate == Fate::kApproved      ? "审核通过"
                                                                              : "已退回，需修改")});
      }
    }
  }
  if (auto r = seed_demo_certificates(p, staff->organisations[1], staff->station_actor, *hash, report); !r)
    return fail(r.error());
  if (auto r = seed_demo_exam(p, staff->station_id, report); !r) return fail(r.error());
  if (auto r = seed_demo_practical(p, staff->station_id, *hash, report); !r) return fail(r.error());
  if (auto r = seed_demo_checkins(p, staff->station_id, report); !r) return fail(r.error());
  if (auto r = seed_demo_results(p, staff->organisations[0], staff->station_id, *hash, report); !r) return fail(r.error());
  return report;
}

}  // namespace rc::app
