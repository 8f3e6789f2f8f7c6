#pragma once
// Demo records of a new demo tenant (seam::Module::seed_demo).
#include "audit/service.hpp"
#include "seam/module.hpp"

namespace simpul::audit {

void seed_audit_demo(Service& service, tenancy::Service& tenancy, const seam::DemoTenant& tenant);

}  // namespace simpul::audit
