#pragma once
// Reads the profile's `gateway:` section (docs/profile-format.md, docs/gateway.md "Control plane").
#include "tenancy/profile_reader.hpp"

namespace simpul::tenancy {

GatewaySpec read_gateway(const Reader& r, const Profile& p, const YAML::Node& n);

}  // namespace simpul::tenancy
