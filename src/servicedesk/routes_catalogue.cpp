// /api/servicedesk/services: the Layanan SPBE catalogue (docs/service-desk.md).
#include "http/json_io.hpp"
#include "servicedesk/catalogue.hpp"

namespace simpul::servicedesk {
namespace {

Caller catalogue_caller(const http::Request& req) {
  const auto& p = req.require("servicedesk.use");
  return {p.scope(), p.actor(), p.has("servicedesk.manage"), p.has("servicedesk.supervise")};
}

boost::json::object desk_service_json(const DeskRules& rules, const DeskService& d) {
  boost::json::array ids, labels;
  for (const auto& e : d.element_ids) ids.push_back(boost::json::value(e));
  for (const auto& e : d.element_labels) labels.push_back(boost::json::value(e));
  const Priority* p = rules.priority(d.sla_class);
  return {{"id", d.id},
          {"code", d.code},
          {"name", d.name},
          {"name_en", d.name_en},
          {"agency_id", d.agency_id},
          {"agency_name", d.agency_name},
          {"sla_class", d.sla_class},
          {"sla_class_label", p ? p->name : d.sla_class},
          {"element_ids", ids},
          {"element_labels", labels},
          {"created_at", d.created_at},
          {"updated_at", d.updated_at}};
}

DeskServiceInput desk_service_input(const http::Request& req) {
  auto body = http::parse_json_object(req);
  http::FieldReader f(body, {"code", "name", "name_en", "agency_id", "sla_class", "element_ids"});
  DeskServiceInput in;
  in.code = f.optional_string("code", 40);
  in.name = f.optional_string("name", 200);
  in.name_en = f.optional_string("name_en", 200);
  in.agency_id = f.optional_string("agency_id", 40);
  in.sla_class = f.optional_string("sla_class", 20);
  in.element_ids = f.optional_string_list("element_ids", 50, 40);
  return in;
}

}  // namespace

void register_catalogue_routes(http::Router& router, Catalogue& m) {
  router.add("GET", "/api/servicedesk/services", [&m](http::Request& req) {
    auto who = catalogue_caller(req);
    const auto& rules = m.rules(who.scope);
    boost::json::array items;
    for (const auto& d : m.services(who.scope)) items.push_back(desk_service_json(rules, d));
    return http::json_response(200, boost::json::object{{"items", items}});
  });

  router.add("POST", "/api/servicedesk/services", [&m](http::Request& req) {
    auto who = catalogue_caller(req);
    auto d = m.add(who, desk_service_input(req));
    return http::json_response(201, desk_service_json(m.rules(who.scope), d));
  });

  router.add("GET", "/api/servicedesk/services/{id}", [&m](http::Request& req) {
    auto who = catalogue_caller(req);
    return http::json_response(200, desk_service_json(m.rules(who.scope), m.service(who.scope, req.id_param("id"))));
  });

  router.add("PATCH", "/api/servicedesk/services/{id}", [&m](http::Request& req) {
    auto who = catalogue_caller(req);
    auto d = m.edit(who, req.id_param("id"), desk_service_input(req));
    return http::json_response(200, desk_service_json(m.rules(who.scope), d));
  });

  router.add("DELETE", "/api/servicedesk/services/{id}", [&m](http::Request& req) {
    m.remove(catalogue_caller(req), req.id_param("id"));
    return http::no_content();
  });
}

}  // namespace simpul::servicedesk
