#include "identity/json.hpp"

#include "http/json_io.hpp"
#include "identity/roles.hpp"

namespace simpul::identity {
boost::json::object to_json(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"email", u.email},
          {"agency_id", u.agency_id.empty() ? boost::json::value(nullptr) : boost::json::value(u.agency_id)},
          {"agency_name", u.agency_name},
          {"roles", http::json_strings(u.roles)},
          {"permissions", http::json_strings(permissions_of(u.roles))},
          {"active", u.active},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

boost::json::object to_json(const ApiToken& t) {
  boost::json::object out{
      {"id", t.id},
      {"name", t.name},
      {"created_at", t.created_at},
      {"last_used_at", t.last_used_at},
      {"expires_at", t.expires_at.empty() ? boost::json::value(nullptr) : boost::json::value(t.expires_at)}};
  if (!t.user_id.empty())
    out["owner"] = {{"id", t.user_id}, {"display_name", t.user_display_name}, {"username", t.username}};
  return out;
}

boost::json::object to_json(const RoleGrant& g, const http::Principal& viewer) {
  auto name_of = [](const std::string& role) -> boost::json::value {
    const RoleDef* r = find_role(role);
    if (!r) return nullptr;
    return {{"id", r->name_id}, {"en", r->name_en}};
  };
  bool approves = false;
  for (const auto& r : viewer.roles) approves = approves || grants_approval_powers(r);
  bool can_decide = g.state == "pending" && approves && viewer.user_id != g.user_id && viewer.user_id != g.requested_by;
  auto or_null = [](const std::string& v) { return v.empty() ? boost::json::value(nullptr) : boost::json::value(v); };
  return {
      {"id", g.id},
      {"user", {{"id", g.user_id}, {"display_name", g.user_display_name}}},
      {"role", g.role},
      {"role_name", name_of(g.role)},
      {"state", g.state},
      {"requested_by", {{"id", g.requested_by}, {"name", g.requested_by_name}}},
      {"requested_at", g.requested_at},
      {"decided_by", g.decided_by.empty() ? boost::json::value(nullptr)
                                          : boost::json::value({{"id", g.decided_by}, {"name", g.decided_by_name}})},
      {"decided_at", or_null(g.decided_at)},
      {"note", g.note},
      {"can_decide", can_decide}};
}

}  // namespace simpul::identity
