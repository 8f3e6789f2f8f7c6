#pragma once
// Test helpers for the proxy: a tiny in-process HTTP/1.1 upstream on 127.0.0.1 (blocking, one
// thread per connection), a blocking HTTP client, and a throw-away PKI made with the openssl CLI.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace simpul::gateway::testing {

namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

struct Received {
  std::string method, target, body;
  std::map<std::string, std::string> headers;  // lower-case names
};

class TestUpstream {
 public:
  enum class Mode { echo, slow, drop_first, large, reset_mid_body };
  TestUpstream();
  ~TestUpstream();

  unsigned short port() const { return port_; }
  std::string url(std::string_view base = "/base") const;

  std::atomic<Mode> mode{Mode::echo};
  std::atomic<int> delay_ms{0};        // slow: wait before answering
  std::atomic<int> drop_remaining{0};  // drop_first: close without answering this many requests
  std::size_t large_bytes = 8u << 20;  // large: body size, sent chunked in 64 KiB pieces
  std::atomic<int> connections{0};     // accepted so far
  std::atomic<int> requests{0};        // requests read so far

  std::vector<Received> received() const;
  Received last() const;

  /// The body the large mode sends (deterministic).
  static std::string large_body(std::size_t n);

 private:
  void accept_loop();
  void serve(tcp::socket socket);

  boost::asio::io_context ioc_;
  tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread accept_thread_;
  mutable std::mutex mutex_;
  std::vector<Received> received_;
  std::vector<std::thread> threads_;
  std::vector<int> fds_;
};

/// Blocking client on one keep-alive connection.
class Client {
 public:
  explicit Client(unsigned short port);
  bhttp::response<bhttp::string_body> send(bhttp::request<bhttp::string_body> req,
                                           boost::beast::error_code* ec = nullptr);
  /// GET with an API key; other headers via `extra`.
  bhttp::response<bhttp::string_body> get(std::string target, std::string key,
                                          std::vector<std::pair<std::string, std::string>> extra = {});
  void write_raw(std::string_view bytes);
  /// Reads whatever arrives until the peer closes or `timeout` passes.
  std::string read_all(std::chrono::milliseconds timeout);
  tcp::socket& socket() { return socket_; }

 private:
  boost::asio::io_context ioc_;
  tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

/// A CA, a server certificate for 127.0.0.1/localhost, a client certificate signed by the CA and a
/// self-signed stranger certificate, made with the openssl CLI. Files: ca.pem, server.pem,
/// server.key, client.pem, client.key, stranger.pem, stranger.key.
struct TestPki {
  std::filesystem::path dir;
  bool ok = false;
  std::string client_fingerprint;  // lowercase hex SHA-256 of client.pem's DER
  static TestPki make(const std::filesystem::path& dir);
};

/// Lowercase hex SHA-256.
std::string sha256_hex(std::string_view data);

}  // namespace simpul::gateway::testing
