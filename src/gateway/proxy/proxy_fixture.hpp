#pragma once
// The fixture both proxy test files share: a test upstream, a configuration with one consumer and
// a few services, a message log in a temp dir, and a proxy on 127.0.0.1 port 0.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>

#include "core/crypto.hpp"
#include "gateway/message_log.hpp"
#include "gateway/proxy/proxy.hpp"
#include "gateway/proxy/test_upstream.hpp"
#include "testing/test_database.hpp"

namespace simpul::gateway::testing {

inline constexpr const char* kKey = "test-key-app";

class ProxyTestBase : public ::testing::Test {
 protected:
  ServiceConfig service(std::string id, std::string prefix, std::string url) {
    ServiceConfig s;
    s.id = id;
    s.name = id;
    s.version = "1";
    s.path_prefix = std::move(prefix);
    s.upstream_base_url = std::move(url);
    s.allowed_networks = {"0.0.0.0/0", "::/0"};
    s.max_body_bytes = 1000;
    s.upstream_timeout_ms = 5000;
    return s;
  }

  /// echo (the test upstream), closed (a port nobody listens on), blocked (127.0.0.1 not allowed).
  Config base_config() {
    Config c;
    c.version = 1;
    c.services = {service("echo", "/svc/echo", upstream.url()), service("closed", "/svc/closed", closed_url()),
                  service("blocked", "/svc/blocked", upstream.url())};
    c.services[2].allowed_networks = {"10.0.0.0/8"};
    c.consumers = {{"app", "App", "agency-1", {api_key_hash(kKey)}, {}},
                   {"other", "Other", "agency-2", {api_key_hash("other-key")}, {}}};
    c.grants = {{"app", "echo", std::nullopt, {}},
                {"app", "closed", std::nullopt, {}},
                {"app", "blocked", std::nullopt, {}},
                {"other", "echo", std::string("/public"), {"GET"}}};
    return c;
  }

  std::string closed_url() {
    // Bind and close: the port is very likely unused right after.
    boost::asio::io_context ioc;
    tcp::acceptor a(ioc, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
    auto port = a.local_endpoint().port();
    a.close();
    return "http://127.0.0.1:" + std::to_string(port) + "/x";
  }

  void publish(Config c) {
    holder.publish(std::make_shared<const Config>(std::move(c)));
    published_ = true;
  }

  /// HTTPS towards consumers with the test PKI's server certificate.
  static ProxyOptions tls_server_options(const TestPki& pki) {
    ProxyOptions o;
    o.tls_certificate = pki.dir / "server.pem";
    o.tls_private_key = pki.dir / "server.key";
    return o;
  }

  void start(ProxyOptions o = {}, bool with_log = true) {
    if (!published_) publish(base_config());
    if (with_log) {
      key = crypto::generate_signing_key();
      MessageLogOptions lo;
      lo.fsync_on_flush = false;
      log = MessageLog::open(dir.path() / "log", key, lo);
      ASSERT_TRUE(log);
    }
    o.port = 0;
    if (o.threads == 0) o.threads = 2;
    if (o.health_interval == ProxyOptions{}.health_interval) o.health_interval = std::chrono::milliseconds(0);
    proxy = std::make_unique<Proxy>(holder, limiter, log.get(), o);
    port = proxy->listen();
    proxy->start();
  }

  void TearDown() override {
    if (proxy) proxy->stop();
    proxy.reset();
  }

  /// The message log records, parsed (after stopping the proxy and flushing the log).
  std::vector<boost::json::object> log_records() {
    std::vector<boost::json::object> out;
    if (!log) return out;
    (void)log->flush();
    for (const auto& e : std::filesystem::directory_iterator(dir.path() / "log")) {
      std::ifstream in(e.path());
      std::string line;
      while (std::getline(in, line)) {
        auto v = boost::json::parse(line);
        if (v.as_object().contains("seq")) out.push_back(v.as_object());
      }
    }
    return out;
  }

  std::string public_key() const { return std::string(reinterpret_cast<const char*>(key.public_key.data()), 32); }

  static boost::json::object error_of(const bhttp::response<bhttp::string_body>& res) {
    auto v = boost::json::parse(res.body());
    return v.as_object().at("error").as_object();
  }

  /// Status, catalogue code, and the request id the same in body and header.
  static void expect_error(const bhttp::response<bhttp::string_body>& res, int status, std::string_view code) {
    EXPECT_EQ(res.result_int(), status) << res.body();
    ASSERT_NE(res.body().find('{'), std::string::npos) << res.body();
    auto err = error_of(res);
    EXPECT_EQ(err.at("code").as_string(), code);
    EXPECT_FALSE(err.at("message").as_string().empty());
    EXPECT_FALSE(res["X-Request-Id"].empty());
    EXPECT_EQ(err.at("request_id").as_string(), res["X-Request-Id"]);
  }

  TestUpstream upstream;
  SnapshotHolder holder;
  RateLimiter limiter;
  simpul::test_support::TempDir dir;
  crypto::SigningKey key;
  std::unique_ptr<MessageLog> log;
  std::unique_ptr<Proxy> proxy;
  unsigned short port = 0;
  bool published_ = false;
};

}  // namespace simpul::gateway::testing
