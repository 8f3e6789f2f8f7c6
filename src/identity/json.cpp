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

}  // namespace simpul::identity
