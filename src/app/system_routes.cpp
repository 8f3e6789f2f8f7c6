#include "app/system_routes.hpp"

#include "app/platform.hpp"
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
      [](Request&) {
        http::Response r;
        r.body = std::string(openapi_document());
        return r;
      },
      http::Access::Public);

  router.add(
      "GET", "/api/errors",
      [](Request& req) {
        boost::json::array out;
        for (std::size_t i = 0; i < error_count(); ++i) {
          auto c = error_at(i);
          out.push_back(boost::json::object{{"code", error_code_string(c)},
                                            {"status", error_http_status(c)},
                                            {"message", {{"id", error_message(c, Language::Indonesian)},
                                                         {"en", error_message(c, Language::English)}}}});
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
      for (const auto& e : platform.service<ledger::Journal>().list(scope.tenant_id, 10, 0).items) recent.push_back(ledger::to_json(e));
    return http::json_response(200, boost::json::object{{"agencies", platform.tenancy().count_agencies(scope)},
                                                        {"users", platform.identity().count_users(scope)},
                                                        {"teams", platform.tenancy().teams(scope).size()},
                                                        {"rules", profile.rules.size()},
                                                        {"recent_ledger", recent}});
  });
}

}  // namespace simpul::app
