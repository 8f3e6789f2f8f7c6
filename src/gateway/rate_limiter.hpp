#pragma once
// Per-(consumer, service) rate limit and daily quota, shared by all data-plane threads (issue 7).
//
// Lock-free: a fixed-size open-addressing table of slots, each a 64-bit key plus two 64-bit atomic
// words updated with compare-and-swap. The rate limit is GCRA (the "virtual scheduling" form of a
// token bucket): one word holds the theoretical arrival time, so a bucket needs no separate token
// count and refill timestamp. The quota word packs the quota day (high 24 bits) and the count (low
// 40 bits) and restarts at the first request of a new day.
//
// Slots are keyed by a hash of the consumer and service ids (not by snapshot indices), so state
// survives configuration swaps, and a changed limit applies from the next request. Slots are never
// freed; when the table is full, further new pairs are let through unlimited and counted in
// overflows() (sized generously: 2^16 pairs by default).
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "gateway/config.hpp"

namespace simpul::gateway {

/// Nanoseconds since the Unix epoch. Injected so tests need not sleep.
using NowFn = std::function<std::int64_t()>;
std::int64_t system_now_ns();

/// Stable 64-bit key of a (consumer id, service id) pair (FNV-1a; never 0).
std::uint64_t pair_key(std::string_view consumer_id, std::string_view service_id) noexcept;

struct LimitResult {
  bool allowed = true;
  bool quota_exceeded = false;      // refused by the daily quota rather than the rate
  std::uint32_t retry_after_s = 0;  // whole seconds, at least 1 when refused
};

class RateLimiter {
 public:
  explicit RateLimiter(NowFn now = system_now_ns, std::size_t capacity_pow2 = 1 << 16);
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  /// Takes one request from the pair's bucket, then one from its quota; thread-safe, no allocation.
  /// A request refused by the rate does not count against the quota.
  LimitResult acquire(std::uint64_t key, const RateLimit& rate, std::uint64_t daily_quota,
                      std::int64_t quota_day_offset_seconds) noexcept;

  std::uint64_t overflows() const noexcept { return overflows_.load(std::memory_order_relaxed); }
  std::int64_t now_ns() const { return now_(); }

 private:
  struct Slot {
    std::atomic<std::uint64_t> key{0};
    std::atomic<std::int64_t> tat{0};     // GCRA theoretical arrival time, ns since epoch
    std::atomic<std::uint64_t> quota{0};  // day << 40 | count
  };
  Slot* find(std::uint64_t key) noexcept;

  NowFn now_;
  std::size_t mask_;
  std::unique_ptr<Slot[]> slots_;
  std::atomic<std::uint64_t> overflows_{0};
};

}  // namespace simpul::gateway
