#include "store/seat_plan_repository.h"

#include "store/repository_support.h"
#include "store/seat_plan_sql.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_seat(Statement& st, SittingSeat& s) {
  st.into(s.id).into(s.sitting_id).into(s.registration_id).into(s.room_id).into(s.seat_no);
  st.into(s.theory_kind).into(s.practical_kind).into(s.ticket_no).into(s.assigned_at).into(s.assigned_by);
}

}  // namespace

Result<Id> SeatPlanRepository::insert(const SittingSeat& s) {
  return guarded("保存座位", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertSeat);
    st.bind(s.sitting_id).bind(s.registration_id).bind(s.room_id).bind(s.seat_no).bind(s.theory_kind);
    st.bind(s.practical_kind).bind(s.ticket_no).bind(s.assigned_at).bind(s.assigned_by).into(id);
    st.execute();
    return id;
  });
}

Result<SittingSeat> SeatPlanRepository::find(Id id) {
  return guarded("读取座位", [&]() -> Result<SittingSeat> {
    SittingSeat row;
    Statement st(tx_, sql::kSelectSeatById);
    st.bind(id);
    into_seat(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("座位", id));
  });
}

Result<std::vector<SittingSeat>> SeatPlanRepository::list_by_sitting(Id sitting_id) {
  return guarded("读取座位表", [&]() -> Result<std::vector<SittingSeat>> {
    SittingSeat row;
    Statement st(tx_, sql::kSelectSeatsOfSitting);
    st.bind(sitting_id);
    into_seat(st, row);
    return collect(st, row);
  });
}

Result<std::optional<SittingSeat>> SeatPlanRepository::find_by_ticket(std::string_view ticket_no) {
  return guarded("读取准考证", [&]() -> Result<std::optional<SittingSeat>> {
    SittingSeat row;
    Statement st(tx_, sql::kSelectSeatByTicket);
    st.bind(ticket_no);
    into_seat(st, row);
    return first(st, row);
  });
}

Result<std::optional<SittingSeat>> SeatPlanRepository::find_for(Id sitting_id, Id registration_id) {
  return guarded("读取座位", [&]() -> Result<std::optional<SittingSeat>> {
    SittingSeat row;
    Statement st(tx_, sql::kSelectSeatOfRegistration);
    st.bind(sitting_id).bind(registration_id);
    into_seat(st, row);
    return first(st, row);
  });
}

Result<std::vector<SittingSeat>> SeatPlanRepository::list_by_registration(Id registration_id) {
  return guarded("读取考生座位", [&]() -> Result<std::vector<SittingSeat>> {
    SittingSeat row;
    Statement st(tx_, sql::kSelectSeatsByRegistration);
    st.bind(registration_id);
    into_seat(st, row);
    return collect(st, row);
  });
}

Result<long long> SeatPlanRepository::count_in_sitting(Id sitting_id) {
  return guarded("统计座位", [&]() -> Result<long long> {
    std::int64_t n = 0;
    Statement st(tx_, sql::kCountSeats);
    st.bind(sitting_id).into(n).execute();
    return static_cast<long long>(n);
  });
}

Result<std::vector<SeatPlanRow>> SeatPlanRepository::plan_rows(Id sitting_id) {
  return guarded("读取座位表", [&]() -> Result<std::vector<SeatPlanRow>> {
    SeatPlanRow row;
    Statement st(tx_, sql::kSelectSeatPlanRows);
    st.bind(sitting_id);
    into_seat(st, row.seat);
    st.into(row.room_name).into(row.candidate_id).into(row.candidate_name).into(row.id_number_masked);
    return collect(st, row);
  });
}

Result<std::vector<Id>> SeatPlanRepository::unseated_approved(Id station_id, int level, Id sitting_id) {
  return guarded("读取待安排考生", [&]() -> Result<std::vector<Id>> {
    Id id = 0;
    Statement st(tx_, sql::kSelectUnseatedApproved);
    st.bind(station_id).bind(level).bind(sitting_id).into(id);
    return collect(st, id);
  });
}

Result<void> SeatPlanRepository::move(Id seat_id, Id room_id, int seat_no) {
  return guarded("调整座位", [&]() -> Result<void> {
    Statement st(tx_, sql::kMoveSeat);
    st.bind(room_id).bind(seat_no).bind(seat_id).execute();
    if (st.affected_rows() != 1) return fail(not_found("座位", seat_id));
    return ok();
  });
}

}  // namespace rc::store
