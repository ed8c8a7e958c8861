#include "app/registration/authenticate.h"

#include "app/registration/candidate_account_lookup.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

Result<void> note(store::Database& db, const Clock& clock, const Actor& actor, std::string_view action, store::Id user_id,
                  nlohmann::json detail = nlohmann::json::object()) {
  return db.transaction([&](store::Transaction& tx) {
    return audit(tx, actor, to_timestamp(clock.now()), {action, "user", user_id, std::move(detail)});
  });
}

Result<PasswordVerified> wrong_password(store::Database& db, const Clock& clock, identity::LoginGuard& guard,
                                        const store::User& user, std::string_view ip) {
  auto locked = guard.record_failure(user.id, ip);
  if (!locked) return fail(locked.error());
  if (auto a = note(db, clock, actor_of(user), "auth.password_failed", user.id, {{"ip", ip}, {"locked", *locked}}); !a)
    return fail(a.error());
  if (*locked) return fail(ErrorCode::kAccountLocked, "password");
  return fail(ErrorCode::kBadCredentials, "password");
}

}  // namespace

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  return std::string(phone.substr(0, 3)) + std::string(phone.size() - 7, '*') + std::string(phone.substr(phone.size() - 4));
}

Result<PasswordVerified> authenticate(store::Database& db, const Clock& clock, const identity::PersonalDataCipher& cipher,
                                      identity::PasswordHasher& hasher, identity::LoginGuard& guard,
                                      const LoginAttempt& attempt) {
  auto found = db.read([&](store::Transaction& tx) {
    return account_by_login(tx, cipher, attempt.login, china_date(clock.now()));
  });
  if (!found) return fail(found.error());
  if (!*found) {
    if (auto g = guard.before_attempt(std::nullopt, attempt.client_ip); !g) return fail(g.error());
    if (auto r = guard.record_failure(std::nullopt, attempt.client_ip); !r) return fail(r.error());
    return fail(ErrorCode::kBadCredentials, "login");
  }
  const store::User& user = **found;
  if (auto g = guard.before_attempt(user.id, attempt.client_ip); !g) return fail(g.error());
  if (user.disabled) return fail(ErrorCode::kBadCredentials, "login");
  if (!user.password_hash) return fail(ErrorCode::kAccountNotActivated, "login");
  auto right = hasher.verify(*user.password_hash, attempt.password).get();
  if (!right) return fail(right.error());  // overload: not a wrong password
  if (!*right) return wrong_password(db, clock, guard, user, attempt.client_ip);
  if (auto s = guard.record_success(user.id); !s) return fail(s.error());
  if (!user.phone || user.phone->empty())
    return fail(ErrorCode::kAccountNotActivated, "phone", "账号未登记手机号码，无法完成短信验证，请联系管理员");
  if (auto a = note(db, clock, actor_of(user), "auth.password_ok", user.id, {{"ip", attempt.client_ip}}); !a)
    return fail(a.error());
  return PasswordVerified{actor_of(user), *user.phone, mask_phone(*user.phone)};
}

Result<Actor> complete_login(store::Database& db, const Clock& clock, identity::SmsCodeService& sms_codes,
                             store::Id user_id, std::string_view sms_code) {
  auto user = db.read([&](store::Transaction& tx) { return store::UserRepository(tx).find(user_id); });
  if (!user) return fail(user.error());
  if (user->disabled || !user->phone) return fail(ErrorCode::kBadCredentials, "login");
  if (auto v = sms_codes.verify(*user->phone, kLoginSmsPurpose, sms_code); !v) return fail(v.error());
  const Actor actor = actor_of(*user);
  if (auto a = note(db, clock, actor, "auth.login", user->id); !a) return fail(a.error());
  return actor;
}

}  // namespace rc::app
