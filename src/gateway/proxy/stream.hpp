#pragma once
// One stream type for plain TCP and TLS, on both sides of the proxy, so the session and upstream
// code is written once instead of templated four ways; and a deadline that cancels (not closes) the
// socket so the proxy can still answer 408/504 after it fires.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>

#include <chrono>
#include <memory>

namespace simpul::gateway::proxy {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

/// AsyncReadStream + AsyncWriteStream over either a TCP socket or a TLS stream on one.
class Stream {
 public:
  using executor_type = tcp::socket::executor_type;

  explicit Stream(tcp::socket socket) : plain_(std::move(socket)) {}
  Stream(tcp::socket socket, ssl::context& tls) : plain_(socket.get_executor()) {
    tls_ = std::make_unique<ssl::stream<tcp::socket>>(std::move(socket), tls);
  }

  executor_type get_executor() noexcept { return socket().get_executor(); }
  tcp::socket& socket() noexcept { return tls_ ? tls_->next_layer() : plain_; }
  ssl::stream<tcp::socket>* tls() noexcept { return tls_.get(); }

  // Both branches return the same type for a given token (void for handlers, one awaitable type
  // for use_awaitable), so a plain `if` dispatches.
  template <class Buffers, class Token>
  auto async_read_some(const Buffers& buffers, Token&& token) {
    if (tls_) return tls_->async_read_some(buffers, std::forward<Token>(token));
    return plain_.async_read_some(buffers, std::forward<Token>(token));
  }
  template <class Buffers, class Token>
  auto async_write_some(const Buffers& buffers, Token&& token) {
    if (tls_) return tls_->async_write_some(buffers, std::forward<Token>(token));
    return plain_.async_write_some(buffers, std::forward<Token>(token));
  }

  void close() noexcept {
    boost::system::error_code ignored;
    socket().shutdown(tcp::socket::shutdown_both, ignored);
    socket().close(ignored);
  }

 private:
  tcp::socket plain_;
  std::unique_ptr<ssl::stream<tcp::socket>> tls_;
};

/// A timer that cancels the stream's pending operations when it fires. Single-threaded use (each
/// connection lives on one io_context thread); the shared state keeps a late callback harmless.
class Deadline {
 public:
  explicit Deadline(const asio::any_io_executor& ex) : timer_(ex), state_(std::make_shared<State>()) {}
  ~Deadline() { state_->armed = false; }
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  void arm(Stream& stream, std::chrono::milliseconds after) {
    state_->armed = true;
    state_->fired = false;
    state_->socket = &stream.socket();
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
  bool fired() const noexcept { return state_->fired; }

 private:
  struct State {
    bool armed = false;
    bool fired = false;
    tcp::socket* socket = nullptr;
  };
  asio::steady_timer timer_;
  std::shared_ptr<State> state_;
};

}  // namespace simpul::gateway::proxy
