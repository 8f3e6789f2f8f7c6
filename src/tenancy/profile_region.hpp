#pragma once
// Reads the profile's opening fields: schema, id, version, `region:`, `regulation:`, `domain:`
// and `email_domain:` (docs/profile-format.md).
#include <filesystem>

#include "tenancy/profile_reader.hpp"

namespace simpul::tenancy {

/// Fills the profile's identity, region and regulation; `file` names what `id` must equal.
void read_region_and_regulation(const Reader& r, Profile& p, const YAML::Node& root, const std::filesystem::path& file);

/// `domain:` and `email_domain:`; their rule references are checked once the rules are read.
void read_domains(const Reader& r, Profile& p, const YAML::Node& root);

}  // namespace simpul::tenancy
