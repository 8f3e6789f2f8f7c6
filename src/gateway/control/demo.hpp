#pragma once
// The gateway's demo records: two services (kependudukan with an OpenAPI document, perizinan) whose
// upstreams are the stand-in agency systems under `upstream`, a consumer application of another
// agency with an approved request and its grant, and one pending request.
#include <string>

#include "gateway/control/consumers.hpp"
#include "gateway/control/requests.hpp"
#include "gateway/control/services.hpp"
#include "tenancy/service.hpp"

namespace simpul::gateway::control {

/// Returns the consumer's raw API key (shown once), or "" when the demo organisation lacks the agencies.
/// The workflows the demo records go through (the same checks and ledger entries as the API's).
struct DemoWorkflows {
  const ControlPlane& plane;
  ServiceCatalog& services;
  Consumers& consumers;
  AccessRequests& requests;
};

std::string seed_demo(const DemoWorkflows& g, tenancy::Service& tenancy, const Scope& scope,
                      const std::string& upstream);

}  // namespace simpul::gateway::control
