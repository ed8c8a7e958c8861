#include "app/exam/admission_ticket.h"

#include "app/document_type_label.h"
#include "app/exam/ticket_qr.h"
#include "app/sittings/sitting_access.h"
#include "store/batch_repository.h"
#include "store/biometric_repository.h"
#include "store/candidate_repository.h"
#include "store/exam_room_repository.h"
#include "store/registration_repository.h"
#include "store/seat_plan_repository.h"
#include "store/sitting_repository.h"
#include "store/station_repository.h"

namespace rc::app {
namespace {

TicketServices services_of(Platform& p) { return {p.database(), p.clock(), p.cipher(), ticket_qr_key(p.keys())}; }

// Candidates see their own tickets; the station, its proctors and examiners those of its sittings.
Result<void> may_see(const Actor& actor, const store::Registration& reg, const store::Sitting& sitting) {
  switch (actor.role) {
    case store::Role::kCandidate:
      if (actor.entity_id != 0 && actor.entity_id == reg.candidate_id) return ok();
      break;
    case store::Role::kStation:
    case store::Role::kProctor:
    case store::Role::kExaminer:
      if (actor.entity_id != 0 && actor.entity_id == sitting.station_id) return ok();
      break;
    default: break;
  }
  return fail(ErrorCode::kForbidden, "ticket", "无权查看该准考证");
}

Result<AdmissionTicket> build(store::Transaction& tx, const TicketServices& s, const Actor& actor,
                              const store::SittingSeat& seat) {
  auto reg = store::RegistrationRepository(tx).find(seat.registration_id);
  if (!reg) return fail(reg.error());
  auto sitting = store::SittingRepository(tx).find(seat.sitting_id);
  if (!sitting) return fail(sitting.error());
  if (auto allowed = may_see(actor, *reg, *sitting); !allowed) return fail(allowed.error());
  auto candidate = store::CandidateRepository(tx).find(reg->candidate_id);
  auto station = store::StationRepository(tx).find(sitting->station_id);
  auto room = store::ExamRoomRepository(tx).find(seat.room_id);
  auto photo = store::BiometricRepository(tx).latest_photo(reg->candidate_id);
  if (!candidate || !station || !room || !photo)
    return fail(!candidate ? candidate.error() : !station ? station.error() : !room ? room.error() : photo.error());
  AdmissionTicket t;
  t.ticket_no = seat.ticket_no;
  t.qr_text = ticket_qr_text(s.qr_key, seat.ticket_no);
  t.seat_id = seat.id;
  t.sitting_id = seat.sitting_id;
  t.registration_id = reg->id;
  t.candidate_id = reg->candidate_id;
  t.room_id = seat.room_id;
  t.candidate_name = candidate->name;
  t.sex = candidate->sex;
  t.id_number_masked = candidate->id_number_masked;
  t.document_type = std::string(document_type_label(candidate->document_type));
  t.station_name = station->name;
  t.station_address = station->address;
  t.level = sitting->level;
  t.held_on = sitting->held_on;
  t.room_name = room->name;
  t.seat_no = seat.seat_no;
  t.sitting_status = sitting->status;
  if (seat.theory_kind)
    t.subjects.push_back({store::Subject::kTheory, *seat.theory_kind, std::string(subject_label(store::Subject::kTheory)),
                          std::string(ticket_kind_label(*seat.theory_kind)), sitting->theory_starts_at,
                          sitting->theory_minutes});
  if (seat.practical_kind)
    t.subjects.push_back({store::Subject::kPractical, *seat.practical_kind,
                          std::string(subject_label(store::Subject::kPractical)),
                          std::string(ticket_kind_label(*seat.practical_kind)), sitting->practical_starts_at, std::nullopt});
  if (*photo) {
    auto image = s.cipher.decrypt_biometric(std::string((*photo)->image.begin(), (*photo)->image.end()));
    if (!image) return fail(image.error());
    t.photo = std::move(*image);
    t.photo_media_type = (*photo)->media_type;
  }
  nlohmann::json detail{{"ticket_no", t.ticket_no}, {"sitting_id", t.sitting_id}, {"photo", t.photo.has_value()},
                        {"id_number", t.id_number_masked}};
  if (auto a = audit(tx, actor, to_timestamp(s.clock.now()), {"ticket.view", "registration", reg->id, detail, true}); !a)
    return fail(a.error());
  return t;
}

}  // namespace

SymmetricKey ticket_qr_key(const KeySet& keys) { return derive_key(keys.lookup_key, "ticket-qr/v1"); }

std::string ticket_qr_text(const Platform& p, std::string_view ticket_no) {
  return ticket_qr_text(ticket_qr_key(p.keys()), ticket_no);
}

std::string_view ticket_kind_label(store::AttemptKind kind) {
  return kind == store::AttemptKind::kFirst ? "新考" : "补考";
}

Result<AdmissionTicket> load_admission_ticket(const TicketServices& s, const Actor& actor, store::Id registration_id) {
  return s.db.transaction([&](store::Transaction& tx) -> Result<AdmissionTicket> {
    auto seats = store::SeatPlanRepository(tx).list_by_registration(registration_id);
    if (!seats) return fail(seats.error());
    if (seats->empty()) {
      // Say "forbidden" before "no ticket" to anyone who may not see the registration at all.
      auto reg = store::RegistrationRepository(tx).find(registration_id);
      if (!reg) return fail(reg.error());
      auto batch = store::BatchRepository(tx).find(reg->batch_id);
      if (!batch) return fail(batch.error());
      store::Sitting none;
      none.station_id = batch->station_id;
      if (auto allowed = may_see(actor, *reg, none); !allowed) return fail(allowed.error());
      return fail(ErrorCode::kNotFound, "ticket", "尚未安排考试场次，准考证暂未生成");
    }
    return build(tx, s, actor, seats->front());
  });
}

Result<AdmissionTicket> load_admission_ticket(const TicketServices& s, const Actor& actor, std::string_view ticket_no) {
  if (!is_ticket_number(ticket_no)) return fail(ErrorCode::kTicketInvalid, "ticket", "准考证号格式不正确");
  return s.db.transaction([&](store::Transaction& tx) -> Result<AdmissionTicket> {
    auto seat = store::SeatPlanRepository(tx).find_by_ticket(ticket_no);
    if (!seat) return fail(seat.error());
    if (!*seat) return fail(ErrorCode::kNotFound, "ticket", "准考证不存在");
    return build(tx, s, actor, **seat);
  });
}

Result<AdmissionTicket> load_own_admission_ticket(const TicketServices& s, const Actor& candidate) {
  if (candidate.role != store::Role::kCandidate || candidate.entity_id == 0)
    return fail(ErrorCode::kForbidden, "ticket", "只有考生本人可以查看自己的准考证");
  return s.db.transaction([&](store::Transaction& tx) -> Result<AdmissionTicket> {
    auto regs = store::RegistrationRepository(tx).list_by_candidate(candidate.entity_id);
    if (!regs) return fail(regs.error());
    std::optional<store::SittingSeat> newest;
    for (auto it = regs->rbegin(); it != regs->rend() && !newest; ++it) {
      auto seats = store::SeatPlanRepository(tx).list_by_registration(it->id);
      if (!seats) return fail(seats.error());
      if (!seats->empty()) newest = seats->front();
    }
    if (!newest) return fail(ErrorCode::kNotFound, "ticket", "尚未安排考试场次，准考证暂未生成");
    return build(tx, s, candidate, *newest);
  });
}

Result<AdmissionTicket> load_own_admission_ticket(Platform& p, const Actor& candidate) {
  return load_own_admission_ticket(services_of(p), candidate);
}

Result<AdmissionTicket> load_admission_ticket(Platform& p, const Actor& actor, store::Id registration_id) {
  return load_admission_ticket(services_of(p), actor, registration_id);
}

Result<AdmissionTicket> load_admission_ticket(Platform& p, const Actor& actor, std::string_view ticket_no) {
  return load_admission_ticket(services_of(p), actor, ticket_no);
}

}  // namespace rc::app
