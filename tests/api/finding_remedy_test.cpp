// A finding says what resolves it, in both languages, with the console screen where that is done
// (issue 20 item 11), derived from its subject and rule kind; and the regulation profile serves
// every rule's summary, party and object in Indonesian beside the English (issue 20 item 6).
#include <gtest/gtest.h>

#include <map>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class FindingRemedyTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string remedy_created(const Reply& r) {
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

/// The open findings of one object: rule id -> the finding.
std::map<std::string, boost::json::object> remedy_findings(Client& c, const std::string& object) {
  std::map<std::string, boost::json::object> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& f : r.json.at("items").as_array()) out[text_of(f.at("rule"), "id")] = f.as_object();
  return out;
}

}  // namespace

TEST_P(FindingRemedyTest, EachInfrastructureFindingSaysWhatResolvesItAndWhere) {
  SIMPUL_PROVES("balikpapan", "BPN-19-1");
  SIMPUL_PROVES("balikpapan", "BPN-15-1");
  SIMPUL_PROVES("balikpapan", "BPN-14-3");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto pd = agency_id(admin, "DISHUB");
  auto room = remedy_created(admin.post(
      "/api/infrastructure/sites",
      R"({"code":"RS-HUB","name":"Ruang server Dishub","kind":"ruang_server_pd","status":"operasi","agency_id":")" +
          pd + "\"}"));
  auto server = remedy_created(
      admin.post("/api/infrastructure/servers", R"({"code":"SRV-ROOM","name":"Server ruang","owner_agency_id":")" + pd +
                                                    R"(","hosting":"ruang_pd","site_id":")" + room +
                                                    R"(","managed_by":"pd","environment":"produksi"})"));
  auto duty = remedy_created(admin.post("/api/infrastructure/backup-duties",
                                        R"({"agency_id":")" + pd +
                                            R"(","name":"Basis data perizinan","schedule_days":1,"target_site_id":")" +
                                            room + "\"}"));
  auto lan = remedy_created(admin.post(
      "/api/infrastructure/lans", R"({"agency_id":")" + pd + R"(","name":"LAN Dishub","registered_on":"2024-01-02"})"));
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);

  // A LAN without its diagram (Pasal 19 ayat (1)): upload it on the network page.
  auto lan_findings = remedy_findings(admin, lan);
  ASSERT_TRUE(lan_findings.count("BPN-19-1"));
  const auto& lan_finding = lan_findings.at("BPN-19-1");
  EXPECT_EQ(text_of(lan_finding.at("rule"), "citation"), "Pasal 19 ayat (1)");
  ASSERT_TRUE(lan_finding.at("resolve").is_object());
  const auto& fix = lan_finding.at("resolve");
  EXPECT_NE(text_of(fix, "action").find("diagram LAN"), std::string::npos) << text_of(fix, "action");
  EXPECT_NE(text_of(fix, "action_en").find("LAN diagram"), std::string::npos) << text_of(fix, "action_en");
  EXPECT_EQ(text_of(fix, "link"), "/infrastruktur/jaringan");
  EXPECT_EQ(text_of(fix, "place"), "Infrastruktur — Jaringan");

  // A backup duty to the PD's own room (Pasal 15 ayat (1)): the backups board.
  auto duty_findings = remedy_findings(admin, duty);
  ASSERT_TRUE(duty_findings.count("BPN-15-1"));
  EXPECT_EQ(text_of(duty_findings.at("BPN-15-1").at("resolve"), "link"), "/infrastruktur/pencadangan");
  EXPECT_NE(text_of(duty_findings.at("BPN-15-1").at("resolve"), "action").find("Pusat Data"), std::string::npos);

  // A server outside the Pusat Data (Pasal 14 ayat (3)): the data-centre register; the detail says so too.
  auto server_findings = remedy_findings(admin, server);
  ASSERT_TRUE(server_findings.count("BPN-14-3"));
  const auto id = text_of(server_findings.at("BPN-14-3"), "id");
  auto detail = admin.get("/api/compliance/findings/" + id);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(text_of(detail.json.at("resolve"), "link"), "/infrastruktur/pusat-data");
  EXPECT_NE(text_of(detail.json.at("resolve"), "action").find("Pindahkan server ke Pusat Data"), std::string::npos);
}

TEST_P(FindingRemedyTest, AnApplicationFindingLinksToTheTabThatResolvesIt) {
  SIMPUL_PROVES("balikpapan", "BPN-13-1");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto ag = agency_code(admin, 0);
  // A live Aplikasi Khusus, imported as it runs today: outside the Pemda's domain, no recommendation,
  // no fitness test, no documents in the Repositori.
  const std::string csv =
      "kode;nama;deskripsi;kode_pd;kategori;tahap;url;subdomain;email;hosting;pembangun;vendor;model_sumber;audit_terakhir;"
      "sejenis_aplikasi_umum\r\n"
      "SIREMEDI;Sistem Rujukan Medis;;" +
      ag + ";aplikasi_khusus;pemeliharaan;https://sipadu.example.com;;;;;;;2026-01-10;tidak\r\n";
  auto imported =
      admin.send("POST", "/api/applications/import?dry_run=false", csv, {{"content-type", "application/octet-stream"}});
  ASSERT_EQ(imported.status, 200) << imported.body;
  auto list = admin.get("/api/applications?per_page=200");
  ASSERT_EQ(list.status, 200);
  std::string app;
  for (const auto& a : list.json.at("items").as_array())
    if (text_of(a, "code") == "SIREMEDI") app = text_of(a, "id");
  ASSERT_FALSE(app.empty()) << list.body;
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);

  auto findings = remedy_findings(admin, app);
  ASSERT_TRUE(findings.count("BPN-13-1")) << "an address outside balikpapan.go.id";
  const auto& host = findings.at("BPN-13-1").at("resolve");
  EXPECT_EQ(text_of(host, "link"), "/aplikasi/" + app);
  EXPECT_NE(text_of(host, "action").find("subdomain"), std::string::npos);
  EXPECT_NE(text_of(host, "action_en").find("subdomain"), std::string::npos);
  // Every open finding of the application says what to do: none is left without a remedy, and
  // what is missing is added on its own tab.
  const std::map<std::string, std::string> tabs = {{"recommendation", "rekomendasi"}, {"test_passed", "uji"}};
  for (const auto& [rule, f] : findings) {
    ASSERT_TRUE(f.at("resolve").is_object()) << rule;
    EXPECT_FALSE(text_of(f.at("resolve"), "action").empty()) << rule;
    EXPECT_FALSE(text_of(f.at("resolve"), "action_en").empty()) << rule;
    const auto* missing = f.at("details").as_object().if_contains("missing");
    if (!missing) continue;
    const std::string first(missing->as_array().at(0).as_string());
    const std::string tab = tabs.count(first) ? tabs.at(first) : "repositori";
    EXPECT_EQ(text_of(f.at("resolve"), "link"), "/aplikasi/" + app + "?tab=" + tab) << rule << " " << first;
  }
}

TEST_P(FindingRemedyTest, TheProfileServesEveryRuleSummaryInIndonesianAndEnglish) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto profile = admin.get("/api/profiles/balikpapan");
  ASSERT_EQ(profile.status, 200) << profile.body;
  std::size_t rules = 0;
  for (const auto& r : profile.json.at("rules").as_array()) {
    ++rules;
    EXPECT_FALSE(text_of(r, "what").empty());
    EXPECT_FALSE(text_of(r, "what_id").empty()) << text_of(r, "id");
    EXPECT_FALSE(text_of(r, "who_id").empty()) << text_of(r, "id");
    EXPECT_FALSE(text_of(r, "object_id").empty()) << text_of(r, "id");
    if (text_of(r, "id") == "BPN-19-1") {
      EXPECT_EQ(text_of(r, "what_id"),
                "Setiap Perangkat Daerah menyampaikan diagram infrastruktur LAN terkininya kepada Dinas.");
      EXPECT_EQ(text_of(r, "what"), "Every PD submits its current LAN infrastructure diagram to Dinas.");
    }
    // The regulation's own party is named, not "(regulation)".
    EXPECT_EQ(text_of(r, "who_id").find("(regulation)"), std::string::npos) << text_of(r, "id");
  }
  EXPECT_EQ(rules, 145u);
  EXPECT_EQ(profile.json.at("regulation").at("caveats_id").as_array().size(),
            profile.json.at("regulation").at("caveats").as_array().size());
}

INSTANTIATE_TEST_SUITE_P(Databases, FindingRemedyTest, ::testing::ValuesIn(test_support::backends()));
