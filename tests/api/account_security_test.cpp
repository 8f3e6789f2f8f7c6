// Who may give whom power, tokens that can be killed, sign-in throttling that spares the innocent
// (issue 21 items 1, 2, 7), and account self-service (issue 20 item 14: my password, the forced
// change, my profile, the reset by e-mail through a real SMTP server), on both databases.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "api_harness.hpp"
#include "smtp_fixture.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"
#include "testing/test_database.hpp"

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
  auto both = admin.post(
      "/api/users",
      R"({"username":"boneka","display_name":"Boneka","password":"kata-sandi-panjang","roles":["tenant_admin","approver"]})");
  EXPECT_EQ(both.error_code(), "role.conflict");
  EXPECT_EQ(ledger_size(in), before);
}

TEST_P(AccountSecurityTest, ApproverPowersWaitForAnotherApproverAndTheLedgerSaysWhoGrantedWhat) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  // The demo's Sekda is in office; a second approver needs the Sekda's confirmation.
  auto created = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"asisten.sekda","display_name":"Asisten Sekda","password":"kata-sandi-panjang","roles":["approver"]})");
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
  auto confirmed =
      sekda.post("/api/role-grants/" + grant + "/confirm", R"({"note":"Sesuai Keputusan Wali Kota 100.3/12/2026"})");
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
  auto first = btg.post(
      "/api/users",
      R"({"must_change_password":false,"username":"sekda.btg","display_name":"Sekda Bontang","password":"kata-sandi-panjang","roles":["approver"]})");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(json_text(first.json.at("roles")), R"(["approver"])");
  // Balikpapan: refused by the Sekda, nothing granted.
  auto created = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"calon","display_name":"Calon","password":"kata-sandi-panjang","roles":["approver"]})");
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
  auto u = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"integrasi","display_name":"Akun Integrasi","password":"kata-sandi-panjang","roles":["viewer"]})");
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
  EXPECT_EQ(owner.post("/api/auth/tokens", R"({"name":"x","expires_in_days":400})").error_code(),
            "validation.invalid_value");
  auto [first_id, first] = make_token(R"({"name":"SIPD","expires_in_days":30})");
  EXPECT_EQ(first.get("/api/agencies").status, 200);

  // A password reset by the administrator revokes it.
  ASSERT_EQ(admin.patch("/api/users/" + id_of(u), R"({"password":"kata-sandi-baru-123","must_change_password":false})")
                .status,
            200);
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
  EXPECT_EQ(
      owner.post("/api/auth/password", R"({"current_password":"salah-sekali-123","new_password":"kata-sandi-ketiga"})")
          .error_code(),
      "auth.invalid_credentials");
  EXPECT_EQ(owner
                .post("/api/auth/password",
                      R"({"current_password":"kata-sandi-baru-123","new_password":"kata-sandi-ketiga"})")
                .status,
            204);
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
  EXPECT_EQ(admin.patch("/api/security-settings", R"({"token_max_days":400})").error_code(),
            "validation.invalid_value");
  EXPECT_EQ(admin.patch("/api/security-settings", R"({"token_max_days":7})").status, 200);
  EXPECT_EQ(operator_user.post("/api/auth/tokens", R"({"name":"x","expires_in_days":8})").error_code(),
            "validation.invalid_value");
}

TEST_P(AccountSecurityTest, SignInBackoffIsPerAccountAndAddressSaysWhenAndAnAdministratorCanLiftIt) {
  Instance in(GetParam());
  auto password = in.add_demo_tenant("balikpapan");
  Client attacker(in), colleague(in), admin(in);
  attacker.remote_address = "198.51.100.66";
  colleague.remote_address = "198.51.100.10";
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(attacker.login("balikpapan", "admin", "salah-" + std::to_string(i) + "-sekali").status, 401);
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
  EXPECT_EQ(via_proxy
                .send("POST", "/api/auth/login", R"({"username":"admin","password":")" + password + "\"}",
                      {{"x-forwarded-for", "198.51.100.66"}})
                .status,
            429);
  // Another client behind the same proxy is not the attacker.
  EXPECT_EQ(neighbour
                .send("POST", "/api/auth/login", R"({"username":"admin","password":")" + password + "\"}",
                      {{"x-forwarded-for", "198.51.100.10"}})
                .status,
            200);
  // A client that is not a proxy cannot choose whose address it is counted under.
  outsider.remote_address = "198.51.100.66";
  EXPECT_EQ(outsider
                .send("POST", "/api/auth/login", R"({"username":"admin","password":")" + password + "\"}",
                      {{"x-forwarded-for", "198.51.100.10"}})
                .status,
            429);
}

TEST_P(AccountSecurityTest, AnUpdateThatChangesNothingWritesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto agency = admin.get("/api/agencies?per_page=1").json.at("items").at(0);
  auto user_row = admin.get("/api/users?per_page=1").json.at("items").at(0);
  auto element = admin.post("/api/architecture/elements",
                            R"({"domain":"proses_bisnis","code":"PB-UJI","name":"Proses Uji","owner_agency_id":")" +
                                std::string(agency.at("id").as_string()) + "\"}");
  ASSERT_EQ(element.status, 201) << element.body;
  auto before = ledger_size(in);
  EXPECT_EQ(admin.patch("/api/agencies/" + std::string(agency.at("id").as_string()), "{}").status, 200);
  EXPECT_EQ(admin
                .patch("/api/agencies/" + std::string(agency.at("id").as_string()),
                       R"({"name":")" + std::string(agency.at("name").as_string()) + "\"}")
                .status,
            200);
  EXPECT_EQ(admin.patch("/api/users/" + std::string(user_row.at("id").as_string()), "{}").status, 200);
  EXPECT_EQ(admin.patch("/api/architecture/elements/" + id_of(element), "{}").status, 200);
  EXPECT_EQ(admin.patch("/api/architecture/elements/" + id_of(element), R"({"name":"Proses Uji"})").status, 200);
  EXPECT_EQ(ledger_size(in), before);
  auto again = admin.get("/api/agencies/" + std::string(agency.at("id").as_string()));
  EXPECT_EQ(again.json.at("updated_at"), agency.at("updated_at"));
}

namespace {

std::string reason_of(const Reply& r) {
  const auto* details = r.json.at("error").as_object().if_contains("details");
  if (!details || !details->is_object() || !details->as_object().contains("reason")) return "";
  return std::string(details->at("reason").as_string());
}

std::int64_t ledger_mentions(Instance& in, const std::string& text) {
  return storage::read(in.db(), [&](storage::Connection& c) {
    return c.query("SELECT COUNT(*) FROM ledger_entries WHERE details LIKE ?", {"%" + text + "%"})[0].int_at(0);
  });
}

/// The reset tokens in the links of every message of the Maildir, one per line ("<to> token").
std::set<std::string> reset_links(const std::filesystem::path& maildir) {
  auto out = run(
      "/usr/bin/python3 -c \"import mailbox, re, sys\n"
      "try:\n  box = mailbox.Maildir(sys.argv[1], create=False)\n  msgs = list(box)\nexcept Exception:\n  msgs = []\n"
      "for m in msgs:\n  body = m.get_payload(decode=True).decode()\n"
      "  for t in re.findall(r'/reset-password\\?token=([A-Za-z0-9_-]+)', body): print(m['To'], t)\" " +
      maildir.string() + " 2>/dev/null");
  std::set<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find('\n', start)) != std::string::npos; start = end + 1)
    lines.insert(out.substr(start, end - start));
  return lines;
}

constexpr const char* kStaffUser =
    R"({"username":"staf.baru","display_name":"Staf Baru","email":"staf.baru@balikpapan.go.id","password":"sandi-dari-admin","roles":["planner"]})";

}  // namespace

TEST_P(AccountSecurityTest, ChangingMyPasswordChecksTheCurrentOneAppliesThePolicyAndEndsMyOtherSessions) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto created = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"pegawai","display_name":"Pegawai","password":"kata-sandi-panjang","roles":["viewer"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_FALSE(created.json.at("must_change_password").as_bool());
  Client here(in), elsewhere(in);
  ASSERT_EQ(here.login("balikpapan", "pegawai", "kata-sandi-panjang").status, 200);
  ASSERT_EQ(elsewhere.login("balikpapan", "pegawai", "kata-sandi-panjang").status, 200);
  auto before = ledger_size(in);

  auto wrong = here.post("/api/me/password", R"({"current":"bukan-sandi-saya","new":"sandi-baru-yang-panjang"})");
  EXPECT_EQ(wrong.error_code(), "auth.invalid_credentials") << wrong.body;
  auto weak = here.post("/api/me/password", R"({"current":"kata-sandi-panjang","new":"pendek"})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.error_code(), "auth.weak_password");
  EXPECT_EQ(ledger_size(in), before);  // refusals change nothing
  EXPECT_EQ(elsewhere.get("/api/me").status, 200);

  ASSERT_EQ(here.post("/api/me/password", R"({"current":"kata-sandi-panjang","new":"sandi-baru-yang-panjang"})").status,
            204);
  EXPECT_EQ(here.get("/api/me").status, 200);       // this browser stays signed in
  EXPECT_EQ(elsewhere.get("/api/me").status, 401);  // the other one is signed out
  EXPECT_EQ(Client(in).login("balikpapan", "pegawai", "kata-sandi-panjang").status, 401);
  EXPECT_EQ(Client(in).login("balikpapan", "pegawai", "sandi-baru-yang-panjang").status, 200);
  EXPECT_EQ(ledger_count(in, "user.password_change"), 1);
  EXPECT_EQ(ledger_mentions(in, "sandi-baru-yang-panjang"), 0);  // the ledger never holds a password
}

TEST_P(AccountSecurityTest, APasswordAnAdministratorSetMustBeChangedBeforeAnythingElse) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto created = admin.post("/api/users", kStaffUser);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(created.json.at("must_change_password").as_bool());

  Client staff(in);
  auto login = staff.login("balikpapan", "staf.baru", "sandi-dari-admin");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_TRUE(login.json.at("must_change_password").as_bool());
  auto refused = staff.get("/api/agencies");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.error_code(), "auth.forbidden");
  EXPECT_EQ(reason_of(refused), "password_change_required");
  EXPECT_EQ(reason_of(staff.patch("/api/me", R"({"phone":"0812 3456 7890"})")), "password_change_required");
  auto me = staff.get("/api/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_TRUE(me.json.at("must_change_password").as_bool());
  EXPECT_TRUE(staff.get("/api/auth/me").json.at("must_change_password").as_bool());

  ASSERT_EQ(staff.post("/api/me/password", R"({"current":"sandi-dari-admin","new":"pilihan-saya-sendiri"})").status,
            204);
  EXPECT_EQ(staff.get("/api/agencies").status, 200);
  EXPECT_FALSE(staff.get("/api/me").json.at("must_change_password").as_bool());

  // An administrator's reset signs the holder out and forces the change again.
  auto reset = admin.patch("/api/users/" + id_of(created), R"({"password":"sandi-reset-admin"})");
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_TRUE(reset.json.at("must_change_password").as_bool());
  EXPECT_EQ(staff.get("/api/me").status, 401);
  ASSERT_EQ(staff.login("balikpapan", "staf.baru", "sandi-reset-admin").status, 200);
  EXPECT_EQ(reason_of(staff.get("/api/agencies")), "password_change_required");
  EXPECT_EQ(staff.post("/api/auth/logout", "").status, 204);  // signing out stays possible

  // The demo's colleagues were seated by the host's operator: they are not forced.
  Client planner(in);
  ASSERT_EQ(planner.login("balikpapan", "perencana", in.demo_colleague_password()).status, 200);
  EXPECT_EQ(planner.get("/api/agencies").status, 200);
}

TEST_P(AccountSecurityTest, AnAdministratorForcesOrLiftsThePasswordChangeOfAnotherAccountButNotTheirOwn) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto created = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"staf.lama","display_name":"Staf Lama","password":"kata-sandi-panjang","roles":["viewer"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  // The user list says whose change is due, so the console can show it without opening each account.
  auto listed_flag = [&admin](const std::string& username) {
    auto listed = admin.get("/api/users?per_page=100");  // kept alive while its items are read
    for (const auto& u : listed.json.at("items").as_array())
      if (u.at("username").as_string() == username) return u.at("must_change_password").as_bool();
    ADD_FAILURE() << username << " not listed";
    return false;
  };
  EXPECT_FALSE(listed_flag("staf.lama"));
  Client staff(in);
  ASSERT_EQ(staff.login("balikpapan", "staf.lama", "kata-sandi-panjang").status, 200);
  ASSERT_EQ(staff.get("/api/agencies").status, 200);

  // Forced without a new password: the holder keeps theirs but must replace it before anything else.
  auto forced = admin.patch("/api/users/" + id_of(created), R"({"must_change_password":true})");
  ASSERT_EQ(forced.status, 200) << forced.body;
  EXPECT_TRUE(forced.json.at("must_change_password").as_bool());
  EXPECT_TRUE(listed_flag("staf.lama"));
  EXPECT_EQ(ledger_count(in, "user.password_change_require"), 1);
  EXPECT_EQ(reason_of(staff.get("/api/agencies")), "password_change_required");

  // Lifted again: the holder works as before, and the ledger says who lifted it.
  auto lifted = admin.patch("/api/users/" + id_of(created), R"({"must_change_password":false})");
  ASSERT_EQ(lifted.status, 200) << lifted.body;
  EXPECT_FALSE(lifted.json.at("must_change_password").as_bool());
  EXPECT_FALSE(listed_flag("staf.lama"));
  EXPECT_EQ(ledger_count(in, "user.password_change_waive"), 2);  // at creation, and now
  EXPECT_EQ(staff.get("/api/agencies").status, 200);

  // Never on one's own account, either way; the refusal changes nothing.
  auto before = ledger_size(in);
  for (const char* body : {R"({"must_change_password":true})", R"({"must_change_password":false})"}) {
    auto self = admin.patch("/api/users/" + me_id(admin), body);
    EXPECT_EQ(self.status, 422) << self.body;
    EXPECT_EQ(self.error_code(), "validation.invalid_value");
    EXPECT_EQ(self.json.at("error").at("details").at("field"), "must_change_password");
  }
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(admin.get("/api/agencies").status, 200);
  EXPECT_FALSE(listed_flag("admin"));

  // Only an account manager may set it: a colleague without user.manage is refused.
  Client planner(in);
  ASSERT_EQ(planner.login("balikpapan", "perencana", in.demo_colleague_password()).status, 200);
  before = ledger_size(in);  // the sign-in itself is recorded
  auto not_allowed = planner.patch("/api/users/" + id_of(created), R"({"must_change_password":true})");
  EXPECT_EQ(not_allowed.status, 403) << not_allowed.body;
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(staff.get("/api/agencies").status, 200);
}

TEST_P(AccountSecurityTest, MyProfileChangesNameEmailAndPhoneButNeverMyRolesOrAgency) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto created = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"pemilik","display_name":"Pemilik Akun","password":"kata-sandi-panjang","roles":["viewer"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  Client me(in);
  ASSERT_EQ(me.login("balikpapan", "pemilik", "kata-sandi-panjang").status, 200);
  auto before = ledger_size(in);

  EXPECT_EQ(me.patch("/api/me", R"({"roles":["tenant_admin"]})").error_code(), "validation.unknown_field");
  EXPECT_EQ(me.patch("/api/me", R"({"agency_id":")" + agency_id(admin, "DISDIK") + "\"}").error_code(),
            "validation.unknown_field");
  EXPECT_EQ(me.patch("/api/me", R"({"phone":"telepon saya"})").error_code(), "validation.invalid_value");
  EXPECT_EQ(me.patch("/api/me", R"({"email":"bukan-surel"})").error_code(), "validation.invalid_value");
  EXPECT_EQ(me.patch("/api/me", R"({"display_name":""})").error_code(), "validation.missing_field");
  EXPECT_EQ(ledger_size(in), before);

  auto changed = me.patch(
      "/api/me", R"({"display_name":"Rina Kartika","email":"rina@balikpapan.go.id","phone":"+62 812-3456-7890"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(text_of(changed.json, "display_name"), "Rina Kartika");
  EXPECT_EQ(text_of(changed.json, "email"), "rina@balikpapan.go.id");
  EXPECT_EQ(text_of(changed.json, "phone"), "+62 812-3456-7890");
  EXPECT_EQ(json_text(changed.json.at("roles")), R"(["viewer"])");
  EXPECT_EQ(text_of(me.get("/api/me").json, "phone"), "+62 812-3456-7890");
  EXPECT_EQ(text_of(admin.get("/api/users/" + id_of(created)).json, "display_name"), "Rina Kartika");
  EXPECT_EQ(ledger_count(in, "user.profile_update"), 1);
  // The same values again write nothing.
  ASSERT_EQ(me.patch("/api/me", R"({"display_name":"Rina Kartika","phone":"+62 812-3456-7890"})").status, 200);
  EXPECT_EQ(ledger_count(in, "user.profile_update"), 1);
}

TEST_P(AccountSecurityTest, APasswordResetByEmailArrivesWorksOnceExpiresAndSaysNothingAboutUnknownAddresses) {
  ASSERT_TRUE(aiosmtpd_installed()) << "install python3-aiosmtpd (scripts/bootstrap test)";
  test_support::TempDir dir;
  int port = free_port();
  auto maildir = dir.path() / "maildir";
  auto conf = dir.path() / "smtp.conf";
  write_smtp_config(conf, port);
  SmtpServer server(port, maildir);
  ::setenv("SIMPUL_SMTP_CONFIG", conf.c_str(), 1);
  ::setenv("SIMPUL_PUBLIC_URL", "https://simpul.balikpapan.go.id/", 1);
  Instance in(GetParam());
  ::unsetenv("SIMPUL_SMTP_CONFIG");
  ::unsetenv("SIMPUL_PUBLIC_URL");

  auto admin = admin_client(in, "balikpapan");
  auto created = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"lupa.sandi","display_name":"Lupa Sandi","email":"Lupa.Sandi@balikpapan.go.id","password":"kata-sandi-lama","roles":["viewer"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  Client signed_in(in);
  ASSERT_EQ(signed_in.login("balikpapan", "lupa.sandi", "kata-sandi-lama").status, 200);

  // Known, unknown and a tenant that does not exist: the same answer.
  Client anonymous(in);
  auto known =
      anonymous.post("/api/auth/reset-request", R"({"tenant":"balikpapan","email":"lupa.sandi@balikpapan.go.id"})");
  auto unknown =
      anonymous.post("/api/auth/reset-request", R"({"tenant":"balikpapan","email":"tidak.ada@balikpapan.go.id"})");
  auto nowhere =
      anonymous.post("/api/auth/reset-request", R"({"tenant":"atlantis","email":"lupa.sandi@balikpapan.go.id"})");
  EXPECT_EQ(known.status, 202) << known.body;
  EXPECT_EQ(unknown.status, 202);
  EXPECT_EQ(nowhere.status, 202);
  EXPECT_EQ(known.body, unknown.body);
  EXPECT_EQ(known.body, nowhere.body);

  std::set<std::string> mails;
  ASSERT_TRUE(eventually([&] { return !(mails = reset_links(maildir)).empty(); }, 60)) << "no reset mail arrived";
  ASSERT_EQ(mails.size(), 1u);
  auto line = *mails.begin();
  EXPECT_NE(line.find("Lupa.Sandi@balikpapan.go.id"), std::string::npos) << line;  // the account's own address
  auto token = line.substr(line.rfind(' ') + 1);
  EXPECT_EQ(ledger_mentions(in, token), 0);
  storage::read(in.db(), [&](storage::Connection& c) {  // stored only as its hash
    EXPECT_EQ(
        c.query("SELECT COUNT(*) FROM password_resets WHERE token_hash = ?", {crypto::sha256_hex(token)})[0].int_at(0),
        1);
    EXPECT_EQ(c.query("SELECT COUNT(*) FROM password_resets WHERE token_hash = ?", {token})[0].int_at(0), 0);
    return 0;
  });

  EXPECT_EQ(anonymous.post("/api/auth/reset", R"({"token":")" + token + R"(","new":"pendek"})").error_code(),
            "auth.weak_password");
  auto done = anonymous.post("/api/auth/reset", R"({"token":")" + token + R"(","new":"sandi-pilihan-baru"})");
  ASSERT_EQ(done.status, 204) << done.body;
  EXPECT_EQ(signed_in.get("/api/me").status, 401);  // every session ended
  EXPECT_EQ(Client(in).login("balikpapan", "lupa.sandi", "kata-sandi-lama").status, 401);
  EXPECT_EQ(Client(in).login("balikpapan", "lupa.sandi", "sandi-pilihan-baru").status, 200);
  auto again = anonymous.post("/api/auth/reset", R"({"token":")" + token + R"(","new":"sandi-lain-lagi-1"})");
  EXPECT_EQ(again.error_code(), "auth.invalid_token");
  EXPECT_EQ(reason_of(again), "used");
  EXPECT_EQ(
      reason_of(anonymous.post("/api/auth/reset", R"({"token":"bukan-token-yang-dikirim","new":"sandi-lain-lagi-1"})")),
      "unknown");
  EXPECT_EQ(ledger_count(in, "user.password_reset"), 1);

  // A second link, past its hour, is refused as expired.
  ASSERT_EQ(
      anonymous.post("/api/auth/reset-request", R"({"tenant":"balikpapan","email":"lupa.sandi@balikpapan.go.id"})")
          .status,
      202);
  ASSERT_TRUE(eventually([&] { return (mails = reset_links(maildir)).size() == 2; }, 60)) << "no second mail";
  std::string second;
  for (const auto& l : mails)
    if (l != line) second = l.substr(l.rfind(' ') + 1);
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE password_resets SET expires_at = ? WHERE token_hash = ?",
              {"2026-01-01T00:00:00Z", crypto::sha256_hex(second)});
  });
  auto expired = anonymous.post("/api/auth/reset", R"({"token":")" + second + R"(","new":"sandi-lain-lagi-1"})");
  EXPECT_EQ(expired.error_code(), "auth.invalid_token");
  EXPECT_EQ(reason_of(expired), "expired");

  // At most three links an hour per account; further requests are answered alike and send nothing.
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(
        anonymous.post("/api/auth/reset-request", R"({"tenant":"balikpapan","email":"lupa.sandi@balikpapan.go.id"})")
            .status,
        202);
  EXPECT_EQ(ledger_count(in, "auth.password_reset_request"), 3);
}

INSTANTIATE_TEST_SUITE_P(Databases, AccountSecurityTest, ::testing::ValuesIn(test_support::backends()));
