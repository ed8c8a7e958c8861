#pragma once
// SQL of CheckinRepository and IncidentRepository (store/checkin_repository.cpp). The door's reads
// join the seat plan (sitting_seats), the room staff (sitting_staff) and the rooms (exam_rooms) of
// V008, which the sittings use cases write.

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertCheckin =
    "INSERT INTO exam_checkins (sitting_id, registration_id, subject, outcome, method, face_distance_milli, note,"
    " recorded_at, recorded_by) VALUES (:sitting_id, :registration_id, :subject, :outcome, :method, "
    ":face_distance_milli, :note, :recorded_at, :recorded_by) RETURNING id";

inline constexpr std::string_view kSelectCheckin =
    "SELECT id, sitting_id, registration_id, subject, outcome, method, face_distance_milli, note, recorded_at,"
    " recorded_by FROM exam_checkins WHERE sitting_id = :sitting_id AND registration_id = :registration_id"
    " AND subject = :subject";

// Bulk admission of every candidate with a sealed paper for the sitting and no check-in yet (the
// benchmark's exam-day set-up). The casts: PostgreSQL types a select list's parameters as text.
inline constexpr std::string_view kAdmitAllWithPapers =
    "INSERT INTO exam_checkins (sitting_id, registration_id, subject, outcome, method, note, recorded_at, recorded_by)"
    " SELECT p.sitting_id, p.registration_id, 'theory', 'admitted', 'manual', CAST(:note AS TEXT),"
    " CAST(:recorded_at AS BIGINT), CAST(:recorded_by AS BIGINT)"
    " FROM exam_papers p WHERE p.sitting_id = :sitting_id AND NOT EXISTS (SELECT 1 FROM exam_checkins ck"
    " WHERE ck.sitting_id = p.sitting_id AND ck.registration_id = p.registration_id AND ck.subject = 'theory')";

inline constexpr std::string_view kCountSittingRoom =
    "SELECT count(*) FROM sitting_rooms WHERE sitting_id = :sitting_id AND room_id = :room_id";

// Dates are 'YYYY-MM-DD' text, so comparing them as text orders them as dates.
inline constexpr std::string_view kSelectProctorRooms =
    "SELECT st.sitting_id, st.room_id, r.name, s.held_on, s.theory_starts_at, s.status,"
    " (SELECT count(*) FROM sitting_seats x WHERE x.sitting_id = st.sitting_id AND x.room_id = st.room_id)"
    " FROM sitting_staff st JOIN exam_rooms r ON r.id = st.room_id JOIN sittings s ON s.id = st.sitting_id"
    " WHERE st.user_id = :user_id AND st.duty = 'proctor' AND s.held_on >= :from AND s.held_on <= :to"
    " ORDER BY s.held_on, s.theory_starts_at, st.sitting_id, r.name";

inline constexpr std::string_view kSelectProctorRoom =
    "SELECT st.sitting_id, st.room_id, r.name, s.held_on, s.theory_starts_at, s.status,"
    " (SELECT count(*) FROM sitting_seats x WHERE x.sitting_id = st.sitting_id AND x.room_id = st.room_id)"
    " FROM sitting_staff st JOIN exam_rooms r ON r.id = st.room_id JOIN sittings s ON s.id = st.sitting_id"
    " WHERE st.user_id = :user_id AND st.duty = 'proctor' AND st.sitting_id = :sitting_id AND st.room_id = :room_id";

#define RC_DOOR_SEAT_COLUMNS                                                                                     \
  "ss.id, ss.sitting_id, ss.room_id, ss.seat_no, ss.registration_id, c.id, ss.ticket_no, ss.theory_kind, c.name," \
  " c.id_number_masked, reg.policy_id, ck.outcome, ck.method, ck.recorded_at"
#define RC_DOOR_SEAT_FROM                                                                                     \
  " FROM sitting_seats ss JOIN registrations reg ON reg.id = ss.registration_id"                              \
  " JOIN candidates c ON c.id = reg.candidate_id"                                                             \
  " LEFT JOIN exam_checkins ck ON ck.sitting_id = ss.sitting_id AND ck.registration_id = ss.registration_id" \
  " AND ck.subject = 'theory'"
inline constexpr std::string_view kSelectDoorSeatByTicket =
    "SELECT " RC_DOOR_SEAT_COLUMNS RC_DOOR_SEAT_FROM " WHERE ss.ticket_no = :ticket_no";
inline constexpr std::string_view kSelectDoorSeatsOfRoom =
    "SELECT " RC_DOOR_SEAT_COLUMNS RC_DOOR_SEAT_FROM
    " WHERE ss.sitting_id = :sitting_id AND ss.room_id = :room_id ORDER BY ss.seat_no";
#undef RC_DOOR_SEAT_COLUMNS
#undef RC_DOOR_SEAT_FROM

// Seated theory candidates with no theory check-in once the session has started (the D11 sweep
// decides, per policy, which of them are past the cut-off).
#define RC_UNCHECKED_SEATS                                                                          \
  "SELECT ss.sitting_id, ss.registration_id, ss.theory_kind, reg.policy_id, s.theory_starts_at"      \
  " FROM sitting_seats ss JOIN sittings s ON s.id = ss.sitting_id"                                   \
  " JOIN registrations reg ON reg.id = ss.registration_id"                                           \
  " WHERE ss.theory_kind IS NOT NULL AND s.theory_starts_at IS NOT NULL AND s.status <> 'cancelled'" \
  " AND s.theory_starts_at <= :now AND NOT EXISTS (SELECT 1 FROM exam_checkins ck"                   \
  " WHERE ck.sitting_id = ss.sitting_id AND ck.registration_id = ss.registration_id AND ck.subject = 'theory')"
inline constexpr std::string_view kSelectUncheckedSeats =
    RC_UNCHECKED_SEATS " ORDER BY ss.sitting_id, ss.registration_id";
inline constexpr std::string_view kSelectUncheckedSeatsOfSitting =
    RC_UNCHECKED_SEATS " AND ss.sitting_id = :sitting_id ORDER BY ss.registration_id";
#undef RC_UNCHECKED_SEATS

inline constexpr std::string_view kInsertIncident =
    "INSERT INTO exam_incidents (sitting_id, room_id, registration_id, kind, description, recorded_at, recorded_by)"
    " VALUES (:sitting_id, :room_id, :registration_id, :kind, :description, :recorded_at, :recorded_by) RETURNING id";
inline constexpr std::string_view kSelectIncidentsOfRoom =
    "SELECT id, sitting_id, room_id, registration_id, kind, description, recorded_at, recorded_by"
    " FROM exam_incidents WHERE sitting_id = :sitting_id AND room_id = :room_id ORDER BY id";

}  // namespace rc::store::sql
