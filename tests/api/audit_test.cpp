// Audit TIK through the API, one fixture through each of the five regulations: what each audit
// type covers and when it falls due, the programme gates (auditor, team decree, the internal audit a
// month ahead), the dated steps, findings followed up by their agency, and Madiun's routing of the
// results. On both databases.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "api_harness.hpp"
#include "pdf_text.hpp"
#include "audit/demo.hpp"
#include "audit/errors.hpp"
#include "audit/service.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "testing/proves.hpp"
#include "regulation/engine.hpp"
#include "storage/unit_of_work.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

struct AuditRegion {
  std::string profile;
  std::string khusus;               // an Aplikasi Khusus category
  std::set<std::string> app_scope;  // codes in scope of the application audit (APL-K khusus, APL-U umum)
  std::string infra_cadence;        // the article of the infrastructure cadence; empty: 'berkala', no period
  std::string app_scope_rule;       // the article refusing APL-U in an application audit; empty: in scope
  std::string auditor_rule;
  bool certified_allowed = false;
  std::string internal_rule;                  // internal audit a month ahead; empty: not required
  std::string team_rule;                      // audit team decree; empty: not required
  std::string routing_rule;                   // results routed through the Ketua Tim Koordinasi; empty: none
  std::string app_cadence, security_cadence;  // the cadence articles of the application and security audits
  std::string types_rule, aspects_rule;       // the list of the three types, the four aspects
};

const std::vector<AuditRegion>& audit_regions() {
  static const std::vector<AuditRegion> k = {
      {"bandar-lampung",
       "aplikasi_khusus",
       {"APL-K"},
       "BDL-40-3",
       "BDL-42-1",
       "BDL-39-4",
       false,
       "BDL-39-6",
       "BDL-40-1",
       "",
       "BDL-40-3",
       "BDL-40-3",
       "BDL-39-1",
       "BDL-39-2"},
      {"balikpapan",
       "aplikasi_khusus",
       {"APL-K"},
       "BPN-39-1",
       "BPN-40-1",
       "BPN-38-3",
       false,
       "",
       "",
       "",
       "BPN-40-3",
       "BPN-41-2",
       "BPN-38-1",
       "BPN-38-2"},
      {"lampung-timur",
       "aplikasi_khusus",
       {"APL-K", "APL-U"},
       "",
       "",
       "LTM-34-4",
       false,
       "LTM-34-5",
       "",
       "",
       "",
       "",
       "LTM-34-2",
       "LTM-34-2"},
      {"bontang",
       "aplikasi_khusus",
       {"APL-K"},
       "BTG-45-1",
       "BTG-46-1",
       "BTG-44-3",
       false,
       "",
       "",
       "",
       "BTG-46-1",
       "BTG-47-1",
       "BTG-44-1",
       "BTG-44-1"},
      {"madiun",
       "aplikasi_khusus_pd",
       {"APL-K", "APL-U"},
       "MDN-41-1",
       "",
       "MDN-40-3",
       true,
       "",
       "",
       "MDN-41-1",
       "MDN-42-2",
       "MDN-43-1",
       "MDN-40-1",
       "MDN-40-1"},
  };
  return k;
}

/// The citation of each rule these tests assert, as profiles/<region>.yaml states it.
std::string audit_citation(const std::string& rule) {
  static const std::map<std::string, std::string> k = {
      {"BDL-39-4", "Pasal 39 ayat (4)"}, {"BDL-39-6", "Pasal 39 ayat (6)"}, {"BDL-40-1", "Pasal 40 ayat (1)"},
      {"BDL-40-3", "Pasal 40 ayat (3)"}, {"BDL-42-1", "Pasal 42 ayat (1)"}, {"BPN-38-3", "Pasal 38 ayat (3)"},
      {"BPN-39-1", "Pasal 39 ayat (1)"}, {"BPN-40-1", "Pasal 40 ayat (1)"}, {"LTM-34-4", "Pasal 34 ayat (4)"},
      {"LTM-34-5", "Pasal 34 ayat (5)"}, {"BTG-44-3", "Pasal 44 ayat (3)"}, {"BTG-45-1", "Pasal 45 ayat (1)"},
      {"BTG-46-1", "Pasal 46 ayat (1)"}, {"MDN-40-3", "Pasal 40 ayat (3)"}, {"MDN-41-1", "Pasal 41 ayat (1)"},
      {"BDL-39-1", "Pasal 39 ayat (1)"}, {"BDL-39-2", "Pasal 39 ayat (2)"}, {"BPN-38-1", "Pasal 38 ayat (1)"},
      {"BPN-38-2", "Pasal 38 ayat (2)"}, {"BPN-40-3", "Pasal 40 ayat (3)"}, {"BPN-41-2", "Pasal 41 ayat (2)"},
      {"LTM-34-2", "Pasal 34 ayat (2)"}, {"BTG-44-1", "Pasal 44 ayat (1)"}, {"BTG-47-1", "Pasal 47 ayat (1)"},
      {"MDN-40-1", "Pasal 40 ayat (1)"}, {"MDN-42-2", "Pasal 42 ayat (2)"}, {"MDN-43-1", "Pasal 43 ayat (1)"},
  };
  auto it = k.find(rule);
  return it == k.end() ? "(no citation expected for " + rule + ")" : it->second;
}

/// The citation a refusal carries.
std::string audit_refusal_citation(const Reply& r) {
  if (!r.json.is_object() || !r.json.as_object().contains("error") || !r.json.at("error").as_object().contains("rule"))
    return "";
  return text_of(r.json.at("error").at("rule"), "citation");
}

class AuditTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string audit_today(Instance& in) {
  return in.platform().tenancy().profile_of(Scope{in.platform().tenancy().tenants().front().id}).today();
}

std::string months_from(const std::string& date, int n) { return regulation::add_months(date, n); }

/// Imports live applications (code, category) through the inventory import; returns code -> id.
std::map<std::string, std::string> import_audit_apps(Client& c,
                                                     const std::vector<std::pair<std::string, std::string>>& apps) {
  auto t = c.get("/api/applications/import/template.csv");
  EXPECT_EQ(t.status, 200);
  auto body = t.body.substr(t.body.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0);
  auto header = body.substr(0, body.find("\r\n"));
  auto example = body.substr(header.size() + 2);
  example = example.substr(0, example.find("\r\n"));
  std::vector<std::string> fields;
  std::stringstream ss(example);
  for (std::string f; std::getline(ss, f, ',');) fields.push_back(f);
  std::string csv = header + "\r\n";
  for (const auto& [code, category] : apps) {
    auto row = fields;
    row[0] = code;
    row[1] = "Aplikasi " + code;
    row[4] = category;
    row[6] = "https://" + code + ".kota.go.id";
    row[7] = code + ".kota.go.id";
    for (std::size_t i = 0; i < row.size(); ++i) csv += (i ? "," : "") + row[i];
    csv += "\r\n";
  }
  auto r =
      c.send("POST", "/api/applications/import?dry_run=false", csv, {{"content-type", "application/octet-stream"}});
  EXPECT_EQ(r.status, 200) << r.body;
  std::map<std::string, std::string> ids;
  auto list = c.get("/api/applications?per_page=100");
  if (list.status != 200 || !list.json.is_object() || !list.json.as_object().contains("items")) {
    ADD_FAILURE() << list.status << " " << list.body;
    return ids;
  }
  for (const auto& a : list.json.at("items").as_array())
    if (a.as_object().contains("code"))
      ids[text_of(a, "code")] = text_of(a, "id");
    else
      ADD_FAILURE() << json_text(a);
  return ids;
}

std::string add_infrastructure(Client& c, const std::string& code, const std::string& agency) {
  auto r = c.post("/api/architecture/elements", R"({"domain":"infrastruktur","code":")" + code +
                                                    R"(","name":"Server )" + code + R"(","owner_agency_id":")" +
                                                    agency + R"(","attributes":{"infra_type":"perangkat_keras"}})");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

std::string audit_ids_json(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ",\"" : "\"") + ids[i] + "\"";
  return out + "]";
}

/// A programme body; `extra` adds members (leading comma).
std::string programme_body(const std::string& type, const std::vector<std::string>& objects, const std::string& start,
                           const std::string& end, const std::string& extra = "") {
  return R"({"type":")" + type + R"(","title":"Audit )" + type +
         R"(","aspects":["tata_kelola","kinerja"],"object_ids":)" + audit_ids_json(objects) +
         R"(,"auditor_kind":"lembaga_pemerintah","auditor_name":"BSSN","auditor_reference":"AKR-01/2024","planned_start":")" +
         start + R"(","planned_end":")" + end + "\"" + extra + "}";
}

const std::string kAuditTeamDecree = R"(,"team_decree_number":"188/45/III.02/2024","team_decree_date":"2024-01-02")";

Reply audit_step(Client& c, const std::string& id, const std::string& to, const std::string& date) {
  return c.post("/api/audit/programmes/" + id + "/steps", R"({"to":")" + to + R"(","date":")" + date + "\"}");
}

/// An external audit of `objects` whose report arrives on `report`, with its internal audit a month
/// ahead where the region requires one; returns the external programme id.
std::string completed_audit(Client& c, const AuditRegion& region, const std::string& type,
                            const std::vector<std::string>& objects, const std::string& start,
                            const std::string& report) {
  std::string extra = region.team_rule.empty() ? "" : kAuditTeamDecree;
  if (!region.internal_rule.empty()) {
    auto internal = c.post(
        "/api/audit/programmes",
        programme_body(type, objects, months_from(start, -3), months_from(start, -2), R"(,"kind":"internal")" + extra));
    EXPECT_EQ(internal.status, 201) << internal.body;
    auto iid = text_of(internal.json, "id");
    EXPECT_EQ(audit_step(c, iid, "dimulai", months_from(start, -3)).status, 200);
    EXPECT_EQ(audit_step(c, iid, "laporan_diterima", months_from(start, -2)).status, 200);
    extra += R"(,"internal_programme_id":")" + iid + "\"";
  }
  auto external = c.post("/api/audit/programmes", programme_body(type, objects, start, report, extra));
  EXPECT_EQ(external.status, 201) << external.body;
  auto id = text_of(external.json, "id");
  auto started = audit_step(c, id, "dimulai", start);
  EXPECT_EQ(started.status, 200) << started.body;
  EXPECT_EQ(audit_step(c, id, "laporan_diterima", report).status, 200);
  return id;
}

std::set<std::string> object_codes(const Reply& r) {
  std::set<std::string> out;
  for (const auto& i : r.json.at("items").as_array()) out.insert(text_of(i, "object_code"));
  return out;
}

/// The open findings about one object: rule id -> the citation the finding carries.
std::map<std::string, std::string> open_audit_citations(Client& c, const std::string& object) {
  std::map<std::string, std::string> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  for (const auto& f : r.json.at("items").as_array())
    out[text_of(f.at("rule"), "id")] = text_of(f.at("rule"), "citation");
  return out;
}

std::set<std::string> open_audit_rules(Client& c, const std::string& object) {
  std::set<std::string> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);  // kept: the loop reads into it
  for (const auto& f : r.json.at("items").as_array()) out.insert(text_of(f.at("rule"), "id"));
  return out;
}

/// The catalogue code the module answers with (audit/errors.hpp names each use).
std::string audit_code(ErrorCode code) { return std::string(error_code_string(code)); }

/// "2026-10-05" as a user reads it in the summary PDF: "5 Oktober 2026".
std::string audit_long_date(const std::string& ymd) {
  static const char* const kNames[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                       "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  return std::to_string(std::stoi(ymd.substr(8, 2))) + " " + kNames[std::stoi(ymd.substr(5, 2)) - 1] + " " +
         ymd.substr(0, 4);
}

Reply upload_audit_report(Client& c, const std::string& programme, const std::string& filename,
                          const std::string& bytes) {
  return c.send("POST", "/api/audit/programmes/" + programme + "/reports?filename=" + filename, bytes,
                {{"content-type", "application/octet-stream"}});
}

/// The article each region cites for the coordination on an infrastructure audit; empty: none stated.
std::string infra_coordination_rule(const std::string& region) {
  if (region == "bandar-lampung") return "BDL-41-2";
  if (region == "balikpapan") return "BPN-38-5";
  if (region == "bontang") return "BTG-44-5";
  return "";
}

std::string infra_coordination_citation(const std::string& region) {
  if (region == "bandar-lampung") return "Pasal 41 ayat (2)";
  if (region == "balikpapan") return "Pasal 38 ayat (5)";
  if (region == "bontang") return "Pasal 44 ayat (5)";
  return "";
}

}  // namespace

TEST_P(AuditTest, EachRegionKnowsWhatIsInScopeOfEachAuditTypeAndWhenItIsDue) {
  // The infrastructure cadence: the object's due date and the overdue finding cite it.
  SIMPUL_PROVES("bandar-lampung", "BDL-40-3");
  SIMPUL_PROVES("balikpapan", "BPN-39-1");
  SIMPUL_PROVES("bontang", "BTG-45-1");
  SIMPUL_PROVES("madiun", "MDN-41-1");
  // The application and security cadence: the due date and status cite each type's own article, and
  // an object past its security audit becomes a finding of that article.
  SIMPUL_PROVES("balikpapan", "BPN-40-3");
  SIMPUL_PROVES("balikpapan", "BPN-41-2");
  SIMPUL_PROVES("bontang", "BTG-46-1");
  SIMPUL_PROVES("bontang", "BTG-47-1");
  SIMPUL_PROVES("madiun", "MDN-42-2");
  SIMPUL_PROVES("madiun", "MDN-43-1");
  for (const auto& region : audit_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto today = audit_today(in);
    auto apps = import_audit_apps(admin, {{"APL-K", region.khusus}, {"APL-U", "aplikasi_umum"}});
    auto old_server = add_infrastructure(admin, "INF-01", kominfo),
         recent_server = add_infrastructure(admin, "INF-02", kominfo);

    // Scope per type, as the region's articles state it.
    EXPECT_EQ(object_codes(admin.get("/api/audit/objects?type=aplikasi")), region.app_scope);
    auto security = region.app_scope;
    security.insert({"INF-01", "INF-02"});
    EXPECT_EQ(object_codes(admin.get("/api/audit/objects?type=keamanan")), security);
    EXPECT_EQ(object_codes(admin.get("/api/audit/objects?type=infrastruktur")),
              (std::set<std::string>{"INF-01", "INF-02"}));

    // INF-01 last audited 25 months ago, INF-02 23 months ago.
    completed_audit(admin, region, "infrastruktur", {old_server}, months_from(today, -26), months_from(today, -25));
    completed_audit(admin, region, "infrastruktur", {recent_server}, months_from(today, -24), months_from(today, -23));

    auto objects = admin.get("/api/audit/objects?type=infrastruktur");
    ASSERT_EQ(objects.status, 200) << objects.body;
    for (const auto& o : objects.json.at("items").as_array()) {
      bool old = text_of(o, "object_code") == "INF-01";
      EXPECT_EQ(text_of(o, "last_audit"), months_from(today, old ? -25 : -23));
      if (region.infra_cadence.empty()) {
        EXPECT_TRUE(o.at("due").is_null());  // 'berkala': no period to count from
        EXPECT_EQ(text_of(o, "status"), "tanpa_jadwal");
      } else {
        EXPECT_EQ(text_of(o, "due"), months_from(today, old ? -1 : 1));
        EXPECT_EQ(text_of(o, "status"), old ? "terlambat" : "terjadwal");
        EXPECT_EQ(text_of(o.at("rule"), "id"), region.infra_cadence);
        EXPECT_EQ(text_of(o.at("rule"), "citation"), audit_citation(region.infra_cadence));
      }
    }

    // The application and the security audit run on their own cadence, each with its article.
    completed_audit(admin, region, "aplikasi", {apps["APL-K"]}, months_from(today, -26), months_from(today, -25));
    completed_audit(admin, region, "keamanan", {old_server}, months_from(today, -26), months_from(today, -25));
    struct Audited {
      std::string type, code, rule;
    };
    for (const auto& [type, audited_code, rule] :
         {Audited{"aplikasi", "APL-K", region.app_cadence}, Audited{"keamanan", "INF-01", region.security_cadence}}) {
      bool seen = false;
      auto listed = admin.get("/api/audit/objects?type=" + type);  // kept: the loop reads into it
      for (const auto& o : listed.json.at("items").as_array()) {
        if (text_of(o, "object_code") != audited_code) continue;
        seen = true;
        EXPECT_EQ(text_of(o, "last_audit"), months_from(today, -25)) << type;
        if (rule.empty()) {
          EXPECT_TRUE(o.at("due").is_null()) << type;
          continue;
        }
        EXPECT_EQ(text_of(o, "due"), months_from(today, -1)) << type;
        EXPECT_EQ(text_of(o, "status"), "terlambat") << type;
        EXPECT_EQ(text_of(o.at("rule"), "id"), rule) << type;
        EXPECT_EQ(text_of(o.at("rule"), "citation"), audit_citation(rule)) << type;
      }
      EXPECT_TRUE(seen) << type;
    }

    // The due list shows INF-02 before it is overdue; the never-audited objects are due in two years.
    auto due = admin.get("/api/audit/due?type=infrastruktur");
    ASSERT_EQ(due.status, 200) << due.body;
    if (region.infra_cadence.empty()) {
      EXPECT_TRUE(object_codes(due).empty());
    } else {
      EXPECT_EQ(object_codes(due), (std::set<std::string>{"INF-01", "INF-02"}));
      EXPECT_EQ(object_codes(admin.get("/api/audit/due?type=infrastruktur&within_days=10")),
                (std::set<std::string>{"INF-01"}));
    }

    // Overdue becomes a compliance finding citing the region's article; on time does not.
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
    auto old_rules = open_audit_rules(admin, old_server);
    EXPECT_EQ(old_rules.count(region.infra_cadence), region.infra_cadence.empty() ? 0u : 1u);
    EXPECT_EQ(old_rules.count(region.security_cadence), region.security_cadence.empty() ? 0u : 1u);
    if (!region.security_cadence.empty())
      EXPECT_EQ(open_audit_citations(admin, old_server)[region.security_cadence],
                audit_citation(region.security_cadence));
    if (!region.infra_cadence.empty())
      EXPECT_EQ(open_audit_citations(admin, old_server)[region.infra_cadence], audit_citation(region.infra_cadence));
    EXPECT_TRUE(open_audit_rules(admin, recent_server).empty());
  }
}

TEST_P(AuditTest, AProgrammeIsPlannedOnlyAsTheRegionAllows) {
  // Another type than the three the article lists, and a programme without the aspects it examines.
  SIMPUL_PROVES("bandar-lampung", "BDL-39-1");
  SIMPUL_PROVES("bandar-lampung", "BDL-39-2");
  SIMPUL_PROVES("balikpapan", "BPN-38-1");
  SIMPUL_PROVES("balikpapan", "BPN-38-2");
  SIMPUL_PROVES("lampung-timur", "LTM-34-2");
  SIMPUL_PROVES("bontang", "BTG-44-1");
  SIMPUL_PROVES("madiun", "MDN-40-1");
  // An Aplikasi Umum refused in an application audit.
  SIMPUL_PROVES("bandar-lampung", "BDL-42-1");
  SIMPUL_PROVES("balikpapan", "BPN-40-1");
  SIMPUL_PROVES("bontang", "BTG-46-1");
  // An auditor without its accreditation reference refused.
  SIMPUL_PROVES("bandar-lampung", "BDL-39-4");
  SIMPUL_PROVES("balikpapan", "BPN-38-3");
  SIMPUL_PROVES("lampung-timur", "LTM-34-4");
  SIMPUL_PROVES("bontang", "BTG-44-3");
  SIMPUL_PROVES("madiun", "MDN-40-3");
  // A programme without the audit team decree refused.
  SIMPUL_PROVES("bandar-lampung", "BDL-40-1");
  for (const auto& region : audit_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto today = audit_today(in);
    auto apps = import_audit_apps(admin, {{"APL-K", region.khusus}, {"APL-U", "aplikasi_umum"}});
    auto server = add_infrastructure(admin, "INF-01", kominfo);
    std::string decree = region.team_rule.empty() ? "" : kAuditTeamDecree;
    auto start = months_from(today, 2), end = months_from(today, 3);
    auto count = [&] { return admin.get("/api/audit/programmes").json.at("total").as_int64(); };
    auto ledger = ledger_size(in);

    auto unknown = admin.post("/api/audit/programmes", programme_body("jaringan", {server}, start, end, decree));
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(unknown.error_code(), "validation.invalid_value");
    EXPECT_EQ(unknown.rule_id(), region.types_rule);  // the article listing the three audit types
    EXPECT_EQ(audit_refusal_citation(unknown), audit_citation(region.types_rule));

    // Application audits cover what the article names.
    auto umum = admin.post("/api/audit/programmes", programme_body("aplikasi", {apps["APL-U"]}, start, end, decree));
    if (region.app_scope_rule.empty()) {
      EXPECT_EQ(umum.status, 201) << umum.body;
    } else {
      EXPECT_EQ(umum.status, 422) << umum.body;
      EXPECT_EQ(umum.rule_id(), region.app_scope_rule);
      EXPECT_EQ(audit_refusal_citation(umum), audit_citation(region.app_scope_rule));
    }
    auto server_as_app = admin.post("/api/audit/programmes", programme_body("aplikasi", {server}, start, end, decree));
    EXPECT_EQ(server_as_app.status, 422);
    EXPECT_EQ(server_as_app.error_code(), audit_code(audit::kNotInScope));

    // Who may audit: an institution with its accreditation reference; a certified auditor only in Madiun.
    auto no_reference =
        admin.post("/api/audit/programmes",
                   R"({"type":"infrastruktur","title":"Audit","aspects":["kinerja"],"object_ids":[")" + server +
                       R"("],"auditor_kind":"lembaga_terakreditasi","auditor_name":"PT Audit","planned_start":")" +
                       start + R"(","planned_end":")" + end + "\"" + decree + "}");
    EXPECT_EQ(no_reference.status, 422);
    EXPECT_EQ(no_reference.error_code(), audit_code(audit::kGateRefused));
    EXPECT_EQ(no_reference.rule_id(), region.auditor_rule);
    EXPECT_EQ(audit_refusal_citation(no_reference), audit_citation(region.auditor_rule));
    auto certified = admin.post(
        "/api/audit/programmes",
        R"({"type":"infrastruktur","title":"Audit","aspects":["kinerja"],"object_ids":[")" + server +
            R"("],"auditor_kind":"auditor_tersertifikasi","auditor_name":"Budi, CISA","auditor_reference":"CISA-123","planned_start":")" +
            start + R"(","planned_end":")" + end + "\"" + decree + "}");
    if (region.certified_allowed) {
      EXPECT_EQ(certified.status, 201) << certified.body;
    } else {
      EXPECT_EQ(certified.status, 422) << certified.body;
      EXPECT_EQ(certified.rule_id(), region.auditor_rule);
      EXPECT_EQ(audit_refusal_citation(certified), audit_citation(region.auditor_rule));
    }
    auto no_aspects = admin.post(
        "/api/audit/programmes",
        R"({"type":"infrastruktur","title":"Audit","aspects":[],"object_ids":[")" + server +
            R"("],"auditor_kind":"lembaga_pemerintah","auditor_name":"BSSN","auditor_reference":"A-1","planned_start":")" +
            start + R"(","planned_end":")" + end + "\"" + decree + "}");
    EXPECT_EQ(no_aspects.status, 422);
    EXPECT_EQ(no_aspects.rule_id(), region.aspects_rule);  // the article listing the four aspects
    EXPECT_EQ(audit_refusal_citation(no_aspects), audit_citation(region.aspects_rule));
    auto backwards = admin.post("/api/audit/programmes", programme_body("infrastruktur", {server}, end, start, decree));
    EXPECT_EQ(backwards.status, 422);

    // Bandar Lampung: the audit team set by Keputusan Wali Kota, under the Inspektorat.
    auto without_decree = admin.post("/api/audit/programmes", programme_body("infrastruktur", {server}, start, end));
    if (region.team_rule.empty()) {
      EXPECT_EQ(without_decree.status, 201) << without_decree.body;
      EXPECT_EQ(text_of(without_decree.json, "team_agency_id"), "");
    } else {
      EXPECT_EQ(without_decree.status, 422);
      EXPECT_EQ(without_decree.rule_id(), region.team_rule);
      EXPECT_EQ(audit_refusal_citation(without_decree), audit_citation(region.team_rule));
      auto with_decree =
          admin.post("/api/audit/programmes", programme_body("infrastruktur", {server}, start, end, decree));
      ASSERT_EQ(with_decree.status, 201) << with_decree.body;
      EXPECT_EQ(text_of(with_decree.json, "team_agency_id"), agency_id(admin, "INSPEKTORAT"));
      EXPECT_EQ(text_of(with_decree.json, "team_decree_number"), "188/45/III.02/2024");
    }
    // Refusals change nothing: one ledger entry per accepted plan.
    std::int64_t accepted = (region.app_scope_rule.empty() ? 1 : 0) + (region.certified_allowed ? 1 : 0) + 1;
    EXPECT_EQ(count(), accepted);
    EXPECT_EQ(ledger_size(in), ledger + accepted);

    // Every user reads; only the audit managers plan.
    auto op = user(in, admin, region.profile, "op.audit", "agency_operator", kominfo);
    EXPECT_EQ(op.get("/api/audit/programmes").status, 200);
    EXPECT_EQ(op.post("/api/audit/programmes", programme_body("infrastruktur", {server}, start, end, decree)).status,
              403);
  }
}

TEST_P(AuditTest, TheExternalAuditWaitsForTheInternalAuditAMonthAhead) {
  SIMPUL_PROVES("bandar-lampung", "BDL-39-6");
  SIMPUL_PROVES("lampung-timur", "LTM-34-5");
  for (const auto& region : audit_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto server = add_infrastructure(admin, "INF-01", agency_id(admin, "DISKOMINFO"));
    auto today = audit_today(in);
    std::string decree = region.team_rule.empty() ? "" : kAuditTeamDecree;
    auto start = months_from(today, -1), deadline = months_from(today, -2);

    auto alone = admin.post("/api/audit/programmes", programme_body("keamanan", {server}, start, today, decree));
    ASSERT_EQ(alone.status, 201) << alone.body;
    auto alone_id = text_of(alone.json, "id");
    if (region.internal_rule.empty()) {
      EXPECT_TRUE(alone.json.at("internal_deadline").is_null());
      EXPECT_TRUE(alone.json.at("start_refusal").is_null());
      EXPECT_EQ(audit_step(admin, alone_id, "dimulai", start).status, 200);
      continue;
    }
    // The plan shows the exact deadline and why the start is refused, before anyone tries.
    EXPECT_EQ(text_of(alone.json, "internal_deadline"), deadline);
    EXPECT_EQ(text_of(alone.json.at("start_refusal").at("rule"), "id"), region.internal_rule);
    auto refused = audit_step(admin, alone_id, "dimulai", start);
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.rule_id(), region.internal_rule);
    EXPECT_FALSE(text_of(refused.json.at("error").at("rule"), "citation").empty());
    EXPECT_EQ(text_of(refused.json.at("error").at("rule"), "citation"), audit_citation(region.internal_rule));
    EXPECT_EQ(text_of(refused.json.at("error").at("details"), "internal_deadline"), deadline);

    // An internal audit planned to end after the deadline is refused at planning.
    auto late_plan =
        admin.post("/api/audit/programmes", programme_body("keamanan", {server}, months_from(today, -3),
                                                           months_from(today, -1), R"(,"kind":"internal")" + decree));
    ASSERT_EQ(late_plan.status, 201) << late_plan.body;
    auto refused_link = admin.post("/api/audit/programmes", programme_body("keamanan", {server}, start, today,
                                                                           decree + R"(,"internal_programme_id":")" +
                                                                               text_of(late_plan.json, "id") + "\""));
    EXPECT_EQ(refused_link.status, 422);
    EXPECT_EQ(refused_link.rule_id(), region.internal_rule);
    EXPECT_EQ(audit_refusal_citation(refused_link), audit_citation(region.internal_rule));

    // Planned in time, but its report came after the deadline: still refused.
    auto internal =
        admin.post("/api/audit/programmes", programme_body("keamanan", {server}, months_from(today, -4),
                                                           months_from(today, -3), R"(,"kind":"internal")" + decree));
    ASSERT_EQ(internal.status, 201) << internal.body;
    auto iid = text_of(internal.json, "id");
    auto external = admin.post(
        "/api/audit/programmes",
        programme_body("keamanan", {server}, start, today, decree + R"(,"internal_programme_id":")" + iid + "\""));
    ASSERT_EQ(external.status, 201) << external.body;
    auto eid = text_of(external.json, "id");
    EXPECT_EQ(audit_step(admin, eid, "dimulai", start).rule_id(), region.internal_rule);  // internal not started
    ASSERT_EQ(audit_step(admin, iid, "dimulai", months_from(today, -4)).status, 200);
    EXPECT_EQ(audit_step(admin, eid, "dimulai", start).rule_id(), region.internal_rule);        // not complete
    ASSERT_EQ(audit_step(admin, iid, "laporan_diterima", months_from(today, -2)).status, 200);  // on the deadline day
    auto started = audit_step(admin, eid, "dimulai", start);
    EXPECT_EQ(started.status, 200) << started.body;
    EXPECT_TRUE(started.json.at("start_refusal").is_null());
  }
}

TEST_P(AuditTest, StepsAreDatedInOrderAndFindingsAreFollowedUpByTheirAgency) {
  // Madiun: results routed through the Ketua Tim Koordinasi, dates out of order refused.
  SIMPUL_PROVES("madiun", "MDN-41-1");
  for (const auto& region : audit_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto kominfo = agency_id(admin, "DISKOMINFO"), dinkes = agency_id(admin, "DINKES");
    auto server = add_infrastructure(admin, "INF-01", kominfo);
    auto today = audit_today(in);
    std::string decree = region.team_rule.empty() ? "" : kAuditTeamDecree;
    auto p = admin.post("/api/audit/programmes",
                        programme_body("infrastruktur", {server}, months_from(today, -2), today, decree));
    ASSERT_EQ(p.status, 201) << p.body;
    auto id = text_of(p.json, "id");
    if (!region.internal_rule.empty()) {
      // This test is about the steps; the internal audit gate has its own test.
      auto internal =
          admin.post("/api/audit/programmes", programme_body("infrastruktur", {server}, months_from(today, -5),
                                                             months_from(today, -4), R"(,"kind":"internal")" + decree));
      auto iid = text_of(internal.json, "id");
      audit_step(admin, iid, "dimulai", months_from(today, -5));
      audit_step(admin, iid, "laporan_diterima", months_from(today, -4));
      p = admin.post("/api/audit/programmes", programme_body("infrastruktur", {server}, months_from(today, -2), today,
                                                             decree + R"(,"internal_programme_id":")" + iid + "\""));
      id = text_of(p.json, "id");
    }
    auto ledger = ledger_size(in);
    EXPECT_EQ(audit_step(admin, id, "dimulai", "2999-01-01").status, 422);  // not in the future
    EXPECT_EQ(audit_step(admin, id, "laporan_diterima", months_from(today, -1)).error_code(),
              audit_code(audit::kBadStep));  // not before it started
    ASSERT_EQ(audit_step(admin, id, "dimulai", months_from(today, -1)).status, 200);
    auto early = audit_step(admin, id, "laporan_diterima", months_from(today, -2));
    EXPECT_EQ(early.status, 422);  // a report dated before the audit began
    EXPECT_EQ(text_of(early.json.at("error").at("details"), "started_on"), months_from(today, -1));
    EXPECT_EQ(ledger_size(in), ledger + 1);

    // A finding during the audit, owned by the responsible agency.
    auto f =
        admin.post("/api/audit/programmes/" + id + "/findings",
                   R"({"object_id":")" + server +
                       R"(","severity":"tinggi","title":"Patch tertinggal","recommendation":"Terapkan patch",)"
                       R"("agency_id":")" +
                       dinkes + R"(","agreed_action":"Patch bulanan","due_date":")" + months_from(today, -1) + "\"}");
    ASSERT_EQ(f.status, 201) << f.body;
    auto fid = text_of(f.json, "id");
    auto board = admin.get("/api/audit/findings?agency=" + dinkes);
    ASSERT_EQ(board.json.at("total").as_int64(), 1);
    EXPECT_TRUE(board.json.at("items").at(0).at("overdue").as_bool());
    EXPECT_EQ(text_of(board.json.at("items").at(0), "state_name"), "Terbuka");

    ASSERT_EQ(audit_step(admin, id, "laporan_diterima", today).status, 200);
    auto closed_early = audit_step(admin, id, "ditutup", months_from(today, -1));
    EXPECT_EQ(closed_early.status, 422);

    // Follow-up by the responsible agency only; verification by the auditor or Inspektorat (audit.verify).
    auto other = user(in, admin, region.profile, "tl.kominfo.uji", "agency_operator", kominfo);
    auto owner = user(in, admin, region.profile, "tl.dinkes.uji", "agency_operator", dinkes);
    auto& auditor = admin;  // audit.verify: the tenant admin and the auditor role
    auto follow = R"({"evidence":"Laporan patch Januari","date":")" + today + "\"}";
    EXPECT_EQ(other.post("/api/audit/findings/" + fid + "/follow-up", follow).status, 403);
    EXPECT_EQ(owner.post("/api/audit/findings/" + fid + "/verification", R"({"date":")" + today + "\"}").status, 403);
    auto nothing = auditor.post("/api/audit/findings/" + fid + "/verification", R"({"date":")" + today + "\"}");
    EXPECT_EQ(nothing.status, error_http_status(audit::kBadStep));  // nothing to verify yet
    EXPECT_EQ(nothing.error_code(), audit_code(audit::kBadStep));
    auto followed = owner.post("/api/audit/findings/" + fid + "/follow-up", follow);
    ASSERT_EQ(followed.status, 200) << followed.body;
    EXPECT_FALSE(followed.json.at("overdue").as_bool());
    auto verified = auditor.post("/api/audit/findings/" + fid + "/verification", R"({"date":")" + today + "\"}");
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_EQ(text_of(verified.json, "state"), "terverifikasi");
    EXPECT_EQ(owner.post("/api/audit/findings/" + fid + "/follow-up", follow).error_code(),
              audit_code(audit::kFindingClosed));

    // Madiun: the results go to the Walikota through the Ketua Tim Koordinasi, with both dates.
    auto wrong_order =
        admin.post("/api/audit/programmes/" + id + "/routing",
                   R"({"sent_to_chair_on":")" + today + R"(","sent_to_head_on":")" + months_from(today, -1) + "\"}");
    EXPECT_EQ(wrong_order.status, 422);
    auto routed = admin.post("/api/audit/programmes/" + id + "/routing",
                             R"({"sent_to_chair_on":")" + today + R"(","sent_to_head_on":")" + today + "\"}");
    if (region.routing_rule.empty()) {
      EXPECT_EQ(routed.status, 422);
      EXPECT_EQ(routed.error_code(), audit_code(audit::kNotStated));
    } else {
      EXPECT_EQ(wrong_order.rule_id(), region.routing_rule);
      EXPECT_EQ(audit_refusal_citation(wrong_order), audit_citation(region.routing_rule));
      ASSERT_EQ(routed.status, 200) << routed.body;
      EXPECT_EQ(text_of(routed.json, "sent_to_head_on"), today);
    }
    ASSERT_EQ(audit_step(admin, id, "ditutup", today).status, 200);
    EXPECT_EQ(text_of(admin.get("/api/audit/programmes/" + id).json, "state_name"), "Ditutup");
    EXPECT_EQ(admin.get("/api/audit/programmes/" + crypto::new_id()).error_code(),
              audit_code(audit::kProgrammeNotFound));
  }
}

TEST_P(AuditTest, ReportsSummariesCorrectionsAndCoordinationAreRecorded) {
  for (const auto& region : audit_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto kominfo = agency_id(admin, "DISKOMINFO"), dinkes = agency_id(admin, "DINKES");
    auto server = add_infrastructure(admin, "INF-01", kominfo);
    auto today = audit_today(in);
    auto start = months_from(today, -3), report = months_from(today, -2);
    auto id = completed_audit(admin, region, "infrastruktur", {server}, start, report);
    auto finding = admin.post(
        "/api/audit/programmes/" + id + "/findings",
        R"({"object_id":")" + server +
            R"(","severity":"sedang","title":"Log akses tidak disimpan","recommendation":"Simpan log 1 tahun",)"
            R"("agency_id":")" +
            dinkes + R"(","agreed_action":"Aktifkan rotasi log","due_date":")" + months_from(today, 1) + "\"}");
    ASSERT_EQ(finding.status, 201) << finding.body;

    // The report: PDF or DOCX by its content, bounded, under a name that is only ever displayed.
    auto op = user(in, admin, region.profile, "op.laporan", "agency_operator", kominfo);
    auto ledger = ledger_size(in);
    auto text = upload_audit_report(admin, id, "laporan.pdf", "bukan laporan, hanya teks");
    EXPECT_EQ(text.status, error_http_status(audit::kReportType));
    EXPECT_EQ(text.error_code(), audit_code(audit::kReportType));
    EXPECT_EQ(upload_audit_report(admin, id, "..%2Flaporan.pdf", "%PDF-1.4 isi").status, 422);
    auto large = upload_audit_report(admin, id, "besar.pdf", "%PDF-1.4 " + std::string(8u << 20, 'x'));
    EXPECT_EQ(large.status, error_http_status(audit::kReportTooLarge));
    EXPECT_EQ(large.error_code(), audit_code(audit::kReportTooLarge));
    EXPECT_EQ(upload_audit_report(op, id, "laporan.pdf", "%PDF-1.4 isi").status, 403);
    EXPECT_EQ(ledger_size(in), ledger);  // refusals change nothing
    std::string docx = std::string("PK\x03\x04", 4) + "....[Content_Types].xml....word/document.xml....";
    auto first = upload_audit_report(admin, id, "laporan-awal.docx", docx);
    ASSERT_EQ(first.status, 201) << first.body;
    auto pdf = "%PDF-1.4\n% laporan hasil audit infrastruktur\n";
    auto second = upload_audit_report(admin, id, "Laporan%20Audit%20Infrastruktur.pdf", pdf);
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(ledger_size(in), ledger + 2);
    const auto& reports = second.json.at("reports").as_array();
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(text_of(reports.at(0), "filename"), "Laporan Audit Infrastruktur.pdf");  // newest first
    EXPECT_EQ(reports.at(0).at("version").as_int64(), 2);
    EXPECT_EQ(text_of(reports.at(0), "content_type"), "application/pdf");
    EXPECT_EQ(text_of(reports.at(1), "content_type"),
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    auto download = op.get("/api/audit/reports/" + text_of(reports.at(0), "id") + "/content");
    ASSERT_EQ(download.status, 200);
    EXPECT_EQ(download.body, pdf);
    EXPECT_NE(download.header("Content-Disposition").find("attachment"), std::string::npos);
    EXPECT_EQ(op.get("/api/audit/reports/" + crypto::new_id() + "/content").error_code(),
              audit_code(audit::kReportNotFound));

    // Coordination where the region's article asks for it (e.g. with the ministry); elsewhere refused.
    auto coordination = admin.post("/api/audit/programmes/" + id + "/coordination",
                                   R"({"date":")" + report + R"(","note":"Laporan pemantauan disampaikan"})");
    auto rule = infra_coordination_rule(region.profile);
    if (rule.empty()) {
      EXPECT_EQ(coordination.status, 422) << coordination.body;
      EXPECT_EQ(coordination.error_code(), audit_code(audit::kNotStated));
    } else {
      ASSERT_EQ(coordination.status, 201) << coordination.body;
      EXPECT_EQ(text_of(coordination.json.at("coordination_rule"), "id"), rule);
      EXPECT_EQ(text_of(coordination.json.at("coordination_rule"), "citation"),
                infra_coordination_citation(region.profile));
      ASSERT_EQ(coordination.json.at("coordination").as_array().size(), 1u);
      EXPECT_EQ(text_of(coordination.json.at("coordination").at(0), "date"), report);
      EXPECT_EQ(admin
                    .post("/api/audit/programmes/" + id + "/coordination",
                          R"({"date":")" + months_from(start, -1) + R"(","note":"x"})")
                    .error_code(),
                audit_code(audit::kBadDate));  // before the audit began
    }

    // Closed: nothing changes except through a logged correction with its reason.
    ASSERT_EQ(audit_step(admin, id, "ditutup", today).status, 200);
    auto closed_finding =
        admin.post("/api/audit/programmes/" + id + "/findings",
                   R"({"object_id":")" + server + R"(","severity":"rendah","title":"x","agency_id":")" + dinkes +
                       R"(","due_date":")" + today + "\"}");
    EXPECT_EQ(closed_finding.error_code(), audit_code(audit::kProgrammeClosed));
    EXPECT_EQ(upload_audit_report(admin, id, "lagi.pdf", pdf).error_code(), audit_code(audit::kProgrammeClosed));
    auto corrections = "/api/audit/programmes/" + id + "/corrections";
    ledger = ledger_size(in);
    EXPECT_EQ(admin.post(corrections, R"({"field":"auditor_name","value":"BSSN RI","reason":""})").status, 422);
    EXPECT_EQ(
        admin.post(corrections, R"({"field":"state","value":"dimulai","reason":"mengubah status program"})").status,
        422);
    auto disorder = admin.post(corrections, R"({"field":"report_date","value":")" + months_from(start, -1) +
                                                R"(","reason":"tanggal laporan salah ketik"})");
    EXPECT_EQ(disorder.error_code(), audit_code(audit::kBadDate));  // a report dated before the audit began
    EXPECT_EQ(op.post(corrections, R"({"field":"auditor_name","value":"BSSN RI","reason":"nama lembaga salah ketik"})")
                  .status,
              403);
    EXPECT_EQ(ledger_size(in), ledger);
    auto corrected = admin.post(
        corrections,
        R"({"field":"auditor_name","value":"Badan Siber dan Sandi Negara","reason":"nama lembaga salah ketik"})");
    ASSERT_EQ(corrected.status, 200) << corrected.body;
    EXPECT_EQ(text_of(corrected.json, "auditor_name"), "Badan Siber dan Sandi Negara");
    ASSERT_EQ(corrected.json.at("corrections").as_array().size(), 1u);
    const auto& logged = corrected.json.at("corrections").at(0);
    EXPECT_EQ(text_of(logged, "old_value"), "BSSN");
    EXPECT_EQ(text_of(logged, "reason"), "nama lembaga salah ketik");
    EXPECT_EQ(ledger_size(in), ledger + 1);
    auto open = admin.post("/api/audit/programmes", programme_body("infrastruktur", {server}, today, today,
                                                                   region.team_rule.empty() ? "" : kAuditTeamDecree));
    ASSERT_EQ(open.status, 201) << open.body;
    EXPECT_EQ(admin
                  .post("/api/audit/programmes/" + text_of(open.json, "id") + "/corrections",
                        R"({"field":"title","value":"Judul baru","reason":"belum ditutup, tidak perlu koreksi"})")
                  .error_code(),
              audit_code(audit::kBadStep));

    // The summary PDF says what happened, with the Pemda's local dates.
    auto summary = op.get("/api/audit/programmes/" + id + "/summary.pdf");
    ASSERT_EQ(summary.status, 200) << summary.body;
    EXPECT_EQ(summary.body.rfind("%PDF-", 0), 0u);
    auto shown = pdf_text(summary.body);
    for (const std::string& expected :
         {std::string("Ringkasan Audit TIK"), std::string("Audit infrastruktur"), std::string("INF-01 Server INF-01"),
          std::string("Badan Siber dan Sandi Negara"), std::string("AKR-01/2024"), audit_long_date(start),
          audit_long_date(report), audit_long_date(today), std::string("Log akses tidak disimpan"),
          std::string("Sedang"), std::string("Terbuka"), std::string("nama lembaga salah ketik")})
      EXPECT_NE(shown.find(expected), std::string::npos) << expected;
    if (!rule.empty()) EXPECT_NE(shown.find("Laporan pemantauan disampaikan"), std::string::npos);
    auto yearly = op.get("/api/audit/summary.pdf?year=" + start.substr(0, 4));
    ASSERT_EQ(yearly.status, 200);
    auto year_text = pdf_text(yearly.body);
    EXPECT_NE(year_text.find("Ringkasan Audit TIK Tahun " + start.substr(0, 4)), std::string::npos);
    EXPECT_NE(year_text.find("Log akses tidak disimpan"), std::string::npos);
    EXPECT_EQ(op.get("/api/audit/summary.pdf?year=abc").status, 400);
    EXPECT_EQ(op.get("/api/audit/programmes/" + crypto::new_id() + "/summary.pdf").error_code(),
              audit_code(audit::kProgrammeNotFound));
  }
}

TEST_P(AuditTest, TheResponsibleAgencyIsToldOfItsFindingsAndRemindedBeforeTheyFallDue) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO"), dinkes = agency_id(admin, "DINKES");
  auto owner = user(in, admin, "balikpapan", "tl.dinkes.notif", "agency_operator", dinkes);
  auto bystander = user(in, admin, "balikpapan", "tl.kominfo.notif", "agency_operator", kominfo);
  auto server = add_infrastructure(admin, "INF-01", kominfo);
  auto today = audit_today(in);
  auto p =
      admin.post("/api/audit/programmes", programme_body("infrastruktur", {server}, months_from(today, -1), today));
  ASSERT_EQ(p.status, 201) << p.body;
  auto id = text_of(p.json, "id");
  ASSERT_EQ(audit_step(admin, id, "dimulai", months_from(today, -1)).status, 200);
  auto finding = [&](const std::string& title, const std::string& due) {
    auto r = admin.post("/api/audit/programmes/" + id + "/findings",
                        R"({"object_id":")" + server + R"(","severity":"tinggi","title":")" + title +
                            R"(","agency_id":")" + dinkes + R"(","due_date":")" + due + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return text_of(r.json, "id");
  };
  finding("Sertifikat TLS kedaluwarsa", clock::plus_days(today, 7));
  auto later = finding("Dokumentasi jaringan belum lengkap", months_from(today, 3));
  auto titles = [](Client& c) {
    std::vector<std::string> out;
    auto inbox = c.get("/api/notifications");  // kept: the loop reads into it
    for (const auto& i : inbox.json.at("items").as_array()) out.push_back(text_of(i, "title"));
    return out;
  };
  auto told = titles(owner);
  ASSERT_EQ(told.size(), 2u);
  EXPECT_NE(told.at(0).find("Temuan audit baru"), std::string::npos);
  EXPECT_TRUE(titles(bystander).empty());  // another agency's operator is not told

  // The reminder goes once, for what falls due within two weeks only.
  auto& audits = in.platform().service<audit::Service>();
  EXPECT_EQ(audits.remind_follow_ups(), 1);
  EXPECT_EQ(audits.remind_follow_ups(), 0);
  told = titles(owner);
  ASSERT_EQ(told.size(), 3u);
  EXPECT_EQ(std::count_if(told.begin(), told.end(),
                          [](const std::string& t) {
                            return t.find("segera jatuh tempo: Sertifikat TLS kedaluwarsa") != std::string::npos;
                          }),
            1);
  (void)later;
}

TEST_P(AuditTest, DemoDataShowsACompletedAuditOneInProgressAndOneDueSoon) {
  for (const auto& region : audit_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto scope = Scope{in.platform().tenancy().tenants().front().id};
    audit::seed_audit_demo(in.platform().service<audit::Service>(), in.platform().tenancy(),
                           seam::DemoTenant{scope, region.profile, "", nullptr});
    std::map<std::string, std::string> states;             // external programme title -> state
    auto programmes = admin.get("/api/audit/programmes");  // kept: the loop reads into it
    for (const auto& x : programmes.json.at("items").as_array())
      if (text_of(x, "kind") == "eksternal") states[text_of(x, "title")] = text_of(x, "state");
    ASSERT_EQ(states.size(), 3u);
    EXPECT_EQ(states["Audit Keamanan SPBE portal"], "dimulai");
    EXPECT_EQ(states["Audit Infrastruktur SPBE basis data"], "ditutup");
    auto findings = admin.get("/api/audit/findings").json.at("items").as_array();
    ASSERT_EQ(findings.size(), 2u);
    std::set<std::string> finding_states;
    for (const auto& f : findings) finding_states.insert(text_of(f, "state"));
    EXPECT_EQ(finding_states, (std::set<std::string>{"terbuka", "terverifikasi"}));
    auto due = object_codes(admin.get("/api/audit/due?type=infrastruktur&within_days=90"));
    if (region.infra_cadence.empty())
      EXPECT_TRUE(due.empty());  // 'berkala': nothing falls due
    else
      EXPECT_EQ(due, (std::set<std::string>{"SRV-AUD-02"}));
  }
}

TEST_P(AuditTest, TheAuditIndicatorsOfTheEvaluationSeeProgrammesHeldAndFindingsClosed) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto server = add_infrastructure(admin, "INF-01", kominfo);
  auto today = audit_today(in);
  // 2025 is evaluated with the SPBE 2020 framework, whose I29 asks for infrastructure audits.
  std::string year = "2025";
  auto period = admin.post("/api/evaluation/periods", "{\"year\":" + year + "}");
  ASSERT_EQ(period.status, 201) << period.body;
  auto indicator = "/api/evaluation/periods/" + text_of(period.json, "id") +
                   "/indicators/I29";  // Audit Infrastruktur SPBE: [audit, infrastructure]
  auto entry = user(in, admin, "bontang", "entri.audit", "assessor", kominfo);
  auto member = admin.post(
      "/api/evaluation/periods/" + text_of(period.json, "id") + "/members",
      R"({"user_id":")" + text_of(entry.get("/api/auth/me").json.at("user"), "id") + R"(","role":"data_entry"})");
  ASSERT_EQ(member.status, 201) << member.body;
  auto proposals = [&] {
    std::vector<boost::json::value> out;
    auto view = entry.get(indicator);
    EXPECT_EQ(view.status, 200) << view.body;
    for (const auto& p : view.json.at("proposals").as_array())
      if (text_of(p, "source") == "ict_audit") out.push_back(p);
    return out;
  };
  // Nothing held this year: a gap for each audit type.
  auto before = proposals();
  ASSERT_EQ(before.size(), 3u);
  for (const auto& p : before) EXPECT_FALSE(p.at("present").as_bool());

  AuditRegion bontang = audit_regions()[3];
  auto id = completed_audit(admin, bontang, "infrastruktur", {server}, "2025-03-03", "2025-04-01");
  auto f = admin.post("/api/audit/programmes/" + id + "/findings",
                      R"({"object_id":")" + server + R"(","severity":"rendah","title":"Label rak","agency_id":")" +
                          kominfo + R"(","due_date":")" + today + "\"}");
  ASSERT_EQ(f.status, 201) << f.body;
  auto after = proposals();
  bool held = false, findings_gap = false;
  for (const auto& p : after) {
    if (text_of(p, "ref_id") == id) held = p.at("present").as_bool();
    if (text_of(p, "kind") == "audit_findings") findings_gap = !p.at("present").as_bool();
  }
  EXPECT_TRUE(held) << "the completed infrastructure audit is evidence";
  EXPECT_TRUE(findings_gap) << "an open finding is not yet closed";
  ASSERT_EQ(admin
                .post("/api/audit/findings/" + text_of(f.json, "id") + "/follow-up",
                      R"({"evidence":"Rak dilabeli","date":")" + today + "\"}")
                .status,
            200);
  ASSERT_EQ(admin.post("/api/audit/findings/" + text_of(f.json, "id") + "/verification", R"({"date":")" + today + "\"}")
                .status,
            200);
  for (const auto& p : proposals())
    if (text_of(p, "kind") == "audit_findings") EXPECT_TRUE(p.at("present").as_bool());
  auto linked = entry.post(indicator + "/evidence/link", R"({"ref_kind":"audit_programme","ref_id":")" + id + "\"}");
  EXPECT_EQ(linked.status, 201) << linked.body;
}

// Issue 19 item 5: the applications module's "last audit" is the latest completed application audit
// of this module (through applications::AuditHistory); the date the record carries stays as the
// history imported before audits were kept here, and counts only while it is the later one.
TEST_P(AuditTest, AnApplicationsLastAuditIsItsLatestCompletedApplicationAudit) {
  for (const auto& region : audit_regions()) {
    if (region.app_cadence.empty()) continue;  // Lampung Timur: 'berkala', no period, no due date
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto today = audit_today(in);
    auto id = import_audit_apps(admin, {{"APL-K", region.khusus}})["APL-K"];
    ASSERT_FALSE(id.empty());
    auto application = [&] {
      auto r = admin.get("/api/applications/" + id);
      EXPECT_EQ(r.status, 200) << r.body;
      return r.json.as_object();
    };
    auto open_rules = [](const boost::json::object& app) {
      std::set<std::string> out;
      for (const auto& f : app.at("findings").as_array()) out.insert(text_of(f.at("rule"), "id"));
      return out;
    };

    // Imported history: audited 30 months ago, so the application audit is overdue and a finding.
    auto patched = admin.patch("/api/applications/" + id, R"({"last_audit_date":")" + months_from(today, -30) + "\"}");
    ASSERT_EQ(patched.status, 200) << patched.body;
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
    auto before = application();
    ASSERT_TRUE(before.at("audit_due").is_object()) << json_text(before);
    EXPECT_EQ(text_of(before.at("audit_due"), "since"), months_from(today, -30));
    EXPECT_TRUE(before.at("audit_due").at("overdue").as_bool());
    const std::string rule = text_of(before.at("audit_due").at("rule"), "id");
    EXPECT_EQ(open_rules(before).count(rule), 1u) << json_text(before.at("findings"));

    // An application audit of this module whose report arrived two months ago: that is the last audit.
    completed_audit(admin, region, "aplikasi", {id}, months_from(today, -3), months_from(today, -2));
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
    auto after = application();
    EXPECT_EQ(text_of(after.at("audit_due"), "basis"), "last_audit_date");
    EXPECT_EQ(text_of(after.at("audit_due"), "since"), months_from(today, -2));
    EXPECT_EQ(text_of(after.at("audit_due"), "date"), months_from(today, 22));
    EXPECT_FALSE(after.at("audit_due").at("overdue").as_bool());
    EXPECT_EQ(open_rules(after).count(rule), 0u) << json_text(after.at("findings"));
    EXPECT_EQ(text_of(after, "last_audit_date"), months_from(today, -30)) << "the recorded history is kept as it was";

    // A later date on the record (history entered afterwards) wins over the older audit.
    patched = admin.patch("/api/applications/" + id, R"({"last_audit_date":")" + months_from(today, -1) + "\"}");
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(text_of(application().at("audit_due"), "since"), months_from(today, -1));
  }
}

// Madiun Pasal 42 ayat (1) huruf a: the application audit covers an Aplikasi Umum only when the
// Pemda built it (its record names the Dinas, a PD Mandiri TIK, the PD or its vendor); one without a
// Pemda builder (a central agency's) is out of the application audit but still in the security audit,
// which covers every Aplikasi SPBE (Pasal 43 ayat (1)).
TEST_P(AuditTest, MadiunAuditsAnAplikasiUmumOnlyWhenThePemdaBuiltIt) {
  SIMPUL_PROVES("madiun", "MDN-42-1");
  SIMPUL_PROVES("madiun", "MDN-43-1");
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto today = audit_today(in);
  // The inventory template's example row names the Dinas as builder.
  auto apps = import_audit_apps(
      admin, {{"APL-U", "aplikasi_umum"}, {"APL-X", "aplikasi_umum"}, {"APL-K", "aplikasi_khusus_pd"}});
  auto central = admin.patch("/api/applications/" + apps["APL-X"], R"({"builder":""})");
  ASSERT_EQ(central.status, 200) << central.body;

  EXPECT_EQ(object_codes(admin.get("/api/audit/objects?type=aplikasi")), (std::set<std::string>{"APL-U", "APL-K"}));
  EXPECT_EQ(object_codes(admin.get("/api/audit/objects?type=keamanan")),
            (std::set<std::string>{"APL-U", "APL-X", "APL-K"}));

  // Planning an application audit of it is refused with the article that states the scope.
  auto refused =
      admin.post("/api/audit/programmes", programme_body("aplikasi", {apps["APL-X"]}, today, months_from(today, 1)));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.error_code(), audit_code(audit::kNotInScope));
  EXPECT_EQ(refused.rule_id(), "MDN-42-1");
  EXPECT_EQ(audit_refusal_citation(refused), "Pasal 42 ayat (1)");
  EXPECT_EQ(admin.get("/api/audit/programmes").json.at("items").as_array().size(), 0u) << "nothing was planned";

  // Once its record says a vendor built it for the Pemda, it is in scope.
  ASSERT_EQ(admin.patch("/api/applications/" + apps["APL-X"], R"({"builder":"vendor"})").status, 200);
  EXPECT_EQ(object_codes(admin.get("/api/audit/objects?type=aplikasi")),
            (std::set<std::string>{"APL-U", "APL-X", "APL-K"}));
  auto planned =
      admin.post("/api/audit/programmes", programme_body("aplikasi", {apps["APL-X"]}, today, months_from(today, 1)));
  EXPECT_EQ(planned.status, 201) << planned.body;
}

/// The due-list row of one object and type, answered over every horizon (null when not listed).
boost::json::value due_row(Client& c, const std::string& type, const std::string& code) {
  auto r = c.get("/api/audit/due?within_days=3660&type=" + type);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200) return nullptr;
  for (const auto& i : r.json.at("items").as_array())
    if (text_of(i, "object_code") == code) return i;
  return nullptr;
}

// The due list reads each object's last audit from a record the steps and corrections keep
// (migration 1402); it must answer what grouping the programmes would: the report date counts, not
// the closing, and a corrected report date moves the due date, earlier as well as later.
TEST_P(AuditTest, TheDueListFollowsTheReportDateThroughStepsAndCorrections) {
  const auto& region = audit_regions()[1];
  ASSERT_EQ(region.profile, "balikpapan");
  Instance in(GetParam());
  auto admin = admin_client(in, region.profile);
  auto server = add_infrastructure(admin, "INF-01", agency_id(admin, "DISKOMINFO"));
  auto today = audit_today(in);
  auto cadence = [](const boost::json::value& row) { return text_of(row.at("rule"), "citation"); };

  // Never audited: due two years after registration, not within 90 days.
  auto row = due_row(admin, "infrastruktur", "INF-01");
  ASSERT_TRUE(row.is_object());
  EXPECT_TRUE(row.at("last_audit").is_null());
  EXPECT_EQ(text_of(row, "due"), months_from(today, 24));
  EXPECT_EQ(object_codes(admin.get("/api/audit/due?type=infrastruktur")).count("INF-01"), 0u);

  // An audit started but without its report changes nothing; its report 26 months ago makes it overdue.
  auto first = admin.post("/api/audit/programmes",
                          programme_body("infrastruktur", {server}, months_from(today, -27), months_from(today, -26)));
  ASSERT_EQ(first.status, 201) << first.body;
  auto a = text_of(first.json, "id");
  ASSERT_EQ(audit_step(admin, a, "dimulai", months_from(today, -27)).status, 200);
  EXPECT_TRUE(due_row(admin, "infrastruktur", "INF-01").at("last_audit").is_null());
  ASSERT_EQ(audit_step(admin, a, "laporan_diterima", months_from(today, -26)).status, 200);
  row = due_row(admin, "infrastruktur", "INF-01");
  EXPECT_EQ(text_of(row, "last_audit"), months_from(today, -26));
  EXPECT_EQ(text_of(row, "due"), months_from(months_from(today, -26), 24));
  EXPECT_EQ(text_of(row, "status"), "terlambat");
  EXPECT_EQ(cadence(row), "Pasal 39 ayat (1)");
  EXPECT_EQ(object_codes(admin.get("/api/audit/due?type=infrastruktur")).count("INF-01"), 1u);
  // The security audit of the same server is a separate record: still never audited.
  EXPECT_TRUE(due_row(admin, "keamanan", "INF-01").at("last_audit").is_null());

  // A later audit counts; closing it keeps its report date as the last audit.
  auto b = completed_audit(admin, region, "infrastruktur", {server}, months_from(today, -23), months_from(today, -22));
  EXPECT_EQ(text_of(due_row(admin, "infrastruktur", "INF-01"), "last_audit"), months_from(today, -22));
  ASSERT_EQ(audit_step(admin, b, "ditutup", today).status, 200);
  row = due_row(admin, "infrastruktur", "INF-01");
  EXPECT_EQ(text_of(row, "last_audit"), months_from(today, -22));
  EXPECT_EQ(text_of(row, "due"), months_from(months_from(today, -22), 24));
  EXPECT_EQ(text_of(row, "status"), "terjadwal");

  // A logged correction of the closed programme's report date moves the due date, earlier too.
  auto correct = [&](const std::string& date) {
    return admin.post(
        "/api/audit/programmes/" + b + "/corrections",
        R"({"field":"report_date","value":")" + date + R"(","reason":"Tanggal laporan tercatat keliru"})");
  };
  auto earlier = correct(months_from(today, -23));
  ASSERT_EQ(earlier.status, 200) << earlier.body;
  row = due_row(admin, "infrastruktur", "INF-01");
  EXPECT_EQ(text_of(row, "last_audit"), months_from(today, -23));
  EXPECT_EQ(text_of(row, "due"), months_from(months_from(today, -23), 24));
  ASSERT_EQ(correct(months_from(today, -21)).status, 200);
  EXPECT_EQ(text_of(due_row(admin, "infrastruktur", "INF-01"), "last_audit"), months_from(today, -21));
  // A refused correction (after the closing date) leaves the due list as it was.
  EXPECT_EQ(correct(clock::plus_days(today, 1)).status, 422);
  EXPECT_EQ(text_of(due_row(admin, "infrastruktur", "INF-01"), "last_audit"), months_from(today, -21));
}

/// Every row of the due list for `query` (a query string with its own filters), read page by page
/// with `limit`; fails when a page is not answered or the pages disagree on the total.
std::vector<boost::json::value> due_pages(Client& c, const std::string& query, int limit, boost::json::object& first) {
  std::vector<boost::json::value> rows;
  for (int offset = 0;; offset += limit) {
    auto r = c.get("/api/audit/due?" + query + "&limit=" + std::to_string(limit) + "&offset=" + std::to_string(offset));
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return rows;
    if (offset == 0) first = r.json.as_object();
    EXPECT_EQ(r.json.at("total"), first.at("total")) << "offset " << offset;
    EXPECT_EQ(r.json.at("limit").as_int64(), limit);
    const auto& items = r.json.at("items").as_array();
    EXPECT_LE(items.size(), static_cast<std::size_t>(limit));
    rows.insert(rows.end(), items.begin(), items.end());
    if (items.size() < static_cast<std::size_t>(limit) || rows.size() > 1000) return rows;
  }
}

/// "code|type" of each row, in order.
std::vector<std::string> due_keys(const std::vector<boost::json::value>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(text_of(r, "object_code") + "|" + text_of(r, "type"));
  return out;
}

/// (month 1-12, type) -> "code" of every object the due list says falls due in `year`, and how many
/// of them are overdue; read from the due list with the whole horizon (every row is terlambat or jatuh_tempo).
struct CalendarExpectation {
  std::map<std::pair<int, std::string>, std::set<std::string>> codes;
  std::map<std::pair<int, std::string>, std::int64_t> overdue;
};

CalendarExpectation calendar_from_due_list(Client& c, const std::string& filter, int year, const std::string& today) {
  CalendarExpectation out;
  for (const std::string status : {"terlambat", "jatuh_tempo"}) {
    boost::json::object first;
    for (const auto& r : due_pages(c, filter + "&within_days=3660&status=" + status, 500, first)) {
      auto due = text_of(r, "due");
      if (std::stoi(due.substr(0, 4)) != year) continue;
      std::pair<int, std::string> key{std::stoi(due.substr(5, 2)), text_of(r, "type")};
      out.codes[key].insert(text_of(r, "object_code"));
      if (due < today) ++out.overdue[key];
    }
  }
  return out;
}

/// The calendar's cell of `type` in `month` (1-12).
boost::json::object calendar_cell(const Reply& cal, int month, const std::string& type) {
  for (const auto& cell : cal.json.at("months").at(month - 1).at("cells").as_array())
    if (text_of(cell, "type") == type) return cell.as_object();
  ADD_FAILURE() << "no cell " << type << " in month " << month;
  return {};
}

// The calendar puts every object in the month its next audit falls due, exactly as the due list
// dates it, counts them and the overdue ones per type and month in each region (Lampung Timur's
// 'berkala' has no due date, so nothing is placed and the objects are counted as unscheduled), and
// shows the programmes planned in each month; the PD filter keeps the same agreement.
TEST_P(AuditTest, TheCalendarPlacesWhatTheDueListSaysIsDueInItsMonth) {
  for (const auto& region : audit_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto today = audit_today(in);
    int year = std::stoi(today.substr(0, 4));
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto other = agency_id(admin, agency_code(admin, 0));
    if (other == kominfo) other = agency_id(admin, agency_code(admin, 1));
    auto apps = import_audit_apps(admin, {{"APL-K", region.khusus}, {"APL-U", "aplikasi_umum"}});
    std::vector<std::string> servers;
    for (int i = 1; i <= 5; ++i)
      servers.push_back(add_infrastructure(admin, "INF-0" + std::to_string(i), i % 2 ? kominfo : other));
    // Due 1 month ago, in 1 month, in 10 months; the rest were never audited (due from registration).
    completed_audit(admin, region, "infrastruktur", {servers[0], servers[1]}, months_from(today, -26),
                    months_from(today, -25));
    completed_audit(admin, region, "infrastruktur", {servers[2]}, months_from(today, -24), months_from(today, -23));
    completed_audit(admin, region, "keamanan", {servers[3], apps["APL-K"]}, months_from(today, -15),
                    months_from(today, -14));
    // A programme planned next month and the month after.
    auto planned = admin.post("/api/audit/programmes",
                              programme_body("infrastruktur", {servers[1]}, months_from(today, 1),
                                             months_from(today, 2), region.team_rule.empty() ? "" : kAuditTeamDecree));
    ASSERT_EQ(planned.status, 201) << planned.body;
    auto planned_id = text_of(planned.json, "id");

    for (const std::string agency : {std::string(), kominfo}) {
      std::string filter = agency.empty() ? "type=" : "agency=" + agency;
      for (int y : {year - 1, year, year + 1, year + 2}) {
        SCOPED_TRACE(std::to_string(y) + (agency.empty() ? "" : " of one PD"));
        auto expected = calendar_from_due_list(admin, filter, y, today);
        auto cal = admin.get("/api/audit/calendar?year=" + std::to_string(y) + "&" + filter);
        ASSERT_EQ(cal.status, 200) << cal.body;
        EXPECT_EQ(cal.json.at("year").as_int64(), y);
        ASSERT_EQ(cal.json.at("months").as_array().size(), 12u);
        std::size_t placed = 0;
        for (int m = 1; m <= 12; ++m)
          for (const std::string type : {"infrastruktur", "aplikasi", "keamanan"}) {
            auto cell = calendar_cell(cal, m, type);
            std::set<std::string> codes;
            for (const auto& o : cell.at("objects").as_array()) {
              codes.insert(text_of(o, "object_code"));
              EXPECT_EQ(text_of(o, "due").substr(0, 7),
                        text_of(cal.json.at("months").at(m - 1), "first_day").substr(0, 7));
              EXPECT_TRUE(agency.empty() || text_of(o, "agency_id") == agency);
            }
            std::pair<int, std::string> key{m, type};
            EXPECT_EQ(codes, expected.codes[key]) << type << " month " << m;
            EXPECT_EQ(cell.at("due").as_int64(), static_cast<std::int64_t>(expected.codes[key].size()));
            EXPECT_EQ(cell.at("overdue").as_int64(), expected.overdue[key]) << type << " month " << m;
            placed += codes.size();
          }
        if (region.infra_cadence.empty()) {
          EXPECT_EQ(placed, 0u);  // 'berkala': no due date to place
          for (const auto& t : cal.json.at("types").as_array()) {
            boost::json::object first;
            due_pages(admin, "type=" + text_of(t, "id") + (agency.empty() ? "" : "&agency=" + agency), 50, first);
            EXPECT_TRUE(t.at("months").is_null());
            EXPECT_EQ(t.at("unscheduled").as_int64(), first.at("totals").at("tanpa_jadwal").as_int64());
            if (agency.empty()) EXPECT_GT(t.at("unscheduled").as_int64(), 0);  // every type has objects in scope
          }
        }
      }
    }
    if (!region.infra_cadence.empty()) {
      // The overdue servers sit in last month with their cadence article; the programme in its months.
      auto last_month = months_from(today, -1);
      auto cal = admin.get("/api/audit/calendar?year=" + last_month.substr(0, 4) + "&type=infrastruktur");
      ASSERT_EQ(cal.status, 200) << cal.body;
      ASSERT_EQ(cal.json.at("types").as_array().size(), 1u);
      EXPECT_EQ(text_of(cal.json.at("types").at(0).at("rule"), "citation"), audit_citation(region.infra_cadence));
      auto cell = calendar_cell(cal, std::stoi(last_month.substr(5, 2)), "infrastruktur");
      EXPECT_EQ(cell.at("overdue").as_int64(), 2);
      auto start = months_from(today, 1);
      auto next = admin.get("/api/audit/calendar?year=" + start.substr(0, 4));
      auto programmes = calendar_cell(next, std::stoi(start.substr(5, 2)), "infrastruktur").at("programmes").as_array();
      ASSERT_EQ(programmes.size(), 1u);
      EXPECT_EQ(text_of(programmes.at(0), "id"), planned_id);
      EXPECT_EQ(text_of(programmes.at(0), "state"), "direncanakan");
      EXPECT_TRUE(calendar_cell(next, std::stoi(start.substr(5, 2)), "keamanan").at("programmes").as_array().empty());
      // The PD filter: the programme audits another PD's server, so kominfo's calendar does not show it.
      auto own = admin.get("/api/audit/calendar?year=" + start.substr(0, 4) + "&agency=" + kominfo);
      EXPECT_TRUE(
          calendar_cell(own, std::stoi(start.substr(5, 2)), "infrastruktur").at("programmes").as_array().empty());
    }
  }
}

/// Two tenants for the isolation tests: Balikpapan with one server of its Diskominfo overdue for
/// the infrastructure audit (report 25 months ago), Bontang with one server of its own new PD.
struct TwoTenants {
  Client balikpapan, bontang;
  std::string today, bpn_kominfo, server;
};

TwoTenants two_tenants(Instance& in, const std::string& bontang_agency_code) {
  TwoTenants t{admin_client(in, "balikpapan"), admin_client(in, "bontang"), audit_today(in), "", ""};
  t.bpn_kominfo = agency_id(t.balikpapan, "DISKOMINFO");
  t.server = add_infrastructure(t.balikpapan, "INF-BPN", t.bpn_kominfo);
  auto btg_agency = t.bontang.post("/api/agencies", R"({"code":")" + bontang_agency_code + R"(","name":"Badan )" +
                                                        bontang_agency_code + R"( Bontang","type":"dinas_daerah"})");
  EXPECT_EQ(btg_agency.status, 201) << btg_agency.body;
  add_infrastructure(t.bontang, "INF-BTG", text_of(btg_agency.json, "id"));
  completed_audit(t.balikpapan, audit_regions()[1], "infrastruktur", {t.server}, months_from(t.today, -26),
                  months_from(t.today, -25));
  return t;
}

// A bad year or filter is refused with the catalogue's code; another tenant's objects, programmes
// or PD never appear.
TEST_P(AuditTest, TheCalendarRefusesABadYearAndNeverShowsAnotherTenant) {
  Instance in(GetParam());
  auto [balikpapan, bontang, today, bpn_kominfo, server] = two_tenants(in, "BTG-KAL");
  auto planned = balikpapan.post("/api/audit/programmes",
                                 programme_body("keamanan", {server}, months_from(today, 1), months_from(today, 2)));
  ASSERT_EQ(planned.status, 201) << planned.body;

  for (const std::string q :
       {"year=abc", "year=1999", "year=2101", "year=2026x", "year=-1", "type=sihir", "agency=not%20an%20id"}) {
    auto r = balikpapan.get("/api/audit/calendar?" + q);
    EXPECT_EQ(r.status, 400) << q << " " << r.body;
    EXPECT_EQ(r.error_code(), "request.invalid_query") << q;
  }
  // Without a year: this year in the Pemda's local time.
  auto now = bontang.get("/api/audit/calendar");
  ASSERT_EQ(now.status, 200) << now.body;
  EXPECT_EQ(now.json.at("year").as_int64(), std::stoi(today.substr(0, 4)));

  int year = std::stoi(today.substr(0, 4));
  for (int y : {year - 1, year, year + 1, year + 2}) {
    auto own = bontang.get("/api/audit/calendar?year=" + std::to_string(y));
    ASSERT_EQ(own.status, 200) << own.body;
    for (const auto& month : own.json.at("months").as_array())
      for (const auto& cell : month.at("cells").as_array()) {
        for (const auto& o : cell.at("objects").as_array()) EXPECT_EQ(text_of(o, "object_code"), "INF-BTG");
        EXPECT_TRUE(cell.at("programmes").as_array().empty());
      }
    auto foreign = bontang.get("/api/audit/calendar?year=" + std::to_string(y) + "&agency=" + bpn_kominfo);
    ASSERT_EQ(foreign.status, 200) << foreign.body;
    for (const auto& month : foreign.json.at("months").as_array())
      for (const auto& cell : month.at("cells").as_array()) {
        EXPECT_EQ(cell.at("due").as_int64(), 0);
        EXPECT_TRUE(cell.at("objects").as_array().empty());
        EXPECT_TRUE(cell.at("programmes").as_array().empty());
      }
  }
  // Balikpapan's own calendar does show its overdue server and its planned security audit.
  auto last_month = months_from(today, -1);
  auto bpn = balikpapan.get("/api/audit/calendar?year=" + last_month.substr(0, 4));
  auto cell = calendar_cell(bpn, std::stoi(last_month.substr(5, 2)), "infrastruktur");
  ASSERT_EQ(cell.at("objects").as_array().size(), 1u);
  EXPECT_EQ(text_of(cell.at("objects").at(0), "object_code"), "INF-BPN");
  EXPECT_EQ(cell.at("overdue").as_int64(), 1);
}

// The due list is paged, filtered and counted by the database; read page by page it must give
// exactly what the full object list (computed object by object) says is due, in due-date order, and
// its totals per status must count the same set, in each region's scope and cadence.
TEST_P(AuditTest, TheDueListIsPagedFilteredAndCountedAsTheFullObjectListSays) {
  for (const auto& region : audit_regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto today = audit_today(in);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto other = agency_id(admin, agency_code(admin, 0));
    if (other == kominfo) other = agency_id(admin, agency_code(admin, 1));
    auto apps =
        import_audit_apps(admin, {{"APL-K", region.khusus}, {"APL-U", "aplikasi_umum"}, {"APL-X", "aplikasi_umum"}});
    // Madiun: APL-X has no Pemda builder, so it is out of the application audit (Pasal 42 ayat (1)).
    ASSERT_EQ(admin.patch("/api/applications/" + apps["APL-X"], R"({"builder":""})").status, 200);
    std::vector<std::string> servers;
    for (int i = 1; i <= 7; ++i)
      servers.push_back(add_infrastructure(admin, "INF-0" + std::to_string(i), i % 2 ? kominfo : other));
    // Overdue (report 25 months ago), due within 90 days (23 months ago), and never audited.
    completed_audit(admin, region, "infrastruktur", {servers[0], servers[1]}, months_from(today, -26),
                    months_from(today, -25));
    completed_audit(admin, region, "infrastruktur", {servers[2]}, months_from(today, -24), months_from(today, -23));
    completed_audit(admin, region, "keamanan", {servers[3], apps["APL-K"]}, months_from(today, -27),
                    months_from(today, -26));
    completed_audit(admin, region, "aplikasi", {apps["APL-K"]}, months_from(today, -24), months_from(today, -23));

    for (const std::string agency : {std::string(), kominfo}) {
      std::map<std::string, std::int64_t> all_totals;
      for (const std::string type : {"infrastruktur", "aplikasi", "keamanan"}) {
        SCOPED_TRACE(type + (agency.empty() ? "" : " of one PD"));
        std::string filter = "type=" + type + (agency.empty() ? "" : "&agency=" + agency);
        auto horizon = text_of(admin.get("/api/audit/due?" + filter).json, "horizon");
        // The full set, object by object, and what it says is due and when.
        std::map<std::string, std::int64_t> expected = {
            {"terlambat", 0}, {"jatuh_tempo", 0}, {"aman", 0}, {"tanpa_jadwal", 0}};
        std::vector<std::tuple<std::string, std::string, std::string>> due, later;  // due date, code, type
        auto full = admin.get("/api/audit/objects?type=" + type);                   // kept: the loop reads into it
        for (const auto& o : full.json.at("items").as_array()) {
          if (!agency.empty() && text_of(o, "agency_id") != agency) continue;
          if (o.at("due").is_null()) {
            ++expected["tanpa_jadwal"];
            continue;
          }
          auto d = text_of(o, "due");
          auto key = std::make_tuple(d, text_of(o, "object_code"), type);
          ++expected[d < today ? "terlambat" : d <= horizon ? "jatuh_tempo" : "aman"];
          (d <= horizon ? due : later).push_back(key);
        }
        std::sort(due.begin(), due.end());
        std::sort(later.begin(), later.end());
        auto keys = [](const auto& v) {
          std::vector<std::string> out;
          for (const auto& [d, code, t] : v) out.push_back(code + "|" + t);
          return out;
        };
        boost::json::object first;
        auto rows = due_pages(admin, filter, 2, first);
        EXPECT_EQ(due_keys(rows), keys(due));
        for (const auto& [status, n] : expected) {
          EXPECT_EQ(first.at("totals").at(status).as_int64(), n) << status;
          all_totals[status] += n;
        }
        EXPECT_EQ(first.at("total").as_int64(), expected["terlambat"] + expected["jatuh_tempo"]);
        for (const auto& r : rows) {
          EXPECT_TRUE(agency.empty() || text_of(r, "agency_id") == agency);
          EXPECT_EQ(text_of(r, "status"), text_of(r, "due") < today ? "terlambat" : "terjadwal");
        }
        // One status at a time.
        auto overdue = due_pages(admin, filter + "&status=terlambat", 3, first);
        EXPECT_EQ(overdue.size(), static_cast<std::size_t>(expected["terlambat"]));
        for (const auto& r : overdue) EXPECT_EQ(text_of(r, "status"), "terlambat");
        auto soon = due_pages(admin, filter + "&status=jatuh_tempo", 3, first);
        EXPECT_EQ(soon.size(), static_cast<std::size_t>(expected["jatuh_tempo"]));
        EXPECT_EQ(due_keys(due_pages(admin, filter + "&status=aman", 3, first)), keys(later));
      }
      // Every type at once: the same rows, counted together.
      boost::json::object first;
      due_pages(admin, agency.empty() ? "type=" : "agency=" + agency, 500, first);
      for (const auto& [status, n] : all_totals) EXPECT_EQ(first.at("totals").at(status).as_int64(), n) << status;
    }
    if (!region.infra_cadence.empty()) {
      // The overdue servers of the region head the list, with the article of the cadence.
      auto head = admin.get("/api/audit/due?type=infrastruktur&limit=1");
      ASSERT_EQ(head.json.at("items").as_array().size(), 1u);
      EXPECT_EQ(text_of(head.json.at("items").at(0), "object_code"), "INF-01");
      EXPECT_EQ(text_of(head.json.at("items").at(0).at("rule"), "citation"), audit_citation(region.infra_cadence));
      EXPECT_EQ(head.json.at("totals").at("terlambat").as_int64(), 2);
      EXPECT_EQ(head.json.at("totals").at("jatuh_tempo").as_int64(), 1);
    }
  }
}

// Bad paging or filters are refused with the catalogue's code and change nothing; another
// tenant's objects (or its PD as a filter) never appear.
TEST_P(AuditTest, TheDueListRefusesBadPagingAndNeverShowsAnotherTenant) {
  Instance in(GetParam());
  auto [balikpapan, bontang, today, bpn_kominfo, server] = two_tenants(in, "BTG-UJI");

  for (const std::string q : {"limit=0", "limit=501", "limit=abc", "offset=-1", "offset=1x", "status=sebentar",
                              "status=tanpa_jadwal", "agency=not%20an%20id", "type=sihir"}) {
    auto r = balikpapan.get("/api/audit/due?" + q);
    EXPECT_EQ(r.status, 400) << q << " " << r.body;
    EXPECT_EQ(r.error_code(), "request.invalid_query") << q;
  }
  auto max = balikpapan.get("/api/audit/due?limit=500&status=aman");
  EXPECT_EQ(max.status, 200) << max.body;
  // An offset past the end is an empty page with the same totals.
  auto past = balikpapan.get("/api/audit/due?offset=1000");
  ASSERT_EQ(past.status, 200) << past.body;
  EXPECT_TRUE(past.json.at("items").as_array().empty());
  EXPECT_EQ(past.json.at("total").as_int64(), 1);  // INF-BPN overdue for the infrastructure audit ...
  EXPECT_EQ(past.json.at("totals").at("terlambat").as_int64(), 1);
  EXPECT_EQ(past.json.at("totals").at("aman").as_int64(), 1);  // ... never audited for the security one

  // Bontang sees its own server only, whatever the filter; Balikpapan's PD as a filter matches nothing.
  for (const std::string q : {"within_days=3660", "status=aman", "status=terlambat", "type=keamanan&status=aman"}) {
    boost::json::object first;
    for (const auto& r : due_pages(bontang, q, 50, first)) EXPECT_EQ(text_of(r, "object_code"), "INF-BTG") << q;
  }
  auto foreign = bontang.get("/api/audit/due?status=aman&agency=" + bpn_kominfo);
  ASSERT_EQ(foreign.status, 200) << foreign.body;
  EXPECT_TRUE(foreign.json.at("items").as_array().empty());
  for (const auto& [status, n] : foreign.json.at("totals").as_object()) EXPECT_EQ(n.as_int64(), 0) << status;
  boost::json::object first;
  auto own = due_pages(bontang, "status=aman", 50, first);
  EXPECT_EQ(own.size(), 2u);  // INF-BTG for the infrastructure and the security audit
}

/// Every row of the due list over every status and a ten-year horizon, as "code|type|name|PD|last
/// audit|due", sorted; and the same rows as the object-by-object list says them.
std::vector<std::string> all_due_rows(Client& c) {
  std::vector<std::string> out;
  for (const std::string status : {"terlambat", "jatuh_tempo", "aman"}) {
    boost::json::object first;
    for (const auto& r : due_pages(c, "within_days=3660&status=" + status, 500, first))
      out.push_back(text_of(r, "object_code") + "|" + text_of(r, "type") + "|" + text_of(r, "object_name") + "|" +
                    text_of(r, "agency_id") + "|" + (r.at("last_audit").is_null() ? "" : text_of(r, "last_audit")) +
                    "|" + text_of(r, "due"));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> all_object_rows(Client& c) {
  std::vector<std::string> out;
  auto r = c.get("/api/audit/objects");
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& o : r.json.at("items").as_array())
    if (!o.at("due").is_null())
      out.push_back(text_of(o, "object_code") + "|" + text_of(o, "type") + "|" + text_of(o, "object_name") + "|" +
                    text_of(o, "agency_id") + "|" + (o.at("last_audit").is_null() ? "" : text_of(o, "last_audit")) +
                    "|" + text_of(o, "due"));
  std::sort(out.begin(), out.end());
  return out;
}

/// The fingerprint the stored due rows of `element`'s tenant were computed for ("": recomputed on
/// the next read).
std::string stored_due_stamp(Instance& in, const std::string& element) {
  return storage::write_transaction(in.db(), [&](storage::Connection& conn) {
    auto r = conn.query(
        "SELECT s.fingerprint FROM audit_due_stamps s JOIN arch_elements e ON e.tenant_id = s.tenant_id WHERE e.id = ?",
        {element});
    return r.empty() ? std::string() : r.front().text_at(0);
  });
}

/// Dates an element's last change `minutes` ago, as if it had been written then.
void changed_minutes_ago(Instance& in, const std::string& element, int minutes) {
  auto at = clock::to_iso(clock::now() - std::chrono::minutes(minutes));
  storage::write_transaction(in.db(), [&](storage::Connection& conn) {
    conn.execute("UPDATE arch_elements SET updated_at = ? WHERE id = ?", {at, element});
  });
}

// The due list and the calendar read stored rows with their due dates (migration 1404), kept only
// while nothing they depend on has changed: once the elements' changes are settled the rows are
// served as stored, and a completed audit, a renamed or moved element, a deleted one and a new one
// each show at once, as the object-by-object list says.
TEST_P(AuditTest, TheStoredDueListFollowsEveryChangeOfItsObjects) {
  const auto& region = audit_regions()[1];
  Instance in(GetParam());
  auto admin = admin_client(in, region.profile);
  auto today = audit_today(in);
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto other = agency_id(admin, agency_code(admin, 0));
  if (other == kominfo) other = agency_id(admin, agency_code(admin, 1));
  std::vector<std::string> servers;
  for (const std::string code : {"INF-A", "INF-B", "INF-C"})
    servers.push_back(add_infrastructure(admin, code, kominfo));
  // Just written: not yet trusted, so the rows are recomputed on each read.
  EXPECT_EQ(all_due_rows(admin), all_object_rows(admin));
  EXPECT_EQ(stored_due_stamp(in, servers[0]), "");
  // Settled (every element written two hours ago): stored with their fingerprint and served so.
  storage::write_transaction(in.db(), [&](storage::Connection& conn) {
    conn.execute(
        "UPDATE arch_elements SET updated_at = ? WHERE tenant_id = (SELECT tenant_id FROM arch_elements "
        "WHERE id = ?)",
        {clock::to_iso(clock::now() - std::chrono::hours(2)), servers[0]});
  });
  EXPECT_EQ(all_due_rows(admin), all_object_rows(admin));
  auto stamp = stored_due_stamp(in, servers[0]);
  EXPECT_NE(stamp, "");
  EXPECT_EQ(all_due_rows(admin), all_object_rows(admin));
  EXPECT_EQ(stored_due_stamp(in, servers[0]), stamp);

  // A completed audit: its report date is INF-A's last audit at once.
  completed_audit(admin, region, "infrastruktur", {servers[0]}, months_from(today, -26), months_from(today, -25));
  auto rows = all_due_rows(admin);
  EXPECT_EQ(rows, all_object_rows(admin));
  EXPECT_NE(std::find(rows.begin(), rows.end(),
                      "INF-A|infrastruktur|Server INF-A|" + kominfo + "|" + months_from(today, -25) + "|" +
                          months_from(months_from(today, -25), 24)),
            rows.end());
  EXPECT_NE(stored_due_stamp(in, servers[0]), "");

  // INF-B renamed and moved to another PD (its change settled 90 minutes ago).
  auto moved = admin.patch("/api/architecture/elements/" + servers[1],
                           R"({"name":"Server Pindahan","owner_agency_id":")" + other + "\"}");
  ASSERT_EQ(moved.status, 200) << moved.body;
  changed_minutes_ago(in, servers[1], 90);
  rows = all_due_rows(admin);
  EXPECT_EQ(rows, all_object_rows(admin));
  EXPECT_EQ(std::count_if(rows.begin(), rows.end(),
                          [&](const std::string& r) { return r.find("|Server Pindahan|" + other + "|") != r.npos; }),
            2);  // the infrastructure and the security audit
  boost::json::object first;
  EXPECT_EQ(due_pages(admin, "status=aman&agency=" + other, 50, first).size(), 2u);

  // INF-C deleted, then INF-D registered (its change settled an hour ago): the count is as before.
  ASSERT_EQ(admin.del("/api/architecture/elements/" + servers[2]).status, 204);
  rows = all_due_rows(admin);
  EXPECT_EQ(rows, all_object_rows(admin));
  EXPECT_EQ(rows.size(), 4u);
  changed_minutes_ago(in, add_infrastructure(admin, "INF-D", kominfo), 60);
  rows = all_due_rows(admin);
  EXPECT_EQ(rows, all_object_rows(admin));
  EXPECT_EQ(rows.size(), 6u);
  EXPECT_NE(stored_due_stamp(in, servers[0]), "");
  // The calendar reads the same rows: INF-A's overdue infrastructure audit in its month.
  auto month = months_from(months_from(today, -25), 24);
  auto cell = calendar_cell(admin.get("/api/audit/calendar?year=" + month.substr(0, 4)), std::stoi(month.substr(5, 2)),
                            "infrastruktur");
  ASSERT_EQ(cell.at("objects").as_array().size(), 1u);
  EXPECT_EQ(text_of(cell.at("objects").at(0), "object_code"), "INF-A");
}

INSTANTIATE_TEST_SUITE_P(Databases, AuditTest, ::testing::ValuesIn(test_support::backends()));
