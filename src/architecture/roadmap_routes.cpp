// /api/roadmap/initiatives: the Peta Rencana's programs and activities and their monitoring.
#include "architecture/json.hpp"
#include "architecture/module.hpp"
#include "http/request_params.hpp"
#include "http/json_io.hpp"

namespace simpul::architecture {
namespace {

using http::query_choice;
using http::query_id;
using http::query_int;
using http::required_id;

using http::FieldReader;
using http::Request;

boost::json::object initiative_json(const tenancy::Profile& profile, const Initiative& i) {
  std::string category_name = i.category;
  if (const auto* e = profile.enumeration(profile.architecture.roadmap.categories))
    for (const auto& item : e->items)
      if (item.id == i.category) category_name = item.name;
  boost::json::array elements, monitoring;
  for (const auto& e : i.elements) elements.push_back(to_json(e));
  for (const auto& mo : i.monitoring) monitoring.push_back(to_json(mo));
  return {{"id", i.id},
          {"code", i.code},
          {"name", i.name},
          {"description", i.description},
          {"category", i.category},
          {"category_name", category_name},
          {"owner_agency_id", i.owner_agency_id},
          {"owner_agency_name", i.owner_agency_name},
          {"start_year", i.start_year},
          {"target_year", i.target_year},
          {"status", i.status},
          {"elements", elements},
          {"monitoring", monitoring},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at}};
}

InitiativeInput read_initiative(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"code", "name", "description", "category", "owner_agency_id", "start_year", "target_year",
                       "status", "elements"});
  InitiativeInput in;
  auto text = [&](const char* key, std::size_t max) {
    return create ? std::optional(f.required_string(key, max)) : f.optional_string(key, max);
  };
  in.code = text("code", 40);
  in.name = text("name", 300);
  in.category = text("category", 60);
  in.owner_agency_id = text("owner_agency_id", 20);
  if (in.owner_agency_id) required_id(*in.owner_agency_id, "owner_agency_id");
  in.description = f.optional_string("description", 2000);
  if (create && !in.description) in.description = "";
  in.status = f.optional_string("status", 20);
  if (create && !in.status) in.status = "rencana";
  if (auto v = f.optional_int("start_year", 1900, 2200)) in.start_year = static_cast<int>(*v);
  if (auto v = f.optional_int("target_year", 1900, 2200)) in.target_year = static_cast<int>(*v);
  if (create && (!in.start_year || !in.target_year))
    throw Error(ErrorCode::ValidationMissingField, {{"field", in.start_year ? "target_year" : "start_year"}});
  if (const auto* v = body.if_contains("elements"); v && !v->is_null()) {
    if (!v->is_array() || v->as_array().size() > 200)
      throw Error(ErrorCode::ValidationWrongType, "elements", "expected a list of at most 200");
    std::vector<InitiativeElement> list;
    for (const auto& item : v->as_array()) {
      if (!item.is_object()) throw Error(ErrorCode::ValidationWrongType, "elements", "expected objects");
      FieldReader e(item.as_object(), {"element_id", "effect"});
      list.push_back({required_id(e.required_string("element_id", 20), "elements.element_id"), "", "", "",
                      e.required_string("effect", 10)});
    }
    in.elements = std::move(list);
  }
  return in;
}

}  // namespace

void register_roadmap_routes(http::Router& router, Module& m) {
  router.add("GET", "/api/roadmap/initiatives", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    InitiativeFilter f;
    f.category = req.query_value("category").value_or("");
    if (f.category.size() > 60) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "category"}});
    f.status = query_choice(req, "status", kInitiativeStatuses);
    f.owner_agency_id = query_id(req, "owner_agency_id");
    f.year = query_int(req, "year", 1900, 2200);
    auto q = http::parse_list_query(req, {"code", "name", "start_year", "status"});
    std::int64_t total = 0;
    const auto& profile = m.elements.profile_of(p.scope());
    boost::json::array items;
    for (const auto& i : m.roadmap.list(p.scope(), f, q, total)) items.push_back(initiative_json(profile, i));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/roadmap/initiatives", [&m](Request& req) {
    const auto& p = req.require("architecture.manage");
    auto i = m.roadmap.create(p.scope(), read_initiative(req, true), p.actor());
    return http::json_response(201, initiative_json(m.elements.profile_of(p.scope()), i));
  });

  router.add("GET", "/api/roadmap/initiatives/{id}", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    return http::json_response(
        200, initiative_json(m.elements.profile_of(p.scope()), m.roadmap.get(p.scope(), req.id_param("id"))));
  });

  router.add("PATCH", "/api/roadmap/initiatives/{id}", [&m](Request& req) {
    const auto& p = req.require("architecture.manage");
    auto i = m.roadmap.update(p.scope(), req.id_param("id"), read_initiative(req, false), p.actor());
    return http::json_response(200, initiative_json(m.elements.profile_of(p.scope()), i));
  });

  router.add("DELETE", "/api/roadmap/initiatives/{id}", [&m](Request& req) {
    const auto& p = req.require("architecture.manage");
    m.roadmap.remove(p.scope(), req.id_param("id"), p.actor());
    return http::no_content();
  });

  router.add("POST", "/api/roadmap/initiatives/{id}/monitoring", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto initiative = m.roadmap.get(req.require("architecture.read").scope(), id);
    // The owner agency reports its own progress; planners record anyone's.
    const auto& p = req.caller().has("architecture.manage")
                        ? req.caller()
                        : req.require_for_agency("architecture.write", initiative.owner_agency_id);
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"year", "progress", "status", "note"});
    MonitoringInput in;
    in.year = static_cast<int>(f.optional_int("year", 1900, 2200).value_or(0));
    if (!in.year) throw Error(ErrorCode::ValidationMissingField, {{"field", "year"}});
    in.progress = static_cast<int>(f.optional_int("progress", 0, 100).value_or(0));
    in.status = f.required_string("status", 20);
    in.note = f.optional_string("note", 2000).value_or("");
    return http::json_response(201, to_json(m.roadmap.add_monitoring(p.scope(), id, in, p.actor())));
  });
}

}  // namespace simpul::architecture
