// The routes of this module as the API contract states them (http/api_description.hpp): request
// and response schemas, summaries and permissions. Registered with the routes; served at
// /api/openapi.json; every answer the API tests receive is checked against it.
// One fragment per resource (openapi_<resource>.cpp); each route is described in exactly one.
#include <string_view>
#include <vector>

namespace simpul::evaluation {

std::string_view openapi_overview_fragment();
std::string_view openapi_frameworks_fragment();
std::string_view openapi_framework_versions_fragment();
std::string_view openapi_periods_fragment();
std::string_view openapi_indicators_fragment();
std::string_view openapi_evidence_fragment();
std::string_view openapi_results_fragment();

std::vector<std::string_view> openapi_fragments() {
  return {openapi_overview_fragment(), openapi_frameworks_fragment(), openapi_framework_versions_fragment(),
          openapi_periods_fragment(),  openapi_indicators_fragment(), openapi_evidence_fragment(),
          openapi_results_fragment()};
}

}  // namespace simpul::evaluation
