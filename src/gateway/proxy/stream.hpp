#pragma once
// One stream type for plain TCP and TLS, on both sides of the proxy, so the session and upstream
// code is written once instead of templated four ways; and a deadline that cancels (not closes) the
// socket so the proxy can still answer 408/504 after it fires.
//
// Deadlines are not one Asio timer each: arming a steady_timer per socket operation cost a timer
// heap insert, a cancelled handler run and often a timerfd_settime syscall — four times per
// exchange (docs/benchmarks.md). Instead every io_context keeps a list of its Deadlines and one
// sweep timer, running only while the list is not empty, checks them every DeadlineList::kTick;
// arming is a clock read and two stores. A deadline fires between `after` and `after + kTick`.
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/as_tuple.hpp>

#include <chrono>
#include <memory>

namespace simpul::gateway::proxy {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
/// Completion token of the proxy's coroutines: errors come back as values, never as exceptions.
inline constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);

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

class Deadline;

/// The Deadlines of one io_context (single-threaded, like everything on it). Must outlive them and
/// the io_context's handlers: declare it before the io_context.
class DeadlineList {
 public:
  static constexpr std::chrono::milliseconds kTick{50};

  DeadlineList() = default;
  DeadlineList(const DeadlineList&) = delete;
  DeadlineList& operator=(const DeadlineList&) = delete;

 private:
  friend class Deadline;
  void link(Deadline& d, const asio::any_io_executor& ex);
  void unlink(Deadline& d) noexcept;
  /// Fires every armed Deadline whose time has passed.
  void sweep(std::chrono::steady_clock::time_point now) noexcept;
  static asio::awaitable<void> run_sweeps(DeadlineList& list);

  Deadline* head_ = nullptr;
  bool sweeping_ = false;  // the sweep coroutine is alive
};

/// Cancels the stream's pending operations when `after` has passed since arm(), unless disarmed.
class Deadline {
 public:
  Deadline(DeadlineList& list, const asio::any_io_executor& ex) : list_(list) { list_.link(*this, ex); }
  ~Deadline() { list_.unlink(*this); }
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  void arm(Stream& stream, std::chrono::milliseconds after) noexcept {
    socket_ = &stream.socket();
    expires_ = std::chrono::steady_clock::now() + after;
    armed_ = true;
    fired_ = false;
  }
  void disarm() noexcept { armed_ = false; }
  bool fired() const noexcept { return fired_; }

 private:
  friend class DeadlineList;
  DeadlineList& list_;
  Deadline* prev_ = nullptr;
  Deadline* next_ = nullptr;
  tcp::socket* socket_ = nullptr;
  std::chrono::steady_clock::time_point expires_{};
  bool armed_ = false, fired_ = false;
};

inline void DeadlineList::link(Deadline& d, const asio::any_io_executor& ex) {
  d.next_ = head_;
  if (head_) head_->prev_ = &d;
  head_ = &d;
  if (!sweeping_) {
    sweeping_ = true;
    asio::co_spawn(ex, run_sweeps(*this), asio::detached);
  }
}

inline void DeadlineList::unlink(Deadline& d) noexcept {
  if (d.prev_)
    d.prev_->next_ = d.next_;
  else
    head_ = d.next_;
  if (d.next_) d.next_->prev_ = d.prev_;
  d.prev_ = d.next_ = nullptr;
}

inline void DeadlineList::sweep(std::chrono::steady_clock::time_point now) noexcept {
  // cancel() only queues the cancelled operations' handlers, so no Deadline is created or
  // destroyed while the list is walked.
  for (Deadline* d = head_; d; d = d->next_) {
    if (!d->armed_ || d->expires_ > now) continue;
    d->armed_ = false;
    d->fired_ = true;
    boost::system::error_code ignored;
    d->socket_->cancel(ignored);
  }
}

inline asio::awaitable<void> DeadlineList::run_sweeps(DeadlineList& list) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  // Stops when the last Deadline is gone, so an io_context with nothing to time can run out of
  // work (the health checker's run() returns).
  while (list.head_) {
    timer.expires_after(kTick);
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    if (ec) break;
    list.sweep(std::chrono::steady_clock::now());
  }
  list.sweeping_ = false;
}

}  // namespace simpul::gateway::proxy
