#pragma once
// Per-worker counters and the ring of recent exchanges. Each worker thread owns one WorkerStats and
// is its only writer; the mutex is taken by that thread per exchange and by status readers (rare),
// so it is uncontended on the request path — no lock is shared between workers.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace simpul::gateway::proxy {

/// Upper bounds (seconds) of the latency histogram buckets; +Inf is implied.
inline constexpr std::array<double, 13> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                           0.25,  0.5,    1,     2.5,  5,     10};

/// What one exchange contributes to the statistics. Views are only read during record().
struct ExchangeSummary {
  std::int64_t time_us = 0;
  std::string_view request_id, consumer_id, service_id, method, path, error_code;
  int status = 0;
  std::uint64_t bytes_in = 0, bytes_out = 0, total_us = 0;
};

struct ServiceCounters {
  std::uint64_t requests = 0, responses_2xx = 0, responses_4xx = 0, responses_5xx = 0, refused = 0;
  std::uint64_t bytes_in = 0, bytes_out = 0, total_us = 0;
  std::array<std::uint64_t, kLatencyBuckets.size() + 1> buckets{};  // last = +Inf
};

struct ConsumerCounters {
  std::uint64_t requests = 0, refused = 0;
};

struct RecentExchange {
  std::int64_t time_us = 0;
  std::string request_id, consumer_id, service_id, method, path, error_code;
  int status = 0;
  std::uint64_t total_us = 0;
};

struct WorkerStats {
  static constexpr std::size_t kRecent = 100;

  /// Called by the owning worker only. Allocates only the first time a key is seen (and for the
  /// ring's strings, whose capacity is reused).
  void record(const ExchangeSummary& e);

  mutable std::mutex mutex;
  std::map<std::string, ServiceCounters, std::less<>> services;
  std::map<std::string, ConsumerCounters, std::less<>> consumers;
  /// "service\nconsumer\nstatus_class" -> count; "service\nconsumer\ncode" -> count.
  std::map<std::string, std::uint64_t, std::less<>> by_class, refused_by_code;
  std::array<RecentExchange, kRecent> recent;
  std::size_t recent_next = 0, recent_count = 0;

 private:
  std::string key_;  // reused buffer for composite keys
};

}  // namespace simpul::gateway::proxy
