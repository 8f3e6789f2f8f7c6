// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
// One fragment per resource (openapi_<resource>.cpp); each route is described in exactly one.
#include <string_view>
#include <vector>

namespace simpul::gateway::control {

std::string_view openapi_options_fragment();
std::string_view openapi_services_fragment();
std::string_view openapi_consumers_fragment();
std::string_view openapi_requests_fragment();
std::string_view openapi_request_schemas_fragment();
std::string_view openapi_grants_fragment();
std::string_view openapi_traffic_fragment();

std::vector<std::string_view> openapi_fragments() {
  return {openapi_options_fragment(),  openapi_services_fragment(),        openapi_consumers_fragment(),
          openapi_requests_fragment(), openapi_request_schemas_fragment(), openapi_grants_fragment(),
          openapi_traffic_fragment()};
}

}  // namespace simpul::gateway::control
