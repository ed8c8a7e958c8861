#include "app/exam/demo_exam.h"

#include "app/demo/demo_people.h"
#include "app/exam/prepare_exam_papers.h"
#include "app/registration/actor.h"
#include "store/sitting_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::app {
namespace {

// Approved registrations at the station with no attempt recorded yet (the demo's certificate
// holders already have theirs).
constexpr std::string_view kFreshApproved =
    "SELECT r.id FROM registrations r JOIN batches b ON b.id = r.batch_id WHERE b.station_id = :station_id"
    " AND r.status = 'approved' AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.registration_id = r.id)"
    " ORDER BY r.id LIMIT 3";

}  // namespace

Result<void> seed_demo_exam(Platform& p, store::Id station_id, DemoReport& report) {
  const auto now = to_timestamp(p.clock().now());
  auto policy = p.policies().in_force_on(china_date(p.clock().now()));
  if (!policy) return fail(policy.error());
  auto made = p.database().transaction([&](store::Transaction& tx) -> Result<std::pair<store::Id, std::vector<store::Id>>> {
    std::vector<store::Id> regs;
    auto found = store::guarded("读取演示报名", [&]() -> Result<void> {
      store::Id id = 0;
      store::Statement st(tx, kFreshApproved);
      st.bind(station_id).into(id);
      for (bool more = st.execute(); more; more = st.fetch()) regs.push_back(id);
      return ok();
    });
    if (!found) return fail(found.error());
    store::Sitting s;
    s.station_id = station_id;
    s.level = 5;
    s.held_on = china_date(p.clock().now());
    s.theory_starts_at = now;
    s.theory_minutes = (*policy)->theory.duration_minutes;
    s.capacity = 30;
    s.status = store::SittingStatus::kOpen;
    s.created_at = now;
    auto sitting = store::SittingRepository(tx).insert(s);
    if (!sitting) return fail(sitting.error());
    return std::pair{*sitting, regs};
  });
  if (!made) return fail(made.error());
  std::vector<PaperAssignment> assignments;
  for (auto r : made->second) assignments.push_back({r, store::AttemptKind::kFirst});
  auto prepared = prepare_exam_papers(p.database(), p.clock(), p.policies(), p.random(), made->first, assignments);
  if (!prepared) return fail(prepared.error());
  for (auto r : made->second)
    report.logins.push_back({candidate_username_of(p, r), kDemoPassword, "考生", "理论考试：可开始作答"});
  return ok();
}

}  // namespace rc::app
