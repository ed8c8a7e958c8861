#include "identity/login_guard.h"

#include "identity/login_guard_sql.h"
#include "identity/timestamps.h"
#include "store/repository_support.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::identity {
namespace {

std::string minutes_text(std::chrono::seconds left) {
  return std::to_string(std::max<long long>(1, (left.count() + 59) / 60)) + " 分钟";
}

}  // namespace

LoginGuard::LoginGuard(store::Database& db, const Clock& clock, LoginGuardOptions options)
    : db_(db),
      clock_(clock),
      options_(options),
      ip_failures_(options.ip_max_failures, std::chrono::duration_cast<std::chrono::seconds>(options.ip_window)) {}

Result<void> LoginGuard::before_attempt(std::optional<store::Id> user_id, std::string_view client_ip) {
  const auto now = clock_.now();
  if (!client_ip.empty() && ip_failures_.blocked(client_ip, now))
    return fail(ErrorCode::kTooManyRequests, "password",
                "登录失败次数过多，请 " + minutes_text(ip_failures_.retry_after(client_ip, now)) + "后再试");
  if (!user_id) return ok();
  auto locked_until = db_.read([&](store::Transaction& tx) -> Result<std::optional<store::Timestamp>> {
    return store::guarded("读取账号锁定状态", [&]() -> Result<std::optional<store::Timestamp>> {
      std::optional<store::Timestamp> until;
      store::Statement st(tx, sql::kSelectLockedUntil);
      st.bind(*user_id).into(until);
      if (!st.execute()) return fail(store::not_found("账号", *user_id));
      return until;
    });
  });
  if (!locked_until) return fail(locked_until.error());
  const auto stored_now = to_stored(now);
  if (*locked_until && **locked_until > stored_now) {
    auto left = std::chrono::ceil<std::chrono::seconds>(**locked_until - stored_now);
    return fail(ErrorCode::kAccountLocked, "password",
                "密码错误次数过多，账号已锁定，请 " + minutes_text(left) + "后再试", "R11");
  }
  return ok();
}

Result<bool> LoginGuard::record_failure(std::optional<store::Id> user_id, std::string_view client_ip) {
  const auto now = clock_.now();
  if (!client_ip.empty()) ip_failures_.record(client_ip, now);
  if (!user_id) return false;
  const store::Timestamp until = to_stored(now) + options_.lockout;
  return db_.transaction([&](store::Transaction& tx) -> Result<bool> {
    return store::guarded("记录登录失败", [&]() -> Result<bool> {
      int failures = 0;
      store::Statement count(tx, sql::kCountFailedLogin);
      count.bind(*user_id).into(failures);
      if (!count.execute()) return fail(store::not_found("账号", *user_id));
      if (failures < options_.max_failures) return false;
      store::Statement lock(tx, sql::kLockUser);
      lock.bind(until).bind(*user_id);
      lock.execute();
      return true;
    });
  });
}

Result<void> LoginGuard::record_success(store::Id user_id) {
  return db_.transaction([&](store::Transaction& tx) -> Result<void> {
    return store::guarded("记录登录成功", [&]() -> Result<void> {
      store::Statement st(tx, sql::kClearFailedLogins);
      st.bind(user_id);
      st.execute();
      if (st.affected_rows() == 0) return fail(store::not_found("账号", user_id));
      return ok();
    });
  });
}

}  // namespace rc::identity
