#include "store/reissue_repository.h"

#include "store/reissue_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_reissue(Statement& st, ReissueApplication& a) {
  st.into(a.id).into(a.candidate_id).into(a.station_id).into(a.old_number).into(a.old_issued_on).into(a.reason);
  st.into(a.old_certificate_id).into(a.status).into(a.decision_reason).into(a.decided_by).into(a.decided_at);
  st.into(a.issued_certificate_id).into(a.created_at);
}

std::vector<ReissueApplication> list_of(Transaction& tx, std::string_view sql, Id key) {
  ReissueApplication row;
  Statement st(tx, sql);
  st.bind(key);
  into_reissue(st, row);
  return collect(st, row);
}

}  // namespace

Result<Id> ReissueRepository::insert(const ReissueApplication& a) {
  return guarded("保存补发申请", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertReissue);
    st.bind(a.candidate_id).bind(a.station_id).bind(a.old_number).bind(a.old_issued_on).bind(a.reason);
    st.bind(a.old_certificate_id).bind(a.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<ReissueApplication> ReissueRepository::find(Id id) {
  return guarded("读取补发申请", [&]() -> Result<ReissueApplication> {
    ReissueApplication row;
    Statement st(tx_, sql::kSelectReissue);
    st.bind(id);
    into_reissue(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("补发申请", id));
  });
}

Result<std::vector<ReissueApplication>> ReissueRepository::list_by_candidate(Id candidate_id) {
  return guarded("读取补发申请", [&]() -> Result<std::vector<ReissueApplication>> {
    return list_of(tx_, sql::kSelectReissuesByCandidate, candidate_id);
  });
}

Result<std::vector<ReissueApplication>> ReissueRepository::list_by_station(Id station_id) {
  return guarded("读取补发申请", [&]() -> Result<std::vector<ReissueApplication>> {
    return list_of(tx_, sql::kSelectReissuesByStation, station_id);
  });
}

Result<void> ReissueRepository::decide(Id id, const ReissueDecision& d) {
  if (d.to == ReissueStatus::kRefused && (!d.reason || d.reason->empty()))
    return fail(ErrorCode::kReasonRequired, "reason", "不予补发必须填写原因");
  return guarded("处理补发申请", [&]() -> Result<void> {
    Statement st(tx_, sql::kDecideReissue);
    st.bind(d.to).bind(d.reason).bind(d.by).bind(d.at).bind(d.issued_certificate_id).bind(id).execute();
    if (st.affected_rows() == 1) return ok();
    auto existing = find(id);
    if (!existing) return fail(existing.error());
    return fail(stale_state("补发申请", id));
  });
}

}  // namespace rc::store
