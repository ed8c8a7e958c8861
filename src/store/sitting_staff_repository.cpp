#include "store/sitting_staff_repository.h"

#include "store/repository_support.h"
#include "store/seat_plan_sql.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_staff(Statement& st, SittingStaff& s) {
  st.into(s.sitting_id).into(s.room_id).into(s.user_id).into(s.duty).into(s.assigned_at);
}

}  // namespace

Result<void> SittingStaffRepository::insert(const SittingStaff& s) {
  return guarded("保存考务人员安排", [&]() -> Result<void> {
    Statement st(tx_, sql::kInsertStaff);
    st.bind(s.sitting_id).bind(s.room_id).bind(s.user_id).bind(s.duty).bind(s.assigned_at).execute();
    return ok();
  });
}

Result<void> SittingStaffRepository::remove(Id sitting_id, Id room_id, Id user_id) {
  return guarded("取消考务人员安排", [&]() -> Result<void> {
    Statement st(tx_, sql::kDeleteStaff);
    st.bind(sitting_id).bind(room_id).bind(user_id).execute();
    if (st.affected_rows() != 1)
      return fail(make_error(ErrorCode::kNotFound, "user_id", "该考务人员未安排在此考场"));
    return ok();
  });
}

Result<std::vector<SittingStaff>> SittingStaffRepository::list_by_sitting(Id sitting_id) {
  return guarded("读取考务人员安排", [&]() -> Result<std::vector<SittingStaff>> {
    SittingStaff row;
    Statement st(tx_, sql::kSelectStaffOfSitting);
    st.bind(sitting_id);
    into_staff(st, row);
    return collect(st, row);
  });
}

Result<std::vector<SittingStaff>> SittingStaffRepository::list_by_user(Id user_id) {
  return guarded("读取考务人员安排", [&]() -> Result<std::vector<SittingStaff>> {
    SittingStaff row;
    Statement st(tx_, sql::kSelectStaffOfUser);
    st.bind(user_id);
    into_staff(st, row);
    return collect(st, row);
  });
}

Result<std::vector<StaffMember>> SittingStaffRepository::station_members(Id station_id) {
  return guarded("读取考务人员", [&]() -> Result<std::vector<StaffMember>> {
    StaffMember row;
    Statement st(tx_, sql::kSelectStationStaffUsers);
    st.bind(station_id).into(row.user_id).into(row.username).into(row.role);
    return collect(st, row);
  });
}

}  // namespace rc::store
