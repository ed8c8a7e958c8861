#include "identity/captcha.h"

#include <optional>

#include "identity/captcha_image.h"
#include "identity/captcha_sql.h"
#include "identity/secret_digest.h"
#include "identity/timestamps.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::identity {
namespace {

constexpr std::size_t kMaxAnswerBytes = 16;

std::string normalise_answer(std::string_view answer) {
  while (!answer.empty() && answer.front() == ' ') answer.remove_prefix(1);
  while (!answer.empty() && answer.back() == ' ') answer.remove_suffix(1);
  std::string out(answer);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

Error expired() { return make_error(ErrorCode::kCaptchaExpired, "captcha"); }

}  // namespace

CaptchaService::CaptchaService(store::Database& db, const Clock& clock, RandomSource& random)
    : db_(db), clock_(clock), random_(random) {}

void CaptchaService::set_test_answer_sink(std::function<void(std::string id, std::string answer)> sink) {
  test_sink_ = std::move(sink);
}

Result<CaptchaChallenge> CaptchaService::issue() {
  std::string answer(4 + random_.uniform(2), ' ');
  for (char& c : answer) c = kCaptchaAlphabet[random_.uniform(kCaptchaAlphabet.size())];
  CaptchaChallenge challenge{random_token(random_, 16), render_captcha_png(answer, random_)};
  const std::string digest = salted_digest(random_, answer);
  const auto now = to_stored(clock_.now());
  auto saved = db_.transaction([&](store::Transaction& tx) -> Result<void> {
    return store::guarded("保存图形验证码", [&]() -> Result<void> {
      store::Statement purge(tx, sql::kDeleteOldCaptchas);
      purge.bind(now - std::chrono::hours(1));
      purge.execute();
      store::Statement st(tx, sql::kInsertCaptcha);
      st.bind(challenge.id).bind(digest).bind(now).bind(now + kCaptchaLifetime);
      st.execute();
      return ok();
    });
  });
  if (!saved) return fail(saved.error());
  if (test_sink_) test_sink_(challenge.id, answer);
  return challenge;
}

Result<void> CaptchaService::check(std::string_view id, std::string_view answer) {
  if (id.empty() || id.size() > 64) return fail(expired());
  const auto now = to_stored(clock_.now());
  // Claim and read in one committed transaction, so that a wrong answer still uses it up.
  auto stored = db_.transaction([&](store::Transaction& tx) -> Result<std::optional<std::string>> {
    return store::guarded("核对图形验证码", [&]() -> Result<std::optional<std::string>> {
      store::Statement claim(tx, sql::kClaimCaptcha);
      claim.bind(now).bind(id).bind(now);
      claim.execute();
      if (claim.affected_rows() == 0) return std::optional<std::string>{};
      std::string digest;
      store::Statement st(tx, sql::kSelectCaptchaAnswer);
      st.bind(id).into(digest);
      if (!st.execute()) return std::optional<std::string>{};
      return std::optional<std::string>{digest};
    });
  });
  if (!stored) return fail(stored.error());
  if (!*stored) return fail(expired());
  const std::string typed = normalise_answer(answer);
  if (typed.empty() || typed.size() > kMaxAnswerBytes || !salted_digest_matches(**stored, typed))
    return fail(ErrorCode::kCaptchaWrong, "captcha");
  return ok();
}

}  // namespace rc::identity
