// Audit TIK, an object's audit history (docs/ict-audit.md, "Object audit history"): the programmes
// that covered an object and the findings about it, a finding linked to a security control, and the
// applications' recorded last audit dates turned into imported history. On both databases.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "api_harness.hpp"
#include "audit/service.hpp"
#include "core/crypto.hpp"
#include "regulation/engine.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class AuditHistoryTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string hist_today(Instance& in) {
  return in.platform().tenancy().profile_of(Scope{in.platform().tenancy().tenants().front().id}).today();
}

std::string hist_months(const std::string& date, int n) { return regulation::add_months(date, n); }

std::string hist_element(Client& c, const std::string& domain, const std::string& code, const std::string& agency,
                         const std::string& attributes) {
  auto r = c.post("/api/architecture/elements", R"({"domain":")" + domain + R"(","code":")" + code +
                                                    R"(","name":"Elemen )" + code + R"(","owner_agency_id":")" +
                                                    agency + R"(","attributes":)" + attributes + "}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

/// An infrastructure audit of `objects` (Balikpapan: no internal audit, no team decree), started on
/// `start` and, when `report` is not empty, with its report received then; returns its id.
std::string hist_programme(Client& c, const std::string& type, const std::vector<std::string>& objects,
                           const std::string& start, const std::string& report) {
  std::string ids;
  for (const auto& o : objects) ids += (ids.empty() ? "\"" : ",\"") + o + "\"";
  auto p = c.post("/api/audit/programmes",
                  R"({"type":")" + type + R"(","title":"Audit )" + type + " " + start +
                      R"(","aspects":["tata_kelola"],"object_ids":[)" + ids +
                      R"(],"auditor_kind":"lembaga_pemerintah","auditor_name":"BSSN","auditor_reference":"AKR-01",)"
                      R"("planned_start":")" +
                      start + R"(","planned_end":")" + (report.empty() ? start : report) + "\"}");
  EXPECT_EQ(p.status, 201) << p.body;
  auto id = p.status == 201 ? text_of(p.json, "id") : "";
  auto step = [&](const std::string& to, const std::string& date) {
    auto r = c.post("/api/audit/programmes/" + id + "/steps", R"({"to":")" + to + R"(","date":")" + date + "\"}");
    EXPECT_EQ(r.status, 200) << r.body;
  };
  step("dimulai", start);
  if (!report.empty()) step("laporan_diterima", report);
  return id;
}

Reply hist_finding(Client& c, const std::string& programme, const std::string& object, const std::string& agency,
                   const std::string& title, const std::string& extra, const std::string& due) {
  return c.post("/api/audit/programmes/" + programme + "/findings",
                R"({"object_id":")" + object + R"(","severity":"tinggi","title":")" + title +
                    R"(","recommendation":"Perbaiki","agency_id":")" + agency +
                    R"(","agreed_action":"Perbaikan",)"
                    R"("due_date":")" +
                    due + "\"" + extra + "}");
}

std::vector<std::string> hist_ids(const boost::json::value& history, const char* list) {
  std::vector<std::string> out;
  for (const auto& x : history.at(list).as_array()) out.push_back(text_of(x, "id"));
  return out;
}

/// Imports one live application (code, category) through the inventory import; returns its id.
std::string hist_import_app(Client& c, const std::string& code, const std::string& category) {
  auto t = c.get("/api/applications/import/template.csv");
  EXPECT_EQ(t.status, 200);
  auto body = t.body.substr(t.body.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
  auto header = body.substr(0, body.find("\r\n"));
  auto example = body.substr(header.size() + 2);
  example = example.substr(0, example.find("\r\n"));
  std::vector<std::string> row;
  std::stringstream ss(example);
  for (std::string f; std::getline(ss, f, ',');) row.push_back(f);
  row[0] = code;
  row[1] = "Aplikasi " + code;
  row[4] = category;
  row[6] = "https://" + code + ".kota.go.id";
  row[7] = code + ".kota.go.id";
  std::string csv = header + "\r\n";
  for (std::size_t i = 0; i < row.size(); ++i) csv += (i ? "," : "") + row[i];
  auto r = c.send("POST", "/api/applications/import?dry_run=false", csv + "\r\n",
                  {{"content-type", "application/octet-stream"}});
  EXPECT_EQ(r.status, 200) << r.body;
  auto list = c.get("/api/applications?per_page=100");
  for (const auto& a : list.json.at("items").as_array())
    if (text_of(a, "code") == code) return text_of(a, "id");
  ADD_FAILURE() << "no application " << code << ": " << list.body;
  return "";
}

}  // namespace

TEST_P(AuditHistoryTest, AnObjectsHistoryShowsItsOwnProgrammesAndFindingsNewestFirstAndNeverAnotherTenants) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto today = hist_today(in);
  auto kominfo = agency_id(admin, "DISKOMINFO"), dinkes = agency_id(admin, "DINKES");
  auto server = hist_element(admin, "infrastruktur", "SRV-H1", kominfo, R"({"infra_type":"perangkat_keras"})");
  auto other = hist_element(admin, "infrastruktur", "SRV-H2", kominfo, R"({"infra_type":"perangkat_keras"})");
  auto control = hist_element(admin, "keamanan", "KTR-H1", kominfo, R"({"security_aspect":"kerahasiaan"})");

  // An audit of both servers two years ago, and one of the first server running now.
  auto old_audit =
      hist_programme(admin, "infrastruktur", {server, other}, hist_months(today, -26), hist_months(today, -25));
  auto running = hist_programme(admin, "infrastruktur", {server}, hist_months(today, -1), "");
  auto linked = hist_finding(admin, running, server, dinkes, "Kata sandi bawaan", R"(,"control_id":")" + control + "\"",
                             hist_months(today, 1));
  ASSERT_EQ(linked.status, 201) << linked.body;
  EXPECT_EQ(text_of(linked.json, "control_id"), control);
  auto about_other =
      hist_finding(admin, old_audit, other, kominfo, "Cadangan tidak diuji", "", hist_months(today, -20));
  ASSERT_EQ(about_other.status, 201) << about_other.body;

  auto history = admin.get("/api/audit/objects/" + server + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(text_of(history.json.at("object"), "kind"), "infrastructure");
  EXPECT_EQ(text_of(history.json.at("object"), "code"), "SRV-H1");
  EXPECT_EQ(hist_ids(history.json, "programmes"), (std::vector<std::string>{running, old_audit}));  // newest first
  EXPECT_EQ(hist_ids(history.json, "findings"), (std::vector<std::string>{text_of(linked.json, "id")}));
  const auto& shown = history.json.at("findings").at(0);
  EXPECT_EQ(text_of(shown, "severity_name"), "Tinggi");
  EXPECT_EQ(text_of(shown, "state_name"), "Terbuka");
  EXPECT_EQ(text_of(shown, "due_date"), hist_months(today, 1));
  EXPECT_EQ(text_of(shown, "programme_title"), "Audit infrastruktur " + hist_months(today, -1));
  EXPECT_EQ(text_of(history.json.at("programmes").at(0), "state_name"), "Dimulai");
  EXPECT_EQ(text_of(history.json.at("programmes").at(1), "report_date"), hist_months(today, -25));

  auto second = admin.get("/api/audit/objects/" + other + "/history");
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(hist_ids(second.json, "programmes"), (std::vector<std::string>{old_audit}));
  EXPECT_EQ(hist_ids(second.json, "findings"), (std::vector<std::string>{text_of(about_other.json, "id")}));
  EXPECT_TRUE(second.json.at("findings").at(0).at("overdue").as_bool());

  // The security control's history holds the finding linked to it.
  auto of_control = admin.get("/api/audit/objects/" + control + "/history");
  ASSERT_EQ(of_control.status, 200) << of_control.body;
  EXPECT_EQ(text_of(of_control.json.at("object"), "kind"), "control");
  EXPECT_TRUE(of_control.json.at("programmes").as_array().empty());
  EXPECT_EQ(hist_ids(of_control.json, "findings"), (std::vector<std::string>{text_of(linked.json, "id")}));
  EXPECT_TRUE(of_control.json.at("findings").at(0).at("via_control").as_bool());

  // A PD operator reads it as the module's other lists (audit.read).
  auto operator_client = user(in, admin, "balikpapan", "operator.dinkes", "agency_operator", dinkes);
  auto seen = operator_client.get("/api/audit/objects/" + server + "/history");
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(hist_ids(seen.json, "findings"), hist_ids(history.json, "findings"));

  // Another tenant never sees it, nor names this tenant's control in its own finding.
  auto bontang = admin_client(in, "bontang");
  auto foreign = bontang.get("/api/audit/objects/" + server + "/history");
  EXPECT_EQ(foreign.status, 404) << foreign.body;
  EXPECT_EQ(foreign.error_code(), "architecture.element_not_found");
  EXPECT_EQ(bontang.get("/api/audit/objects/" + control + "/history").status, 404);
  EXPECT_EQ(admin.get("/api/audit/objects/bukan-id/history").status, 400);
}

TEST_P(AuditHistoryTest, AFindingNamesOnlyASecurityControlOfItsTenant) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto today = hist_today(in);
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto server = hist_element(admin, "infrastruktur", "SRV-H3", kominfo, R"({"infra_type":"perangkat_keras"})");
  auto running = hist_programme(admin, "infrastruktur", {server}, hist_months(today, -1), "");
  auto bontang = admin_client(in, "bontang");
  auto btg_agency =
      bontang.post("/api/agencies", R"({"code":"BTG-HIS","name":"Badan Uji Bontang","type":"dinas_daerah"})");
  ASSERT_EQ(btg_agency.status, 201) << btg_agency.body;
  auto foreign_control =
      hist_element(bontang, "keamanan", "KTR-BTG", text_of(btg_agency.json, "id"), R"({"security_aspect":"keutuhan"})");

  auto ledger = ledger_size(in);
  // Unknown, not a security control (a server), or another tenant's control: refused, nothing recorded.
  for (const auto& id : {crypto::new_id(), server, foreign_control}) {
    auto r = hist_finding(admin, running, server, kominfo, "Temuan", R"(,"control_id":")" + id + "\"",
                          hist_months(today, 1));
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.error_code(), "validation.invalid_value");
    EXPECT_EQ(text_of(r.json.at("error").at("details"), "field"), "control_id");
  }
  EXPECT_EQ(
      hist_finding(admin, running, server, kominfo, "Temuan", R"(,"control_id":"bukan id")", hist_months(today, 1))
          .status,
      422);
  EXPECT_EQ(ledger_size(in), ledger);
  EXPECT_EQ(admin.get("/api/audit/findings").json.at("total").as_int64(), 0);
}

// Issue 19 item 5: the date an application record carried becomes a completed, imported application
// audit; the application's last audit, its next due date and the overdue finding stay as they were.
TEST_P(AuditHistoryTest, RecordedApplicationAuditDatesBecomeImportedHistoryAndKeepTheirMeaning) {
  SIMPUL_PROVES("balikpapan", "BPN-40-3");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto today = hist_today(in);
  auto recorded = hist_import_app(admin, "APL-H1", "aplikasi_khusus");
  auto audited = hist_import_app(admin, "APL-H2", "aplikasi_khusus");
  ASSERT_FALSE(recorded.empty());
  ASSERT_FALSE(audited.empty());
  for (const auto& id : {recorded, audited})
    ASSERT_EQ(
        admin.patch("/api/applications/" + id, R"({"last_audit_date":")" + hist_months(today, -30) + "\"}").status,
        200);
  // APL-H2 already has a completed application audit here: its recorded date is not imported.
  hist_programme(admin, "aplikasi", {audited}, hist_months(today, -3), hist_months(today, -2));
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  auto before = admin.get("/api/applications/" + recorded);
  ASSERT_EQ(before.status, 200) << before.body;
  const auto& due_before = before.json.at("audit_due");
  ASSERT_TRUE(due_before.is_object()) << before.body;
  EXPECT_TRUE(due_before.at("overdue").as_bool());
  EXPECT_EQ(text_of(due_before.at("rule"), "id"), "BPN-40-3");
  EXPECT_EQ(text_of(due_before.at("rule"), "citation"), "Pasal 40 ayat (3)");

  auto& audits = in.platform().service<audit::Service>();
  auto ledger = ledger_size(in);
  EXPECT_EQ(audits.import_recorded_audits(), 1);
  EXPECT_EQ(audits.import_recorded_audits(), 0);  // idempotent
  EXPECT_EQ(ledger_size(in), ledger + 1);

  auto programmes = admin.get("/api/audit/programmes?type=aplikasi");
  ASSERT_EQ(programmes.status, 200) << programmes.body;
  int imported = 0;
  for (const auto& p : programmes.json.at("items").as_array()) {
    if (!p.at("imported").as_bool()) continue;
    ++imported;
    EXPECT_EQ(text_of(p, "state"), "ditutup");
    EXPECT_EQ(text_of(p, "report_date"), hist_months(today, -30));
    EXPECT_EQ(p.at("object_ids").as_array().size(), 1u);
    EXPECT_EQ(text_of(p, "kind"), "eksternal");
    EXPECT_EQ(std::string(p.at("object_ids").at(0).as_string()), recorded);
  }
  EXPECT_EQ(imported, 1);

  // The application's last audit, next due date and the open finding with its article are unchanged.
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  auto after = admin.get("/api/applications/" + recorded);
  ASSERT_EQ(after.status, 200) << after.body;
  const auto& due_after = after.json.at("audit_due");
  EXPECT_EQ(text_of(due_after, "since"), text_of(due_before, "since"));
  EXPECT_EQ(text_of(due_after, "date"), text_of(due_before, "date"));
  EXPECT_TRUE(due_after.at("overdue").as_bool());
  bool open = false;
  for (const auto& f : after.json.at("findings").as_array())
    open =
        open || (text_of(f.at("rule"), "id") == "BPN-40-3" && text_of(f.at("rule"), "citation") == "Pasal 40 ayat (3)");
  EXPECT_TRUE(open) << json_text(after.json.at("findings"));
  EXPECT_EQ(text_of(after.json, "last_audit_date"), hist_months(today, -30));

  // The audit module now knows the same last audit, and the application's history shows it.
  auto objects = admin.get("/api/audit/objects?type=aplikasi");
  ASSERT_EQ(objects.status, 200) << objects.body;
  for (const auto& o : objects.json.at("items").as_array())
    if (text_of(o, "object_id") == recorded) EXPECT_EQ(text_of(o, "last_audit"), hist_months(today, -30));
  auto history = admin.get("/api/audit/objects/" + recorded + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(text_of(history.json.at("object"), "kind"), "application");
  ASSERT_EQ(history.json.at("programmes").as_array().size(), 1u);
  EXPECT_TRUE(history.json.at("programmes").at(0).at("imported").as_bool());
}

INSTANTIATE_TEST_SUITE_P(Databases, AuditHistoryTest, ::testing::ValuesIn(test_support::backends()));
