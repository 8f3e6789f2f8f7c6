// Proxy lifecycle: worker threads (one io_context each), the acceptor handing connections
// round-robin, TLS contexts, graceful stop.
#include "gateway/proxy/proxy.hpp"

#include <openssl/ssl.h>

#include <ctime>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "gateway/proxy/internal.hpp"

namespace simpul::gateway {

using namespace proxy;

std::int64_t now_us() noexcept {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string iso_time(std::int64_t time_us) {
  std::time_t secs = static_cast<std::time_t>(time_us / 1'000'000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>((time_us / 1000) % 1000));
  return buf;
}

Proxy::Impl::Impl(const SnapshotHolder& s, RateLimiter& l, MessageLog* g, ProxyOptions o)
    : snapshots(s), limiter(l), log(g), options(std::move(o)) {
  crypto::init();
  if (!options.bodies_dir.empty()) {
    bodies.emplace(options.bodies_dir);
    // Stored bodies may hold personal data: the folder is the service account's alone. A failure is
    // logged; saving then fails per exchange (gateway.body_store_failed) without failing it.
    (void)bodies->secure();
  }
  const unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < n; ++i) {
    auto w = std::make_unique<Worker>(snapshots, options.upstream_idle_per_host);
    w->request_id_prefix = "gw-" + crypto::random_token(6) + "-";
    workers.push_back(std::move(w));
  }
}

void Proxy::Impl::accept_next() {
  Worker& target = *workers[next_worker];
  next_worker = (next_worker + 1) % workers.size();
  acceptor->async_accept(target.ioc, [this, &target](const boost::system::error_code& ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping.load() || !acceptor->is_open()) return;
      log::warn("gateway.accept_failed", {{"error", ec.message()}});
    } else {
      asio::co_spawn(target.ioc, serve_connection(*this, target, std::move(socket)), asio::detached);
    }
    accept_next();
  });
}

Proxy::Proxy(const SnapshotHolder& snapshots, RateLimiter& limiter, MessageLog* log, ProxyOptions options)
    : impl_(std::make_unique<Impl>(snapshots, limiter, log, std::move(options))) {}

Proxy::~Proxy() { stop(); }

unsigned short Proxy::listen() {
  auto& im = *impl_;
  const auto& o = im.options;
  try {
    if (!o.tls_certificate.empty() && !o.tls_private_key.empty()) {
      auto ctx = std::make_unique<ssl::context>(ssl::context::tls_server);
      ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                       ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
      ctx->use_certificate_chain_file(o.tls_certificate.string());
      ctx->use_private_key_file(o.tls_private_key.string(), ssl::context::pem);
      if (!o.client_ca.empty()) {
        // Ask for a client certificate without requiring one: decide() requires it per consumer.
        ctx->load_verify_file(o.client_ca.string());
        SSL_CTX_set_client_CA_list(ctx->native_handle(), SSL_load_client_CA_file(o.client_ca.c_str()));
        ctx->set_verify_mode(ssl::verify_peer);
        static const unsigned char kSessionContext[] = "simpul-gateway";
        SSL_CTX_set_session_id_context(ctx->native_handle(), kSessionContext, sizeof kSessionContext - 1);
      }
      im.server_tls = std::move(ctx);
    }
    auto client = std::make_unique<ssl::context>(ssl::context::tls_client);
    client->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    if (!o.upstream_ca.empty())
      client->load_verify_file(o.upstream_ca.string());
    else
      client->set_default_verify_paths();
    client->set_verify_mode(ssl::verify_peer);
    im.upstream_tls = std::move(client);
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error(std::string("gateway TLS setup failed: ") + e.what());
  }
  try {
    im.acceptor = std::make_unique<tcp::acceptor>(im.workers[0]->ioc);
    tcp::endpoint ep(asio::ip::make_address(o.host), o.port);
    im.acceptor->open(ep.protocol());
    im.acceptor->set_option(asio::socket_base::reuse_address(true));
    im.acceptor->bind(ep);
    im.acceptor->listen(asio::socket_base::max_listen_connections);
    im.port = im.acceptor->local_endpoint().port();
  } catch (const boost::system::system_error& e) {
    throw std::runtime_error("gateway cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + e.what());
  }
  return im.port;
}

void Proxy::Impl::flush_loop() {
  std::unique_lock lock(health_wait_mutex);
  while (!health_wake.wait_for(lock, options.log_flush_interval, [this] { return stopping.load(); })) {
    lock.unlock();  // the health thread waits on the same mutex; don't hold it across an fsync
    if (log->flush() == LogStatus::io_error) log::error("gateway.message_log_flush_failed");
    lock.lock();
  }
}

void Proxy::start() {
  auto& im = *impl_;
  if (im.stopped.load() || im.started.exchange(true)) return;  // a stopped proxy is not restarted
  if (!im.acceptor) listen();
  im.started_at_us = now_us();
  asio::post(im.workers[0]->ioc, [&im] { im.accept_next(); });
  for (auto& w : im.workers) {
    Worker* wp = w.get();
    wp->thread = std::thread([wp] {
      auto guard = asio::make_work_guard(wp->ioc);
      wp->ioc.run();
    });
  }
  if (im.options.health_interval.count() > 0) im.health_thread = std::thread([&im] { im.health_loop(); });
  if (im.log && im.options.log_flush_interval.count() > 0) im.flush_thread = std::thread([&im] { im.flush_loop(); });
  log::info("gateway.started", {{"port", im.port}, {"threads", im.workers.size()}, {"tls", im.server_tls != nullptr}});
}

void Proxy::stop() {
  auto& im = *impl_;
  std::lock_guard lock(im.stop_mutex);
  if (im.stopped.exchange(true)) return;
  im.stopping.store(true);
  if (!im.started.load()) {
    if (im.acceptor) im.acceptor.reset();
    return;
  }
  asio::post(im.workers[0]->ioc, [&im] {
    boost::system::error_code ignored;
    im.acceptor->close(ignored);
  });
  // Idle keep-alive connections close now; busy ones finish their exchange (they see `stopping`
  // and answer with Connection: close).
  for (auto& w : im.workers) {
    Worker* wp = w.get();
    asio::post(wp->ioc, [wp] {
      for (SessionHandle* s : wp->sessions) {
        boost::system::error_code ignored;
        if (s->idle) s->stream->socket().cancel(ignored);
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + im.options.drain_timeout;
  auto active = [&im] {
    int n = 0;
    for (auto& w : im.workers) n += w->active.load();
    return n;
  };
  while (active() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (int n = active(); n > 0) log::warn("gateway.drain_timeout", {{"open_connections", n}});
  for (auto& w : im.workers) w->ioc.stop();
  for (auto& w : im.workers)
    if (w->thread.joinable()) w->thread.join();
  { std::lock_guard wake(im.health_wait_mutex); }
  im.health_wake.notify_all();
  if (im.health_thread.joinable()) im.health_thread.join();
  if (im.flush_thread.joinable()) im.flush_thread.join();
  if (im.log && im.log->flush() == LogStatus::io_error) log::error("gateway.message_log_flush_failed");
  // Single-threaded from here: close pooled upstream connections and the acceptor.
  for (auto& w : im.workers) w->pool.clear();
  im.acceptor.reset();
  log::info("gateway.stopped");
}

}  // namespace simpul::gateway
