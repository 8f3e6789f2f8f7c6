#include "tenancy/routes.hpp"

#include <regex>

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "tenancy/json.hpp"

namespace simpul::tenancy {
namespace {

using http::FieldReader;
using http::Request;
using http::Response;

AgencyInput read_agency(const Request& req, bool create) {
  auto body = http::parse_json_object(req);
  FieldReader f(body, {"code", "name", "short_name", "type", "flags", "mandiri_tik_decree", "head_title"});
  AgencyInput in;
  if (create) {
    in.code = text::trim(f.required_string("code", 20));
    in.name = f.required_string("name", 200);
    in.type = f.required_string("type", 60);
  } else {
    in.code = f.optional_string("code", 20);
    in.name = f.optional_string("name", 200);
    in.type = f.optional_string("type", 60);
    if (in.name && in.name->empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", "name"}});
  }
  if (in.code) {
    for (auto& ch : *in.code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  in.short_name = f.optional_string("short_name", 60);
  in.head_title = f.optional_string("head_title", 100);
  in.flags = f.optional_string_list("flags", 7, 30);
  in.mandiri_tik_decree = f.nullable_string("mandiri_tik_decree", 200);
  return in;
}

const std::string& profile_id_param(const Request& req) {
  static const std::regex kProfileId("[a-z0-9-]{1,40}");
  const auto& id = req.param("id");
  if (!std::regex_match(id, kProfileId)) throw Error(ErrorCode::RequestInvalidId, {{"parameter", "id"}});
  return id;
}

}  // namespace

void register_routes(http::Router& router, Service& svc) {
  router.add("GET", "/api/tenant", [&svc](Request& req) {
    const auto& p = req.require("profile.read");
    auto t = svc.tenant(p.tenant_id);
    return http::json_response(200, to_json(t, svc.profile_of(t)));
  });

  router.add("GET", "/api/profiles", [&svc](Request& req) {
    req.require("profile.read");
    boost::json::array out;
    for (const auto& [id, p] : svc.profiles().all())
      out.push_back(boost::json::object{{"id", id},
                                        {"name", p->region_name},
                                        {"version", p->version},
                                        {"regulation", p->regulation_label()},
                                        {"rules", p->rules.size()}});
    return http::json_response(200, out);
  });

  router.add("GET", "/api/profiles/{id}", [&svc](Request& req) {
    req.require("profile.read");
    return http::json_response(200, svc.profiles().get(profile_id_param(req)).document);
  });

  router.add("GET", "/api/agencies", [&svc](Request& req) {
    const auto& p = req.require("agency.read");
    auto q = http::parse_list_query(req, {"name", "code", "type", "updated_at"});
    std::int64_t total = 0;
    boost::json::array items;
    for (const auto& a : svc.list_agencies(p.scope(), q, total)) items.push_back(to_json(a));
    return http::list_response(items, total, q);
  });

  router.add("POST", "/api/agencies", [&svc](Request& req) {
    const auto& p = req.require("agency.write");
    auto a = svc.create_agency(p.scope(), read_agency(req, true), p.actor());
    return http::json_response(201, to_json(a));
  });

  router.add("GET", "/api/agencies/{id}", [&svc](Request& req) {
    const auto& p = req.require("agency.read");
    auto a = svc.agency(p.scope(), req.id_param("id"));
    auto json = to_json(a);
    boost::json::array positions;
    for (const auto& pos : svc.positions(p.scope(), a.id)) positions.push_back(to_json(pos));
    json["positions"] = positions;
    json["user_count"] = svc.count_agency_users(p.scope(), a.id);
    return http::json_response(200, json);
  });

  router.add("PATCH", "/api/agencies/{id}", [&svc](Request& req) {
    const auto& id = req.id_param("id");
    const auto& p = req.require_for_agency("agency.write", id);
    auto in = read_agency(req, false);
    // Operators may describe their own agency, but the roles it holds are the administrators' call.
    if (!p.has("agency.write") && (in.flags || in.code || in.type || in.mandiri_tik_decree))
      throw Error(ErrorCode::AuthForbidden, {{"permission", "agency.write"}});
    return http::json_response(200, to_json(svc.update_agency(p.scope(), id, in, p.actor())));
  });

  router.add("DELETE", "/api/agencies/{id}", [&svc](Request& req) {
    const auto& p = req.require("agency.write");
    svc.delete_agency(p.scope(), req.id_param("id"), p.actor());
    return http::no_content();
  });

  router.add("GET", "/api/teams", [&svc](Request& req) {
    const auto& p = req.require("team.read");
    const auto& profile = svc.profile_of(p.scope());
    boost::json::array out;
    for (const auto& t : svc.teams(p.scope())) out.push_back(to_json(t, profile));
    return http::json_response(200, out);
  });

  router.add("POST", "/api/teams/{id}/members", [&svc](Request& req) {
    const auto& p = req.require("team.manage");
    const auto& team_id = req.id_param("id");
    auto body = http::parse_json_object(req);
    FieldReader f(body, {"user_id", "position_id"});
    auto user_id = f.required_string("user_id", 20);
    if (!crypto::looks_like_id(user_id)) throw Error(ErrorCode::ValidationInvalidValue, "user_id", "not a user id");
    auto position_id = f.required_string("position_id", 60);
    auto m = svc.add_team_member(p.scope(), team_id, user_id, position_id, p.actor());
    const auto& profile = svc.profile_of(p.scope());
    const TeamSpec* spec = nullptr;
    for (const auto& t : svc.teams(p.scope()))
      if (t.id == team_id) spec = profile.team(t.kind);
    return http::json_response(201, to_json(m, spec));
  });

  router.add("DELETE", "/api/teams/{id}/members/{member_id}", [&svc](Request& req) {
    const auto& p = req.require("team.manage");
    svc.remove_team_member(p.scope(), req.id_param("id"), req.id_param("member_id"), p.actor());
    return http::no_content();
  });
}

}  // namespace simpul::tenancy
