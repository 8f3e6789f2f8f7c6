#include "gateway/proxy/test_upstream.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/socket.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace simpul::gateway::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;

std::string sha256_hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  std::string out;
  char b[3];
  for (unsigned i = 0; i < len; ++i) {
    std::snprintf(b, sizeof b, "%02x", md[i]);
    out += b;
  }
  return out;
}

TestUpstream::TestUpstream() : acceptor_(ioc_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
  port_ = acceptor_.local_endpoint().port();
  accept_thread_ = std::thread([this] { accept_loop(); });
}

TestUpstream::~TestUpstream() {
  stop_ = true;
  ::shutdown(acceptor_.native_handle(), SHUT_RDWR);
  {
    std::lock_guard lock(mutex_);
    for (int fd : fds_) ::shutdown(fd, SHUT_RDWR);
  }
  accept_thread_.join();
  for (auto& t : threads_) t.join();
}

std::string TestUpstream::url(std::string_view base) const {
  return "http://127.0.0.1:" + std::to_string(port_) + std::string(base);
}

std::vector<Received> TestUpstream::received() const {
  std::lock_guard lock(mutex_);
  return received_;
}

Received TestUpstream::last() const {
  std::lock_guard lock(mutex_);
  return received_.empty() ? Received{} : received_.back();
}

std::string TestUpstream::large_body(std::size_t n) {
  std::string s(n, '\0');
  std::uint32_t x = 12345;
  for (auto& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>('a' + (x >> 16) % 26);
  }
  return s;
}

void TestUpstream::accept_loop() {
  while (!stop_) {
    beast::error_code ec;
    tcp::socket s(ioc_);
    acceptor_.accept(s, ec);
    if (ec || stop_) return;
    ++connections;
    std::lock_guard lock(mutex_);
    fds_.push_back(s.native_handle());
    threads_.emplace_back([this, sock = std::move(s)]() mutable { serve(std::move(sock)); });
  }
}

void TestUpstream::serve(tcp::socket socket) {
  beast::flat_buffer buffer;
  for (;;) {
    bhttp::request<bhttp::string_body> req;
    beast::error_code ec;
    bhttp::read(socket, buffer, req, ec);
    if (ec) break;
    ++requests;
    Received r{std::string(req.method_string()), std::string(req.target()), req.body(), {}};
    for (const auto& f : req) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[name] = std::string(f.value());
    }
    {
      std::lock_guard lock(mutex_);
      received_.push_back(r);
    }
    const Mode m = mode.load();
    if (m == Mode::drop_first && drop_remaining.fetch_sub(1) > 0) {
      socket.set_option(asio::socket_base::linger(true, 0), ec);  // RST, nothing received
      break;
    }
    if (m == Mode::slow) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms.load()));
    if (m == Mode::large || m == Mode::reset_mid_body) {
      bhttp::response<bhttp::empty_body> head{bhttp::status::ok, 11};
      head.set(bhttp::field::content_type, "application/octet-stream");
      if (m == Mode::large)
        head.chunked(true);
      else
        head.content_length(1 << 20);
      bhttp::response_serializer<bhttp::empty_body> sr{head};
      bhttp::write_header(socket, sr, ec);
      if (m == Mode::reset_mid_body) {
        asio::write(socket, asio::buffer(std::string(1000, 'x')), ec);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        socket.set_option(asio::socket_base::linger(true, 0), ec);
        break;
      }
      const std::string body = large_body(large_bytes);
      for (std::size_t off = 0; off < body.size() && !ec; off += 65536) {
        std::size_t n = std::min<std::size_t>(65536, body.size() - off);
        asio::write(socket, bhttp::make_chunk(asio::buffer(body.data() + off, n)), ec);
      }
      if (!ec) asio::write(socket, bhttp::make_chunk_last(), ec);
      if (ec) break;
      continue;
    }
    if (req.method() == bhttp::verb::head) {  // headers only, with the length a GET would have
      bhttp::response<bhttp::empty_body> res{bhttp::status::ok, 11};
      res.set("X-Upstream", "test");
      res.content_length(("echo:GET " + std::string(req.target()) + " ").size());
      res.keep_alive(req.keep_alive());
      bhttp::write(socket, res, ec);
      if (ec || !req.keep_alive()) break;
      continue;
    }
    bhttp::response<bhttp::string_body> res{
        req.method() == bhttp::verb::post ? bhttp::status::created : bhttp::status::ok, 11};
    res.set(bhttp::field::content_type, "text/plain");
    res.set("X-Upstream", "test");
    res.body() = "echo:" + std::string(req.method_string()) + " " + std::string(req.target()) + " " + req.body();
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    bhttp::write(socket, res, ec);
    if (ec || !req.keep_alive()) break;
  }
  {
    // Forget the descriptor before it closes, so the destructor never shuts down a reused number.
    std::lock_guard lock(mutex_);
    std::erase(fds_, socket.native_handle());
  }
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
}

Client::Client(unsigned short port) : socket_(ioc_) {
  socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
}

bhttp::response<bhttp::string_body> Client::send(bhttp::request<bhttp::string_body> req, beast::error_code* ec) {
  if (!req.count(bhttp::field::host)) req.set(bhttp::field::host, "gateway");
  req.prepare_payload();
  beast::error_code e;
  bhttp::write(socket_, req, e);
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64u << 20);
  if (req.method() == bhttp::verb::head) parser.skip(true);
  if (!e) bhttp::read(socket_, buffer_, parser, e);
  if (ec) *ec = e;
  return parser.release();
}

bhttp::response<bhttp::string_body> Client::get(std::string target, std::string key,
                                                std::vector<std::pair<std::string, std::string>> extra) {
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, target, 11};
  if (!key.empty()) req.set("X-API-Key", key);
  for (auto& [k, v] : extra) req.set(k, v);
  return send(std::move(req));
}

void Client::write_raw(std::string_view bytes) { asio::write(socket_, asio::buffer(bytes.data(), bytes.size())); }

std::string Client::read_all(std::chrono::milliseconds timeout) {
  std::string out(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  buffer_.consume(buffer_.size());
  const auto end = std::chrono::steady_clock::now() + timeout;
  char buf[4096];
  while (std::chrono::steady_clock::now() < end) {
    timeval tv{0, 100000};
    ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ssize_t n = ::recv(socket_.native_handle(), buf, sizeof buf, 0);
    if (n == 0) break;  // closed
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
      break;  // reset
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

TestPki TestPki::make(const std::filesystem::path& dir) {
  TestPki p;
  p.dir = dir;
  std::filesystem::create_directories(dir);
  const std::string d = dir.string();
  auto run = [](const std::string& cmd) { return std::system((cmd + " >/dev/null 2>&1").c_str()) == 0; };
  std::ofstream(dir / "server.ext") << "subjectAltName=IP:127.0.0.1,DNS:localhost\n";
  p.ok =
      run("cd '" + d +
          "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=TestCA") &&
      run("cd '" + d +
          "' && openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=localhost") &&
      run("cd '" + d +
          "' && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile server.ext") &&
      run("cd '" + d +
          "' && openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj /CN=client") &&
      run("cd '" + d +
          "' && openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2") &&
      run("cd '" + d +
          "' && openssl req -x509 -newkey rsa:2048 -nodes -keyout stranger.key -out stranger.pem -days 2 -subj /CN=stranger");
  if (!p.ok) return p;
  FILE* f = std::fopen((dir / "client.pem").c_str(), "r");
  X509* cert = f ? PEM_read_X509(f, nullptr, nullptr, nullptr) : nullptr;
  if (f) std::fclose(f);
  if (!cert) {
    p.ok = false;
    return p;
  }
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  p.client_fingerprint = sha256_hex({reinterpret_cast<const char*>(der), static_cast<std::size_t>(len)});
  OPENSSL_free(der);
  X509_free(cert);
  return p;
}

}  // namespace simpul::gateway::testing
