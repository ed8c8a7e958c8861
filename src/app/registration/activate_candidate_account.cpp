#include "app/registration/activate_candidate_account.h"

#include "app/applicant_fields.h"
#include "app/registration/candidate_account_lookup.h"
#include "store/user_repository.h"

namespace rc::app {
namespace {

Result<store::User> matching_account(store::Database& db, const Clock& clock, const identity::PersonalDataCipher& cipher,
                                     std::string_view id_number, std::string_view phone_text) {
  auto refused = [] {
    return fail(ErrorCode::kBadCredentials, "id_number", "证件号码或手机号码不正确，或申报单位尚未提交您的报名");
  };
  auto phone = parse_mobile(phone_text);
  if (!phone) return refused();
  auto account = db.read([&](store::Transaction& tx) {
    return account_by_id_number(tx, cipher, id_number, china_date(clock.now()));
  });
  if (!account) return fail(account.error());
  if (!*account || (*account)->role != store::Role::kCandidate || (*account)->disabled ||
      (*account)->phone.value_or("") != *phone)
    return refused();
  if ((*account)->password_hash) return fail(ErrorCode::kWrongState, "id_number", "账号已激活，请直接登录");
  return **account;
}

}  // namespace

Result<void> request_activation_code(store::Database& db, const Clock& clock, const identity::PersonalDataCipher& cipher,
                                     identity::SmsCodeService& sms_codes, const ActivationCodeRequest& request) {
  auto account = matching_account(db, clock, cipher, request.id_number, request.phone);
  if (!account) return fail(account.error());
  return sms_codes.issue(*account->phone, kActivationSmsPurpose, request.client_ip);
}

Result<Actor> activate_candidate_account(store::Database& db, const Clock& clock, const identity::PersonalDataCipher& cipher,
                                         identity::SmsCodeService& sms_codes, identity::PasswordHasher& hasher,
                                         const Activation& request) {
  if (auto policy = identity::check_password_policy(request.new_password); !policy) return fail(policy.error());
  auto account = matching_account(db, clock, cipher, request.id_number, request.phone);
  if (!account) return fail(account.error());
  if (auto code = sms_codes.verify(*account->phone, kActivationSmsPurpose, request.sms_code); !code)
    return fail(code.error());
  auto hashed = hasher.hash(request.new_password).get();
  if (!hashed) return fail(hashed.error());
  const Actor actor = actor_of(*account);
  return db.transaction([&](store::Transaction& tx) -> Result<Actor> {
    if (auto set = store::UserRepository(tx).set_password_hash(account->id, *hashed); !set) return fail(set.error());
    if (auto a = audit(tx, actor, to_timestamp(clock.now()), {"user.activate", "user", account->id}); !a)
      return fail(a.error());
    return actor;
  });
}

}  // namespace rc::app
