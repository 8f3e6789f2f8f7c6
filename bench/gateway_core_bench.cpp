// The gateway data plane's decision core (issue 7): decisions per second with 50 services,
// 500 consumers and 5,000 grants (10 per consumer, half of them restricted to a path and methods),
// single thread and 2 threads sharing one snapshot and one rate limiter. Every decision runs the
// full path: SHA-256 of the API key, key lookup, longest-prefix service match, source network,
// grant, body size, rate limit (generous, so requests are allowed) and quota.
//   build/bench/simpul_gateway_core_bench [seconds_per_run] [runs]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "core/crypto.hpp"
#include "gateway/access.hpp"
#include "gateway/snapshot.hpp"

using namespace simpul::gateway;
using Clock = std::chrono::steady_clock;

namespace {

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/// Wall-clock rate and rate per CPU-second (the latter is meaningful on a machine shared with CI).
struct Rate {
  double wall = 0, per_cpu = 0;
};

constexpr int kServices = 50, kConsumers = 500, kGrantsPerConsumer = 10;

struct Request {
  std::string method, path, key;
  IpAddress source;
};

std::shared_ptr<const Config> make_config() {
  auto c = std::make_shared<Config>();
  for (int s = 0; s < kServices; ++s) {
    ServiceConfig svc;
    svc.id = "svc" + std::to_string(s);
    svc.name = svc.id;
    svc.version = "1";
    svc.path_prefix = "/svc/layanan-" + std::to_string(s);
    svc.upstream_base_url = "http://10.0.0.1:8080";
    svc.allowed_networks = {"10.0.0.0/8", "172.16.0.0/12", "2001:db8::/32"};
    svc.rate_limit = {1e6, 1000000000};  // never refuses, but does the CAS
    svc.daily_quota = 1ull << 38;
    c->services.push_back(svc);
  }
  for (int i = 0; i < kConsumers; ++i) {
    c->consumers.push_back({"app" + std::to_string(i), "app", "opd", {api_key_hash("key-" + std::to_string(i))}});
    for (int g = 0; g < kGrantsPerConsumer; ++g) {
      GrantConfig grant{c->consumers.back().id, "svc" + std::to_string((i * 7 + g * 5) % kServices), {}, {}};
      if (g % 2) {
        grant.path_prefix = "/data";
        grant.methods = {"GET", "HEAD"};
      }
      c->grants.push_back(grant);
    }
  }
  return c;
}

std::vector<Request> make_requests() {
  std::vector<Request> out;
  for (int i = 0; i < 4096; ++i) {
    int consumer = (i * 37) % kConsumers, g = i % kGrantsPerConsumer;
    int service = (consumer * 7 + g * 5) % kServices;
    out.push_back({"GET", "/svc/layanan-" + std::to_string(service) + "/data/records/" + std::to_string(i),
                   "key-" + std::to_string(consumer), *parse_ip(i % 3 ? "10.1.2.3" : "2001:db8::7")});
  }
  return out;
}

/// cached: one SnapshotCache per thread (as the proxy will); else holder.current() per request.
Rate run(const SnapshotHolder& holder, RateLimiter& limiter, const std::vector<Request>& requests, int threads,
         bool cached, double seconds) {
  std::atomic<bool> stop{false};
  std::atomic<long> total{0}, refused{0};
  std::vector<std::thread> pool;
  auto start = Clock::now();
  const double cpu_start = cpu_seconds();
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      long n = 0, bad = 0;
      std::size_t i = t * 1000;
      SnapshotCache cache(holder);
      while (!stop.load(std::memory_order_relaxed)) {
        for (int k = 0; k < 256; ++k, ++n) {
          const Request& r = requests[i++ & 4095];
          RequestFacts facts{r.method, r.path, r.key, r.source, 0};
          if (cached) {
            bad += !decide(*cache.get(), limiter, facts).allowed();
          } else {
            auto snap = holder.current();
            bad += !decide(*snap, limiter, facts).allowed();
          }
        }
      }
      total += n;
      refused += bad;
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : pool) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  double cpu = cpu_seconds() - cpu_start;
  if (refused.load() != 0) std::fprintf(stderr, "unexpected refusals: %ld\n", refused.load());
  return {total.load() / elapsed, total.load() / cpu};
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  simpul::crypto::init();
  SnapshotHolder holder;
  holder.publish(make_config());
  RateLimiter limiter;
  auto requests = make_requests();

  // SHA-256 of a key alone, for the breakdown.
  {
    auto t = Clock::now();
    std::size_t sink = 0;
    const int n = 1'000'000;
    for (int i = 0; i < n; ++i) sink += simpul::crypto::sha256_hex(requests[i & 4095].key).size();
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - t).count() / n;
    std::printf("sha256_hex of an API key: %.0f ns (%zu)\n", ns, sink % 7);
  }
  for (bool cached : {true, false}) {
    for (int threads : {1, 2}) {
      std::vector<double> rates, per_cpu;
      for (int r = 0; r < runs; ++r) {
        Rate rate = run(holder, limiter, requests, threads, cached, seconds);
        rates.push_back(rate.wall);
        per_cpu.push_back(rate.per_cpu);
      }
      std::sort(rates.begin(), rates.end());
      std::sort(per_cpu.begin(), per_cpu.end());
      std::printf(
          "%s, %d thread(s): median %.0f decisions/s (min %.0f, max %.0f), %.0f per CPU-second; %d runs of %.1f s\n",
          cached ? "SnapshotCache per thread" : "holder.current() per request", threads, rates[rates.size() / 2],
          rates.front(), rates.back(), per_cpu[per_cpu.size() / 2], runs, seconds);
    }
  }
  return 0;
}
