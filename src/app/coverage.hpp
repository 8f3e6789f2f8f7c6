#pragma once
// docs/regulation-coverage.md, generated from the profiles: every rule, whether software enforces
// it (and where, and which test proves it, as each module says) or why not yet. `simpul coverage`
// prints it; a test keeps the committed file in step with the profiles.
#include <string>

namespace simpul::app {

class Platform;

/// Every module's coverage rows for every profile the platform loaded.
std::string coverage_markdown(const Platform& platform);

}  // namespace simpul::app
