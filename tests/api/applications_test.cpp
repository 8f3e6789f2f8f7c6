// The application lifecycle and the compliance engine through the API, for each of the five
// regulations: every gate refuses the wrong step with that region's article, and the findings of a
// live application are exactly what its regulation implies. On both databases.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "api_harness.hpp"
#include "app/check_command.hpp"
#include "core/crypto.hpp"
#include "interchange/test_zip.hpp"
#include "storage/unit_of_work.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

struct Region {
  std::string profile;
  std::string khusus;                   // the category used for the scenario
  std::string build_gate;               // rule refusing rancang_bangun without a recommendation
  bool needs_ministry = false;          // Bontang Pasal 27 ayat (3)
  std::vector<std::string> live_gates;  // rules refusing go-live, in the order they are met
  std::set<std::string> app_findings;   // open findings of the live application
  std::string service_rule;             // the rule of "application without a service", if any
};

const std::vector<Region>& regions() {
  static const std::vector<Region> k = {
      {"bandar-lampung",
       "aplikasi_khusus",
       "BDL-24-2",
       false,
       {"BDL-24-2", "BDL-24-4", "BDL-24-6"},
       {"BDL-16-1", "BDL-10-2"},
       "BDL-10-2"},
      {"balikpapan",
       "aplikasi_khusus",
       "BPN-22-2",
       false,
       {"BPN-23-1", "BPN-23-3"},
       {"BPN-13-1", "BPN-13-2", "BPN-14-3", "BPN-05-1"},
       "BPN-05-1"},
      {"lampung-timur", "aplikasi_khusus", "LTM-25-3", false, {}, {"LTM-25-4", "LTM-17-4", "LTM-08-1"}, "LTM-08-1"},
      {"bontang",
       "aplikasi_khusus",
       "BTG-27-3",
       true,
       {},
       {"BTG-29-1", "BTG-29-2", "BTG-16-4", "BTG-27-2"},
       "BTG-27-2"},  // built in 2026: no Pasal 51 window
      {"madiun", "aplikasi_khusus_pd", "MDN-23-3", false, {"MDN-24-3", "MDN-24-5"}, {"MDN-06-1"}, "MDN-06-1"},
  };
  return k;
}

class ApplicationsTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

Reply move(Client& c, const std::string& app, const std::string& to) {
  return c.post("/api/applications/" + app + "/stage", R"({"to":")" + to + "\"}");
}

/// The application walks to `to`; the move must succeed.
void walk(Client& c, const std::string& app, std::initializer_list<const char*> stages) {
  for (const char* s : stages) {
    auto r = move(c, app, s);
    ASSERT_EQ(r.status, 200) << s << ": " << r.body;
  }
}

std::set<std::string> open_rules_of(Client& c, const std::string& object) {
  std::set<std::string> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  for (const auto& f : r.json.at("items").as_array()) out.insert(text_of(f.at("rule"), "id"));
  return out;
}

std::string finding_of(Client& c, const std::string& object, const std::string& rule) {
  auto r = c.get("/api/compliance/findings?per_page=200&object=" + object + "&rule=" + rule);
  auto& items = r.json.at("items").as_array();
  return items.empty() ? "" : text_of(items.at(0), "id");
}

}  // namespace

TEST_P(ApplicationsTest, EachRegionWalksAnApplicationFromProposalToLiveThroughItsOwnGates) {
  // Each region's gates (rule id of the refusal, in that region's tenant) and the findings of its
  // live application (rule ids of the open findings) as the table above lists them.
  SIMPUL_PROVES("bandar-lampung", "BDL-24-2");
  SIMPUL_PROVES("bandar-lampung", "BDL-24-4");
  SIMPUL_PROVES("bandar-lampung", "BDL-24-6");
  SIMPUL_PROVES("bandar-lampung", "BDL-16-1");
  SIMPUL_PROVES("bandar-lampung", "BDL-10-2");
  SIMPUL_PROVES("balikpapan", "BPN-22-2");
  SIMPUL_PROVES("balikpapan", "BPN-23-1");
  SIMPUL_PROVES("balikpapan", "BPN-23-3");
  SIMPUL_PROVES("balikpapan", "BPN-13-1");
  SIMPUL_PROVES("balikpapan", "BPN-13-2");
  SIMPUL_PROVES("balikpapan", "BPN-14-3");
  SIMPUL_PROVES("balikpapan", "BPN-05-1");
  SIMPUL_PROVES("lampung-timur", "LTM-25-3");
  SIMPUL_PROVES("lampung-timur", "LTM-25-4");
  SIMPUL_PROVES("lampung-timur", "LTM-17-4");
  SIMPUL_PROVES("lampung-timur", "LTM-08-1");
  SIMPUL_PROVES("bontang", "BTG-27-3");
  SIMPUL_PROVES("bontang", "BTG-29-1");
  SIMPUL_PROVES("bontang", "BTG-29-2");
  SIMPUL_PROVES("bontang", "BTG-16-4");
  SIMPUL_PROVES("bontang", "BTG-27-2");
  SIMPUL_PROVES("madiun", "MDN-23-3");
  SIMPUL_PROVES("madiun", "MDN-24-3");
  SIMPUL_PROVES("madiun", "MDN-24-5");
  SIMPUL_PROVES("madiun", "MDN-06-1");
  for (const auto& region : regions()) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto dinkes = agency_id(admin, "DINKES");
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto op = user(in, admin, region.profile, "op.uji", "agency_operator", dinkes);
    auto reviewer = user(in, admin, region.profile, "penelaah.uji", "technical_reviewer", kominfo);

    auto created = op.post(
        "/api/applications",
        R"({"code":"APL-001","name":"Sistem Rujukan","owner_agency_id":")" + dinkes + R"(","category":")" +
            region.khusus +
            R"(","subdomain":"rujukan.example.com","hosting":"luar_pusat_data","contact_email":"rujukan@gmail.com","source_model":"terbuka","builder":"vendor"})");
    ASSERT_EQ(created.status, 201) << created.body;
    auto app = text_of(created.json, "id");
    EXPECT_EQ(text_of(created.json, "stage"), "kajian_kebutuhan");
    walk(op, app, {"perencanaan"});

    // No build without Diskominfo's recommendation, citing this region's article.
    auto refused = move(op, app, "rancang_bangun");
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.error_code(), "application.gate_refused");
    EXPECT_EQ(refused.rule_id(), region.build_gate);
    EXPECT_FALSE(text_of(refused.json.at("error").at("rule"), "citation").empty());

    auto request =
        op.post("/api/applications/" + app + "/recommendations", R"({"purpose":"Membangun sistem rujukan"})");
    ASSERT_EQ(request.status, 201) << request.body;
    auto rec = text_of(request.json, "id");
    EXPECT_EQ(op.post("/api/recommendations/" + rec + "/decision", R"({"decision":"disetujui","reasons":"ok"})").status,
              403);
    auto decided = reviewer.post("/api/recommendations/" + rec + "/decision",
                                 R"({"decision":"disetujui","reasons":"Sesuai arsitektur"})");
    ASSERT_EQ(decided.status, 200) << decided.body;

    if (region.needs_ministry) {
      auto still = move(op, app, "rancang_bangun");
      ASSERT_EQ(still.status, 422);
      EXPECT_EQ(still.rule_id(), "BTG-27-3");
      EXPECT_EQ(still.json.at("error").at("details").at("missing").as_array().at(0), "ministry_consideration");
      auto c = reviewer.post(
          "/api/applications/" + app + "/considerations",
          R"({"kind":"kebutuhan_aplikasi_khusus","reference":"B-12/MENPANRB/2026","date":"2026-01-05","decision":"disetujui"})");
      ASSERT_EQ(c.status, 201) << c.body;
    }
    walk(op, app, {"rancang_bangun", "implementasi", "pengujian_kelaikan"});

    // Go-live: the first refusal lists every gate of this region at once; each is then met in turn.
    if (!region.live_gates.empty()) {
      auto first = move(op, app, "pemeliharaan");
      ASSERT_EQ(first.status, 422) << first.body;
      std::vector<std::string> unmet;
      for (const auto& u : first.json.at("error").at("details").at("unmet").as_array())
        unmet.push_back(text_of(u.at("rule"), "id"));
      EXPECT_EQ(unmet, region.live_gates);
    }
    for (const auto& gate : region.live_gates) {
      auto r = move(op, app, "pemeliharaan");
      ASSERT_EQ(r.status, 422) << r.body;
      ASSERT_EQ(r.rule_id(), gate);
      if (r.json.at("error").at("details").as_object().contains("field")) {
        ASSERT_EQ(op.patch("/api/applications/" + app,
                           R"({"subdomain":"rujukan.)" +
                               std::string(in.platform()
                                               .tenancy()
                                               .profile_of(Scope{in.platform().tenancy().tenants().front().id})
                                               .domain.effective) +
                               "\"}")
                      .status,
                  200);
      } else if (r.json.at("error").at("details").at("missing").as_array().at(0) == "test_passed") {
        ASSERT_EQ(
            op.post("/api/applications/" + app + "/tests", R"({"date":"2026-02-01","release":"1.0","result":"lulus"})")
                .status,
            201);
      } else {
        for (const auto& doc : r.json.at("error").at("details").at("missing").as_array()) {
          // The source code is an archive of source files (Madiun Pasal 24 ayat (4) checks it).
          const bool source = doc.as_string() == "kode_sumber";
          auto up = op.send(
              "POST",
              "/api/applications/" + app + "/artifacts?kind=" + std::string(doc.as_string()) +
                  "&release=1.0&filename=" + std::string(doc.as_string()) + (source ? ".zip" : ".pdf"),
              source ? interchange::test_zip::make_zip({{"src/rujukan.php", "<?php // Mencatat rujukan pasien\n"}})
                     : "%PDF-1.4 isi " + std::string(doc.as_string()),
              {{"content-type", "application/octet-stream"}});
          ASSERT_EQ(up.status, 201) << up.body;
          if (source && region.profile == std::string("madiun"))  // and a Dinas reviewer confirms its explanations
            ASSERT_EQ(reviewer
                          .post("/api/artifacts/" + text_of(up.json, "id") + "/explanations",
                                R"({"note":"Setiap prosedur dijelaskan"})")
                          .status,
                      200);
        }
      }
    }
    walk(op, app, {"pemeliharaan"});

    // The findings of the live application are exactly what this regulation implies.
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
    EXPECT_EQ(open_rules_of(admin, app), region.app_findings);

    // Linking a service removes the "application without a service" finding on the next evaluation.
    auto service = admin.post(
        "/api/architecture/elements",
        R"({"domain":"layanan","code":"LYN-RUJUK","name":"Layanan rujukan","owner_agency_id":")" + dinkes + "\"}");
    ASSERT_EQ(service.status, 201);
    ASSERT_EQ(admin
                  .post("/api/architecture/relations", R"({"source_id":")" + text_of(service.json, "id") +
                                                           R"(","type":"supported_by","target_id":")" + app + "\"}")
                  .status,
              201);
    auto linked = admin.get("/api/applications/" + app).json.at("services").as_array();
    ASSERT_EQ(linked.size(), 1u);
    EXPECT_EQ(linked.at(0).at("code"), "LYN-RUJUK");
    auto again = admin.post("/api/compliance/evaluate", "");
    EXPECT_GE(again.json.at("resolved").as_int64(), 1);
    auto now = open_rules_of(admin, app);
    EXPECT_FALSE(now.count(region.service_rule));
    EXPECT_EQ(now.size(), region.app_findings.size() - 1);
  }
}

TEST_P(ApplicationsTest, RecommendationDecisionsFollowTheApprovalChain) {
  SIMPUL_PROVES("balikpapan", "BPN-22-2");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dinkes = agency_id(admin, "DINKES");
  // A reviewer outside Diskominfo, and one inside who also maintains Diskominfo's own application.
  auto outsider = user(in, admin, "balikpapan", "penelaah.luar", "technical_reviewer", dinkes);
  auto r = admin.post(
      "/api/users",
      R"({"must_change_password":false,"username":"ganda","display_name":"Ganda","password":"kata-sandi-panjang","roles":["technical_reviewer","agency_operator"],"agency_id":")" +
          kominfo + "\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  Client both(in);
  ASSERT_EQ(both.login("balikpapan", "ganda", "kata-sandi-panjang").status, 200);
  auto app = both.post("/api/applications", R"({"code":"APL-KOM","name":"Portal","owner_agency_id":")" + kominfo +
                                                R"(","category":"aplikasi_umum"})");
  ASSERT_EQ(app.status, 201) << app.body;
  auto rec =
      both.post("/api/applications/" + text_of(app.json, "id") + "/recommendations", R"({"purpose":"Portal baru"})");
  ASSERT_EQ(rec.status, 201);
  auto id = text_of(rec.json, "id");
  auto before = ledger_size(in);

  auto self =
      both.post("/api/recommendations/" + id + "/decision", R"({"decision":"disetujui","reasons":"saya sendiri"})");
  EXPECT_EQ(self.status, 403);
  EXPECT_EQ(self.error_code(), "application.self_decision");
  EXPECT_EQ(self.rule_id(), "BPN-22-2");
  auto other =
      outsider.post("/api/recommendations/" + id + "/decision", R"({"decision":"disetujui","reasons":"bukan Dinas"})");
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.error_code(), "application.decider_not_recommender");
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(both.get("/api/recommendations?state=diajukan").json.at("total").as_int64(), 1);

  auto reviewer = user(in, admin, "balikpapan", "penelaah.dinas", "technical_reviewer", kominfo);
  auto no_reason = reviewer.post("/api/recommendations/" + id + "/decision", R"({"decision":"ditolak"})");
  EXPECT_EQ(no_reason.status, 422);
  auto rejected = reviewer.post("/api/recommendations/" + id + "/decision",
                                R"({"decision":"ditolak","reasons":"Gunakan Aplikasi Umum nasional"})");
  ASSERT_EQ(rejected.status, 200);
  EXPECT_EQ(text_of(rejected.json, "state"), "ditolak");
  EXPECT_EQ(reviewer.post("/api/recommendations/" + id + "/decision", R"({"decision":"disetujui","reasons":"ubah"})")
                .error_code(),
            "application.recommendation_decided");
  // A rejected recommendation does not open the gate.
  ASSERT_EQ(move(both, text_of(app.json, "id"), "perencanaan").status, 200);
  EXPECT_EQ(move(both, text_of(app.json, "id"), "rancang_bangun").rule_id(), "BPN-22-2");
}

TEST_P(ApplicationsTest, OperatorsChangeOnlyTheirOwnAgencysApplications) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dinkes = agency_id(admin, "DINKES");
  auto dishub = agency_id(admin, "DISHUB");
  auto op = user(in, admin, "balikpapan", "op.dishub", "agency_operator", dishub);
  auto app = admin.post("/api/applications", R"({"code":"APL-DK","name":"SIMKES","owner_agency_id":")" + dinkes +
                                                 R"(","category":"aplikasi_khusus"})");
  ASSERT_EQ(app.status, 201);
  auto id = text_of(app.json, "id");
  auto before = ledger_size(in);
  EXPECT_EQ(op.patch("/api/applications/" + id, R"({"name":"Diubah"})").status, 403);
  EXPECT_EQ(move(op, id, "perencanaan").status, 403);
  EXPECT_EQ(op.post("/api/applications/" + id + "/recommendations", R"({"purpose":"x"})").status, 403);
  EXPECT_EQ(op.send("POST", "/api/applications/" + id + "/artifacts?kind=kode_sumber&filename=a.zip", "x",
                    {{"content-type", "application/octet-stream"}})
                .status,
            403);
  EXPECT_EQ(op.post("/api/applications",
                    R"({"code":"APL-X","name":"X","owner_agency_id":")" + dinkes + R"(","category":"aplikasi_khusus"})")
                .status,
            403);
  EXPECT_EQ(op.post("/api/compliance/evaluate", "").status, 403);
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(op.get("/api/applications/" + id).status, 200);  // reading is open to every role
}

TEST_P(ApplicationsTest, BadInputIsRefusedWithACatalogueCodeAndChangesNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto dinkes = agency_id(admin, "DINKES");
  auto app = admin.post("/api/applications", R"({"code":"APL-1","name":"A","owner_agency_id":")" + dinkes +
                                                 R"(","category":"aplikasi_umum"})");
  ASSERT_EQ(app.status, 201);
  auto id = text_of(app.json, "id");
  auto before = ledger_size(in);
  auto base = "/api/applications/" + id;
  EXPECT_EQ(admin.post("/api/applications", "{\"code\":").error_code(), "request.malformed_json");
  EXPECT_EQ(admin.patch(base, R"({"hosting":"di_rumah"})").error_code(), "validation.invalid_value");
  EXPECT_EQ(admin.patch(base, R"({"similar_to_umum":"ya"})").error_code(), "validation.wrong_type");
  EXPECT_EQ(admin.patch(base, R"({"subdomain":"a b.kota.go.id"})").error_code(), "validation.invalid_value");
  EXPECT_EQ(admin.patch(base, R"({"justification":{"bukan_syarat":true}})").error_code(), "validation.unknown_field");
  EXPECT_EQ(admin.patch(base, R"({"lifecycle_stage":"pemeliharaan"})").error_code(), "validation.unknown_field");
  EXPECT_EQ(admin.patch(base, R"({"name":"x'); DROP TABLE applications;--"})").status, 200);  // stored as text
  before = ledger_size(in);
  EXPECT_EQ(move(admin, id, "terbang").error_code(), "validation.invalid_value");
  EXPECT_EQ(admin.post(base + "/tests", R"({"date":"kemarin","result":"lulus"})").error_code(),
            "validation.invalid_value");
  EXPECT_EQ(admin.post(base + "/tests", R"({"date":"2026-01-01","result":"hampir"})").error_code(),
            "validation.invalid_value");
  auto upload = [&](const std::string& query, const std::string& body) {
    return admin.send("POST", base + "/artifacts?" + query, body, {{"content-type", "application/octet-stream"}});
  };
  EXPECT_EQ(upload("kind=lainnya&filename=..%2F..%2Fetc%2Fpasswd", "x").error_code(), "repository.bad_filename");
  EXPECT_EQ(upload("kind=lainnya&filename=%2E%2E", "x").error_code(), "repository.bad_filename");
  EXPECT_EQ(upload("kind=lainnya&filename=a%0Ab.txt", "x").error_code(), "repository.bad_filename");
  EXPECT_EQ(upload("kind=lainnya&filename=%FF%FE.txt", "x").error_code(), "repository.bad_filename");
  EXPECT_EQ(upload("kind=lainnya&filename=kosong.txt", "").error_code(), "repository.empty_file");
  EXPECT_EQ(upload("kind=virus&filename=a.exe", "MZ").error_code(), "validation.invalid_value");
  EXPECT_EQ(
      admin.post("/api/recommendations/aaaaaaaaaaaaaaaaaaaa/decision", R"({"decision":"disetujui","reasons":"x"})")
          .status,
      404);
  EXPECT_EQ(admin.get("/api/applications/' OR 1=1 --").status, 400);
  EXPECT_EQ(ledger_size(in), before);
}

TEST_P(ApplicationsTest, TheRepositoriKeepsFilesByContentAndNeverServesThemInline) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto app = admin.post("/api/applications", R"({"code":"APL-R","name":"R","owner_agency_id":")" +
                                                 agency_id(admin, "DINKES") + R"(","category":"aplikasi_khusus"})");
  auto id = text_of(app.json, "id");
  std::string html = "<html><script>alert(1)</script></html>";
  auto first = admin.send(
      "POST", "/api/applications/" + id + "/artifacts?kind=manual_pengguna&release=1.0&filename=manual%20%C3%A9.html",
      html, {{"content-type", "application/octet-stream"}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(text_of(first.json, "sha256"), crypto::sha256_hex(html));
  auto second =
      admin.send("POST", "/api/applications/" + id + "/artifacts?kind=manual_pengguna&release=1.1&filename=manual.html",
                 html, {{"content-type", "application/octet-stream"}});
  ASSERT_EQ(second.status, 201);
  auto blobs = storage::read(in.db(), [](storage::Connection& c) {
    return c.query("SELECT count(*) FROM repository_blobs").front().int_at(0);
  });
  EXPECT_EQ(blobs, 1);  // same bytes, one blob; two versions listed
  EXPECT_EQ(admin.get("/api/applications/" + id).json.at("artifacts").as_array().size(), 2u);

  auto download = admin.get("/api/artifacts/" + text_of(first.json, "id") + "/content");
  ASSERT_EQ(download.status, 200);
  EXPECT_EQ(download.body, html);
  EXPECT_EQ(download.header("Content-Type"), "application/octet-stream");
  EXPECT_EQ(download.header("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(download.header("Content-Disposition").find("attachment;"), std::string::npos);
  EXPECT_NE(download.header("Content-Disposition").find("filename*=UTF-8''manual%20%C3%A9.html"), std::string::npos);
  EXPECT_NE(download.header("Content-Security-Policy").find("sandbox"), std::string::npos);
}

/// The rule an error answer cites ("" when none).
static std::string cited(const Reply& r, const char* key) {
  const auto* e = r.json.is_object() ? r.json.as_object().if_contains("error") : nullptr;
  const auto* rule = e ? e->as_object().if_contains("rule") : nullptr;
  return rule && rule->is_object() ? std::string(rule->at(key).as_string()) : "";
}

TEST_P(ApplicationsTest, BalikpapanSanctionsAreProposedAndGivenByTheOfficial) {
  SIMPUL_PROVES("balikpapan", "BPN-46-1");
  SIMPUL_PROVES("balikpapan", "BPN-46-2");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dinkes = agency_id(admin, "DINKES");
  auto app = admin.post(
      "/api/applications",
      R"({"code":"APL-S","name":"SIPAS","owner_agency_id":")" + dinkes +
          R"(","category":"aplikasi_umum","subdomain":"sipas.example.com","contact_email":"a@gmail.com","hosting":"pusat_data_kolokasi"})");
  ASSERT_EQ(app.status, 201);
  auto id = text_of(app.json, "id");
  // An inventory entry that is live already (as if imported): stage set through the service.
  auto& svc = in.platform().applications();
  Scope scope{in.platform().tenancy().tenants().front().id};
  Actor actor{"cli", "test", ""};
  std::string today = "2026-06-01";
  for (const char* s : {"perencanaan"}) svc.move(scope, id, s, "", actor, today);
  // Recommendation, test and documents so that go-live passes the gates.
  auto reviewer = user(in, admin, "balikpapan", "penelaah.s", "technical_reviewer", agency_id(admin, "DISKOMINFO"));
  auto rec = admin.post("/api/applications/" + id + "/recommendations", R"({"purpose":"x"})");
  ASSERT_EQ(reviewer
                .post("/api/recommendations/" + text_of(rec.json, "id") + "/decision",
                      R"({"decision":"disetujui","reasons":"ok"})")
                .status,
            200);
  ASSERT_EQ(admin.post("/api/applications/" + id + "/tests", R"({"date":"2026-02-01","result":"lulus"})").status, 201);
  for (const char* doc : {"dokumen_kebutuhan", "dokumen_perancangan", "manual_pengguna", "kode_sumber"})
    ASSERT_EQ(admin
                  .send("POST", "/api/applications/" + id + "/artifacts?kind=" + std::string(doc) + "&filename=d.pdf",
                        doc, {{"content-type", "application/octet-stream"}})
                  .status,
              201);
  walk(admin, id, {"rancang_bangun", "implementasi", "pengujian_kelaikan", "pemeliharaan"});

  // Pasal 46 ayat (1)-(2): the evaluation that first finds a sanctionable violation opens its case
  // at the oral warning, as a proposal for the official; nothing is given yet.
  auto first = admin.post("/api/compliance/evaluate", "");
  ASSERT_EQ(first.status, 200);
  EXPECT_GE(first.json.at("proposed").as_int64(), 1);
  EXPECT_EQ(first.json.at("escalated").as_int64(), 0);
  EXPECT_EQ(admin.post("/api/compliance/evaluate", "").json.at("proposed").as_int64(), 0) << "a case opens once";
  auto subdomain = finding_of(admin, id, "BPN-13-1");
  auto email = finding_of(admin, id, "BPN-13-2");
  ASSERT_FALSE(subdomain.empty());
  ASSERT_FALSE(email.empty());
  auto detail = admin.get("/api/compliance/findings/" + subdomain);
  EXPECT_TRUE(detail.json.at("sanctionable").as_bool());
  EXPECT_NE(text_of(detail.json.at("article"), "text").find("Pasal 13"), std::string::npos);
  auto cases = detail.json.at("sanctions").as_array();
  ASSERT_EQ(cases.size(), 1u);
  const auto& proposal = cases.at(0);
  EXPECT_EQ(text_of(proposal, "step"), "peringatan_lisan");
  EXPECT_EQ(text_of(proposal, "status"), "proposed");
  EXPECT_TRUE(proposal.at("date").is_null()) << "not given yet";
  EXPECT_EQ(text_of(proposal, "basis_citation"), "Pasal 46 ayat (2) huruf a");
  EXPECT_NE(text_of(proposal, "basis").find("Pelanggaran Pasal 13 ayat (1) ditemukan pertama kali"), std::string::npos);
  EXPECT_EQ(text_of(proposal, "responsible"), "Wali Kota Balikpapan");
  EXPECT_EQ(proposal.at("due"), proposal.at("proposed_on"));
  EXPECT_FALSE(proposal.at("has_letter").as_bool());
  auto email_detail = admin.get("/api/compliance/findings/" + email).json;
  EXPECT_FALSE(email_detail.at("sanctionable").as_bool());
  EXPECT_TRUE(email_detail.at("sanctions").as_array().empty())
      << "Pasal 13 ayat (2) is not listed in Pasal 46 ayat (1)";

  auto sekda = user(in, admin, "balikpapan", "sekda.s", "approver", agency_id(admin, "SETDA"));
  auto not_listed = sekda.post("/api/compliance/findings/" + email + "/sanctions",
                               R"({"step":"peringatan_lisan","date":"2025-01-10"})");
  EXPECT_EQ(not_listed.error_code(), "compliance.not_sanctionable");
  EXPECT_EQ(cited(not_listed, "id"), "BPN-46-1");
  EXPECT_EQ(cited(not_listed, "citation"), "Pasal 46 ayat (1)");
  auto early = sekda.post("/api/compliance/findings/" + subdomain + "/sanctions",
                          R"({"step":"surat_teguran","date":"2025-01-10"})");
  EXPECT_EQ(early.error_code(), "compliance.sanction_step_invalid");
  EXPECT_EQ(cited(early, "citation"), "Pasal 46 ayat (2) huruf b");
  EXPECT_EQ(admin.post("/api/compliance/findings/" + subdomain + "/sanctions", R"({"step":"peringatan_lisan"})").status,
            403);

  // The violation was first found before the regulation was in force (backdated here): a sanction
  // may be dated neither before the finding nor before 2020-10-14 (Pasal 48).
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE compliance_findings SET first_seen_at = ? WHERE id = ?", {"2019-06-01T00:00:00Z", subdomain});
  });
  for (const char* date : {"1990-01-01", "2019-05-31", "2020-10-13"}) {
    auto refused = sekda.post("/api/compliance/findings/" + subdomain + "/sanctions",
                              std::string(R"({"step":"peringatan_lisan","date":")") + date + "\"}");
    EXPECT_EQ(refused.error_code(), "validation.invalid_value") << date;
    EXPECT_EQ(cited(refused, "citation"), "Pasal 46 ayat (1)") << date;
  }
  storage::write_transaction(in.db(), [&](storage::Connection& c) {
    c.execute("UPDATE compliance_findings SET first_seen_at = ? WHERE id = ?", {"2024-12-01T00:00:00Z", subdomain});
  });
  auto before_found = sekda.post("/api/compliance/findings/" + subdomain + "/sanctions",
                                 R"({"step":"peringatan_lisan","date":"2024-11-30"})");
  EXPECT_EQ(before_found.error_code(), "validation.invalid_value");
  EXPECT_EQ(text_of(before_found.json.at("error").at("details"), "first_found"), "2024-12-01");
  ASSERT_EQ(admin.get("/api/compliance/findings/" + subdomain).json.at("sanctions").as_array().size(), 1u)
      << "refusals change nothing";
  EXPECT_EQ(text_of(admin.get("/api/compliance/findings/" + subdomain).json.at("sanctions").at(0), "status"),
            "proposed");

  // The Sekda records that the oral warning was given: the proposal becomes the given step.
  auto oral =
      sekda.post("/api/compliance/findings/" + subdomain + "/sanctions",
                 R"({"step":"peringatan_lisan","date":"2025-01-10","note":"Disampaikan dalam rapat koordinasi"})");
  ASSERT_EQ(oral.status, 201) << oral.body;
  EXPECT_EQ(text_of(oral.json, "id"), text_of(proposal, "id"));
  EXPECT_EQ(text_of(oral.json, "status"), "given");
  EXPECT_EQ(text_of(oral.json, "date"), "2025-01-10");
  EXPECT_EQ(text_of(oral.json, "note"), "Disampaikan dalam rapat koordinasi");
  EXPECT_NE(text_of(oral.json, "basis").find("Pasal 13 ayat (1)"), std::string::npos) << "the record keeps its basis";
  EXPECT_FALSE(oral.json.at("has_letter").as_bool());
  EXPECT_EQ(sekda
                .post("/api/compliance/findings/" + subdomain + "/sanctions",
                      R"({"step":"peringatan_lisan","date":"2025-01-11"})")
                .error_code(),
            "compliance.sanction_step_invalid")
      << "each step once";

  // Huruf b: "apabila tidak dilakukan perbaikan ... selama 1 (satu) tahun". On the anniversary the
  // year is not yet exceeded; the day after, the evaluation proposes the reprimand with its basis.
  auto& compliance = in.platform().compliance();
  EXPECT_EQ(compliance.evaluate(scope, actor, "2026-01-10").escalated, 0);
  auto exactly_a_year = sekda.post("/api/compliance/findings/" + subdomain + "/sanctions",
                                   R"({"step":"surat_teguran","date":"2026-01-10"})");
  EXPECT_EQ(exactly_a_year.error_code(), "compliance.sanction_step_invalid");
  EXPECT_EQ(cited(exactly_a_year, "citation"), "Pasal 46 ayat (2) huruf b");
  EXPECT_EQ(compliance.evaluate(scope, actor, "2026-01-11").escalated, 1);
  EXPECT_EQ(compliance.evaluate(scope, actor, "2026-01-12").escalated, 0) << "proposed once";
  auto sanctions = admin.get("/api/compliance/findings/" + subdomain).json.at("sanctions").as_array();
  ASSERT_EQ(sanctions.size(), 2u);
  const auto& next = sanctions.at(1);
  EXPECT_EQ(text_of(next, "step"), "surat_teguran");
  EXPECT_EQ(text_of(next, "status"), "proposed");
  EXPECT_EQ(text_of(next, "basis"), "peringatan lisan tanggal 2025-01-10, lebih dari 1 (satu) tahun tanpa perbaikan.");
  EXPECT_EQ(text_of(next, "basis_citation"), "Pasal 46 ayat (2) huruf b");
  EXPECT_FALSE(next.at("has_letter").as_bool()) << "no letter before the official decides";
  EXPECT_EQ(admin.get("/api/compliance/sanctions/" + text_of(next, "id") + "/letter").status, 404);

  // The official decides: only now is the letter produced and signed.
  auto reprimand = sekda.post("/api/compliance/findings/" + subdomain + "/sanctions",
                              R"({"step":"surat_teguran","date":"2026-01-11","note":"Belum diperbaiki"})");
  ASSERT_EQ(reprimand.status, 201) << reprimand.body;
  EXPECT_EQ(text_of(reprimand.json, "id"), text_of(next, "id"));
  EXPECT_EQ(text_of(reprimand.json, "status"), "given");
  EXPECT_EQ(text_of(reprimand.json, "issued_by_name"),
            text_of(sekda.get("/api/auth/me").json.at("user"), "display_name"));
  EXPECT_TRUE(reprimand.json.at("has_letter").as_bool());
  auto letter = admin.get("/api/compliance/sanctions/" + text_of(reprimand.json, "id") + "/letter");
  ASSERT_EQ(letter.status, 200);
  EXPECT_EQ(letter.body.substr(0, 5), "%PDF-");
  EXPECT_EQ(letter.header("Content-Type"), "application/pdf");
  EXPECT_EQ(letter.header("X-Letter-SHA256"), crypto::sha256_hex(letter.body));
  std::string signature, key;
  ASSERT_TRUE(crypto::from_hex(letter.header("X-Letter-Signature-Ed25519"), signature));
  ASSERT_TRUE(crypto::from_hex(in.platform().ledger().public_key_hex(), key));
  EXPECT_TRUE(crypto::verify_detached(key, crypto::sha256_hex(letter.body), signature));
  EXPECT_EQ(admin.get("/api/compliance/sanctions/" + text_of(oral.json, "id") + "/letter").status, 404);

  // Waivers: the approver, with a reason; the finding then stays waived while the violation lasts.
  EXPECT_EQ(admin.post("/api/compliance/findings/" + email + "/waive", R"({"reason":"x"})").status, 403);
  EXPECT_EQ(sekda.post("/api/compliance/findings/" + email + "/waive", "{}").status, 422);
  auto waived =
      sekda.post("/api/compliance/findings/" + email + "/waive", R"({"reason":"Alamat resmi sedang diproses"})");
  ASSERT_EQ(waived.status, 200);
  EXPECT_EQ(text_of(waived.json, "state"), "waived");
  admin.post("/api/compliance/evaluate", "");
  EXPECT_EQ(text_of(admin.get("/api/compliance/findings/" + email).json, "state"), "waived");
  // Fixing the address resolves it.
  ASSERT_EQ(admin.patch("/api/applications/" + id, R"({"contact_email":"sipas@balikpapan.go.id"})").status, 200);
  admin.post("/api/compliance/evaluate", "");
  EXPECT_EQ(text_of(admin.get("/api/compliance/findings/" + email).json, "state"), "resolved");

  // `simpul check` exits non-zero while a high-severity finding is open.
  std::ostringstream out;
  EXPECT_EQ(app::run_check(in.platform(), "balikpapan", true, "tinggi", out), 1);
  auto report = boost::json::parse(out.str());
  EXPECT_TRUE(report.at("failing").as_bool());
  EXPECT_GE(report.at("findings").as_array().size(), 1u);
}

TEST_P(ApplicationsTest, SummaryCountsFindingsByChapterAndAgency) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto dinkes = agency_id(admin, "DINKES");
  auto app = admin.post("/api/applications", R"({"code":"APL-B","name":"B","owner_agency_id":")" + dinkes +
                                                 R"(","category":"aplikasi_khusus"})");
  ASSERT_EQ(app.status, 201);
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  auto summary = admin.get("/api/compliance/summary").json;
  EXPECT_GE(summary.at("open").as_int64(), 3);  // two documents not approved, an application without a service
  std::int64_t by_chapter = 0;
  for (const auto& c : summary.at("by_chapter").as_array()) by_chapter += c.at("open").as_int64();
  EXPECT_EQ(by_chapter, summary.at("open").as_int64());
  auto mine = admin.get("/api/compliance/summary?agency=" + dinkes).json;
  EXPECT_EQ(mine.at("open").as_int64(), 1);
  auto rules = admin.get("/api/compliance/rules").json.at("items").as_array();
  EXPECT_TRUE(std::any_of(rules.begin(), rules.end(), [](const auto& r) { return r.at("rule").at("id") == "BTG-51"; }));
  EXPECT_EQ(admin.get("/api/compliance/findings?severity=parah").status, 400);
  EXPECT_EQ(admin.get("/api/compliance/findings?rule=' OR 1=1").status, 400);
}

TEST_P(ApplicationsTest, BontangBlockedBuildListsEveryUnmetRequirementAtOnce) {
  SIMPUL_PROVES("bontang", "BTG-27-3");
  SIMPUL_PROVES("bontang", "BTG-24-2");
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto dinkes = agency_id(admin, "DINKES");
  auto created = admin.post("/api/applications", R"({"code":"APL-T","name":"Tertutup","owner_agency_id":")" + dinkes +
                                                     R"(","category":"aplikasi_khusus","source_model":"tertutup"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto app = text_of(created.json, "id");
  walk(admin, app, {"perencanaan"});
  auto refused = move(admin, app, "rancang_bangun");
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.rule_id(), "BTG-27-3");
  // Pasal 27 ayat (3) (recommendation, ministry's consideration) and Pasal 24 ayat (2) (closed
  // source) in one answer: the PD does not discover the second after meeting the first.
  const auto& unmet = refused.json.at("error").at("details").at("unmet").as_array();
  ASSERT_EQ(unmet.size(), 2u) << refused.body;
  EXPECT_EQ(text_of(unmet.at(0).at("rule"), "id"), "BTG-27-3");
  EXPECT_EQ(unmet.at(0).at("details").at("missing").as_array(),
            (boost::json::array{"recommendation", "ministry_consideration"}));
  EXPECT_EQ(text_of(unmet.at(1).at("rule"), "id"), "BTG-24-2");
  EXPECT_FALSE(text_of(unmet.at(1).at("rule"), "citation").empty());
  EXPECT_EQ(unmet.at(1).at("details").at("missing").as_array(), (boost::json::array{"closed_source_consideration"}));
  // The application page shows the same: both rules block the move.
  auto page = admin.get("/api/applications/" + app);
  for (const auto& mv : page.json.at("gates").at("moves").as_array())
    if (text_of(mv, "to") == "rancang_bangun") {
      ASSERT_EQ(mv.at("blocked_by").as_array().size(), 2u);
      EXPECT_EQ(text_of(mv.at("blocked_by").at(1).at("rule"), "id"), "BTG-24-2");
    }
}

TEST_P(ApplicationsTest, BalikpapanHostRulesAreCheckedFromRegistrationWithUnmistakableHostingNames) {
  SIMPUL_PROVES("balikpapan", "BPN-13-1");
  SIMPUL_PROVES("balikpapan", "BPN-13-2");
  SIMPUL_PROVES("balikpapan", "BPN-14-3");
  SIMPUL_PROVES("balikpapan", "BPN-14-5");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto dinkes = agency_id(admin, "DINKES");
  auto hosting = admin.get("/api/applications/options").json.at("hosting").as_array();
  std::set<std::string> ids;
  for (const auto& h : hosting) ids.insert(text_of(h, "id"));
  EXPECT_EQ(ids, (std::set<std::string>{"pusat_data_kolokasi", "pusat_data_vps", "server_pd_di_pusat_data",
                                        "server_di_kantor_pd", "luar_pusat_data"}));
  // Registered, still at the needs study: the wrong host, e-mail and a server in the PD's office are
  // reported now, with their articles, although their findings come only once the application is live.
  auto created = admin.post(
      "/api/applications",
      R"({"code":"APL-W","name":"Kantor","owner_agency_id":")" + dinkes +
          R"(","category":"aplikasi_umum","subdomain":"kantor.example.com","contact_email":"a@gmail.com","hosting":"server_di_kantor_pd"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::map<std::string, std::string> warned;
  for (const auto& w : created.json.at("warnings").as_array())
    warned[text_of(w.at("rule"), "id")] = text_of(w.at("rule"), "citation");
  EXPECT_EQ(warned["BPN-13-1"], "Pasal 13 ayat (1)");
  EXPECT_EQ(warned["BPN-13-2"], "Pasal 13 ayat (2)");
  EXPECT_EQ(warned["BPN-14-3"], "Pasal 14 ayat (3)");
  auto app = text_of(created.json, "id");
  ASSERT_EQ(
      admin
          .patch(
              "/api/applications/" + app,
              R"({"subdomain":"kantor.balikpapan.go.id","contact_email":"kantor@balikpapan.go.id","hosting":"pusat_data_vps"})")
          .status,
      200);
  EXPECT_TRUE(admin.get("/api/applications/" + app).json.at("warnings").as_array().empty());

  // Pasal 14 ayat (5): a PD-owned server (in the Pusat Data) is for a PD Mandiri TIK only; the
  // fact is the owner's own flag, not a constant.
  auto own =
      admin.post("/api/applications", R"({"code":"APL-O","name":"Server PD","owner_agency_id":")" + dinkes +
                                          R"(","category":"aplikasi_umum","hosting":"server_pd_di_pusat_data"})");
  ASSERT_EQ(own.status, 201) << own.body;
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  EXPECT_TRUE(open_rules_of(admin, text_of(own.json, "id")).count("BPN-14-5"));
}

TEST_P(ApplicationsTest, BandarLampungSimilarApplicationNeedsItsThreeConditions) {
  SIMPUL_PROVES("bandar-lampung", "BDL-23-4");
  Instance in(GetParam());
  auto admin = admin_client(in, "bandar-lampung");
  auto dinkes = agency_id(admin, "DINKES");
  auto created = admin.post("/api/applications", R"({"code":"APL-J","name":"Sejenis","owner_agency_id":")" + dinkes +
                                                     R"(","category":"aplikasi_khusus","similar_to_umum":true})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto app = text_of(created.json, "id");
  // Pasal 23 ayat (4): the record's own answer decides (it is no longer always "no").
  auto refused = move(admin, app, "perencanaan");
  ASSERT_EQ(refused.status, 422) << refused.body;
  bool similar = false;
  for (const auto& u : refused.json.at("error").at("details").at("unmet").as_array())
    if (text_of(u.at("rule"), "id") == "BDL-23-4") {
      similar = true;
      EXPECT_EQ(u.at("details").at("missing").as_array().size(), 3u);
    }
  EXPECT_TRUE(similar) << refused.body;
  ASSERT_EQ(
      admin
          .patch(
              "/api/applications/" + app,
              R"({"justification":{"beroperasi_sebelum_aplikasi_umum":true,"kajian_biaya_manfaat":true,"pengembangan_sesuai_fungsi_aplikasi_umum":true}})")
          .status,
      200);
  EXPECT_EQ(move(admin, app, "perencanaan").status, 200);
}

TEST_P(ApplicationsTest, MadiunAplikasiKhususPdIsBuiltByAPdMandiriTikOrTheDinas) {
  SIMPUL_PROVES("madiun", "MDN-23-5-d");
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto bpbd = agency_id(admin, "BPBD");      // no Mandiri TIK flag
  auto dinkes = agency_id(admin, "DINKES");  // a PD Mandiri TIK in the demo organisation
  auto create = [&](const std::string& code, const std::string& owner, const std::string& builder) {
    auto r =
        admin.post("/api/applications", R"({"code":")" + code + R"(","name":"Khusus","owner_agency_id":")" + owner +
                                            R"(","category":"aplikasi_khusus_pd","builder":")" + builder + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return text_of(r.json, "id");
  };
  const std::pair<const char*, const char*> refused_builders[] = {{"APL-M1", "pd_mandiri_tik"},
                                                                  {"APL-M2", "perangkat_daerah"}};
  for (const auto& [code, builder] : refused_builders) {
    SCOPED_TRACE(builder);
    auto app = create(code, bpbd, builder);
    // BPBD is not a PD Mandiri TIK: it cannot claim to build as one, nor build it itself.
    auto refused = move(admin, app, "perencanaan");
    ASSERT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.rule_id(), "MDN-23-5-d");
    EXPECT_EQ(text_of(refused.json.at("error").at("rule"), "citation"), "Pasal 23 ayat (5) huruf d");
    ASSERT_EQ(admin.patch("/api/applications/" + app, R"({"builder":"dinas"})").status, 200);
    EXPECT_EQ(move(admin, app, "perencanaan").status, 200);
  }
  // The flag is the owner's own: a PD Mandiri TIK builds its Aplikasi Khusus PD itself.
  auto own = create("APL-M3", dinkes, "pd_mandiri_tik");
  EXPECT_EQ(move(admin, own, "perencanaan").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Databases, ApplicationsTest, ::testing::ValuesIn(test_support::backends()));
