// Attestations of Infrastruktur SPBE through the API (docs/infrastructure.md, "Attestations"), on
// both databases: the Dinas records that a Pusat Data site, a PD's LAN or the Jaringan Intra meets
// or does not meet what an article names; none yet, or "does not meet", is a finding citing the
// article, and each region has the findings its text states and no others.
#include <gtest/gtest.h>

#include <set>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "infrastructure/attestation.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class InfrastructureAttestationTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// The object id of a tenant-wide object (the Jaringan Intra, the Dinas's facilities) in findings.
std::string tenant_object(Instance& in, const std::string& slug, const char* subject) {
  auto tenant = in.db().acquire()->query("SELECT id FROM tenants WHERE slug = ?", {slug}).at(0).text_at(0);
  return infrastructure::tenant_object_id(Scope{tenant}, subject);
}

std::set<std::string> open_rules(Client& c, const std::string& object) {
  EXPECT_EQ(c.post("/api/compliance/evaluate", "").status, 200);
  std::set<std::string> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  for (const auto& f : r.json.at("items").as_array()) out.insert(text_of(f.at("rule"), "id"));
  return out;
}

std::string created(const Reply& r) {
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

Reply attest(Client& c, const std::string& subject, const std::string& id, const std::string& topic,
             const std::string& result, const std::string& date = "2026-01-15") {
  return c.post("/api/infrastructure/attestations",
                R"({"subject":")" + subject + R"(","subject_id":")" + id + R"(","topic":")" + topic +
                    R"(","result":")" + result + R"(","date":")" + date +
                    R"(","assessor":"Tim Penilai Diskominfo","reference":"BA-01/2026"})");
}

std::string pusat_data(Client& admin) {
  return created(
      admin.post("/api/infrastructure/sites",
                 R"({"code":"PD-UJI","name":"Pusat Data Pemda","kind":"pusat_data_pemda","status":"operasi",)"
                 R"("agency_id":")" +
                     agency_id(admin, "DISKOMINFO") + "\"}"));
}

}  // namespace

// Balikpapan Pasal 16, Bandar Lampung Pasal 18 ayat (1), Madiun Pasal 17: the Dinas assures the
// confidentiality and security of the data in the Pusat Data. Lampung Timur Pasal 17 ayat (5) and
// (8): a standard facility, connected to the PDN. Bontang states none of these.
TEST_P(InfrastructureAttestationTest, APusatDataWithoutItsAttestationIsAFindingWhereTheTextSaysSo) {
  SIMPUL_PROVES("balikpapan", "BPN-16");
  SIMPUL_PROVES("bandar-lampung", "BDL-18-1");
  SIMPUL_PROVES("madiun", "MDN-17");
  SIMPUL_PROVES("lampung-timur", "LTM-17-5");
  SIMPUL_PROVES("lampung-timur", "LTM-17-8");
  struct Region {
    const char* profile;
    std::set<std::string> rules;  // the findings of a site with no attestation
  };
  for (const auto& region :
       {Region{"balikpapan", {"BPN-16"}}, Region{"bandar-lampung", {"BDL-18-1"}}, Region{"madiun", {"MDN-17"}},
        Region{"lampung-timur", {"LTM-17-5", "LTM-17-8"}}, Region{"bontang", {}}}) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto site = pusat_data(admin);
    EXPECT_EQ(open_rules(admin, site), region.rules);
    // "Does not meet" keeps the finding open; "meets" closes it.
    for (const auto& [topic, rule] :
         {std::pair{"kerahasiaan_keamanan", "BPN-16"}, std::pair{"kerahasiaan_keamanan", "BDL-18-1"},
          std::pair{"kerahasiaan_keamanan", "MDN-17"}, std::pair{"standar_pusat_data", "LTM-17-5"}}) {
      if (!region.rules.count(rule)) continue;
      ASSERT_EQ(attest(admin, "site", site, topic, "tidak_memenuhi").status, 201);
      EXPECT_TRUE(open_rules(admin, site).count(rule));
      ASSERT_EQ(attest(admin, "site", site, topic, "memenuhi", "2026-02-01").status, 201);
      EXPECT_FALSE(open_rules(admin, site).count(rule));
    }
    if (region.rules.count("LTM-17-8")) {
      ASSERT_EQ(attest(admin, "site", site, "terhubung_pdn", "memenuhi").status, 201);
      EXPECT_EQ(open_rules(admin, site), std::set<std::string>{});
    }
    auto list = admin.get("/api/infrastructure/attestations?subject=site&subject_id=" + site);
    ASSERT_EQ(list.status, 200) << list.body;
    if (!region.rules.empty()) EXPECT_EQ(text_of(list.json.at("items").at(0), "reference"), "BA-01/2026");
  }
}

TEST_P(InfrastructureAttestationTest, BadAttestationsAreRefusedAndChangeNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto site = pusat_data(admin);
  auto dishub = agency_id(admin, "DISHUB");
  auto op = user(in, admin, "balikpapan", "op.dishub", "agency_operator", dishub);
  auto before = ledger_size(in);
  EXPECT_EQ(attest(admin, "site", site, "kerahasiaan_keamanan", "memenuhi", "2999-01-01").status, 422);
  EXPECT_EQ(attest(admin, "site", site, "kerahasiaan_keamanan", "lumayan").status, 422);
  EXPECT_EQ(attest(admin, "site", site, "pemeriksaan_dinas", "memenuhi").status, 422);  // a LAN's topic
  EXPECT_EQ(attest(admin, "lan", site, "pemeriksaan_dinas", "memenuhi").status, 404);   // not a LAN
  EXPECT_EQ(attest(admin, "ruang", site, "kerahasiaan_keamanan", "memenuhi").status, 422);
  EXPECT_EQ(attest(op, "site", site, "kerahasiaan_keamanan", "memenuhi").status, 403);  // the Dinas assesses
  EXPECT_EQ(
      admin
          .post("/api/infrastructure/attestations", R"({"subject":"site","subject_id":")" + site +
                                                        R"(","topic":"kerahasiaan_keamanan",)"
                                                        R"("result":"memenuhi","date":"2026-01-15","assessor":"Tim"})")
          .status,
      422);  // no reference
  EXPECT_EQ(ledger_size(in), before);
}

// Balikpapan Pasal 17 ayat (1) huruf c and Pasal 18: the LAN of a PD Mandiri TIK needs the Dinas's
// recommendation and is open to the Dinas's inspection; every LAN meets the standard. Madiun Pasal 19
// ayat (2): a PD Mandiri TIK's LAN is inspected by the Dinas.
TEST_P(InfrastructureAttestationTest, ALanHasTheRecommendationInspectionAndStandardItsRegionNames) {
  SIMPUL_PROVES("balikpapan", "BPN-17-1-c");
  SIMPUL_PROVES("balikpapan", "BPN-18-1");
  SIMPUL_PROVES("balikpapan", "BPN-18-2");
  SIMPUL_PROVES("madiun", "MDN-19-2");
  struct Region {
    const char* profile;
    std::set<std::string> dinas_lan, mandiri_lan;
  };
  for (const auto& region : {Region{"balikpapan", {"BPN-18-1"}, {"BPN-18-1", "BPN-18-2", "BPN-17-1-c"}},
                             Region{"madiun", {}, {"MDN-19-2"}}, Region{"bandar-lampung", {}, {}}}) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto mandiri = admin.post("/api/agencies", R"({"code":"MTIK","name":"Dinas Mandiri TIK","type":"dinas_daerah",)"
                                               R"("flags":["mandiri_tik"],"mandiri_tik_decree":"Keputusan 100/2026"})");
    ASSERT_EQ(mandiri.status, 201) << mandiri.body;
    auto lan_of = [&](const std::string& agency, const char* built_by) {
      return created(admin.post("/api/infrastructure/lans",
                                R"({"agency_id":")" + agency + R"(","name":"LAN","built_by":")" + built_by + "\"}"));
    };
    auto dinas_lan = lan_of(agency_id(admin, "DISHUB"), "dinas");
    auto own_lan = lan_of(text_of(mandiri.json, "id"), "pd_mandiri_tik");
    auto attested = [&](const std::string& lan) {
      std::set<std::string> out;
      for (const auto& r : open_rules(admin, lan))
        if (region.mandiri_lan.count(r)) out.insert(r);
      return out;
    };
    EXPECT_EQ(attested(dinas_lan), region.dinas_lan);
    EXPECT_EQ(attested(own_lan), region.mandiri_lan);
    for (const char* topic : {"standar_jaringan", "pemeriksaan_dinas", "rekomendasi_dinas"})
      ASSERT_EQ(attest(admin, "lan", own_lan, topic, "memenuhi").status, 201);
    EXPECT_EQ(attested(own_lan), std::set<std::string>{});
  }
}

// Bandar Lampung Pasal 19 ayat (6), Bontang Pasal 20 ayat (2): using the intranet needs the connection
// to the government intranet and the ministry's and BSSN's considerations. Madiun states none.
TEST_P(InfrastructureAttestationTest, TheIntranetNeedsItsConnectionAndBothConsiderations) {
  SIMPUL_PROVES("bandar-lampung", "BDL-19-6");
  SIMPUL_PROVES("bontang", "BTG-20-2");
  for (const auto& [profile, rule] :
       {std::pair{"bandar-lampung", "BDL-19-6"}, std::pair{"bontang", "BTG-20-2"}, std::pair{"madiun", ""}}) {
    SCOPED_TRACE(profile);
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    const auto intranet = tenant_object(in, profile, "jaringan_intra");
    auto expected = *rule ? std::set<std::string>{rule} : std::set<std::string>{};
    // The demo intranet carries all three as met: no finding.
    EXPECT_EQ(open_rules(admin, intranet), std::set<std::string>{});
    if (!*rule) continue;
    auto demo = admin.get("/api/infrastructure/attestations?subject=jaringan_intra");
    ASSERT_EQ(demo.status, 200) << demo.body;
    ASSERT_EQ(demo.json.at("items").as_array().size(), 3u);
    ASSERT_EQ(demo.json.at("topics").as_array().size(), 3u);
    auto newest = text_of(demo.json.at("items").at(0), "date");
    // BSSN's consideration is withdrawn (a newer letter that does not meet): the finding opens, once.
    ASSERT_EQ(attest(admin, "jaringan_intra", "", "kelaikan_keamanan", "tidak_memenuhi", newest).status, 201);
    EXPECT_EQ(open_rules(admin, intranet), expected);
    auto f = admin.get("/api/compliance/findings?state=open&object=" + intranet);
    ASSERT_EQ(f.json.at("items").as_array().size(), 1u);
    // The finding says what resolves it and where: an assessment recorded on the network page.
    const auto& remedy = f.json.at("items").at(0).at("resolve");
    ASSERT_TRUE(remedy.is_object()) << f.body;
    EXPECT_EQ(text_of(remedy, "link"), "/infrastruktur/jaringan");
    EXPECT_EQ(attest(admin, "jaringan_intra", "x", "kelaikan_keamanan", "memenuhi", newest).status, 422);
    ASSERT_EQ(attest(admin, "jaringan_intra", "", "kelaikan_keamanan", "memenuhi", newest).status, 201);
    EXPECT_EQ(open_rules(admin, intranet), std::set<std::string>{});
  }
}

// Lampung Timur Pasal 17 ayat (6): a PD whose own data centre meets the standard keeps its backup
// system in the Pusat Data, and the region grants no exception from the backup duty.
TEST_P(InfrastructureAttestationTest, LampungTimurAPdWithAStandardRoomBacksUpIntoThePusatData) {
  SIMPUL_PROVES("lampung-timur", "LTM-17-6");
  Instance in(GetParam());
  auto admin = admin_client(in, "lampung-timur");
  auto pd = agency_id(admin, "DISHUB");
  auto pusat = pusat_data(admin);
  auto room =
      created(admin.post("/api/infrastructure/sites", R"({"code":"RS-HUB","name":"Ruang server Dishub",)"
                                                      R"("kind":"ruang_server_pd","status":"operasi","agency_id":")" +
                                                          pd + "\"}"));
  ASSERT_EQ(admin
                .post("/api/infrastructure/sites/" + room + "/assessments",
                      R"({"date":"2026-01-10","result":"memenuhi","assessor":"Tim Infrastruktur"})")
                .status,
            201);
  auto duty_to = [&](const std::string& site, const std::string& extra) {
    return admin.post("/api/infrastructure/backup-duties", R"({"agency_id":")" + pd +
                                                               R"(","name":"Basis data perizinan","schedule_days":1,)"
                                                               R"("target_site_id":")" +
                                                               site + "\"" + extra + "}");
  };
  auto exempt = duty_to(pusat, R"(,"exception_basis":"UU 27/2022")");
  EXPECT_EQ(exempt.status, 422) << exempt.body;
  EXPECT_EQ(exempt.rule_id(), "LTM-17-6");
  auto in_room = created(duty_to(room, ""));
  EXPECT_TRUE(open_rules(admin, in_room).count("LTM-17-6"));
  auto in_pusat = created(duty_to(pusat, ""));
  EXPECT_FALSE(open_rules(admin, in_pusat).count("LTM-17-6"));
}

// Bontang Pasal 17 ayat (1): the Dinas provides a data recovery centre and a network operations
// centre. One finding per tenant names what is missing until both are operating sites run by the
// Dinas; Balikpapan's text has no such duty.
TEST_P(InfrastructureAttestationTest, BontangTheDinasProvidesARecoveryAndANetworkOperationsCentre) {
  SIMPUL_PROVES("bontang", "BTG-17-1");
  for (const char* profile : {"bontang", "balikpapan"}) {
    SCOPED_TRACE(profile);
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    const auto facilities = tenant_object(in, profile, "fasilitas_dinas");
    bool bontang = std::string(profile) == "bontang";
    auto expected = bontang ? std::set<std::string>{"BTG-17-1"} : std::set<std::string>{};
    auto site = [&](const std::string& code, const std::string& kind, const std::string& status,
                    const std::string& agency) {
      return created(admin.post("/api/infrastructure/sites", R"({"code":")" + code + R"(","name":"Fasilitas )" + code +
                                                                 R"(","kind":")" + kind + R"(","status":")" + status +
                                                                 R"(","agency_id":")" + agency_id(admin, agency) +
                                                                 "\"}"));
    };
    auto finding = [&] {
      auto r = admin.get("/api/compliance/findings?state=open&object=" + facilities);
      EXPECT_EQ(r.status, 200) << r.body;
      return r.json.at("items").as_array();
    };
    EXPECT_EQ(open_rules(admin, facilities), expected);
    if (bontang) {
      auto items = finding();
      ASSERT_EQ(items.size(), 1u);
      EXPECT_EQ(text_of(items.at(0).at("rule"), "citation"), "Pasal 17 ayat (1)");
      EXPECT_NE(text_of(items.at(0), "object_label").find("pusat pemulihan data dan pusat pengelolaan jaringan"),
                std::string::npos);
    }
    // A planned recovery centre and a PD's network centre are not what the Dinas provides.
    site("DRC-R", "pusat_pemulihan_data", "rencana", "DISKOMINFO");
    site("NOC-PD", "pusat_pengelolaan_jaringan", "operasi", "DISHUB");
    // One of the two operating: still one finding, naming the other.
    site("DRC", "pusat_pemulihan_data", "operasi", "DISKOMINFO");
    EXPECT_EQ(open_rules(admin, facilities), expected);
    if (bontang) {
      auto items = finding();
      ASSERT_EQ(items.size(), 1u);
      EXPECT_EQ(text_of(items.at(0), "object_label"), "Fasilitas Dinas: belum ada pusat pengelolaan jaringan");
    }
    // Both: closed.
    site("NOC", "pusat_pengelolaan_jaringan", "operasi", "DISKOMINFO");
    EXPECT_EQ(open_rules(admin, facilities), std::set<std::string>{});
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, InfrastructureAttestationTest, ::testing::ValuesIn(test_support::backends()));
