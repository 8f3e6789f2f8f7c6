// Who may give whom power, tokens that can be killed, sign-in throttling that spares the innocent
// (issue 21 items 1, 2, 7), on both databases.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class AccountSecurityTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string id_of(const Reply& r) { return std::string(r.json.at("id").as_string()); }

std::int64_t ledger_count(Instance& in, const std::string& action) {
  return storage::read(in.db(), [&](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM ledger_entries WHERE action = ?", {action})[0].int_at(0);
  });
}

std::string me_id(Client& c) { return std::string(c.get("/api/auth/me").json.at("user").at("id").as_string()); }

}  // namespace

TEST_P(AccountSecurityTest, AnAdministratorCannotGrantThemselvesTheApproversPowers) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto before = ledger_size(in);
  auto self = admin.patch("/api/users/" + me_id(admin), R"({"roles":["tenant_admin","approver"]})");
  EXPECT_EQ(self.status, 403) << self.body;
  EXPECT_EQ(self.error_code(), "role.self_grant");
  EXPECT_EQ(ledger_size(in), before);
  auto me = admin.get("/api/auth/me");
  EXPECT_EQ(json_text(me.json.at("user").at("roles")), R"(["tenant_admin"])");
  // Nor through a second account it controls: administrator and approver never share one account.
  auto both = admin.post("/api/users", R"({"username":"boneka","display_name":"Boneka","password":"kata-sandi-panjang","roles":["tenant_admin","approver"]})");
  EXPECT_EQ(both.error_code(), "role.conflict");
  EXPECT_EQ(ledger_size(in), before);
}

TEST_P(AccountSecurityTest, ApproverPowersWaitForAnotherApproverAndTheLedgerSaysWhoGrantedWhat) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  // The demo's Sekda is in office; a second approver needs the Sekda's confirmation.
  auto created = admin.post("/api/users", R"({"must_change_password":false,"username":"asisten.sekda","display_name":"Asisten Sekda","password":"kata-sandi-panjang","roles":["approver"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json_text(created.json.at("roles")), R"(["viewer"])");  // reads until confirmed
  EXPECT_EQ(json_text(created.json.at("pending_roles")), R"(["approver"])");
  Client asisten(in);
  ASSERT_EQ(asisten.login("balikpapan", "asisten.sekda", "kata-sandi-panjang").status, 200);
  EXPECT_EQ(asisten.get("/api/auth/me").json.at("user").at("permissions").as_array().size(),
            admin.get("/api/roles").json.as_array().back().at("permissions").as_array().size());  // viewer's only

  auto grants = admin.get("/api/role-grants?state=pending");
  ASSERT_EQ(grants.status, 200);
  ASSERT_EQ(grants.json.at("items").as_array().size(), 1u);
  auto grant = std::string(grants.json.at("items").at(0).at("id").as_string());
  EXPECT_FALSE(grants.json.at("items").at(0).at("can_decide").as_bool());
  // Neither the requester nor the beneficiary decides it.
  EXPECT_EQ(admin.post("/api/role-grants/" + grant + "/confirm", "").error_code(), "role_grant.not_allowed");
  EXPECT_EQ(asisten.post("/api/role-grants/" + grant + "/confirm", "").error_code(), "role_grant.not_allowed");

  Client sekda(in);
  ASSERT_EQ(sekda.login("balikpapan", "sekda", in.demo_colleague_password()).status, 200);
  EXPECT_TRUE(sekda.get("/api/role-grants?state=pending").json.at("items").at(0).at("can_decide").as_bool());
  auto confirmed = sekda.post("/api/role-grants/" + grant + "/confirm", R"({"note":"Sesuai Keputusan Wali Kota 100.3/12/2026"})");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.json.at("state").as_string(), "confirmed");
  EXPECT_EQ(sekda.post("/api/role-grants/" + grant + "/refuse", "").error_code(), "role_grant.decided");
  auto roles = asisten.get("/api/auth/me").json.at("user").at("roles");
  EXPECT_EQ(json_text(roles), R"(["approver"])");
  EXPECT_EQ(ledger_count(in, "role_grant.request"), 1);
  EXPECT_EQ(ledger_count(in, "role_grant.confirm"), 1);
  auto entry = admin.get("/api/ledger?q=role_grant.confirm").json.at("items").at(0);
  EXPECT_EQ(entry.at("actor").at("name").as_string(), "Hendra Wijaya (demo)");

  // The administrator cannot take over an approver by setting its password either.
  auto taken = admin.patch("/api/users/" + id_of(created), R"({"password":"kata-sandi-baru-sekali"})");
  EXPECT_EQ(taken.error_code(), "user.protected_account");
  EXPECT_EQ(asisten.get("/api/auth/me").status, 200);
}

TEST_P(AccountSecurityTest, TheFirstApproverOfATenantIsSeatedDirectlyAndARefusalChangesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  admin_client(in, "bontang");  // a second tenant with no approver yet
  Client btg(in);
  auto pw = in.platform().tenancy().tenant_by_slug("bontang");
  ASSERT_TRUE(pw);
  // Bontang has no approver: nobody could confirm, so the first is seated at once (and logged).
  auto bontang_admin_pw = app::add_user_cli(in.platform(), "bontang", "admin2", "Admin Dua", {"tenant_admin"}, "", "");
  ASSERT_EQ(btg.login("bontang", "admin2", bontang_admin_pw).status, 200);
  auto first = btg.post("/api/users", R"({"must_change_password":false,"username":"sekda.btg","display_name":"Sekda Bontang","password":"kata-sandi-panjang","roles":["approver"]})");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(json_text(first.json.at("roles")), R"(["approver"])");
  // Balikpapan: refused by the Sekda, nothing granted.
  auto created = admin.post("/api/users", R"({"must_change_password":false,"username":"calon","display_name":"Calon","password":"kata-sandi-panjang","roles":["approver"]})");
  auto grant = std::string(admin.get("/api/role-grants?state=pending").json.at("items").at(0).at("id").as_string());
  Client sekda(in);
  ASSERT_EQ(sekda.login("balikpapan", "sekda", in.demo_colleague_password()).status, 200);
  auto refused = sekda.post("/api/role-grants/" + grant + "/refuse", R"({"note":"Belum ada keputusan pengangkatan"})");
  ASSERT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(json_text(admin.get("/api/users/" + id_of(created)).json.at("roles")), R"(["viewer"])");
  // Another tenant's grant is not found, not decided.
  Client sekda_btg(in);
  ASSERT_EQ(sekda_btg.login("bontang", "sekda.btg", "kata-sandi-panjang").status, 200);
  EXPECT_EQ(sekda_btg.post("/api/role-grants/" + grant + "/confirm", "").status, 404);
}

TEST_P(AccountSecurityTest, TokensExpireAndDieWithAPasswordChangeOrADisabledAccount) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto u = admin.post("/api/users", R"({"must_change_password":false,"username":"integrasi","display_name":"Akun Integrasi","password":"kata-sandi-panjang","roles":["viewer"]})");
  ASSERT_EQ(u.status, 201);
  Client owner(in);
  ASSERT_EQ(owner.login("balikpapan", "integrasi", "kata-sandi-panjang").status, 200);
  auto make_token = [&](const std::string& body) {
    auto t = owner.post("/api/auth/tokens", body);
    EXPECT_EQ(t.status, 201) << t.body;
    Client machine(in);
    machine.bearer = std::string(t.json.at("token").as_string());
    return std::make_pair(id_of(t), machine);
  };
  // Bounded by the tenant's maximum (90 days unless the administrator sets another).
  EXPECT_EQ(owner.post("/api/auth/tokens", R"({"name":"x","expires_in_days":400})").error_code(), "validation.invalid_value");
  auto [first_id, first] = make_token(R"({"name":"SIPD","expires_in_days":30})");
  EXPECT_EQ(first.get("/api/agencies").status, 200);

  // A password reset by the administrator revokes it.
  ASSERT_EQ(admin.patch("/api/users/" + id_of(u), R"({"password":"kata-sandi-baru-123","must_change_password":false})").status, 200);
  EXPECT_EQ(first.get("/api/agencies").error_code(), "auth.invalid_token");

  // Disabling the account revokes it for good: re-enabling brings nothing back.
  ASSERT_EQ(owner.login("balikpapan", "integrasi", "kata-sandi-baru-123").status, 200);
  auto [second_id, second] = make_token(R"({"name":"SIMDA"})");
  ASSERT_EQ(admin.patch("/api/users/" + id_of(u), R"({"active":false})").status, 200);
  ASSERT_EQ(admin.patch("/api/users/" + id_of(u), R"({"active":true})").status, 200);
  EXPECT_EQ(second.get("/api/agencies").error_code(), "auth.invalid_token");

  // An expired token is refused.
  ASSERT_EQ(owner.login("balikpapan", "integrasi", "kata-sandi-baru-123").status, 200);
  auto [third_id, third] = make_token(R"({"name":"Dasbor"})");
  storage::write_transaction(in.db(), [&, id = third_id](storage::Connection& c) {
    c.execute("UPDATE api_tokens SET expires_at = ? WHERE id = ?", {"2026-01-01T00:00:00Z", id});
  });
  EXPECT_EQ(third.get("/api/agencies").error_code(), "auth.invalid_token");

  // The user's own password change revokes too, and keeps their current session.
  auto [fourth_id, fourth] = make_token(R"({"name":"Laporan"})");
  EXPECT_EQ(owner.post("/api/auth/password", R"({"current_password":"salah-sekali-123","new_password":"kata-sandi-ketiga"})").error_code(),
            "auth.invalid_credentials");
  EXPECT_EQ(owner.post("/api/auth/password", R"({"current_password":"kata-sandi-baru-123","new_password":"kata-sandi-ketiga"})").status, 204);
  EXPECT_EQ(fourth.get("/api/agencies").error_code(), "auth.invalid_token");
  EXPECT_EQ(owner.get("/api/auth/me").status, 200);
  EXPECT_GE(ledger_count(in, "token.revoke"), 3);
}

TEST_P(AccountSecurityTest, AnAdministratorListsAndRevokesAnyTokenOfTheTenantOnly) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto other = admin_client(in, "bontang");
  auto operator_user = user(in, admin, "balikpapan", "operator.token", "viewer", "");
  auto t = operator_user.post("/api/auth/tokens", R"({"name":"Skrip lama"})");
  ASSERT_EQ(t.status, 201);
  Client machine(in);
  machine.bearer = std::string(t.json.at("token").as_string());
  auto listed = admin.get("/api/tokens");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(listed.json.at("items").at(0).at("owner").at("username").as_string(), "operator.token");
  EXPECT_EQ(json_text(listed.json).find(machine.bearer), std::string::npos);
  EXPECT_TRUE(other.get("/api/tokens").json.at("items").as_array().empty());
  EXPECT_EQ(other.del("/api/tokens/" + id_of(t)).status, 404);
  EXPECT_EQ(operator_user.get("/api/tokens").status, 403);
  EXPECT_EQ(machine.get("/api/agencies").status, 200);
  EXPECT_EQ(admin.del("/api/tokens/" + id_of(t)).status, 204);
  EXPECT_EQ(machine.get("/api/agencies").error_code(), "auth.invalid_token");
  auto entry = admin.get("/api/ledger?q=administrator").json.at("items").at(0);
  EXPECT_EQ(entry.at("action").as_string(), "token.revoke");
  // The tenant's maximum is the administrator's to lower (never above 365 days).
  EXPECT_EQ(admin.patch("/api/security-settings", R"({"token_max_days":400})").error_code(), "validation.invalid_value");
  EXPECT_EQ(admin.patch("/api/security-settings", R"({"token_max_days":7})").status, 200);
  EXPECT_EQ(operator_user.post("/api/auth/tokens", R"({"name":"x","expires_in_days":8})").error_code(), "validation.invalid_value");
}

TEST_P(AccountSecurityTest, SignInBackoffIsPerAccountAndAddressSaysWhenAndAnAdministratorCanLiftIt) {
  Instance in(GetParam());
  auto password = in.add_demo_tenant("balikpapan");
  Client attacker(in), colleague(in), admin(in);
  attacker.remote_address = "198.51.100.66";
  colleague.remote_address = "198.51.100.10";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(attacker.login("balikpapan", "admin", "salah-" + std::to_string(i) + "-sekali").status, 401);
  auto refused = attacker.login("balikpapan", "admin", password);  // even the right password waits ...
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.error_code(), "auth.too_many_attempts");
  EXPECT_FALSE(refused.header("Retry-After").empty());
  EXPECT_EQ(colleague.login("balikpapan", "admin", password).status, 200);  // ... from that address only

  // Thirty failures on other accounts from one address lock nobody else out.
  for (int i = 0; i < 30; ++i) attacker.login("balikpapan", "pengguna" + std::to_string(i), "salah-sekali-123");
  EXPECT_EQ(Client(in).login("balikpapan", "perencana", in.demo_colleague_password()).status, 200);

  // Guessing one account from many addresses meets the account-wide backoff, which the
  // administrator lifts.
  for (int i = 0; i < 20; ++i) {
    Client bot(in);
    bot.remote_address = "203.0.113." + std::to_string(i + 1);
    bot.login("balikpapan", "perencana", "salah-sekali-123");
  }
  Client planner(in);
  planner.remote_address = "198.51.100.77";
  EXPECT_EQ(planner.login("balikpapan", "perencana", in.demo_colleague_password()).status, 429);
  ASSERT_EQ(admin.login("balikpapan", "admin", password).status, 200);
  auto users = admin.get("/api/users?q=perencana").json.at("items");
  ASSERT_EQ(admin.post("/api/users/" + std::string(users.at(0).at("id").as_string()) + "/unlock", "").status, 204);
  EXPECT_EQ(planner.login("balikpapan", "perencana", in.demo_colleague_password()).status, 200);
}

TEST_P(AccountSecurityTest, BehindATrustedProxyTheForwardedAddressIsCountedAndNotOtherwise) {
  identity::Options options;
  Instance in(GetParam(), options);  // loopback is the trusted proxy by default
  auto password = in.add_demo_tenant("balikpapan");
  Client via_proxy(in), neighbour(in), outsider(in);
  for (Client* c : {&via_proxy, &neighbour}) c->remote_address = "127.0.0.1";
  for (int i = 0; i < 5; ++i)
    via_proxy.send("POST", "/api/auth/login", R"({"username":"admin","password":"salah-sekali-123"})",
                   {{"x-forwarded-for", "198.51.100.66"}});
  EXPECT_EQ(via_proxy.send("POST", "/api/auth/login", R"({"username":"admin","password":")" + password + "\"}",
                           {{"x-forwarded-for", "198.51.100.66"}}).status, 429);
  // Another client behind the same proxy is not the attacker.
  EXPECT_EQ(neighbour.send("POST", "/api/auth/login", R"({"username":"admin","password":")" + password + "\"}",
                           {{"x-forwarded-for", "198.51.100.10"}}).status, 200);
  // A client that is not a proxy cannot choose whose address it is counted under.
  outsider.remote_address = "198.51.100.66";
  EXPECT_EQ(outsider.send("POST", "/api/auth/login", R"({"username":"admin","password":")" + password + "\"}",
                          {{"x-forwarded-for", "198.51.100.10"}}).status, 429);
}

TEST_P(AccountSecurityTest, AnUpdateThatChangesNothingWritesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto agency = admin.get("/api/agencies?per_page=1").json.at("items").at(0);
  auto user_row = admin.get("/api/users?per_page=1").json.at("items").at(0);
  auto element = admin.post("/api/architecture/elements", R"({"domain":"proses_bisnis","code":"PB-UJI","name":"Proses Uji","owner_agency_id":")" +
                                                               std::string(agency.at("id").as_string()) + "\"}");
  ASSERT_EQ(element.status, 201) << element.body;
  auto before = ledger_size(in);
  EXPECT_EQ(admin.patch("/api/agencies/" + std::string(agency.at("id").as_string()), "{}").status, 200);
  EXPECT_EQ(admin.patch("/api/agencies/" + std::string(agency.at("id").as_string()),
                        R"({"name":")" + std::string(agency.at("name").as_string()) + "\"}").status, 200);
  EXPECT_EQ(admin.patch("/api/users/" + std::string(user_row.at("id").as_string()), "{}").status, 200);
  EXPECT_EQ(admin.patch("/api/architecture/elements/" + id_of(element), "{}").status, 200);
  EXPECT_EQ(admin.patch("/api/architecture/elements/" + id_of(element), R"({"name":"Proses Uji"})").status, 200);
  EXPECT_EQ(ledger_size(in), before);
  auto again = admin.get("/api/agencies/" + std::string(agency.at("id").as_string()));
  EXPECT_EQ(again.json.at("updated_at"), agency.at("updated_at"));
}

INSTANTIATE_TEST_SUITE_P(Databases, AccountSecurityTest, ::testing::ValuesIn(test_support::backends()));
