#include "store/station_repository.h"

#include "store/repository_support.h"
#include "store/station_sql.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_station(Statement& st, Station& s) {
  st.into(s.id).into(s.code).into(s.name).into(s.region_code).into(s.address).into(s.created_at);
}

}  // namespace

Result<Id> StationRepository::insert(const Station& s) {
  return guarded("保存鉴定站", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertStation);
    st.bind(s.code).bind(s.name).bind(s.region_code).bind(s.address).bind(s.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<Station> StationRepository::find(Id id) {
  return guarded("读取鉴定站", [&]() -> Result<Station> {
    Station row;
    Statement st(tx_, sql::kSelectStationById);
    st.bind(id);
    into_station(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("鉴定站", id));
  });
}

Result<Station> StationRepository::find_by_code(std::string_view code) {
  return guarded("读取鉴定站", [&]() -> Result<Station> {
    Station row;
    Statement st(tx_, sql::kSelectStationByCode);
    st.bind(code);
    into_station(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(ErrorCode::kNotFound, "code", "鉴定站代码 " + std::string(code) + " 不存在");
  });
}

Result<std::vector<Station>> StationRepository::list() {
  return guarded("读取鉴定站列表", [&]() -> Result<std::vector<Station>> {
    Station row;
    Statement st(tx_, sql::kSelectStations);
    into_station(st, row);
    return collect(st, row);
  });
}

}  // namespace rc::store
