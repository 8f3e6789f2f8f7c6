#include "identity/json.hpp"

#include "identity/roles.hpp"

namespace simpul::identity {
namespace {
boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}
}  // namespace

boost::json::object to_json(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"email", u.email},
          {"agency_id", u.agency_id.empty() ? boost::json::value(nullptr) : boost::json::value(u.agency_id)},
          {"agency_name", u.agency_name},
          {"roles", strings(u.roles)},
          {"permissions", strings(permissions_of(u.roles))},
          {"active", u.active},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

boost::json::object to_json(const http::Principal& p) {
  return {{"id", p.user_id},
          {"username", p.username},
          {"display_name", p.display_name},
          {"tenant_id", p.tenant_id},
          {"agency_id", p.agency_id.empty() ? boost::json::value(nullptr) : boost::json::value(p.agency_id)},
          {"roles", strings(p.roles)},
          {"permissions", strings(p.permissions)}};
}

}  // namespace simpul::identity
