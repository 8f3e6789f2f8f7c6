#pragma once
// The `servicedesk:` section of a regulation profile (docs/service-desk.md, "Profile").
#include "servicedesk/model.hpp"
#include "tenancy/profile_sections.hpp"

namespace simpul::tenancy {
struct Profile;
}

namespace simpul::servicedesk {

/// Registers the parser of `servicedesk:`.
void add_profile_section(tenancy::ProfileSections& sections);
/// The tenant's rules: the profile's section, or one untiered desk per PD with the defaults.
const DeskRules& rules_of(const tenancy::Profile& p);

}  // namespace simpul::servicedesk
