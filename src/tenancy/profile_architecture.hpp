#pragma once
// Reads the profile's `architecture:` section (docs/profile-format.md).
#include "tenancy/profile_reader.hpp"

namespace simpul::tenancy {

/// One plan document's spec at `n` (`path` ends with '.'): instrument, validity, drafter, review,
/// domain coordinators, and for a roadmap its categories and monitoring. The architecture module
/// reads the further document kinds of `architecture.kinds` with it.
PlanDocumentSpec read_plan_document(const Reader& r, const Profile& p, const YAML::Node& n, const std::string& path,
                                    bool roadmap);

ArchitectureSpec read_architecture(const Reader& r, const Profile& p, const YAML::Node& node);

}  // namespace simpul::tenancy
