#pragma once
// Prometheus metrics of the HTTP server. Each route gets its RouteMetrics when the router is
// built, so recording a request is a few relaxed atomic adds with no lock on the hot path.
// render() writes the Prometheus text exposition format (version 0.0.4).

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>

namespace rc::web {

class RouteMetrics {
 public:
  RouteMetrics(std::string method, std::string route) : method_(std::move(method)), route_(std::move(route)) {}
  void record(int status, std::chrono::nanoseconds elapsed);

  // Upper bounds (seconds) of the latency histogram buckets; +Inf is implicit.
  static constexpr std::array<double, 10> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.5};

 private:
  friend class Metrics;
  std::string method_, route_;
  std::array<std::atomic<std::uint64_t>, 6> by_class_{};  // index status/100 (1xx..5xx), 0 = other
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets_{};
  std::atomic<std::uint64_t> sum_ns_{0};
};

class Metrics {
 public:
  Metrics();
  // The returned reference stays valid for the life of Metrics.
  RouteMetrics& route(const std::string& method, const std::string& route);
  std::string render() const;

  std::atomic<std::uint64_t> rules_evaluations{0};
  std::atomic<std::uint64_t> rules_refusals{0};

 private:
  mutable std::mutex mu_;  // guards routes_ (only while registering and rendering)
  std::deque<RouteMetrics> routes_;
  std::chrono::system_clock::time_point started_;
};

}  // namespace rc::web
