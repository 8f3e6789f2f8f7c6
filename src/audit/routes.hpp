#pragma once
#include "audit/service.hpp"
#include "http/router.hpp"

namespace simpul::audit {

void register_routes(http::Router& router, Service& service);

}  // namespace simpul::audit
