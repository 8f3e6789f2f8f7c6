#pragma once
#include "applications/service.hpp"
#include "http/router.hpp"

namespace simpul::applications {

/// /api/applications/*, /api/recommendations/*, /api/artifacts/* (docs/applications.md).
void register_routes(http::Router& router, Service& applications);

}  // namespace simpul::applications
