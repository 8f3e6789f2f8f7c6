// /api/gateway/*: services, directory, consumers and keys (requests, grants and the data plane's
// views are in routes_requests.cpp). Every route checks its permission for the tenant and, for
// ".own" holders, the agency of the record.
#include "gateway/control/routes.hpp"

#include "gateway/control/json.hpp"
#include "gateway/control/routes_common.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::gateway::control {
namespace {

using http::FieldReader;
using http::Request;

std::optional<std::optional<std::string>> nullable_id(const FieldReader& f, const char* key) {
  auto v = f.nullable_string(key, 40);
  if (v && *v) http::required_id(**v, key);
  return v;
}

ServiceInput read_service(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"code", "name", "version", "description", "upstream_base_url", "owner_agency_id",
                       "classification", "links", "policy"});
  ServiceInput in;
  auto text = [&](const char* key, std::size_t max) {
    return create ? std::optional(f.required_string(key, max)) : f.optional_string(key, max);
  };
  in.code = text("code", 40);
  in.name = text("name", 200);
  in.upstream_base_url = text("upstream_base_url", 500);
  in.owner_agency_id = text("owner_agency_id", 40);
  if (in.owner_agency_id) http::required_id(*in.owner_agency_id, "owner_agency_id");
  in.version = f.optional_string("version", 40);
  in.classification = f.optional_string("classification", 20);
  in.description = f.nullable_string("description", 4000);
  if (auto links = http::optional_object(body, "links")) {
    FieldReader l(*links, {"service_element_id", "application_id", "data_element_id"});
    in.service_element_id = nullable_id(l, "service_element_id");
    in.application_id = nullable_id(l, "application_id");
    in.data_element_id = nullable_id(l, "data_element_id");
  }
  in.policy = http::optional_object(body, "policy");
  return in;
}

ConsumerInput read_consumer(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"name", "description", "agency_id", "application_id", "client_cert_sha256"});
  ConsumerInput in;
  in.name = create ? std::optional(f.required_string("name", 200)) : f.optional_string("name", 200);
  in.agency_id = create ? std::optional(f.required_string("agency_id", 40)) : f.optional_string("agency_id", 40);
  if (in.agency_id) http::required_id(*in.agency_id, "agency_id");
  in.description = f.nullable_string("description", 4000);
  in.application_id = nullable_id(f, "application_id");
  in.client_cert_sha256 = f.optional_string_list("client_cert_sha256", 20, 64);
  return in;
}

ServiceFilter service_filter(const Request& req) {
  ServiceFilter f;
  f.agency_id = http::query_id(req, "agency");
  if (auto a = http::query_choice(req, "active", {"true", "false"}); !a.empty()) f.active = a == "true";
  return f;
}

/// Writes on a service need gateway.write for its owner agency (operators: their own only).
const http::Principal& require_service_write(const ServiceCatalog& m, const Request& req, const std::string& id) {
  auto s = m.service(req.require("gateway.read").scope(), id);
  return req.require_for_agency("gateway.write", s.owner.id);
}

const http::Principal& require_consumer_write(const Consumers& m, const Request& req, const std::string& id) {
  auto c = m.consumer(req.require("gateway.read").scope(), id);
  return req.require_for_agency("gateway.write", c.agency.id);
}

void register_service_routes(http::Router& router, const ControlPlane& plane, ServiceCatalog& m) {
  router.add("GET", "/api/gateway/options", [&plane](Request& req) {
    const auto& p = req.require("gateway.read");
    return http::json_response(200, options_json(plane.profile_of(p.scope()), plane.options()));
  });

  router.add("GET", "/api/gateway/services", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.read");
    auto filter = service_filter(req);
    auto q = http::parse_list_query(req, {"code", "name", "updated_at"});
    std::int64_t total = 0;
    auto slug = plane.tenant_slug(p.scope());
    boost::json::array items;
    for (const auto& s : m.services(p.scope(), filter, q, total)) items.push_back(to_json(s, slug));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/gateway/services", [&m, &plane](Request& req) {
    auto in = read_service(req, true);
    const auto& p = req.require_for_agency("gateway.write", *in.owner_agency_id);
    return http::json_response(201, to_json(m.create_service(p.scope(), in, p.actor()), plane.tenant_slug(p.scope())));
  });

  router.add("GET", "/api/gateway/services/{id}", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.read");
    return http::json_response(200, to_json(m.service(p.scope(), req.id_param("id")), plane.tenant_slug(p.scope())));
  });

  router.add("PATCH", "/api/gateway/services/{id}", [&m, &plane](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_service_write(m, req, id);
    auto in = read_service(req, false);
    if (in.owner_agency_id) req.require_for_agency("gateway.write", *in.owner_agency_id);
    return http::json_response(200,
                               to_json(m.update_service(p.scope(), id, in, p.actor()), plane.tenant_slug(p.scope())));
  });

  for (bool active : {true, false})
    router.add("POST", active ? "/api/gateway/services/{id}/activate" : "/api/gateway/services/{id}/retire",
               [&m, &plane, active](Request& req) {
                 const auto& id = req.id_param("id");
                 const auto& p = require_service_write(m, req, id);
                 return http::json_response(200, to_json(m.set_service_active(p.scope(), id, active, p.actor()),
                                                         plane.tenant_slug(p.scope())));
               });

  router.add("POST", "/api/gateway/services/{id}/openapi", [&m, &plane](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_service_write(m, req, id);
    return http::json_response(
        200, to_json(m.upload_openapi(p.scope(), id, req.body, p.actor()), plane.tenant_slug(p.scope())));
  });

  router.add("GET", "/api/gateway/services/{id}/openapi", [&m](Request& req) {
    const auto& p = req.require("gateway.read");
    http::Response res;
    res.body = m.openapi(p.scope(), req.id_param("id"));
    return res;
  });

  router.add("GET", "/api/gateway/directory", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.read");
    auto slug = plane.tenant_slug(p.scope());
    boost::json::array items;
    for (const auto& [s, access] : m.directory(p.scope(), p.agency_id)) {
      auto o = to_json(s, slug);
      o["my_access"] = access;
      items.push_back(std::move(o));
    }
    return http::json_response(200, boost::json::object{{"items", items}});
  });
}

void register_consumer_routes(http::Router& router, Consumers& m) {
  router.add("GET", "/api/gateway/consumers", [&m](Request& req) {
    const auto& p = req.require("gateway.read");
    auto agency = http::query_id(req, "agency");
    auto q = http::parse_list_query(req, {"name", "created_at"});
    std::int64_t total = 0;
    boost::json::array items;
    for (const auto& c : m.consumers(p.scope(), agency, q, total)) items.push_back(to_json(c));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/gateway/consumers", [&m](Request& req) {
    auto in = read_consumer(req, true);
    const auto& p = req.require_for_agency("gateway.write", *in.agency_id);
    return http::json_response(201, to_json(m.create_consumer(p.scope(), in, p.actor())));
  });

  router.add("GET", "/api/gateway/consumers/{id}", [&m](Request& req) {
    const auto& p = req.require("gateway.read");
    return http::json_response(200, to_json(m.consumer(p.scope(), req.id_param("id"))));
  });

  router.add("PATCH", "/api/gateway/consumers/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_consumer_write(m, req, id);
    auto in = read_consumer(req, false);
    if (in.agency_id) req.require_for_agency("gateway.write", *in.agency_id);
    return http::json_response(200, to_json(m.update_consumer(p.scope(), id, in, p.actor())));
  });

  for (bool enabled : {true, false})
    router.add("POST", enabled ? "/api/gateway/consumers/{id}/enable" : "/api/gateway/consumers/{id}/disable",
               [&m, enabled](Request& req) {
                 const auto& id = req.id_param("id");
                 const auto& p = require_consumer_write(m, req, id);
                 return http::json_response(200, to_json(m.set_consumer_enabled(p.scope(), id, enabled, p.actor())));
               });

  router.add("POST", "/api/gateway/consumers/{id}/keys", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_consumer_write(m, req, id);
    return http::json_response(201, to_json(m.issue_key(p.scope(), id, p.actor())));
  });

  router.add("POST", "/api/gateway/consumers/{id}/keys/{key_id}/revoke", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = require_consumer_write(m, req, id);
    return http::json_response(200, to_json(m.revoke_key(p.scope(), id, req.id_param("key_id"), p.actor())));
  });
}

}  // namespace

void register_routes(http::Router& router, const Workflows& w) {
  register_service_routes(router, w.plane, w.services);
  register_consumer_routes(router, w.consumers);
  register_request_routes(router, w.plane, w.requests, w.services, w.consumers);
  register_traffic_routes(router, w.traffic);
}

}  // namespace simpul::gateway::control
