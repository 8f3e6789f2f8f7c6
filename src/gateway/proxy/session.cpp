// One consumer connection: TLS handshake (optional), then per exchange four steps: read the head
// within the limits, decide against one snapshot (answering refusals), relay (read the body within
// the service limit, forward, answer upstream failures), record. Runs on its worker's io_context only.
#include <openssl/x509.h>

#include "core/log.hpp"
#include "gateway/access.hpp"
#include "gateway/proxy/framing.hpp"
#include "gateway/proxy/internal.hpp"
#include "gateway/proxy/refusal.hpp"
#include "gateway/proxy/sha256.hpp"

namespace simpul::gateway {

namespace {

using namespace proxy;

/// Lowercase hex SHA-256 of the DER of the verified client certificate; empty when none.
std::string client_fingerprint(Stream& stream) {
  auto* tls = stream.tls();
  if (!tls) return {};
  X509* cert = SSL_get1_peer_certificate(tls->native_handle());
  if (!cert) return {};
  std::string out;
  if (SSL_get_verify_result(tls->native_handle()) == X509_V_OK) {
    unsigned char* der = nullptr;
    int len = i2d_X509(cert, &der);
    if (len > 0) out = Sha256::of({reinterpret_cast<const char*>(der), static_cast<std::size_t>(len)});
    OPENSSL_free(der);
  }
  X509_free(cert);
  return out;
}

Language language_of(std::string_view accept_language) {
  return accept_language.size() >= 2 && (accept_language[0] | 0x20) == 'e' && (accept_language[1] | 0x20) == 'n'
             ? Language::English
             : Language::Indonesian;
}

std::string next_request_id(Worker& w) {
  char digits[17];
  std::uint64_t n = ++w.request_counter;
  int len = 0;
  do {
    digits[len++] = "0123456789abcdef"[n & 15];
    n >>= 4;
  } while (n);
  std::string id = w.request_id_prefix;
  id.reserve(id.size() + len);
  while (len) id.push_back(digits[--len]);
  return id;
}

bool listed_in_connection(std::string_view connection, std::string_view name) {
  // Connection: close, X-Foo  -> X-Foo is hop-by-hop too (RFC 9110 7.6.1).
  std::size_t start = 0;
  while (start <= connection.size()) {
    std::size_t comma = connection.find(',', start);
    std::string_view token =
        connection.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) token.remove_prefix(1);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
    if (token.size() == name.size() && beast::iequals(token, name)) return true;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return false;
}

/// The request as the upstream sees it: path rewritten, credentials and hop-by-hop fields removed,
/// the gateway's own fields set.
void build_upstream_request(bhttp::request<bhttp::string_body>& in, const UpstreamTarget& target,
                            std::string_view upstream_path, std::string_view query, std::string_view request_id,
                            std::string_view consumer_id, std::string_view peer, bool tls,
                            bhttp::request<bhttp::string_body>& out) {
  std::string t;
  t.reserve(target.base_path.size() + upstream_path.size() + query.size());
  t.append(target.base_path).append(upstream_path).append(query);
  out.method(in.method());
  if (in.method() == bhttp::verb::unknown) out.method_string(in.method_string());
  out.target(t);
  out.version(11);
  std::string_view connection = in[bhttp::field::connection];
  for (const auto& f : in) {
    std::string_view name = f.name_string();
    if (is_hop_by_hop(name) || f.name() == bhttp::field::host || f.name() == bhttp::field::content_length ||
        beast::iequals(name, "x-api-key") || beast::iequals(name, "x-forwarded-for") ||
        beast::iequals(name, "x-forwarded-proto") || beast::iequals(name, "x-request-id") ||
        beast::iequals(name, "x-simpul-consumer") || f.name() == bhttp::field::expect ||
        listed_in_connection(connection, name))
      continue;
    out.insert(name, f.value());
  }
  out.set(bhttp::field::host, target.host_header);
  out.set("X-Request-Id", request_id);
  // The gateway is the edge: a client-supplied X-Forwarded-For is not trusted, it is replaced.
  out.set("X-Forwarded-For", peer);
  out.set("X-Forwarded-Proto", tls ? "https" : "http");
  out.set("X-Simpul-Consumer", consumer_id);
  out.keep_alive(true);
  out.body() = std::move(in.body());
  out.prepare_payload();
}

}  // namespace

// The steps of a connection, in a named namespace: the coroutine frames hold these types.
namespace proxy {

using Parser = bhttp::request_parser<bhttp::string_body>;

/// The outcome of the read step.
struct HeadRead {
  bool idle_closed = false;                       // the connection ended (or stop()) while idle: close silently
  boost::system::error_code error;                // the head did not complete
  bool folded = false;                            // the head holds obsolete line folds
  std::chrono::steady_clock::time_point started;  // the exchange starts with its first byte
  std::int64_t started_us = 0;
};

/// What an exchange's step leaves to the connection.
enum class Next { next_exchange, close };

/// The decide step's verdict on a refused exchange: the answer, and whether the connection closes after it.
struct Refused {
  ErrorCode error;
  bool close = false;
  std::string rule_id, rule_citation;  // copied: the snapshot the decision's views point into may change
};

/// What the decide step hands to the relay step: the service and its upstream in one snapshot.
struct Admitted {
  std::shared_ptr<const CompiledConfig> snapshot;  // keeps `service` alive while the exchange suspends
  const ServiceConfig* service = nullptr;
  const UpstreamTarget* upstream = nullptr;
  std::string_view upstream_path;
};

/// One consumer connection and the buffers its exchanges reuse.
class Session {
 public:
  Session(Proxy::Impl& impl, Worker& w, tcp::socket socket)
      : impl_(impl),
        w_(w),
        opt_(impl.options),
        peer_(open(w, socket)),
        source_(parse_ip(peer_).value_or(IpAddress{})),
        stream_(impl.server_tls ? Stream(std::move(socket), *impl.server_tls) : Stream(std::move(socket))),
        handle_{&stream_, true},
        deadline_(w.deadlines, stream_.get_executor()) {
    w_.sessions.insert(&handle_);
  }
  ~Session() {
    w_.sessions.erase(&handle_);
    stream_.close();
    w_.active.fetch_sub(1, std::memory_order_relaxed);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  asio::awaitable<void> run() {
    if (!co_await handshake()) co_return;
    while (!impl_.stopping.load(std::memory_order_relaxed)) {
      Parser parser;
      parser.header_limit(static_cast<std::uint32_t>(opt_.max_header_bytes));
      parser.body_limit(boost::none);  // declared lengths are checked by decide(), streamed ones in relay()
      const HeadRead head = co_await read_head(parser);
      if (head.idle_closed) break;
      Refusal refusal{impl_, w_, stream_, deadline_};
      refusal.request_id = next_request_id(w_);
      refusal.started = head.started;
      refusal.started_us = head.started_us;
      if (head.error) {
        co_await refuse_head(refusal, head.error);
        break;
      }
      Admitted admitted;
      if (auto refused = decide_exchange(parser, head.folded, refusal, admitted)) {
        const bool open = co_await refusal.send(refused->error, refused->rule_id, refused->rule_citation);
        if (!open || refused->close) break;
        continue;
      }
      if (co_await relay(parser, refusal, admitted) == Next::close) break;
    }
  }

 private:
  /// Counts the connection and returns the peer's address (the socket is still ours here).
  static std::string open(Worker& w, tcp::socket& socket) {
    w.active.fetch_add(1, std::memory_order_relaxed);
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    return socket.remote_endpoint(ignored).address().to_string();
  }

  /// TLS handshake within the head timeout, and the client certificate's fingerprint; true when
  /// the connection may serve requests.
  asio::awaitable<bool> handshake() {
    auto* tls = stream_.tls();
    if (!tls) co_return true;
    deadline_.arm(stream_, opt_.header_timeout);
    auto [ec] = co_await tls->async_handshake(ssl::stream_base::server, kAwait);
    deadline_.disarm();
    if (ec) {
      log::info("gateway.tls_handshake_failed", {{"remote", peer_}, {"error", ec.message()}});
      co_return false;
    }
    fingerprint_ = client_fingerprint(stream_);
    co_return true;
  }

  /// Read step: the idle keep-alive wait for the first byte, then the whole head within header_timeout.
  asio::awaitable<HeadRead> read_head(Parser& parser) {
    HeadRead out;
    handle_.idle = buffer_.size() == 0;
    if (handle_.idle) {
      // Raw read, not through the parser: the parser consumes nothing until the whole head is
      // there, so a parser read would let a slow head run on the idle timeout.
      deadline_.arm(stream_, opt_.idle_timeout);
      auto [e, n] = co_await stream_.async_read_some(buffer_.prepare(4096), kAwait);
      deadline_.disarm();
      handle_.idle = false;
      if (e) {  // idle timeout, peer closed, stop()
        out.idle_closed = true;
        co_return out;
      }
      buffer_.commit(n);
    }
    out.started = std::chrono::steady_clock::now();
    out.started_us = now_us();
    // The head is fed to the parser from our buffer (not by async_read_header) so that its raw
    // bytes can be checked for line folds, which Beast would silently join. An incomplete head
    // consumes nothing; the complete one is consumed exactly (the parser stops after the head).
    auto put_head = [&]() {
      boost::system::error_code pe;
      const auto data = buffer_.data();
      const std::size_t used = parser.put(data, pe);
      if (parser.is_header_done()) out.folded = proxy::has_obs_fold({static_cast<const char*>(data.data()), used});
      buffer_.consume(used);
      return pe == bhttp::error::need_more ? boost::system::error_code{} : pe;
    };
    auto& ec = out.error;
    // The head usually came whole in the first read: parsed in place, without arming a timer or
    // suspending.
    if (buffer_.size() != 0) ec = put_head();
    if (!ec && !parser.is_header_done()) {
      deadline_.arm(stream_, opt_.header_timeout);
      while (!ec && !parser.is_header_done()) {
        auto [e, n] = co_await stream_.async_read_some(buffer_.prepare(beast::read_size(buffer_, 65536)), kAwait);
        if (e == asio::error::eof) {
          // As async_read_header reports it: the peer left before or inside a head.
          ec = parser.got_some() ? bhttp::error::partial_message : bhttp::error::end_of_stream;
          break;
        }
        if (e) {
          ec = e;
          break;
        }
        buffer_.commit(n);
        ec = put_head();
      }
      if (deadline_.fired()) ec = asio::error::timed_out;
      deadline_.disarm();
    }
    co_return out;
  }

  /// The head never completed: answers what went wrong when we know (the connection then closes).
  asio::awaitable<void> refuse_head(Refusal& refusal, const boost::system::error_code& ec) {
    if (ec == bhttp::error::bad_transfer_encoding || ec == bhttp::error::bad_content_length ||
        ec == bhttp::error::multiple_content_length) {
      // Both Transfer-Encoding and Content-Length, or a Content-Length that is not one number.
      log::info("gateway.bad_framing", {{"remote", peer_}, {"error", ec.message()}});
      co_await refusal.send(ErrorCode::GatewayBadFraming);
    } else if (ec == bhttp::error::header_limit) {
      co_await refusal.send(ErrorCode::GatewayHeaderTooLarge);
    } else if (ec == asio::error::timed_out) {
      log::info("gateway.request_timeout", {{"remote", peer_}});
      co_await refusal.send(ErrorCode::GatewayRequestTimeout);
    } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
               ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      log::info("gateway.malformed_request", {{"remote", peer_}, {"error", ec.message()}});
      co_await refusal.send(ErrorCode::RequestMalformed);
    }
  }

  /// Decide step (no suspension): framing, then key, access and limits against one snapshot. Returns
  /// the refusal to answer, or none with `admitted` set.
  std::optional<Refused> decide_exchange(Parser& parser, bool folded, Refusal& refusal, Admitted& admitted) {
    auto& req = parser.get();
    const std::string_view target = req.target();
    refusal.method = req.method_string();
    refusal.path = target;
    refusal.version = req.version();
    refusal.language = language_of(req[bhttp::field::accept_language]);
    if (folded || !proxy::transfer_encoding_ok(req.base())) {
      // The body's length is ambiguous: whatever follows the head cannot be trusted to be the
      // next request (RFC 9112 6.3: 400, then close).
      log::info("gateway.bad_framing", {{"remote", peer_}, {"folded", folded}});
      refusal.keep_alive = false;
      return Refused{ErrorCode::GatewayBadFraming, true, {}, {}};
    }
    const bool chunked = parser.chunked();
    refusal.keep_alive = req.keep_alive() && parser.is_done();  // an unread body would poison the stream

    // One snapshot for the whole exchange. The cache's reference is only valid until another
    // coroutine of this worker calls get(), so an allowed request (which suspends on its upstream)
    // copies the shared_ptr; a refusal takes the ids it needs first and never touches the shared
    // reference count.
    const std::shared_ptr<const CompiledConfig>& cached = w_.cache.get();
    RequestFacts facts{req.method_string(),
                       target.substr(0, target.find('?')),
                       req["X-API-Key"],
                       source_,
                       chunked ? -1 : static_cast<std::int64_t>(parser.content_length().value_or(0)),
                       fingerprint_};
    Decision d = decide(*cached, impl_.limiter, facts);
    if (d.consumer >= 0) refusal.consumer_id = cached->source->consumers[d.consumer].id;
    if (d.service >= 0) refusal.service_id = cached->source->services[d.service].id;
    if (!d.allowed()) {
      refusal.retry_after = d.retry_after;
      return Refused{d.error, false, std::string(d.rule_id), std::string(d.rule_citation)};
    }
    admitted.snapshot = cached;
    const ServiceConfig& service = *admitted.snapshot->services[d.service].config;
    admitted.upstream = w_.targets.find(service.upstream_base_url);
    if (!admitted.upstream) {
      log::error("gateway.bad_upstream_url", {{"service", service.id}});
      return Refused{ErrorCode::GatewayUpstreamUnavailable, false, {}, {}};
    }
    admitted.service = &service;
    admitted.upstream_path = d.upstream_path;
    return std::nullopt;
  }

  /// Relay step: the body (read whole, bounded by the service limit, also when chunked, so that an
  /// idempotent request can be replayed on a retry), the upstream's answer relayed as it arrives,
  /// then the record step.
  asio::awaitable<Next> relay(Parser& parser, Refusal& refusal, const Admitted& admitted) {
    auto& req = parser.get();
    const ServiceConfig& service = *admitted.service;
    if (!parser.is_done()) {
      parser.body_limit(service.max_body_bytes);
      if (beast::iequals(req[bhttp::field::expect], "100-continue")) {
        // The client waits for this before sending the body (curl does for bodies over 1 KiB).
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        deadline_.arm(stream_, opt_.idle_timeout);
        auto [ce, cn] = co_await asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()), kAwait);
        deadline_.disarm();
        if (ce) co_return Next::close;
      }
      deadline_.arm(stream_, opt_.idle_timeout);
      auto [e, n] = co_await bhttp::async_read(stream_, buffer_, parser, kAwait);
      const bool fired = deadline_.fired();
      deadline_.disarm();
      if (e) {
        refusal.keep_alive = false;
        if (e == bhttp::error::body_limit)
          co_await refusal.send(ErrorCode::GatewayBodyTooLarge);
        else if (fired)
          co_await refusal.send(ErrorCode::GatewayRequestTimeout);
        co_return Next::close;
      }
    }
    const std::uint64_t request_bytes = req.body().size();
    request_sha_.update(req.body().data(), req.body().size());
    std::string request_digest = request_sha_.hex();
    // Bodies are kept for services that store them, copied before the request body moves upstream.
    const bool store_bodies = impl_.bodies && service.store_bodies;
    const bool keep = store_bodies && request_bytes <= opt_.max_stored_body_bytes;
    StoredBody kept_request;
    if (keep) kept_request = {req.body(), std::string(req[bhttp::field::content_type])};

    const std::string_view target = req.target();
    const auto qpos = target.find('?');
    const std::string_view query = qpos == std::string_view::npos ? std::string_view{} : target.substr(qpos);
    bhttp::request<bhttp::string_body> upstream_req;
    build_upstream_request(req, *admitted.upstream, admitted.upstream_path, query, refusal.request_id,
                           refusal.consumer_id, peer_, stream_.tls() != nullptr, upstream_req);
    ForwardParams fp;
    fp.target = admitted.upstream;
    fp.tls = impl_.upstream_tls.get();
    fp.timeout = std::chrono::milliseconds(service.upstream_timeout_ms);
    fp.retries = service.retries_idempotent;
    fp.keep_alive = req.keep_alive() && !impl_.stopping.load(std::memory_order_relaxed);
    fp.version = req.version();
    fp.request_id = refusal.request_id;
    fp.consumer_timeout = opt_.idle_timeout;
    fp.deadlines = &w_.deadlines;
    fp.relay_buffer = &relay_buffer_;
    fp.head_buffer = &response_head_;
    fp.response_sha = &response_sha_;
    kept_response_.clear();
    fp.keep_response = keep ? &kept_response_ : nullptr;
    fp.keep_limit = opt_.max_stored_body_bytes;
    ForwardOutcome outcome = co_await forward(w_.pool, fp, upstream_req, stream_);
    refusal.request_bytes = request_bytes;
    refusal.request_sha256 = std::move(request_digest);
    refusal.upstream_us = outcome.upstream_us;
    if (outcome.error) {
      refusal.keep_alive = fp.keep_alive;
      co_return co_await refusal.send(*outcome.error) ? Next::next_exchange : Next::close;
    }
    record(refusal, outcome, store_bodies, keep ? &kept_request : nullptr);
    co_return outcome.close_consumer ? Next::close : Next::next_exchange;
  }

  /// Record step: the bodies where the service stores them, then the exchange (message log,
  /// statistics, access log). `kept_request`: null when the request body is not kept.
  void record(Refusal& refusal, ForwardOutcome& outcome, bool store_bodies, StoredBody* kept_request) {
    if (kept_request && outcome.response_kept) {
      refusal.bodies_stored = impl_.bodies->save(
          refusal.started_us, refusal.request_id,
          {std::move(*kept_request), {std::move(kept_response_), std::move(outcome.response_content_type)}});
      if (!refusal.bodies_stored) log::error("gateway.body_store_failed", {{"request_id", refusal.request_id}});
    } else if (store_bodies) {
      log::warn("gateway.body_not_stored", {{"request_id", refusal.request_id}, {"reason", "too_large"}});
    }
    refusal.record(outcome.status, outcome.response_bytes, outcome.response_sha256, {});
  }

  Proxy::Impl& impl_;
  Worker& w_;
  const ProxyOptions& opt_;
  const std::string peer_;
  const IpAddress source_;
  Stream stream_;
  SessionHandle handle_;
  Deadline deadline_;
  std::string fingerprint_;  // of the verified client certificate, empty when none
  beast::flat_buffer buffer_;
  std::vector<char> relay_buffer_;
  std::string response_head_;
  Sha256 request_sha_, response_sha_;
  std::string kept_response_;  // the response body of a service that stores bodies
};

}  // namespace proxy

asio::awaitable<void> serve_connection(Proxy::Impl& impl, Worker& w, tcp::socket socket) {
  proxy::Session session(impl, w, std::move(socket));
  co_await session.run();
}

}  // namespace simpul::gateway
