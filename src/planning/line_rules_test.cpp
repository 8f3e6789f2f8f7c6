// The pure checks of a budget line: account codes, Rupiah as spreadsheets write it, overflow,
// reserved classes.
#include <gtest/gtest.h>

#include <limits>

#include "planning/line_rules.hpp"

using namespace simpul::planning;

TEST(PlanningLineRules, AccountCodesFollowTheirPattern) {
  EXPECT_TRUE(valid_account_code("5.2.2.10"));
  EXPECT_TRUE(valid_account_code("5.1.02.01.01.0024"));
  EXPECT_FALSE(valid_account_code("5.2"));
  EXPECT_FALSE(valid_account_code("4.1.02.01"));
  EXPECT_FALSE(valid_account_code("5.1..02"));
  EXPECT_FALSE(valid_account_code("5.1.02.x"));
  EXPECT_FALSE(valid_account_code("5.1.02.01.01.00245"));
  EXPECT_FALSE(valid_account_code("5.1.02."));
}

TEST(PlanningLineRules, RupiahAsSpreadsheetsWriteIt) {
  EXPECT_EQ(parse_rupiah("1.250.000"), 1250000);
  EXPECT_EQ(parse_rupiah("Rp 1.250.000"), 1250000);
  EXPECT_EQ(parse_rupiah("Rp1.250.000,00"), 1250000);
  EXPECT_EQ(parse_rupiah("Rp. 15.000"), 15000);
  EXPECT_EQ(parse_rupiah(" 750000 "), 750000);
  EXPECT_EQ(parse_rupiah("1.250.000,50"), std::nullopt);  // no fractions of a Rupiah
  EXPECT_EQ(parse_rupiah("1.25.000"), std::nullopt);
  EXPECT_EQ(parse_rupiah("-5000"), std::nullopt);
  EXPECT_EQ(parse_rupiah("=A1*2"), std::nullopt);
  EXPECT_EQ(parse_rupiah("1234567890123456"), std::nullopt);
  EXPECT_EQ(parse_rupiah(""), std::nullopt);
}

TEST(PlanningLineRules, ProductsThatDoNotFitAreRefused) {
  EXPECT_EQ(checked_product(24, 1250000), 30000000);
  EXPECT_EQ(checked_product(std::numeric_limits<std::int64_t>::max() / 2, 3), std::nullopt);
}

TEST(PlanningLineRules, ReservedClassesMatchWholeWordsAndPrefixes) {
  PlanningProfile p;
  p.reserved.push_back({"internet", "belanja internet", std::nullopt, "diskominfo", {}, {}, {"internet"}});
  p.reserved.push_back(
      {"pusat_data", "pembangunan pusat data", std::nullopt, "diskominfo", {"5.2.3.99"}, {"SSH.PD"}, {"pusat data"}});
  EXPECT_EQ(classify(p, "5.1.02.01", "", "Langganan Internet kantor", "")->id, "internet");
  EXPECT_EQ(classify(p, "5.1.02.01", "", "Internetwork switch", ""), nullptr);
  EXPECT_EQ(classify(p, "5.1.02.01", "", "Renovasi ruang", "untuk Pusat-Data dinas")->id, "pusat_data");
  EXPECT_EQ(classify(p, "5.2.3.99.01", "", "Renovasi", "")->id, "pusat_data");
  EXPECT_EQ(classify(p, "5.1.02.01", "SSH.PD.01", "Rak", "")->id, "pusat_data");
  EXPECT_EQ(classify(p, "5.1.02.01", "", "Laptop", "Core i5"), nullptr);
}
