// docs/regulation-coverage.md must say what the profiles and the modules say today.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api_harness.hpp"
#include "app/coverage.hpp"
#include "core/crypto.hpp"

using namespace simpul;

TEST(RegulationCoverage, CommittedDocumentMatchesTheProfiles) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  std::ifstream file(std::filesystem::path(SIMPUL_SOURCE_DIR) / "docs" / "regulation-coverage.md");
  std::stringstream committed;
  committed << file.rdbuf();
  EXPECT_EQ(committed.str(), app::coverage_markdown(in.platform())) << "regenerate: build/simpul coverage > docs/regulation-coverage.md";
}

TEST(RegulationCoverage, ListsEveryRuleOfEveryRegion) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  auto md = app::coverage_markdown(in.platform());
  for (const auto& [id, p] : in.platform().profiles().all())
    for (const auto& r : p->rules) EXPECT_NE(md.find("| " + r.id + " | "), std::string::npos) << r.id;
}
