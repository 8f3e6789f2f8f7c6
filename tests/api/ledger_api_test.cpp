// The ledger as users meet it: every change is there, and tampering is found.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

class LedgerApiTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

TEST_P(LedgerApiTest, ChangesAppearWithActorAndTheChainVerifies) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  ASSERT_EQ(
      c.post("/api/agencies", R"({"code":"DISPORA","name":"Dinas Pemuda dan Olahraga","type":"dinas_daerah"})").status,
      201);
  auto top = c.get("/api/ledger?per_page=1").json.at("items").at(0);
  EXPECT_EQ(top.at("action").as_string(), "agency.create");
  EXPECT_EQ(top.at("actor").at("name").as_string(), "Administrator SPBE");
  EXPECT_EQ(top.at("hash").as_string().size(), 64u);
  auto v = c.post("/api/ledger/verify", "");
  ASSERT_EQ(v.status, 200) << v.body;
  EXPECT_TRUE(v.json.at("ok").as_bool()) << v.body;
  EXPECT_EQ(v.json.at("entries_checked").as_int64(), ledger_size(in));
}

TEST_P(LedgerApiTest, AnEditedEntryIsPinpointed) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto target = c.get("/api/ledger?per_page=1&page=5").json.at("items").at(0).at("seq").as_int64();
  storage::write_transaction(in.db(), [&](storage::Connection& conn) {
    conn.execute("UPDATE ledger_entries SET actor_name = ? WHERE seq = ?", {"Orang Lain", target});
  });
  auto v = c.post("/api/ledger/verify", "");
  EXPECT_FALSE(v.json.at("ok").as_bool());
  EXPECT_EQ(v.json.at("first_problem").at("seq").as_int64(), target);
  EXPECT_EQ(v.json.at("first_problem").at("problem").as_string(), "edited");
}

TEST_P(LedgerApiTest, ADeletedEntryIsPinpointed) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto target = c.get("/api/ledger?per_page=1&page=7").json.at("items").at(0).at("seq").as_int64();
  storage::write_transaction(
      in.db(), [&](storage::Connection& conn) { conn.execute("DELETE FROM ledger_entries WHERE seq = ?", {target}); });
  auto v = c.post("/api/ledger/verify", "");
  EXPECT_FALSE(v.json.at("ok").as_bool());
  EXPECT_EQ(v.json.at("first_problem").at("seq").as_int64(), target);
  EXPECT_EQ(v.json.at("first_problem").at("problem").as_string(), "deleted");
}

TEST_P(LedgerApiTest, AnEditedChangeIsPinpointedToo) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto target = c.get("/api/ledger?per_page=1&page=3").json.at("items").at(0).at("seq").as_int64();
  storage::write_transaction(in.db(), [&](storage::Connection& conn) {
    conn.execute("UPDATE ledger_entries SET details = ? WHERE seq = ?",
                 {R"({"after":{"name":"Diubah diam-diam"}})", target});
  });
  auto v = c.post("/api/ledger/verify", "");
  EXPECT_FALSE(v.json.at("ok").as_bool());
  EXPECT_EQ(v.json.at("first_problem").at("seq").as_int64(), target);
  EXPECT_EQ(v.json.at("first_problem").at("problem").as_string(), "edited");
}

TEST_P(LedgerApiTest, ATailCutWithItsCheckpointsAndHeadIsFoundThroughTheHighWaterMark) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  // Enough changes to pass a checkpoint after the demo's own entries.
  for (int i = 0; i < 120; ++i)
    ASSERT_EQ(c.post("/api/agencies", R"({"code":"UJI)" + std::to_string(i) + R"(","name":"Badan Uji )" +
                                          std::to_string(i) + R"(","type":"badan_daerah"})")
                  .status,
              201);
  auto total = ledger_size(in);
  auto keep = total - 110;
  // Someone with write access to the database only: cut the tail and everything that signed it,
  // and put back the head as it was at `keep`.
  storage::write_transaction(in.db(), [&](storage::Connection& conn) {
    auto hash = conn.query("SELECT hash FROM ledger_entries WHERE seq = ?", {keep})[0].text_at(0);
    conn.execute("DELETE FROM ledger_entries WHERE seq > ?", {keep});
    conn.execute("DELETE FROM ledger_checkpoints WHERE seq > ?", {keep});
    conn.execute("UPDATE ledger_head SET seq = ?, hash = ? WHERE id = 1", {keep, hash});
  });
  auto v = c.post("/api/ledger/verify", "");
  ASSERT_EQ(v.status, 200) << v.body;
  EXPECT_FALSE(v.json.at("ok").as_bool());
  EXPECT_EQ(v.json.at("first_problem").at("problem").as_string(), "deleted");
  EXPECT_EQ(v.json.at("first_problem").at("seq").as_int64(), keep + 1);
  EXPECT_GE(v.json.at("high_water_mark").at("seq").as_int64(), total - 1);
}

INSTANTIATE_TEST_SUITE_P(Databases, LedgerApiTest, ::testing::ValuesIn(test_support::backends()));
