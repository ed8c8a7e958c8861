#pragma once
// SQL of ExamRoomRepository, SeatPlanRepository and SittingStaffRepository (rooms, sitting rooms,
// seats and staff of a sitting: store/{exam_room,seat_plan,sitting_staff}_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kInsertExamRoom =
    "INSERT INTO exam_rooms (station_id, name, seats, kind, created_at)"
    " VALUES (:station_id, :name, :seats, :kind, :created_at) RETURNING id";
#define RC_ROOM_COLUMNS "r.id, r.station_id, r.name, r.seats, r.kind, r.created_at"
inline constexpr std::string_view kSelectExamRoom = "SELECT " RC_ROOM_COLUMNS " FROM exam_rooms r WHERE r.id = :id";
inline constexpr std::string_view kSelectExamRoomsByStation =
    "SELECT " RC_ROOM_COLUMNS " FROM exam_rooms r WHERE r.station_id = :station_id ORDER BY r.name, r.id";

inline constexpr std::string_view kInsertSittingRoom =
    "INSERT INTO sitting_rooms (sitting_id, room_id) VALUES (:sitting_id, :room_id)";
inline constexpr std::string_view kSelectSittingRooms =
    "SELECT " RC_ROOM_COLUMNS " FROM sitting_rooms sr JOIN exam_rooms r ON r.id = sr.room_id"
    " WHERE sr.sitting_id = :sitting_id ORDER BY r.name, r.id";
#undef RC_ROOM_COLUMNS
inline constexpr std::string_view kUpdateSittingCapacity =
    "UPDATE sittings SET capacity = (SELECT COALESCE(SUM(r.seats), 0) FROM sitting_rooms sr"
    " JOIN exam_rooms r ON r.id = sr.room_id WHERE sr.sitting_id = :sitting_id) WHERE id = :id";

inline constexpr std::string_view kInsertSeat =
    "INSERT INTO sitting_seats (sitting_id, registration_id, room_id, seat_no, theory_kind, practical_kind,"
    " ticket_no, assigned_at, assigned_by)"
    " VALUES (:sitting_id, :registration_id, :room_id, :seat_no, :theory_kind, :practical_kind, :ticket_no,"
    " :assigned_at, :assigned_by) RETURNING id";
#define RC_SEAT_COLUMNS                                                                                   \
  "s.id, s.sitting_id, s.registration_id, s.room_id, s.seat_no, s.theory_kind, s.practical_kind, s.ticket_no," \
  " s.assigned_at, s.assigned_by"
inline constexpr std::string_view kSelectSeatsOfSitting =
    "SELECT " RC_SEAT_COLUMNS " FROM sitting_seats s JOIN exam_rooms r ON r.id = s.room_id"
    " WHERE s.sitting_id = :sitting_id ORDER BY r.name, r.id, s.seat_no";
inline constexpr std::string_view kSelectSeatById = "SELECT " RC_SEAT_COLUMNS " FROM sitting_seats s WHERE s.id = :id";
inline constexpr std::string_view kSelectSeatByTicket =
    "SELECT " RC_SEAT_COLUMNS " FROM sitting_seats s WHERE s.ticket_no = :ticket_no";
inline constexpr std::string_view kSelectSeatOfRegistration =
    "SELECT " RC_SEAT_COLUMNS " FROM sitting_seats s WHERE s.sitting_id = :sitting_id"
    " AND s.registration_id = :registration_id";
// Latest sitting first (by date, then by id).
inline constexpr std::string_view kSelectSeatsByRegistration =
    "SELECT " RC_SEAT_COLUMNS " FROM sitting_seats s JOIN sittings t ON t.id = s.sitting_id"
    " WHERE s.registration_id = :registration_id ORDER BY t.held_on DESC, t.id DESC";
inline constexpr std::string_view kSelectSeatPlanRows =
    "SELECT " RC_SEAT_COLUMNS ", r.name, c.id, c.name, c.id_number_masked FROM sitting_seats s"
    " JOIN exam_rooms r ON r.id = s.room_id JOIN registrations g ON g.id = s.registration_id"
    " JOIN candidates c ON c.id = g.candidate_id WHERE s.sitting_id = :sitting_id ORDER BY r.name, r.id, s.seat_no";
#undef RC_SEAT_COLUMNS
// Approved registrations of a level in batches sent to a station, without a seat at the sitting.
inline constexpr std::string_view kSelectUnseatedApproved =
    "SELECT g.id FROM registrations g JOIN batches b ON b.id = g.batch_id WHERE b.station_id = :station_id"
    " AND g.status = 'approved' AND g.level = :level AND NOT EXISTS (SELECT 1 FROM sitting_seats s"
    " WHERE s.sitting_id = :sitting_id AND s.registration_id = g.id) ORDER BY g.id";
inline constexpr std::string_view kMoveSeat =
    "UPDATE sitting_seats SET room_id = :room_id, seat_no = :seat_no WHERE id = :id";
inline constexpr std::string_view kCountSeats = "SELECT count(*) FROM sitting_seats WHERE sitting_id = :sitting_id";

inline constexpr std::string_view kInsertStaff =
    "INSERT INTO sitting_staff (sitting_id, room_id, user_id, duty, assigned_at)"
    " VALUES (:sitting_id, :room_id, :user_id, :duty, :assigned_at)";
inline constexpr std::string_view kDeleteStaff =
    "DELETE FROM sitting_staff WHERE sitting_id = :sitting_id AND room_id = :room_id AND user_id = :user_id";
#define RC_STAFF_COLUMNS "f.sitting_id, f.room_id, f.user_id, f.duty, f.assigned_at"
inline constexpr std::string_view kSelectStaffOfSitting =
    "SELECT " RC_STAFF_COLUMNS " FROM sitting_staff f WHERE f.sitting_id = :sitting_id"
    " ORDER BY f.room_id, f.duty, f.user_id";
inline constexpr std::string_view kSelectStaffOfUser =
    "SELECT " RC_STAFF_COLUMNS " FROM sitting_staff f WHERE f.user_id = :user_id ORDER BY f.sitting_id, f.room_id";
#undef RC_STAFF_COLUMNS
inline constexpr std::string_view kSelectStationStaffUsers =
    "SELECT id, username, role FROM users WHERE station_id = :station_id AND role IN ('proctor', 'examiner')"
    " AND disabled = 0 ORDER BY role, username";

}  // namespace rc::store::sql
