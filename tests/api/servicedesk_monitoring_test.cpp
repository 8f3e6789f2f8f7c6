// The service desk's monitoring API and the knowledge base's full-text search, on both databases
// (docs/service-desk.md, "Monitoring API" and "Knowledge base").
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <set>
#include <tuple>
#include <vector>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "storage/unit_of_work.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class ServiceDeskMonitoringTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// An alert as a monitoring system sends it: no session, the key in its header.
Reply send_alert(Instance& in, const std::string& key, const std::string& body) {
  Client system(in);
  system.send_csrf = false;
  return system.send("POST", "/api/servicedesk/alerts", body, {{"x-monitoring-key", key}});
}

std::string alert_body(const std::string& code, const std::string& severity = "critical",
                       const std::string& status = "firing") {
  return R"({"element_code":")" + code + R"(","severity":")" + severity +
         R"(","summary":"HTTP 503 dari https://simpeg.example/health selama 5 menit","status":")" + status + "\"}";
}

std::string add_application(Client& admin, const std::string& code, const std::string& owner) {
  auto r = admin.post("/api/architecture/elements", R"({"domain":"aplikasi","code":")" + code +
                                                        R"(","name":"SIMPEG","owner_agency_id":")" + owner + "\"}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

std::string issue_monitoring_key(Client& admin) {
  auto r = admin.post("/api/servicedesk/monitoring-key", "{}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "key") : "";
}

std::int64_t tickets_of(Client& admin, const std::string& agency) {
  return admin.get("/api/servicedesk/tickets?view=all&agency=" + agency).json.at("total").as_int64();
}

std::string last_event_kind(Client& c, const std::string& ticket) {
  auto r = c.get("/api/servicedesk/tickets/" + ticket);
  EXPECT_EQ(r.status, 200) << r.body;
  return text_of(r.json.at("events").as_array().back(), "kind");
}

std::int64_t article_hits(Client& c, const std::string& q) {
  auto r = c.get("/api/servicedesk/articles?q=" + q);
  EXPECT_EQ(r.status, 200) << q << ": " << r.body;
  return r.status == 200 ? r.json.at("total").as_int64() : -1;
}

}  // namespace

TEST_P(ServiceDeskMonitoringTest, AnAlertOpensOneGangguanTicketForTheOwningPdAndNotesRepeatsAndRecovery) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto element = add_application(admin, "APL-MON-1", disdik);
  add_application(admin, "APL-MON-2", disdik);

  // The key: only the Dinas's administrator creates it; shown once, stored as its SHA-256.
  auto operator_user = user(in, admin, "balikpapan", "op.mon.disdik", "agency_operator", disdik);
  EXPECT_EQ(operator_user.post("/api/servicedesk/monitoring-key", "{}").status, 403);
  EXPECT_FALSE(admin.get("/api/servicedesk/monitoring-key").json.at("configured").as_bool());
  auto before_key = ledger_size(in);
  auto key = issue_monitoring_key(admin);
  ASSERT_GE(key.size(), 32u);
  EXPECT_EQ(ledger_size(in), before_key + 1);
  auto listed = admin.get("/api/servicedesk/monitoring-key");
  EXPECT_TRUE(listed.json.at("configured").as_bool());
  EXPECT_EQ(text_of(listed.json, "prefix"), key.substr(0, 8));
  EXPECT_FALSE(listed.json.as_object().contains("key"));
  storage::read(in.db(), [&](storage::Connection& c) {
    auto stored = c.query("SELECT key_hash FROM sd_monitoring_keys");
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].text_at(0), crypto::sha256_hex(key));
    EXPECT_EQ(c.query("SELECT COUNT(*) FROM ledger_entries WHERE details LIKE ?", {"%" + key + "%"})[0].int_at(0), 0);
  });

  // Refused without changing anything: no key, a wrong key, an unknown element, a malformed body.
  auto size = ledger_size(in);
  auto no_key = send_alert(in, "", alert_body("APL-MON-1"));
  EXPECT_EQ(no_key.status, 401);
  EXPECT_EQ(no_key.error_code(), "servicedesk.monitoring_key_invalid");
  auto wrong = send_alert(in, key + "x", alert_body("APL-MON-1"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.error_code(), "servicedesk.monitoring_key_invalid");
  auto unknown = send_alert(in, key, alert_body("APL-TIDAK-ADA"));
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.error_code(), "servicedesk.alert_element_not_found");
  EXPECT_EQ(send_alert(in, key, "{not json").status, 400);
  EXPECT_EQ(send_alert(in, key, R"({"element_code":"APL-MON-1","summary":"x"})").error_code(),
            "validation.missing_field");
  EXPECT_EQ(send_alert(in, key, alert_body("APL-MON-1", "bencana")).error_code(), "validation.invalid_value");
  EXPECT_EQ(send_alert(in, key, alert_body("APL-MON-1", "critical", "maybe")).error_code(), "validation.invalid_value");
  EXPECT_EQ(send_alert(in, key, R"({"element_code":"APL-MON-1","severity":"minor","summary":"x","extra":1})").status,
            422);
  EXPECT_EQ(ledger_size(in), size);
  EXPECT_EQ(tickets_of(admin, disdik), 0);

  // A recovery with nothing open changes nothing.
  auto nothing = send_alert(in, key, alert_body("APL-MON-2", "critical", "resolved"));
  ASSERT_EQ(nothing.status, 200) << nothing.body;
  EXPECT_EQ(text_of(nothing.json, "outcome"), "no_open_ticket");
  EXPECT_EQ(ledger_size(in), size);

  // The first alert opens a gangguan ticket in the owning PD's Level 1 queue, priority from severity.
  auto opened = send_alert(in, key, alert_body("APL-MON-1"));
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(text_of(opened.json, "outcome"), "opened");
  auto ticket_id = text_of(opened.json, "ticket_id");
  EXPECT_GT(ledger_size(in), size);
  auto ticket = admin.get("/api/servicedesk/tickets/" + ticket_id);
  ASSERT_EQ(ticket.status, 200) << ticket.body;
  EXPECT_EQ(text_of(ticket.json, "type"), "gangguan");
  EXPECT_EQ(text_of(ticket.json, "agency_id"), disdik);
  EXPECT_EQ(text_of(ticket.json, "queue_agency_id"), disdik);
  EXPECT_EQ(ticket.json.at("tier").as_int64(), 1);
  EXPECT_EQ(text_of(ticket.json, "element_id"), element);
  EXPECT_EQ(text_of(ticket.json, "priority"), "kritis");
  EXPECT_NE(text_of(ticket.json, "description").find("HTTP 503"), std::string::npos);

  // Repeated while open: one ticket, one more event.
  auto size_before_repeat = ledger_size(in);
  auto repeated = send_alert(in, key, alert_body("APL-MON-1", "warning"));
  ASSERT_EQ(repeated.status, 200) << repeated.body;
  EXPECT_EQ(text_of(repeated.json, "outcome"), "added");
  EXPECT_EQ(text_of(repeated.json, "ticket_id"), ticket_id);
  EXPECT_EQ(tickets_of(admin, disdik), 1);
  EXPECT_EQ(last_event_kind(admin, ticket_id), "alert");
  EXPECT_EQ(ledger_size(in), size_before_repeat + 1);

  // Recovery is noted on the ticket; closing it stays the desk's decision.
  auto recovered = send_alert(in, key, alert_body("APL-MON-1", "critical", "resolved"));
  ASSERT_EQ(recovered.status, 200) << recovered.body;
  EXPECT_EQ(text_of(recovered.json, "outcome"), "recovered");
  EXPECT_EQ(last_event_kind(admin, ticket_id), "alert_resolved");
  EXPECT_EQ(text_of(admin.get("/api/servicedesk/tickets/" + ticket_id).json, "state"), "new");

  // Once the desk resolved it, a new failure is a new ticket.
  auto act = [&](const std::string& body) {
    return admin.post("/api/servicedesk/tickets/" + ticket_id + "/actions", body);
  };
  auto l1 = user(in, admin, "balikpapan", "teknisi.mon.disdik", "agency_operator", disdik);
  ASSERT_EQ(admin
                .post("/api/servicedesk/agents",
                      R"({"user_id":")" + text_of(l1.get("/api/auth/me").json.at("user"), "id") + R"(","tier":1})")
                .status,
            201);
  ASSERT_EQ(act(R"({"action":"assign","assignee_id":")" + text_of(l1.get("/api/auth/me").json.at("user"), "id") + "\"}")
                .status,
            200);
  ASSERT_EQ(act(R"({"action":"resolve","resolution":"Layanan dimulai ulang"})").status, 200);
  auto again = send_alert(in, key, alert_body("APL-MON-1", "minor"));
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_NE(text_of(again.json, "ticket_id"), ticket_id);
  EXPECT_EQ(tickets_of(admin, disdik), 2);
}

TEST_P(ServiceDeskMonitoringTest, TheSameAlertPostedTwiceAtOnceOpensOneTicketHeldByTheDatabase) {
  // No lock in the process decides this: the element's dedupe key (sd_alert_keys, its primary key)
  // is claimed in the opening's transaction, so two requests at once (or two server processes on
  // one database) open one ticket and the loser's alert is added to it.
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto key = issue_monitoring_key(admin);
  constexpr int kElements = 4;
  for (int k = 0; k < kElements; ++k) {
    auto code = "APL-DUA-" + std::to_string(k);
    add_application(admin, code, disdik);
    std::atomic<int> ready{0};
    Reply replies[2];
    std::vector<std::thread> senders;
    for (int i = 0; i < 2; ++i)
      senders.emplace_back([&, i] {
        ready.fetch_add(1);
        while (ready.load() < 2) std::this_thread::yield();  // both start together
        replies[i] = send_alert(in, key, alert_body(code));
      });
    for (auto& t : senders) t.join();
    std::multiset<std::string> outcomes;
    for (const auto& r : replies) {
      ASSERT_TRUE(r.status == 200 || r.status == 201) << r.body;
      outcomes.insert(text_of(r.json, "outcome"));
    }
    EXPECT_EQ(outcomes, (std::multiset<std::string>{"added", "opened"})) << code;
    EXPECT_EQ(text_of(replies[0].json, "ticket_id"), text_of(replies[1].json, "ticket_id")) << code;
    EXPECT_EQ(tickets_of(admin, disdik), k + 1) << code;
    EXPECT_EQ(last_event_kind(admin, text_of(replies[0].json, "ticket_id")), "alert") << code;
  }
  // The database refuses a second open alert ticket for one element outright.
  storage::read(in.db(), [&](storage::Connection& c) {
    auto row = c.query("SELECT tenant_id, element_id FROM sd_alert_keys LIMIT 1");
    ASSERT_EQ(row.size(), 1u);
    EXPECT_ANY_THROW(
        c.execute("INSERT INTO sd_alert_keys (tenant_id, element_id, ticket_id) SELECT tenant_id, "
                  "element_id, ticket_id FROM sd_alert_keys WHERE tenant_id = ? AND element_id = ?",
                  {row[0].text_at(0), row[0].text_at(1)}));
  });
}

TEST_P(ServiceDeskMonitoringTest, ARotatedOrRevokedKeyStopsWorkingAndAKeyOpensTicketsOnlyInItsTenant) {
  Instance in(GetParam());
  auto admin_a = admin_client(in, "balikpapan");
  auto admin_b = admin_client(in, "bontang");
  auto disdik_a = agency_id(admin_a, "DISDIK");
  // A tenant added after the first has no demo organisation: its PD is made here.
  auto made = admin_b.post("/api/agencies", R"({"code":"DISDIK","name":"Dinas Pendidikan B","type":"dinas_daerah"})");
  ASSERT_EQ(made.status, 201) << made.body;
  auto disdik_b = text_of(made.json, "id");
  add_application(admin_a, "APL-MON-9", disdik_a);
  add_application(admin_b, "APL-MON-9", disdik_b);  // the same code in both tenants
  add_application(admin_a, "APL-HANYA-A", disdik_a);

  auto old_key = issue_monitoring_key(admin_a);
  auto new_key = issue_monitoring_key(admin_a);
  ASSERT_NE(old_key, new_key);
  auto size = ledger_size(in);
  auto stale = send_alert(in, old_key, alert_body("APL-MON-9"));
  EXPECT_EQ(stale.status, 401);
  EXPECT_EQ(stale.error_code(), "servicedesk.monitoring_key_invalid");
  EXPECT_EQ(ledger_size(in), size);
  ASSERT_EQ(send_alert(in, new_key, alert_body("APL-MON-9")).status, 201);
  EXPECT_EQ(tickets_of(admin_a, disdik_a), 1);

  // Tenant B's key reaches tenant B's elements only.
  auto key_b = issue_monitoring_key(admin_b);
  auto foreign = send_alert(in, key_b, alert_body("APL-HANYA-A"));
  EXPECT_EQ(foreign.status, 422);
  EXPECT_EQ(foreign.error_code(), "servicedesk.alert_element_not_found");
  auto in_b = send_alert(in, key_b, alert_body("APL-MON-9"));
  ASSERT_EQ(in_b.status, 201) << in_b.body;
  EXPECT_EQ(tickets_of(admin_b, disdik_b), 1);
  EXPECT_EQ(tickets_of(admin_a, disdik_a), 1);  // A's open ticket got nothing from B
  EXPECT_EQ(admin_a.get("/api/servicedesk/tickets/" + text_of(in_b.json, "ticket_id")).status, 404);

  // Revoked: refused until a new key is created.
  EXPECT_EQ(admin_a.del("/api/servicedesk/monitoring-key").status, 204);
  EXPECT_FALSE(admin_a.get("/api/servicedesk/monitoring-key").json.at("configured").as_bool());
  EXPECT_EQ(send_alert(in, new_key, alert_body("APL-MON-9")).status, 401);
  EXPECT_EQ(send_alert(in, key_b, alert_body("APL-MON-9")).status, 200);  // B's key is B's own
}

TEST_P(ServiceDeskMonitoringTest, KnowledgeBaseSearchIsFullTextRankedCaseBlindAndNeverFailsOnQuerySyntax) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto other = admin_client(in, "bontang");  // another tenant's article with the same word
  auto write = [](Client& c, const std::string& title, const std::string& body) {
    auto r = c.post("/api/servicedesk/articles", R"({"title":")" + title + R"(","body":")" + body + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? text_of(r.json, "id") : "";
  };
  auto in_title = write(admin, "Printer tidak bisa mencetak", "Pasang ulang driver dari situs resmi pabrikan.");
  auto in_body = write(admin, "Jaringan kantor lambat", "Periksa kabel dan sakelar; printer jaringan ikut terdampak.");
  write(admin, "Akses Wi-Fi di kafé kantor", "Gunakan akun SSO Pemda.");
  write(other, "Printer rusak", "Artikel tenant lain.");

  // Every word must match, whatever its case; a word in the title ranks above one in the body.
  auto found = admin.get("/api/servicedesk/articles?q=PRINTER");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.json.at("total").as_int64(), 2);  // not the other tenant's
  EXPECT_EQ(text_of(found.json.at("items").at(0), "id"), in_title);
  EXPECT_EQ(text_of(found.json.at("items").at(1), "id"), in_body);
  EXPECT_EQ(article_hits(admin, "printer%20mencetak"), 1);
  EXPECT_EQ(article_hits(admin, "Jaringan"), 1);
  EXPECT_EQ(article_hits(admin, "kafe"), 1);  // diacritics folded
  EXPECT_EQ(article_hits(admin, "mesin%20fotokopi"), 0);

  // Query syntax of either engine, and SQL, is only text.
  for (const char* q : {"%27%3B%20DROP%20TABLE%20sd_articles%3B%20--", "%22printer", "printer*", "NEAR(printer",
                        "title%3Aprinter", "%25_%5C", "printer%20OR", "-printer", "()", "%22", "AND", "%5E%7B%7D"})
    EXPECT_NE(article_hits(admin, q), -1) << q;
  EXPECT_EQ(article_hits(admin, "printer%20OR%20jaringan"), 0);  // OR is a word here, not an operator
  EXPECT_EQ(article_hits(admin, "%22printer"), 2);
  EXPECT_EQ(admin.get("/api/servicedesk/articles").json.at("total").as_int64(), 3);

  // The index follows edits.
  auto edited = admin.patch("/api/servicedesk/articles/" + in_body,
                            R"({"title":"Jaringan kantor lambat","body":"Periksa kabel dan sakelar."})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(article_hits(admin, "printer"), 1);
  EXPECT_EQ(article_hits(admin, "sakelar"), 1);
}

TEST_P(ServiceDeskMonitoringTest, TheDinasKeepsTheLayananSpbeCatalogueAndBadInputChangesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto app = add_application(admin, "APL-KAT-1", disdik);
  auto staff = user(in, admin, "balikpapan", "op.kat.disdik", "agency_operator", disdik);
  const std::string body = R"({"code":"LYN-EMAIL","name":"Surel dinas","name_en":"Official e-mail","agency_id":")" +
                           disdik + R"(","sla_class":"tinggi","element_ids":[")" + app + "\"]}";

  // Only the Dinas's administrator keeps it; every staff member reads it.
  EXPECT_EQ(staff.post("/api/servicedesk/services", body).status, 403);
  auto size = ledger_size(in);
  auto created = admin.post("/api/servicedesk/services", body);
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = text_of(created.json, "id");
  EXPECT_FALSE(text_of(created.json, "agency_name").empty());
  EXPECT_EQ(created.json.at("element_labels").at(0).as_string(), "APL-KAT-1 SIMPEG");
  EXPECT_EQ(text_of(created.json, "sla_class_label"), "Tinggi");
  EXPECT_EQ(ledger_size(in), size + 1);
  auto listed = staff.get("/api/servicedesk/services");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(text_of(listed.json.at("items").at(0), "code"), "LYN-EMAIL");

  // Refused without a trace: a taken code, an unknown PD, SLA class or element, a malformed code.
  size = ledger_size(in);
  auto again = admin.post("/api/servicedesk/services", body);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error_code(), "servicedesk.service_exists");
  EXPECT_EQ(admin
                .post("/api/servicedesk/services",
                      R"({"code":"LYN-2","name":"X","agency_id":"aaaaaaaaaaaaaaaaaaaa","sla_class":"tinggi"})")
                .error_code(),
            "validation.invalid_value");
  EXPECT_EQ(admin
                .post("/api/servicedesk/services",
                      R"({"code":"LYN-2","name":"X","agency_id":")" + disdik + R"(","sla_class":"segera"})")
                .error_code(),
            "validation.invalid_value");
  EXPECT_EQ(
      admin
          .post("/api/servicedesk/services", R"({"code":"LYN-2","name":"X","agency_id":")" + disdik +
                                                 R"(","sla_class":"tinggi","element_ids":["aaaaaaaaaaaaaaaaaaaa"]})")
          .error_code(),
      "validation.invalid_value");
  EXPECT_EQ(admin
                .post("/api/servicedesk/services",
                      R"({"code":"LYN 2; --","name":"X","agency_id":")" + disdik + R"(","sla_class":"tinggi"})")
                .error_code(),
            "validation.invalid_value");
  EXPECT_EQ(admin.post("/api/servicedesk/services", R"({"name":"X"})").error_code(), "validation.missing_field");
  EXPECT_EQ(ledger_size(in), size);

  // Edited and removed; an unknown one is not found.
  auto edited = admin.patch("/api/servicedesk/services/" + id, R"({"name":"Surel resmi Pemda","element_ids":[]})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(text_of(edited.json, "name"), "Surel resmi Pemda");
  EXPECT_TRUE(edited.json.at("element_ids").as_array().empty());
  EXPECT_EQ(ledger_size(in), size + 1);
  EXPECT_EQ(admin.get("/api/servicedesk/services/aaaaaaaaaaaaaaaaaaaa").error_code(), "servicedesk.service_not_found");
  EXPECT_EQ(staff.del("/api/servicedesk/services/" + id).status, 403);
  EXPECT_EQ(admin.del("/api/servicedesk/services/" + id).status, 204);
  EXPECT_EQ(admin.get("/api/servicedesk/services/" + id).status, 404);
  EXPECT_EQ(ledger_size(in), size + 2);
}

TEST_P(ServiceDeskMonitoringTest, ACatalogueServiceOwnedByTheDinasDecidesWhatLevel2TakesDirectlyWhereTheProfileSaysSo) {
  // Balikpapan Pasal 1 angka 34: Level 2 serves directly only the ICT services the Dinas itself
  // provides; the catalogue names them. Madiun's Tier 2 takes nothing directly (Pasal 1 angka 31).
  SIMPUL_PROVES("balikpapan", "BPN-01-34");
  SIMPUL_PROVES("madiun", "MDN-01-31");
  for (const auto& [profile, stays, rule, citation] :
       std::vector<std::tuple<std::string, bool, std::string, std::string>>{
           {"balikpapan", true, "BPN-01-34", "Pasal 1 angka 34"}, {"madiun", false, "MDN-01-31", "Pasal 1 angka 31"}}) {
    SCOPED_TRACE(profile);
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    auto disdik = agency_id(admin, "DISDIK");
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto requester = user(in, admin, profile, "guru.kat.disdik", "agency_operator", disdik);
    auto add_service = [&](const std::string& code, const std::string& owner) {
      auto r = admin.post("/api/servicedesk/services", R"({"code":")" + code + R"(","name":"Layanan )" + code +
                                                           R"(","agency_id":")" + owner + R"(","sla_class":"sedang"})");
      EXPECT_EQ(r.status, 201) << r.body;
      return r.status == 201 ? text_of(r.json, "id") : "";
    };
    auto dinas_service = add_service("LYN-SUREL", kominfo);
    auto pd_service = add_service("LYN-SEKOLAH", disdik);
    auto ask_level2 = [&](const std::string& service) {
      return requester.post(
          "/api/servicedesk/tickets",
          R"({"type":"permintaan","title":"Akun surel baru","urgency":"sedang","impact":"sedang","tier":2,"service_id":")" +
              service + "\"}");
    };

    auto own = ask_level2(dinas_service);
    ASSERT_EQ(own.status, 201) << own.body;
    EXPECT_EQ(own.json.at("tier").as_int64(), stays ? 2 : 1);
    EXPECT_EQ(text_of(own.json, "queue_agency_id"), stays ? kominfo : disdik);
    if (stays) EXPECT_TRUE(own.json.at("redirected").is_null());
    // The ticket shows the service it names and the service's owning PD, wherever it was routed.
    auto shown = requester.get("/api/servicedesk/tickets/" + text_of(own.json, "id"));
    ASSERT_EQ(shown.status, 200) << shown.body;
    ASSERT_TRUE(shown.json.at("service").is_object()) << shown.body;
    EXPECT_EQ(text_of(shown.json.at("service"), "name"), "Layanan LYN-SUREL");
    EXPECT_EQ(text_of(shown.json.at("service"), "agency_id"), kominfo);
    EXPECT_FALSE(text_of(shown.json.at("service"), "agency_name").empty());

    auto other = ask_level2(pd_service);
    ASSERT_EQ(other.status, 201) << other.body;
    EXPECT_EQ(other.json.at("tier").as_int64(), 1);
    EXPECT_EQ(text_of(other.json, "queue_agency_id"), disdik);
    ASSERT_TRUE(other.json.at("redirected").is_object());
    EXPECT_EQ(text_of(other.json.at("redirected"), "id"), rule);
    EXPECT_EQ(text_of(other.json.at("redirected"), "citation"), citation);

    auto size = ledger_size(in);
    auto unknown = ask_level2("aaaaaaaaaaaaaaaaaaaa");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.error_code(), "servicedesk.service_not_found");
    EXPECT_EQ(ledger_size(in), size);
  }
}

/// How many inbox items of `c` have a title containing `text`.
static std::size_t inbox_titles_with(Client& c, const std::string& text) {
  auto r = c.get("/api/notifications");
  EXPECT_EQ(r.status, 200) << r.body;
  std::size_t n = 0;
  if (r.status == 200)
    for (const auto& i : r.json.at("items").as_array())
      if (text_of(i, "title").find(text) != std::string::npos) ++n;
  return n;
}

TEST_P(ServiceDeskMonitoringTest, ARepeatedAlertTellsTheQueueAtMostOncePerHour) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto dinkes = agency_id(admin, "DINKES");
  add_application(admin, "APL-ULANG-1", disdik);
  auto desk = user(in, admin, "balikpapan", "l1.ulang.disdik", "agency_operator", disdik);
  auto elsewhere = user(in, admin, "balikpapan", "l1.ulang.dinkes", "agency_operator", dinkes);
  for (auto* c : {&desk, &elsewhere}) {
    auto id = text_of(c->get("/api/auth/me").json.at("user"), "id");
    ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + id + R"(","tier":1})").status, 201);
  }
  auto key = issue_monitoring_key(admin);

  // The opening tells DISDIK's Level 1 (the ordinary opening path); a repeat right after it does not.
  auto opened = send_alert(in, key, alert_body("APL-ULANG-1"));
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(inbox_titles_with(desk, "Tiket baru"), 1u);
  ASSERT_EQ(send_alert(in, key, alert_body("APL-ULANG-1", "major")).status, 200);
  EXPECT_EQ(last_event_kind(admin, text_of(opened.json, "ticket_id")), "alert");  // still on the timeline
  EXPECT_EQ(inbox_titles_with(desk, "Peringatan berulang"), 0u);

  // An hour after the queue was last told, a repeat tells it again, once; another PD's desk hears nothing.
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE sd_alert_keys SET told_at = ?", {std::string("2020-01-01T00:00:00Z")});
  });
  ASSERT_EQ(send_alert(in, key, alert_body("APL-ULANG-1")).status, 200);
  EXPECT_EQ(inbox_titles_with(desk, "Peringatan berulang: APL-ULANG-1"), 1u);
  ASSERT_EQ(send_alert(in, key, alert_body("APL-ULANG-1")).status, 200);
  EXPECT_EQ(inbox_titles_with(desk, "Peringatan berulang"), 1u);
  EXPECT_EQ(inbox_titles_with(elsewhere, "APL-ULANG-1"), 0u);
  // A recovery is told at once, outside the hourly limit of repeats (ARecoveryTellsTheQueueOnceAfterEachFailure).
  ASSERT_EQ(send_alert(in, key, alert_body("APL-ULANG-1", "critical", "resolved")).status, 200);
  EXPECT_EQ(inbox_titles_with(desk, "Pulih: APL-ULANG-1"), 1u);
  EXPECT_EQ(inbox_titles_with(desk, "Peringatan berulang"), 1u);
}

TEST_P(ServiceDeskMonitoringTest, ARecoveryTellsTheQueueOnceAfterEachFailureInTheInboxAndByEmail) {
  // E-mail on, towards a port where nothing listens: the mail waits in the outbox, which is what
  // this test reads (delivery itself is notification_test's).
  test_support::TempDir dir;
  auto conf = dir.path() / "smtp.conf";
  std::ofstream(conf)
      << "host = 127.0.0.1\nport = 9\nfrom = Simpul <simpul@balikpapan.go.id>\nretry_base_seconds = 3600\n";
  ::setenv("SIMPUL_SMTP_CONFIG", conf.c_str(), 1);
  Instance in(GetParam());
  ::unsetenv("SIMPUL_SMTP_CONFIG");
  auto admin = admin_client(in, "balikpapan");
  auto disdik = agency_id(admin, "DISDIK");
  auto dinkes = agency_id(admin, "DINKES");
  add_application(admin, "APL-PULIH-1", disdik);
  auto desk = user(in, admin, "balikpapan", "l1.pulih.disdik", "agency_operator", disdik);
  auto other = user(in, admin, "balikpapan", "l1.pulih.disdik2", "agency_operator", disdik);
  auto elsewhere = user(in, admin, "balikpapan", "l1.pulih.dinkes", "agency_operator", dinkes);
  std::string desk_id;
  for (auto* c : {&desk, &other, &elsewhere}) {
    auto id = text_of(c->get("/api/auth/me").json.at("user"), "id");
    if (c == &desk) desk_id = id;
    ASSERT_EQ(admin.post("/api/servicedesk/agents", R"({"user_id":")" + id + R"(","tier":1})").status, 201);
  }
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE users SET email = ? WHERE username = ?",
              {std::string("l1.pulih@disdik.balikpapan.go.id"), std::string("l1.pulih.disdik")});
  });
  auto key = issue_monitoring_key(admin);
  auto opened = send_alert(in, key, alert_body("APL-PULIH-1"));
  ASSERT_EQ(opened.status, 201) << opened.body;
  auto ticket = text_of(opened.json, "ticket_id");
  ASSERT_EQ(desk.post("/api/servicedesk/tickets/" + ticket + "/actions",
                      R"({"action":"assign","assignee_id":")" + desk_id + "\"}")
                .status,
            200);

  // The element recovers: the queue (both DISDIK staff, the assignee among them) is told once, in
  // the inbox and by e-mail; another PD's desk is not.
  auto recovered = send_alert(in, key, alert_body("APL-PULIH-1", "critical", "resolved"));
  ASSERT_EQ(recovered.status, 200) << recovered.body;
  EXPECT_EQ(text_of(recovered.json, "outcome"), "recovered");
  EXPECT_EQ(inbox_titles_with(desk, "Pulih: APL-PULIH-1"), 1u);
  EXPECT_EQ(inbox_titles_with(other, "Pulih: APL-PULIH-1"), 1u);
  EXPECT_EQ(inbox_titles_with(elsewhere, "APL-PULIH-1"), 0u);
  auto mails_to_desk = [&] {
    std::size_t n = 0;
    auto outbox = admin.get("/api/notifications/outbox");  // kept: the loop reads into it
    EXPECT_EQ(outbox.status, 200) << outbox.body;
    for (const auto& m : outbox.json.at("items").as_array())
      if (text_of(m, "recipient") == "l1.pulih@disdik.balikpapan.go.id" &&
          text_of(m, "subject").find("Pulih: APL-PULIH-1") != std::string::npos)
        ++n;
    return n;
  };
  EXPECT_EQ(mails_to_desk(), 1u);
  EXPECT_EQ(last_event_kind(admin, ticket), "alert_resolved");

  // The monitoring system says it again: noted on the timeline, nobody told twice.
  ASSERT_EQ(send_alert(in, key, alert_body("APL-PULIH-1", "critical", "resolved")).status, 200);
  EXPECT_EQ(inbox_titles_with(desk, "Pulih"), 1u);
  EXPECT_EQ(mails_to_desk(), 1u);

  // It fails again and recovers again (the ticket still open): told again.
  ASSERT_EQ(send_alert(in, key, alert_body("APL-PULIH-1")).status, 200);
  ASSERT_EQ(send_alert(in, key, alert_body("APL-PULIH-1", "critical", "resolved")).status, 200);
  EXPECT_EQ(inbox_titles_with(desk, "Pulih: APL-PULIH-1"), 2u);
  EXPECT_EQ(mails_to_desk(), 2u);
  EXPECT_EQ(inbox_titles_with(elsewhere, "APL-PULIH-1"), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServiceDeskMonitoringTest, ::testing::ValuesIn(test_support::backends()));
