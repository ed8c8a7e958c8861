#include "app/checkin/door_access.h"

#include "domain/common/clock.h"
#include "store/checkin_repository.h"

namespace rc::app {

Result<store::ProctorRoom> require_proctor_room(store::Transaction& tx, const Actor& actor, store::Id sitting_id,
                                                store::Id room_id) {
  const Error refused = make_error(ErrorCode::kForbidden, "room", "您未被安排在该场次的该考场监考，无权进行入场核验");
  if (actor.role != store::Role::kProctor || actor.user_id == 0) return fail(refused);
  store::CheckinRepository checkins(tx);
  auto room = checkins.proctor_room(actor.user_id, sitting_id, room_id);
  if (!room) return fail(room.error());
  if (*room) return **room;
  // A room that is not one of the sitting's is not found; another proctor's room is forbidden.
  auto exists = checkins.room_in_sitting(sitting_id, room_id);
  if (!exists) return fail(exists.error());
  if (!*exists) return fail(ErrorCode::kNotFound, "room", "该场次没有这个考场");
  return fail(refused);
}

Result<store::Timestamp> door_closes_at(std::optional<store::Timestamp> theory_starts_at, const Policy& policy) {
  if (!theory_starts_at) return fail(ErrorCode::kWrongState, "sitting", "该场次没有理论考试");
  return *theory_starts_at + std::chrono::minutes(policy.late_arrival_minutes);
}

Result<store::Timestamp> door_closes_at(const PolicyCatalog& policies, const store::DoorSeat& seat,
                                        std::optional<store::Timestamp> theory_starts_at) {
  auto policy = policies.by_id(seat.policy_id);
  if (!policy) return fail(policy.error());
  return door_closes_at(theory_starts_at, **policy);
}

Error late_arrival_error(const Policy& policy) {
  return make_error(ErrorCode::kCheckInLate, "ticket",
                    "开考 " + std::to_string(policy.late_arrival_minutes) + " 分钟后不得入场，按缺考处理（D11）",
                    "D11");
}

Result<store::DoorSeat> seat_in_room(store::Transaction& tx, const store::ProctorRoom& room,
                                     std::string_view ticket_no) {
  auto seat = store::CheckinRepository(tx).seat_by_ticket(ticket_no);
  if (!seat) return fail(seat.error());
  if (!*seat) return fail(ErrorCode::kTicketInvalid, "ticket", "准考证号不存在，请核对准考证");
  if ((*seat)->sitting_id != room.sitting_id)
    return fail(ErrorCode::kTicketInvalid, "ticket", "该准考证不属于本场考试，请核对考试日期和场次");
  if ((*seat)->room_id != room.room_id)
    return fail(ErrorCode::kTicketInvalid, "ticket", "该考生不在本考场，请核对准考证上的考场并引导其前往");
  if (!(*seat)->theory_kind) return fail(ErrorCode::kWrongState, "ticket", "该考生本场次不参加理论考试", "R6");
  return std::move(**seat);
}

std::string trimmed_text(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string china_clock(store::Timestamp t) {
  const auto local = t + kChinaUtcOffset;
  const auto minutes = std::chrono::floor<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
  const int h = static_cast<int>(minutes.count() / 60), m = static_cast<int>(minutes.count() % 60);
  return (h < 10 ? "0" : "") + std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
}

}  // namespace rc::app
