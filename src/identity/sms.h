#pragma once
// SMS: a provider interface with two implementations, and the verification codes sent through it
// (R11, F3).
//   OutboxSmsProvider       the default: messages are stored in sms_outbox, where administrators
//                           (and the demo and browser tests) read them; for development and
//                           offline sites.
//   HttpGatewaySmsProvider  POSTs {"phone","text","purpose"} as JSON to a configured http:// URL
//                           with an API-key header, for a real SMS service (or a relay to one).
// A new gateway is one class deriving from SmsProvider, chosen where the platform is assembled;
// nothing else changes.
//
// SmsCodeService issues 6-digit codes valid 5 minutes, stored as salted digests, with limits
// kept in the database (so they survive restarts and hold across processes): 1 per phone per
// 60 s, 10 per phone per 24 h, 20 per client IP per hour (kTooManyRequests). A code allows at
// most 5 checks and is consumed by the right one; issuing a new code leaves only the newest one
// valid.
//
// Thread safety: OutboxSmsProvider and SmsCodeService may be called from any thread (each call
// runs its own transaction); HttpGatewaySmsProvider too (each send opens its own connection).
// SmsCodeService's RandomSource must be safe for those threads (SecureRandom is). Never call a
// provider while holding a transaction on the same thread (the outbox opens its own).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/common/clock.h"
#include "domain/common/random.h"
#include "domain/common/result.h"
#include "store/database.h"
#include "store/records.h"

namespace rc::identity {

class SmsProvider {
 public:
  virtual ~SmsProvider();
  // kSmsSendFailed when the message could not be handed over.
  [[nodiscard]] virtual Result<void> send(const std::string& phone, const std::string& text,
                                          const std::string& purpose) = 0;
};

struct OutboxMessage {
  store::Id id = 0;
  std::string phone;
  std::string text;
  std::string purpose;
  store::Timestamp created_at{};
  std::string provider;  // "outbox"
  std::string status;    // "stored"
};

class OutboxSmsProvider final : public SmsProvider {
 public:
  OutboxSmsProvider(store::Database& db, const Clock& clock);
  [[nodiscard]] Result<void> send(const std::string& phone, const std::string& text,
                                  const std::string& purpose) override;
  // The newest messages first; REQUIRES: 1 <= limit <= 1000 (clamped).
  [[nodiscard]] Result<std::vector<OutboxMessage>> list_recent(int limit = 100);

 private:
  store::Database& db_;
  const Clock& clock_;
};

struct HttpGatewayConfig {
  std::string url;      // http://host[:port]/path (https: put a local relay in front)
  std::string api_key;  // sent in the header below; never logged
  std::string api_key_header = "X-Api-Key";
  std::chrono::milliseconds timeout{5000};  // whole exchange: connect, send, receive
};

class HttpGatewaySmsProvider final : public SmsProvider {
 public:
  // kBadConfig when the URL is not http://host[:port]/path or a header value has CR/LF.
  [[nodiscard]] static Result<HttpGatewaySmsProvider> create(HttpGatewayConfig config);
  // ok on a 2xx answer; kSmsSendFailed on any other status, a refused connection or a timeout.
  [[nodiscard]] Result<void> send(const std::string& phone, const std::string& text,
                                  const std::string& purpose) override;

 private:
  HttpGatewaySmsProvider(HttpGatewayConfig config, std::string host, std::string port, std::string path);
  HttpGatewayConfig config_;
  std::string host_, port_, path_;
};

inline constexpr std::chrono::minutes kSmsCodeLifetime{5};
inline constexpr int kSmsCodeMaxAttempts = 5;

class SmsCodeService {
 public:
  SmsCodeService(store::Database& db, SmsProvider& provider, const Clock& clock, RandomSource& random);

  // phone: 11-digit mainland mobile number; purpose: [a-z_]{1,32}, e.g. "login", "first_login".
  // kInvalidValue for a malformed phone or purpose; kTooManyRequests over a limit (the message
  // says how long to wait); kSmsSendFailed when the provider failed (the code is then void).
  [[nodiscard]] Result<void> issue(std::string_view phone, std::string_view purpose, std::string_view client_ip);
  // kSmsCodeWrong for a wrong code (an attempt is used); kSmsCodeExpired when no valid code is
  // left (none issued, expired, used, or its attempts spent).
  [[nodiscard]] Result<void> verify(std::string_view phone, std::string_view purpose, std::string_view code);

 private:
  store::Database& db_;
  SmsProvider& provider_;
  const Clock& clock_;
  RandomSource& random_;
};

}  // namespace rc::identity
