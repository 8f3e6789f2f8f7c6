#pragma once
#include "http/router.hpp"
#include "planning/service.hpp"

namespace simpul::planning {

void register_routes(http::Router& router, Service& service);

}  // namespace simpul::planning
