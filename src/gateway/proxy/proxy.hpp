#pragma once
// The data plane of the Sistem Penghubung Layanan (issue 7 item 2; docs/gateway.md "Data plane"):
// an HTTP/1.1 keep-alive reverse proxy on Boost.Beast + Asio, one io_context per thread, that
// decides every request with decide() against the current snapshot, forwards allowed requests to
// the service's upstream over pooled connections, answers refusals itself, and writes one message
// log record per exchange. Runs standalone (`simpul gateway run`) or inside `simpul serve`.
//
// Contract shared with the control plane and the composition root (src/app): the caller owns the
// SnapshotHolder (publishes new configurations at any time), the RateLimiter and the MessageLog.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "gateway/message_log.hpp"
#include "gateway/rate_limiter.hpp"
#include "gateway/snapshot.hpp"

namespace simpul::gateway {

struct ProxyOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8090;                         // 0 = any free port (listen() returns it)
  unsigned threads = 0;                               // 0 = one per core; each thread runs its own io_context
  std::size_t max_header_bytes = 16 << 10;            // larger: 431 gateway.header_too_large
  std::chrono::milliseconds header_timeout{10'000};   // whole request head must arrive (slowloris): 408
  std::chrono::milliseconds idle_timeout{60'000};     // keep-alive wait for the next request
  std::chrono::milliseconds drain_timeout{10'000};    // stop() waits this long for in-flight exchanges
  std::size_t upstream_idle_per_host = 64;            // idle pooled upstream connections kept per thread and host
  std::chrono::milliseconds health_interval{10'000};  // 0 = no health checks
  // TLS towards consumers: both set = HTTPS only. client_ca set = clients may present certificates
  // (verified against it); a consumer with registered fingerprints must (403 gateway.client_certificate).
  std::filesystem::path tls_certificate, tls_private_key, client_ca;
  // TLS towards https:// upstreams: verified against this CA file, else the system store.
  std::filesystem::path upstream_ca;
  bool access_log = false;  // one log line per exchange (never the API key)
  /// Where bodies of services with store_bodies on are kept (gateway/body_store.hpp); empty = nowhere
  /// (such services' records then say bodies_stored false). A body over max_stored_body_bytes is
  /// relayed as usual but not kept.
  std::filesystem::path bodies_dir;
  std::size_t max_stored_body_bytes = 16 << 20;
  /// The message log is flushed (open batch signed, file synced) this often and once by stop(), so
  /// a quiet gateway does not leave records in the stdio buffer. 0 = only by stop().
  std::chrono::milliseconds log_flush_interval{1000};
};

class Proxy {
 public:
  /// `log` may be null (no message log; tests and benchmarks of the bare proxy only).
  Proxy(const SnapshotHolder& snapshots, RateLimiter& limiter, MessageLog* log, ProxyOptions options);
  ~Proxy();
  Proxy(const Proxy&) = delete;
  Proxy& operator=(const Proxy&) = delete;

  /// Binds and listens; returns the bound port. Throws std::runtime_error when it cannot bind.
  unsigned short listen();
  /// Starts the worker threads and returns at once.
  void start();
  /// Stops accepting, lets in-flight exchanges finish (up to drain_timeout), joins the threads.
  /// Thread-safe and idempotent.
  void stop();

  /// Live state for the console, JSON (docs/gateway.md "Status document"):
  /// {"instance","config_version","started_at","updated_at",
  ///  "services":[{"id","requests","responses_2xx","responses_4xx","responses_5xx","refused",
  ///               "bytes_in","bytes_out","latency_p50_ms","latency_p99_ms",
  ///               "health":"sehat"|"terganggu"|"tidak_diperiksa","health_checked_at","health_error"}],
  ///  "consumers":[{"id","requests","refused"}],
  ///  "recent":[{"time","request_id","consumer_id","service_id","method","path","status","total_ms","error_code"}]}
  /// Times are ISO-8601 UTC; "recent" holds the last 100 exchanges, newest first.
  std::string status_json() const;
  /// Prometheus text exposition: simpul_gateway_requests_total{service,consumer,status_class},
  /// simpul_gateway_refused_total{service,consumer,code}, simpul_gateway_request_duration_seconds
  /// histogram per service, simpul_gateway_upstream_healthy{service}, simpul_gateway_config_version.
  std::string prometheus_metrics() const;

  /// Opaque; declared public only so the implementation files (session, health) can name it.
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace simpul::gateway
