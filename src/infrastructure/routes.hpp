#pragma once
#include "http/router.hpp"
#include "infrastructure/service.hpp"

namespace simpul::infrastructure {

/// /api/infrastructure/* (docs/infrastructure.md).
void register_routes(http::Router& router, Service& m);
/// /api/infrastructure/attestations (attestation_routes.cpp).
void register_attestation_routes(http::Router& router, Service& m);

}  // namespace simpul::infrastructure
