#pragma once
// A stand-in for two agencies' systems, so that the demo's gateway services answer something real
// (`simpul serve --demo`; docs/gateway.md "Trying the demo"). The records are invented and marked
// as such; nothing here is registered outside demo mode.
#include "http/router.hpp"

namespace simpul::app {

/// Where the demo seed points the services' upstreams, relative to the platform's own address.
inline constexpr const char* kDemoUpstreamPath = "/api/demo-upstream";

/// GET /api/demo-upstream/kependudukan/penduduk/{nik}, .../perizinan/izin/{nib} and a
/// /health for each.
void register_demo_upstream(http::Router& router);

}  // namespace simpul::app
