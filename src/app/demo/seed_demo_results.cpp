#include "app/demo/seed_demo_results.h"

#include "app/demo/demo_certificates.h"
#include "app/demo/demo_people.h"
#include "app/registration/actor.h"
#include "app/registration/submit_batch.h"
#include "app/results/result_publication.h"
#include "store/batch_repository.h"

namespace rc::app {

Result<void> seed_demo_results(Platform& p, store::Id organisation_id, store::Id station_id,
                               const std::string& password_hash, DemoReport& report) {
  const auto now = to_timestamp(p.clock().now());
  const CivilDate today = china_date(now);
  DemoPeople people(20261206);
  auto seeded = p.database().transaction([&](store::Transaction& tx) -> Result<void> {
    store::Batch b{0, organisation_id, station_id, 5, "近期批次（已考试，成绩待公布）", store::BatchStatus::kClosed, now, now};
    auto batch = store::BatchRepository(tx).insert(b);
    if (!batch) return fail(batch.error());
    auto sitting = seed_sitting(tx, station_id, today.plus_days(-3), now);
    if (!sitting) return fail(sitting.error());
    for (int i = 0; i < 2; ++i) {
      const ApplicantForm f = people.next(p.clock());
      PassedCandidate who;
      who.name = f.name;
      who.id_number = f.id_number;
      who.sex = f.sex == "男" ? store::Sex::kMale : store::Sex::kFemale;
      who.phone = "1398700000" + std::to_string(i + 1);
      who.registered_on = today.plus_days(-40);
      who.theory_milli = i == 0 ? 72500 : 64000;
      who.practical_milli = i == 0 ? 81250 : 59975;  // 59.975: fails at 60 unrounded (R7), shown 59.9
      who.practical_passes = i == 0;
      who.password_hash = password_hash;
      auto done = seed_passed_candidate(tx, p.cipher(), *batch, *sitting, who, now);
      if (!done) return fail(done.error());
      report.logins.push_back({candidate_username(done->candidate_id), kDemoPassword, "考生",
                               i == 0 ? "成绩：待公布，两科合格" : "成绩：待公布，技能考核未通过"});
    }
    return ok();
  });
  if (!seeded) return seeded;
  auto recorded = record_complete_publications(p.database(), p.policies(), p.clock());
  if (!recorded) return fail(recorded.error());
  return ok();
}

}  // namespace rc::app
