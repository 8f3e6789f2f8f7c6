#pragma once
// The gateway's demo records: two services (kependudukan with an OpenAPI document, perizinan) whose
// upstreams are the stand-in agency systems under `upstream`, a consumer application of another
// agency with an approved request and its grant, and one pending request.
#include <string>

#include "gateway/control/service.hpp"
#include "tenancy/service.hpp"

namespace simpul::gateway::control {

/// Returns the consumer's raw API key (shown once), or "" when the demo organisation lacks the agencies.
std::string seed_demo(Service& gateway, tenancy::Service& tenancy, const Scope& scope, const std::string& upstream);

}  // namespace simpul::gateway::control
