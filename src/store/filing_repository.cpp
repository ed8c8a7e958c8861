#include "store/filing_repository.h"

#include "store/filing_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_filing(Statement& st, Filing& f) {
  st.into(f.id).into(f.station_id).into(f.status).into(f.entries).into(f.exported_at).into(f.exported_by);
  st.into(f.filed_on).into(f.recorded_at).into(f.recorded_by);
}

std::vector<Id> ids_of(Transaction& tx, std::string_view sql, Id station_id) {
  Id id = 0;
  Statement st(tx, sql);
  st.bind(station_id).into(id);
  return collect(st, id);
}

}  // namespace

Result<Id> FilingRepository::insert(const Filing& f, const std::vector<FilingEntry>& entries) {
  if (entries.empty()) return fail(ErrorCode::kInvalidValue, "entries", "备案名单不能为空");
  return guarded("保存备案记录", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertFiling);
    st.bind(f.station_id).bind(static_cast<int>(entries.size())).bind(f.exported_at).bind(f.exported_by).into(id);
    st.execute();
    for (const auto& e : entries) {
      Statement row(tx_, sql::kInsertFilingEntry);
      row.bind(id).bind(e.registration_id).bind(e.exam_on).execute();
    }
    return id;
  });
}

Result<Filing> FilingRepository::find(Id id) {
  return guarded("读取备案记录", [&]() -> Result<Filing> {
    Filing row;
    Statement st(tx_, sql::kSelectFiling);
    st.bind(id);
    into_filing(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("备案记录", id));
  });
}

Result<std::vector<Filing>> FilingRepository::list_by_station(Id station_id) {
  return guarded("读取备案记录", [&]() -> Result<std::vector<Filing>> {
    Filing row;
    Statement st(tx_, sql::kSelectFilingsByStation);
    st.bind(station_id);
    into_filing(st, row);
    return collect(st, row);
  });
}

Result<std::vector<FilingEntry>> FilingRepository::entries(Id filing_id) {
  return guarded("读取备案名单", [&]() -> Result<std::vector<FilingEntry>> {
    FilingEntry row;
    Statement st(tx_, sql::kSelectFilingEntries);
    st.bind(filing_id).into(row.filing_id).into(row.registration_id).into(row.exam_on);
    return collect(st, row);
  });
}

Result<void> FilingRepository::record_filed(Id id, CivilDate filed_on, Timestamp at, std::optional<Id> by) {
  return guarded("登记备案", [&]() -> Result<void> {
    Statement st(tx_, sql::kRecordFiled);
    st.bind(filed_on).bind(at).bind(by).bind(id).execute();
    if (st.affected_rows() == 1) return ok();
    auto existing = find(id);
    if (!existing) return fail(existing.error());
    return fail(stale_state("备案记录", id));
  });
}

Result<std::optional<FiledEntry>> FilingRepository::filed_entry(Id registration_id) {
  return guarded("查询备案", [&]() -> Result<std::optional<FiledEntry>> {
    FiledEntry row;
    Statement st(tx_, sql::kFiledEntryOfRegistration);
    st.bind(registration_id).into(row.entry.filing_id).into(row.entry.registration_id).into(row.entry.exam_on);
    st.into(row.filed_on);
    return first(st, row);
  });
}

Result<std::vector<Id>> FilingRepository::unfiled_approved_registrations(Id station_id) {
  return guarded("查询待备案考生", [&]() -> Result<std::vector<Id>> {
    return ids_of(tx_, sql::kUnfiledApprovedRegistrations, station_id);
  });
}

Result<std::vector<Id>> FilingRepository::filed_without_certificate(Id station_id) {
  return guarded("查询待发证考生", [&]() -> Result<std::vector<Id>> {
    return ids_of(tx_, sql::kFiledWithoutCertificate, station_id);
  });
}

}  // namespace rc::store
