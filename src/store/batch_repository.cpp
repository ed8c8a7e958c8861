#include "store/batch_repository.h"

#include "store/batch_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_batch(Statement& st, Batch& b) {
  st.into(b.id).into(b.organisation_id).into(b.station_id).into(b.level).into(b.title).into(b.status);
  st.into(b.created_at).into(b.submitted_at);
}

}  // namespace

Result<Id> BatchRepository::insert(const Batch& b) {
  return guarded("保存申报批次", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertBatch);
    st.bind(b.organisation_id).bind(b.station_id).bind(b.level).bind(b.title).bind(b.status);
    st.bind(b.created_at).bind(b.submitted_at).into(id);
    st.execute();
    return id;
  });
}

Result<Batch> BatchRepository::find(Id id) {
  return guarded("读取申报批次", [&]() -> Result<Batch> {
    Batch row;
    Statement st(tx_, sql::kSelectBatchById);
    st.bind(id);
    into_batch(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("申报批次", id));
  });
}

Result<std::vector<Batch>> BatchRepository::list_by_organisation(Id organisation_id) {
  return guarded("读取申报批次列表", [&]() -> Result<std::vector<Batch>> {
    Batch row;
    Statement st(tx_, sql::kSelectBatchesByOrganisation);
    st.bind(organisation_id);
    into_batch(st, row);
    return collect(st, row);
  });
}

Result<std::vector<Batch>> BatchRepository::list_by_station(Id station_id, BatchStatus status) {
  return guarded("读取申报批次列表", [&]() -> Result<std::vector<Batch>> {
    Batch row;
    Statement st(tx_, sql::kSelectBatchesByStationStatus);
    st.bind(station_id).bind(status);
    into_batch(st, row);
    return collect(st, row);
  });
}

Result<void> BatchRepository::change_status(Id id, BatchStatus from, BatchStatus to,
                                            std::optional<Timestamp> submitted_at) {
  return guarded("更新申报批次状态", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateBatchStatus);
    st.bind(to).bind(submitted_at).bind(id).bind(from);
    st.execute();
    if (st.affected_rows() == 1) return ok();
    std::int64_t exists = 0;
    Statement probe(tx_, sql::kBatchExists);
    probe.bind(id).into(exists).execute();
    return fail(exists ? stale_state("申报批次", id) : not_found("申报批次", id));
  });
}

}  // namespace rc::store
