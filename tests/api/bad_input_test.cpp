// Every kind of bad input gets a catalogue 4xx and writes nothing, on both databases.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

class BadInputTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

namespace {

struct Snapshot {
  std::int64_t ledger, agencies, users;
  bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(Instance& in) {
  return storage::read(in.db(), [](storage::Connection& c) {
    return Snapshot{c.query("SELECT COUNT(*) FROM ledger_entries")[0].int_at(0),
                    c.query("SELECT COUNT(*) FROM agencies")[0].int_at(0),
                    c.query("SELECT COUNT(*) FROM users")[0].int_at(0)};
  });
}

}  // namespace

TEST_P(BadInputTest, MalformedBodiesAreRefusedAndChangeNothing) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto before = snapshot(in);
  struct Case {
    std::string path, body, code;
  };
  std::string long_name(201, 'a');
  std::vector<Case> cases = {
      {"/api/agencies", "{\"code\":", "request.malformed_json"},
      {"/api/agencies", "[]", "request.malformed_json"},
      {"/api/agencies", "\"just text\"", "request.malformed_json"},
      {"/api/agencies", R"({"code":"A","name":"B","type":"dinas_daerah","type":"x"} trailing)",
       "request.malformed_json"},
      {"/api/agencies", "{\"code\":\"A\",\"name\":\"\xff\xfe\",\"type\":\"dinas_daerah\"}", "request.invalid_utf8"},
      {"/api/agencies", R"({"code":1,"name":"B","type":"dinas_daerah"})", "validation.wrong_type"},
      {"/api/agencies", R"({"code":"A","name":["B"],"type":"dinas_daerah"})", "validation.wrong_type"},
      {"/api/agencies", R"({"code":"A","name":"B","type":"dinas_daerah","flags":"kominfo"})", "validation.wrong_type"},
      {"/api/agencies", R"({"name":"B","type":"dinas_daerah"})", "validation.missing_field"},
      {"/api/agencies", R"({"code":"A","name":"B","type":"dinas_daerah","is_admin":true})", "validation.unknown_field"},
      {"/api/agencies", R"({"code":"A","name":")" + long_name + R"(","type":"dinas_daerah"})", "validation.too_long"},
      {"/api/agencies", R"({"code":"A';DROP--","name":"B","type":"dinas_daerah"})", "validation.invalid_value"},
      {"/api/agencies", R"({"code":"A","name":"B","type":"dinas_daerah","flags":["superuser"]})",
       "validation.invalid_value"},
      {"/api/users", R"({"username":"a b","display_name":"x","password":"kata-sandi-panjang","roles":["viewer"]})",
       "validation.invalid_value"},
      {"/api/users", R"({"username":"pendek","display_name":"x","password":"pendek","roles":["viewer"]})",
       "auth.weak_password"},
      {"/api/users", R"({"username":"peran","display_name":"x","password":"kata-sandi-panjang","roles":["root"]})",
       "role.unknown"},
      {"/api/users",
       R"({"username":"agensi","display_name":"x","password":"kata-sandi-panjang","roles":["viewer"],"agency_id":"../../etc"})",
       "validation.invalid_value"},
      {"/api/auth/tokens", R"({"name":null})", "validation.missing_field"},
  };
  for (const auto& k : cases) {
    auto r = c.post(k.path, k.body);
    EXPECT_GE(r.status, 400) << k.body;
    EXPECT_LT(r.status, 500) << k.body;
    EXPECT_EQ(r.error_code(), k.code) << k.body << " → " << r.body;
    EXPECT_FALSE(r.json.at("error").at("message").as_string().empty());
  }
  auto wrong_media = c.send("POST", "/api/agencies", R"({"code":"A","name":"B","type":"dinas_daerah"})",
                            {{"content-type", "text/plain"}});
  EXPECT_EQ(wrong_media.status, 415);
  EXPECT_EQ(snapshot(in), before);
}

TEST_P(BadInputTest, SqlMetacharactersAreStoredAsPlainText) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  std::string hostile = "Dinas'); DELETE FROM agencies; -- \\\" % _";
  auto r = c.post("/api/agencies",
                  R"({"code":"AMAN","name":"Dinas'); DELETE FROM agencies; -- \\\" % _","type":"dinas_daerah"})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json.at("name").as_string(), hostile);
  // LIKE wildcards in a search are literal: '%' matches only names containing '%'.
  EXPECT_EQ(c.get("/api/agencies?q=%25").json.at("total").as_int64(), 1);
  EXPECT_EQ(c.get("/api/agencies?q=_").json.at("total").as_int64(), 1);
  EXPECT_GT(c.get("/api/agencies").json.at("total").as_int64(), 20);
}

TEST_P(BadInputTest, HostileIdsAndQueriesAreRefusedEarly) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  for (std::string id : {"..", "1' OR '1'='1", "%00", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    EXPECT_EQ(c.get("/api/agencies/" + id).error_code(), "request.invalid_id") << id;
  EXPECT_EQ(c.get("/api/agencies?sort=name;DROP").error_code(), "request.invalid_query");
  EXPECT_EQ(c.get("/api/agencies?page=-1").error_code(), "request.invalid_query");
  EXPECT_EQ(c.get("/api/agencies?per_page=100000").error_code(), "request.invalid_query");
  EXPECT_EQ(c.get("/api/nothing-here").error_code(), "route.not_found");
  EXPECT_EQ(c.send("PUT", "/api/agencies", "").error_code(), "route.method_not_allowed");
}

TEST_P(BadInputTest, ErrorsSpeakTheCallersLanguage) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto id = c.send("POST", "/api/agencies", "{", {{"accept-language", "id-ID"}});
  auto en = c.send("POST", "/api/agencies", "{", {{"accept-language", "en-GB,en;q=0.8"}});
  EXPECT_EQ(id.json.at("error").at("message").as_string(), "Isi permintaan bukan JSON yang sah.");
  EXPECT_EQ(en.json.at("error").at("message").as_string(), "The request body is not valid JSON.");
  EXPECT_FALSE(en.json.at("error").at("request_id").as_string().empty());
}

INSTANTIATE_TEST_SUITE_P(Databases, BadInputTest, ::testing::ValuesIn(test_support::backends()));
