// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
// One fragment per resource (openapi_<resource>.cpp); each route is described in exactly one.
#include <string_view>
#include <vector>

namespace simpul::tenancy {

std::string_view openapi_tenant_fragment();
std::string_view openapi_agencies_fragment();
std::string_view openapi_teams_fragment();

std::vector<std::string_view> openapi_fragments() {
  return {openapi_tenant_fragment(), openapi_agencies_fragment(), openapi_teams_fragment()};
}

}  // namespace simpul::tenancy
