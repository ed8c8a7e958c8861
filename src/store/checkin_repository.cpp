#include "store/checkin_repository.h"

#include "store/checkin_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_checkin(Statement& st, ExamCheckin& c) {
  st.into(c.id).into(c.sitting_id).into(c.registration_id).into(c.subject).into(c.outcome).into(c.method);
  st.into(c.face_distance_milli).into(c.note).into(c.recorded_at).into(c.recorded_by);
}

void into_room(Statement& st, ProctorRoom& r) {
  st.into(r.sitting_id).into(r.room_id).into(r.room_name).into(r.held_on).into(r.theory_starts_at);
  st.into(r.sitting_status).into(r.seated);
}

void into_seat(Statement& st, DoorSeat& s) {
  st.into(s.seat_id).into(s.sitting_id).into(s.room_id).into(s.seat_no).into(s.registration_id).into(s.candidate_id);
  st.into(s.ticket_no).into(s.theory_kind).into(s.name).into(s.id_number_masked).into(s.policy_id);
  st.into(s.theory_outcome).into(s.theory_method).into(s.checked_at);
}

void into_incident(Statement& st, ExamIncident& i) {
  st.into(i.id).into(i.sitting_id).into(i.room_id).into(i.registration_id).into(i.kind).into(i.description);
  st.into(i.recorded_at).into(i.recorded_by);
}

}  // namespace

Result<Id> CheckinRepository::record(const ExamCheckin& c) {
  return guarded("记录入场核验", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertCheckin);
    st.bind(c.sitting_id).bind(c.registration_id).bind(c.subject).bind(c.outcome).bind(c.method);
    st.bind(c.face_distance_milli).bind(c.note).bind(c.recorded_at).bind(c.recorded_by).into(id);
    st.execute();
    return id;
  });
}

Result<std::int64_t> CheckinRepository::admit_all_with_papers(Id sitting_id, std::string_view note, Timestamp at,
                                                              std::optional<Id> recorded_by) {
  return guarded("批量记录入场核验", [&]() -> Result<std::int64_t> {
    Statement st(tx_, sql::kAdmitAllWithPapers);
    st.bind(note).bind(at).bind(recorded_by).bind(sitting_id);
    st.execute();
    return static_cast<std::int64_t>(st.affected_rows());
  });
}

Result<std::optional<ExamCheckin>> CheckinRepository::find(Id sitting_id, Id registration_id, Subject subject) {
  return guarded("读取入场核验", [&]() -> Result<std::optional<ExamCheckin>> {
    ExamCheckin row;
    Statement st(tx_, sql::kSelectCheckin);
    st.bind(sitting_id).bind(registration_id).bind(subject);
    into_checkin(st, row);
    return first(st, row);
  });
}

Result<bool> CheckinRepository::room_in_sitting(Id sitting_id, Id room_id) {
  return guarded("读取场次考场", [&]() -> Result<bool> {
    std::int64_t n = 0;
    Statement st(tx_, sql::kCountSittingRoom);
    st.bind(sitting_id).bind(room_id).into(n);
    st.execute();
    return n > 0;
  });
}

Result<std::vector<ProctorRoom>> CheckinRepository::proctor_rooms(Id user_id, CivilDate from, CivilDate to) {
  return guarded("读取监考安排", [&]() -> Result<std::vector<ProctorRoom>> {
    ProctorRoom row;
    Statement st(tx_, sql::kSelectProctorRooms);
    st.bind(user_id).bind(from).bind(to);
    into_room(st, row);
    return collect(st, row);
  });
}

Result<std::optional<ProctorRoom>> CheckinRepository::proctor_room(Id user_id, Id sitting_id, Id room_id) {
  return guarded("读取监考安排", [&]() -> Result<std::optional<ProctorRoom>> {
    ProctorRoom row;
    Statement st(tx_, sql::kSelectProctorRoom);
    st.bind(user_id).bind(sitting_id).bind(room_id);
    into_room(st, row);
    return first(st, row);
  });
}

Result<std::optional<DoorSeat>> CheckinRepository::seat_by_ticket(std::string_view ticket_no) {
  return guarded("读取座位", [&]() -> Result<std::optional<DoorSeat>> {
    DoorSeat row;
    Statement st(tx_, sql::kSelectDoorSeatByTicket);
    st.bind(ticket_no);
    into_seat(st, row);
    return first(st, row);
  });
}

Result<std::vector<DoorSeat>> CheckinRepository::seats_of_room(Id sitting_id, Id room_id) {
  return guarded("读取考场座位", [&]() -> Result<std::vector<DoorSeat>> {
    DoorSeat row;
    Statement st(tx_, sql::kSelectDoorSeatsOfRoom);
    st.bind(sitting_id).bind(room_id);
    into_seat(st, row);
    return collect(st, row);
  });
}

Result<std::vector<UncheckedSeat>> CheckinRepository::unchecked_seats(Timestamp now, std::optional<Id> sitting_id) {
  return guarded("读取未入场考生", [&]() -> Result<std::vector<UncheckedSeat>> {
    UncheckedSeat row;
    Statement st(tx_, sitting_id ? sql::kSelectUncheckedSeatsOfSitting : sql::kSelectUncheckedSeats);
    st.bind(now);
    if (sitting_id) st.bind(*sitting_id);
    st.into(row.sitting_id).into(row.registration_id).into(row.theory_kind).into(row.policy_id);
    st.into(row.theory_starts_at);
    return collect(st, row);
  });
}

Result<Id> IncidentRepository::record(const ExamIncident& i) {
  return guarded("记录考场情况", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertIncident);
    st.bind(i.sitting_id).bind(i.room_id).bind(i.registration_id).bind(i.kind).bind(i.description);
    st.bind(i.recorded_at).bind(i.recorded_by).into(id);
    st.execute();
    return id;
  });
}

Result<std::vector<ExamIncident>> IncidentRepository::list_of_room(Id sitting_id, Id room_id) {
  return guarded("读取考场记录", [&]() -> Result<std::vector<ExamIncident>> {
    ExamIncident row;
    Statement st(tx_, sql::kSelectIncidentsOfRoom);
    st.bind(sitting_id).bind(room_id);
    into_incident(st, row);
    return collect(st, row);
  });
}

}  // namespace rc::store
