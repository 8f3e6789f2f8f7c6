#pragma once
// Reads the profile's `rules:` and `chapters:` (docs/profile-format.md). Rules are read before any
// other section that cites them, so every rule reference can be checked as it is read.
#include "tenancy/profile_reader.hpp"

namespace simpul::tenancy {

/// Fills p.rules and p.chapters; every rule must start with the profile's prefix and sit in a
/// chapter of the file.
void read_rules_and_chapters(const Reader& r, Profile& p, const YAML::Node& root);

}  // namespace simpul::tenancy
