#include "store/appeal_repository.h"

#include "store/appeal_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_appeal(Statement& st, Appeal& a) {
  st.into(a.id).into(a.attempt_id).into(a.registration_id).into(a.reason).into(a.status).into(a.requested_at);
  st.into(a.requested_by).into(a.decision_reason).into(a.decided_at).into(a.decided_by);
}

void into_placement(Statement& st, RetakePlacement& p) {
  st.into(p.id).into(p.registration_id).into(p.sitting_id).into(p.subject).into(p.kind).into(p.rule);
  st.into(p.deadline).into(p.fee_fen).into(p.placed_at).into(p.placed_by);
}

}  // namespace

Result<Id> AppealRepository::insert(const Appeal& a) {
  return guarded("登记成绩复核申请", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertAppeal);
    st.bind(a.attempt_id).bind(a.registration_id).bind(a.reason).bind(a.requested_at).bind(a.requested_by).into(id);
    st.execute();
    return id;
  });
}

Result<Appeal> AppealRepository::find(Id id) {
  return guarded("读取成绩复核申请", [&]() -> Result<Appeal> {
    Appeal row;
    Statement st(tx_, sql::kSelectAppealById);
    st.bind(id);
    into_appeal(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("成绩复核申请", id));
  });
}

Result<std::optional<Appeal>> AppealRepository::find_by_attempt(Id attempt_id) {
  return guarded("读取成绩复核申请", [&]() -> Result<std::optional<Appeal>> {
    Appeal row;
    Statement st(tx_, sql::kSelectAppealByAttempt);
    st.bind(attempt_id);
    into_appeal(st, row);
    return first(st, row);
  });
}

Result<std::vector<Appeal>> AppealRepository::list_by_candidate(Id candidate_id) {
  return guarded("读取成绩复核申请", [&]() -> Result<std::vector<Appeal>> {
    Appeal row;
    Statement st(tx_, sql::kSelectAppealsByCandidate);
    st.bind(candidate_id);
    into_appeal(st, row);
    return collect(st, row);
  });
}

Result<std::vector<Appeal>> AppealRepository::list_by_station(Id station_id) {
  return guarded("读取成绩复核申请", [&]() -> Result<std::vector<Appeal>> {
    Appeal row;
    Statement st(tx_, sql::kSelectAppealsByStation);
    st.bind(station_id);
    into_appeal(st, row);
    return collect(st, row);
  });
}

Result<void> AppealRepository::decide(Id id, AppealStatus status, std::string_view reason, Timestamp at,
                                      std::optional<Id> by) {
  return guarded("登记复核结果", [&]() -> Result<void> {
    Statement st(tx_, sql::kDecideAppeal);
    st.bind(status).bind(reason).bind(at).bind(by).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(stale_state("成绩复核申请", id));
    return ok();
  });
}

Result<Id> AppealRepository::add_correction(const ScoreCorrection& c) {
  return guarded("登记成绩更正", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertCorrection);
    st.bind(c.attempt_id).bind(c.appeal_id).bind(c.old_outcome).bind(c.old_score_milli).bind(c.new_outcome);
    st.bind(c.new_score_milli).bind(c.reason).bind(c.recorded_at).bind(c.recorded_by).into(id);
    st.execute();
    return id;
  });
}

Result<std::vector<ScoreCorrection>> AppealRepository::corrections_of(Id attempt_id) {
  return guarded("读取成绩更正", [&]() -> Result<std::vector<ScoreCorrection>> {
    ScoreCorrection row;
    Statement st(tx_, sql::kSelectCorrectionsByAttempt);
    st.bind(attempt_id);
    st.into(row.id).into(row.attempt_id).into(row.appeal_id).into(row.old_outcome).into(row.old_score_milli);
    st.into(row.new_outcome).into(row.new_score_milli).into(row.reason).into(row.recorded_at).into(row.recorded_by);
    return collect(st, row);
  });
}

Result<Id> AppealRepository::add_placement(const RetakePlacement& p) {
  return guarded("登记补考安排", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertPlacement);
    st.bind(p.registration_id).bind(p.sitting_id).bind(p.subject).bind(p.kind).bind(p.rule).bind(p.deadline);
    st.bind(p.fee_fen).bind(p.placed_at).bind(p.placed_by).into(id);
    st.execute();
    return id;
  });
}

Result<std::vector<RetakePlacement>> AppealRepository::placements_of_registration(Id registration_id) {
  return guarded("读取补考安排", [&]() -> Result<std::vector<RetakePlacement>> {
    RetakePlacement row;
    Statement st(tx_, sql::kSelectPlacementsByRegistration);
    st.bind(registration_id);
    into_placement(st, row);
    return collect(st, row);
  });
}

Result<std::vector<RetakePlacement>> AppealRepository::placements_at(Id sitting_id) {
  return guarded("读取补考安排", [&]() -> Result<std::vector<RetakePlacement>> {
    RetakePlacement row;
    Statement st(tx_, sql::kSelectPlacementsBySitting);
    st.bind(sitting_id);
    into_placement(st, row);
    return collect(st, row);
  });
}

}  // namespace rc::store
