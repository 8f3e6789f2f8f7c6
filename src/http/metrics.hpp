#pragma once
// Prometheus metrics for the HTTP server: lock-free counters per route and status, one latency histogram.
#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/router.hpp"

namespace simpul::http {

class Metrics {
 public:
  explicit Metrics(const Router& router);
  /// route_index == kNoRoute for requests that matched no route.
  void record(std::size_t route_index, const std::string& method, int status, std::chrono::nanoseconds elapsed);
  /// Extra gauges (e.g. the database pool) appended by the composition root.
  void add_collector(std::function<std::string()> collector) { collectors_.push_back(std::move(collector)); }
  std::string render() const;

  static constexpr std::size_t kNoRoute = static_cast<std::size_t>(-1);

 private:
  static constexpr std::array<int, 17> kStatuses = {200, 201, 204, 304, 400, 401, 403, 404, 405,
                                                    408, 409, 413, 415, 422, 429, 500, 503};
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  struct Counters {
    std::array<std::atomic<std::uint64_t>, kStatuses.size() + 1> by_status{};  // last slot: other
  };
  const Router& router_;
  std::unique_ptr<Counters[]> counters_;  // router.routes().size() + 1 (unmatched)
  std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> histogram_{};
  std::atomic<std::uint64_t> sum_micros_{0};
  std::atomic<std::uint64_t> count_{0};
  std::vector<std::function<std::string()>> collectors_;
};

}  // namespace simpul::http
