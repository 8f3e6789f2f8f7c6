// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
// One fragment per resource (openapi_<resource>.cpp); each route is described in exactly one.
#include <string_view>
#include <vector>

namespace simpul::applications {

std::string_view openapi_options_fragment();
std::string_view openapi_inventory_fragment();
std::string_view openapi_lifecycle_fragment();
std::string_view openapi_recommendations_fragment();

std::vector<std::string_view> openapi_fragments() {
  return {openapi_options_fragment(), openapi_inventory_fragment(), openapi_lifecycle_fragment(),
          openapi_recommendations_fragment()};
}

}  // namespace simpul::applications
