#pragma once
// SQL of PracticalRepository (store/practical_repository.cpp).

#include <string_view>

namespace rc::store::sql {

inline constexpr std::string_view kSelectPracticalSeatByTicket =
    "SELECT st.sitting_id, st.registration_id, st.room_id, st.practical_kind, st.ticket_no, c.name, s.held_on,"
    " s.station_id FROM sitting_seats st JOIN sittings s ON s.id = st.sitting_id"
    " JOIN registrations r ON r.id = st.registration_id JOIN candidates c ON c.id = r.candidate_id"
    " WHERE st.ticket_no = :ticket_no";
inline constexpr std::string_view kSelectPracticalSeat =
    "SELECT st.sitting_id, st.registration_id, st.room_id, st.practical_kind, st.ticket_no, c.name, s.held_on,"
    " s.station_id FROM sitting_seats st JOIN sittings s ON s.id = st.sitting_id"
    " JOIN registrations r ON r.id = st.registration_id JOIN candidates c ON c.id = r.candidate_id"
    " WHERE st.sitting_id = :sitting_id AND st.registration_id = :registration_id";
inline constexpr std::string_view kSelectRoomExaminers =
    "SELECT user_id FROM sitting_staff WHERE sitting_id = :sitting_id AND room_id = :room_id AND duty = 'examiner'"
    " ORDER BY user_id";
inline constexpr std::string_view kSelectExaminerAssignments =
    "SELECT s.id, s.held_on, s.practical_starts_at, r.id, r.name FROM sitting_staff ss"
    " JOIN sittings s ON s.id = ss.sitting_id JOIN exam_rooms r ON r.id = ss.room_id"
    " WHERE ss.user_id = :user_id AND ss.duty = 'examiner' AND r.kind = 'practical' AND s.held_on = :held_on"
    " ORDER BY s.id, r.name";

inline constexpr std::string_view kSelectClaim =
    "SELECT sitting_id, registration_id, room_id, claimed_by, claimed_at, expires_at FROM practical_claims"
    " WHERE sitting_id = :sitting_id AND registration_id = :registration_id";
inline constexpr std::string_view kInsertClaim =
    "INSERT INTO practical_claims (sitting_id, registration_id, room_id, claimed_by, claimed_at, expires_at)"
    " VALUES (:sitting_id, :registration_id, :room_id, :claimed_by, :claimed_at, :expires_at)";
// Taken over only when it is this room's or has expired (the guard repeats the check in SQL).
inline constexpr std::string_view kUpdateClaim =
    "UPDATE practical_claims SET room_id = :room_id, claimed_by = :claimed_by, claimed_at = :claimed_at,"
    " expires_at = :expires_at WHERE sitting_id = :sitting_id AND registration_id = :registration_id"
    " AND (room_id = :same_room OR expires_at <= :now)";
inline constexpr std::string_view kDeleteClaim =
    "DELETE FROM practical_claims WHERE sitting_id = :sitting_id AND registration_id = :registration_id";

#define RC_DRAW_COLUMNS \
  "id, sitting_id, registration_id, attempt_kind, room_id, scheme_id, seed, items_json, drawn_at, drawn_by"
inline constexpr std::string_view kInsertDraw =
    "INSERT INTO practical_draws (sitting_id, registration_id, attempt_kind, room_id, scheme_id, seed, items_json,"
    " drawn_at, drawn_by) VALUES (:sitting_id, :registration_id, :attempt_kind, :room_id, :scheme_id, :seed,"
    " :items_json, :drawn_at, :drawn_by) RETURNING id";
inline constexpr std::string_view kSelectDrawById = "SELECT " RC_DRAW_COLUMNS " FROM practical_draws WHERE id = :id";
inline constexpr std::string_view kSelectDrawFor =
    "SELECT " RC_DRAW_COLUMNS " FROM practical_draws WHERE sitting_id = :sitting_id"
    " AND registration_id = :registration_id AND attempt_kind = :attempt_kind";
inline constexpr std::string_view kSelectDrawsOfCandidate =
    "SELECT " RC_DRAW_COLUMNS " FROM practical_draws WHERE sitting_id = :sitting_id"
    " AND registration_id = :registration_id ORDER BY id";
inline constexpr std::string_view kSelectDrawsInRoom =
    "SELECT " RC_DRAW_COLUMNS " FROM practical_draws WHERE sitting_id = :sitting_id AND room_id = :room_id"
    " ORDER BY id DESC";
#undef RC_DRAW_COLUMNS

inline constexpr std::string_view kInsertSheet =
    "INSERT INTO practical_score_sheets (draw_id, examiner_id, room_id, sheet_json, submitted_at)"
    " VALUES (:draw_id, :examiner_id, :room_id, :sheet_json, :submitted_at) RETURNING id";
inline constexpr std::string_view kSelectSheetsOfDraw =
    "SELECT id, draw_id, examiner_id, room_id, sheet_json, submitted_at FROM practical_score_sheets"
    " WHERE draw_id = :draw_id ORDER BY id";

#define RC_RESULT_COLUMNS                                                                                 \
  "id, draw_id, method, examiner_count, total_num, total_den, display_tenths, passed, vetoed, detail_json," \
  " attempt_id, decided_at"
inline constexpr std::string_view kInsertResult =
    "INSERT INTO practical_results (draw_id, method, examiner_count, total_num, total_den, display_tenths, passed,"
    " vetoed, detail_json, attempt_id, decided_at) VALUES (:draw_id, :method, :examiner_count, :total_num,"
    " :total_den, :display_tenths, :passed, :vetoed, :detail_json, :attempt_id, :decided_at) RETURNING id";
inline constexpr std::string_view kSelectResultOfDraw =
    "SELECT " RC_RESULT_COLUMNS " FROM practical_results WHERE draw_id = :draw_id";
#undef RC_RESULT_COLUMNS

}  // namespace rc::store::sql
