#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/crypto.hpp"
#include "http/dispatcher.hpp"
#include "http/json_io.hpp"
#include "http/static_files.hpp"
#include "core/text.hpp"

#include <filesystem>
#include <fstream>

using namespace simpul;
using namespace simpul::http;

namespace {

Request make(std::string method, std::string path, std::string body = {}) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.body = std::move(body);
  r.headers.emplace_back("content-type", "application/json");
  return r;
}

std::string error_code_of(const Response& r) {
  return std::string(boost::json::parse(r.body).at("error").at("code").as_string());
}

struct Fixture {
  Router router;
  std::optional<Principal> who;
  Fixture() {
    crypto::init();
    router.add("GET", "/api/things/{id}", [](Request& r) {
      return json_response(200, boost::json::object{{"id", r.param("id")}});
    });
    router.add("POST", "/api/things", [](Request& r) {
      auto body = parse_json_object(r);
      FieldReader f(body, {"name", "count", "tags"});
      auto name = f.required_string("name", 10);
      f.optional_int("count", 0, 5);
      f.optional_string_list("tags", 2);
      return json_response(201, boost::json::object{{"name", name}});
    });
    router.add(
        "GET", "/api/open", [](Request&) { return json_response(200, boost::json::object{}); }, Access::Public);
  }
  Dispatcher dispatcher() {
    return Dispatcher(router, [this](const Request&) { return who; });
  }
};

}  // namespace

TEST(Dispatcher, RoutesWithPathParametersAndDeniesAnonymousCallers) {
  Fixture f;
  auto d = f.dispatcher();
  auto anon = make("GET", "/api/things/abc");
  EXPECT_EQ(d.handle(anon).status, 401);
  f.who = Principal{.user_id = "u", .via = Principal::Via::Token};
  auto ok = make("GET", "/api/things/abc");
  auto res = d.handle(ok);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(boost::json::parse(res.body).at("id").as_string(), "abc");
  auto open = make("GET", "/api/open");
  f.who.reset();
  EXPECT_EQ(d.handle(open).status, 200);
}

TEST(Dispatcher, UnknownPathIs404AndWrongMethodIs405) {
  Fixture f;
  f.who = Principal{.user_id = "u", .via = Principal::Via::Token};
  auto d = f.dispatcher();
  auto a = make("GET", "/api/nothing");
  EXPECT_EQ(d.handle(a).status, 404);
  auto b = make("DELETE", "/api/things");
  auto res = d.handle(b);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(error_code_of(res), "route.method_not_allowed");
}

TEST(Dispatcher, SessionWritesNeedTheCsrfToken) {
  Fixture f;
  f.who = Principal{.user_id = "u", .via = Principal::Via::Session, .csrf_token = "tok"};
  auto d = f.dispatcher();
  auto missing = make("POST", "/api/things", R"({"name":"a"})");
  auto res = d.handle(missing);
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(error_code_of(res), "auth.csrf_failed");
  auto forged = make("POST", "/api/things", R"({"name":"a"})");
  forged.headers.emplace_back("x-csrf-token", "tok2");
  EXPECT_EQ(d.handle(forged).status, 403);
  auto good = make("POST", "/api/things", R"({"name":"a"})");
  good.headers.emplace_back("x-csrf-token", "tok");
  EXPECT_EQ(d.handle(good).status, 201);
}

TEST(Dispatcher, BadBodiesGetCatalogueErrorsInTheCallersLanguage) {
  Fixture f;
  f.who = Principal{.user_id = "u", .via = Principal::Via::Token};
  auto d = f.dispatcher();
  struct Case {
    std::string body;
    int status;
    std::string code;
  };
  std::vector<Case> cases = {
      {"{", 400, "request.malformed_json"},
      {"[1]", 400, "request.malformed_json"},
      {"{\"name\":\"\xC3\"}", 400, "request.invalid_utf8"},
      {R"({"name":1})", 422, "validation.wrong_type"},
      {R"({})", 422, "validation.missing_field"},
      {R"({"name":"   "})", 422, "validation.missing_field"},
      {R"({"name":"a","admin":true})", 422, "validation.unknown_field"},
      {R"({"name":"abcdefghijk"})", 422, "validation.too_long"},
      {R"({"name":"a\u0000b"})", 422, "validation.invalid_value"},
      {R"({"name":"a","count":9})", 422, "validation.invalid_value"},
      {R"({"name":"a","count":"1"})", 422, "validation.wrong_type"},
      {R"({"name":"a","tags":["x","y","z"]})", 422, "validation.too_long"},
  };
  for (const auto& c : cases) {
    auto req = make("POST", "/api/things", c.body);
    auto res = d.handle(req);
    EXPECT_EQ(res.status, c.status) << c.body;
    EXPECT_EQ(error_code_of(res), c.code) << c.body;
  }
  auto en = make("POST", "/api/things", "{");
  en.headers.emplace_back("accept-language", "en-US,en;q=0.9");
  auto res = d.handle(en);
  EXPECT_EQ(boost::json::parse(res.body).at("error").at("message").as_string(), "The request body is not valid JSON.");
  auto text = make("POST", "/api/things", R"({"name":"a"})");
  text.headers = {{"content-type", "text/plain"}};
  EXPECT_EQ(d.handle(text).status, 415);
}

TEST(Dispatcher, EveryResponseCarriesARequestIdAndMetricsCountIt) {
  Fixture f;
  auto d = f.dispatcher();
  auto req = make("GET", "/api/open");
  auto res = d.handle(req);
  bool has_id = false;
  for (auto& [k, v] : res.headers) has_id = has_id || (k == "X-Request-Id" && !v.empty());
  EXPECT_TRUE(has_id);
  auto text = d.metrics().render();
  EXPECT_NE(text.find("simpul_http_requests_total{method=\"GET\",route=\"/api/open\",status=\"200\"} 1"),
            std::string::npos)
      << text;
}

TEST(ListQuery, RejectsUnknownSortsAndBadPages) {
  auto req = make("GET", "/api/x");
  req.query = {{"sort", "name; DROP TABLE users"}};
  EXPECT_THROW(parse_list_query(req, {"name"}), Error);
  req.query = {{"page", "0"}};
  EXPECT_THROW(parse_list_query(req, {"name"}), Error);
  req.query = {{"per_page", "500"}};
  EXPECT_THROW(parse_list_query(req, {"name"}), Error);
  req.query = {{"page", "3"}, {"per_page", "20"}, {"order", "desc"}, {"sort", "code"}};
  auto q = parse_list_query(req, {"name", "code"});
  EXPECT_EQ(q.offset(), 40);
  EXPECT_TRUE(q.descending);
  EXPECT_EQ(q.sort, "code");
}

namespace {
std::vector<std::string> header_values(const Response& r, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [k, v] : r.headers)
    if (text::iequals(k, name)) out.push_back(v);
  return out;
}
}  // namespace

TEST(TrustedProxies, OnlyConfiguredProxiesChooseTheClientAddress) {
  TrustedProxies proxies({"10.0.0.0/8", "::1", "192.0.2.7"});
  EXPECT_TRUE(proxies.trusts("10.20.30.40"));
  EXPECT_TRUE(proxies.trusts("::ffff:10.1.2.3"));  // IPv4 on a dual-stack socket
  EXPECT_TRUE(proxies.trusts("::1"));
  EXPECT_FALSE(proxies.trusts("192.0.2.8"));
  EXPECT_FALSE(proxies.trusts("11.0.0.1"));
  EXPECT_FALSE(proxies.trusts("not an address"));
  // From an untrusted peer, X-Forwarded-For is whatever the client wished: ignored.
  EXPECT_EQ(proxies.client_address("203.0.113.5", "1.2.3.4"), "203.0.113.5");
  // From our proxy: the right-most address that is not one of ours.
  EXPECT_EQ(proxies.client_address("10.0.0.1", "1.2.3.4, 198.51.100.9"), "198.51.100.9");
  EXPECT_EQ(proxies.client_address("10.0.0.1", "198.51.100.9, 10.0.0.2"), "198.51.100.9");
  EXPECT_EQ(proxies.client_address("10.0.0.1", ""), "10.0.0.1");
  EXPECT_EQ(proxies.client_address("10.0.0.1", "garbage"), "10.0.0.1");
  EXPECT_THROW(TrustedProxies({"10.0.0.0/33"}), std::invalid_argument);
  EXPECT_THROW(TrustedProxies({"example.org"}), std::invalid_argument);
}

TEST(Dispatcher, HstsAndTheClientAddressComeOnlyFromTrustedProxies) {
  Fixture f;
  std::string seen_address;
  bool seen_secure = false;
  f.router.add(
      "GET", "/api/whoami",
      [&](Request& r) {
        seen_address = r.remote_address;
        seen_secure = r.secure;
        return json_response(200, boost::json::object{});
      },
      Access::Public);
  DispatcherOptions options;
  options.trusted_proxies = TrustedProxies({"127.0.0.1"});
  Dispatcher d(
      f.router, [](const Request&) { return std::optional<Principal>(); }, options);

  auto via_proxy = make("GET", "/api/whoami");
  via_proxy.remote_address = "127.0.0.1";
  via_proxy.headers = {{"x-forwarded-for", "198.51.100.20"}, {"x-forwarded-proto", "https"}};
  auto res = d.handle(via_proxy);
  EXPECT_EQ(seen_address, "198.51.100.20");
  EXPECT_TRUE(seen_secure);
  EXPECT_EQ(header_values(res, "Strict-Transport-Security").size(), 1u);

  auto forged = make("GET", "/api/whoami");
  forged.remote_address = "203.0.113.9";
  forged.headers = {{"x-forwarded-for", "198.51.100.20"}, {"x-forwarded-proto", "https"}};
  res = d.handle(forged);
  EXPECT_EQ(seen_address, "203.0.113.9");
  EXPECT_FALSE(seen_secure);
  EXPECT_TRUE(header_values(res, "Strict-Transport-Security").empty());
}

TEST(Response, AHeaderSetTwiceIsSentOnceButEveryCookieIsKept) {
  Response r;
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("x-content-type-options", "nosniff");
  r.set_header("Set-Cookie", "a=1");
  r.set_header("Set-Cookie", "b=2");
  EXPECT_EQ(header_values(r, "X-Content-Type-Options").size(), 1u);
  EXPECT_EQ(header_values(r, "Set-Cookie").size(), 2u);
}

TEST(StaticFiles, OnlyRegularFilesInsideTheRootAreServed) {
  auto root = std::filesystem::temp_directory_path() / ("simpul-web-" + crypto::random_token(6));
  auto outside = root.string() + "-outside";
  std::filesystem::create_directories(root / "assets");
  std::filesystem::create_directories(outside);
  { std::ofstream(root / "index.html") << "<html>console</html>"; }
  { std::ofstream(root / "assets" / "app.js") << "console.log(1)"; }
  { std::ofstream(std::filesystem::path(outside) / "secret.txt") << "rahasia"; }
  std::filesystem::create_symlink(std::filesystem::path(outside) / "secret.txt", root / "assets" / "link.txt");
  std::filesystem::create_directory_symlink(outside, root / "assets" / "dir");
  auto body_of = [&](const std::string& path) {
    auto req = make("GET", path);
    auto r = serve_static(root, req);
    return r ? r->body : std::string("(none)");
  };
  EXPECT_EQ(body_of("/assets/app.js"), "console.log(1)");
  EXPECT_EQ(body_of("/assets/link.txt"), "<html>console</html>");  // the console's page, never the target
  EXPECT_EQ(body_of("/assets/dir/secret.txt"), "<html>console</html>");
  std::filesystem::remove_all(root);
  std::filesystem::remove_all(outside);
}
