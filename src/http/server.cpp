#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"

namespace simpul::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Percent-decoding; refuses broken escapes, NUL and invalid UTF-8 so nothing downstream sees them.
bool percent_decode(std::string_view in, bool plus_is_space, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out.find('\0') == std::string::npos && text::is_valid_utf8(out);
}

Request to_request(const bhttp::request<bhttp::string_body>& msg, const std::string& remote) {
  Request req;
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  req.remote_address = remote;
  std::string_view target = msg.target();
  auto qpos = target.find('?');
  if (!percent_decode(target.substr(0, qpos), false, req.path) || req.path.empty() || req.path[0] != '/')
    throw Error(ErrorCode::RequestMalformed, {{"reason", "bad path encoding"}});
  if (qpos != std::string_view::npos) {
    for (auto pair : text::split(target.substr(qpos + 1), '&')) {
      if (pair.empty()) continue;
      auto eq = pair.find('=');
      std::string key, value;
      if (!percent_decode(pair.substr(0, eq), true, key) ||
          !percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true, value))
        throw Error(ErrorCode::RequestInvalidQuery, {{"reason", "bad query encoding"}});
      req.query[key] = std::move(value);
    }
  }
  for (const auto& f : msg) req.headers.emplace_back(text::to_lower_ascii(f.name_string()), std::string(f.value()));
  auto rid = msg["X-Request-Id"];
  bool rid_ok = !rid.empty() && rid.size() <= 64;
  for (char c : rid) rid_ok = rid_ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  if (rid_ok) req.request_id = std::string(rid);
  req.body = msg.body();
  return req;
}

bhttp::response<bhttp::string_body> to_message(Response&& res, unsigned version, bool keep_alive, bool head) {
  bhttp::response<bhttp::string_body> msg{static_cast<bhttp::status>(res.status), version};
  msg.set(bhttp::field::server, "simpul");
  if (!res.content_type.empty()) msg.set(bhttp::field::content_type, res.content_type);
  for (auto& [k, v] : res.headers) msg.insert(k, v);
  msg.keep_alive(keep_alive);
  std::size_t length = res.body.size();
  if (!head) msg.body() = std::move(res.body);
  msg.prepare_payload();
  if (head && res.status != 204) msg.content_length(length);
  return msg;
}

/// A per-connection timer that cancels (not closes) the socket when it fires, so the server can
/// still answer 408. Everything runs on the connection's strand; the shared state keeps a late
/// timer callback harmless after the connection is gone.
class Deadline {
 public:
  explicit Deadline(const asio::any_io_executor& ex) : timer_(ex), state_(std::make_shared<State>()) {}
  ~Deadline() { state_->armed = false; }

  void arm(tcp::socket& socket, std::chrono::milliseconds after) {
    state_->armed = true;
    state_->fired = false;
    state_->socket = &socket;
    timer_.expires_after(after);
    timer_.async_wait([st = state_](const boost::system::error_code& ec) {
      if (ec || !st->armed) return;
      st->fired = true;
      boost::system::error_code ignored;
      st->socket->cancel(ignored);
    });
  }
  void disarm() {
    state_->armed = false;
    timer_.cancel();
  }
  bool fired() const { return state_->fired; }

 private:
  struct State {
    bool armed = false;
    bool fired = false;
    tcp::socket* socket = nullptr;
  };
  asio::steady_timer timer_;
  std::shared_ptr<State> state_;
};

}  // namespace

struct Server::Impl {
  struct SessionState {
    asio::any_io_executor executor;
    tcp::socket* socket = nullptr;
    bool busy = false;    // touched only on the session's strand
    bool closed = false;  // likewise
  };

  Impl(Dispatcher& d, ServerOptions o)
      : dispatcher(d), options(std::move(o)), ioc(static_cast<int>(thread_count())), acceptor(ioc), signals(ioc) {}

  unsigned thread_count() const {
    return options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), kAwait);
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
        log::warn("http.accept_failed", {{"error", ec.message()}});
        continue;
      }
      // Responses are written whole; without NODELAY, Nagle + delayed ACK adds ~40 ms to small replies.
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      auto ex = socket.get_executor();
      asio::co_spawn(ex, session(std::move(socket)), asio::detached);
    }
  }

  asio::awaitable<void> write_error(tcp::socket& socket, Deadline& deadline, ErrorCode code) {
    Response r = error_response(Error(code), Language::Indonesian, crypto::random_token(9));
    auto msg = to_message(std::move(r), 11, false, false);
    deadline.arm(socket, options.read_timeout);
    co_await bhttp::async_write(socket, msg, kAwait);
    deadline.disarm();
  }

  asio::awaitable<void> session(tcp::socket socket) {
    active.fetch_add(1);
    beast::error_code ignored;
    std::string remote = socket.remote_endpoint(ignored).address().to_string();
    auto state = std::make_shared<SessionState>();
    state->executor = socket.get_executor();
    state->socket = &socket;
    Deadline deadline(socket.get_executor());
    {
      std::lock_guard lock(sessions_mutex);
      sessions.insert(state);
    }
    beast::flat_buffer buffer;
    while (!stopping.load()) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      parser.body_limit(options.max_body_bytes);
      // An idle keep-alive connection may wait idle_timeout for its first byte; from then on the
      // whole request, head and body, must be in within read_timeout (slow clients get 408). The
      // first byte is awaited on the socket itself: Beast's parser would wait for a complete head.
      beast::error_code ec;
      std::size_t n = 0;
      if (buffer.size() == 0) {
        deadline.arm(socket, options.idle_timeout);
        std::tie(ec, n) = co_await socket.async_read_some(buffer.prepare(4096), kAwait);
        buffer.commit(n);
      }
      if (!ec) {
        deadline.arm(socket, options.read_timeout);
        std::tie(ec, n) = co_await bhttp::async_read(socket, buffer, parser, kAwait);
      }
      bool timed_out = deadline.fired();
      deadline.disarm();
      if (ec) {
        if (ec == bhttp::error::body_limit) {
          co_await write_error(socket, deadline, ErrorCode::RequestBodyTooLarge);
        } else if (ec == bhttp::error::header_limit) {
          co_await write_error(socket, deadline, ErrorCode::RequestHeadersTooLarge);
        } else if (timed_out && parser.got_some()) {
          log::info("http.request_timeout", {{"remote", remote}});
          co_await write_error(socket, deadline, ErrorCode::RequestTimeout);
        } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
                   ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
          log::info("http.malformed_request", {{"remote", remote}, {"error", ec.message()}});
          co_await write_error(socket, deadline, ErrorCode::RequestMalformed);
        }
        break;  // end of stream, idle timeout, reset, shutdown: just close
      }
      state->busy = true;
      auto& msg = parser.get();
      bool head = msg.method() == bhttp::verb::head;
      bool keep_alive = msg.keep_alive();
      Response res;
      try {
        Request req = to_request(msg, remote);
        res = dispatcher.handle(req);
      } catch (const Error& e) {
        res = error_response(e, Language::Indonesian, crypto::random_token(9));
      }
      keep_alive = keep_alive && !stopping.load();
      auto out = to_message(std::move(res), msg.version(), keep_alive, head);
      deadline.arm(socket, options.read_timeout);  // a client that stops reading is dropped
      auto [wec, wn] = co_await bhttp::async_write(socket, out, kAwait);
      deadline.disarm();
      state->busy = false;
      if (wec || !keep_alive) break;
    }
    socket.shutdown(tcp::socket::shutdown_send, ignored);
    state->closed = true;
    {
      std::lock_guard lock(sessions_mutex);
      sessions.erase(state);
    }
    active.fetch_sub(1);
  }

  asio::awaitable<void> drain() {
    asio::steady_timer timer(ioc);
    auto deadline = std::chrono::steady_clock::now() + options.drain_timeout;
    while (active.load() > 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        log::warn("http.drain_timeout", {{"open_connections", active.load()}});
        ioc.stop();
        co_return;
      }
      timer.expires_after(std::chrono::milliseconds(20));
      co_await timer.async_wait(kAwait);
    }
  }

  void begin_stop() {
    if (stopping.exchange(true)) return;
    log::info("http.stopping", {{"open_connections", active.load()}});
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    std::lock_guard lock(sessions_mutex);
    for (const auto& s : sessions)
      asio::post(s->executor, [s] {
        // Idle keep-alive connections are closed now; busy ones finish their response first.
        boost::system::error_code ignored;
        if (!s->closed && !s->busy) s->socket->cancel(ignored);
      });
    asio::co_spawn(ioc, drain(), asio::detached);
  }

  Dispatcher& dispatcher;
  ServerOptions options;
  asio::io_context ioc;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::atomic<bool> stopping{false};
  std::atomic<int> active{0};
  std::mutex sessions_mutex;
  std::unordered_set<std::shared_ptr<SessionState>> sessions;
};

Server::Server(Dispatcher& dispatcher, ServerOptions options)
    : impl_(std::make_unique<Impl>(dispatcher, std::move(options))) {}

Server::~Server() = default;

unsigned short Server::listen() {
  auto& acc = impl_->acceptor;
  tcp::endpoint ep(asio::ip::make_address(impl_->options.host), impl_->options.port);
  acc.open(ep.protocol());
  acc.set_option(asio::socket_base::reuse_address(true));
  acc.bind(ep);
  acc.listen(asio::socket_base::max_listen_connections);
  return acc.local_endpoint().port();
}

void Server::run(bool handle_signals) {
  auto* impl = impl_.get();
  asio::co_spawn(impl->ioc, impl->accept_loop(), asio::detached);
  if (handle_signals) {
    impl->signals.add(SIGINT);
    impl->signals.add(SIGTERM);
    impl->signals.async_wait([impl](const beast::error_code& ec, int sig) {
      if (!ec) {
        log::info("signal.received", {{"signal", sig}});
        impl->begin_stop();
      }
    });
  }
  std::vector<std::thread> workers;
  for (unsigned i = 1; i < impl->thread_count(); ++i) workers.emplace_back([impl] { impl->ioc.run(); });
  impl->ioc.run();
  for (auto& t : workers) t.join();
  log::info("http.stopped");
}

void Server::stop() {
  auto* impl = impl_.get();
  asio::post(impl->ioc, [impl] { impl->begin_stop(); });
}

}  // namespace simpul::http
