// Infrastruktur SPBE through the API (docs/infrastructure.md), on both databases: the Pusat Data
// register on the architecture spine, requests decided by the Dinas, backup duties, LAN diagrams and
// device change reports, and one fixture run through the five regulations whose findings differ
// exactly where the texts differ.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "api_harness.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "interchange/xlsx.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class InfrastructureTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string infra_created(const Reply& r) {
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

std::set<std::string> infra_open_rules(Client& c, const std::string& object) {
  std::set<std::string> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  for (const auto& f : r.json.at("items").as_array()) out.insert(text_of(f.at("rule"), "id"));
  return out;
}

std::string infra_site(Client& c, const std::string& code, const std::string& kind, const std::string& agency,
                       const std::string& status = "operasi") {
  return infra_created(c.post("/api/infrastructure/sites", R"({"code":")" + code + R"(","name":"Lokasi )" + code +
                                                               R"(","kind":")" + kind + R"(","status":")" + status +
                                                               R"(","agency_id":")" + agency + "\"}"));
}

std::string infra_server(Client& c, const std::string& code, const std::string& agency, const std::string& hosting,
                         const std::string& site_id, const std::string& managed_by) {
  return infra_created(c.post("/api/infrastructure/servers",
                              R"({"code":")" + code + R"(","name":"Server )" + code + R"(","owner_agency_id":")" +
                                  agency + R"(","hosting":")" + hosting + R"(","site_id":")" + site_id +
                                  R"(","managed_by":")" + managed_by + R"(","environment":"produksi"})"));
}

/// The open findings about one object: rule id -> the citation the finding carries.
std::map<std::string, std::string> infra_open_citations(Client& c, const std::string& object) {
  std::map<std::string, std::string> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  for (const auto& f : r.json.at("items").as_array())
    out[text_of(f.at("rule"), "id")] = text_of(f.at("rule"), "citation");
  return out;
}

/// The citation of each rule these tests assert, as profiles/<region>.yaml states it.
const std::map<std::string, std::string>& infra_citations() {
  static const std::map<std::string, std::string> k = {
      {"BDL-14-4", "Pasal 14 ayat (4)"},           {"BDL-16-1", "Pasal 16 ayat (1)"},
      {"BDL-16-3", "Pasal 16 ayat (3)"},           {"BDL-16-4", "Pasal 16 ayat (4)"},
      {"BDL-17-1", "Pasal 17 ayat (1)"},           {"BDL-20-2", "Pasal 20 ayat (2)"},
      {"BPN-14-2", "Pasal 14 ayat (2)"},           {"BPN-14-3", "Pasal 14 ayat (3)"},
      {"BPN-14-5", "Pasal 14 ayat (5)"},           {"BPN-14-6", "Pasal 14 ayat (6)"},
      {"BPN-15-1", "Pasal 15 ayat (1)"},           {"BPN-15-2", "Pasal 15 ayat (2)"},
      {"BPN-19-1", "Pasal 19 ayat (1)"},           {"BPN-19-2", "Pasal 19 ayat (2)"},
      {"BPN-18-1", "Pasal 18 ayat (1)"},           {"BPN-17-1-b", "Pasal 17 ayat (1) huruf b"},
      {"MDN-18-6-b", "Pasal 18 ayat (6) huruf b"}, {"LTM-17-4", "Pasal 17 ayat (4)"},
      {"LTM-17-7", "Pasal 17 ayat (7)"},           {"BTG-16-4", "Pasal 16 ayat (4)"},
      {"MDN-14-4", "Pasal 14 ayat (4)"},           {"MDN-16-1", "Pasal 16 ayat (1)"},
      {"MDN-20-1", "Pasal 20 ayat (1)"},           {"MDN-20-2", "Pasal 20 ayat (2)"},
  };
  return k;
}

std::string infra_citation(const std::string& rule) {
  auto it = infra_citations().find(rule);
  return it == infra_citations().end() ? "(no citation expected for " + rule + ")" : it->second;
}

/// An ISO time `hours` before now (UTC).
std::string infra_hours_ago(int hours) { return clock::to_iso(clock::now() - std::chrono::hours(hours)); }
std::string infra_days_ago(int days) { return infra_hours_ago(24 * days); }

struct RegionFindings {
  std::string profile;
  std::set<std::string> room_server, pdn_server, duty, lan, device;
};

}  // namespace

TEST_P(InfrastructureTest, ServersAreArchitectureElementsWithTheirHostingRecord) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  auto dinkes = agency_id(admin, "DINKES");
  auto op = user(in, admin, "balikpapan", "op.dishub", "agency_operator", dishub);
  auto pusat = infra_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  auto rack = admin.post("/api/infrastructure/sites/" + pusat + "/racks", R"({"code":"R-07","units":42})");
  ASSERT_EQ(rack.status, 201) << rack.body;

  auto s = op.post("/api/infrastructure/servers",
                   R"({"code":"SRV-HUB-01","name":"Server SIM Perhubungan","owner_agency_id":")" + dishub +
                       R"(","hosting":"kolokasi","site_id":")" + pusat + R"(","rack_id":")" + text_of(rack.json, "id") +
                       R"(","kind":"fisik","hostname":"simhub.balikpapan.go.id"})");
  ASSERT_EQ(s.status, 201) << s.body;
  auto id = text_of(s.json, "id");
  EXPECT_EQ(text_of(s.json, "hosting_name"), "Kolokasi di Pusat Data");
  EXPECT_EQ(text_of(s.json.at("site"), "code"), "PD-UJI");

  // The server IS an architecture element of the domain infrastruktur, not a second list.
  auto element = admin.get("/api/architecture/elements/" + id);
  ASSERT_EQ(element.status, 200) << element.body;
  EXPECT_EQ(text_of(element.json, "domain"), "infrastruktur");
  EXPECT_EQ(text_of(element.json, "code"), "SRV-HUB-01");

  // What runs on it comes from the architecture's relations.
  auto app = admin.post("/api/architecture/elements",
                        R"({"domain":"aplikasi","code":"APL-HUB","name":"SIM Perhubungan","owner_agency_id":")" +
                            dishub + R"(","attributes":{"category":"aplikasi_khusus"}})");
  ASSERT_EQ(app.status, 201) << app.body;
  ASSERT_EQ(admin
                .post("/api/architecture/relations", R"({"source_id":")" + text_of(app.json, "id") +
                                                         R"(","type":"runs_on","target_id":")" + id + "\"}")
                .status,
            201);
  auto detail = op.get("/api/infrastructure/servers/" + id);
  ASSERT_EQ(detail.status, 200);
  ASSERT_EQ(detail.json.at("hosted").as_array().size(), 1u);
  EXPECT_EQ(text_of(detail.json.at("hosted").at(0), "code"), "APL-HUB");

  // Bad input changes nothing and says which field.
  auto before = ledger_size(in);
  auto bad = op.post("/api/infrastructure/servers", R"({"code":"SRV-X","name":"X","owner_agency_id":")" + dishub +
                                                        R"(","hosting":"kolokasi","site_id":")" + pusat +
                                                        R"(","kind":"awan"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.error_code(), "validation.invalid_value");
  auto no_site = op.post("/api/infrastructure/servers",
                         R"({"code":"SRV-Y","name":"Y","owner_agency_id":")" + dishub + R"(","hosting":"vps"})");
  EXPECT_EQ(no_site.status, 422);
  EXPECT_EQ(no_site.json.at("error").at("details").at("field"), "site_id");
  // An operator manages only its own agency's servers.
  auto other = op.post("/api/infrastructure/servers",
                       R"({"code":"SRV-Z","name":"Z","owner_agency_id":")" + dinkes + R"(","hosting":"luar"})");
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(op.patch("/api/infrastructure/servers/" + id, R"({"hosting":"luar","site_id":null,"rack_id":null})").status,
            200);
  EXPECT_EQ(ledger_size(in),
            before + 1);  // the record change of the one accepted PATCH (the element itself is unchanged)
  EXPECT_EQ(text_of(op.get("/api/infrastructure/servers/" + id).json, "hosting"), "luar");
  EXPECT_EQ(op.get("/api/infrastructure/servers?agency=" + dishub).json.at("total").as_int64(), 1);
}

TEST_P(InfrastructureTest, TheSameFixtureGivesEachRegionItsOwnFindings) {
  // One PD (not a PD Mandiri TIK in any demo organisation) with: a production server it runs itself
  // in its own room assessed below standard, a server colocated at the PDN link, a backup duty whose
  // target is its own room, a LAN registered in 2024 with no diagram, and a router installed without
  // coordination or change report.
  SIMPUL_PROVES("bandar-lampung", "BDL-16-1");
  SIMPUL_PROVES("bandar-lampung", "BDL-16-3");
  SIMPUL_PROVES("bandar-lampung", "BDL-17-1");
  SIMPUL_PROVES("bandar-lampung", "BDL-20-2");
  SIMPUL_PROVES("balikpapan", "BPN-14-3");
  SIMPUL_PROVES("balikpapan", "BPN-14-5");
  SIMPUL_PROVES("balikpapan", "BPN-15-1");
  SIMPUL_PROVES("balikpapan", "BPN-19-1");
  SIMPUL_PROVES("balikpapan", "BPN-19-2");
  SIMPUL_PROVES("lampung-timur", "LTM-17-4");
  SIMPUL_PROVES("lampung-timur", "LTM-17-7");
  SIMPUL_PROVES("bontang", "BTG-16-4");
  SIMPUL_PROVES("madiun", "MDN-14-4");
  SIMPUL_PROVES("madiun", "MDN-14-1");  // 'dapat': a server outside the Pusat Data is no placement finding
  SIMPUL_PROVES("madiun", "MDN-16-1");
  SIMPUL_PROVES("madiun", "MDN-20-1");
  SIMPUL_PROVES("madiun", "MDN-20-2");
  const std::vector<RegionFindings> expected = {
      {"bandar-lampung", {"BDL-16-1", "BDL-16-3"}, {}, {"BDL-17-1"}, {}, {"BDL-20-2"}},
      // Pasal 18 ayat (1): the LAN is not yet assessed against the standard (infrastructure_attestation_test.cpp).
      {"balikpapan", {"BPN-14-3", "BPN-14-5"}, {}, {"BPN-15-1"}, {"BPN-19-1", "BPN-18-1"}, {"BPN-19-2"}},
      // Only the Dinas's own data centre counts (Pasal 17 ayat (4)); a room below standard moves (ayat (7)).
      {"lampung-timur", {"LTM-17-4", "LTM-17-7"}, {"LTM-17-4"}, {}, {}, {}},
      {"bontang", {"BTG-16-4"}, {}, {}, {}, {}},
      // Pasal 14 ayat (1) 'dapat': placement is no finding; self-run servers only for a PD Mandiri TIK (ayat (4)).
      {"madiun", {"MDN-14-4"}, {}, {"MDN-16-1"}, {"MDN-20-1"}, {"MDN-20-2"}},
  };
  for (const auto& region : expected) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto pd = agency_id(admin, "DISHUB");
    auto assessor = user(in, admin, region.profile, "penilai", "technical_reviewer", kominfo);
    auto pusat = infra_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
    auto pdn = infra_site(admin, "PDN-LINK", "pdn", kominfo);
    auto room = infra_site(admin, "RS-HUB", "ruang_server_pd", pd);
    auto assessed =
        assessor.post("/api/infrastructure/sites/" + room + "/assessments",
                      R"({"date":"2026-03-02","result":"tidak_memenuhi","assessor":"Tim Infrastruktur Diskominfo"})");
    ASSERT_EQ(assessed.status, 201) << assessed.body;
    auto in_room = infra_server(admin, "SRV-ROOM", pd, "ruang_pd", room, "pd");
    auto at_pdn = infra_server(admin, "SRV-PDN", pd, "kolokasi", pdn, "dinas");
    auto in_pusat = infra_server(admin, "SRV-VPS", pd, "vps", pusat, "dinas");
    auto duty = infra_created(admin.post("/api/infrastructure/backup-duties",
                                         R"({"agency_id":")" + pd +
                                             R"(","name":"Basis data perizinan","schedule_days":1,"target_site_id":")" +
                                             room + "\"}"));
    auto lan =
        infra_created(admin.post("/api/infrastructure/lans",
                                 R"({"agency_id":")" + pd + R"(","name":"LAN Dishub","registered_on":"2024-01-02"})"));
    auto device = infra_created(admin.post(
        "/api/infrastructure/devices",
        R"({"agency_id":")" + pd + R"(","name":"Router lantai 1","kind":"router","installed_on":"2026-01-10"})"));
    auto evaluated = admin.post("/api/compliance/evaluate", "");
    ASSERT_EQ(evaluated.status, 200) << evaluated.body;

    EXPECT_EQ(infra_open_rules(admin, in_room), region.room_server);
    EXPECT_EQ(infra_open_rules(admin, at_pdn), region.pdn_server);
    EXPECT_EQ(infra_open_rules(admin, in_pusat), std::set<std::string>{});
    EXPECT_EQ(infra_open_rules(admin, room), std::set<std::string>{});
    EXPECT_EQ(infra_open_rules(admin, duty), region.duty);
    EXPECT_EQ(infra_open_rules(admin, lan), region.lan);
    EXPECT_EQ(infra_open_rules(admin, device), region.device);
    // Each open finding cites the region's article as its profile states it.
    for (const auto& object : {in_room, at_pdn, duty, lan, device})
      for (const auto& [rule, citation] : infra_open_citations(admin, object))
        EXPECT_EQ(citation, infra_citation(rule)) << rule;

    // Each finding names the server, the PD, the article and the step that resolves it.
    auto detail = admin.get("/api/infrastructure/servers/" + in_room);
    ASSERT_EQ(detail.status, 200);
    const auto& findings = detail.json.at("findings").as_array();
    ASSERT_EQ(findings.size(), region.room_server.size());
    for (const auto& f : findings) {
      EXPECT_EQ(text_of(f, "object_label"), "SRV-ROOM Server SRV-ROOM");
      EXPECT_FALSE(text_of(f, "agency_name").empty());
      EXPECT_NE(text_of(f.at("rule"), "citation").find("Pasal"), std::string::npos);
      EXPECT_NE(text_of(f.at("rule"), "title").find(" — "), std::string::npos)
          << "the title carries the resolving step";
    }

    // Resolving: the server moves into the Pusat Data (and the Dinas runs it), the device's
    // change is reported with coordination recorded, and the next evaluation clears the findings.
    ASSERT_EQ(admin
                  .patch("/api/infrastructure/servers/" + in_room,
                         R"({"hosting":"kolokasi","site_id":")" + pusat + R"(","managed_by":"dinas"})")
                  .status,
              200);
    ASSERT_EQ(admin
                  .post("/api/infrastructure/devices/" + device + "/change-reports",
                        R"({"date":"2026-01-11","summary":"Router baru lantai 1"})")
                  .status,
              200);
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
    EXPECT_EQ(infra_open_rules(admin, in_room), std::set<std::string>{});
    auto still = infra_open_rules(admin, device);
    EXPECT_EQ(still, region.device.count("BDL-20-2") ? std::set<std::string>{"BDL-20-2"} : std::set<std::string>{})
        << "a change report is no coordination record";
  }
}

TEST_P(InfrastructureTest, LampungTimurRefusesAPlannedDataCentreOfAPerangkatDaerah) {
  SIMPUL_PROVES("lampung-timur", "LTM-17-9");
  for (const char* profile : {"lampung-timur", "balikpapan"}) {
    SCOPED_TRACE(profile);
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    auto pd = agency_id(admin, "DISHUB");
    auto before = ledger_size(in);
    auto r = admin.post(
        "/api/infrastructure/sites",
        R"({"code":"DC-HUB","name":"Pusat data Dishub","kind":"ruang_server_pd","status":"rencana","agency_id":")" +
            pd + "\"}");
    if (std::string(profile) == "lampung-timur") {
      ASSERT_EQ(r.status, 422) << r.body;
      EXPECT_EQ(r.error_code(), "infrastructure.gate_refused");
      EXPECT_EQ(r.rule_id(), "LTM-17-9");
      EXPECT_EQ(text_of(r.json.at("error").at("rule"), "citation"), "Pasal 17 ayat (9)");
      EXPECT_EQ(ledger_size(in), before);
      // A room the PD already runs is registered: ayat (6)-(7) govern it, not ayat (9).
      EXPECT_EQ(admin
                    .post("/api/infrastructure/sites",
                          R"({"code":"RS-HUB","name":"Ruang server Dishub","kind":"ruang_server_pd","agency_id":")" +
                              pd + "\"}")
                    .status,
                201);
    } else {
      EXPECT_EQ(r.status, 201) << r.body;  // Balikpapan's text has no such prohibition
    }
  }
}

TEST_P(InfrastructureTest, RequestsAreDecidedByTheDinasWithTheDutyTheRegionStates) {
  SIMPUL_PROVES("balikpapan", "BPN-14-2");
  SIMPUL_PROVES("bandar-lampung", "BDL-14-4");
  SIMPUL_PROVES("madiun", "MDN-14-2");
  SIMPUL_PROVES("lampung-timur", "LTM-17-1");
  SIMPUL_PROVES("bontang", "BTG-16-1");
  SIMPUL_PROVES("balikpapan", "BPN-14-6");
  SIMPUL_PROVES("bandar-lampung", "BDL-16-4");
  SIMPUL_PROVES("madiun", "MDN-14-5");
  SIMPUL_PROVES("balikpapan", "BPN-14-4");
  SIMPUL_PROVES("bandar-lampung", "BDL-16-2");
  struct Expected {
    std::string profile, operator_rule, operator_citation, vps_modal, vps_rule, vps_citation, colocation_rule,
        colocation_citation;
  };
  const std::vector<Expected> regions = {
      // Pasal 14 ayat (6): 'Dinas menyediakan' (wajib); ayat (4): what the Pusat Data guarantees a colocated server.
      {"balikpapan", "BPN-14-2", "Pasal 14 ayat (2)", "wajib", "BPN-14-6", "Pasal 14 ayat (6)", "BPN-14-4",
       "Pasal 14 ayat (4)"},
      // Pasal 16 ayat (4): 'dapat menyediakan' (discretion).
      {"bandar-lampung", "BDL-14-4", "Pasal 14 ayat (4)", "dapat", "BDL-16-4", "Pasal 16 ayat (4)", "BDL-16-2",
       "Pasal 16 ayat (2)"},
      {"madiun", "MDN-14-2", "Pasal 14 ayat (2)", "wajib", "MDN-14-5", "Pasal 14 ayat (5)", "MDN-14-2",
       "Pasal 14 ayat (2)"},
      // No VPS clause and no colocation guarantee: the duty is 'none' with no article.
      {"lampung-timur", "LTM-17-1", "Pasal 17 ayat (1)", "none", "", "", "", ""},
      {"bontang", "BTG-16-1", "Pasal 16 ayat (1)", "none", "", "", "", ""},
  };
  for (const auto& region : regions) {
    const std::string& profile = region.profile;
    SCOPED_TRACE(profile);
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto pd = agency_id(admin, "DISHUB");
    auto op = user(in, admin, profile, "op.dishub", "agency_operator", pd);
    auto outsider = user(in, admin, profile, "penelaah.luar", "technical_reviewer", pd);
    auto dinas = user(in, admin, profile, "penelaah.dinas", "technical_reviewer", kominfo);
    auto r = op.post("/api/infrastructure/requests",
                     R"({"agency_id":")" + pd + R"(","kind":"vps","purpose":"Server SIM Perhubungan"})");
    ASSERT_EQ(r.status, 201) << r.body;
    auto id = text_of(r.json, "id");
    EXPECT_EQ(text_of(r.json, "state"), "diajukan");
    auto before = ledger_size(in);

    EXPECT_EQ(
        op.post("/api/infrastructure/requests/" + id + "/decision", R"({"decision":"disetujui","reasons":"saya"})")
            .status,
        403);
    auto not_dinas = outsider.post("/api/infrastructure/requests/" + id + "/decision",
                                   R"({"decision":"disetujui","reasons":"bukan Dinas"})");
    EXPECT_EQ(not_dinas.status, 403);
    EXPECT_EQ(not_dinas.error_code(), "infrastructure.not_operator");
    EXPECT_EQ(not_dinas.rule_id(), region.operator_rule);
    EXPECT_EQ(text_of(not_dinas.json.at("error").at("rule"), "citation"), region.operator_citation);
    EXPECT_EQ(dinas.post("/api/infrastructure/requests/" + id + "/decision", R"({"decision":"disetujui"})").status,
              422);
    EXPECT_EQ(ledger_size(in), before);

    auto decided = dinas.post("/api/infrastructure/requests/" + id + "/decision",
                              R"({"decision":"disetujui","reasons":"Kapasitas tersedia"})");
    ASSERT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(text_of(decided.json, "state"), "disetujui");
    EXPECT_EQ(ledger_size(in), before + 1);
    const auto& duty = decided.json.at("dinas_duty");
    EXPECT_EQ(text_of(duty, "modal"), region.vps_modal);
    if (region.vps_rule.empty()) {
      EXPECT_TRUE(duty.at("rule").is_null());
    } else {
      EXPECT_EQ(text_of(duty.at("rule"), "id"), region.vps_rule);
      EXPECT_EQ(text_of(duty.at("rule"), "citation"), region.vps_citation);
    }
    EXPECT_EQ(
        dinas.post("/api/infrastructure/requests/" + id + "/decision", R"({"decision":"ditolak","reasons":"ubah"})")
            .error_code(),
        "infrastructure.request_decided");
    EXPECT_EQ(op.get("/api/infrastructure/requests?state=disetujui").json.at("total").as_int64(), 1);

    // A colocation request states what the Pusat Data guarantees where the region says so.
    auto colo = op.post("/api/infrastructure/requests",
                        R"({"agency_id":")" + pd + R"(","kind":"kolokasi","purpose":"Server arsip"})");
    ASSERT_EQ(colo.status, 201) << colo.body;
    const auto& guarantee = colo.json.at("dinas_duty");
    if (region.colocation_rule.empty()) {
      EXPECT_EQ(text_of(guarantee, "modal"), "none");
      EXPECT_TRUE(guarantee.at("rule").is_null());
    } else {
      EXPECT_EQ(text_of(guarantee, "modal"), "wajib");
      EXPECT_EQ(text_of(guarantee.at("rule"), "id"), region.colocation_rule);
      EXPECT_EQ(text_of(guarantee.at("rule"), "citation"), region.colocation_citation);
    }
  }
}

TEST_P(InfrastructureTest, BackupDutiesAreCheckedAgainstTheirScheduleAndRestoreTests) {
  SIMPUL_PROVES("balikpapan", "BPN-15-1");
  SIMPUL_PROVES("balikpapan", "BPN-15-2");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto pd = agency_id(admin, "DISHUB");
  auto pusat = infra_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  auto duty = infra_created(
      admin.post("/api/infrastructure/backup-duties",
                 R"({"agency_id":")" + pd +
                     R"(","name":"Basis data perizinan","schedule_days":1,"restore_test_days":30,"target_site_id":")" +
                     pusat + "\"}"));
  auto state = [&] {
    return text_of(admin.get("/api/infrastructure/backup-duties/" + duty).json.at("status"), "state");
  };
  auto run = [&](const std::string& finished, const std::string& result) {
    return admin.post("/api/infrastructure/backup-duties/" + duty + "/runs",
                      R"({"started_at":")" + finished + R"(","finished_at":")" + finished + R"(","result":")" + result +
                          R"(","size_bytes":1048576,"tool":"restic"})");
  };
  // The last good run ten days ago: overdue by a daily schedule, and a finding citing Pasal 15 ayat (1).
  ASSERT_EQ(run(infra_days_ago(10), "ok").status, 201);
  EXPECT_EQ(state(), "terlambat");
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  EXPECT_EQ(infra_open_rules(admin, duty), std::set<std::string>{"BPN-15-1"});
  EXPECT_EQ(infra_open_citations(admin, duty)["BPN-15-1"], "Pasal 15 ayat (1)");
  // A failed run yesterday does not make the duty current: its last good run is still ten days old.
  ASSERT_EQ(run(infra_days_ago(1), "failed").status, 201);
  EXPECT_EQ(state(), "terlambat");
  ASSERT_EQ(run(infra_hours_ago(2), "ok").status, 201);
  EXPECT_EQ(state(), "ok");
  // A restore test long ago: the duty's 30-day interval has passed.
  ASSERT_EQ(admin
                .post("/api/infrastructure/backup-duties/" + duty + "/restore-tests",
                      R"({"date":"2026-01-05","result":"berhasil"})")
                .status,
            201);
  EXPECT_EQ(state(), "tanpa_uji_pemulihan");
  auto board = admin.get("/api/infrastructure/backup-duties?agency=" + pd);
  ASSERT_EQ(board.json.at("total").as_int64(), 1);
  EXPECT_TRUE(board.json.at("items").at(0).at("status").at("restore_overdue").as_bool());
  ASSERT_EQ(
      admin
          .post("/api/infrastructure/backup-duties/" + duty + "/restore-tests",
                R"({"date":")" +
                    in.platform().tenancy().profile_of(Scope{in.platform().tenancy().tenants().front().id}).today() +
                    R"(","result":"berhasil"})")
          .status,
      201);
  EXPECT_EQ(state(), "ok");
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  EXPECT_EQ(infra_open_rules(admin, duty), std::set<std::string>{});
  // The latest run failing is a finding again.
  ASSERT_EQ(run(clock::now_iso(), "failed").status, 201);
  EXPECT_EQ(state(), "gagal");

  // The backup job posts its runs with an API token of the PD's operator (docs/infrastructure.md).
  auto op = user(in, admin, "balikpapan", "op.dishub", "agency_operator", pd);
  auto token = op.post("/api/auth/tokens", R"({"name":"restic di server cadangan"})");
  ASSERT_EQ(token.status, 201) << token.body;
  Client cron(in);
  cron.bearer = text_of(token.json, "token");
  auto posted = cron.post("/api/infrastructure/backup-duties/" + duty + "/runs",
                          R"({"started_at":")" + infra_hours_ago(1) + R"(","finished_at":")" + clock::now_iso() +
                              R"(","result":"ok","size_bytes":2048,"tool":"restic"})");
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(text_of(posted.json, "source"), "api");
  EXPECT_EQ(state(), "ok");

  // Bad runs change nothing: a future time, an end before the start, an unknown result.
  auto before = ledger_size(in);
  EXPECT_EQ(run(clock::to_iso(clock::now() + std::chrono::hours(2)), "ok").error_code(),
            "infrastructure.backup_run_future");
  EXPECT_EQ(admin
                .post("/api/infrastructure/backup-duties/" + duty + "/runs",
                      R"({"started_at":")" + clock::now_iso() + R"(","finished_at":")" + infra_days_ago(1) +
                          R"(","result":"ok"})")
                .error_code(),
            "infrastructure.backup_run_future");
  EXPECT_EQ(run(clock::now_iso(), "lumayan").status, 422);
  EXPECT_EQ(ledger_size(in), before);

  // Balikpapan has no legal-basis exception (Bandar Lampung Pasal 17 ayat (1) has), and the Dinas
  // backs up a PD's data only with the owner's approval (Pasal 15 ayat (2)).
  auto exempt =
      admin.post("/api/infrastructure/backup-duties",
                 R"({"agency_id":")" + pd +
                     R"(","name":"Data kependudukan","exception_basis":"UU 24/2013 Administrasi Kependudukan"})");
  EXPECT_EQ(exempt.status, 422);
  EXPECT_EQ(exempt.error_code(), "infrastructure.no_backup_exception");
  auto by_dinas = admin.post(
      "/api/infrastructure/backup-duties",
      R"({"agency_id":")" + pd + R"(","name":"Arsip","performed_by":"dinas","target_site_id":")" + pusat + "\"}");
  EXPECT_EQ(by_dinas.status, 422);
  EXPECT_EQ(by_dinas.error_code(), "infrastructure.gate_refused");
  EXPECT_EQ(by_dinas.rule_id(), "BPN-15-2");
  EXPECT_EQ(text_of(by_dinas.json.at("error").at("rule"), "citation"), "Pasal 15 ayat (2)");
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(
      admin
          .post(
              "/api/infrastructure/backup-duties",
              R"({"agency_id":")" + pd +
                  R"(","name":"Arsip","performed_by":"dinas","owner_approval":"Surat Kadishub 12/2026","target_site_id":")" +
                  pusat + "\"}")
          .status,
      201);

  Instance bdl(GetParam());
  auto admin_bdl = admin_client(bdl, "bandar-lampung");
  auto pd_bdl = agency_id(admin_bdl, "DISDUKCAPIL");
  auto excepted =
      admin_bdl.post("/api/infrastructure/backup-duties",
                     R"({"agency_id":")" + pd_bdl +
                         R"(","name":"Data kependudukan","exception_basis":"UU 24/2013 Administrasi Kependudukan"})");
  ASSERT_EQ(excepted.status, 201) << excepted.body;
  EXPECT_EQ(text_of(excepted.json.at("status"), "state"), "dikecualikan");
  ASSERT_EQ(admin_bdl.post("/api/compliance/evaluate", "").status, 200);
  EXPECT_EQ(infra_open_rules(admin_bdl, text_of(excepted.json, "id")), std::set<std::string>{});
}

TEST_P(InfrastructureTest, LanDiagramsAreVersionedTypeCheckedAndFollowTheRegionsCadence) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto pd = agency_id(admin, "DISHUB");
  auto op = user(in, admin, "madiun", "op.dishub", "agency_operator", pd);
  // A LAN the PD builds itself is for a PD Mandiri TIK only (Madiun Pasal 18 ayat (6) huruf b).
  auto self_built = op.post("/api/infrastructure/lans",
                            R"({"agency_id":")" + pd + R"(","name":"LAN Dishub","built_by":"pd_mandiri_tik"})");
  EXPECT_EQ(self_built.status, 422);
  EXPECT_EQ(self_built.json.at("error").at("details").at("field"), "built_by");
  auto lan = infra_created(op.post(
      "/api/infrastructure/lans", R"({"agency_id":")" + pd + R"(","name":"LAN Dishub","registered_on":"2024-01-02"})"));
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  EXPECT_EQ(infra_open_rules(admin, lan), std::set<std::string>{"MDN-20-1"});  // no diagram within a year

  auto upload = [&](const std::string& name, const std::string& body) {
    return op.send("POST", "/api/infrastructure/lans/" + lan + "/diagrams?filename=" + name, body,
                   {{"content-type", "application/octet-stream"}});
  };
  auto before = ledger_size(in);
  auto text_file = upload("diagram.pdf", "bukan diagram, hanya teks");
  EXPECT_EQ(text_file.status, 415);  // the name says PDF, the content does not
  EXPECT_EQ(text_file.error_code(), "infrastructure.diagram_type");
  EXPECT_EQ(upload("besar.png", "\x89PNG\r\n\x1a\n" + std::string(10 * 1024 * 1024, 'x')).status, 413);
  EXPECT_EQ(upload("../diagram.pdf", "%PDF-1.4 isi").status, 422);
  EXPECT_EQ(ledger_size(in), before);

  auto v1 = upload("lan-dishub.pdf", "%PDF-1.4 diagram versi pertama");
  ASSERT_EQ(v1.status, 201) << v1.body;
  EXPECT_EQ(v1.json.at("version").as_int64(), 1);
  EXPECT_EQ(text_of(v1.json, "content_type"), "application/pdf");
  auto v2 =
      upload("lan-dishub.drawio", "<?xml version=\"1.0\"?>\n<mxfile host=\"app.diagrams.net\"><diagram/></mxfile>");
  ASSERT_EQ(v2.status, 201) << v2.body;
  EXPECT_EQ(v2.json.at("version").as_int64(), 2);
  auto detail = op.get("/api/infrastructure/lans/" + lan);
  ASSERT_EQ(detail.json.at("diagrams").as_array().size(), 2u);
  EXPECT_EQ(text_of(detail.json.at("diagrams").at(0), "filename"), "lan-dishub.drawio");

  auto file = op.get("/api/infrastructure/diagrams/" + text_of(v1.json, "id") + "/content");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, "%PDF-1.4 diagram versi pertama");
  EXPECT_NE(file.header("Content-Disposition").find("attachment"), std::string::npos);

  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  EXPECT_EQ(infra_open_rules(admin, lan), std::set<std::string>{});
}

// Madiun Pasal 14 ayat (1) lets a PD place its server outside the Pusat Data ("dapat"), while Pasal 15
// ayat (1) centralises data storage there: such a server shows an informational note citing Pasal 15
// ayat (1), counted apart from findings and never a finding itself. Balikpapan, which makes placement
// a duty, has the finding and no note.
TEST_P(InfrastructureTest, OnlyAPdMandiriTikBuildsItsOwnLanWhereTheRegionSaysSo) {
  SIMPUL_PROVES("balikpapan", "BPN-17-1-b");
  SIMPUL_PROVES("madiun", "MDN-18-6-b");
  struct Region {
    const char* profile;
    const char* rule;  // the article the refusal cites; empty where the text has no PD Mandiri TIK LAN
  };
  for (const Region& region :
       {Region{"balikpapan", "BPN-17-1-b"}, Region{"madiun", "MDN-18-6-b"}, Region{"bandar-lampung", ""}}) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());  // one tenant per instance, as the demo organisation is per instance
    auto admin = admin_client(in, region.profile);
    auto pd = agency_id(admin, "DISHUB");
    auto before = ledger_size(in);
    auto lan_of = [&](const std::string& agency) {
      return admin.post("/api/infrastructure/lans",
                        R"({"agency_id":")" + agency + R"(","name":"LAN Mandiri","built_by":"pd_mandiri_tik"})");
    };
    // A PD that is not Mandiri TIK does not build its own LAN: refused, nothing recorded.
    auto refused = lan_of(pd);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.json.at("error").at("details").at("field"), "built_by");
    EXPECT_EQ(ledger_size(in), before);
    if (*region.rule) {
      EXPECT_EQ(refused.error_code(), "infrastructure.gate_refused");
      EXPECT_EQ(refused.rule_id(), region.rule) << refused.body;
      EXPECT_EQ(text_of(refused.json.at("error").at("rule"), "citation"), infra_citation(region.rule));
      // The same LAN built by the Dinas is taken.
      auto by_dinas = admin.post("/api/infrastructure/lans",
                                 R"({"agency_id":")" + pd + R"(","name":"LAN Dinas","built_by":"dinas"})");
      EXPECT_EQ(by_dinas.status, 201) << by_dinas.body;
      // A PD Mandiri TIK (named so by decree) builds its own.
      auto mandiri =
          admin.post("/api/agencies", R"({"code":"MTIK","name":"Dinas Mandiri TIK","type":"dinas_daerah",)"
                                      R"("flags":["mandiri_tik"],"mandiri_tik_decree":"Keputusan 100/2026"})");
      ASSERT_EQ(mandiri.status, 201) << mandiri.body;
      auto own = lan_of(text_of(mandiri.json, "id"));
      EXPECT_EQ(own.status, 201) << own.body;
    } else {
      // No article gives the LAN to a PD Mandiri TIK here: a plain validation refusal, citing nothing.
      EXPECT_EQ(refused.error_code(), "validation.invalid_value");
      EXPECT_EQ(refused.rule_id(), "");
    }
  }
}

TEST_P(InfrastructureTest, MadiunServerOutsideThePusatDataCarriesANoteNotAFinding) {
  SIMPUL_PROVES("madiun", "MDN-15-1");
  for (const std::string region : {"madiun", "balikpapan"}) {
    SCOPED_TRACE(region);
    Instance in(GetParam());
    auto admin = admin_client(in, region);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto pd = agency_id(admin, "DISHUB");
    auto pusat = infra_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
    auto room = infra_site(admin, "RS-HUB", "ruang_server_pd", pd);
    auto outside = infra_server(admin, "SRV-ROOM", pd, "ruang_pd", room, "dinas");
    auto inside = infra_server(admin, "SRV-VPS", pd, "vps", pusat, "dinas");
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);

    auto detail = admin.get("/api/infrastructure/servers/" + outside);
    ASSERT_EQ(detail.status, 200) << detail.body;
    const auto& notes = detail.json.at("notes").as_array();
    auto rules = infra_open_rules(admin, outside);
    if (region == "madiun") {
      ASSERT_EQ(notes.size(), 1u) << detail.body;
      EXPECT_EQ(text_of(notes[0], "kind"), "informasi");
      EXPECT_NE(text_of(notes[0], "kind_name").find("bukan pelanggaran"), std::string::npos);
      EXPECT_EQ(text_of(notes[0].at("rule"), "id"), "MDN-15-1");
      EXPECT_EQ(text_of(notes[0].at("rule"), "citation"), "Pasal 15 ayat (1)");
      EXPECT_NE(text_of(notes[0], "text").find("Pasal 14 ayat (1)"), std::string::npos);
      // Not a violation: no finding about placement, and the note is no finding either.
      EXPECT_EQ(rules.count("MDN-15-1"), 0u);
      EXPECT_TRUE(detail.json.at("findings").as_array().empty()) << detail.body;
    } else {
      EXPECT_TRUE(notes.empty()) << detail.body;
      EXPECT_EQ(rules.count("BPN-14-3"), 1u);  // where placement is a duty it is a finding, not a note
    }
    EXPECT_TRUE(admin.get("/api/infrastructure/servers/" + inside).json.at("notes").as_array().empty());
    auto list = admin.get("/api/infrastructure/servers");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.json.at("note_count").as_int64(), region == "madiun" ? 1 : 0);

    // Moved into the Pusat Data, the note is gone.
    ASSERT_EQ(
        admin.patch("/api/infrastructure/servers/" + outside, R"({"hosting":"kolokasi","site_id":")" + pusat + "\"}")
            .status,
        200);
    EXPECT_TRUE(admin.get("/api/infrastructure/servers/" + outside).json.at("notes").as_array().empty());
    EXPECT_EQ(admin.get("/api/infrastructure/servers").json.at("note_count").as_int64(), 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, InfrastructureTest, ::testing::ValuesIn(test_support::backends()));

// ---- Bandwidth and WAN of the Jaringan Intra (docs/infrastructure.md, "Bandwidth", "WAN links") ----

namespace {

class InfrastructureBandwidthTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// The object id of a month's evaluation duty, as the module names it (facts.cpp).
std::string bw_month_object(const std::string& month) {
  std::string id = "bandwidthmonth";
  for (char ch : month)
    if (ch != '-') id += static_cast<char>('a' + (ch - '0'));
  return id;
}

std::set<std::string> bw_open_rules(Client& c, const std::string& object) {
  std::set<std::string> out;
  auto r = c.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  for (const auto& f : r.json.at("items").as_array()) out.insert(text_of(f.at("rule"), "id"));
  return out;
}

/// A local date 40 days ago (always in a closed month) for a tenant at UTC+7 (WIB).
std::string bw_past_date() { return clock::local_date(clock::now() - std::chrono::hours(24 * 40), 7); }

/// Thirteen readings, 5 minutes apart from 05:00Z on `date`, of two interfaces of `agency`:
/// ge-1 carries 1 Mbps in and 2 Mbps out, ge-2 3 Mbps in, so the PD uses 4 Mbps in every slot.
std::string bw_readings(const std::string& agency, const std::string& date) {
  std::string body = R"({"samples":[)";
  auto start = *clock::parse_iso(date + "T05:00:00Z");
  for (int k = 0; k <= 12; ++k) {
    auto at = clock::to_iso(start + std::chrono::minutes(5 * k));
    if (k) body += ",";
    body += R"({"agency_id":")" + agency + R"(","interface":"ge-1","at":")" + at + R"(","in_octets":)" +
            std::to_string(1000 + 37500000LL * k) + R"(,"out_octets":)" + std::to_string(75000000LL * k) + "}";
    body += R"(,{"agency_id":")" + agency + R"(","interface":"ge-2","at":")" + at + R"(","in_octets":)" +
            std::to_string(112500000LL * k) + R"(,"out_octets":0})";
  }
  return body + "]}";
}

std::string bw_sample(const std::string& agency, const std::string& at, long long in, long long out,
                      bool reset = false) {
  return R"({"samples":[{"agency_id":")" + agency + R"(","interface":"ge-1","at":")" + at + R"(","in_octets":)" +
         std::to_string(in) + R"(,"out_octets":)" + std::to_string(out) + (reset ? R"(,"reset":true)" : "") + "}]}";
}

std::string bw_approve(Client& dinas, Client& op, const std::string& agency, int mbps) {
  auto r = op.post("/api/infrastructure/bandwidth/requests", R"({"agency_id":")" + agency + R"(","need_mbps":)" +
                                                                 std::to_string(mbps) +
                                                                 R"(,"justification":"Layanan daring"})");
  EXPECT_EQ(r.status, 201) << r.body;
  auto d = dinas.post("/api/infrastructure/bandwidth/requests/" + text_of(r.json, "id") + "/decision",
                      R"({"decision":"disetujui","priority":2,"allocated_mbps":)" + std::to_string(mbps) +
                          R"(,"reasons":"Prioritas layanan"})");
  EXPECT_EQ(d.status, 200) << d.body;
  return text_of(r.json, "id");
}

std::string bw_user_id(Client& c) { return text_of(c.get("/api/auth/me").json.at("user"), "id"); }

}  // namespace

TEST_P(InfrastructureBandwidthTest, RequestsAreSetByTheDinasWithAPriorityScore) {
  SIMPUL_PROVES("lampung-timur", "LTM-21-2");
  SIMPUL_PROVES("bandar-lampung", "BDL-20-1");
  const std::map<std::string, std::pair<std::string, std::string>> rule = {
      {"lampung-timur", {"LTM-21-2", "Pasal 21 ayat (2)"}},
      {"bandar-lampung", {"BDL-20-1", "Pasal 20 ayat (1)"}},
      {"balikpapan", {"", ""}}};
  for (const auto& [profile, expected] : rule) {
    SCOPED_TRACE(profile);
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto pd = agency_id(admin, "DISHUB");
    auto op = user(in, admin, profile, "op.dishub", "agency_operator", pd);
    auto outsider = user(in, admin, profile, "penelaah.luar", "technical_reviewer", pd);
    auto dinas = user(in, admin, profile, "penelaah.dinas", "technical_reviewer", kominfo);
    auto r = op.post("/api/infrastructure/bandwidth/requests",
                     R"({"agency_id":")" + pd + R"(","need_mbps":20,"justification":"SIM Perhubungan daring"})");
    ASSERT_EQ(r.status, 201) << r.body;
    auto id = text_of(r.json, "id");
    EXPECT_EQ(text_of(r.json, "state"), "diajukan");
    // A PD asks only for itself; bad input is refused.
    EXPECT_EQ(op.post("/api/infrastructure/bandwidth/requests",
                      R"({"agency_id":")" + kominfo + R"(","need_mbps":20,"justification":"x"})")
                  .status,
              403);
    EXPECT_EQ(op.post("/api/infrastructure/bandwidth/requests",
                      R"({"agency_id":")" + pd + R"(","need_mbps":0,"justification":"x"})")
                  .status,
              422);
    auto before = ledger_size(in);

    EXPECT_EQ(op.post("/api/infrastructure/bandwidth/requests/" + id + "/decision",
                      R"({"decision":"disetujui","priority":1,"allocated_mbps":20,"reasons":"saya"})")
                  .status,
              403);
    // Only the Dinas (the agency holding the operator role) sets the allocation.
    auto not_dinas =
        outsider.post("/api/infrastructure/bandwidth/requests/" + id + "/decision",
                      R"({"decision":"disetujui","priority":1,"allocated_mbps":20,"reasons":"bukan Dinas"})");
    EXPECT_EQ(not_dinas.status, 403);
    EXPECT_EQ(not_dinas.error_code(), "infrastructure.not_operator");
    if (!expected.first.empty()) {
      EXPECT_EQ(not_dinas.rule_id(), expected.first);
      EXPECT_EQ(text_of(not_dinas.json.at("error").at("rule"), "citation"), expected.second);
    }
    // An approval carries the priority score and the allocation.
    auto no_priority = dinas.post("/api/infrastructure/bandwidth/requests/" + id + "/decision",
                                  R"({"decision":"disetujui","allocated_mbps":20,"reasons":"tanpa skala"})");
    EXPECT_EQ(no_priority.status, 422);
    EXPECT_EQ(no_priority.json.at("error").at("details").at("field"), "priority");
    EXPECT_EQ(dinas
                  .post("/api/infrastructure/bandwidth/requests/" + id + "/decision",
                        R"({"decision":"disetujui","priority":9,"allocated_mbps":20,"reasons":"x"})")
                  .status,
              422);
    EXPECT_EQ(ledger_size(in), before);

    auto decided =
        dinas.post("/api/infrastructure/bandwidth/requests/" + id + "/decision",
                   R"({"decision":"disetujui","priority":2,"allocated_mbps":15,"reasons":"Prioritas layanan publik"})");
    ASSERT_EQ(decided.status, 200) << decided.body;
    EXPECT_EQ(text_of(decided.json, "state"), "disetujui");
    EXPECT_EQ(decided.json.at("priority").as_int64(), 2);
    EXPECT_EQ(decided.json.at("allocated_mbps").as_int64(), 15);
    EXPECT_EQ(ledger_size(in), before + 1);
    EXPECT_EQ(dinas
                  .post("/api/infrastructure/bandwidth/requests/" + id + "/decision",
                        R"({"decision":"ditolak","reasons":"ubah"})")
                  .error_code(),
              "infrastructure.request_decided");
    auto allocations = op.get("/api/infrastructure/bandwidth/allocations");
    ASSERT_EQ(allocations.status, 200);
    ASSERT_EQ(allocations.json.at("items").as_array().size(), 1u);
    EXPECT_EQ(text_of(allocations.json.at("items").at(0).at("agency"), "id"), pd);
    EXPECT_EQ(allocations.json.at("items").at(0).at("allocated_mbps").as_int64(), 15);
  }
}

TEST_P(InfrastructureBandwidthTest, CountersAreStoredOnceAndBadReadingsChangeNothing) {
  SIMPUL_PROVES("lampung-timur", "LTM-21-3");
  Instance in(GetParam());
  auto admin = admin_client(in, "lampung-timur");
  auto pd = agency_id(admin, "DISHUB");
  auto other = agency_id(admin, "DINKES");
  auto op = user(in, admin, "lampung-timur", "op.dishub", "agency_operator", pd);
  auto date = bw_past_date();
  auto body = bw_readings(pd, date);

  auto first = admin.post("/api/infrastructure/bandwidth/samples", body);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json.at("stored").as_int64(), 26);
  auto before = ledger_size(in);
  // The monitoring retries: nothing is stored twice and nothing is lost.
  auto again = admin.post("/api/infrastructure/bandwidth/samples", body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json.at("stored").as_int64(), 0);
  EXPECT_EQ(again.json.at("duplicates").as_int64(), 26);
  EXPECT_EQ(ledger_size(in), before);

  // The usage chart: 4 Mbps in (1 + 3 of both interfaces) and 2 Mbps out in each of the 12 slots with a rate.
  auto usage = admin.get("/api/infrastructure/bandwidth/usage?agency=" + pd + "&month=" + date.substr(0, 7));
  ASSERT_EQ(usage.status, 200) << usage.body;
  const auto& points = usage.json.at("points").as_array();
  ASSERT_EQ(points.size(), 12u);
  EXPECT_DOUBLE_EQ(points.at(0).at("in_mbps").as_double(), 4.0);
  EXPECT_DOUBLE_EQ(points.at(0).at("out_mbps").as_double(), 2.0);

  auto start = *clock::parse_iso(date + "T05:00:00Z");
  auto next = clock::to_iso(start + std::chrono::minutes(65));
  auto later = clock::to_iso(start + std::chrono::minutes(70));
  // A batch with one bad reading is refused whole, naming the reading and field.
  auto negative = admin.post("/api/infrastructure/bandwidth/samples",
                             R"({"samples":[{"agency_id":")" + pd + R"(","interface":"ge-1","at":")" + next +
                                 R"(","in_octets":500000000,"out_octets":900000000},{"agency_id":")" + pd +
                                 R"(","interface":"ge-2","at":")" + next + R"(","in_octets":-1,"out_octets":0}]})");
  EXPECT_EQ(negative.status, 422);
  EXPECT_EQ(negative.error_code(), "validation.invalid_value");
  EXPECT_EQ(negative.json.at("error").at("details").at("field"), "samples[1].in_octets");
  auto decreasing = admin.post("/api/infrastructure/bandwidth/samples", bw_sample(pd, next, 5, 5));
  EXPECT_EQ(decreasing.status, 422);
  EXPECT_EQ(decreasing.json.at("error").at("details").at("field"), "samples[0].in_octets");
  auto future = admin.post("/api/infrastructure/bandwidth/samples",
                           bw_sample(pd, clock::to_iso(clock::now() + std::chrono::hours(1)), 900000000, 900000000));
  EXPECT_EQ(future.status, 422);
  EXPECT_EQ(future.json.at("error").at("details").at("field"), "samples[0].at");
  // An older reading is a backfill: its counter may not be below the reading before it.
  auto older = admin.post("/api/infrastructure/bandwidth/samples",
                          bw_sample(pd, clock::to_iso(start + std::chrono::minutes(2)), 1, 1));
  EXPECT_EQ(older.status, 422);
  EXPECT_EQ(older.json.at("error").at("details").at("field"), "samples[0].in_octets");
  // An operator posts only its own agency's counters.
  EXPECT_EQ(op.post("/api/infrastructure/bandwidth/samples", bw_sample(other, next, 1, 1)).status, 403);
  EXPECT_EQ(ledger_size(in), before);

  // The good reading of the refused batch was not kept: posted alone it is new; a counter restart is accepted with
  // reset.
  auto good = admin.post("/api/infrastructure/bandwidth/samples", bw_sample(pd, next, 500000000, 900000000));
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.json.at("stored").as_int64(), 1);
  auto reset = admin.post("/api/infrastructure/bandwidth/samples", bw_sample(pd, later, 10, 10, true));
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(reset.json.at("stored").as_int64(), 1);
  EXPECT_EQ(ledger_size(in), before + 2);
}

namespace {

/// The usage chart of `agency` for the month of `date`: slot start -> Mbps in.
std::map<std::string, double> bw_chart_in(Client& c, const std::string& agency, const std::string& date) {
  auto usage = c.get("/api/infrastructure/bandwidth/usage?agency=" + agency + "&month=" + date.substr(0, 7));
  EXPECT_EQ(usage.status, 200) << usage.body;
  std::map<std::string, double> out;
  for (const auto& p : usage.json.at("points").as_array()) out[text_of(p, "at")] = p.at("in_mbps").as_double();
  return out;
}

}  // namespace

TEST_P(InfrastructureBandwidthTest, OlderReadingsAreBackfilledOnceAndTheChartFollows) {
  Instance in(GetParam());
  auto admin = admin_client(in, "lampung-timur");
  auto pd = agency_id(admin, "DISHUB");
  auto date = bw_past_date();
  auto start = *clock::parse_iso(date + "T05:00:00Z");
  auto at = [&](int minutes) { return clock::to_iso(start + std::chrono::minutes(minutes)); };
  auto post = [&](const std::string& body) { return admin.post("/api/infrastructure/bandwidth/samples", body); };

  // The monitoring missed 05:10: 37.5 MB in 05:00-05:05 (1 Mbps), none more until 05:15.
  ASSERT_EQ(post(bw_sample(pd, at(0), 0, 0)).status, 200);
  ASSERT_EQ(post(bw_sample(pd, at(5), 37500000, 0)).status, 200);
  ASSERT_EQ(post(bw_sample(pd, at(15), 112500000, 0)).status, 200);
  auto chart = bw_chart_in(admin, pd, date);
  ASSERT_EQ(chart.size(), 2u);
  EXPECT_DOUBLE_EQ(chart[at(5)], 1.0);
  EXPECT_DOUBLE_EQ(chart[at(15)], 1.0);  // 75 MB over the ten minutes since 05:05

  // The reading of 05:10 arrives late: all 75 MB moved before it, so 05:10 shows 2 Mbps and 05:15 none.
  auto before = ledger_size(in);
  auto late = post(bw_sample(pd, at(10), 112500000, 0));
  ASSERT_EQ(late.status, 200) << late.body;
  EXPECT_EQ(late.json.at("stored").as_int64(), 1);
  EXPECT_EQ(late.json.at("duplicates").as_int64(), 0);
  EXPECT_EQ(ledger_size(in), before + 1);
  chart = bw_chart_in(admin, pd, date);
  ASSERT_EQ(chart.size(), 3u);
  EXPECT_DOUBLE_EQ(chart[at(5)], 1.0);
  EXPECT_DOUBLE_EQ(chart[at(10)], 2.0);
  EXPECT_DOUBLE_EQ(chart[at(15)], 0.0);

  // Posted again, alone or twice in one batch, it is counted as a duplicate and changes nothing.
  auto again = post(R"({"samples":[{"agency_id":")" + pd + R"(","interface":"ge-1","at":")" + at(10) +
                    R"(","in_octets":112500000,"out_octets":0},{"agency_id":")" + pd +
                    R"(","interface":"ge-1","at":")" + at(10) + R"(","in_octets":112500000,"out_octets":0}]})");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json.at("stored").as_int64(), 0);
  EXPECT_EQ(again.json.at("duplicates").as_int64(), 2);
  EXPECT_EQ(ledger_size(in), before + 1);
  EXPECT_EQ(bw_chart_in(admin, pd, date), chart);

  // A late reading above the counter of the reading after it would make that one decrease: refused, nothing kept.
  auto broken = post(bw_sample(pd, at(12), 500000000, 0));
  EXPECT_EQ(broken.status, 422);
  EXPECT_EQ(broken.error_code(), "validation.invalid_value");
  EXPECT_EQ(broken.json.at("error").at("details").at("field"), "samples[0].in_octets");
  EXPECT_EQ(ledger_size(in), before + 1);
  EXPECT_EQ(bw_chart_in(admin, pd, date), chart);

  // A reading before the first one gives that first one its rate (no traffic between them: 0 Mbps at 05:00).
  auto earliest = post(bw_sample(pd, at(-5), 0, 0));
  ASSERT_EQ(earliest.status, 200) << earliest.body;
  chart = bw_chart_in(admin, pd, date);
  ASSERT_EQ(chart.size(), 4u);
  EXPECT_DOUBLE_EQ(chart[at(0)], 0.0);
  EXPECT_DOUBLE_EQ(chart[at(10)], 2.0);
}

TEST_P(InfrastructureBandwidthTest, AClosedMonthWithoutItsEvaluationIsAFindingOnlyWhereTheRegionEvaluatesMonthly) {
  SIMPUL_PROVES("lampung-timur", "LTM-21-3");
  SIMPUL_PROVES("lampung-timur", "LTM-21-4");
  auto date = bw_past_date();
  auto month = date.substr(0, 7);
  for (const char* profile : {"lampung-timur", "bandar-lampung"}) {
    SCOPED_TRACE(profile);
    bool monthly = std::string(profile) == "lampung-timur";
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto pd = agency_id(admin, "DISHUB");
    auto quiet = agency_id(admin, "DINKES");
    auto op = user(in, admin, profile, "op.dishub", "agency_operator", pd);
    auto dinas = user(in, admin, profile, "penelaah.dinas", "technical_reviewer", kominfo);
    bw_approve(dinas, op, pd, 10);
    bw_approve(dinas, admin, quiet, 100);
    ASSERT_EQ(admin.post("/api/infrastructure/bandwidth/samples", bw_readings(pd, date)).status, 200);
    ASSERT_EQ(admin.post("/api/infrastructure/bandwidth/samples", bw_readings(quiet, date)).status, 200);

    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
    auto object = bw_month_object(month);
    EXPECT_EQ(bw_open_rules(admin, object), monthly ? std::set<std::string>{"LTM-21-3"} : std::set<std::string>{});
    if (monthly) {
      auto f = admin.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
      ASSERT_EQ(f.json.at("items").as_array().size(), 1u);
      EXPECT_EQ(text_of(f.json.at("items").at(0).at("rule"), "citation"), "Pasal 21 ayat (3)");
    }

    // The current month has not closed; the Dinas generates the closed one (once).
    EXPECT_EQ(dinas
                  .post("/api/infrastructure/bandwidth/evaluations",
                        R"({"month":")" + clock::local_date(clock::now(), 7).substr(0, 7) + "\"}")
                  .status,
              422);
    EXPECT_EQ(op.post("/api/infrastructure/bandwidth/evaluations", R"({"month":")" + month + "\"}").status, 403);
    auto e = dinas.post("/api/infrastructure/bandwidth/evaluations", R"({"month":")" + month + "\"}");
    ASSERT_EQ(e.status, 201) << e.body;
    EXPECT_EQ(dinas.post("/api/infrastructure/bandwidth/evaluations", R"({"month":")" + month + "\"}").status, 200);
    std::map<std::string, boost::json::object> rows;
    for (const auto& r : e.json.at("rows").as_array()) rows[text_of(r.at("agency"), "id")] = r.as_object();
    ASSERT_EQ(rows.size(), 2u);
    // DISHUB: 4 Mbps in every slot of a 10 Mbps allocation; DINKES: the same of 100 Mbps.
    EXPECT_DOUBLE_EQ(rows[pd].at("average_mbps").as_double(), 4.0);
    EXPECT_DOUBLE_EQ(rows[pd].at("p95_mbps").as_double(), 4.0);
    EXPECT_DOUBLE_EQ(rows[pd].at("peak_mbps").as_double(), 4.0);
    EXPECT_DOUBLE_EQ(rows[pd].at("share").as_double(), 0.4);
    EXPECT_EQ(rows[pd].at("assessment"), "sesuai");
    EXPECT_EQ(rows[quiet].at("assessment"), "kurang");
    EXPECT_EQ(text_of(e.json, "recipient"), "tim_koordinasi");

    ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
    EXPECT_EQ(bw_open_rules(admin, object), std::set<std::string>{});

    // The evaluation goes to the Tim Koordinasi: only a member acknowledges it.
    auto id = text_of(e.json, "id");
    auto refused = dinas.post("/api/infrastructure/bandwidth/evaluations/" + id + "/acknowledgement", "");
    EXPECT_EQ(refused.status, 403);
    if (monthly) {
      EXPECT_EQ(refused.rule_id(), "LTM-21-4");
      EXPECT_EQ(text_of(refused.json.at("error").at("rule"), "citation"), "Pasal 21 ayat (4)");
    }
    std::string team;
    auto teams = admin.get("/api/teams");
    for (const auto& t : teams.json.as_array())
      if (t.at("kind").as_string() == "tim_koordinasi") team = text_of(t, "id");
    ASSERT_FALSE(team.empty());
    auto member = user(in, admin, profile, "anggota.tim", "viewer", kominfo);
    ASSERT_EQ(admin
                  .post("/api/teams/" + team + "/members",
                        R"({"user_id":")" + bw_user_id(member) + R"(","position_id":"anggota"})")
                  .status,
              201);
    auto ack = member.post("/api/infrastructure/bandwidth/evaluations/" + id + "/acknowledgement", "");
    ASSERT_EQ(ack.status, 200) << ack.body;
    EXPECT_FALSE(ack.json.at("acknowledged_at").is_null());
  }
}

TEST_P(InfrastructureBandwidthTest, WanLinksAreArchitectureElementsRunByTheDinasWhereTheRegionSaysSo) {
  SIMPUL_PROVES("balikpapan", "BPN-17-1-a");
  SIMPUL_PROVES("madiun", "MDN-18-6-a");
  SIMPUL_PROVES("bontang", "BTG-18-1");
  SIMPUL_PROVES("lampung-timur", "LTM-19-1");
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      {"balikpapan", {"BPN-17-1-a", "Pasal 17 ayat (1) huruf a"}},
      {"madiun", {"MDN-18-6-a", "Pasal 18 ayat (6) huruf a"}},
      {"bontang", {"BTG-18-1", "Pasal 18 ayat (1)"}},
      {"lampung-timur", {"LTM-19-1", "Pasal 19 ayat (1)"}},
      {"bandar-lampung", {"", ""}},  // Pasal 19 names no operator of the network
  };
  for (const auto& [profile, rule] : expected) {
    SCOPED_TRACE(profile);
    Instance in(GetParam());
    auto admin = admin_client(in, profile);
    auto kominfo = agency_id(admin, "DISKOMINFO");
    auto pd = agency_id(admin, "DISHUB");
    auto dinkes = agency_id(admin, "DINKES");
    auto link = admin.post("/api/infrastructure/wan-links",
                           R"({"code":"WAN-01","name":"FO Diskominfo - Dishub","from_agency_id":")" + kominfo +
                               R"(","to_agency_id":")" + pd + R"(","medium":"fiber_optik","capacity_mbps":1000})");
    ASSERT_EQ(link.status, 201) << link.body;
    EXPECT_EQ(text_of(link.json, "medium_name"), "Fiber optik Pemerintah Daerah");
    // The link IS an architecture element of the domain infrastruktur (Jaringan Intra), owned by the Dinas.
    auto element = admin.get("/api/architecture/elements/" + text_of(link.json, "id"));
    ASSERT_EQ(element.status, 200) << element.body;
    EXPECT_EQ(text_of(element.json, "domain"), "infrastruktur");
    EXPECT_EQ(text_of(element.json.at("attributes"), "infra_type"), "jaringan_intra");
    EXPECT_EQ(admin.get("/api/infrastructure/wan-links").json.at("total").as_int64(), 1);

    auto before = ledger_size(in);
    auto by_pd = admin.post("/api/infrastructure/wan-links",
                            R"({"code":"WAN-02","name":"Radio Dishub - Dinkes","from_agency_id":")" + pd +
                                R"(","to_agency_id":")" + dinkes +
                                R"(","medium":"radio","capacity_mbps":100,"operated_by":"pd"})");
    if (rule.first.empty()) {
      EXPECT_EQ(by_pd.status, 201) << by_pd.body;
    } else {
      EXPECT_EQ(by_pd.status, 422);
      EXPECT_EQ(by_pd.error_code(), "infrastructure.gate_refused");
      EXPECT_EQ(by_pd.rule_id(), rule.first);
      EXPECT_EQ(text_of(by_pd.json.at("error").at("rule"), "citation"), rule.second);
      EXPECT_EQ(ledger_size(in), before);
    }
    auto bad = admin.post("/api/infrastructure/wan-links", R"({"code":"WAN-03","name":"X","from_agency_id":")" + pd +
                                                               R"(","to_agency_id":")" + pd +
                                                               R"(","medium":"fiber_optik","capacity_mbps":10})");
    EXPECT_EQ(bad.status, 422);
  }
}

INSTANTIATE_TEST_SUITE_P(Databases, InfrastructureBandwidthTest, ::testing::ValuesIn(test_support::backends()));

TEST_P(InfrastructureBandwidthTest, PusatDataAndJaringanIntraIndicatorsGetLiveEvidenceFromTheRegister) {
  Instance in(GetParam());
  auto admin = admin_client(in, "bontang");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto pd = agency_id(admin, "DISHUB");
  auto entry = user(in, admin, "bontang", "entri.infra", "assessor", kominfo);
  auto period = admin.post("/api/evaluation/periods", R"({"year":2025})");
  ASSERT_EQ(period.status, 201) << period.body;
  auto period_id = text_of(period.json, "id");
  ASSERT_EQ(admin
                .post("/api/evaluation/periods/" + period_id + "/members",
                      R"({"user_id":")" + bw_user_id(entry) + R"(","role":"data_entry"})")
                .status,
            201);
  // kind -> (ref id -> present) of the infrastructure source's proposals for an indicator.
  auto proposals = [&](const std::string& indicator) {
    std::map<std::string, std::map<std::string, bool>> out;
    auto view = entry.get("/api/evaluation/periods/" + period_id + "/indicators/" + indicator);
    EXPECT_EQ(view.status, 200) << view.body;
    for (const auto& p : view.json.at("proposals").as_array())
      if (p.at("source").as_string() == "infrastructure")
        out[text_of(p, "kind")][text_of(p, "ref_id")] = p.at("present").as_bool();
    return out;
  };
  // Layanan Pusat Data (I16): the demo's Pusat Data is evidence; without a PDN link, interconnection is a gap.
  std::string site, site_name;
  auto sites = admin.get("/api/infrastructure/sites");
  for (const auto& x : sites.json.at("items").as_array())
    if (x.at("kind").as_string() == "pusat_data_pemda") site = text_of(x, "id"), site_name = text_of(x, "name");
  ASSERT_FALSE(site.empty()) << sites.body;
  auto with_site = proposals("I16");
  EXPECT_TRUE(with_site["infra_site"][site]);
  ASSERT_EQ(with_site["infra_site"].count(""), 1u);  // no PDN interconnection yet
  EXPECT_FALSE(with_site["infra_site"][""]);
  ASSERT_EQ(admin
                .post("/api/infrastructure/sites",
                      R"({"code":"PDN-UJI","name":"Tautan PDN","kind":"pdn","agency_id":")" + kominfo + "\"}")
                .status,
            201);
  EXPECT_EQ(proposals("I16")["infra_site"].count(""), 0u);
  auto linked = entry.post("/api/evaluation/periods/" + period_id + "/indicators/I16/evidence/link",
                           R"({"ref_kind":"infra_site","ref_id":")" + site + "\"}");
  ASSERT_EQ(linked.status, 201) << linked.body;
  EXPECT_NE(text_of(linked.json, "label").find(site_name), std::string::npos);

  // Layanan Jaringan Intra (I17): the WAN is a gap until a link is registered.
  EXPECT_FALSE(proposals("I17")["infra_wan"][""]);
  ASSERT_EQ(admin
                .post("/api/infrastructure/wan-links",
                      R"({"code":"WAN-01","name":"FO Diskominfo - Dishub","from_agency_id":")" + kominfo +
                          R"(","to_agency_id":")" + pd + R"(","medium":"fiber_optik","capacity_mbps":1000})")
                .status,
            201);
  EXPECT_TRUE(proposals("I17")["infra_wan"][""]);
}

// ---- Server import from CSV and XLSX (docs/infrastructure.md, "Import"): the dry run lists every
// problem by row and column with what to write instead and writes nothing; the real run creates all
// rows as architecture elements with their hosting record, or none. ----

namespace {

class InfrastructureImportTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

const std::string kServerHeader =
    "kode;nama;deskripsi;kode_pd;jenis;penempatan;lingkungan;dikelola_oleh;kode_lokasi;kode_rak;nama_host;sistem_operasi\r\n";

Reply import_servers(Client& c, const std::string& query, const std::string& body) {
  return c.send("POST", "/api/infrastructure/servers/import" + query, body,
                {{"content-type", "application/octet-stream"}});
}

std::int64_t server_total(Client& c) { return c.get("/api/infrastructure/servers").json.at("total").as_int64(); }

std::set<std::pair<std::int64_t, std::string>> import_problems(const boost::json::value& result) {
  std::set<std::pair<std::int64_t, std::string>> out;
  for (const auto& p : result.at("problems").as_array()) {
    EXPECT_FALSE(p.at("message").as_string().empty());
    out.emplace(p.at("row").as_int64(), std::string(p.at("column").as_string()));
  }
  return out;
}

std::string import_message(const boost::json::value& result, std::int64_t row, const std::string& column) {
  for (const auto& p : result.at("problems").as_array())
    if (p.at("row").as_int64() == row && p.at("column").as_string() == column)
      return std::string(p.at("message").as_string());
  return "";
}

std::string import_site(Client& c, const std::string& code, const std::string& kind, const std::string& agency) {
  auto r = c.post("/api/infrastructure/sites", R"({"code":")" + code + R"(","name":"Lokasi )" + code + R"(","kind":")" +
                                                   kind + R"(","agency_id":")" + agency + "\"}");
  EXPECT_EQ(r.status, 201) << r.body;
  return text_of(r.json, "id");
}

}  // namespace

TEST_P(InfrastructureImportTest, ADryRunListsEveryProblemWithWhatToWriteAndTheImportWritesAllOrNothing) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  auto pusat = import_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  import_site(admin, "RS-HUB", "ruang_server_pd", dishub);
  ASSERT_EQ(admin.post("/api/infrastructure/sites/" + pusat + "/racks", R"({"code":"R-01","units":42})").status, 201);

  std::string bad =
      "\xEF\xBB\xBF" + kServerHeader +
      "SRV-IMP-01;Server Impor Satu;;DISHUB;fisik;kolokasi;produksi;dinas;PD-UJI;R-01;imp1.balikpapan.go.id;Debian 12\r\n"
      "SRV-IMP-02;Server Impor Dua;;XYZ;fisik;awan;produksi;dinas;;;;\r\n"
      "srv-imp-01;Server Ganda;;DISHUB;fisik;kolokasi;produksi;dinas;RS-HUB;;;\r\n"
      "SRV-IMP-04;Server Rak Salah;;DISHUB;virtual;vps;uji;dinas;PD-UJI;R-99;;\r\n"
      ";;;DISHUB;;ruang_pd;;;;;;\r\n";
  auto before = ledger_size(in);
  auto dry = import_servers(admin, "?dry_run=true", bad);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.json.at("dry_run").as_bool());
  EXPECT_FALSE(dry.json.at("ok").as_bool());
  EXPECT_EQ(dry.json.at("rows").as_int64(), 5);
  EXPECT_EQ(import_problems(dry.json), (std::set<std::pair<std::int64_t, std::string>>{{3, "kode_pd"},
                                                                                       {3, "penempatan"},
                                                                                       {4, "kode"},
                                                                                       {4, "kode_lokasi"},
                                                                                       {5, "kode_rak"},
                                                                                       {6, "kode"},
                                                                                       {6, "nama"}}))
      << dry.body;
  // Each message says what to write instead.
  EXPECT_NE(import_message(dry.json, 3, "penempatan").find("kolokasi"), std::string::npos);
  EXPECT_NE(import_message(dry.json, 4, "kode").find("baris 2"), std::string::npos);
  EXPECT_NE(import_message(dry.json, 4, "kode_lokasi").find("PD-UJI"), std::string::npos)
      << "names the Pusat Data to use";
  EXPECT_NE(import_message(dry.json, 5, "kode_rak").find("R-01"), std::string::npos) << "names the racks that exist";
  EXPECT_EQ(server_total(admin), 0);
  EXPECT_EQ(ledger_size(in), before);

  // The real run of a file with problems writes nothing and answers the same problems.
  auto refused = import_servers(admin, "?dry_run=false", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.error_code(), "import.has_problems");
  EXPECT_EQ(server_total(admin), 0);
  EXPECT_EQ(ledger_size(in), before);

  std::string good =
      kServerHeader +
      "SRV-IMP-01;Server Impor Satu;Basis data SIM;DISHUB;fisik;kolokasi;produksi;dinas;PD-UJI;R-01;imp1.balikpapan.go.id;Debian 12\r\n"
      "SRV-IMP-02;Server Ruang Dishub;;dishub;fisik;ruang_pd;produksi;pd;rs-hub;;;\r\n";
  auto checked = import_servers(admin, "", good);  // dry_run is the default
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_TRUE(checked.json.at("ok").as_bool()) << checked.body;
  EXPECT_EQ(checked.json.at("created").as_int64(), 2);
  EXPECT_EQ(server_total(admin), 0);

  auto real = import_servers(admin, "?dry_run=false", good);
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json.at("created").as_int64(), 2);
  EXPECT_EQ(ledger_size(in), before + 1);  // one entry for the whole import
  auto list = admin.get("/api/infrastructure/servers?agency=" + dishub);
  ASSERT_EQ(list.json.at("total").as_int64(), 2) << list.body;
  std::string first, room;
  for (const auto& s : list.json.at("items").as_array())
    (text_of(s, "code") == "SRV-IMP-01" ? first : room) = text_of(s, "id");
  auto detail = admin.get("/api/infrastructure/servers/" + first);
  ASSERT_EQ(detail.status, 200) << detail.body;
  EXPECT_EQ(text_of(detail.json.at("site"), "code"), "PD-UJI");
  EXPECT_EQ(text_of(detail.json, "hostname"), "imp1.balikpapan.go.id");
  // Each imported server is an architecture element of the domain infrastruktur.
  auto element = admin.get("/api/architecture/elements/" + first);
  ASSERT_EQ(element.status, 200) << element.body;
  EXPECT_EQ(text_of(element.json, "domain"), "infrastruktur");
  EXPECT_EQ(text_of(element.json.at("attributes"), "infra_type"), "perangkat_keras");
  // Imported like the form: the server in the PD's own room gets Balikpapan's placement finding.
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  auto findings = admin.get("/api/compliance/findings?state=open&per_page=200&object=" + room);
  std::set<std::string> rules;
  for (const auto& f : findings.json.at("items").as_array()) rules.insert(text_of(f.at("rule"), "id"));
  EXPECT_TRUE(rules.count("BPN-14-3")) << findings.body;

  // Importing the same file again: every code is taken now, nothing is written.
  auto again = import_servers(admin, "?dry_run=true", good);
  EXPECT_EQ(import_problems(again.json), (std::set<std::pair<std::int64_t, std::string>>{{2, "kode"}, {3, "kode"}}))
      << again.body;
}

TEST_P(InfrastructureImportTest, WorkbooksImportFromTheServerSheetAndOnlyTenantWideWritersImport) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  import_site(admin, "PD-KOTA", "pusat_data_pemda", kominfo);
  interchange::Sheet notes{"Petunjuk", {{"Isi sheet Server"}}};
  interchange::Sheet servers{"Server",
                             {{"No", "Kode", "Nama", "Kode PD", "Penempatan", "Kode Lokasi", "Sistem Operasi"},
                              {"1", "SRV-MDN-01", "Server Perizinan", "DISHUB", "kolokasi", "PD-KOTA", "Ubuntu 24.04"},
                              {},
                              {"2", "SRV-MDN-02", "Server Luar", "DISHUB", "luar", "PD-KOTA", ""}}};
  auto bad = import_servers(admin, "?dry_run=true", interchange::write_xlsx({notes, servers}));
  ASSERT_EQ(bad.status, 200) << bad.body;
  ASSERT_EQ(bad.json.at("problems").as_array().size(), 1u) << bad.body;
  EXPECT_EQ(bad.json.at("problems").at(0).at("sheet").as_string(), "Server");
  EXPECT_EQ(bad.json.at("problems").at(0).at("row").as_int64(), 4);
  EXPECT_EQ(bad.json.at("problems").at(0).at("column").as_string(), "kode_lokasi");

  servers.rows[3][5] = "";
  auto op = user(in, admin, "madiun", "op.dishub", "agency_operator", dishub);
  auto before = ledger_size(in);
  auto denied = import_servers(op, "?dry_run=false", interchange::write_xlsx({notes, servers}));
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(ledger_size(in), before);
  auto real = import_servers(admin, "?dry_run=false", interchange::write_xlsx({notes, servers}));
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json.at("created").as_int64(), 2);
  EXPECT_EQ(server_total(admin), 2);

  // A file that is neither CSV text nor a workbook, and a missing required column.
  EXPECT_EQ(import_servers(admin, "", std::string("PK\x03\x04garbage", 11)).error_code(), "import.invalid_file");
  auto no_column = import_servers(admin, "", "kode;nama;kode_pd\r\nSRV-X;X;DISHUB\r\n");
  ASSERT_EQ(no_column.status, 200) << no_column.body;
  EXPECT_EQ(import_problems(no_column.json), (std::set<std::pair<std::int64_t, std::string>>{{1, "penempatan"}}));
  EXPECT_EQ(import_servers(admin, "?dry_run=maybe", "").status, 400);

  // The template names a PD and the Pusat Data of the tenant, and passes the dry run.
  auto tpl = admin.get("/api/infrastructure/servers/import/template.csv");
  ASSERT_EQ(tpl.status, 200);
  // Its example row names an operating Pusat Data of the tenant (the first one listed).
  auto sites = admin.get("/api/infrastructure/sites");
  bool names_a_site = false;
  for (const auto& site : sites.json.at("items").as_array())
    names_a_site = names_a_site || tpl.body.find("," + text_of(site, "code") + ",") != std::string::npos;
  EXPECT_TRUE(names_a_site) << tpl.body;
  auto tpl_dry = import_servers(admin, "", tpl.body);
  EXPECT_TRUE(tpl_dry.json.at("ok").as_bool()) << tpl_dry.body;
}

INSTANTIATE_TEST_SUITE_P(Databases, InfrastructureImportTest, ::testing::ValuesIn(test_support::backends()));
