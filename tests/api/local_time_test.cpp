// The Pemda's own clock (issue 20, items 4 and 5): a tenant has a time zone from its region (WIB,
// WITA, WIT) that /api/auth/me tells the console, every "today" and every printed date of an export
// is in it, and a finding whose article states no period gets the Pemda's grace period, marked as
// the Pemda's choice rather than the article's. On both databases.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "interchange/xlsx.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class LocalTimeTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string plus_days(const std::string& date, int days) {
  return clock::to_iso(*clock::parse_iso(date + "T00:00:00Z") + std::chrono::hours(24 * days)).substr(0, 10);
}

}  // namespace

TEST_P(LocalTimeTest, EachTenantKnowsItsTimeZoneFromItsRegion) {
  Instance in(GetParam());
  for (auto [profile, zone, iana, offset] : {std::tuple{"balikpapan", "WITA", "Asia/Makassar", 8},
                                             {"bontang", "WITA", "Asia/Makassar", 8},
                                             {"madiun", "WIB", "Asia/Jakarta", 7},
                                             {"bandar-lampung", "WIB", "Asia/Jakarta", 7},
                                             {"lampung-timur", "WIB", "Asia/Jakarta", 7}}) {
    auto admin = admin_client(in, profile);
    auto tz = admin.get("/api/auth/me").json.at("tenant").at("time_zone");
    EXPECT_EQ(text_of(tz, "id"), zone) << profile;
    EXPECT_EQ(text_of(tz, "iana"), iana) << profile;
    EXPECT_EQ(tz.at("utc_offset_hours").to_number<int>(), offset) << profile;
    EXPECT_EQ(text_of(tz, "today"), clock::local_date(clock::now(), offset)) << profile;
  }
}

TEST_P(LocalTimeTest, TheEvaluationExportPrintsLocalTimeNotUtc) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto period = admin.post("/api/evaluation/periods", R"({"year":2025})");
  ASSERT_EQ(period.status, 201);
  auto xlsx = admin.get("/api/evaluation/periods/" + text_of(period.json, "id") + "/export");
  ASSERT_EQ(xlsx.status, 200);
  auto sheets = interchange::read_xlsx(xlsx.body);
  std::string made;
  for (const auto& sheet : sheets)
    for (const auto& row : sheet.rows)
      if (row.size() >= 2 && row[0] == "Dibuat") made = row[1];
  ASSERT_FALSE(made.empty());
  EXPECT_EQ(made.size() - made.rfind(" WITA"), 5u) << made;  // "5 Desember 2026 07.39 WITA"
  EXPECT_EQ(made.find('Z'), std::string::npos) << made;
}

TEST_P(LocalTimeTest, AFindingWithoutAPeriodInItsArticleGetsThePemdasGracePeriod) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto tenant = admin.get("/api/auth/me").json.at("tenant");
  auto today = text_of(tenant.at("time_zone"), "today");
  EXPECT_EQ(tenant.at("grace_period_days").at("days").to_number<int>(), 30);
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  auto findings = admin.get("/api/compliance/findings?per_page=100").json.at("items").as_array();
  int pemda = 0;
  for (const auto& f : findings) {
    if (text_of(f, "due_basis") != "pemda") continue;
    ++pemda;
    EXPECT_EQ(text_of(f, "due"), plus_days(today, 30)) << text_of(f.at("rule"), "id");
    EXPECT_FALSE(f.at("overdue").as_bool());
  }
  EXPECT_GT(pemda, 0) << "the demo tenant has findings whose article states no period";
}

INSTANTIATE_TEST_SUITE_P(Databases, LocalTimeTest, ::testing::ValuesIn(test_support::backends()));
