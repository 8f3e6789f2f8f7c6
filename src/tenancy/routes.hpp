#pragma once
#include "http/router.hpp"
#include "tenancy/service.hpp"

namespace simpul::tenancy {

/// Tenant, profile, agency and team endpoints (docs/api.md).
void register_routes(http::Router& router, Service& service);

}  // namespace simpul::tenancy
