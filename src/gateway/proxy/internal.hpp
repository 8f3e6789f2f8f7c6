#pragma once
// Shared state of the proxy's parts (not a public header): the per-thread Worker and Proxy::Impl.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

#include "gateway/body_store.hpp"
#include "gateway/proxy/proxy.hpp"
#include "gateway/proxy/stats.hpp"
#include "gateway/proxy/stream.hpp"
#include "gateway/proxy/upstream.hpp"

namespace simpul::gateway {

/// A consumer connection as the worker sees it, for graceful stop. Touched on its worker only.
struct SessionHandle {
  proxy::Stream* stream = nullptr;
  bool idle = true;  // waiting for the first byte of the next request
};

/// One thread, one io_context, and everything the request path touches: nothing here is shared
/// with another worker except the snapshot holder, the rate limiter and the message log.
struct Worker {
  explicit Worker(const SnapshotHolder& holder, std::size_t idle_per_host) : cache(holder), pool(idle_per_host) {}

  proxy::DeadlineList deadlines;  // before ioc: outlives the handlers ioc destroys
  proxy::asio::io_context ioc{1};
  SnapshotCache cache;
  proxy::UpstreamPool pool;
  proxy::UpstreamTargets targets;
  proxy::WorkerStats stats;
  std::string request_id_prefix;  // random per worker; request ids are prefix + counter
  std::uint64_t request_counter = 0;
  std::unordered_set<SessionHandle*> sessions;
  std::atomic<int> active{0};  // open consumer connections
  std::thread thread;
};

struct HealthEntry {
  std::string state = "tidak_diperiksa";  // sehat | terganggu | tidak_diperiksa
  std::int64_t checked_at_us = 0;
  std::string error;
};

struct Proxy::Impl {
  Impl(const SnapshotHolder& s, RateLimiter& l, MessageLog* g, ProxyOptions o);

  void accept_next();
  void begin_stop();
  void health_loop();
  void flush_loop();

  const SnapshotHolder& snapshots;
  RateLimiter& limiter;
  MessageLog* log;
  ProxyOptions options;
  std::optional<BodyStore> bodies;  // set when options.bodies_dir is
  std::vector<std::unique_ptr<Worker>> workers;
  std::unique_ptr<proxy::tcp::acceptor> acceptor;  // on workers[0]; hands sockets round-robin
  std::size_t next_worker = 0;
  std::unique_ptr<proxy::ssl::context> server_tls;    // towards consumers, when configured
  std::unique_ptr<proxy::ssl::context> upstream_tls;  // towards https:// upstreams
  std::int64_t started_at_us = 0;
  unsigned short port = 0;
  std::atomic<bool> started{false}, stopping{false}, stopped{false};
  std::mutex stop_mutex;

  // Health checks: one thread, written every health_interval, read by status/metrics.
  mutable std::mutex health_mutex;
  std::map<std::string, HealthEntry, std::less<>> health;
  std::thread health_thread;
  std::thread flush_thread;  // message log flush timer
  std::mutex health_wait_mutex;
  std::condition_variable health_wake;
};

/// The coroutine serving one consumer connection (session.cpp).
proxy::asio::awaitable<void> serve_connection(Proxy::Impl& impl, Worker& worker, proxy::tcp::socket socket);

std::int64_t now_us() noexcept;
std::string iso_time(std::int64_t time_us);

}  // namespace simpul::gateway
