#include "store/exam_room_repository.h"

#include "store/repository_support.h"
#include "store/seat_plan_sql.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_room(Statement& st, ExamRoom& r) {
  st.into(r.id).into(r.station_id).into(r.name).into(r.seats).into(r.kind).into(r.created_at);
}

}  // namespace

Result<Id> ExamRoomRepository::insert(const ExamRoom& r) {
  return guarded("保存考场", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertExamRoom);
    st.bind(r.station_id).bind(r.name).bind(r.seats).bind(r.kind).bind(r.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<ExamRoom> ExamRoomRepository::find(Id id) {
  return guarded("读取考场", [&]() -> Result<ExamRoom> {
    ExamRoom row;
    Statement st(tx_, sql::kSelectExamRoom);
    st.bind(id);
    into_room(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("考场", id));
  });
}

Result<std::vector<ExamRoom>> ExamRoomRepository::list_by_station(Id station_id) {
  return guarded("读取考场列表", [&]() -> Result<std::vector<ExamRoom>> {
    ExamRoom row;
    Statement st(tx_, sql::kSelectExamRoomsByStation);
    st.bind(station_id);
    into_room(st, row);
    return collect(st, row);
  });
}

Result<void> ExamRoomRepository::add_to_sitting(Id sitting_id, Id room_id) {
  return guarded("为考试场次添加考场", [&]() -> Result<void> {
    Statement add(tx_, sql::kInsertSittingRoom);
    add.bind(sitting_id).bind(room_id).execute();
    Statement capacity(tx_, sql::kUpdateSittingCapacity);
    capacity.bind(sitting_id).bind(sitting_id).execute();
    if (capacity.affected_rows() != 1) return fail(not_found("考试场次", sitting_id));
    return ok();
  });
}

Result<std::vector<ExamRoom>> ExamRoomRepository::rooms_of_sitting(Id sitting_id) {
  return guarded("读取场次考场", [&]() -> Result<std::vector<ExamRoom>> {
    ExamRoom row;
    Statement st(tx_, sql::kSelectSittingRooms);
    st.bind(sitting_id);
    into_room(st, row);
    return collect(st, row);
  });
}

}  // namespace rc::store
