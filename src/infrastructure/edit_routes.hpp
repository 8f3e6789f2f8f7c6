#pragma once
#include <string_view>
#include <vector>

#include "http/router.hpp"
#include "infrastructure/bandwidth.hpp"
#include "infrastructure/service.hpp"

namespace simpul::infrastructure {

/// The rack elevation, placements and the edit routes of racks, duties, LANs and WAN links (edit_routes.cpp).
void register_edit_routes(http::Router& router, Service& m, BandwidthService& bandwidth);

}  // namespace simpul::infrastructure
