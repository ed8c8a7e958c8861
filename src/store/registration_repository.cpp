#include "store/registration_repository.h"

#include "store/registration_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_registration(Statement& st, Registration& r) {
  st.into(r.id).into(r.candidate_id).into(r.batch_id).into(r.level).into(r.policy_id).into(r.registered_on);
  st.into(r.fee_due_fen).into(r.fee_paid_fen).into(r.status).into(r.review_reason).into(r.reviewed_by);
  st.into(r.reviewed_at).into(r.created_at);
}

}  // namespace

Result<Id> RegistrationRepository::insert(const Registration& r) {
  return guarded("保存报名", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertRegistration);
    st.bind(r.candidate_id).bind(r.batch_id).bind(r.level).bind(r.policy_id).bind(r.registered_on);
    st.bind(r.fee_due_fen).bind(r.fee_paid_fen).bind(r.status).bind(r.review_reason).bind(r.reviewed_by);
    st.bind(r.reviewed_at).bind(r.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<Registration> RegistrationRepository::find(Id id) {
  return guarded("读取报名", [&]() -> Result<Registration> {
    Registration row;
    Statement st(tx_, sql::kSelectRegistrationById);
    st.bind(id);
    into_registration(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("报名记录", id));
  });
}

Result<std::vector<Registration>> RegistrationRepository::list_by_batch(Id batch_id) {
  return guarded("读取批次报名", [&]() -> Result<std::vector<Registration>> {
    Registration row;
    Statement st(tx_, sql::kSelectRegistrationsByBatch);
    st.bind(batch_id);
    into_registration(st, row);
    return collect(st, row);
  });
}

Result<std::vector<Registration>> RegistrationRepository::list_by_candidate(Id candidate_id) {
  return guarded("读取考生报名", [&]() -> Result<std::vector<Registration>> {
    Registration row;
    Statement st(tx_, sql::kSelectRegistrationsByCandidate);
    st.bind(candidate_id);
    into_registration(st, row);
    return collect(st, row);
  });
}

Result<void> RegistrationRepository::change_status(Id id, RegistrationStatus from, RegistrationStatus to) {
  return guarded("更新报名状态", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateRegistrationStatus);
    st.bind(to).bind(id).bind(from);
    st.execute();
    if (st.affected_rows() == 1) return ok();
    return fail(missing_or_stale(id));
  });
}

Result<void> RegistrationRepository::review(Id id, const Review& review) {
  if (review.to == RegistrationStatus::kReturned && (!review.reason || review.reason->empty()))
    return fail(ErrorCode::kMissingField, "review_reason", "退回报名必须填写原因");
  return guarded("保存审核结果", [&]() -> Result<void> {
    Statement st(tx_, sql::kReviewRegistration);
    st.bind(review.to).bind(review.reason).bind(review.reviewed_by).bind(review.reviewed_at).bind(id);
    st.bind(review.from);
    st.execute();
    if (st.affected_rows() == 1) return ok();
    return fail(missing_or_stale(id));
  });
}

Result<void> RegistrationRepository::record_fee_paid(Id id, std::int64_t fee_paid_fen) {
  return guarded("记录缴费", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateRegistrationFeePaid);
    st.bind(fee_paid_fen).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("报名记录", id));
    return ok();
  });
}

Error RegistrationRepository::missing_or_stale(Id id) {
  std::int64_t exists = 0;
  Statement probe(tx_, sql::kRegistrationExists);
  probe.bind(id).into(exists).execute();
  return exists ? stale_state("报名记录", id) : not_found("报名记录", id);
}

}  // namespace rc::store
