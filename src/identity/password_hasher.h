#pragma once
// Password hashing (R11): Argon2id via libsodium's crypto_pwhash_str, which embeds a random
// salt and the parameters in the encoded string ("$argon2id$v=19$m=65536,t=2,p=1$...").
//
// Hashing is deliberately slow (~50-100 ms and 64 MiB at the interactive cost), so it runs on a
// small pool of its own worker threads, never on the HTTP I/O threads. The queue in front of the
// pool is bounded: when more than `max_waiting` jobs wait, new ones are refused at once with
// kTooManyRequests instead of piling up (a login flood costs a refusal, not memory).
//
//   PasswordHasher hasher(2);
//   auto encoded = hasher.hash("s3cret-pass").get();                 // Result<std::string>
//   Result<bool> right = hasher.verify(*encoded, "s3cret-pass").get(); // true / false / refused
//
// verify() answers Result<bool>, not bool: a refusal for overload must not read as a wrong
// password, or a flood would lock real accounts out (login_guard.h).
//
// Thread safety: every member may be called from any thread. The destructor finishes the jobs
// already queued, then joins the workers; no future is left broken.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "domain/common/result.h"

namespace rc::identity {

enum class PasswordCost {
  kMin,          // crypto_pwhash_*_MIN: tests only
  kInteractive,  // 64 MiB, 2 passes: the default for logins
  kModerate,     // 256 MiB, 3 passes
};

// At least 8 characters, with a letter and a digit, and at most 128 bytes (kWeakPassword, field
// "password", with a Chinese message saying which rule failed).
[[nodiscard]] Result<void> check_password_policy(std::string_view password);

class PasswordHasher {
 public:
  // REQUIRES: threads >= 1. max_waiting: jobs allowed to wait beyond those running.
  explicit PasswordHasher(unsigned threads = 1, PasswordCost cost = PasswordCost::kInteractive,
                          std::size_t max_waiting = 64);
  ~PasswordHasher();
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  // The encoded Argon2id string; kTooManyRequests when the queue is full; kTooLarge over 128
  // bytes (callers check the policy first for new passwords). Does not check the policy itself,
  // so that existing passwords can always be verified.
  std::future<Result<std::string>> hash(std::string password);
  // Whether `password` matches `encoded` (false for a malformed `encoded`); kTooManyRequests
  // when the queue is full.
  std::future<Result<bool>> verify(std::string encoded, std::string password);
  // Whether `encoded` was made with other parameters than this hasher's: rehash on next login.
  bool needs_rehash(std::string_view encoded) const;

  unsigned threads() const { return static_cast<unsigned>(workers_.size()); }

 private:
  using Job = std::function<void()>;
  // False when the queue is full.
  bool enqueue(Job job);
  void work();

  unsigned long long opslimit_;
  std::size_t memlimit_;
  std::size_t max_waiting_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;  // GUARDED_BY(mu_)
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::vector<std::thread> workers_;
};

}  // namespace rc::identity
