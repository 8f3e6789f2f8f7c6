#pragma once
// Reads the profile's organisation: `roles:`, `teams:` with their positions, and `enumerations:`
// (docs/profile-format.md). Needs the rules read first: each may cite one.
#include "tenancy/profile_reader.hpp"

namespace simpul::tenancy {

void read_roles(const Reader& r, Profile& p, const YAML::Node& root);
void read_teams(const Reader& r, Profile& p, const YAML::Node& root);
/// Every enumeration; `agency_types` is required.
void read_enumerations(const Reader& r, Profile& p, const YAML::Node& root);

}  // namespace simpul::tenancy
