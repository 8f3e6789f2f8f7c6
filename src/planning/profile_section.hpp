#pragma once
// The `planning:` section of a regulation profile (tenancy/profile_sections.hpp).
#include "planning/model.hpp"
#include "tenancy/profile_sections.hpp"

namespace simpul::tenancy {
struct Profile;
}

namespace simpul::planning {

/// Registers the parser of `planning:`.
void add_profile_section(tenancy::ProfileSections& sections);
/// The tenant's planning section; an empty one when the profile has none.
const PlanningProfile& planning_profile(const tenancy::Profile& p);

}  // namespace simpul::planning
