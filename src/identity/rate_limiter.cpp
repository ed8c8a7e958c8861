#include "identity/rate_limiter.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace rc::identity {

RateLimiter::RateLimiter(int max_events, std::chrono::seconds window, std::size_t max_keys)
    : max_events_(static_cast<std::size_t>(max_events)), window_(window), max_keys_(max_keys) {
  if (max_events < 1 || window.count() <= 0 || max_keys == 0)
    throw std::invalid_argument("RateLimiter needs max_events >= 1, a positive window and max_keys >= 1");
}

std::size_t RateLimiter::live_events(const std::deque<time_point>& events, time_point now) const {
  auto first_live = std::upper_bound(events.begin(), events.end(), now - window_);
  return static_cast<std::size_t>(events.end() - first_live);
}

bool RateLimiter::blocked(std::string_view key, time_point now) const {
  std::lock_guard lock(mu_);
  auto it = events_.find(std::string(key));
  return it != events_.end() && live_events(it->second, now) >= max_events_;
}

bool RateLimiter::allow(std::string_view key, time_point now) {
  std::lock_guard lock(mu_);
  auto it = events_.find(std::string(key));
  if (it != events_.end() && live_events(it->second, now) >= max_events_) return false;
  push(key, now);
  return true;
}

void RateLimiter::record(std::string_view key, time_point now) {
  std::lock_guard lock(mu_);
  push(key, now);
}

void RateLimiter::push(std::string_view key, time_point now) {
  auto it = events_.find(std::string(key));
  if (it == events_.end()) {
    make_room(now);
    it = events_.emplace(std::string(key), std::deque<time_point>{}).first;
  }
  auto& events = it->second;
  events.push_back(events.empty() ? now : std::max(now, events.back()));  // stays sorted if time steps back
  while (events.size() > max_events_) events.pop_front();
}

std::chrono::seconds RateLimiter::retry_after(std::string_view key, time_point now) const {
  std::lock_guard lock(mu_);
  auto it = events_.find(std::string(key));
  if (it == events_.end() || live_events(it->second, now) < max_events_) return std::chrono::seconds{0};
  // The oldest of the last max_events events leaves the window first.
  const auto& events = it->second;
  time_point frees_at = events[events.size() - max_events_] + window_;
  auto wait = std::chrono::ceil<std::chrono::seconds>(frees_at - now);
  return std::max(wait, std::chrono::seconds{1});
}

std::size_t RateLimiter::tracked_keys() const {
  std::lock_guard lock(mu_);
  return events_.size();
}

void RateLimiter::make_room(time_point now) {
  if (events_.size() < max_keys_) return;
  std::erase_if(events_, [&](const auto& entry) { return live_events(entry.second, now) == 0; });
  if (events_.size() < max_keys_) return;
  // Every key is live: drop the least recently active half.
  std::vector<time_point> last;
  last.reserve(events_.size());
  for (const auto& [key, events] : events_) last.push_back(events.back());
  auto middle = last.begin() + static_cast<std::ptrdiff_t>(last.size() / 2);
  std::nth_element(last.begin(), middle, last.end());
  const time_point cutoff = *middle;
  std::erase_if(events_, [&](const auto& entry) { return entry.second.back() < cutoff; });
  if (events_.size() >= max_keys_) events_.erase(events_.begin());  // all tied: drop any one
}

}  // namespace rc::identity
