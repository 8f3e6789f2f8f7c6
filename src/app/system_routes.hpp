#pragma once
#include "http/router.hpp"

namespace simpul::app {

class Platform;

/// Health, metrics, the OpenAPI document, the error catalogue and the dashboard.
void register_system_routes(http::Router& router, Platform& platform);

/// docs/openapi.json: the whole contract, pretty-printed (`simpul openapi`, checked by a test).
std::string openapi_text(Platform& platform);

/// The platform's own part of the API contract (openapi/*.json): health, metrics, errors, dashboard.
std::vector<std::string_view> openapi_fragments();

}  // namespace simpul::app
