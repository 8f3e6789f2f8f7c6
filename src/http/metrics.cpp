#include "http/metrics.hpp"

#include <sstream>

namespace simpul::http {

Metrics::Metrics(const Router& router)
    : router_(router), counters_(std::make_unique<Counters[]>(router.routes().size() + 1)) {}

void Metrics::record(std::size_t route_index, const std::string&, int status, std::chrono::nanoseconds elapsed) {
  std::size_t slot = route_index == kNoRoute ? router_.routes().size() : route_index;
  std::size_t s = kStatuses.size();
  for (std::size_t i = 0; i < kStatuses.size(); ++i)
    if (kStatuses[i] == status) s = i;
  counters_[slot].by_status[s].fetch_add(1, std::memory_order_relaxed);
  double secs = std::chrono::duration<double>(elapsed).count();
  std::size_t b = 0;
  while (b < kBuckets.size() && secs > kBuckets[b]) ++b;
  histogram_[b].fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(secs * 1e6), std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
}

std::string Metrics::render() const {
  std::ostringstream out;
  out << "# HELP simpul_http_requests_total HTTP requests by route pattern and status.\n"
      << "# TYPE simpul_http_requests_total counter\n";
  const auto& routes = router_.routes();
  for (std::size_t r = 0; r <= routes.size(); ++r) {
    for (std::size_t s = 0; s <= kStatuses.size(); ++s) {
      auto n = counters_[r].by_status[s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      std::string route = r < routes.size() ? routes[r].pattern : "unmatched";
      std::string method = r < routes.size() ? routes[r].method : "any";
      std::string status = s < kStatuses.size() ? std::to_string(kStatuses[s]) : "other";
      out << "simpul_http_requests_total{method=\"" << method << "\",route=\"" << route << "\",status=\"" << status
          << "\"} " << n << "\n";
    }
  }
  out << "# HELP simpul_http_request_duration_seconds Time from a complete request to its response.\n"
      << "# TYPE simpul_http_request_duration_seconds histogram\n";
  std::uint64_t cumulative = 0;
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    cumulative += histogram_[b].load(std::memory_order_relaxed);
    out << "simpul_http_request_duration_seconds_bucket{le=\"" << kBuckets[b] << "\"} " << cumulative << "\n";
  }
  cumulative += histogram_[kBuckets.size()].load(std::memory_order_relaxed);
  out << "simpul_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
      << "simpul_http_request_duration_seconds_sum " << static_cast<double>(sum_micros_.load()) / 1e6 << "\n"
      << "simpul_http_request_duration_seconds_count " << count_.load() << "\n";
  for (const auto& c : collectors_) out << c();
  return out.str();
}

}  // namespace simpul::http
