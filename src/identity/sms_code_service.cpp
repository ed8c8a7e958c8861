#include <cstdio>
#include <optional>

#include "identity/secret_digest.h"
#include "identity/sms.h"
#include "identity/sms_sql.h"
#include "identity/timestamps.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::identity {
namespace {

struct Limit {
  std::chrono::seconds window;
  std::int64_t max;
  bool per_ip;  // else per phone
};
// 1 per phone per minute, 10 per phone per day, 20 per client IP per hour (R11).
constexpr Limit kLimits[] = {
    {std::chrono::seconds(60), 1, false},
    {std::chrono::hours(24), 10, false},
    {std::chrono::hours(1), 20, true},
};

bool valid_phone(std::string_view p) {
  if (p.size() != 11 || p[0] != '1') return false;
  for (char c : p)
    if (c < '0' || c > '9') return false;
  return true;
}

bool valid_purpose(std::string_view p) {
  if (p.empty() || p.size() > 32) return false;
  for (char c : p)
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  return true;
}

Result<void> check_inputs(std::string_view phone, std::string_view purpose) {
  if (!valid_phone(phone)) return fail(ErrorCode::kInvalidValue, "phone", "手机号码格式不正确，应为 11 位大陆手机号码");
  if (!valid_purpose(purpose)) return fail(ErrorCode::kInvalidValue, "purpose", "短信验证码用途无效");
  return ok();
}

std::int64_t phone_lock_key(std::string_view phone) {
  std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a 64
  for (unsigned char c : phone) h = (h ^ c) * 0x100000001b3ull;
  return static_cast<std::int64_t>(h);
}

Error too_many(std::chrono::seconds wait) {
  std::string when =
      wait.count() <= 120 ? std::to_string(wait.count()) + " 秒" : std::to_string((wait.count() + 59) / 60) + " 分钟";
  return make_error(ErrorCode::kTooManyRequests, "phone", "获取短信验证码过于频繁，请 " + when + "后再试");
}

// The first limit `phone`/`ip` is over at `now`, as the error to return.
std::optional<Error> over_limit(store::Transaction& tx, std::string_view phone, std::string_view ip,
                                store::Timestamp now) {
  for (const Limit& limit : kLimits) {
    if (limit.per_ip && ip.empty()) continue;
    const store::Timestamp since = now - limit.window;
    std::int64_t count = 0;
    store::Statement st(tx, limit.per_ip ? sql::kCountCodesForIpSince : sql::kCountCodesForPhoneSince);
    st.bind(limit.per_ip ? ip : phone).bind(since).into(count);
    st.execute();
    if (count < limit.max) continue;
    store::Timestamp oldest{};
    store::Statement first(tx, limit.per_ip ? sql::kOldestCodeForIpSince : sql::kOldestCodeForPhoneSince);
    first.bind(limit.per_ip ? ip : phone).bind(since).into(oldest);
    first.execute();
    auto wait = std::chrono::ceil<std::chrono::seconds>(oldest + limit.window - now);
    return too_many(std::max(wait, std::chrono::seconds(1)));
  }
  return std::nullopt;
}

enum class Check { kNoCode, kSpent, kWrong, kRight };

}  // namespace

SmsCodeService::SmsCodeService(store::Database& db, SmsProvider& provider, const Clock& clock, RandomSource& random)
    : db_(db), provider_(provider), clock_(clock), random_(random) {}

Result<void> SmsCodeService::issue(std::string_view phone, std::string_view purpose, std::string_view client_ip) {
  if (auto valid = check_inputs(phone, purpose); !valid) return valid;
  if (client_ip.size() > 64) return fail(ErrorCode::kInvalidValue, "client_ip", "客户端地址无效");
  char code[8];
  std::snprintf(code, sizeof code, "%06u", static_cast<unsigned>(random_.uniform(1000000)));
  const std::string digest = salted_digest(random_, code);
  const auto now = to_stored(clock_.now());
  auto id = db_.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    return store::guarded("保存短信验证码", [&]() -> Result<store::Id> {
      if (tx.backend() == store::Backend::kPostgresql) {
        int one = 0;
        store::Statement lock(tx, sql::kLockPhonePostgresql);
        lock.bind(phone_lock_key(phone)).into(one);
        lock.execute();
      }
      if (auto refused = over_limit(tx, phone, client_ip, now)) return fail(*refused);
      store::Statement void_old(tx, sql::kVoidEarlierCodes);
      void_old.bind(now).bind(phone).bind(purpose);
      void_old.execute();
      store::Id new_id = 0;
      store::Statement insert(tx, sql::kInsertCode);
      insert.bind(phone).bind(purpose).bind(digest).bind(client_ip).bind(now).bind(now + kSmsCodeLifetime).into(new_id);
      insert.execute();
      store::Statement purge(tx, sql::kDeleteOldCodes);
      purge.bind(now - std::chrono::hours(48));
      purge.execute();
      return new_id;
    });
  });
  if (!id) return fail(id.error());
  const std::string text = std::string("【应急救援员鉴定平台】您的验证码为 ") + code + "，5 分钟内有效。";
  if (auto sent = provider_.send(std::string(phone), text, std::string(purpose)); !sent) {
    // Nobody received this code: void it so that it cannot be guessed in its 5 minutes either.
    (void)db_.transaction([&](store::Transaction& tx) -> Result<void> {
      return store::guarded("作废短信验证码", [&]() -> Result<void> {
        store::Statement st(tx, sql::kVoidCode);
        st.bind(now).bind(*id);
        st.execute();
        return ok();
      });
    });
    return sent;
  }
  return ok();
}

Result<void> SmsCodeService::verify(std::string_view phone, std::string_view purpose, std::string_view code) {
  if (auto valid = check_inputs(phone, purpose); !valid) return valid;
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string_view::npos)
    return fail(ErrorCode::kSmsCodeWrong, "sms_code", "短信验证码应为 6 位数字");
  const auto now = to_stored(clock_.now());
  // Commits whatever the answer, so that a wrong code still spends its attempt.
  auto checked = db_.transaction([&](store::Transaction& tx) -> Result<Check> {
    return store::guarded("核对短信验证码", [&]() -> Result<Check> {
      store::Id id = 0;
      std::string digest;
      store::Statement live(tx, sql::kSelectLiveCode);
      live.bind(phone).bind(purpose).bind(now).into(id).into(digest);
      if (!live.execute()) return Check::kNoCode;
      store::Statement spend(tx, sql::kSpendAttempt);
      spend.bind(id).bind(kSmsCodeMaxAttempts);
      spend.execute();
      if (spend.affected_rows() == 0) return Check::kSpent;
      if (!salted_digest_matches(digest, code)) return Check::kWrong;
      store::Statement use(tx, sql::kUseCode);
      use.bind(now).bind(id);
      use.execute();
      return use.affected_rows() == 1 ? Check::kRight : Check::kNoCode;
    });
  });
  if (!checked) return fail(checked.error());
  switch (*checked) {
    case Check::kRight:
      return ok();
    case Check::kWrong:
      return fail(ErrorCode::kSmsCodeWrong, "sms_code");
    case Check::kSpent:
      return fail(ErrorCode::kSmsCodeExpired, "sms_code", "短信验证码错误次数过多，已失效，请重新获取");
    case Check::kNoCode:
      break;
  }
  return fail(ErrorCode::kSmsCodeExpired, "sms_code");
}

}  // namespace rc::identity
