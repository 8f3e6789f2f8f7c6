// Walks the error catalogue: the codes a regulation causes are known (rule_driven_codes.hpp, checked
// on every answer of every API test by the harness), and every code worded as a refusal "by the
// regulation" is classified, so a new one cannot slip out without its rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "core/error.hpp"
#include "rule_driven_codes.hpp"

using namespace simpul;

namespace {

std::set<std::string> catalogue() {
  std::set<std::string> out;
  for (std::size_t i = 0; i < error_count(); ++i) out.emplace(error_code_string(error_at(i)));
  return out;
}

/// Worded as a regulatory refusal in either language.
bool regulatory_wording(ErrorCode code) {
  auto lower = [](std::string_view v) {
    std::string s(v);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
  };
  auto id = lower(error_message(code, Language::Indonesian)), en = lower(error_message(code, Language::English));
  return id.find("regulasi") != std::string::npos || id.find("ketentuan") != std::string::npos ||
         en.find("regulation") != std::string::npos || en.find("article") != std::string::npos;
}

/// Codes worded that way that are not refusals caused by one rule, each with the reason.
const std::set<std::string> kNotCausedByOneRule = {
    "profile.not_found",                     // no such regulation profile file
    "profile.invalid",                       // the profile file itself is wrong
    "agency.mandiri_tik_not_in_regulation",  // the region's regulation has no such role: nothing to cite
    "team.position_unknown",                 // the position is not in the regulation's team
    "team.position_full",                    // cites the position's article where the profile names one
    "architecture.period_invalid",           // cites the validity article where the profile names one
    "gateway.not_decider",              // cites the approver article where the region states one (not Bandar Lampung)
    "servicedesk.type_not_listed",      // cites the types article where the region lists types (not Bandar Lampung)
    "audit.not_in_regulation",          // the region states no such record (routing, coordination): nothing to cite
    "servicedesk.article_not_found",    // a knowledge base article, not an article of a regulation
    "servicedesk.ticket_not_resolved",  // a knowledge base article is written from a resolved ticket: no rule
};

}  // namespace

TEST(ErrorCatalogue, EveryRuleDrivenCodeIsACatalogueCode) {
  auto codes = catalogue();
  for (auto code : api_test::kRuleDrivenCodes)
    EXPECT_TRUE(codes.count(std::string(code))) << code << " is not in the catalogue";
}

TEST(ErrorCatalogue, EveryCodeWordedAsARegulatoryRefusalIsClassified) {
  std::set<std::string> driven;
  for (auto code : api_test::kRuleDrivenCodes) driven.emplace(code);
  for (std::size_t i = 0; i < error_count(); ++i) {
    auto code = error_at(i);
    if (!regulatory_wording(code)) continue;
    std::string id(error_code_string(code));
    EXPECT_TRUE(driven.count(id) || kNotCausedByOneRule.count(id))
        << id
        << " reads as a refusal by the regulation: add it to kRuleDrivenCodes (and cite the rule) or explain it here";
  }
}

TEST(ErrorCatalogue, OnlyTheRegionWithoutSanctionsMayRefuseToSanctionWithoutARule) {
  EXPECT_TRUE(api_test::rule_may_be_absent("compliance.not_sanctionable", false));
  EXPECT_FALSE(api_test::rule_may_be_absent("compliance.not_sanctionable", true));
  EXPECT_FALSE(api_test::rule_may_be_absent("application.gate_refused", false));
}
