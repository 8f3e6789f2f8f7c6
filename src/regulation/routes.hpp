#pragma once
#include "http/router.hpp"
#include "regulation/service.hpp"

namespace simpul::regulation {

/// /api/compliance/* (docs/compliance.md).
void register_routes(http::Router& router, Compliance& compliance);

}  // namespace simpul::regulation
