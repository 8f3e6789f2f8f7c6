// /api/servicedesk/monitoring-key and /api/servicedesk/alerts (docs/service-desk.md, "Monitoring API").
#include "http/json_io.hpp"
#include "servicedesk/monitoring.hpp"

namespace simpul::servicedesk {
namespace {

Caller monitoring_caller(const http::Request& req) {
  const auto& p = req.require("servicedesk.manage");  // the Dinas's administrator
  return {p.scope(), p.actor(), true, p.has("servicedesk.supervise")};
}

boost::json::object monitoring_key_json(const std::optional<MonitoringKey>& k) {
  if (!k) return {{"configured", false}, {"prefix", nullptr}, {"created_at", nullptr}, {"created_by_name", nullptr}};
  return {{"configured", true},
          {"prefix", k->prefix},
          {"created_at", k->created_at},
          {"created_by_name", k->created_by_name}};
}

}  // namespace

void register_monitoring_routes(http::Router& router, Monitoring& m) {
  router.add("GET", "/api/servicedesk/monitoring-key", [&m](http::Request& req) {
    return http::json_response(200, monitoring_key_json(m.key(monitoring_caller(req))));
  });

  router.add("POST", "/api/servicedesk/monitoring-key", [&m](http::Request& req) {
    auto issued = m.rotate_key(monitoring_caller(req));
    auto out = monitoring_key_json(issued.key);
    out["key"] = issued.raw;  // shown once; only its SHA-256 is kept
    auto res = http::json_response(201, out);
    res.set_header("Cache-Control", "no-store");
    return res;
  });

  router.add("DELETE", "/api/servicedesk/monitoring-key", [&m](http::Request& req) {
    m.revoke_key(monitoring_caller(req));
    return http::no_content();
  });

  // Called by a monitoring system, not a browser: the key in X-Monitoring-Key names the tenant.
  // The key is checked before the body is read, so a wrong key learns nothing about the body.
  router.add(
      "POST", "/api/servicedesk/alerts",
      [&m](http::Request& req) {
        Scope s = m.authenticate(req.header("x-monitoring-key"));
        auto body = http::parse_json_object(req);
        http::FieldReader f(body, {"element_code", "severity", "summary", "status"});
        AlertInput in;
        in.element_code = f.required_string("element_code", 60);
        in.severity = f.required_string("severity", 20);
        in.summary = f.optional_multiline("summary", 2000).value_or("");
        in.status = f.optional_string("status", 20).value_or("firing");
        auto out = m.alert(s, in);
        boost::json::object answer{{"outcome", out.outcome}, {"ticket_id", nullptr}, {"ticket_number", nullptr}};
        if (out.ticket) {
          answer["ticket_id"] = out.ticket->id;
          answer["ticket_number"] = out.ticket->number;
        }
        return http::json_response(out.outcome == "opened" ? 201 : 200, answer);
      },
      http::Access::Public);
}

}  // namespace simpul::servicedesk
