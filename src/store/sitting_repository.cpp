#include "store/sitting_repository.h"

#include "store/repository_support.h"
#include "store/sitting_sql.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_sitting(Statement& st, Sitting& s) {
  st.into(s.id).into(s.station_id).into(s.level).into(s.held_on).into(s.theory_starts_at).into(s.theory_minutes);
  st.into(s.practical_starts_at).into(s.capacity).into(s.status).into(s.created_at);
}

void into_publication(Statement& st, ResultPublication& p) {
  st.into(p.sitting_id).into(p.publish_on).into(p.decided_by).into(p.decided_at);
}

}  // namespace

Result<Id> SittingRepository::insert(const Sitting& s) {
  return guarded("保存考试场次", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertSitting);
    st.bind(s.station_id).bind(s.level).bind(s.held_on).bind(s.theory_starts_at).bind(s.theory_minutes);
    st.bind(s.practical_starts_at).bind(s.capacity).bind(s.status).bind(s.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<Sitting> SittingRepository::find(Id id) {
  return guarded("读取考试场次", [&]() -> Result<Sitting> {
    Sitting row;
    Statement st(tx_, sql::kSelectSittingById);
    st.bind(id);
    into_sitting(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("考试场次", id));
  });
}

Result<std::vector<Sitting>> SittingRepository::list_by_station(Id station_id, CivilDate from, CivilDate to) {
  return guarded("读取考试场次列表", [&]() -> Result<std::vector<Sitting>> {
    Sitting row;
    Statement st(tx_, sql::kSelectSittingsByStation);
    st.bind(station_id).bind(from).bind(to);
    into_sitting(st, row);
    return collect(st, row);
  });
}

Result<void> SittingRepository::change_status(Id id, SittingStatus from, SittingStatus to) {
  return guarded("更新考试场次状态", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateSittingStatus);
    st.bind(to).bind(id).bind(from);
    st.execute();
    if (st.affected_rows() == 1) return ok();
    std::int64_t exists = 0;
    Statement probe(tx_, sql::kSittingExists);
    probe.bind(id).into(exists).execute();
    return fail(exists ? stale_state("考试场次", id) : not_found("考试场次", id));
  });
}

// Update first, insert when there was nothing: portable, unlike INSERT ... ON CONFLICT clauses
// whose details differ between the backends. The write transaction serialises writers.
Result<void> SittingRepository::set_publication(const ResultPublication& p) {
  return guarded("保存成绩发布日期", [&]() -> Result<void> {
    Statement update(tx_, sql::kUpdatePublication);
    update.bind(p.publish_on).bind(p.decided_by).bind(p.decided_at).bind(p.sitting_id);
    update.execute();
    if (update.affected_rows() == 1) return ok();
    Statement insert(tx_, sql::kInsertPublication);
    insert.bind(p.sitting_id).bind(p.publish_on).bind(p.decided_by).bind(p.decided_at);
    insert.execute();
    return ok();
  });
}

Result<std::optional<ResultPublication>> SittingRepository::publication_of(Id sitting_id) {
  return guarded("读取成绩发布日期", [&]() -> Result<std::optional<ResultPublication>> {
    ResultPublication row;
    Statement st(tx_, sql::kSelectPublication);
    st.bind(sitting_id);
    into_publication(st, row);
    return first(st, row);
  });
}

Result<std::vector<ResultPublication>> SittingRepository::publications_due(CivilDate on) {
  return guarded("读取到期的成绩发布", [&]() -> Result<std::vector<ResultPublication>> {
    ResultPublication row;
    Statement st(tx_, sql::kSelectPublicationsDue);
    st.bind(on);
    into_publication(st, row);
    return collect(st, row);
  });
}

}  // namespace rc::store
