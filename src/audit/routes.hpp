#pragma once
#include "audit/service.hpp"
#include "http/router.hpp"

namespace simpul::audit {

void register_routes(http::Router& router, Service& service);
/// GET /api/audit/objects/{id}/history (history_routes.cpp).
void register_history_routes(http::Router& router, Service& service);
/// GET /api/audit/calendar (calendar_routes.cpp).
void register_calendar_routes(http::Router& router, Service& service);

}  // namespace simpul::audit
