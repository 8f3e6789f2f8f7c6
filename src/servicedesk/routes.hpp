#pragma once
#include "http/router.hpp"
#include "servicedesk/service.hpp"

namespace simpul::servicedesk {
void register_routes(http::Router& router, Service& m);
/// The knowledge base, attachments and bulk actions (routes_knowledge.cpp).
void register_knowledge_routes(http::Router& router, Service& m);
}  // namespace simpul::servicedesk
