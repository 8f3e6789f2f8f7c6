// The data plane end to end (issue 7; docs/gateway.md "Data plane (proxy)"): a real proxy on a
// loopback port in front of an in-process upstream.
#include <boost/asio/ssl.hpp>

#include "gateway/body_store.hpp"
#include "gateway/proxy/proxy_fixture.hpp"

using namespace simpul;
using namespace simpul::gateway;
using namespace simpul::gateway::testing;

namespace {

class ProxyTest : public ProxyTestBase {};

bhttp::request<bhttp::string_body> request(bhttp::verb m, std::string target, std::string key = kKey) {
  bhttp::request<bhttp::string_body> r{m, target, 11};
  if (!key.empty()) r.set("X-API-Key", key);
  return r;
}

/// A raw response split at the blank line: the head (ending with its last field's CRLF) and the
/// bytes after it. Fails the test when there is no complete head.
std::pair<std::string, std::string> split_response(const std::string& raw) {
  const auto head_end = raw.find("\r\n\r\n");
  EXPECT_NE(head_end, std::string::npos) << raw;
  if (head_end == std::string::npos) return {};
  return {raw.substr(0, head_end + 2), raw.substr(head_end + 4)};
}

}  // namespace

TEST_F(ProxyTest, ForwardsAllowedRequest) {
  start();
  Client c(port);
  auto req = request(bhttp::verb::post, "/svc/echo/items/7?x=1&y=%20");
  req.set("X-Custom", "nilai");
  req.set(bhttp::field::content_type, "application/json");
  req.set("X-Forwarded-For", "1.2.3.4");  // not trusted from the client
  req.body() = R"({"a":1})";
  auto res = c.send(req);
  EXPECT_EQ(res.result_int(), 201);
  EXPECT_EQ(res["X-Upstream"], "test");
  EXPECT_FALSE(res["X-Request-Id"].empty());
  EXPECT_EQ(res.body(), R"(echo:POST /base/items/7?x=1&y=%20 {"a":1})");
  Received got = upstream.last();
  EXPECT_EQ(got.method, "POST");
  EXPECT_EQ(got.target, "/base/items/7?x=1&y=%20");
  EXPECT_EQ(got.body, R"({"a":1})");
  EXPECT_EQ(got.headers["x-custom"], "nilai");
  EXPECT_EQ(got.headers["content-type"], "application/json");
  EXPECT_EQ(got.headers.count("x-api-key"), 0u);
  EXPECT_EQ(got.headers["x-simpul-consumer"], "app");
  EXPECT_EQ(got.headers["x-forwarded-for"], "127.0.0.1");
  EXPECT_EQ(got.headers["x-forwarded-proto"], "http");
  EXPECT_EQ(got.headers["x-request-id"], res["X-Request-Id"]);
  EXPECT_EQ(got.headers["host"], "127.0.0.1:" + std::to_string(upstream.port()));

  // The prefix alone maps to the base path.
  auto root = c.send(request(bhttp::verb::get, "/svc/echo"));
  EXPECT_EQ(root.result_int(), 200);
  EXPECT_EQ(upstream.last().target, "/base/");

  // HEAD: the length a GET would have, no body, and the connection stays in step.
  auto head = c.send(request(bhttp::verb::head, "/svc/echo/h"));
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head[bhttp::field::content_length], "17");
  EXPECT_TRUE(head.body().empty());
  auto after = c.send(request(bhttp::verb::get, "/svc/echo/h"));
  EXPECT_EQ(after.body(), "echo:GET /base/h ");
}

TEST_F(ProxyTest, RefusalsCarryCatalogueCodeAndRequestId) {
  Config cfg = base_config();
  cfg.services[0].rate_limit = {0.01, 2};  // two at once, then one per 100 s
  publish(cfg);
  start();
  Client c(port);
  expect_error(c.send(request(bhttp::verb::get, "/svc/echo/a", "")), 401, "gateway.unknown_consumer");
  expect_error(c.send(request(bhttp::verb::get, "/svc/echo/a", "wrong")), 401, "gateway.unknown_consumer");
  expect_error(c.send(request(bhttp::verb::get, "/svc/nothing")), 404, "gateway.unknown_service");
  expect_error(c.send(request(bhttp::verb::get, "/svc/blocked/a")), 403, "gateway.source_not_allowed");
  expect_error(c.send(request(bhttp::verb::get, "/svc/echo/private", "other-key")), 403, "gateway.no_grant");
  auto big = request(bhttp::verb::post, "/svc/echo/a");
  big.body() = std::string(1001, 'x');
  expect_error(c.send(big), 413, "gateway.body_too_large");

  Client c2(port);  // the 413 closed the first connection (its body was never read)
  EXPECT_EQ(c2.send(request(bhttp::verb::get, "/svc/echo/a")).result_int(), 200);
  EXPECT_EQ(c2.send(request(bhttp::verb::get, "/svc/echo/a")).result_int(), 200);
  auto limited = c2.send(request(bhttp::verb::get, "/svc/echo/a"));
  expect_error(limited, 429, "gateway.rate_limited");
  EXPECT_GE(std::stoi(std::string(limited[bhttp::field::retry_after])), 1);

  // English on request.
  auto en = c2.send([&] {
    auto r = request(bhttp::verb::get, "/svc/nothing");
    r.set(bhttp::field::accept_language, "en-US");
    return r;
  }());
  EXPECT_EQ(error_of(en).at("message").as_string(), "No such service.");
  EXPECT_EQ(upstream.requests.load(), 2);  // refusals never reach the upstream
}

// The answer carries the rule the service's refusal cites, as the main API renders one
// (issue 22; docs/gateway.md "Refusals that cite a rule"), and `rule: null` where there is none.
TEST_F(ProxyTest, RefusalsNameTheRegionsRuleWhereOneIsTheReason) {
  Config cfg = base_config();
  cfg.services[0].grant_rule = {"BPN-09-5", "Pasal 9 ayat (5)"};
  cfg.services[2].source_rule = {"BDL-19-5", "Pasal 19 ayat (5)"};
  publish(cfg);
  start();
  Client c(port);
  auto no_grant = c.send(request(bhttp::verb::get, "/svc/echo/private", "other-key"));
  expect_error(no_grant, 403, "gateway.no_grant");
  auto rule = error_of(no_grant).at("rule");
  ASSERT_TRUE(rule.is_object()) << no_grant.body();
  EXPECT_EQ(rule.at("id").as_string(), "BPN-09-5");
  EXPECT_EQ(rule.at("citation").as_string(), "Pasal 9 ayat (5)");
  auto outside = c.send(request(bhttp::verb::get, "/svc/blocked/a"));
  expect_error(outside, 403, "gateway.source_not_allowed");
  EXPECT_EQ(error_of(outside).at("rule").at("citation").as_string(), "Pasal 19 ayat (5)");
  auto unknown = c.send(request(bhttp::verb::get, "/svc/nothing"));
  expect_error(unknown, 404, "gateway.unknown_service");
  EXPECT_TRUE(error_of(unknown).at("rule").is_null());
}

TEST_F(ProxyTest, UpstreamClosedPortIs502) {
  start();
  Client c(port);
  expect_error(c.send(request(bhttp::verb::get, "/svc/closed/a")), 502, "gateway.upstream_unavailable");
  EXPECT_EQ(c.send(request(bhttp::verb::get, "/svc/echo/a")).result_int(), 200);  // same connection still usable
}

TEST_F(ProxyTest, SlowUpstreamIs504) {
  Config cfg = base_config();
  cfg.services[0].upstream_timeout_ms = 200;
  publish(cfg);
  upstream.mode = TestUpstream::Mode::slow;
  upstream.delay_ms = 1500;
  start();
  Client c(port);
  expect_error(c.send(request(bhttp::verb::get, "/svc/echo/a")), 504, "gateway.upstream_timeout");
}

TEST_F(ProxyTest, IdempotentRetriedPostNot) {
  Config cfg = base_config();
  cfg.services[0].retries_idempotent = 2;
  publish(cfg);
  start();
  upstream.mode = TestUpstream::Mode::drop_first;
  upstream.drop_remaining = 1;
  Client c(port);
  EXPECT_EQ(c.send(request(bhttp::verb::get, "/svc/echo/a")).result_int(), 200);
  EXPECT_EQ(upstream.requests.load(), 2);  // dropped once, retried once

  upstream.drop_remaining = 1;
  Client c2(port);
  auto post = request(bhttp::verb::post, "/svc/echo/a");
  post.body() = "once";
  expect_error(c2.send(post), 502, "gateway.upstream_unavailable");
  EXPECT_EQ(upstream.requests.load(), 3);  // not repeated
}

TEST_F(ProxyTest, ChunkedBodyOverLimitIs413) {
  start();
  Client c(port);
  auto req = request(bhttp::verb::post, "/svc/echo/a");
  req.chunked(true);
  req.body() = std::string(5000, 'x');
  bhttp::request_serializer<bhttp::string_body> sr{req};
  bhttp::write(c.socket(), sr);
  std::string reply = c.read_all(std::chrono::milliseconds(3000));
  EXPECT_NE(reply.find("413"), std::string::npos) << reply;
  EXPECT_NE(reply.find("gateway.body_too_large"), std::string::npos);
  EXPECT_EQ(upstream.requests.load(), 0);

  // Within the limit, chunked passes and arrives whole.
  Client c2(port);
  auto ok = request(bhttp::verb::post, "/svc/echo/a");
  ok.chunked(true);
  ok.body() = std::string(900, 'y');
  bhttp::request_serializer<bhttp::string_body> sr2{ok};
  bhttp::write(c2.socket(), sr2);
  bhttp::response<bhttp::string_body> res;
  boost::beast::flat_buffer b;
  bhttp::read(c2.socket(), b, res);
  EXPECT_EQ(res.result_int(), 201);
  EXPECT_EQ(upstream.last().body, std::string(900, 'y'));
}

TEST_F(ProxyTest, ExpectContinueIsAnsweredAndNotForwarded) {
  start();
  Client c(port);
  c.write_raw(
      "POST /svc/echo/e HTTP/1.1\r\nHost: x\r\nX-API-Key: test-key-app\r\nContent-Length: 5\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(c.read_all(std::chrono::milliseconds(500)), "HTTP/1.1 100 Continue\r\n\r\n");
  c.write_raw("hello");
  std::string reply = c.read_all(std::chrono::milliseconds(1000));
  EXPECT_EQ(reply.rfind("HTTP/1.1 201", 0), 0u) << reply;
  EXPECT_EQ(upstream.last().body, "hello");
  EXPECT_EQ(upstream.last().headers.count("expect"), 0u);
}

TEST_F(ProxyTest, LargeResponseStreamsIntactAndIsLogged) {
  start();
  upstream.mode = TestUpstream::Mode::large;
  Client c(port);
  auto res = c.send(request(bhttp::verb::get, "/svc/echo/big"));
  ASSERT_EQ(res.result_int(), 200);
  const std::string expected = TestUpstream::large_body(upstream.large_bytes);
  ASSERT_EQ(res.body().size(), expected.size());
  EXPECT_TRUE(res.body() == expected);
  proxy->stop();
  auto records = log_records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].at("response_sha256").as_string(), sha256_hex(expected));
  EXPECT_EQ(records[0].at("response_bytes").as_int64(), static_cast<std::int64_t>(expected.size()));
  EXPECT_EQ(records[0].at("status").as_int64(), 200);
}

TEST_F(ProxyTest, KeepAliveAndMessageLog) {
  start();
  {
    Client c(port);
    for (int i = 0; i < 50; ++i) {
      auto req = request(bhttp::verb::put, "/svc/echo/k/" + std::to_string(i));
      req.body() = "b" + std::to_string(i);
      ASSERT_EQ(c.send(req).result_int(), 200);
    }
    expect_error(c.send(request(bhttp::verb::get, "/svc/nothing")), 404, "gateway.unknown_service");
  }
  EXPECT_EQ(upstream.connections.load(), 1);  // one pooled upstream connection served all 50
  proxy->stop();
  auto records = log_records();
  ASSERT_EQ(records.size(), 51u);
  EXPECT_EQ(records[0].at("consumer_id").as_string(), "app");
  EXPECT_EQ(records[0].at("service_id").as_string(), "echo");
  EXPECT_EQ(records[0].at("method").as_string(), "PUT");
  EXPECT_EQ(records[0].at("path").as_string(), "/svc/echo/k/0");
  EXPECT_EQ(records[0].at("request_sha256").as_string(), sha256_hex("b0"));
  EXPECT_EQ(records[0].at("request_bytes").as_int64(), 2);
  EXPECT_EQ(records[50].at("status").as_int64(), 404);
  auto report = verify_log(dir.path() / "log", public_key());
  EXPECT_TRUE(report.ok()) << report.problem->what;
}

TEST_F(ProxyTest, StatusAndMetrics) {
  start();
  Client c(port);
  EXPECT_EQ(c.get("/svc/echo/a", kKey).result_int(), 200);
  expect_error(c.get("/svc/echo/a", "bad"), 401, "gateway.unknown_consumer");
  // An exchange is counted right after its response is written: wait for the second one.
  boost::json::object doc;
  for (int i = 0; i < 200; ++i) {
    doc = boost::json::parse(proxy->status_json()).as_object();
    if (doc.at("recent").as_array().size() == 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(doc.at("config_version").as_int64(), 1);
  const auto& services = doc.at("services").as_array();
  ASSERT_EQ(services.size(), 3u);
  const auto& echo = services[0].as_object();
  EXPECT_EQ(echo.at("id").as_string(), "echo");
  EXPECT_EQ(echo.at("requests").as_int64(), 1);
  EXPECT_EQ(echo.at("responses_2xx").as_int64(), 1);
  EXPECT_EQ(echo.at("health").as_string(), "tidak_diperiksa");
  const auto& recent = doc.at("recent").as_array();
  ASSERT_EQ(recent.size(), 2u);
  EXPECT_EQ(recent[0].at("status").as_int64(), 401);  // newest first
  EXPECT_EQ(recent[0].at("error_code").as_string(), "gateway.unknown_consumer");
  EXPECT_EQ(recent[1].at("path").as_string(), "/svc/echo/a");
  std::string m = proxy->prometheus_metrics();
  EXPECT_NE(m.find("simpul_gateway_requests_total{service=\"echo\",consumer=\"app\",status_class=\"2xx\"} 1"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("simpul_gateway_refused_total{service=\"\",consumer=\"\",code=\"gateway.unknown_consumer\"} 1"),
            std::string::npos);
  EXPECT_NE(m.find("simpul_gateway_request_duration_seconds_count{service=\"echo\"} 1"), std::string::npos);
  EXPECT_NE(m.find("simpul_gateway_config_version 1"), std::string::npos);
}

TEST_F(ProxyTest, HealthChecks) {
  Config cfg = base_config();
  cfg.services[0].health_path = "/health";
  cfg.services[1].health_path = "/health";
  publish(cfg);
  ProxyOptions o;
  o.health_interval = std::chrono::milliseconds(50);
  start(o);
  std::string state_echo, state_closed;
  for (int i = 0; i < 200 && (state_echo == "" || state_echo == "tidak_diperiksa" || state_closed == "tidak_diperiksa");
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    auto doc = boost::json::parse(proxy->status_json()).as_object();
    state_echo = doc.at("services").as_array()[0].at("health").as_string();
    state_closed = doc.at("services").as_array()[1].at("health").as_string();
  }
  EXPECT_EQ(state_echo, "sehat");
  EXPECT_EQ(state_closed, "terganggu");
  auto doc = boost::json::parse(proxy->status_json()).as_object();
  EXPECT_FALSE(doc.at("services").as_array()[1].at("health_error").as_string().empty());
  EXPECT_EQ(doc.at("services").as_array()[2].at("health").as_string(), "tidak_diperiksa");
  std::string m = proxy->prometheus_metrics();
  EXPECT_NE(m.find("simpul_gateway_upstream_healthy{service=\"echo\"} 1"), std::string::npos) << m;
  EXPECT_NE(m.find("simpul_gateway_upstream_healthy{service=\"closed\"} 0"), std::string::npos);
}

TEST_F(ProxyTest, HotSwapUnderLoad) {
  start({}, false);
  std::atomic<bool> done{false};
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      Client c(port);
      while (!done.load()) {
        boost::beast::error_code ec;
        auto res = c.send(request(bhttp::verb::get, "/svc/echo/t" + std::to_string(t)), &ec);
        if (!ec && res.result_int() == 200)
          ++ok;
        else
          ++failed;
      }
    });
  }
  for (int i = 0; i < 200; ++i) {
    Config cfg = base_config();
    cfg.version = 2 + i;
    cfg.services[0].rate_limit = {1e6 + i, 1000000};
    cfg.services.push_back(service("extra" + std::to_string(i), "/svc/extra" + std::to_string(i), upstream.url()));
    publish(cfg);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  done = true;
  for (auto& t : clients) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GT(ok.load(), 0);
  auto doc = boost::json::parse(proxy->status_json()).as_object();
  EXPECT_EQ(doc.at("config_version").as_int64(), 201);
}

TEST_F(ProxyTest, MutualTlsClientCertificate) {
  TestPki pki = TestPki::make(dir.path() / "pki");
  ASSERT_TRUE(pki.ok);
  Config cfg = base_config();
  cfg.consumers[0].client_cert_sha256 = {pki.client_fingerprint};
  publish(cfg);
  ProxyOptions o = tls_server_options(pki);
  o.client_ca = pki.dir / "ca.pem";
  start(o);
  namespace ssl = boost::asio::ssl;
  // Returns the response; status 0 when the TLS handshake failed.
  auto call = [&](const char* cert, const char* key, std::string api_key, std::string path = "/svc/echo/m") {
    boost::asio::io_context ioc;
    ssl::context ctx(ssl::context::tls_client);
    ctx.load_verify_file((pki.dir / "ca.pem").string());
    ctx.set_verify_mode(ssl::verify_peer);
    if (cert) {
      ctx.use_certificate_file((pki.dir / cert).string(), ssl::context::pem);
      ctx.use_private_key_file((pki.dir / key).string(), ssl::context::pem);
    }
    ssl::stream<tcp::socket> s(ioc, ctx);
    s.next_layer().connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    boost::beast::error_code ec;
    s.handshake(ssl::stream_base::client, ec);
    bhttp::response<bhttp::string_body> res;
    res.result(0);
    if (ec) return res;
    auto req = request(bhttp::verb::get, path, api_key);
    req.set(bhttp::field::host, "localhost");
    bhttp::write(s, req, ec);
    boost::beast::flat_buffer b;
    if (!ec) bhttp::read(s, b, res, ec);
    if (ec) res.result(0);
    return res;
  };
  auto good = call("client.pem", "client.key", kKey);
  EXPECT_EQ(good.result_int(), 200) << good.body();
  EXPECT_EQ(upstream.last().headers["x-forwarded-proto"], "https");
  expect_error(call(nullptr, nullptr, kKey), 403, "gateway.client_certificate");
  // A consumer without registered certificates needs none.
  EXPECT_EQ(call(nullptr, nullptr, "other-key", "/svc/echo/public/x").result_int(), 200);
  // A certificate the CA did not sign fails the handshake (or the first read): no response.
  EXPECT_EQ(call("stranger.pem", "stranger.key", kKey).result_int(), 0);
  // The server keeps serving.
  EXPECT_EQ(call("client.pem", "client.key", kKey).result_int(), 200);
}

TEST_F(ProxyTest, MessageLogFlushedAndSignedOnTimer) {
  ProxyOptions o;
  o.log_flush_interval = std::chrono::milliseconds(50);
  start(o);
  Client c(port);
  ASSERT_EQ(c.get("/svc/echo/t", kKey).result_int(), 200);
  bool signed_on_disk = false;
  for (int i = 0; i < 300 && !signed_on_disk; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    for (const auto& e : std::filesystem::directory_iterator(dir.path() / "log")) {
      std::ifstream in(e.path());
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      signed_on_disk = signed_on_disk ||
                       (text.find("\"seq\":1,") != std::string::npos && text.find("\"batch\":1,") != std::string::npos);
    }
  }
  EXPECT_TRUE(signed_on_disk);  // without stop() or an explicit flush
  EXPECT_TRUE(verify_log(dir.path() / "log", public_key()).ok());
}

TEST_F(ProxyTest, HttpsUpstreamVerifiedAgainstCa) {
  // The upstream is a second gateway listening with TLS: it answers 401 (the first gateway never
  // forwards the API key), which is enough to show the TLS path works end to end.
  TestPki pki = TestPki::make(dir.path() / "pki");
  ASSERT_TRUE(pki.ok);
  start(tls_server_options(pki));
  Config cfg = base_config();
  cfg.services.push_back(service("tls", "/svc/tls", "https://127.0.0.1:" + std::to_string(port) + "/svc/echo"));
  cfg.grants.push_back({"app", "tls", std::nullopt, {}});
  publish(cfg);
  auto front = [&](std::filesystem::path ca) {
    ProxyOptions o;
    o.port = 0;
    o.threads = 1;
    o.health_interval = std::chrono::milliseconds(0);
    o.upstream_ca = std::move(ca);
    auto p = std::make_unique<Proxy>(holder, limiter, nullptr, o);
    return p;
  };
  auto trusted = front(pki.dir / "ca.pem");
  Client c(trusted->listen());
  trusted->start();
  auto res = c.get("/svc/tls/x", kKey);
  EXPECT_EQ(res.result_int(), 401);  // relayed from the TLS upstream (its own request id in the body)
  EXPECT_EQ(error_of(res).at("code").as_string(), "gateway.unknown_consumer");
  trusted->stop();

  auto untrusted = front(pki.dir / "stranger.pem");  // a CA that did not sign the upstream's certificate
  Client d(untrusted->listen());
  untrusted->start();
  expect_error(d.get("/svc/tls/x", kKey), 502, "gateway.upstream_unavailable");
  untrusted->stop();
}

TEST_F(ProxyTest, AccessLogNeverShowsTheApiKey) {
  ProxyOptions o;
  o.access_log = true;
  ::testing::internal::CaptureStderr();
  start(o, false);
  {
    Client c(port);
    EXPECT_EQ(c.get("/svc/echo/a?q=1", kKey).result_int(), 200);
    EXPECT_EQ(c.get("/svc/echo/a", "secret-unknown-key").result_int(), 401);
  }
  proxy->stop();
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("gateway.exchange"), std::string::npos) << err;
  EXPECT_NE(err.find("/svc/echo/a?q=1"), std::string::npos);
  EXPECT_EQ(err.find(kKey), std::string::npos);
  EXPECT_EQ(err.find("secret-unknown-key"), std::string::npos);
}

TEST_F(ProxyTest, StoredBodiesOnlyForServicesThatStoreThem) {
  auto c0 = base_config();
  c0.services[0].store_bodies = true;  // echo stores, nothing else does
  publish(c0);
  ProxyOptions o;
  o.bodies_dir = dir.path() / "bodies";
  o.max_stored_body_bytes = 4096;
  start(o);
  Client c(port);
  auto req = request(bhttp::verb::post, "/svc/echo/surat");
  req.set(bhttp::field::content_type, "application/json");
  req.body() = R"({"nik":"6471010101010001"})";
  auto stored = c.send(req);
  ASSERT_EQ(stored.result_int(), 201);
  upstream.mode = TestUpstream::Mode::large;  // 8 MiB: relayed whole, over the storage cap
  auto big = c.send(request(bhttp::verb::get, "/svc/echo/big"));
  ASSERT_EQ(big.result_int(), 200);
  ASSERT_EQ(big.body().size(), upstream.large_bytes);
  proxy->stop();

  auto records = log_records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].at("bodies_stored").as_bool());
  EXPECT_FALSE(records[1].at("bodies_stored").as_bool());
  BodyStore store(dir.path() / "bodies");
  const auto time_us = records[0].at("time_us").as_int64();
  const std::string id(records[0].at("request_id").as_string());
  auto request_body = store.load(time_us, id, BodyPart::request);
  auto response_body = store.load(time_us, id, BodyPart::response);
  ASSERT_TRUE(request_body && response_body);
  EXPECT_EQ(request_body->content, req.body());
  EXPECT_EQ(request_body->content_type, "application/json");
  EXPECT_EQ(response_body->content, stored.body());
  EXPECT_EQ(response_body->content_type, "text/plain");
  // The digests in the signed record prove the stored files.
  EXPECT_EQ(records[0].at("request_sha256").as_string(), sha256_hex(request_body->content));
  EXPECT_EQ(records[0].at("response_sha256").as_string(), sha256_hex(response_body->content));
  EXPECT_FALSE(store.load(records[1].at("time_us").as_int64(), std::string(records[1].at("request_id").as_string()),
                          BodyPart::response));
  auto report = verify_log(dir.path() / "log", public_key());
  EXPECT_TRUE(report.ok());
}

TEST_F(ProxyTest, BodiesNeverStoredWithoutStorageOrForOtherServices) {
  auto c0 = base_config();
  c0.services[0].store_bodies = true;
  publish(c0);
  start();  // no bodies_dir: the policy cannot be honoured, the record says so
  Client c(port);
  auto req = request(bhttp::verb::put, "/svc/echo/x");
  req.body() = "isi";
  ASSERT_EQ(c.send(req).result_int(), 200);
  proxy->stop();
  auto records = log_records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].at("bodies_stored").as_bool());
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "bodies"));
}

TEST_F(ProxyTest, ResponseFramingFollowsTheConsumersHttpVersion) {
  start();
  upstream.mode = TestUpstream::Mode::large;  // chunked upstream response of unknown length
  upstream.large_bytes = 300'000;
  const std::string expected = TestUpstream::large_body(upstream.large_bytes);
  {
    // HTTP/1.1: re-chunked, and the raw chunks reassemble to the upstream's bytes.
    Client c(port);
    c.write_raw("GET /svc/echo/big HTTP/1.1\r\nHost: gw\r\nX-API-Key: " + std::string(kKey) +
                "\r\nX-Request-Id: forged\r\nConnection: close\r\n\r\n");
    const auto [head, rest] = split_response(c.read_all(std::chrono::seconds(5)));
    EXPECT_TRUE(head.starts_with("HTTP/1.1 200 OK\r\n")) << head;
    EXPECT_NE(head.find("Transfer-Encoding: chunked\r\n"), std::string::npos) << head;
    EXPECT_NE(head.find("Connection: close\r\n"), std::string::npos) << head;
    EXPECT_EQ(head.find("forged"), std::string::npos) << head;  // only the gateway's request id
    std::string body;
    std::size_t at = 0;
    for (;;) {
      const auto line_end = rest.find("\r\n", at);
      ASSERT_NE(line_end, std::string::npos);
      const std::size_t size = std::stoul(rest.substr(at, line_end - at), nullptr, 16);
      at = line_end + 2;
      if (size == 0) break;
      body.append(rest, at, size);
      at += size + 2;
    }
    EXPECT_EQ(rest.substr(at), "\r\n");  // the last chunk ends the message
    EXPECT_TRUE(body == expected);
  }
  {
    // HTTP/1.0 cannot take chunks: the body is delimited by closing the connection.
    Client c(port);
    c.write_raw("GET /svc/echo/big HTTP/1.0\r\nX-API-Key: " + std::string(kKey) + "\r\n\r\n");
    const auto [head, rest] = split_response(c.read_all(std::chrono::seconds(5)));
    EXPECT_TRUE(head.starts_with("HTTP/1.0 200 OK\r\n")) << head;
    EXPECT_EQ(head.find("Transfer-Encoding"), std::string::npos) << head;
    EXPECT_EQ(head.find("Connection: keep-alive"), std::string::npos) << head;
    EXPECT_TRUE(rest == expected);
  }
  upstream.mode = TestUpstream::Mode::echo;
  {
    // A known length is kept; HTTP/1.0 with keep-alive is answered as such.
    Client c(port);
    c.write_raw("GET /svc/echo/h HTTP/1.0\r\nConnection: keep-alive\r\nX-API-Key: " + std::string(kKey) + "\r\n\r\n");
    auto res_raw = c.read_all(std::chrono::milliseconds(300));
    EXPECT_TRUE(res_raw.starts_with("HTTP/1.0 200 OK\r\n")) << res_raw;
    EXPECT_NE(res_raw.find("Content-Length: 17\r\n"), std::string::npos) << res_raw;
    EXPECT_NE(res_raw.find("Connection: keep-alive\r\n"), std::string::npos) << res_raw;
    EXPECT_TRUE(res_raw.ends_with("\r\n\r\necho:GET /base/h ")) << res_raw;
  }
}
