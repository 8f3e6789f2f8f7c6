#pragma once
// /api/gateway/* (docs/api.md, web/src/api/gateway.ts).
#include "gateway/control/consumers.hpp"
#include "gateway/control/requests.hpp"
#include "gateway/control/services.hpp"
#include "gateway/control/traffic.hpp"
#include "http/router.hpp"

namespace simpul::gateway::control {

/// The control plane's workflows; each route group takes the ones it uses.
struct Workflows {
  ControlPlane& plane;
  ServiceCatalog& services;
  Consumers& consumers;
  AccessRequests& requests;
  Traffic& traffic;
};

void register_routes(http::Router& router, const Workflows& w);

}  // namespace simpul::gateway::control
