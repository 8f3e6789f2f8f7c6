// Sign-in, sessions, CSRF, API tokens, throttling and role scoping, on both databases.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

class AuthTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

TEST_P(AuthTest, AdminSignsInAndSeesTenantAndPermissions) {
  Instance in(GetParam());
  auto password = in.add_demo_tenant("balikpapan");
  Client c(in);
  auto r = c.login("", "admin", password);  // the only tenant may be omitted
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.header("Set-Cookie").find("HttpOnly; SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.header("Set-Cookie").find("Secure"), std::string::npos);  // plain HTTP on loopback
  auto me = c.get("/api/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json.at("tenant").at("regulation").at("label").as_string(), "Peraturan Wali Kota Nomor 31 Tahun 2020");
  EXPECT_EQ(me.json.at("csrf_token").as_string(), c.csrf);
  auto perms = json_text(me.json.at("user").at("permissions"));
  EXPECT_NE(perms.find("agency.write"), std::string::npos);
}

TEST_P(AuthTest, SecureCookieBehindTls) {
  Instance in(GetParam());
  auto password = in.add_demo_tenant("balikpapan");
  Client c(in);
  auto r = c.send("POST", "/api/auth/login", R"({"username":"admin","password":")" + password + "\"}",
                  {{"x-forwarded-proto", "https"}});
  EXPECT_NE(r.header("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_P(AuthTest, WrongPasswordUnknownUserAndUnknownTenantLookAlike) {
  Instance in(GetParam());
  auto password = in.add_demo_tenant("balikpapan");
  Client c(in);
  EXPECT_EQ(c.login("balikpapan", "admin", "salah-sekali-123").error_code(), "auth.invalid_credentials");
  EXPECT_EQ(c.login("balikpapan", "nobody", password).error_code(), "auth.invalid_credentials");
  EXPECT_EQ(c.login("atlantis", "admin", password).error_code(), "auth.invalid_credentials");
  EXPECT_TRUE(c.cookie.empty());
}

TEST_P(AuthTest, RepeatedFailuresAreThrottled) {
  Instance in(GetParam());
  auto password = in.add_demo_tenant("balikpapan");
  Client c(in);
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(c.login("balikpapan", "admin", "wrong-password-" + std::to_string(i)).status, 401);
  auto r = c.login("balikpapan", "admin", password);  // even the right password waits now
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.error_code(), "auth.too_many_attempts");
}

TEST_P(AuthTest, WritesWithASessionNeedTheCsrfTokenAndChangeNothingWithout) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto before = ledger_size(in);
  c.send_csrf = false;
  auto r = c.post("/api/agencies", R"({"code":"BARU","name":"Badan Baru","type":"badan_daerah"})");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.error_code(), "auth.csrf_failed");
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(c.get("/api/agencies?q=BARU").json.at("total").as_int64(), 0);
}

TEST_P(AuthTest, ForgedAndExpiredSessionsAreRefused) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  Client forged(in);
  forged.cookie = "simpul_session=" + crypto::random_token(32);
  EXPECT_EQ(forged.get("/api/agencies").error_code(), "auth.session_expired");
  // Expire the real session in the database: the next request is refused and the session removed.
  storage::write_transaction(in.db(), [](storage::Connection& conn) {
    conn.execute("UPDATE sessions SET expires_at = ?", {"2000-01-01T00:00:00Z"});
  });
  EXPECT_EQ(c.get("/api/agencies").error_code(), "auth.session_expired");
  EXPECT_EQ(
      storage::read(in.db(), [](storage::Connection& conn) { return conn.query("SELECT COUNT(*) FROM sessions"); })[0]
          .int_at(0),
      0);
}

TEST_P(AuthTest, LogoutEndsTheSession) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  EXPECT_EQ(c.post("/api/auth/logout", "").status, 204);
  EXPECT_EQ(c.get("/api/auth/me").status, 401);
}

TEST_P(AuthTest, ApiTokensAreShownOnceWorkWithoutCsrfAndCanBeRevoked) {
  Instance in(GetParam());
  auto c = admin_client(in, "balikpapan");
  auto t = c.post("/api/auth/tokens", R"({"name":"sinkronisasi SIPD"})");
  ASSERT_EQ(t.status, 201);
  std::string token(t.json.at("token").as_string());
  auto listed = c.get("/api/auth/tokens");
  EXPECT_EQ(json_text(listed.json).find(token), std::string::npos);  // never shown again
  auto stored =
      storage::read(in.db(), [](storage::Connection& conn) { return conn.query("SELECT token_hash FROM api_tokens"); });
  EXPECT_EQ(stored[0].text_at(0), crypto::sha256_hex(token));  // stored hashed only

  Client machine(in);
  machine.bearer = token;
  EXPECT_EQ(machine.get("/api/agencies").status, 200);
  EXPECT_EQ(machine.post("/api/agencies", R"({"code":"MESIN","name":"Dibuat Mesin","type":"badan_daerah"})").status,
            201);
  EXPECT_EQ(c.del("/api/auth/tokens/" + std::string(t.json.at("id").as_string())).status, 204);
  EXPECT_EQ(machine.get("/api/agencies").error_code(), "auth.invalid_token");
  Client forged(in);
  forged.bearer = "smp_" + crypto::random_token(32);
  EXPECT_EQ(forged.get("/api/agencies").error_code(), "auth.invalid_token");
}

TEST_P(AuthTest, RolesAreDenyByDefaultAndAgencyScoped) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto agencies = admin.get("/api/agencies?per_page=200").json.at("items").as_array();
  std::string own, other;
  for (const auto& a : agencies) {
    if (a.at("code").as_string() == "DISKES" || a.at("code").as_string() == "DINKES")
      own = std::string(a.at("id").as_string());
    else if (other.empty())
      other = std::string(a.at("id").as_string());
  }
  if (own.empty()) own = std::string(agencies[1].at("id").as_string());
  auto create = [&](const std::string& username, const std::string& role, const std::string& agency) {
    auto r = admin.post("/api/users", R"({"must_change_password":false,"username":")" + username +
                                          R"(","display_name":"Uji )" + username +
                                          R"(","password":"kata-sandi-panjang","roles":[")" + role +
                                          R"("],"agency_id":")" + agency + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
  };
  create("operator.uji", "agency_operator", own);
  create("pembaca.uji", "viewer", own);
  Client op(in);
  ASSERT_EQ(op.login("balikpapan", "operator.uji", "kata-sandi-panjang").status, 200);
  EXPECT_EQ(op.patch("/api/agencies/" + own, R"({"head_title":"Kepala Dinas"})").status, 200);
  EXPECT_EQ(op.patch("/api/agencies/" + other, R"({"head_title":"Kepala"})").error_code(), "auth.forbidden");
  EXPECT_EQ(op.patch("/api/agencies/" + own, R"({"flags":["kominfo"]})").error_code(), "auth.forbidden");
  EXPECT_EQ(op.post("/api/users",
                    R"({"username":"x","display_name":"x","password":"kata-sandi-panjang","roles":["tenant_admin"]})")
                .status,
            403);
  EXPECT_EQ(op.del("/api/agencies/" + own).status, 403);
  Client viewer(in);
  ASSERT_EQ(viewer.login("balikpapan", "pembaca.uji", "kata-sandi-panjang").status, 200);
  EXPECT_EQ(viewer.get("/api/ledger").error_code(), "auth.forbidden");
  EXPECT_EQ(viewer.get("/api/agencies").status, 200);
}

TEST_P(AuthTest, DisablingAUserEndsTheirSessions) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto u = admin.post(
      "/api/users",
      R"({"username":"akan.nonaktif","display_name":"Akan Nonaktif","password":"kata-sandi-panjang","roles":["viewer"]})");
  ASSERT_EQ(u.status, 201);
  Client user(in);
  ASSERT_EQ(user.login("balikpapan", "akan.nonaktif", "kata-sandi-panjang").status, 200);
  EXPECT_EQ(admin.patch("/api/users/" + std::string(u.json.at("id").as_string()), R"({"active":false})").status, 200);
  EXPECT_EQ(user.get("/api/agencies").status, 401);
  EXPECT_EQ(user.login("balikpapan", "akan.nonaktif", "kata-sandi-panjang").error_code(), "auth.account_disabled");
}

TEST_P(AuthTest, TenantsAreIsolated) {
  Instance in(GetParam());
  auto bpn = admin_client(in, "balikpapan");
  auto btg = admin_client(in, "bontang");
  auto created =
      btg.post("/api/agencies", R"({"code":"RAHASIA","name":"Badan Rahasia Bontang","type":"badan_daerah"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string id(created.json.at("id").as_string());
  EXPECT_EQ(bpn.get("/api/agencies/" + id).status, 404);
  EXPECT_EQ(bpn.patch("/api/agencies/" + id, R"({"name":"diambil alih"})").status, 404);
  EXPECT_EQ(bpn.del("/api/agencies/" + id).status, 404);
  EXPECT_EQ(bpn.get("/api/agencies?q=RAHASIA").json.at("total").as_int64(), 0);
  auto ledger = bpn.get("/api/ledger?per_page=200");
  for (const auto& e : ledger.json.at("items").as_array()) EXPECT_NE(e.at("object_id").as_string(), id);
}

INSTANTIATE_TEST_SUITE_P(Databases, AuthTest, ::testing::ValuesIn(test_support::backends()));
