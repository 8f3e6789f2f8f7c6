#include "gateway/rate_limiter.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>

namespace simpul::gateway {

namespace {
constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kDay = 86'400;
constexpr std::uint64_t kCountBits = 40;
constexpr std::uint64_t kCountMask = (std::uint64_t{1} << kCountBits) - 1;

std::uint32_t ceil_seconds(std::int64_t ns) {
  std::int64_t s = (ns + kSecond - 1) / kSecond;
  return static_cast<std::uint32_t>(std::clamp<std::int64_t>(s, 1, 86'400 * 366));
}
}  // namespace

std::int64_t system_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::uint64_t pair_key(std::string_view consumer_id, std::string_view service_id) noexcept {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix(consumer_id);
  h ^= 0xff;  // separator: ("ab","c") != ("a","bc")
  h *= 1099511628211ull;
  mix(service_id);
  h ^= h >> 29;  // finalise: spread the bits the table index uses
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h == 0 ? 1 : h;
}

RateLimiter::RateLimiter(NowFn now, std::size_t capacity_pow2)
    : now_(std::move(now)),
      mask_(std::bit_ceil(std::max<std::size_t>(capacity_pow2, 16)) - 1),
      slots_(new Slot[mask_ + 1]) {}

RateLimiter::Slot* RateLimiter::find(std::uint64_t key) noexcept {
  std::size_t i = key & mask_;
  for (std::size_t probes = 0; probes <= mask_; ++probes, i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    std::uint64_t k = s.key.load(std::memory_order_acquire);
    if (k == key) return &s;
    if (k == 0) {
      std::uint64_t expected = 0;
      if (s.key.compare_exchange_strong(expected, key, std::memory_order_acq_rel)) return &s;
      if (expected == key) return &s;  // another thread claimed it for the same pair
    }
  }
  return nullptr;
}

LimitResult RateLimiter::acquire(std::uint64_t key, const RateLimit& rate, std::uint64_t daily_quota,
                                 std::int64_t quota_day_offset_seconds) noexcept {
  const bool limited = rate.requests_per_second > 0;
  if (!limited && daily_quota == 0) return {};
  Slot* slot = find(key);
  if (!slot) {
    overflows_.fetch_add(1, std::memory_order_relaxed);
    return {};
  }
  const std::int64_t now = now_();
  if (limited) {
    // GCRA: each request advances the theoretical arrival time (TAT) by one emission interval;
    // a request is allowed while TAT - now <= (burst - 1) intervals.
    const auto interval = static_cast<std::int64_t>(std::ceil(double(kSecond) / rate.requests_per_second));
    const std::int64_t tolerance = interval * (std::max<std::uint32_t>(rate.burst, 1) - 1);
    std::int64_t tat = slot->tat.load(std::memory_order_relaxed);
    for (;;) {
      const std::int64_t base = std::max(tat, now);
      if (base - now > tolerance) {
        return {false, false, ceil_seconds(base - tolerance - now)};
      }
      if (slot->tat.compare_exchange_weak(tat, base + interval, std::memory_order_relaxed)) break;
    }
  }
  if (daily_quota > 0) {
    const std::int64_t local_s = now / kSecond + quota_day_offset_seconds;
    const auto day = static_cast<std::uint64_t>(local_s / kDay) & 0xffffff;
    std::uint64_t word = slot->quota.load(std::memory_order_relaxed);
    for (;;) {
      std::uint64_t next;
      if ((word >> kCountBits) != day) {
        next = (day << kCountBits) | 1;
      } else if ((word & kCountMask) >= daily_quota) {
        const std::int64_t to_midnight = kDay - (local_s % kDay);
        return {false, true, ceil_seconds(to_midnight * kSecond)};
      } else {
        next = word + 1;
      }
      if (slot->quota.compare_exchange_weak(word, next, std::memory_order_relaxed)) break;
    }
  }
  return {};
}

}  // namespace simpul::gateway
