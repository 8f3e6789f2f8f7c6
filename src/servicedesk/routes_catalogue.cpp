// /api/servicedesk/services: the Layanan SPBE catalogue (docs/service-desk.md).
#include "http/json_io.hpp"
#include "servicedesk/catalogue.hpp"

namespace simpul::servicedesk {
namespace {

Caller catalogue_caller(const http::Request& req) {
  const auto& p = req.require("servicedesk.use");
  return {p.scope(), p.actor(), p.has("servicedesk.manage"), p.has("servicedesk.supervise")};
}

/// A kind's Indonesian and English label (Pasal 25 ayat (1) huruf a and b in Balikpapan's words).
std::pair<const char*, const char*> kind_names(const std::string& kind) {
  if (kind == "administrasi")
    return {"Layanan administrasi pemerintahan berbasis elektronik", "Electronic government administration services"};
  if (kind == "publik") return {"Layanan publik berbasis elektronik", "Electronic public services"};
  return {"Belum diklasifikasikan", "Not yet classified"};
}

std::string area_name(const tenancy::Profile& p, const std::string& kind, const std::string& area) {
  const auto* list = p.enumeration(kind == "administrasi" ? "administration_service_areas" : "service_sectors");
  if (list)
    for (const auto& i : list->items)
      if (i.id == area) return i.name;
  return area;
}

boost::json::value catalogue_rule_json(const tenancy::Profile& p, const std::optional<std::string>& id) {
  auto r = tenancy::rule_ref(p, id);
  if (!r) return nullptr;
  return boost::json::object{{"id", r->id}, {"citation", r->citation}};
}

/// The catalogue's groups: the two kinds with the areas or sectors the region's text lists, each
/// with the article that lists them (docs/service-desk.md, "Layanan SPBE catalogue").
boost::json::array catalogue_groups(const tenancy::Profile& p) {
  boost::json::array out;
  for (const std::string kind : {"administrasi", "publik"}) {
    const auto* list = p.enumeration(kind == "administrasi" ? "administration_service_areas" : "service_sectors");
    boost::json::array areas;
    if (list)
      for (const auto& i : list->items) areas.push_back(boost::json::object{{"id", i.id}, {"name", i.name}});
    auto names = kind_names(kind);
    out.push_back(boost::json::object{
        {"kind", kind},
        {"name", names.first},
        {"name_en", names.second},
        {"rule",
         catalogue_rule_json(p, list && !list->rule.empty() ? std::optional<std::string>(list->rule) : std::nullopt)},
        {"areas", areas}});
  }
  return out;
}

boost::json::object desk_service_json(const tenancy::Profile& profile, const DeskRules& rules, const DeskService& d) {
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
          {"kind", d.kind},
          {"kind_label", kind_names(d.kind).first},
          {"kind_label_en", kind_names(d.kind).second},
          {"area", d.area},
          {"area_label", d.area.empty() ? std::string() : area_name(profile, d.kind, d.area)},
          {"khusus_reason", d.khusus_reason},
          {"uses_aplikasi_umum", d.uses_aplikasi_umum},
          // Where the region's text says e-public services prioritise an Aplikasi Umum: a public
          // service on none, without a recorded reason for its Aplikasi Khusus, is a finding.
          {"aplikasi_umum_finding",
           rules.aplikasi_umum_rule && d.kind == "publik" && !d.uses_aplikasi_umum && d.khusus_reason.empty()
               ? catalogue_rule_json(profile, rules.aplikasi_umum_rule)
               : boost::json::value(nullptr)},
          {"created_at", d.created_at},
          {"updated_at", d.updated_at}};
}

DeskServiceInput desk_service_input(const http::Request& req) {
  auto body = http::parse_json_object(req);
  http::FieldReader f(
      body, {"code", "name", "name_en", "agency_id", "sla_class", "element_ids", "kind", "area", "khusus_reason"});
  DeskServiceInput in;
  in.code = f.optional_string("code", 40);
  in.name = f.optional_string("name", 200);
  in.name_en = f.optional_string("name_en", 200);
  in.agency_id = f.optional_string("agency_id", 40);
  in.sla_class = f.optional_string("sla_class", 20);
  in.element_ids = f.optional_string_list("element_ids", 50, 40);
  in.kind = f.optional_string("kind", 20);
  in.area = f.optional_string("area", 80);
  in.khusus_reason = f.optional_string("khusus_reason", 1000);
  return in;
}

}  // namespace

void register_catalogue_routes(http::Router& router, Catalogue& m) {
  router.add("GET", "/api/servicedesk/services", [&m](http::Request& req) {
    auto who = catalogue_caller(req);
    const auto& rules = m.rules(who.scope);
    const auto& profile = m.profile(who.scope);
    boost::json::array items;
    for (const auto& d : m.services(who.scope)) items.push_back(desk_service_json(profile, rules, d));
    return http::json_response(
        200, boost::json::object{{"items", items},
                                 {"groups", catalogue_groups(profile)},
                                 {"kinds_rule", catalogue_rule_json(profile, rules.service_kinds_rule)},
                                 {"aplikasi_umum_rule", catalogue_rule_json(profile, rules.aplikasi_umum_rule)}});
  });

  router.add("POST", "/api/servicedesk/services", [&m](http::Request& req) {
    auto who = catalogue_caller(req);
    auto d = m.add(who, desk_service_input(req));
    return http::json_response(201, desk_service_json(m.profile(who.scope), m.rules(who.scope), d));
  });

  router.add("GET", "/api/servicedesk/services/{id}", [&m](http::Request& req) {
    auto who = catalogue_caller(req);
    return http::json_response(
        200, desk_service_json(m.profile(who.scope), m.rules(who.scope), m.service(who.scope, req.id_param("id"))));
  });

  router.add("PATCH", "/api/servicedesk/services/{id}", [&m](http::Request& req) {
    auto who = catalogue_caller(req);
    auto d = m.edit(who, req.id_param("id"), desk_service_input(req));
    return http::json_response(200, desk_service_json(m.profile(who.scope), m.rules(who.scope), d));
  });

  router.add("DELETE", "/api/servicedesk/services/{id}", [&m](http::Request& req) {
    m.remove(catalogue_caller(req), req.id_param("id"));
    return http::no_content();
  });
}

}  // namespace simpul::servicedesk
