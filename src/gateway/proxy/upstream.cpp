#include "gateway/proxy/upstream.hpp"

#include <sys/socket.h>

#include <array>
#include <cerrno>
#include <charconv>

#include "core/log.hpp"
#include "core/text.hpp"
#include "gateway/proxy/sha256.hpp"

namespace simpul::gateway::proxy {

namespace {

bool idempotent(bhttp::verb m) noexcept {
  return m == bhttp::verb::get || m == bhttp::verb::head || m == bhttp::verb::put || m == bhttp::verb::delete_ ||
         m == bhttp::verb::options;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

/// A pooled connection the upstream closed (or that has unexpected bytes) while idle is useless;
/// peeking without blocking finds most of them before a request is written into a dead socket.
bool still_open(UpstreamConn& c, bool probe) noexcept {
  if (c.buffer.size() != 0) return false;
  if (!probe) return true;
  char byte;
  ssize_t n = ::recv(c.stream.socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

}  // namespace

bool is_hop_by_hop(std::string_view name) noexcept {
  return iequals(name, "connection") || iequals(name, "keep-alive") || iequals(name, "te") ||
         iequals(name, "trailer") || iequals(name, "transfer-encoding") || iequals(name, "upgrade") ||
         (name.size() >= 6 && iequals(name.substr(0, 6), "proxy-"));
}

std::optional<UpstreamTarget> parse_upstream_url(std::string_view url) {
  UpstreamTarget t;
  if (url.starts_with("http://")) {
    url.remove_prefix(7);
  } else if (url.starts_with("https://")) {
    t.tls = true;
    url.remove_prefix(8);
  } else {
    return std::nullopt;
  }
  auto slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? "" : url.substr(slash);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);  // the upstream path starts with '/'
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;
  std::string_view host = authority, port = t.tls ? "443" : "80";
  if (authority.front() == '[') {  // IPv6 literal
    auto close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return std::nullopt;
      port = authority.substr(close + 2);
    }
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty() || port.empty() || port.size() > 5) return std::nullopt;
  for (char c : port)
    if (c < '0' || c > '9') return std::nullopt;
  t.host = host;
  t.port = port;
  t.base_path = path;
  t.host_header = std::string(authority);
  t.pool_key = (t.tls ? "https://" : "http://") + t.host_header;
  return t;
}

const UpstreamTarget* UpstreamTargets::find(std::string_view url) {
  auto it = parsed_.find(url);
  if (it == parsed_.end()) it = parsed_.emplace(std::string(url), parse_upstream_url(url)).first;
  return it->second ? &*it->second : nullptr;
}

std::unique_ptr<UpstreamConn> UpstreamPool::take(std::string_view key,
                                                 std::chrono::steady_clock::duration probe_after) {
  auto it = idle_.find(key);
  if (it == idle_.end()) return nullptr;
  const auto now = probe_after.count() > 0 ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
  while (!it->second.empty()) {
    auto conn = std::move(it->second.back());
    it->second.pop_back();
    if (still_open(*conn, probe_after.count() <= 0 || now - conn->idle_since >= probe_after)) return conn;
  }
  return nullptr;
}

void UpstreamPool::put(std::string_view key, std::unique_ptr<UpstreamConn> conn) {
  auto it = idle_.find(key);
  if (it == idle_.end()) it = idle_.emplace(std::string(key), std::vector<std::unique_ptr<UpstreamConn>>{}).first;
  if (it->second.size() < max_idle_) {
    conn->idle_since = std::chrono::steady_clock::now();
    it->second.push_back(std::move(conn));
  }
}

asio::awaitable<std::unique_ptr<UpstreamConn>> connect_upstream(const UpstreamTarget& target, ssl::context* tls,
                                                                Deadline& deadline, std::chrono::milliseconds timeout,
                                                                boost::system::error_code& ec) {
  auto ex = co_await asio::this_coro::executor;
  std::unique_ptr<UpstreamConn> conn;
  if (target.tls) {
    if (!tls) {
      ec = asio::error::operation_not_supported;
      co_return nullptr;
    }
    conn = std::make_unique<UpstreamConn>(Stream(tcp::socket(ex), *tls));
  } else {
    conn = std::make_unique<UpstreamConn>(Stream(tcp::socket(ex)));
  }
  // Beast reads min(capacity, 64 KiB) at a time: with room reserved up front, a small response's
  // head and body arrive in one recv instead of a 512-byte read and a second one.
  conn->buffer.reserve(16 << 10);
  tcp::resolver resolver(ex);
  auto [rec, results] = co_await resolver.async_resolve(target.host, target.port, kAwait);
  if (rec) {
    ec = rec;
    co_return nullptr;
  }
  deadline.arm(conn->stream, timeout);
  auto [cec, endpoint] = co_await asio::async_connect(conn->stream.socket(), results, kAwait);
  if (!cec) {
    boost::system::error_code ignored;
    conn->stream.socket().set_option(tcp::no_delay(true), ignored);
    if (auto* s = conn->stream.tls()) {
      // SNI (host names only: RFC 6066 forbids literal addresses), and the certificate must name
      // the host or address we asked for.
      boost::system::error_code not_ip;
      asio::ip::make_address(target.host, not_ip);
      if (not_ip) SSL_set_tlsext_host_name(s->native_handle(), target.host.c_str());
      s->set_verify_callback(ssl::host_name_verification(target.host));
      auto [hec] = co_await s->async_handshake(ssl::stream_base::client, kAwait);
      ec = hec;
    }
  } else {
    ec = cec;
  }
  if (deadline.fired()) ec = asio::error::timed_out;
  deadline.disarm();
  if (ec) co_return nullptr;
  co_return conn;
}

namespace {

struct Framing {
  bool keep = true;      // the consumer connection stays open after this response
  bool chunked = false;  // the body is re-chunked towards the consumer (unknown length)
};

void append_number(std::string& out, std::uint64_t n) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

/// Writes the consumer-facing head of the upstream's response into `out`: the upstream's fields
/// minus hop-by-hop ones, the gateway's request id, and the framing towards the consumer. Written
/// as text rather than through a Beast message and serializer, which copied every field into its
/// own allocation and cost about a tenth of the gateway's CPU (docs/benchmarks.md).
Framing write_response_head(std::string& out, const bhttp::response_parser<bhttp::buffer_body>& parser,
                            const ForwardParams& p, bool no_body) {
  const auto& up = parser.get();
  Framing f{p.keep_alive, false};
  const auto length = parser.content_length();
  if (!length && !no_body) {
    // Unknown length (chunked or close-delimited upstream): re-chunk for HTTP/1.1 consumers.
    if (p.version >= 11)
      f.chunked = true;
    else
      f.keep = false;
  }
  out.clear();
  out.append(p.version >= 11 ? "HTTP/1.1 " : "HTTP/1.0 ");
  append_number(out, static_cast<std::uint64_t>(up.result_int()));
  out.push_back(' ');
  const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(up.result_int()));
  out.append(reason.data(), reason.size()).append("\r\n");
  for (const auto& field : up) {
    const auto name = field.name_string();
    if (is_hop_by_hop(name) || field.name() == bhttp::field::content_length || iequals(name, "x-request-id")) continue;
    out.append(name.data(), name.size()).append(": ").append(field.value().data(), field.value().size()).append("\r\n");
  }
  out.append("X-Request-Id: ").append(p.request_id).append("\r\n");
  if (length) {
    out.append("Content-Length: ");
    append_number(out, *length);
    out.append("\r\n");
  } else if (f.chunked) {
    out.append("Transfer-Encoding: chunked\r\n");
  }
  // HTTP/1.1 is persistent unless it says close; HTTP/1.0 only when it says keep-alive.
  if (p.version >= 11 && !f.keep) out.append("Connection: close\r\n");
  if (p.version < 11 && f.keep) out.append("Connection: keep-alive\r\n");
  out.append("\r\n");
  return f;
}

/// Moves body bytes already in `buffer` (read together with the head) through the parser into
/// `buf`, without I/O. Returns how many landed in `buf`; ok is false on a malformed body.
std::size_t drain_buffered(bhttp::response_parser<bhttp::buffer_body>& parser, beast::flat_buffer& buffer,
                           std::vector<char>& buf, bool& ok) {
  auto& body = parser.get().body();
  body.data = buf.data();
  body.size = buf.size();
  parser.eager(true);
  while (buffer.size() != 0 && !parser.is_done() && body.size != 0) {
    boost::system::error_code ec;
    std::size_t used = parser.put(buffer.data(), ec);
    buffer.consume(used);
    if (ec == bhttp::error::need_more || ec == bhttp::error::need_buffer) break;
    if (ec) {
      ok = false;
      break;
    }
    if (used == 0) break;
  }
  return buf.size() - body.size;
}

}  // namespace

asio::awaitable<ForwardOutcome> forward(UpstreamPool& pool, const ForwardParams& p,
                                        bhttp::request<bhttp::string_body>& req, Stream& consumer) {
  ForwardOutcome out;
  const bool retryable = idempotent(req.method());
  unsigned attempts_left = 1 + (retryable ? p.retries : 0);
  const auto started = std::chrono::steady_clock::now();
  Deadline deadline(*p.deadlines, consumer.get_executor());
  const bool head = req.method() == bhttp::verb::head;

  for (;;) {
    boost::system::error_code ec;
    bool write_failed = false, received = false;
    // A request that can be replayed skips the liveness peek on a recently used connection: if
    // the upstream did close it, nothing is received and the loop below retries on a fresh one.
    auto conn = pool.take(p.target->pool_key, retryable ? std::chrono::steady_clock::duration(std::chrono::seconds(1))
                                                        : std::chrono::steady_clock::duration::zero());
    const bool pooled = conn != nullptr;
    if (!conn) conn = co_await connect_upstream(*p.target, p.tls, deadline, p.timeout, ec);
    bool timed_out = ec == asio::error::timed_out;
    std::optional<bhttp::response_parser<bhttp::buffer_body>> parser;
    if (conn) {
      deadline.arm(conn->stream, p.timeout);
      auto [wec, wn] = co_await bhttp::async_write(conn->stream, req, kAwait);
      if (wec) {
        ec = wec;
        write_failed = true;
      } else {
        parser.emplace();
        parser->body_limit(boost::none);  // the response is streamed, never held whole
        parser->header_limit(64 << 10);
        if (head) parser->skip(true);
        auto [rec, rn] = co_await bhttp::async_read_header(conn->stream, conn->buffer, *parser, kAwait);
        ec = rec;
        received = parser->got_some();
        // Interim responses (100 Continue, 103 Early Hints) are not relayed: the final one follows.
        while (!ec && parser->get().result_int() / 100 == 1 && parser->get().result_int() != 101) {
          parser.emplace();
          parser->body_limit(boost::none);
          parser->header_limit(64 << 10);
          if (head) parser->skip(true);
          auto [e2, n2] = co_await bhttp::async_read_header(conn->stream, conn->buffer, *parser, kAwait);
          ec = e2;
        }
      }
      timed_out = deadline.fired();
      deadline.disarm();
    }
    if (!ec) {
      // Relay the response: head first, then body pieces as they arrive.
      const int status = parser->get().result_int();
      const bool no_body = head || status / 100 == 1 || status == 204 || status == 304;
      const Framing framing = write_response_head(*p.head_buffer, *parser, p, no_body);
      out.status = status;
      out.close_consumer = !framing.keep;
      Sha256& sha = *p.response_sha;
      std::string* copy = no_body ? nullptr : p.keep_response;
      if (p.keep_response) {
        out.response_kept = true;
        out.response_content_type = std::string(parser->get()[bhttp::field::content_type]);
      }
      // Every relayed body byte is hashed, counted and, for a service that stores bodies, copied.
      auto relayed = [&](const char* data, std::size_t n) {
        sha.update(data, n);
        out.response_bytes += n;
        if (!copy) return;
        if (copy->size() + n > p.keep_limit) {
          copy->clear();
          copy = nullptr;
          out.response_kept = false;
        } else {
          copy->append(data, n);
        }
      };
      std::vector<char>& buf = *p.relay_buffer;
      if (buf.empty()) buf.resize(64 << 10);
      // Body bytes that came in with the head (a small response usually arrives in one read) go
      // out in the same gather write as the head; otherwise the head goes alone right away, so a
      // slow or streamed body never holds it back.
      std::size_t piece = 0;
      bool upstream_ok = true, consumer_ok = true;
      if (!no_body && !parser->is_done() && conn->buffer.size() != 0)
        piece = drain_buffered(*parser, conn->buffer, buf, upstream_ok);
      if (upstream_ok)
        relayed(buf.data(), piece);
      else
        piece = 0;  // a malformed body: the head goes, then the cut
      std::string_view head_text = *p.head_buffer;
      for (;;) {
        const bool last = no_body || (upstream_ok && parser->is_done());
        // One gather write: [head] [chunk size] [piece] [chunk end] [last chunk].
        char size_line[24];
        std::size_t size_len = 0;
        std::array<asio::const_buffer, 5> out_buffers{asio::buffer(head_text.data(), head_text.size())};
        out_buffers[2] = asio::buffer(buf.data(), piece);
        if (framing.chunked && piece != 0) {
          size_len = static_cast<std::size_t>(std::to_chars(size_line, size_line + 20, piece, 16).ptr - size_line);
          size_line[size_len++] = '\r';
          size_line[size_len++] = '\n';
          out_buffers[1] = asio::buffer(size_line, size_len);
          out_buffers[3] = asio::buffer("\r\n", 2);
        }
        if (framing.chunked && last) out_buffers[4] = asio::buffer("0\r\n\r\n", 5);
        if (asio::buffer_size(out_buffers) != 0) {
          deadline.arm(consumer, p.consumer_timeout);  // one deadline, one side at a time
          auto [cec, cn] = co_await asio::async_write(consumer, out_buffers, kAwait);
          deadline.disarm();
          consumer_ok = !cec;
        }
        head_text = {};
        if (last || !upstream_ok || !consumer_ok) break;
        parser->get().body().data = buf.data();
        parser->get().body().size = buf.size();
        deadline.arm(conn->stream, p.timeout);
        auto [bec, bn] = co_await bhttp::async_read(conn->stream, conn->buffer, *parser, kAwait);
        deadline.disarm();
        if (bec == bhttp::error::need_buffer) bec = {};
        if (bec) {
          upstream_ok = false;
          break;
        }
        piece = buf.size() - parser->get().body().size;
        relayed(buf.data(), piece);
      }
      out.upstream_us = static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
      out.response_sha256 = sha.hex();
      if (!upstream_ok) {
        // The head already went out: the response cannot be repaired, only cut off.
        log::warn("gateway.upstream_failed_mid_body", {{"request_id", p.request_id}, {"upstream", p.target->pool_key}});
        out.close_consumer = true;
      } else if (!consumer_ok || status == 101) {
        // A consumer that went away, or a connection that switched protocols (we never ask for an
        // upgrade, so it is unusable), is not reused.
        out.close_consumer = true;
      } else if (parser->is_done() && parser->keep_alive()) {
        pool.put(p.target->pool_key, std::move(conn));
      }
      co_return out;
    }
    // Nothing usable came back. A pooled connection that failed this way was most likely closed
    // by the upstream while idle: retry on a fresh one without counting an attempt, for any method
    // when the write itself failed, for idempotent methods when nothing at all was received.
    if (pooled && !timed_out && !received && (write_failed || retryable)) continue;
    if (!received && --attempts_left > 0) continue;
    out.error = timed_out ? ErrorCode::GatewayUpstreamTimeout : ErrorCode::GatewayUpstreamUnavailable;
    out.upstream_us = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count());
    log::info("gateway.upstream_error", {{"request_id", p.request_id},
                                         {"upstream", p.target->pool_key},
                                         {"error", ec.message()},
                                         {"timed_out", timed_out}});
    co_return out;
  }
}

}  // namespace simpul::gateway::proxy
