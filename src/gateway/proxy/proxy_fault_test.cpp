// Faults the data plane must survive (issue 7): broken clients, broken upstreams, garbage on the
// TLS port. Suite names start with ProxyFault so the valgrind CTest can select them.
#include <boost/asio/ssl.hpp>

#include "gateway/proxy/proxy_fixture.hpp"

using namespace simpul;
using namespace simpul::gateway;
using namespace simpul::gateway::testing;

namespace {

class ProxyFault : public ProxyTestBase {
 protected:
  /// A fresh connection gets a normal answer: the proxy is still up.
  void expect_serving() {
    Client c(port);
    EXPECT_EQ(c.get("/svc/echo/ok", kKey).result_int(), 200);
  }
};

}  // namespace

TEST_F(ProxyFault, MalformedRequestLineIs400) {
  start();
  Client c(port);
  c.write_raw("GET /svc/echo/a HTTP/1.1 extra\r\nHost: x\r\n\r\n");
  std::string reply = c.read_all(std::chrono::milliseconds(3000));
  EXPECT_EQ(reply.rfind("HTTP/1.1 400", 0), 0u) << reply;
  EXPECT_NE(reply.find("request.malformed"), std::string::npos);
  Client d(port);
  d.write_raw("\x01\x02\x03garbage\r\n\r\n");
  EXPECT_NE(d.read_all(std::chrono::milliseconds(3000)).find("400"), std::string::npos);
  expect_serving();
}

TEST_F(ProxyFault, OversizedHeadersAre431) {
  ProxyOptions o;
  o.max_header_bytes = 4096;
  start(o);
  Client c(port);
  c.write_raw("GET /svc/echo/a HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'a') + "\r\n\r\n");
  std::string reply = c.read_all(std::chrono::milliseconds(3000));
  EXPECT_EQ(reply.rfind("HTTP/1.1 431", 0), 0u) << reply.substr(0, 200);
  EXPECT_NE(reply.find("gateway.header_too_large"), std::string::npos);
  expect_serving();
}

TEST_F(ProxyFault, SlowlorisGets408WhileOthersAreServed) {
  ProxyOptions o;
  o.header_timeout = std::chrono::milliseconds(1000);
  o.threads = 1;  // the slow client and the normal one share the worker
  start(o);
  Client slow(port);
  std::atomic<bool> closed{false};
  std::string reply;
  std::thread drip([&] {
    const std::string head = "GET /svc/echo/a HTTP/1.1\r\nHost: x\r\nX-API-Key: test-key-app\r\n\r\n";
    for (char ch : head) {
      boost::beast::error_code ec;
      boost::asio::write(slow.socket(), boost::asio::buffer(&ch, 1), ec);
      if (ec) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      if (slow.socket().available(ec) > 0 || ec) break;  // the proxy answered
    }
    reply = slow.read_all(std::chrono::milliseconds(3000));
    closed = true;
  });
  // Meanwhile a normal client is served.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  expect_serving();
  drip.join();
  EXPECT_EQ(reply.rfind("HTTP/1.1 408", 0), 0u) << reply;
  EXPECT_NE(reply.find("gateway.request_timeout"), std::string::npos);
  EXPECT_NE(reply.find("Connection: close"), std::string::npos);
  expect_serving();
}

TEST_F(ProxyFault, UpstreamResetMidBodyClosesConsumer) {
  start();
  upstream.mode = TestUpstream::Mode::reset_mid_body;
  Client c(port);
  boost::beast::error_code ec;
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/svc/echo/a", 11};
  req.set("X-API-Key", kKey);
  c.send(req, &ec);
  EXPECT_TRUE(ec) << "a cut-off body must not look complete";
  upstream.mode = TestUpstream::Mode::echo;
  expect_serving();
}

TEST_F(ProxyFault, GarbageOnTlsPort) {
  TestPki pki = TestPki::make(dir.path() / "pki");
  ASSERT_TRUE(pki.ok);
  start(tls_server_options(pki));
  for (int i = 0; i < 3; ++i) {
    Client c(port);
    c.write_raw("GET / HTTP/1.1\r\nHost: x\r\n\r\n\x16\x03\x01\xff\xff garbage");
    c.read_all(std::chrono::milliseconds(2000));
  }
  {
    Client idle(port);  // connects and sends nothing; dropped after the handshake timeout
  }
  namespace ssl = boost::asio::ssl;
  boost::asio::io_context ioc;
  ssl::context ctx(ssl::context::tls_client);
  ctx.load_verify_file((pki.dir / "ca.pem").string());
  ctx.set_verify_mode(ssl::verify_peer);
  ssl::stream<tcp::socket> s(ioc, ctx);
  s.next_layer().connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  s.handshake(ssl::stream_base::client);
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/svc/echo/a", 11};
  req.set("X-API-Key", kKey);
  req.set(bhttp::field::host, "localhost");
  bhttp::write(s, req);
  bhttp::response<bhttp::string_body> res;
  boost::beast::flat_buffer b;
  bhttp::read(s, b, res);
  EXPECT_EQ(res.result_int(), 200);
}

namespace {

/// True when the proxy has closed the connection (end of stream or reset), false while it is open.
bool closed_by_peer(Client& c) {
  char b;
  const ssize_t n = ::recv(c.socket().native_handle(), &b, 1, MSG_DONTWAIT);
  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
}

std::size_t count_of(std::string_view text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

// Request smuggling through ambiguous framing (RFC 9112 6.1, 6.3 and 5.2): each request is answered
// 400 gateway.bad_framing and the connection closed; nothing reaches the upstream, neither the
// request nor the bytes after its head (here a second, smuggled request).
TEST_F(ProxyFault, AmbiguousFramingIs400ClosedAndNeverForwarded) {
  struct Case {
    const char* name;
    std::string head;  // the fields after the API key, each ending in CRLF
    std::string body;
  };
  const std::string chunked_body = "5\r\nhello\r\n0\r\n\r\n";
  const Case cases[] = {
      {"te_chunked_then_identity", "Transfer-Encoding: chunked, identity\r\n", chunked_body},
      {"te_chunked_not_last", "Transfer-Encoding: chunked, gzip\r\n", chunked_body},
      {"te_unknown_coding", "Transfer-Encoding: x-custom\r\n", chunked_body},
      {"te_identity", "Transfer-Encoding: identity\r\n", "hello"},
      {"te_gzip_then_chunked", "Transfer-Encoding: gzip, chunked\r\n", chunked_body},
      {"te_in_two_fields", "Transfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n", chunked_body},
      {"te_empty", "Transfer-Encoding: \r\n", chunked_body},
      {"te_then_content_length", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", chunked_body},
      {"content_length_then_te", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", chunked_body},
      {"te_unknown_then_content_length", "Transfer-Encoding: gzip\r\nContent-Length: 5\r\n", "hello"},
      {"two_content_lengths", "Content-Length: 5\r\nContent-Length: 6\r\n", "hello!"},
      {"content_length_not_a_number", "Content-Length: 5x\r\n", "hello"},
      {"obs_fold_in_te", "Transfer-Encoding:\r\n chunked\r\n", chunked_body},
      {"obs_fold_with_tab", "X-Note: a\r\n\tb\r\n", ""},
      {"obs_fold_with_space", "X-Note: a\r\n  b\r\n", ""},
  };
  start();
  const std::string smuggled =
      "GET /svc/echo/smuggled HTTP/1.1\r\nHost: x\r\nX-API-Key: " + std::string(kKey) + "\r\n\r\n";
  for (const auto& c : cases) {
    Client client(port);
    client.write_raw("POST /svc/echo/a HTTP/1.1\r\nHost: x\r\nX-API-Key: " + std::string(kKey) + "\r\n" + c.head +
                     "\r\n" + c.body + smuggled);
    const std::string reply = client.read_all(std::chrono::milliseconds(5000));
    EXPECT_EQ(reply.rfind("HTTP/1.1 400 ", 0), 0u) << c.name << ": " << reply;
    EXPECT_NE(reply.find("\"code\":\"gateway.bad_framing\""), std::string::npos) << c.name << ": " << reply;
    EXPECT_NE(reply.find("Connection: close\r\n"), std::string::npos) << c.name << ": " << reply;
    EXPECT_EQ(count_of(reply, "HTTP/1.1 "), 1u) << c.name << ": the smuggled request was answered: " << reply;
    EXPECT_TRUE(closed_by_peer(client)) << c.name;
    EXPECT_EQ(upstream.requests.load(), 0) << c.name << ": the upstream saw a request";
  }
  // HTTP/1.0 has no Transfer-Encoding (RFC 9112 6.1: treat the framing as faulty).
  Client old(port);
  old.write_raw("POST /svc/echo/a HTTP/1.0\r\nX-API-Key: " + std::string(kKey) +
                "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked_body);
  const std::string reply = old.read_all(std::chrono::milliseconds(5000));
  EXPECT_NE(reply.find("gateway.bad_framing"), std::string::npos) << reply;
  EXPECT_TRUE(closed_by_peer(old));
  EXPECT_EQ(upstream.requests.load(), 0);
  // A plain chunked request (any case, empty list elements) is still relayed.
  Client ok(port);
  ok.write_raw("POST /svc/echo/a HTTP/1.1\r\nHost: x\r\nX-API-Key: " + std::string(kKey) +
               "\r\nTransfer-Encoding: , Chunked\r\nConnection: close\r\n\r\n" + chunked_body);
  const std::string relayed = ok.read_all(std::chrono::milliseconds(5000));
  EXPECT_EQ(relayed.rfind("HTTP/1.1 201 ", 0), 0u) << relayed;
  EXPECT_EQ(upstream.requests.load(), 1);
  EXPECT_EQ(upstream.last().body, "hello");
  expect_serving();
}
