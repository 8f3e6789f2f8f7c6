#pragma once
// docs/regulation-coverage.md, generated from the profiles: every rule, whether software enforces
// it (and where, and which test proves it) or why not yet. `simpul coverage` prints it; a test keeps
// the committed file in step with the profiles.
#include <string>

#include "tenancy/profile_loader.hpp"

namespace simpul::app {

std::string coverage_markdown(const tenancy::ProfileRegistry& profiles);

}  // namespace simpul::app
