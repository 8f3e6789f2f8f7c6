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
/// The agency flag that marks the PD holding a role of the profile ("planning" for the role
/// planning, ...); the role id itself when the role has none.
std::string agency_flag_of_role(const tenancy::Profile& p, const std::string& role);
/// The role's name as the profile states it.
std::string role_label(const tenancy::Profile& p, const std::string& role);

}  // namespace simpul::planning
