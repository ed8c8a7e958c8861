#include "store/result_repository.h"

#include "store/repository_support.h"
#include "store/result_sql.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_row(Statement& st, ResultRow& r) {
  Attempt& a = r.attempt;
  st.into(a.id).into(a.registration_id).into(a.sitting_id).into(a.subject).into(a.kind).into(a.outcome);
  st.into(a.score_milli).into(a.recorded_at).into(a.recorded_by).into(a.held_on);
  st.into(r.station_id).into(r.station_name).into(r.candidate_id).into(r.candidate_name).into(r.id_number_masked);
  st.into(r.organisation_id).into(r.organisation_name).into(r.publish_on);
}

void into_summary(Statement& st, SittingResultSummary& s) {
  Sitting& t = s.sitting;
  st.into(t.id).into(t.station_id).into(t.level).into(t.held_on).into(t.theory_starts_at).into(t.theory_minutes);
  st.into(t.practical_starts_at).into(t.capacity).into(t.status).into(t.created_at);
  st.into(s.attempts).into(s.pending).into(s.publish_on);
}

}  // namespace

Result<std::vector<ResultRow>> ResultRepository::rows(std::string_view sql, Id key, const char* what) {
  return guarded(what, [&]() -> Result<std::vector<ResultRow>> {
    ResultRow row;
    Statement st(tx_, sql);
    st.bind(key);
    into_row(st, row);
    return collect(st, row);
  });
}

Result<std::vector<ResultRow>> ResultRepository::by_candidate(Id candidate_id) {
  return rows(sql::kResultsByCandidate, candidate_id, "读取考生成绩");
}
Result<std::vector<ResultRow>> ResultRepository::by_organisation(Id organisation_id) {
  return rows(sql::kResultsByOrganisation, organisation_id, "读取单位考生成绩");
}
Result<std::vector<ResultRow>> ResultRepository::by_sitting(Id sitting_id) {
  return rows(sql::kResultsBySitting, sitting_id, "读取场次成绩");
}

Result<ResultRow> ResultRepository::by_attempt(Id attempt_id) {
  auto found = rows(sql::kResultByAttempt, attempt_id, "读取成绩");
  if (!found) return fail(found.error());
  if (found->empty()) return fail(not_found("成绩", attempt_id));
  return found->front();
}

Result<std::vector<SittingResultSummary>> ResultRepository::summaries(std::string_view sql, const CivilDate* before,
                                                                      Id station_id) {
  return guarded("读取场次成绩概况", [&]() -> Result<std::vector<SittingResultSummary>> {
    SittingResultSummary row;
    Statement st(tx_, sql);
    if (before) st.bind(*before);
    else st.bind(station_id);
    into_summary(st, row);
    return collect(st, row);
  });
}

Result<std::vector<SittingResultSummary>> ResultRepository::sittings_of_station(Id station_id) {
  return summaries(sql::kSittingSummariesByStation, nullptr, station_id);
}

Result<std::vector<SittingResultSummary>> ResultRepository::complete_unpublished(CivilDate before) {
  return summaries(sql::kSittingsCompleteUnpublished, &before, 0);
}

}  // namespace rc::store
