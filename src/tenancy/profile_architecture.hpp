#pragma once
// Reads the profile's `architecture:` section (docs/profile-format.md).
#include "tenancy/profile_reader.hpp"

namespace simpul::tenancy {

ArchitectureSpec read_architecture(const Reader& r, const Profile& p, const YAML::Node& node);

}  // namespace simpul::tenancy
