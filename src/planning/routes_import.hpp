#pragma once
// Routes of the RKA-shaped import of proposal lines and of the comparison with the application
// register (docs/plan-and-budget.md), and their part of the API contract (openapi/proposals.json).
#include <string_view>
#include <vector>

#include "http/router.hpp"
#include "planning/service.hpp"

namespace simpul::planning {

void register_import_routes(http::Router& router, Service& service);

}  // namespace simpul::planning
