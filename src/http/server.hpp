#pragma once
// HTTP/1.1 transport on Boost.Beast + Asio with C++20 coroutines: limits, timeouts, keep-alive,
// graceful shutdown. All request semantics live in the Dispatcher.
#include <chrono>
#include <memory>
#include <string>

#include "http/dispatcher.hpp"

namespace simpul::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;            // 0 = any free port
  unsigned threads = 0;                  // 0 = one per core
  std::size_t max_body_bytes = 8 << 20;  // spreadsheet imports; JSON fields are bounded per route
  std::size_t max_header_bytes = 16 << 10;
  std::chrono::milliseconds read_timeout{30'000};   // a whole request must arrive within this
  std::chrono::milliseconds idle_timeout{60'000};   // keep-alive wait for the next request
  std::chrono::milliseconds drain_timeout{10'000};  // graceful shutdown waits this long for in-flight requests
};

class Server {
 public:
  Server(Dispatcher& dispatcher, ServerOptions options);
  ~Server();
  /// Binds and listens; returns the bound port.
  unsigned short listen();
  /// Serves until stop() or SIGINT/SIGTERM (when handle_signals), then drains in-flight requests.
  void run(bool handle_signals);
  /// Stops accepting, lets in-flight requests finish, closes idle connections. Thread-safe.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace simpul::http
