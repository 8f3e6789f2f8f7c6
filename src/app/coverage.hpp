#pragma once
// docs/regulation-coverage.md, generated from the profiles: every rule, whether software enforces
// it (how, as each module says; which tests prove it, as the tests declare) or why not yet. `simpul coverage`
// prints it; a test keeps the committed file in step with the profiles.
#include <string>
#include <vector>

namespace simpul::app {

class Platform;

/// One SIMPUL_PROVES declaration of a test (src/testing/proves.hpp), collected at configure time.
struct Proof {
  const char* region;
  const char* rule;
  const char* test;
  const char* file;
};

/// Every declaration in the test sources.
const std::vector<Proof>& coverage_proofs();

/// Every module's coverage rows for every profile the platform loaded.
std::string coverage_markdown(const Platform& platform);

}  // namespace simpul::app
