#pragma once
// `simpul check --tenant T [--json] [--severity S]`: evaluate, print the open findings, and exit
// non-zero when one at or above the severity exists (for scripts and CI of a Pemda).
#include <ostream>
#include <string>

#include "app/platform.hpp"

namespace simpul::app {

/// Returns the process exit code: 1 when an open finding at or above `min_severity` exists.
int run_check(Platform& platform, const std::string& tenant_slug, bool json, const std::string& min_severity,
              std::ostream& out);

}  // namespace simpul::app
