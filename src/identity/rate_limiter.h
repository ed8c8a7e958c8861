#pragma once
// RateLimiter: at most `max_events` events per key in any sliding `window` (e.g. 20 failed
// logins per IP per 15 minutes), kept in memory. Time is passed in (`now`, from the injected
// Clock), so tests move it by hand.
//
// Memory is bounded: a key keeps at most max_events instants, and when more than `max_keys`
// keys are tracked the stale ones (no event inside the window) are dropped; if every key is
// live, the least recently active half goes (an attacker spraying keys can reset counters, but
// cannot exhaust memory). Limits that must survive a restart live in the store instead
// (sms_codes, users.locked_until).
//
// Thread safety: every member may be called from any thread (one internal mutex).

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rc::identity {

class RateLimiter {
 public:
  using time_point = std::chrono::system_clock::time_point;

  // REQUIRES: max_events >= 1, window > 0, max_keys >= 1.
  RateLimiter(int max_events, std::chrono::seconds window, std::size_t max_keys = 100000);

  // Records an event for `key` and answers true, or answers false (recording nothing) when
  // `key` already had max_events in the window ending at `now`.
  bool allow(std::string_view key, time_point now);
  // Whether allow() would refuse now; records nothing.
  bool blocked(std::string_view key, time_point now) const;
  // Records an event whether or not the key is over its limit (for counting failures).
  void record(std::string_view key, time_point now);
  // How long until allow() would succeed: 0 when it would now; at least 1 s otherwise.
  std::chrono::seconds retry_after(std::string_view key, time_point now) const;

  std::size_t tracked_keys() const;

 private:
  // Events of `key` inside the window ending at `now` (older ones are ignored, not erased).
  std::size_t live_events(const std::deque<time_point>& events, time_point now) const;
  void push(std::string_view key, time_point now);  // REQUIRES: mu_ held
  void make_room(time_point now);                   // REQUIRES: mu_ held

  const std::size_t max_events_;
  const std::chrono::seconds window_;
  const std::size_t max_keys_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::deque<time_point>> events_;  // GUARDED_BY(mu_), oldest first
};

}  // namespace rc::identity
