// Each user's own notification preference (docs/notifications.md, "Preferences"): e-mail at once,
// one daily digest e-mail, or the inbox only, and whether to take the modules' daily summaries.
// E-mail goes through a real SMTP server on loopback (smtp_fixture.hpp); both databases.
#include <gtest/gtest.h>

#include <fstream>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "smtp_fixture.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class NotificationPreferenceTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// A user of DISDIK with an e-mail address, logged in.
Client disdik_mail_user(Instance& in, Client& admin, const std::string& name, const std::string& agency) {
  auto r = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":")" + name + R"(","display_name":")" + name + R"(","email":")" +
          name +
          R"(@disdik.balikpapan.go.id","password":"kata-sandi-panjang","roles":["agency_operator"],"agency_id":")" +
          agency + "\"}");
  EXPECT_EQ(r.status, 201) << r.body;
  Client c(in);
  EXPECT_EQ(c.login("balikpapan", name, "kata-sandi-panjang").status, 200);
  return c;
}

Reply put_preference(Client& c, const std::string& body) {
  return c.send("PUT", "/api/notifications/preferences", body);
}

std::vector<std::string> inbox_titles_of(Client& c) {
  std::vector<std::string> out;
  auto r = c.get("/api/notifications");  // kept alive: the loop reads its JSON
  for (const auto& i : r.json.at("items").as_array()) out.push_back(text_of(i, "title"));
  return out;
}

bool inbox_has_title(Client& c, const std::string& part) {
  for (const auto& t : inbox_titles_of(c))
    if (t.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_P(NotificationPreferenceTest, EachUserChoosesImmediateMailADailyDigestOrTheInboxOnly) {
  ASSERT_TRUE(aiosmtpd_installed()) << "install python3-aiosmtpd (scripts/bootstrap test)";
  test_support::TempDir dir;
  int port = free_port();
  auto maildir = dir.path() / "maildir";
  auto conf = dir.path() / "smtp.conf";
  write_smtp_config(conf, port);
  SmtpServer server(port, maildir);
  ::setenv("SIMPUL_SMTP_CONFIG", conf.c_str(), 1);
  Instance in(GetParam());
  ::unsetenv("SIMPUL_SMTP_CONFIG");
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto requester = disdik_mail_user(in, admin, "guru.disdik", disdik);
  auto cepat = disdik_mail_user(in, admin, "cepat.disdik", disdik);
  auto harian = disdik_mail_user(in, admin, "harian.disdik", disdik);
  auto diam = disdik_mail_user(in, admin, "diam.disdik", disdik);
  for (auto* c : {&cepat, &harian, &diam}) {
    auto id = text_of(c->get("/api/auth/me").json.at("user"), "id");
    ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + id + R"(","tier":1})").status, 201);
  }

  // Everyone starts with e-mail at once and the daily summaries.
  auto initial = cepat.get("/api/notifications/preferences");
  ASSERT_EQ(initial.status, 200) << initial.body;
  EXPECT_EQ(text_of(initial.json, "email"), "immediate");
  EXPECT_TRUE(initial.json.at("daily_summaries").as_bool());
  EXPECT_TRUE(initial.json.at("email_enabled").as_bool());
  EXPECT_TRUE(initial.json.at("updated_at").is_null());

  // Bad input is refused with its catalogue code and changes nothing; nobody names another user.
  auto ledger_before = ledger_size(in);
  auto unknown_mode = put_preference(harian, R"({"email":"mingguan"})");
  EXPECT_EQ(unknown_mode.status, 422);
  EXPECT_EQ(unknown_mode.error_code(), "validation.invalid_value");
  auto cepat_id = text_of(cepat.get("/api/auth/me").json.at("user"), "id");
  auto someone_else = put_preference(harian, R"({"email":"none","user_id":")" + cepat_id + "\"}");
  EXPECT_EQ(someone_else.status, 422);
  EXPECT_EQ(someone_else.error_code(), "validation.unknown_field");
  auto not_json = harian.send("PUT", "/api/notifications/preferences", "email=none",
                              {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_GE(not_json.status, 400);
  EXPECT_LT(not_json.status, 500);
  auto not_a_flag = put_preference(harian, R"({"daily_summaries":"ya"})");
  EXPECT_EQ(not_a_flag.status, 422);
  EXPECT_EQ(ledger_size(in), ledger_before);
  EXPECT_EQ(text_of(harian.get("/api/notifications/preferences").json, "email"), "immediate");
  EXPECT_EQ(text_of(cepat.get("/api/notifications/preferences").json, "email"), "immediate");

  // Each sets their own; a change is a ledger entry, a repeat of the same choice is not.
  auto daily = put_preference(harian, R"({"email":"daily"})");
  ASSERT_EQ(daily.status, 200) << daily.body;
  EXPECT_EQ(text_of(daily.json, "email"), "daily");
  EXPECT_TRUE(daily.json.at("daily_summaries").as_bool());
  EXPECT_FALSE(daily.json.at("updated_at").is_null());
  ASSERT_EQ(put_preference(diam, R"({"email":"none","daily_summaries":false})").status, 200);
  EXPECT_EQ(ledger_size(in), ledger_before + 2);
  auto same = put_preference(diam, R"({"email":"none"})");
  ASSERT_EQ(same.status, 200);
  EXPECT_FALSE(same.json.at("daily_summaries").as_bool());  // a field left out keeps its value
  EXPECT_EQ(ledger_size(in), ledger_before + 2);
  EXPECT_EQ(text_of(cepat.get("/api/notifications/preferences").json, "email"), "immediate");

  // A new ticket: all three find it in the inbox; only the one who chose it gets an e-mail at once.
  auto first = requester.post("/api/servicedesk/tickets",
                              R"({"type":"gangguan","title":"Printer macet","urgency":"tinggi","impact":"tinggi"})");
  ASSERT_EQ(first.status, 201) << first.body;
  auto number = text_of(first.json, "number");
  for (auto* c : {&cepat, &harian, &diam}) EXPECT_TRUE(inbox_has_title(*c, number));
  struct Sent {
    std::string recipient, subject, state;
  };
  auto outbox = [&] {  // copied out as text: the answer's JSON lives only as long as the answer
    std::vector<Sent> out;
    auto r = admin.get("/api/notifications/outbox");
    for (const auto& m : r.json.at("items").as_array())
      out.push_back({text_of(m, "recipient"), text_of(m, "subject"), text_of(m, "state")});
    return out;
  };
  auto to = [&](const std::string& who) {
    std::vector<Sent> out;
    for (auto& m : outbox())
      if (m.recipient.rfind(who + "@", 0) == 0) out.push_back(m);
    return out;
  };
  EXPECT_EQ(to("cepat.disdik").size(), 1u);
  EXPECT_TRUE(to("harian.disdik").empty());
  EXPECT_TRUE(to("diam.disdik").empty());

  // The daily digest: one e-mail to the one who chose it, listing the ticket with its link.
  run_job(in, "notification.daily_digest");
  ASSERT_EQ(to("harian.disdik").size(), 1u);
  EXPECT_NE(to("harian.disdik").at(0).subject.find("Ringkasan notifikasi harian"), std::string::npos);
  EXPECT_NE(to("harian.disdik").at(0).subject.find(": 1 notifikasi"), std::string::npos)
      << to("harian.disdik").at(0).subject;
  EXPECT_TRUE(to("diam.disdik").empty());
  ASSERT_TRUE(eventually([&] { return to("harian.disdik").at(0).state == "sent"; }, 120));
  auto digest = mails_about(maildir, "Ringkasan notifikasi harian");
  EXPECT_NE(digest.find("harian.disdik@disdik.balikpapan.go.id"), std::string::npos) << digest;
  EXPECT_NE(digest.find(number + ": Tiket baru: Printer macet"), std::string::npos) << digest;
  EXPECT_NE(digest.find("/servicedesk/tickets/" + text_of(first.json, "id")), std::string::npos) << digest;

  // Once a day: what arrives later waits for tomorrow's digest, however often the job runs.
  auto second = requester.post("/api/servicedesk/tickets",
                               R"({"type":"permintaan","title":"Akun baru","urgency":"rendah","impact":"rendah"})");
  ASSERT_EQ(second.status, 201);
  run_job(in, "notification.daily_digest");
  EXPECT_EQ(to("harian.disdik").size(), 1u);
  EXPECT_EQ(to("cepat.disdik").size(), 2u);
  EXPECT_TRUE(to("diam.disdik").empty());

  // The service desk's daily digest honours the opt-out of the daily summaries.
  run_job(in, "servicedesk.daily_digest");
  EXPECT_TRUE(inbox_has_title(cepat, "Ringkasan harian meja layanan"));
  EXPECT_TRUE(inbox_has_title(harian, "Ringkasan harian meja layanan"));
  EXPECT_FALSE(inbox_has_title(diam, "Ringkasan harian meja layanan"));
}

TEST_P(NotificationPreferenceTest, WithoutEmailThePreferenceIsKeptAndSaysSo) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto got = admin.get("/api/notifications/preferences");
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_FALSE(got.json.at("email_enabled").as_bool());
  auto set = admin.send("PUT", "/api/notifications/preferences", R"({"email":"daily","daily_summaries":false})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(text_of(admin.get("/api/notifications/preferences").json, "email"), "daily");
  Client anonymous(in);
  EXPECT_EQ(anonymous.get("/api/notifications/preferences").status, 401);
}

INSTANTIATE_TEST_SUITE_P(Databases, NotificationPreferenceTest, ::testing::ValuesIn(test_support::backends()));
