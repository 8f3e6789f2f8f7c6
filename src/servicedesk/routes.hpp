#pragma once
#include "http/router.hpp"
#include "servicedesk/service.hpp"

namespace simpul::servicedesk {
void register_routes(http::Router& router, Service& m);
}
