#include "app/checkin/record_absences.h"

#include "app/checkin/door_access.h"
#include "store/attempt_repository.h"
#include "store/checkin_repository.h"

namespace rc::app {
namespace {

// The theory outcome 'absent' in the rules history (R12): the pending row the seat plan recorded
// for this sitting, else a new row. A row already decided (marked, void) is left as it is.
Result<void> record_history(store::Transaction& tx, store::Id sitting_id, store::Id registration_id,
                            store::AttemptKind kind, store::Timestamp at, std::optional<store::Id> by) {
  store::AttemptRepository history(tx);
  auto rows = history.list_by_registration(registration_id);
  if (!rows) return fail(rows.error());
  for (const auto& row : *rows) {
    if (row.sitting_id != sitting_id || row.subject != store::Subject::kTheory) continue;
    if (row.outcome != store::Outcome::kPending) return ok();
    return history.update_outcome(row.id, {store::Outcome::kAbsent, std::nullopt, at, by});
  }
  store::Attempt row;
  row.registration_id = registration_id;
  row.sitting_id = sitting_id;
  row.subject = store::Subject::kTheory;
  row.kind = kind;
  row.outcome = store::Outcome::kAbsent;
  row.recorded_at = at;
  row.recorded_by = by;
  auto id = history.record(row);
  if (!id) return fail(id.error());
  return ok();
}

}  // namespace

Result<void> record_absent_in(store::Transaction& tx, const Actor& actor, store::Id sitting_id,
                              store::Id registration_id, store::AttemptKind kind, store::Timestamp at) {
  store::CheckinRepository checkins(tx);
  auto existing = checkins.find(sitting_id, registration_id, store::Subject::kTheory);
  if (!existing) return fail(existing.error());
  if (*existing) return fail(ErrorCode::kConflict, "checkin", "该考生本场理论考试的入场记录已存在");
  const std::optional<store::Id> by = actor.user_id == 0 ? std::nullopt : std::optional<store::Id>(actor.user_id);
  store::ExamCheckin row;
  row.sitting_id = sitting_id;
  row.registration_id = registration_id;
  row.subject = store::Subject::kTheory;
  row.outcome = store::CheckinOutcome::kAbsent;
  row.note = "开考后规定时间内未入场，按缺考处理（D11）";
  row.recorded_at = at;
  row.recorded_by = by;
  auto id = checkins.record(row);
  if (!id) return fail(id.error());
  if (auto h = record_history(tx, sitting_id, registration_id, kind, at, by); !h) return h;
  nlohmann::json detail{{"sitting", sitting_id}, {"subject", "theory"}, {"outcome", "absent"}, {"rule", "D11"}};
  return audit(tx, actor, at, {"checkin.absent", "registration", registration_id, detail});
}

Result<int> record_absences(store::Database& db, const PolicyCatalog& policies,
                            std::chrono::system_clock::time_point now, std::optional<store::Id> sitting_id) {
  const auto at = to_timestamp(now);
  auto unchecked =
      db.read([&](store::Transaction& tx) { return store::CheckinRepository(tx).unchecked_seats(at, sitting_id); });
  if (!unchecked) return fail(unchecked.error());
  return record_absences_of(db, policies, at, *unchecked);
}

Result<int> record_absences_of(store::Database& db, const PolicyCatalog& policies, store::Timestamp at,
                               const std::vector<store::UncheckedSeat>& unchecked) {
  int recorded = 0;
  for (const auto& seat : unchecked) {
    auto policy = policies.by_id(seat.policy_id);
    if (!policy) return fail(policy.error());
    auto closes = door_closes_at(seat.theory_starts_at, **policy);
    if (!closes) return fail(closes.error());
    if (at <= *closes) continue;  // the door is still open (D11: "more than 15 minutes")
    auto done = db.transaction([&](store::Transaction& tx) {
      return record_absent_in(tx, system_actor(), seat.sitting_id, seat.registration_id, seat.theory_kind, at);
    });
    if (done) {
      ++recorded;
    } else if (done.error().code != ErrorCode::kConflict) {  // a proctor or another server was first
      return fail(done.error());
    }
  }
  return recorded;
}

}  // namespace rc::app
