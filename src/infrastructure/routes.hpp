#pragma once
#include "http/router.hpp"
#include "infrastructure/service.hpp"

namespace simpul::infrastructure {

/// /api/infrastructure/* (docs/infrastructure.md).
void register_routes(http::Router& router, Service& m);

}  // namespace simpul::infrastructure
