#pragma once
// The `audit:` section of a regulation profile (tenancy/profile_sections.hpp).
#include "audit/model.hpp"
#include "tenancy/profile_sections.hpp"

namespace simpul::tenancy {
struct Profile;
}

namespace simpul::audit {

/// Registers the parser of `audit:`.
void add_profile_section(tenancy::ProfileSections& sections);
/// The tenant's audit section; an empty one when the profile has none.
const AuditProfile& audit_profile(const tenancy::Profile& p);

}  // namespace simpul::audit
