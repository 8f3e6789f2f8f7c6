// Active health checks: one thread, its own io_context, every health_interval a GET of
// upstream_base_url + health_path for each service that names one. Results only feed the status
// document and the metrics; routing does not depend on them (one upstream per service).
#include "core/log.hpp"
#include "gateway/proxy/internal.hpp"

namespace simpul::gateway {

namespace {

using namespace proxy;

asio::awaitable<void> check_one(Proxy::Impl& impl, DeadlineList& deadlines, std::string service_id,
                                UpstreamTarget target, std::string path, std::chrono::milliseconds timeout) {
  auto ex = co_await asio::this_coro::executor;
  Deadline deadline(deadlines, ex);
  boost::system::error_code ec;
  std::string error;
  auto conn = co_await connect_upstream(target, impl.upstream_tls.get(), deadline, timeout, ec);
  if (conn) {
    bhttp::request<bhttp::empty_body> req{bhttp::verb::get, target.base_path + path, 11};
    req.set(bhttp::field::host, target.host_header);
    req.set(bhttp::field::user_agent, "simpul-gateway-health");
    req.keep_alive(false);
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 << 10);
    deadline.arm(conn->stream, timeout);
    auto [wec, wn] = co_await bhttp::async_write(conn->stream, req, kAwait);
    ec = wec;
    if (!ec) {
      auto [rec, rn] = co_await bhttp::async_read(conn->stream, conn->buffer, parser, kAwait);
      ec = rec;
    }
    if (deadline.fired()) ec = asio::error::timed_out;
    deadline.disarm();
    if (!ec && parser.get().result_int() >= 400) error = "HTTP " + std::to_string(parser.get().result_int());
    conn->stream.close();
  }
  if (ec) error = ec == asio::error::timed_out ? "timeout" : ec.message();
  std::lock_guard lock(impl.health_mutex);
  HealthEntry& h = impl.health[service_id];
  h.state = error.empty() ? "sehat" : "terganggu";
  h.checked_at_us = now_us();
  h.error = error;
}

}  // namespace

void Proxy::Impl::health_loop() {
  DeadlineList deadlines;  // before ioc: outlives the handlers ioc destroys
  asio::io_context ioc{1};
  while (!stopping.load()) {
    auto snap = snapshots.current();
    {
      // Services no longer configured drop out; new ones start as tidak_diperiksa.
      std::lock_guard lock(health_mutex);
      std::map<std::string, HealthEntry, std::less<>> next;
      for (const auto& s : snap->source->services) {
        auto it = health.find(s.id);
        next[s.id] = it != health.end() ? it->second : HealthEntry{};
      }
      health.swap(next);
    }
    for (const auto& s : snap->source->services) {
      if (s.health_path.empty()) continue;
      auto target = parse_upstream_url(s.upstream_base_url);
      if (!target) continue;
      const std::string path = s.health_path.front() == '/' ? s.health_path : "/" + s.health_path;
      asio::co_spawn(ioc,
                     check_one(*this, deadlines, s.id, *target, path, std::chrono::milliseconds(s.upstream_timeout_ms)),
                     asio::detached);
    }
    ioc.run();
    ioc.restart();
    std::unique_lock lock(health_wait_mutex);
    health_wake.wait_for(lock, options.health_interval, [this] { return stopping.load(); });
  }
}

}  // namespace simpul::gateway
