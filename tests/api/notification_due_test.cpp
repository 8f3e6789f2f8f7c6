// Notifications other modules send (docs/notifications.md): compliance findings that fall due,
// application audits that fall due and access requests waiting for a decision. Each is told to the
// users who can act, in their PD only, once per event however often the job runs; both databases.
#include <gtest/gtest.h>

#include <chrono>

#include "api_harness.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "gateway_fixture.hpp"
#include "smtp_fixture.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class NotificationDueTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

struct DueInboxItem {
  std::string title, title_en, body, link;
};

/// The inbox items whose link contains `part`, copied out of the answer.
std::vector<DueInboxItem> inbox_items_linking(Client& c, const std::string& part) {
  std::vector<DueInboxItem> out;
  auto r = c.get("/api/notifications");
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& i : r.json.at("items").as_array())
    if (text_of(i, "link").find(part) != std::string::npos)
      out.push_back({text_of(i, "title"), text_of(i, "title_en"), text_of(i, "body"), text_of(i, "link")});
  return out;
}

/// The item whose title contains `part` (items of one second come in no set order).
const DueInboxItem* item_titled(const std::vector<DueInboxItem>& items, const std::string& part) {
  for (const auto& i : items)
    if (i.title.find(part) != std::string::npos) return &i;
  ADD_FAILURE() << "no item item_titled with: " << part;
  return nullptr;
}

std::string days_after(const std::string& date, int days) {
  return clock::to_iso(*clock::parse_iso(date + "T00:00:00Z") + std::chrono::hours(24 * days)).substr(0, 10);
}

/// The same day two years earlier (29 February becomes the 28th).
std::string two_years_earlier(const std::string& date) {
  auto out = std::to_string(std::stoi(date.substr(0, 4)) - 2) + date.substr(4);
  return out.substr(5) == "02-29" ? out.substr(0, 5) + "02-28" : out;
}

const std::string kDueInventoryHeader =
    "kode;nama;deskripsi;kode_pd;kategori;tahap;url;subdomain;email;hosting;pembangun;vendor;model_sumber;"
    "audit_terakhir;sejenis_aplikasi_umum\r\n";

std::string due_application_id(Client& c, const std::string& code) {
  auto r = c.get("/api/applications?per_page=200");  // kept alive: the loop reads its JSON
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& a : r.json.at("items").as_array())
    if (text_of(a, "code") == code) return text_of(a, "id");
  ADD_FAILURE() << "no application " << code;
  return "";
}

}  // namespace

TEST_P(NotificationDueTest, FindingsAndApplicationAuditsFallingDueAreToldToThoseWhoActOnce) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  const auto today = clock::local_date(clock::now(), 8);  // Balikpapan: WITA
  auto disdik = agency_id(admin, "DISDIK"), kominfo = agency_id(admin, "DISKOMINFO");
  auto disdik_op = user(in, admin, "balikpapan", "op.disdik", "agency_operator", disdik);
  auto disdik_viewer = user(in, admin, "balikpapan", "baca.disdik", "viewer", disdik);
  auto kominfo_op = user(in, admin, "balikpapan", "op.kominfo", "agency_operator", kominfo);
  auto dishub_op = user(in, admin, "balikpapan", "op.dishub", "agency_operator", agency_id(admin, "DISHUB"));

  // An Aplikasi Khusus of DISDIK whose two-yearly audit (Pasal 40 ayat (3), 'oleh Dinas') falls due
  // in ten days, and one audited in 2020 whose duty is an overdue finding of the Dinas.
  const auto due_soon = days_after(today, 10);
  std::string csv = kDueInventoryHeader +
                    "SIPADU;Sistem Pelayanan Terpadu;;DISDIK;aplikasi_khusus;pemeliharaan;;;;;;;;" +
                    two_years_earlier(due_soon) + ";tidak\r\nSILAWAS;Sistem Pengawasan;;DISDIK;aplikasi_khusus;" +
                    "pemeliharaan;;;;;;;;2020-01-15;tidak\r\n";
  auto imported =
      admin.send("POST", "/api/applications/import?dry_run=false", csv, {{"content-type", "application/octet-stream"}});
  ASSERT_EQ(imported.status, 200) << imported.body;
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  auto sipadu = due_application_id(admin, "SIPADU"), silawas = due_application_id(admin, "SILAWAS");

  // The coming audit: the owner PD and the Dinas, with the date and the article; not a reader, not
  // another PD.
  auto ledger_before = ledger_size(in);
  run_job(in, "applications.audit_notices");
  for (auto* c : {&disdik_op, &kominfo_op}) {
    auto told = inbox_items_linking(*c, "/aplikasi/" + sipadu);
    ASSERT_EQ(told.size(), 1u);
    EXPECT_NE(told[0].title.find("Audit aplikasi jatuh tempo " + due_soon), std::string::npos) << told[0].title;
    EXPECT_NE(told[0].title.find("(Pasal 40 ayat (3))"), std::string::npos) << told[0].title;
    EXPECT_NE(told[0].title_en.find("Application audit due " + due_soon), std::string::npos) << told[0].title_en;
    EXPECT_NE(told[0].body.find("10 hari lagi"), std::string::npos) << told[0].body;
  }
  EXPECT_TRUE(inbox_items_linking(disdik_viewer, "/aplikasi/").empty());
  EXPECT_TRUE(inbox_items_linking(dishub_op, "/aplikasi/").empty());
  EXPECT_TRUE(inbox_items_linking(kominfo_op, "/aplikasi/" + silawas).empty());  // overdue: the finding tells it
  EXPECT_EQ(ledger_size(in), ledger_before + 1);
  run_job(in, "applications.audit_notices");
  EXPECT_EQ(inbox_items_linking(disdik_op, "/aplikasi/" + sipadu).size(), 1u);
  EXPECT_EQ(ledger_size(in), ledger_before + 1);

  // The overdue audit is a finding of the Dinas: its users who can act are told, with the rule.
  auto findings = admin.get("/api/compliance/findings?rule=BPN-40-3&object=" + silawas);
  ASSERT_EQ(findings.status, 200) << findings.body;
  std::string finding;
  for (const auto& f : findings.json.at("items").as_array())
    if (text_of(f, "object_id") == silawas) finding = text_of(f, "id");
  ASSERT_FALSE(finding.empty()) << findings.body;
  run_job(in, "compliance.due_notices");
  auto overdue = inbox_items_linking(kominfo_op, "/kepatuhan/temuan/" + finding);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_NE(overdue[0].title.find("Temuan kepatuhan lewat jatuh tempo 2022-01-15"), std::string::npos)
      << overdue[0].title;
  EXPECT_NE(overdue[0].title.find("(Pasal 40 ayat (3))"), std::string::npos) << overdue[0].title;
  EXPECT_NE(overdue[0].body.find("SILAWAS"), std::string::npos) << overdue[0].body;
  EXPECT_NE(overdue[0].title_en.find("overdue since 2022-01-15"), std::string::npos) << overdue[0].title_en;
  EXPECT_TRUE(inbox_items_linking(disdik_op, "/kepatuhan/temuan/" + finding).empty());  // not the PD responsible
  EXPECT_TRUE(inbox_items_linking(dishub_op, "/kepatuhan/temuan/" + finding).empty());
  run_job(in, "compliance.due_notices");
  EXPECT_EQ(inbox_items_linking(kominfo_op, "/kepatuhan/temuan/" + finding).size(), 1u);

  // A new due date (as when a finding reopens) within the week is told once more, as due soon.
  const auto soon = days_after(today, 3);
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE compliance_findings SET due = ? WHERE id = ?", {soon, finding});
  });
  run_job(in, "compliance.due_notices");
  run_job(in, "compliance.due_notices");
  auto told = inbox_items_linking(kominfo_op, "/kepatuhan/temuan/" + finding);
  ASSERT_EQ(told.size(), 2u);
  const auto* due = item_titled(told, "Temuan kepatuhan jatuh tempo " + soon);
  ASSERT_NE(due, nullptr);
  EXPECT_NE(due->body.find("3 hari lagi"), std::string::npos) << due->body;
}

TEST_P(NotificationDueTest, AnAccessRequestTellsWhoActsNextAndRemindsOnceWhenItWaits) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dukcapil = agency_id(admin, "DISDUKCAPIL"), dinkes = agency_id(admin, "DINKES");
  auto requester = user(in, admin, "balikpapan", "gw.dinkes", "agency_operator", dinkes);
  auto owner = user(in, admin, "balikpapan", "gw.dukcapil", "agency_operator", dukcapil);
  auto sekda = user(in, admin, "balikpapan", "gw.sekda", "approver", agency_id(admin, "SETDA"));
  auto other = user(in, admin, "balikpapan", "gw.bapenda", "agency_operator", agency_id(admin, "BAPENDA"));
  auto service = text_of(create_service(admin, dukcapil, "catatan-sipil").json, "id");
  auto consumer = text_of(create_consumer(requester, dinkes, "SIMRS").json.at("consumer"), "id");
  auto submitted = submit_request(requester, consumer, service);
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  auto id = text_of(submitted.json, "id");
  ASSERT_EQ(inbox_items_linking(sekda, id).size(), 1u);  // the letter to the Sekda (Pasal 9 ayat (5))

  // Recommended by the PD Wali Data: now it waits for the Sekda, who is told so.
  ASSERT_EQ(owner.post("/api/gateway/access-requests/" + id + "/recommend", R"({"recommend":true})").status, 200);
  auto waiting = inbox_items_linking(sekda, id);
  ASSERT_EQ(waiting.size(), 2u);
  const auto* decide = item_titled(waiting, "Permohonan akses data menunggu keputusan: Layanan catatan-sipil");
  ASSERT_NE(decide, nullptr);
  EXPECT_NE(decide->body.find("Pasal 9 ayat (8)"), std::string::npos) << decide->body;
  EXPECT_EQ(decide->body.find("dr. Sari"), std::string::npos);  // the responsible person stays on the request
  EXPECT_TRUE(inbox_items_linking(requester, id).empty());
  EXPECT_TRUE(inbox_items_linking(other, id).empty());

  // Still waiting after the reminder period: the Sekda is reminded once.
  run_job(in, "gateway.request_reminders");
  EXPECT_EQ(inbox_items_linking(sekda, id).size(), 2u);  // not yet
  auto past = clock::to_iso(clock::now() - std::chrono::hours(24 * 4));
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE gw_request_steps SET at = ? WHERE request_id = ?", {past, id});
    c.execute("UPDATE gw_access_requests SET created_at = ? WHERE id = ?", {past, id});
  });
  auto ledger_before = ledger_size(in);
  run_job(in, "gateway.request_reminders");
  run_job(in, "gateway.request_reminders");
  auto reminded = inbox_items_linking(sekda, id);
  ASSERT_EQ(reminded.size(), 3u);
  EXPECT_NE(item_titled(reminded, "Pengingat: Permohonan akses data menunggu keputusan"), nullptr);
  EXPECT_EQ(ledger_size(in), ledger_before + 1);
  EXPECT_TRUE(inbox_items_linking(requester, id).empty());
  EXPECT_TRUE(inbox_items_linking(other, id).empty());

  // Decided: nothing waits, nothing more is sent.
  ASSERT_EQ(sekda.post("/api/gateway/access-requests/" + id + "/decide", R"({"approve":true,"note":"ok"})").status,
            200);
  run_job(in, "gateway.request_reminders");
  EXPECT_EQ(inbox_items_linking(sekda, id).size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Databases, NotificationDueTest, ::testing::ValuesIn(test_support::backends()));
