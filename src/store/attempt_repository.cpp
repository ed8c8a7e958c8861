#include "store/attempt_repository.h"

#include "store/attempt_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_attempt(Statement& st, Attempt& a) {
  st.into(a.id).into(a.registration_id).into(a.sitting_id).into(a.subject).into(a.kind).into(a.outcome);
  st.into(a.score_milli).into(a.recorded_at).into(a.recorded_by).into(a.held_on);
}

}  // namespace

Result<Id> AttemptRepository::record(const Attempt& a) {
  return guarded("记录考试结果", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertAttempt);
    st.bind(a.registration_id).bind(a.sitting_id).bind(a.subject).bind(a.kind).bind(a.outcome);
    st.bind(a.score_milli).bind(a.recorded_at).bind(a.recorded_by).into(id);
    st.execute();
    return id;
  });
}

Result<Attempt> AttemptRepository::find(Id id) {
  return guarded("读取考试结果", [&]() -> Result<Attempt> {
    Attempt row;
    Statement st(tx_, sql::kSelectAttemptById);
    st.bind(id);
    into_attempt(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("考试记录", id));
  });
}

Result<std::vector<Attempt>> AttemptRepository::list_by_registration(Id registration_id) {
  return guarded("读取考试记录", [&]() -> Result<std::vector<Attempt>> {
    Attempt row;
    Statement st(tx_, sql::kSelectAttemptsByRegistration);
    st.bind(registration_id);
    into_attempt(st, row);
    return collect(st, row);
  });
}

Result<std::vector<Attempt>> AttemptRepository::list_by_sitting(Id sitting_id) {
  return guarded("读取场次考试记录", [&]() -> Result<std::vector<Attempt>> {
    Attempt row;
    Statement st(tx_, sql::kSelectAttemptsBySitting);
    st.bind(sitting_id);
    into_attempt(st, row);
    return collect(st, row);
  });
}

Result<void> AttemptRepository::update_outcome(Id id, const OutcomeUpdate& u) {
  return guarded("更新考试结果", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateAttemptOutcome);
    st.bind(u.outcome).bind(u.score_milli).bind(u.recorded_at).bind(u.recorded_by).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("考试记录", id));
    return ok();
  });
}

}  // namespace rc::store
