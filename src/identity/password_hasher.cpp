#include "identity/password_hasher.h"

#include <sodium.h>

#include <memory>
#include <stdexcept>

namespace rc::identity {
namespace {

constexpr std::size_t kMaxPasswordBytes = 128;
constexpr std::size_t kMinPasswordChars = 8;

std::size_t utf8_chars(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

Error queue_full() {
  return make_error(ErrorCode::kTooManyRequests, "password", "登录请求过多，服务器繁忙，请稍后再试");
}

template <class T>
std::future<Result<T>> ready(Result<T> value) {
  std::promise<Result<T>> p;
  p.set_value(std::move(value));
  return p.get_future();
}

}  // namespace

Result<void> check_password_policy(std::string_view pw) {
  auto weak = [](std::string message) { return fail(ErrorCode::kWeakPassword, "password", std::move(message)); };
  if (pw.size() > kMaxPasswordBytes) return weak("密码过长：不能超过 128 字节");
  if (utf8_chars(pw) < kMinPasswordChars) return weak("密码过短：至少需要 8 个字符");
  bool letter = false, digit = false;
  for (unsigned char c : pw) {
    letter = letter || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    digit = digit || (c >= '0' && c <= '9');
  }
  if (!letter || !digit) return weak("密码须同时包含字母和数字");
  return ok();
}

PasswordHasher::PasswordHasher(unsigned threads, PasswordCost cost, std::size_t max_waiting)
    : max_waiting_(max_waiting) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  if (threads == 0) throw std::invalid_argument("PasswordHasher needs at least one thread");
  switch (cost) {
    case PasswordCost::kMin:
      opslimit_ = crypto_pwhash_OPSLIMIT_MIN;
      memlimit_ = crypto_pwhash_MEMLIMIT_MIN;
      break;
    case PasswordCost::kInteractive:
      opslimit_ = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      memlimit_ = crypto_pwhash_MEMLIMIT_INTERACTIVE;
      break;
    case PasswordCost::kModerate:
      opslimit_ = crypto_pwhash_OPSLIMIT_MODERATE;
      memlimit_ = crypto_pwhash_MEMLIMIT_MODERATE;
      break;
  }
  workers_.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

PasswordHasher::~PasswordHasher() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : workers_) t.join();
}

bool PasswordHasher::enqueue(Job job) {
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= max_waiting_) return false;
    queue_.push_back(std::move(job));
  }
  cv_.notify_one();
  return true;
}

void PasswordHasher::work() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued job is done
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job();
  }
}

std::future<Result<std::string>> PasswordHasher::hash(std::string password) {
  if (password.size() > kMaxPasswordBytes)
    return ready<std::string>(fail(ErrorCode::kTooLarge, "password", "密码过长：不能超过 128 字节"));
  auto promise = std::make_shared<std::promise<Result<std::string>>>();
  auto future = promise->get_future();
  auto job = [this, promise, pw = std::move(password)]() mutable {
    char out[crypto_pwhash_STRBYTES];
    int rc = crypto_pwhash_str(out, pw.data(), pw.size(), opslimit_, memlimit_);
    sodium_memzero(pw.data(), pw.size());
    if (rc != 0)
      promise->set_value(fail(ErrorCode::kStorageFailure, "password", "服务器内存不足，无法处理密码，请稍后再试"));
    else
      promise->set_value(std::string(out));
  };
  if (!enqueue(std::move(job))) return ready<std::string>(fail(queue_full()));
  return future;
}

std::future<Result<bool>> PasswordHasher::verify(std::string encoded, std::string password) {
  // Over-long input cannot have been hashed here; refusing it early also bounds the work.
  if (password.size() > kMaxPasswordBytes || encoded.size() >= crypto_pwhash_STRBYTES) return ready<bool>(false);
  auto promise = std::make_shared<std::promise<Result<bool>>>();
  auto future = promise->get_future();
  auto job = [promise, enc = std::move(encoded), pw = std::move(password)]() mutable {
    bool match = crypto_pwhash_str_verify(enc.c_str(), pw.data(), pw.size()) == 0;
    sodium_memzero(pw.data(), pw.size());
    promise->set_value(match);
  };
  if (!enqueue(std::move(job))) return ready<bool>(fail(queue_full()));
  return future;
}

bool PasswordHasher::needs_rehash(std::string_view encoded) const {
  if (encoded.size() >= crypto_pwhash_STRBYTES) return true;
  std::string s(encoded);
  return crypto_pwhash_str_needs_rehash(s.c_str(), opslimit_, memlimit_) != 0;
}

}  // namespace rc::identity
