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
  EXPECT_EQ(committed.str(), app::coverage_markdown(in.platform()))
      << "regenerate: build/simpul coverage > docs/regulation-coverage.md";
}

TEST(RegulationCoverage, ListsEveryRuleOfEveryRegion) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  auto md = app::coverage_markdown(in.platform());
  for (const auto& [id, p] : in.platform().profiles().all())
    for (const auto& r : p->rules) EXPECT_NE(md.find("| " + r.id + " | "), std::string::npos) << r.id;
}

TEST(RegulationCoverage, EveryProofDeclarationNamesARuleOfItsRegion) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  const auto& proofs = app::coverage_proofs();
  EXPECT_FALSE(proofs.empty()) << "the tests' SIMPUL_PROVES declarations were not collected";
  for (const auto& p : proofs) {
    const auto* profile = in.platform().profiles().find(p.region);
    ASSERT_NE(profile, nullptr) << p.file << ": " << p.test << " declares unknown region " << p.region;
    EXPECT_NE(profile->rule(p.rule), nullptr)
        << p.file << ": " << p.test << " declares " << p.rule << ", not a rule of " << p.region;
  }
}

TEST(RegulationCoverage, ARuleIsEnforcedOnlyWhereATestDeclaresItProvesIt) {
  crypto::use_minimum_password_cost_for_tests();
  api_test::Instance in("sqlite");
  auto md = app::coverage_markdown(in.platform());
  // Balikpapan Pasal 46 ayat (2) is proven by the sanctions test; a rule a module implements but no
  // test declares is shown as not proven and has no test named.
  EXPECT_NE(md.find("| BPN-46-2 | Pasal 46 ayat (2) |"), std::string::npos);
  auto row = md.substr(md.find("| BPN-46-2 | "));
  row = row.substr(0, row.find('\n'));
  EXPECT_NE(row.find("ApplicationsTest.BalikpapanSanctionsAreProposedAndGivenByTheOfficial"), std::string::npos) << row;
  EXPECT_EQ(md.find("implemented, not proven (no test declares it for this region): sanctions"), std::string::npos);
}
