#pragma once
#include "http/router.hpp"

namespace simpul::app {

class Platform;

/// Health, metrics, the OpenAPI document, the error catalogue and the dashboard.
void register_system_routes(http::Router& router, Platform& platform);

/// The OpenAPI document compiled into the binary (docs/openapi.json).
std::string_view openapi_document();

}  // namespace simpul::app
