#pragma once
// Demo records of a new demo tenant (seam::Module::seed_demo): an open budget cycle of next year
// with the Pemda's standard unit prices, three PDs' proposals (two submitted) serving the
// architecture and the roadmap, and one duplicate candidate for the planning PD to review.
#include "architecture/roadmap.hpp"
#include "architecture/service.hpp"
#include "planning/service.hpp"
#include "seam/module.hpp"
#include "tenancy/service.hpp"

namespace simpul::planning {

void seed_planning_demo(Service& service, const tenancy::Service& tenancy, architecture::Service& elements,
                        architecture::Roadmap& roadmap, const seam::DemoTenant& tenant);

}  // namespace simpul::planning
