#include "web/metrics.h"

#include <fmt/format.h>

namespace rc::web {

void RouteMetrics::record(int status, std::chrono::nanoseconds elapsed) {
  const int cls = status / 100;
  by_class_[(cls >= 1 && cls <= 5) ? static_cast<std::size_t>(cls) : 0].fetch_add(1, std::memory_order_relaxed);
  const double s = std::chrono::duration<double>(elapsed).count();
  std::size_t b = 0;
  while (b < kBuckets.size() && s > kBuckets[b]) ++b;
  buckets_[b].fetch_add(1, std::memory_order_relaxed);
  sum_ns_.fetch_add(static_cast<std::uint64_t>(elapsed.count()), std::memory_order_relaxed);
}

Metrics::Metrics() : started_(std::chrono::system_clock::now()) {}

RouteMetrics& Metrics::route(const std::string& method, const std::string& route) {
  std::lock_guard lock(mu_);
  for (auto& r : routes_)
    if (r.method_ == method && r.route_ == route) return r;
  return routes_.emplace_back(method, route);
}

std::string Metrics::render() const {
  std::string out;
  out += "# HELP rescuecert_http_requests_total HTTP requests by route and status class.\n";
  out += "# TYPE rescuecert_http_requests_total counter\n";
  std::lock_guard lock(mu_);
  static const char* kClass[] = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};
  for (const auto& r : routes_)
    for (std::size_t c = 0; c < r.by_class_.size(); ++c)
      if (auto n = r.by_class_[c].load(std::memory_order_relaxed))
        out += fmt::format("rescuecert_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                           r.method_, r.route_, kClass[c], n);
  out += "# HELP rescuecert_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE rescuecert_http_request_duration_seconds histogram\n";
  for (const auto& r : routes_) {
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b <= RouteMetrics::kBuckets.size(); ++b) {
      cumulative += r.buckets_[b].load(std::memory_order_relaxed);
      const std::string le = b < RouteMetrics::kBuckets.size() ? fmt::format("{}", RouteMetrics::kBuckets[b]) : "+Inf";
      out += fmt::format("rescuecert_http_request_duration_seconds_bucket{{method=\"{}\",route=\"{}\",le=\"{}\"}} {}\n",
                         r.method_, r.route_, le, cumulative);
    }
    out += fmt::format("rescuecert_http_request_duration_seconds_sum{{method=\"{}\",route=\"{}\"}} {:.9f}\n", r.method_,
                       r.route_, static_cast<double>(r.sum_ns_.load(std::memory_order_relaxed)) / 1e9);
    out += fmt::format("rescuecert_http_request_duration_seconds_count{{method=\"{}\",route=\"{}\"}} {}\n", r.method_,
                       r.route_, cumulative);
  }
  out += "# HELP rescuecert_rules_evaluations_total Rules evaluations answered, by result.\n";
  out += "# TYPE rescuecert_rules_evaluations_total counter\n";
  out += fmt::format("rescuecert_rules_evaluations_total{{result=\"decided\"}} {}\n", rules_evaluations.load());
  out += fmt::format("rescuecert_rules_evaluations_total{{result=\"refused\"}} {}\n", rules_refusals.load());
  out += "# HELP rescuecert_process_start_time_seconds Start time of the process since the Unix epoch.\n";
  out += "# TYPE rescuecert_process_start_time_seconds gauge\n";
  out += fmt::format("rescuecert_process_start_time_seconds {}\n",
                     std::chrono::duration_cast<std::chrono::seconds>(started_.time_since_epoch()).count());
  return out;
}

}  // namespace rc::web
