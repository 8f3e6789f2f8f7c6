// One consumer connection: TLS handshake (optional), then per request: read the head within the
// limits, decide against one snapshot, answer refusals, read the body within the service limit,
// forward, record. Runs on its worker's io_context only.
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
    std::string_view token = connection.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
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

asio::awaitable<void> serve_connection(Proxy::Impl& impl, Worker& w, tcp::socket socket) {
  w.active.fetch_add(1, std::memory_order_relaxed);
  boost::system::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  const auto remote = socket.remote_endpoint(ignored);
  const std::string peer = remote.address().to_string();
  const IpAddress source = parse_ip(peer).value_or(IpAddress{});
  Stream stream = impl.server_tls ? Stream(std::move(socket), *impl.server_tls) : Stream(std::move(socket));
  SessionHandle handle{&stream, true};
  w.sessions.insert(&handle);
  Deadline deadline(w.deadlines, stream.get_executor());
  const auto& opt = impl.options;
  std::string fingerprint;
  bool ok = true;

  if (auto* tls = stream.tls()) {
    deadline.arm(stream, opt.header_timeout);
    auto [ec] = co_await tls->async_handshake(ssl::stream_base::server, kAwait);
    deadline.disarm();
    if (ec) {
      log::info("gateway.tls_handshake_failed", {{"remote", peer}, {"error", ec.message()}});
      ok = false;
    } else {
      fingerprint = client_fingerprint(stream);
    }
  }

  beast::flat_buffer buffer;
  std::vector<char> relay_buffer;
  std::string response_head;
  Sha256 request_sha, response_sha;
  std::string kept_response;  // the response body of a service that stores bodies
  while (ok && !impl.stopping.load(std::memory_order_relaxed)) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
    parser.body_limit(boost::none);  // declared lengths are checked by decide(), streamed ones below
    // Idle keep-alive wait for the first byte, then the whole head within header_timeout.
    handle.idle = buffer.size() == 0;
    boost::system::error_code ec;
    if (handle.idle) {
      // Raw read, not through the parser: the parser consumes nothing until the whole head is
      // there, so a parser read would let a slow head run on the idle timeout.
      deadline.arm(stream, opt.idle_timeout);
      auto [e, n] = co_await stream.async_read_some(buffer.prepare(4096), kAwait);
      deadline.disarm();
      handle.idle = false;
      if (e) break;  // idle timeout, peer closed, stop()
      buffer.commit(n);
    }
    const auto started = std::chrono::steady_clock::now();
    const std::int64_t started_us = now_us();
    // The head is fed to the parser from our buffer (not by async_read_header) so that its raw
    // bytes can be checked for line folds, which Beast would silently join. An incomplete head
    // consumes nothing; the complete one is consumed exactly (the parser stops after the head).
    bool folded = false;
    auto put_head = [&]() {
      boost::system::error_code pe;
      const auto data = buffer.data();
      const std::size_t used = parser.put(data, pe);
      if (parser.is_header_done())
        folded = proxy::has_obs_fold({static_cast<const char*>(data.data()), used});
      buffer.consume(used);
      return pe == bhttp::error::need_more ? boost::system::error_code{} : pe;
    };
    // The head usually came whole in the first read: parsed in place, without arming a timer or
    // suspending.
    if (buffer.size() != 0) ec = put_head();
    if (!ec && !parser.is_header_done()) {
      deadline.arm(stream, opt.header_timeout);
      while (!ec && !parser.is_header_done()) {
        auto [e, n] = co_await stream.async_read_some(buffer.prepare(beast::read_size(buffer, 65536)), kAwait);
        if (e == asio::error::eof) {
          // As async_read_header reports it: the peer left before or inside a head.
          ec = parser.got_some() ? bhttp::error::partial_message : bhttp::error::end_of_stream;
          break;
        }
        if (e) {
          ec = e;
          break;
        }
        buffer.commit(n);
        ec = put_head();
      }
      if (deadline.fired()) ec = asio::error::timed_out;
      deadline.disarm();
    }
    Refusal refusal{impl, w, stream, deadline};
    refusal.request_id = next_request_id(w);
    refusal.started = started;
    refusal.started_us = started_us;
    if (ec) {
      // The head never completed: answer what went wrong when we know, then close.
      if (ec == bhttp::error::bad_transfer_encoding || ec == bhttp::error::bad_content_length ||
          ec == bhttp::error::multiple_content_length) {
        // Both Transfer-Encoding and Content-Length, or a Content-Length that is not one number.
        log::info("gateway.bad_framing", {{"remote", peer}, {"error", ec.message()}});
        co_await refusal.send(ErrorCode::GatewayBadFraming);
      } else if (ec == bhttp::error::header_limit) {
        co_await refusal.send(ErrorCode::GatewayHeaderTooLarge);
      } else if (ec == asio::error::timed_out) {
        log::info("gateway.request_timeout", {{"remote", peer}});
        co_await refusal.send(ErrorCode::GatewayRequestTimeout);
      } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
                 ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
        log::info("gateway.malformed_request", {{"remote", peer}, {"error", ec.message()}});
        co_await refusal.send(ErrorCode::RequestMalformed);
      }
      break;
    }

    auto& req = parser.get();
    const std::string_view target = req.target();
    const auto qpos = target.find('?');
    const std::string_view path = target.substr(0, qpos);
    const std::string_view query = qpos == std::string_view::npos ? std::string_view{} : target.substr(qpos);
    refusal.method = req.method_string();
    refusal.path = target;
    refusal.version = req.version();
    refusal.language = language_of(req[bhttp::field::accept_language]);
    if (folded || !proxy::transfer_encoding_ok(req.base())) {
      // The body's length is ambiguous: whatever follows the head cannot be trusted to be the
      // next request (RFC 9112 6.3: 400, then close).
      log::info("gateway.bad_framing", {{"remote", peer}, {"folded", folded}});
      refusal.keep_alive = false;
      co_await refusal.send(ErrorCode::GatewayBadFraming);
      break;
    }
    const bool chunked = parser.chunked();
    const bool body_pending = !parser.is_done();
    refusal.keep_alive = req.keep_alive() && !body_pending;  // an unread body would poison the stream

    // One snapshot for the whole exchange. The cache's reference is only valid until another
    // coroutine of this worker calls get(), so an allowed request (which suspends on its upstream)
    // copies the shared_ptr; a refusal takes the ids it needs first and never touches the shared
    // reference count.
    const std::shared_ptr<const CompiledConfig>& cached = w.cache.get();
    RequestFacts facts{req.method_string(), path, req["X-API-Key"], source,
                       chunked ? -1 : static_cast<std::int64_t>(parser.content_length().value_or(0)), fingerprint};
    Decision d = decide(*cached, impl.limiter, facts);
    if (d.consumer >= 0) refusal.consumer_id = cached->source->consumers[d.consumer].id;
    if (d.service >= 0) refusal.service_id = cached->source->services[d.service].id;
    if (!d.allowed()) {
      refusal.retry_after = d.retry_after;
      // Copied: the cached snapshot the rule's views point into may change while the answer is written.
      const std::string rule_id(d.rule_id), rule_citation(d.rule_citation);
      if (!co_await refusal.send(d.error, rule_id, rule_citation)) break;
      continue;
    }
    const std::shared_ptr<const CompiledConfig> snap = cached;
    const ServiceConfig& service = *snap->services[d.service].config;
    const UpstreamTarget* up = w.targets.find(service.upstream_base_url);
    if (!up) {
      log::error("gateway.bad_upstream_url", {{"service", service.id}});
      if (!co_await refusal.send(ErrorCode::GatewayUpstreamUnavailable)) break;
      continue;
    }

    // The body is read whole (bounded by the service limit, also for chunked bodies) so that an
    // idempotent request can be replayed on a retry.
    if (body_pending) {
      parser.body_limit(service.max_body_bytes);
      if (beast::iequals(req[bhttp::field::expect], "100-continue")) {
        // The client waits for this before sending the body (curl does for bodies over 1 KiB).
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        deadline.arm(stream, opt.idle_timeout);
        auto [ce, cn] = co_await asio::async_write(stream, asio::buffer(kContinue.data(), kContinue.size()), kAwait);
        deadline.disarm();
        if (ce) break;
      }
      deadline.arm(stream, opt.idle_timeout);
      auto [e, n] = co_await bhttp::async_read(stream, buffer, parser, kAwait);
      const bool fired = deadline.fired();
      deadline.disarm();
      if (e) {
        refusal.keep_alive = false;
        if (e == bhttp::error::body_limit) co_await refusal.send(ErrorCode::GatewayBodyTooLarge);
        else if (fired) co_await refusal.send(ErrorCode::GatewayRequestTimeout);
        break;
      }
    }
    const std::uint64_t request_bytes = req.body().size();
    request_sha.update(req.body().data(), req.body().size());
    std::string request_digest = request_sha.hex();
    // Bodies are kept for services that store them, copied before the request body moves upstream.
    const bool store_bodies = impl.bodies && service.store_bodies;
    const bool keep = store_bodies && request_bytes <= opt.max_stored_body_bytes;
    StoredBody kept_request;
    if (keep) kept_request = {req.body(), std::string(req[bhttp::field::content_type])};

    bhttp::request<bhttp::string_body> upstream_req;
    build_upstream_request(req, *up, d.upstream_path, query, refusal.request_id, refusal.consumer_id, peer,
                           stream.tls() != nullptr, upstream_req);
    ForwardParams fp;
    fp.target = up;
    fp.tls = impl.upstream_tls.get();
    fp.timeout = std::chrono::milliseconds(service.upstream_timeout_ms);
    fp.retries = service.retries_idempotent;
    fp.keep_alive = req.keep_alive() && !impl.stopping.load(std::memory_order_relaxed);
    fp.version = req.version();
    fp.request_id = refusal.request_id;
    fp.consumer_timeout = opt.idle_timeout;
    fp.deadlines = &w.deadlines;
    fp.relay_buffer = &relay_buffer;
    fp.head_buffer = &response_head;
    fp.response_sha = &response_sha;
    kept_response.clear();
    fp.keep_response = keep ? &kept_response : nullptr;
    fp.keep_limit = opt.max_stored_body_bytes;
    ForwardOutcome outcome = co_await forward(w.pool, fp, upstream_req, stream);
    refusal.request_bytes = request_bytes;
    refusal.request_sha256 = std::move(request_digest);
    refusal.upstream_us = outcome.upstream_us;
    if (outcome.error) {
      refusal.keep_alive = fp.keep_alive;
      if (!co_await refusal.send(*outcome.error)) break;
      continue;
    }
    if (keep && outcome.response_kept) {
      refusal.bodies_stored = impl.bodies->save(
          started_us, refusal.request_id,
          {std::move(kept_request), {std::move(kept_response), std::move(outcome.response_content_type)}});
      if (!refusal.bodies_stored) log::error("gateway.body_store_failed", {{"request_id", refusal.request_id}});
    } else if (store_bodies) {
      log::warn("gateway.body_not_stored", {{"request_id", refusal.request_id}, {"reason", "too_large"}});
    }
    refusal.record(outcome.status, outcome.response_bytes, outcome.response_sha256, {});
    if (outcome.close_consumer) break;
  }
  w.sessions.erase(&handle);
  stream.close();
  w.active.fetch_sub(1, std::memory_order_relaxed);
}

}  // namespace simpul::gateway
