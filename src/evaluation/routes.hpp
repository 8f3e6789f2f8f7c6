#pragma once
#include "evaluation/service.hpp"
#include "http/router.hpp"

namespace simpul::evaluation {

/// /api/evaluation/* (docs/api.md).
void register_routes(http::Router& router, Service& m);

}  // namespace simpul::evaluation
