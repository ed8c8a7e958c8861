#include "store/user_repository.h"

#include "store/repository_support.h"
#include "store/storage_error.h"
#include "store/user_sql.h"

namespace rc::store {
namespace {

void into_user(Statement& st, User& u) {
  st.into(u.id).into(u.username).into(u.role).into(u.password_hash).into(u.phone).into(u.candidate_id);
  st.into(u.organisation_id).into(u.station_id).into(u.disabled).into(u.created_at);
}

}  // namespace

Result<Id> UserRepository::insert(const User& u) {
  return guarded("保存账号", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertUser);
    st.bind(u.username).bind(u.role).bind(u.password_hash).bind(u.phone).bind(u.candidate_id);
    st.bind(u.organisation_id).bind(u.station_id).bind(u.disabled).bind(u.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<User> UserRepository::find(Id id) {
  return guarded("读取账号", [&]() -> Result<User> {
    User row;
    Statement st(tx_, sql::kSelectUserById);
    st.bind(id);
    into_user(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("账号", id));
  });
}

Result<std::optional<User>> UserRepository::find_by_username(std::string_view username) {
  return guarded("读取账号", [&]() -> Result<std::optional<User>> {
    User row;
    Statement st(tx_, sql::kSelectUserByUsername);
    st.bind(username);
    into_user(st, row);
    return first(st, row);
  });
}

Result<std::optional<User>> UserRepository::find_by_candidate(Id candidate_id) {
  return guarded("读取账号", [&]() -> Result<std::optional<User>> {
    User row;
    Statement st(tx_, sql::kSelectUserByCandidate);
    st.bind(candidate_id);
    into_user(st, row);
    return first(st, row);
  });
}

Result<void> UserRepository::set_password_hash(Id id, std::string_view password_hash) {
  return guarded("更新密码", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateUserPasswordHash);
    st.bind(password_hash).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("账号", id));
    return ok();
  });
}

Result<void> UserRepository::set_disabled(Id id, bool disabled) {
  return guarded("更新账号状态", [&]() -> Result<void> {
    Statement st(tx_, sql::kUpdateUserDisabled);
    st.bind(disabled).bind(id);
    st.execute();
    if (st.affected_rows() == 0) return fail(not_found("账号", id));
    return ok();
  });
}

}  // namespace rc::store
