// Issue 20 item 14: every demo role can be tried with the one printed colleague password, and no two
// demo users of a region share a name (a reviewer and an assessor called the same confuse the
// activity feed and the Jejak Audit).
#include <gtest/gtest.h>

#include <set>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class DemoAccountsTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

}  // namespace

TEST_P(DemoAccountsTest, NoTwoDemoUsersOfARegionShareADisplayName) {
  for (const char* region : {"balikpapan", "bontang", "bandar-lampung", "lampung-timur", "madiun"}) {
    Instance in(GetParam());  // the first tenant of an instance is the full demo
    auto admin = admin_client(in, region);
    auto users = admin.get("/api/users?per_page=100");
    ASSERT_EQ(users.status, 200) << users.body;
    std::set<std::string> names;
    for (const auto& u : users.json.at("items").as_array())
      EXPECT_TRUE(names.insert(text_of(u, "display_name")).second) << region << ": " << text_of(u, "display_name");
    EXPECT_GE(names.size(), 5u) << region;  // the demo's colleagues, one per role
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, DemoAccountsTest, ::testing::ValuesIn(test_support::backends()));
