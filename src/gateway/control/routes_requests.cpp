// /api/gateway/access-requests and /api/gateway/grants.
#include <algorithm>
#include <tuple>

#include "gateway/control/routes_common.hpp"
#include "http/json_io.hpp"
#include "http/request_params.hpp"

namespace simpul::gateway::control {
namespace {

using http::FieldReader;
using http::Request;

bool open(const AccessRequest& r) { return r.state == "diajukan" || r.state == "direkomendasikan"; }

bool is_decider(const tenancy::Profile& p, const http::Principal& caller) {
  if (!caller.has("gateway.decide")) return false;
  auto roles = decider_roles(p);
  return std::any_of(caller.roles.begin(), caller.roles.end(),
                     [&](const std::string& r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); });
}

/// The rule a missing item of the letter breaks, with the item's huruf (Balikpapan Pasal 9 ayat (6)
/// huruf a-d), or none where the region's regulation lists no minimum content.
std::optional<RuleRef> letter_item_rule(const tenancy::Profile& p, const char* huruf) {
  auto rule = tenancy::rule_ref(p, p.gateway ? p.gateway->request_fields_rule : std::nullopt);
  if (rule) rule->citation += std::string(" huruf ") + huruf;
  return rule;
}

RequestInput read_request(const Request& req, const tenancy::Profile& profile) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"consumer_id", "service_id", "path_prefix", "methods", "responsible_person", "work_unit",
                       "purpose", "data_needed", "commercial_use"});
  RequestInput in;
  in.consumer_id = http::required_id(f.required_string("consumer_id", 40), "consumer_id");
  in.service_id = http::required_id(f.required_string("service_id", 40), "service_id");
  if (auto prefix = f.nullable_string("path_prefix", 200)) in.path_prefix = *prefix;
  in.methods = f.optional_string_list("methods", 7, 10).value_or(std::vector<std::string>{});
  // Balikpapan Pasal 9 ayat (6): the four items are the letter's minimum content; a missing one is
  // refused citing its huruf.
  in.responsible_person = f.optional_string("responsible_person", 200).value_or("");
  in.work_unit = f.optional_string("work_unit", 200).value_or("");
  in.purpose = f.optional_multiline("purpose", 4000).value_or("");
  in.data_needed = f.optional_multiline("data_needed", 4000).value_or("");
  const std::tuple<const char*, const std::string*, const char*> items[] = {
      {"responsible_person", &in.responsible_person, "a"},
      {"work_unit", &in.work_unit, "b"},
      {"purpose", &in.purpose, "c"},
      {"data_needed", &in.data_needed, "d"}};
  for (const auto& [key, value, huruf] : items)
    if (value->find_first_not_of(" \t\r\n") == std::string::npos)
      throw Error(ErrorCode::ValidationMissingField, {{"field", key}}, letter_item_rule(profile, huruf));
  auto commercial = f.optional_bool("commercial_use");
  if (!commercial) throw Error(ErrorCode::ValidationMissingField, {{"field", "commercial_use"}});
  in.commercial_use = *commercial;
  in.source_address = req.remote_address;  // Pasal 9 ayat (7): the network ground is judged on it
  return in;
}

/// {"<flag>": bool, "note": "..."} of the recommend and decide steps.
std::pair<bool, std::string> read_step(const Request& req, const char* flag) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {flag, "note"});
  auto value = f.optional_bool(flag);
  if (!value) throw Error(ErrorCode::ValidationMissingField, {{"field", flag}});
  return {*value, f.optional_multiline("note", 4000).value_or("")};
}

/// The request with what the caller may do and, where the regulation addresses it, its addressees.
boost::json::object request_json(const tenancy::Profile& profile, const http::Principal& p, const AccessRequest& r) {
  auto out = to_json(r, rights_of(profile, p, r));
  out["addressees"] = addressees_json(profile, r);
  return out;
}

http::Response request_response(const ControlPlane& plane, const http::Principal& p, const AccessRequest& r,
                                int status = 200) {
  return http::json_response(status, request_json(plane.profile_of(p.scope()), p, r));
}

}  // namespace

RequestRights rights_of(const tenancy::Profile& p, const http::Principal& caller, const AccessRequest& r) {
  RequestRights rights;
  bool needs_recommendation = p.gateway && p.gateway->recommender == "owner_agency";
  rights.recommend =
      needs_recommendation && r.state == "diajukan" && caller.can_for_agency("gateway.recommend", r.service_owner.id);
  rights.decide = is_decider(p, caller) && caller.user_id != r.requested_by &&
                  (needs_recommendation ? r.state == "direkomendasikan" : open(r));
  rights.cancel =
      open(r) && (caller.user_id == r.requested_by || caller.can_for_agency("gateway.request", r.consumer_agency.id));
  return rights;
}

void register_request_routes(http::Router& router, const ControlPlane& plane, AccessRequests& m,
                             const ServiceCatalog& services, const Consumers& consumers) {
  router.add("GET", "/api/gateway/access-requests", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.read");
    RequestFilter f;
    f.state = http::query_choice(req, "state", {"diajukan", "direkomendasikan", "disetujui", "ditolak", "dibatalkan"});
    f.service_id = http::query_id(req, "service");
    f.consumer_id = http::query_id(req, "consumer");
    auto q = http::parse_list_query(req, {"created_at"});
    std::int64_t total = 0;
    const auto& profile = plane.profile_of(p.scope());
    boost::json::array items;
    for (const auto& r : m.requests(p.scope(), f, q, total)) items.push_back(request_json(profile, p, r));
    return http::list_response(items, total, q);
  });

  router.add("GET", "/api/gateway/access-requests/{id}", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.read");
    return request_response(plane, p, m.request(p.scope(), req.id_param("id")));
  });

  router.add("POST", "/api/gateway/access-requests", [&m, &plane, &consumers](Request& req) {
    const auto& caller = req.require("gateway.read");
    auto in = read_request(req, plane.profile_of(caller.scope()));
    auto consumer = consumers.consumer(caller.scope(), in.consumer_id);
    const auto& p = req.require_for_agency("gateway.request", consumer.agency.id);
    return request_response(plane, p, m.submit(p.scope(), in, p.actor()), 201);
  });

  router.add("POST", "/api/gateway/access-requests/{id}/recommend", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.read");
    const auto& id = req.id_param("id");
    auto r = m.request(p.scope(), id);
    auto [recommend, note] = read_step(req, "recommend");
    req.require_for_agency("gateway.recommend", r.service_owner.id);
    return request_response(plane, p, m.recommend(p.scope(), id, recommend, note, p.actor()));
  });

  router.add("POST", "/api/gateway/access-requests/{id}/decide", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.decide");
    const auto& profile = plane.profile_of(p.scope());
    if (!is_decider(profile, p)) {
      const auto& g = profile.gateway;
      throw Error(ErrorCode::GatewayNotDecider, {{"roles", http::json_strings(decider_roles(profile))}},
                  tenancy::rule_ref(profile, g ? g->approver_rule : std::nullopt));
    }
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"approve", "note", "ground"});
    auto approve = f.optional_bool("approve");
    if (!approve) throw Error(ErrorCode::ValidationMissingField, {{"field", "approve"}});
    auto note = f.optional_multiline("note", 4000).value_or("");
    auto ground = f.optional_string("ground", 60);
    return request_response(plane, p, m.decide(p.scope(), req.id_param("id"), *approve, note, p.actor(), ground));
  });

  router.add("POST", "/api/gateway/access-requests/{id}/cancel", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.read");
    const auto& id = req.id_param("id");
    auto r = m.request(p.scope(), id);
    if (p.user_id != r.requested_by) req.require_for_agency("gateway.request", r.consumer_agency.id);
    return request_response(plane, p, m.cancel(p.scope(), id, p.actor()));
  });

  router.add("GET", "/api/gateway/grants", [&m, &plane](Request& req) {
    const auto& p = req.require("gateway.read");
    GrantFilter f;
    f.service_id = http::query_id(req, "service");
    f.consumer_id = http::query_id(req, "consumer");
    if (auto a = http::query_choice(req, "active", {"true", "false"}); !a.empty()) f.active = a == "true";
    auto q = http::parse_list_query(req, {"granted_at"});
    std::int64_t total = 0;
    const auto& profile = plane.profile_of(p.scope());
    boost::json::array items;
    for (const auto& g : m.grants(p.scope(), f, q, total)) items.push_back(to_json(profile, g));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/gateway/grants/{id}/revoke", [&m, &plane, &services](Request& req) {
    const auto& p = req.require("gateway.read");
    const auto& id = req.id_param("id");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"reason"});
    auto reason = f.required_string("reason", 2000);
    // The provider agency may withdraw access to its own service; the administrator any.
    req.require_for_agency("gateway.write", services.service(p.scope(), m.grant(p.scope(), id).service_id).owner.id);
    return http::json_response(200,
                               to_json(plane.profile_of(p.scope()), m.revoke_grant(p.scope(), id, reason, p.actor())));
  });
}

}  // namespace simpul::gateway::control
