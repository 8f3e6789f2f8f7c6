#include "app/system_routes.hpp"

#include "app/platform.hpp"

#include <functional>
#include <memory>
#include <mutex>

#include <boost/json/serialize.hpp>

#include "http/api_description.hpp"
#include "ledger/module.hpp"
#include "http/json_io.hpp"

namespace simpul::app {
namespace {

using http::Request;

bool is_loopback(const std::string& addr) { return addr.empty() || addr == "127.0.0.1" || addr == "::1"; }

}  // namespace

void register_system_routes(http::Router& router, Platform& platform) {
  router.add(
      "GET", "/healthz",
      [&platform](Request&) {
        platform.db().ping();
        return http::json_response(200, boost::json::object{{"status", "ok"}});
      },
      http::Access::Public);

  router.add(
      "GET", "/metrics",
      [&platform](Request& req) {
        // Metrics reveal traffic shape: loopback scrapers or administrators only.
        if (!is_loopback(req.remote_address)) req.require("ledger.verify");
        http::Response r;
        r.body = platform.dispatcher().metrics().render();
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        return r;
      },
      http::Access::Public);

  router.add(
      "GET", "/api/openapi.json",
      [&router, cache = std::make_shared<std::pair<std::once_flag, std::string>>()](Request&) {
        // Assembled once per platform, from what the modules registered and described.
        std::call_once(cache->first, [&] { cache->second = boost::json::serialize(http::openapi_document(router)); });
        http::Response r;
        r.body = cache->second;
        return r;
      },
      http::Access::Public);

  router.add(
      "GET", "/api/errors",
      [](Request& req) {
        boost::json::array out;
        for (std::size_t i = 0; i < error_count(); ++i) {
          auto c = error_at(i);
          out.push_back(boost::json::object{
              {"code", error_code_string(c)},
              {"status", error_http_status(c)},
              {"message",
               {{"id", error_message(c, Language::Indonesian)}, {"en", error_message(c, Language::English)}}}});
        }
        return http::json_response(200, out);
      },
      http::Access::Public);

  router.add("GET", "/api/dashboard", [&platform](Request& req) {
    const auto& p = req.require("dashboard.read");
    auto scope = p.scope();
    const auto& profile = platform.tenancy().profile_of(scope);
    boost::json::array recent;
    if (p.has("ledger.read"))
      for (const auto& e : platform.service<ledger::Journal>().list(scope.tenant_id, 10, 0).items)
        recent.push_back(ledger::to_json(e));
    return http::json_response(200, boost::json::object{{"agencies", platform.tenancy().count_agencies(scope)},
                                                        {"users", platform.identity().count_users(scope)},
                                                        {"teams", platform.tenancy().teams(scope).size()},
                                                        {"rules", profile.rules.size()},
                                                        {"recent_ledger", recent}});
  });
  for (auto fragment : openapi_fragments()) http::describe(router, fragment);
}

std::string openapi_text(Platform& platform) {
  // One property per line, two-space indent: a diff of the contract reads like a diff of code.
  std::string out;
  std::function<void(const boost::json::value&, int)> write = [&](const boost::json::value& v, int indent) {
    auto pad = [&](int n) { out.append(static_cast<std::size_t>(n) * 2, ' '); };
    if (v.is_object() && !v.as_object().empty()) {
      out += "{\n";
      std::size_t i = 0;
      for (const auto& [k, x] : v.as_object()) {
        pad(indent + 1);
        out += boost::json::serialize(boost::json::value(k)) + ": ";
        write(x, indent + 1);
        out += ++i < v.as_object().size() ? ",\n" : "\n";
      }
      pad(indent);
      out += "}";
    } else if (v.is_array() && !v.as_array().empty()) {
      out += "[\n";
      std::size_t i = 0;
      for (const auto& x : v.as_array()) {
        pad(indent + 1);
        write(x, indent + 1);
        out += ++i < v.as_array().size() ? ",\n" : "\n";
      }
      pad(indent);
      out += "]";
    } else {
      out += boost::json::serialize(v);
    }
  };
  write(http::openapi_document(platform.router()), 0);
  return out + "\n";
}

}  // namespace simpul::app
