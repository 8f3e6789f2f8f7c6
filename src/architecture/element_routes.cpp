// /api/architecture/reference, elements, relations, graph, trace, gap and status.
#include "architecture/domains.hpp"
#include "architecture/json.hpp"
#include "architecture/module.hpp"
#include "http/request_params.hpp"
#include "architecture/status.hpp"
#include "core/clock.hpp"
#include "http/json_io.hpp"

namespace simpul::architecture {
namespace {

using http::optional_object;
using http::query_choice;
using http::query_id;
using http::query_int;
using http::required_id;

using http::FieldReader;
using http::Request;

std::vector<std::string_view> domain_ids() {
  std::vector<std::string_view> out;
  for (const auto& d : domains()) out.push_back(d.id);
  return out;
}

ElementInput read_element(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"domain", "code", "name", "description", "level", "parent_id", "reference_code",
                       "owner_agency_id", "state", "attributes"});
  ElementInput in;
  if (create) {
    in.domain = f.required_string("domain", 30);
    in.code = f.required_string("code", 40);
    in.name = f.required_string("name", 200);
    in.owner_agency_id = required_id(f.required_string("owner_agency_id", 20), "owner_agency_id");
    in.state = f.optional_string("state", 20).value_or("as_is");
    in.level = static_cast<int>(f.optional_int("level", 3, 4).value_or(3));
    in.description = f.optional_string("description", 2000).value_or("");
  } else {
    in.domain = f.optional_string("domain", 30);
    in.code = f.optional_string("code", 40);
    in.name = f.optional_string("name", 200);
    if (auto o = f.optional_string("owner_agency_id", 20)) in.owner_agency_id = required_id(*o, "owner_agency_id");
    in.state = f.optional_string("state", 20);
    if (auto l = f.optional_int("level", 3, 4)) in.level = static_cast<int>(*l);
    in.description = f.optional_string("description", 2000);
  }
  if (auto p = f.nullable_string("parent_id", 20)) {
    if (*p) required_id(**p, "parent_id");
    in.parent_id = *p;
  }
  if (auto r = f.nullable_string("reference_code", 40)) in.reference_code = *r;
  in.attributes = optional_object(body, "attributes");
  return in;
}

ElementFilter read_filter(const Request& req) {
  ElementFilter f;
  f.domain = query_choice(req, "domain", domain_ids());
  f.state = query_choice(req, "state", kStates);
  f.owner_agency_id = query_id(req, "owner_agency_id");
  if (auto r = req.query_value("reference_code")) {
    if (r->size() > 40) throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "reference_code"}});
    f.reference_code = *r;
  }
  return f;
}

/// Operators may change elements of their own agency only, including the agency they hand it to.
const http::Principal& require_write(const Request& req, const std::string& owner,
                                     const std::optional<std::string>& new_owner = {}) {
  const auto& p = req.require_for_agency("architecture.write", owner);
  if (new_owner && *new_owner != owner) req.require_for_agency("architecture.write", *new_owner);
  return p;
}

}  // namespace

void register_element_routes(http::Router& router, Module& m) {
  router.add("GET", "/api/architecture/reference", [&m](Request& req) {
    req.require("architecture.read");
    boost::json::object out = m.elements.reference().document();
    boost::json::array relations;
    for (const auto& r : relation_types()) {
      boost::json::array sources, targets;
      for (auto s : r.sources) sources.emplace_back(s);
      for (auto t : r.targets) targets.emplace_back(t);
      relations.push_back(
          boost::json::object{{"type", r.type}, {"name", r.name_id}, {"sources", sources}, {"targets", targets}});
    }
    out["relation_types"] = std::move(relations);
    return http::json_response(200, out);
  });

  router.add("GET", "/api/architecture/elements", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    auto filter = read_filter(req);
    auto q = http::parse_list_query(req, {"code", "name", "state", "updated_at"});
    std::int64_t total = 0;
    auto items = to_json(m.elements.list(p.scope(), filter, q, total));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/architecture/elements", [&m](Request& req) {
    auto in = read_element(req, true);
    const auto& p = require_write(req, *in.owner_agency_id);
    return http::json_response(201, to_json(m.elements.create(p.scope(), in, p.actor())));
  });

  router.add("GET", "/api/architecture/elements/{id}", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    const auto& id = req.id_param("id");
    auto json = to_json(m.elements.element(p.scope(), id));
    boost::json::array relations, initiatives;
    for (const auto& r : m.elements.relations_of(p.scope(), id)) relations.push_back(to_json(r));
    for (const auto& i : m.roadmap.initiatives_of_element(p.scope(), id))
      initiatives.push_back(
          boost::json::object{{"id", i.element_id}, {"code", i.code}, {"name", i.name}, {"effect", i.effect}});
    json["relations"] = std::move(relations);
    json["initiatives"] = std::move(initiatives);
    return http::json_response(200, json);
  });

  router.add("PATCH", "/api/architecture/elements/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto before = m.elements.element(req.require("architecture.read").scope(), id);
    auto in = read_element(req, false);
    const auto& p = require_write(req, before.owner_agency_id, in.owner_agency_id);
    return http::json_response(200, to_json(m.elements.update(p.scope(), id, in, p.actor())));
  });

  router.add("DELETE", "/api/architecture/elements/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    auto before = m.elements.element(req.require("architecture.read").scope(), id);
    const auto& p = require_write(req, before.owner_agency_id);
    m.elements.remove(p.scope(), id, p.actor());
    return http::no_content();
  });

  router.add("GET", "/api/architecture/elements/{id}/graph", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    int depth = query_int(req, "depth", 1, 3).value_or(1);
    auto g = m.elements.graph(p.scope(), req.id_param("id"), depth);
    boost::json::array nodes;
    for (const auto& e : g.nodes)
      nodes.push_back(boost::json::object{
          {"id", e.id}, {"code", e.code}, {"name", e.name}, {"domain", e.domain}, {"state", e.state}});
    return http::json_response(200, boost::json::object{{"nodes", nodes}, {"edges", to_json(g.edges)}});
  });

  router.add("GET", "/api/architecture/elements/{id}/trace", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    auto t = m.elements.trace(p.scope(), req.id_param("id"));
    boost::json::object layers;
    for (const auto& [domain, elements] : t.layers) layers[domain] = to_json(elements);
    return http::json_response(
        200, boost::json::object{{"service", to_json(t.service)}, {"layers", layers}, {"edges", to_json(t.edges)}});
  });

  router.add("POST", "/api/architecture/relations", [&m](Request& req) {
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"source_id", "type", "target_id", "description"});
    Relation r;
    r.source_id = required_id(f.required_string("source_id", 20), "source_id");
    r.type = f.required_string("type", 30);
    r.target_id = required_id(f.required_string("target_id", 20), "target_id");
    r.description = f.optional_string("description", 500).value_or("");
    // A relation belongs to its source element: its owner (or a tenant-wide writer) may draw it.
    auto source = m.elements.element(req.require("architecture.read").scope(), r.source_id);
    const auto& p = require_write(req, source.owner_agency_id);
    return http::json_response(201, to_json(m.elements.relate(p.scope(), r, p.actor())));
  });

  router.add("DELETE", "/api/architecture/relations/{id}", [&m](Request& req) {
    const auto& id = req.id_param("id");
    const auto& reader = req.require("architecture.read");
    auto r = m.elements.relation(reader.scope(), id);
    auto source = m.elements.element(reader.scope(), r.source_id);
    const auto& p = require_write(req, source.owner_agency_id);
    m.elements.unrelate(p.scope(), id, p.actor());
    return http::no_content();
  });

  router.add("GET", "/api/architecture/gap", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    boost::json::array out;
    for (const auto& g : m.elements.gap(p.scope()))
      out.push_back(boost::json::object{{"domain", g.domain},
                                        {"as_is", g.as_is},
                                        {"to_be", g.to_be},
                                        {"retired", g.retired},
                                        {"to_be_items", to_json(g.to_be_items)},
                                        {"retired_items", to_json(g.retired_items)},
                                        {"unplanned", to_json(g.unplanned)}});
    return http::json_response(200, boost::json::object{{"domains", out}});
  });

  router.add("GET", "/api/architecture/status", [&m](Request& req) {
    const auto& p = req.require("architecture.read");
    return http::json_response(200, status(m.elements, m.documents, p.scope(), clock::now_iso().substr(0, 10)));
  });
}

}  // namespace simpul::architecture
