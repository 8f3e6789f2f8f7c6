#pragma once
// The upstream side of the proxy: parsed upstream URLs, the per-worker pool of idle keep-alive
// connections, connecting (plain or TLS with verification and SNI), and one forwarded exchange
// with retries and the streamed relay of the response.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "gateway/proxy/stream.hpp"

namespace simpul::gateway::proxy {

namespace beast = boost::beast;
namespace bhttp = beast::http;

/// "https://host:8443/base" split for connecting; pool_key = "https://host:8443".
class Sha256;

struct UpstreamTarget {
  bool tls = false;
  std::string host, port, base_path, pool_key, host_header;
};

std::optional<UpstreamTarget> parse_upstream_url(std::string_view url);

/// Per-worker cache of parsed upstream URLs, keyed by the URL text (so a republished snapshot with
/// the same URL costs nothing and a changed URL is parsed once).
class UpstreamTargets {
 public:
  const UpstreamTarget* find(std::string_view url);

 private:
  std::map<std::string, std::optional<UpstreamTarget>, std::less<>> parsed_;
};

struct UpstreamConn {
  explicit UpstreamConn(Stream s) : stream(std::move(s)) {}
  Stream stream;
  beast::flat_buffer buffer;
  std::chrono::steady_clock::time_point idle_since{};  // when it went back into the pool
};

/// Idle keep-alive connections per host:port, per worker thread (no lock: one thread uses it).
class UpstreamPool {
 public:
  explicit UpstreamPool(std::size_t max_idle_per_host) : max_idle_(max_idle_per_host) {}
  /// An idle connection for `key`. One that sat idle at least `probe_after` is first probed with a
  /// non-blocking peek (a syscall): callers that can replay a request on a dead connection probe
  /// only long-idle ones, the others pass zero.
  std::unique_ptr<UpstreamConn> take(std::string_view key, std::chrono::steady_clock::duration probe_after = {});
  void put(std::string_view key, std::unique_ptr<UpstreamConn> conn);
  void clear() { idle_.clear(); }

 private:
  std::size_t max_idle_;
  std::map<std::string, std::vector<std::unique_ptr<UpstreamConn>>, std::less<>> idle_;
};

/// Resolves, connects and (for https) handshakes within `deadline`; sets ec on failure.
asio::awaitable<std::unique_ptr<UpstreamConn>> connect_upstream(const UpstreamTarget& target, ssl::context* tls,
                                                                Deadline& deadline, std::chrono::milliseconds timeout,
                                                                boost::system::error_code& ec);

struct ForwardOutcome {
  int status = 0;                  // sent to the consumer (the upstream's, or 0 when the gateway must answer)
  std::optional<ErrorCode> error;  // upstream unavailable / timeout: the session answers it
  bool close_consumer = false;     // the consumer connection must be closed (response incomplete)
  std::uint64_t response_bytes = 0;
  std::uint64_t upstream_us = 0;
  std::string response_sha256;  // hex
  std::string response_content_type;
  bool response_kept = false;  // the whole relayed body is in ForwardParams::keep_response
};

struct ForwardParams {
  const UpstreamTarget* target = nullptr;
  ssl::context* tls = nullptr;
  std::chrono::milliseconds timeout{30000};
  unsigned retries = 0;    // extra attempts, idempotent methods only
  bool keep_alive = true;  // the consumer wants to keep its connection
  unsigned version = 11;   // the consumer's HTTP version
  std::string_view request_id;
  std::chrono::milliseconds consumer_timeout{60000};  // a consumer that stops reading is dropped
  DeadlineList* deadlines = nullptr;                  // the worker's
  std::vector<char>* relay_buffer = nullptr;          // per connection, reused by every exchange
  std::string* head_buffer = nullptr;                 // per connection: the response head as sent
  Sha256* response_sha = nullptr;                     // per connection, reset after every exchange
  /// Set (and empty) when the response body is to be stored: the relayed bytes are copied here
  /// up to keep_limit; a longer body is not kept (ForwardOutcome::response_kept false).
  std::string* keep_response = nullptr;
  std::size_t keep_limit = 0;
};

/// Sends `req` upstream (pooled connection, retries when nothing was received yet) and relays the
/// response to `consumer` as it arrives, hashing its body.
asio::awaitable<ForwardOutcome> forward(UpstreamPool& pool, const ForwardParams& params,
                                        bhttp::request<bhttp::string_body>& req, Stream& consumer);

/// Hop-by-hop headers (RFC 9110 7.6.1) a proxy must not forward.
bool is_hop_by_hop(std::string_view name) noexcept;

}  // namespace simpul::gateway::proxy
