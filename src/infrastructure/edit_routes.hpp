#pragma once
#include <string_view>

#include "http/router.hpp"
#include "infrastructure/bandwidth.hpp"
#include "infrastructure/service.hpp"

namespace simpul::infrastructure {

/// The rack elevation, placements and the edit routes of racks, duties, LANs and WAN links (edit_routes.cpp).
void register_edit_routes(http::Router& router, Service& m, BandwidthService& bandwidth);
/// Their part of the API contract (edit_openapi.cpp).
std::string_view edit_openapi_fragment();

}  // namespace simpul::infrastructure
