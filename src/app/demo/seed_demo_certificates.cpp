#include "app/demo/seed_demo_certificates.h"

#include <cstdio>

#include "app/certificates/apply_for_reissue.h"
#include "app/certificates/certificate_filing.h"
#include "app/certificates/issue_certificates.h"
#include "app/certificates/revoke_certificate.h"
#include "app/demo/demo_certificates.h"
#include "app/demo/demo_people.h"
#include "app/registration/submit_batch.h"
#include "store/batch_repository.h"
#include "store/certificate_issue_repository.h"

namespace rc::app {
namespace {

constexpr int kPassed = 12;
constexpr int kFailedPractical = 2;

struct Holders {
  std::vector<PassedSeed> passed;
};

Result<Holders> seed_people(Platform& p, store::Id organisation_id, store::Id station_id, const std::string& hash) {
  const auto now = to_timestamp(p.clock().now());
  const CivilDate today = china_date(now);
  DemoPeople people(20261201);
  return p.database().transaction([&](store::Transaction& tx) -> Result<Holders> {
    store::Batch b{0, organisation_id, station_id, 5, "历史批次（已考试，演示发证）", store::BatchStatus::kClosed, now, now};
    auto batch = store::BatchRepository(tx).insert(b);
    if (!batch) return fail(batch.error());
    auto sitting = seed_sitting(tx, station_id, today.plus_days(-45), now, /*published=*/true);
    if (!sitting) return fail(sitting.error());
    Holders h;
    for (int i = 0; i < kPassed + kFailedPractical; ++i) {
      const ApplicantForm f = people.next(p.clock());
      char phone[16];
      std::snprintf(phone, sizeof phone, "139880%05d", i + 1);
      PassedCandidate who;
      who.name = f.name;
      who.id_number = f.id_number;
      who.sex = f.sex == "男" ? store::Sex::kMale : store::Sex::kFemale;
      who.phone = phone;
      who.registered_on = today.plus_days(-80);
      who.theory_milli = 70000 + 1500 * i;
      who.practical_milli = i < kPassed ? 66500 + 2000 * i : 52500;
      who.practical_passes = i < kPassed;
      who.password_hash = hash;
      auto seeded = seed_passed_candidate(tx, p.cipher(), *batch, *sitting, who, now);
      if (!seeded) return fail(seeded.error());
      if (i < kPassed) h.passed.push_back(*seeded);
    }
    return h;
  });
}

}  // namespace

Result<void> seed_demo_certificates(Platform& p, store::Id organisation_id, const Actor& station,
                                    const std::string& hash, DemoReport& report) {
  auto holders = seed_people(p, organisation_id, station.entity_id, hash);
  if (!holders) return fail(holders.error());
  auto writer = ofd_certificate_writer(p.keys());
  if (!writer) return fail(writer.error());
  CertificateServices services{p.database(), p.clock(), p.policies(), p.cipher(), **writer, certificate_settings(p.config())};
  auto filing = export_filing(services, station);
  if (!filing) return fail(filing.error());
  if (auto r = record_filing(services, station, *filing, china_date(p.clock().now())); !r) return r;
  auto ids = issuable_registrations(services, station);
  if (!ids) return fail(ids.error());
  auto issued = issue_certificates(services, station, *ids);
  if (!issued) return fail(issued.error());
  if (issued->numbers.size() < 4) return fail(ErrorCode::kWrongState, "", "演示证书签发数量不足");
  // The last two certificates are revoked, so the demo shows 已撤销 next to 有效.
  for (std::size_t i = issued->numbers.size() - 2; i < issued->numbers.size(); ++i) {
    auto listing = p.database().read([&](store::Transaction& tx) {
      return store::CertificateIssueRepository(tx).listing_by_number(issued->numbers[i]);
    });
    if (!listing || !*listing) return fail(ErrorCode::kNotFound, "", "演示证书不存在");
    if (auto r = revoke_certificate(services, station, (*listing)->certificate.id, "演示：证书信息登记有误，已撤销");
        !r)
      return r;
  }
  const Actor applicant{holders->passed[1].user_id, "demo", store::Role::kCandidate, holders->passed[1].candidate_id};
  if (auto r = apply_for_reissue(p.database(), p.clock(), applicant, {"YJJY-PAPER-2019-000042", "2019-06-30", "lost"}); !r)
    return fail(r.error());
  const auto username = [&](std::size_t i) { return candidate_username(holders->passed[i].candidate_id); };
  report.logins.push_back({username(0), kDemoPassword, "考生", "持有效证书 " + issued->numbers[0]});
  report.logins.push_back({username(1), kDemoPassword, "考生", "持有效证书 " + issued->numbers[1] + "，有一份待审核的补发申请"});
  report.logins.push_back({username(kPassed - 1), kDemoPassword, "考生", "证书已撤销 " + issued->numbers.back()});
  report.candidates += kPassed + kFailedPractical;
  return ok();
}

}  // namespace rc::app
