#pragma once
#include "http/router.hpp"
#include "notification/service.hpp"

namespace simpul::notification {
void register_routes(http::Router& router, Service& m);
}
