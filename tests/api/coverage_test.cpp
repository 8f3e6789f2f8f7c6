// docs/regulation-coverage.md must say what the profiles and the code say today.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/coverage.hpp"

TEST(RegulationCoverage, CommittedDocumentMatchesTheProfiles) {
  auto profiles = simpul::tenancy::ProfileRegistry::load_directory(std::filesystem::path(SIMPUL_SOURCE_DIR) / "profiles");
  std::ifstream in(std::filesystem::path(SIMPUL_SOURCE_DIR) / "docs" / "regulation-coverage.md");
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), simpul::app::coverage_markdown(profiles))
      << "regenerate: build/simpul coverage > docs/regulation-coverage.md";
}

TEST(RegulationCoverage, ListsEveryRuleOfEveryRegion) {
  auto profiles = simpul::tenancy::ProfileRegistry::load_directory(std::filesystem::path(SIMPUL_SOURCE_DIR) / "profiles");
  auto md = simpul::app::coverage_markdown(profiles);
  for (const auto& [id, p] : profiles.all())
    for (const auto& r : p->rules) EXPECT_NE(md.find("| " + r.id + " | "), std::string::npos) << r.id;
}
