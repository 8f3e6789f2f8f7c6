#pragma once
// /api/gateway/* (docs/api.md, web/src/api/gateway.ts).
#include "gateway/control/service.hpp"
#include "http/router.hpp"

namespace simpul::gateway::control {

void register_routes(http::Router& router, Service& m);

}  // namespace simpul::gateway::control
