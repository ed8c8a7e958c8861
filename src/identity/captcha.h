#pragma once
// Image captchas for the login page (R11, F3). The server draws 4-5 characters from an
// alphabet without look-alikes (no 0/O, 1/I/L) as a ~120x40 PNG with noise and rotation
// (captcha_image.h). Only a salted digest of the answer is stored; a challenge expires after
// 5 minutes and is single use: its first check, right or wrong, consumes it.
//
//   auto c = captchas.issue();            // send c->png, keep c->id in the form
//   auto r = captchas.check(id, typed);   // ok, kCaptchaWrong or kCaptchaExpired
//
// Browser tests cannot read the picture, so set_test_answer_sink() can hand each answer to a
// test hook (the demo/e2e mode logs it to a file). It is off unless set; production never sets it.
//
// Thread safety: issue() and check() may be called from any thread. set_test_answer_sink() must
// be called before the service is shared between threads.

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "domain/common/clock.h"
#include "domain/common/random.h"
#include "domain/common/result.h"
#include "store/database.h"

namespace rc::identity {

struct CaptchaChallenge {
  std::string id;   // random, base64url (22 characters)
  std::string png;  // the image
};

inline constexpr std::chrono::minutes kCaptchaLifetime{5};
// The characters a captcha is made of: no 0/O, 1/I/L.
inline constexpr std::string_view kCaptchaAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

class CaptchaService {
 public:
  // `random` must be safe for the threads that call issue() (SecureRandom is).
  CaptchaService(store::Database& db, const Clock& clock, RandomSource& random);

  [[nodiscard]] Result<CaptchaChallenge> issue();
  // Case-insensitive, surrounding spaces ignored. kCaptchaExpired for an unknown, expired or
  // already checked id; kCaptchaWrong for a wrong answer (which also consumes the captcha).
  [[nodiscard]] Result<void> check(std::string_view id, std::string_view answer);

  // TEST HOOK: called with (id, answer) for every captcha issued. Never set in production.
  void set_test_answer_sink(std::function<void(std::string id, std::string answer)> sink);

 private:
  store::Database& db_;
  const Clock& clock_;
  RandomSource& random_;
  std::function<void(std::string, std::string)> test_sink_;
};

}  // namespace rc::identity
