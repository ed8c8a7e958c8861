#include "app/checkin/admit_candidate.h"

#include "app/checkin/door_access.h"
#include "app/checkin/record_absences.h"
#include "sheet/text_encoding.h"
#include "store/checkin_repository.h"

namespace rc::app {
namespace {

// Either the seat to admit, or the candidate is late: the refusal, and whether the absence still
// has to be recorded.
struct DoorState {
  store::DoorSeat seat;
  std::optional<Error> late;
  bool record_absence = false;
};

Result<DoorState> door_state(store::Transaction& tx, const PolicyCatalog& policies, const Actor& actor,
                             store::Id sitting_id, store::Id room_id, std::string_view ticket_no, store::Timestamp at) {
  auto room = require_proctor_room(tx, actor, sitting_id, room_id);
  if (!room) return fail(room.error());
  if (room->sitting_status == store::SittingStatus::kCancelled)
    return fail(ErrorCode::kWrongState, "sitting", "该场次已取消");
  auto seat = seat_in_room(tx, *room, ticket_no);
  if (!seat) return fail(seat.error());
  auto policy = policies.by_id(seat->policy_id);
  if (!policy) return fail(policy.error());
  DoorState s{std::move(*seat), std::nullopt, false};
  if (s.seat.theory_outcome == store::CheckinOutcome::kAdmitted)
    return fail(ErrorCode::kConflict, "ticket",
                "该考生已于 " + china_clock(*s.seat.checked_at) + " 通过入场核验，不能重复入场", "R6");
  if (s.seat.theory_outcome == store::CheckinOutcome::kAbsent) {
    s.late = late_arrival_error(**policy);
    return s;
  }
  auto closes = door_closes_at(room->theory_starts_at, **policy);
  if (!closes) return fail(closes.error());
  if (at > *closes) {
    s.late = late_arrival_error(**policy);
    s.record_absence = true;
  }
  return s;
}

Result<void> check_note(const DoorAdmit& r) {
  if (r.method != store::CheckinMethod::kManual) return ok();
  if (r.note.empty())
    return fail(ErrorCode::kReasonRequired, "note",
                "人工核验放行必须填写核验说明（例如：已核对身份证原件，本人与照片一致）",
                "R6");
  if (sheet::utf8_length(r.note) > kCheckinNoteMaxChars)
    return fail(ErrorCode::kTooLarge, "note", "核验说明不能超过 " + std::to_string(kCheckinNoteMaxChars) + " 个字");
  return ok();
}

}  // namespace

Result<store::DoorSeat> admissible_seat(store::Transaction& tx, const PolicyCatalog& policies, const Actor& actor,
                                        store::Id sitting_id, store::Id room_id, std::string_view ticket_no,
                                        store::Timestamp at) {
  auto s = door_state(tx, policies, actor, sitting_id, room_id, ticket_no, at);
  if (!s) return fail(s.error());
  if (s->late) return fail(*s->late);
  return std::move(s->seat);
}

namespace {

// The door's transaction: refuses (and records) a late arrival; admits only when `admit`.
Result<std::optional<Admission>> door_transaction(store::Database& db, const PolicyCatalog& policies,
                                                  const Actor& actor, const DoorAdmit& request,
                                                  std::chrono::system_clock::time_point now, bool admit) {
  DoorAdmit r = request;
  r.note = trimmed_text(r.note);
  const auto at = to_timestamp(now);
  // A late arrival is refused after the transaction commits the absence (D11).
  std::optional<Error> refusal;
  auto admitted = db.transaction([&](store::Transaction& tx) -> Result<std::optional<Admission>> {
    auto s = door_state(tx, policies, actor, r.sitting_id, r.room_id, r.ticket_no, at);
    if (!s) return fail(s.error());
    if (s->late) {
      refusal = *s->late;
      if (s->record_absence) {
        if (auto a = record_absent_in(tx, actor, r.sitting_id, s->seat.registration_id, *s->seat.theory_kind, at); !a)
          return fail(a.error());
        nlohmann::json detail{{"sitting", r.sitting_id}, {"room", r.room_id}, {"rule", "D11"}};
        if (auto a = audit(tx, actor, at, {"checkin.refuse_late", "registration", s->seat.registration_id, detail}); !a)
          return fail(a.error());
      }
      return std::optional<Admission>{};
    }
    if (!admit) return std::optional<Admission>{};
    if (auto n = check_note(r); !n) return fail(n.error());
    store::ExamCheckin row;
    row.sitting_id = r.sitting_id;
    row.registration_id = s->seat.registration_id;
    row.subject = store::Subject::kTheory;
    row.outcome = store::CheckinOutcome::kAdmitted;
    row.method = r.method;
    row.face_distance_milli = r.face_distance_milli;
    row.note = r.note;
    row.recorded_at = at;
    row.recorded_by = actor.user_id;
    auto id = store::CheckinRepository(tx).record(row);
    if (!id) return fail(id.error());
    row.id = *id;
    nlohmann::json detail{{"sitting", r.sitting_id},
                          {"room", r.room_id},
                          {"seat", s->seat.seat_no},
                          {"method", std::string(store::to_text(r.method))}};
    if (r.face_distance_milli) detail["face_distance_milli"] = *r.face_distance_milli;
    if (auto a = audit(tx, actor, at, {"checkin.admit", "registration", row.registration_id, detail}); !a)
      return fail(a.error());
    s->seat.theory_outcome = store::CheckinOutcome::kAdmitted;
    s->seat.theory_method = r.method;
    s->seat.checked_at = at;
    return std::optional<Admission>{Admission{row, std::move(s->seat)}};
  });
  if (!admitted) return fail(admitted.error());
  if (refusal) return fail(*refusal);
  return admitted;
}

}  // namespace

Result<Admission> admit_at_door(store::Database& db, const PolicyCatalog& policies, const Actor& actor,
                                const DoorAdmit& request, std::chrono::system_clock::time_point now) {
  auto done = door_transaction(db, policies, actor, request, now, true);
  if (!done) return fail(done.error());
  return std::move(**done);
}

Error refuse_late_arrival(store::Database& db, const PolicyCatalog& policies, const Actor& actor, store::Id sitting_id,
                          store::Id room_id, std::string_view ticket_no, std::chrono::system_clock::time_point now) {
  auto done = door_transaction(
      db, policies, actor, {sitting_id, room_id, std::string(ticket_no), store::CheckinMethod::kFace, std::nullopt, {}},
      now, false);
  if (!done) return done.error();
  return make_error(ErrorCode::kWrongState, "ticket", "考生尚未迟到，请重新核验");
}

Result<Admission> admit_manually(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                 const Actor& actor, store::Id sitting_id, store::Id room_id,
                                 std::string_view ticket_no, std::string_view note) {
  return admit_at_door(
      db, policies, actor,
      {sitting_id, room_id, std::string(ticket_no), store::CheckinMethod::kManual, std::nullopt, std::string(note)},
      clock.now());
}

}  // namespace rc::app
