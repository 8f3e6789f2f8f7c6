#pragma once
// Route groups of /api/gateway/*, registered together by register_routes().
#include "gateway/control/json.hpp"
#include "gateway/control/consumers.hpp"
#include "gateway/control/requests.hpp"
#include "gateway/control/services.hpp"
#include "gateway/control/traffic.hpp"
#include "http/request.hpp"
#include "http/router.hpp"

namespace simpul::gateway::control {

/// What the caller may do with the request under the tenant's profile (docs/gateway.md
/// "Permissions"): the recommender is the service's owner agency where the profile names one, the
/// decider holds gateway.decide and one of decider_roles(), never the requester.
RequestRights rights_of(const tenancy::Profile& p, const http::Principal& caller, const AccessRequest& r);

/// `services` and `consumers`: the owners a request or grant names, for the permission checks.
void register_request_routes(http::Router& router, const ControlPlane& plane, AccessRequests& m,
                             const ServiceCatalog& services, const Consumers& consumers);
void register_traffic_routes(http::Router& router, Traffic& m);

}  // namespace simpul::gateway::control
