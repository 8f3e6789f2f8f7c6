// The rack elevation, the edit routes of racks, backup duties, LANs and WAN links, and the network
// device import, through the API on both databases (docs/infrastructure.md, "Rack elevation",
// "Editing", "Imports").
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <thread>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "interchange/xlsx.hpp"
#include "storage/storage_error.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class InfraRackTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

std::string rk_created(const Reply& r) {
  EXPECT_TRUE(r.status == 201 || r.status == 200) << r.body;
  return r.status == 201 || r.status == 200 ? text_of(r.json, "id") : "";
}

std::string rk_site(Client& c, const std::string& code, const std::string& kind, const std::string& agency) {
  return rk_created(c.post("/api/infrastructure/sites", R"({"code":")" + code + R"(","name":"Lokasi )" + code +
                                                            R"(","kind":")" + kind + R"(","agency_id":")" + agency +
                                                            "\"}"));
}

std::string rk_rack(Client& c, const std::string& site, const std::string& code, int units) {
  return rk_created(c.post("/api/infrastructure/sites/" + site + "/racks",
                           R"({"code":")" + code + R"(","units":)" + std::to_string(units) + "}"));
}

std::string rk_server(Client& c, const std::string& code, const std::string& agency, const std::string& site,
                      const std::string& rack) {
  return rk_created(c.post("/api/infrastructure/servers",
                           R"({"code":")" + code + R"(","name":"Server )" + code + R"(","owner_agency_id":")" + agency +
                               R"(","hosting":"kolokasi","site_id":")" + site + R"(","rack_id":")" + rack + "\"}"));
}

Reply rk_put(Client& c, const std::string& path, const std::string& body) { return c.send("PUT", path, body); }

/// The newest ledger entry, as JSON text.
std::string rk_last_entry(Client& c) { return json_text(c.get("/api/ledger?per_page=1").json.at("items").at(0)); }
/// The newest `n` ledger entries, as JSON text.
std::string rk_recent_entries(Client& c, int n) {
  return json_text(c.get("/api/ledger?per_page=" + std::to_string(n)).json.at("items"));
}

}  // namespace

TEST_P(InfraRackTest, ServersAndDevicesTakeUnitsThatNoOtherOccupantHoldsWithinTheRack) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  auto pusat = rk_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  auto rack = rk_rack(admin, pusat, "R-01", 12);
  auto other_rack = rk_rack(admin, pusat, "R-02", 42);
  auto web = rk_server(admin, "SRV-WEB", dishub, pusat, rack);
  auto db = rk_server(admin, "SRV-DB", dishub, pusat, rack);
  auto router = rk_created(admin.post(
      "/api/infrastructure/devices",
      R"({"agency_id":")" + kominfo + R"(","name":"Core switch","kind":"switch","installed_on":"2025-01-10"})"));

  // A new rack: both servers are recorded in it, neither has a unit yet ("belum ditempatkan").
  auto empty = admin.get("/api/infrastructure/racks/" + rack);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json.at("placements").as_array().size(), 0u);
  EXPECT_EQ(empty.json.at("unplaced").as_array().size(), 2u);
  EXPECT_EQ(empty.json.at("free_units").as_int64(), 12);

  auto placed = rk_put(admin, "/api/infrastructure/servers/" + web + "/placement", R"({"unit":1,"height":2})");
  ASSERT_EQ(placed.status, 200) << placed.body;
  EXPECT_EQ(placed.json.at("top").as_int64(), 2);
  EXPECT_NE(rk_last_entry(admin).find("infrastructure.rack.place"), std::string::npos);

  // Overlapping units are refused and the answer names who stands there; nothing is written.
  auto before = ledger_size(in);
  auto taken = rk_put(admin, "/api/infrastructure/servers/" + db + "/placement", R"({"unit":2,"height":3})");
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(taken.error_code(), "infrastructure.rack_units_taken");
  EXPECT_EQ(text_of(taken.json.at("error").at("details").at("occupant"), "code"), "SRV-WEB");
  auto device_taken = rk_put(admin, "/api/infrastructure/devices/" + router + "/placement",
                             R"({"rack_id":")" + rack + R"(","unit":1})");
  EXPECT_EQ(device_taken.error_code(), "infrastructure.rack_units_taken");

  // Units outside the rack's height (12 U) are refused with the rack's height.
  auto above = rk_put(admin, "/api/infrastructure/servers/" + db + "/placement", R"({"unit":11,"height":4})");
  EXPECT_EQ(above.status, 422) << above.body;
  EXPECT_EQ(above.error_code(), "infrastructure.rack_units_out_of_range");
  EXPECT_EQ(above.json.at("error").at("details").at("rack_units").as_int64(), 12);
  EXPECT_EQ(rk_put(admin, "/api/infrastructure/servers/" + db + "/placement", R"({"unit":0})").error_code(),
            "infrastructure.rack_units_out_of_range");
  EXPECT_EQ(ledger_size(in), before);

  // Right above the web server is free; a device takes the top unit.
  ASSERT_EQ(rk_put(admin, "/api/infrastructure/servers/" + db + "/placement", R"({"unit":3,"height":2})").status, 200);
  ASSERT_EQ(rk_put(admin, "/api/infrastructure/devices/" + router + "/placement",
                   R"({"rack_id":")" + rack + R"(","unit":12,"height":1})")
                .status,
            200);
  auto view = admin.get("/api/infrastructure/racks/" + rack);
  ASSERT_EQ(view.json.at("placements").as_array().size(), 3u) << view.body;
  EXPECT_EQ(text_of(view.json.at("placements").at(0), "code"), "SRV-WEB");
  EXPECT_EQ(text_of(view.json.at("placements").at(2), "name"), "Core switch");
  EXPECT_EQ(view.json.at("unplaced").as_array().size(), 0u);
  EXPECT_EQ(view.json.at("free_units").as_int64(), 7);

  // Moving within the rack: the server may overlap its own old units, not another's.
  EXPECT_EQ(rk_put(admin, "/api/infrastructure/servers/" + web + "/placement", R"({"unit":2,"height":1})").status, 200);
  auto moved = rk_last_entry(admin);
  EXPECT_NE(moved.find("before"), std::string::npos) << moved;
  // A server moved to another rack by its form leaves its units free and is unplaced there.
  ASSERT_EQ(admin.patch("/api/infrastructure/servers/" + db, R"({"rack_id":")" + other_rack + "\"}").status, 200);
  EXPECT_EQ(admin.get("/api/infrastructure/racks/" + rack).json.at("placements").as_array().size(), 2u);
  EXPECT_EQ(admin.get("/api/infrastructure/racks/" + other_rack).json.at("unplaced").as_array().size(), 1u);
  ASSERT_EQ(rk_put(admin, "/api/infrastructure/servers/" + web + "/placement", R"({"unit":3,"height":2})").status, 200);

  // The rack cannot shrink below an occupied unit; the answer names the occupant.
  auto shrink = admin.patch("/api/infrastructure/racks/" + rack, R"({"units":10})");
  EXPECT_EQ(shrink.error_code(), "infrastructure.rack_units_out_of_range");
  EXPECT_EQ(text_of(shrink.json.at("error").at("details").at("occupant"), "name"), "Core switch");
  ASSERT_EQ(admin.del("/api/infrastructure/devices/" + router + "/placement").status, 204);
  auto shrunk = admin.patch("/api/infrastructure/racks/" + rack, R"({"units":10,"code":"R-01A"})");
  ASSERT_EQ(shrunk.status, 200) << shrunk.body;
  EXPECT_EQ(shrunk.json.at("units").as_int64(), 10);
  auto entry = rk_last_entry(admin);
  EXPECT_NE(entry.find("infrastructure.rack.update"), std::string::npos) << entry;
  EXPECT_NE(entry.find("R-01A"), std::string::npos) << entry;
  EXPECT_EQ(admin.patch("/api/infrastructure/racks/" + rack, R"({"code":"R-02"})").error_code(),
            "infrastructure.duplicate_code");

  // A server without a rack cannot be placed; a device needs a rack of this tenant.
  auto loose =
      rk_created(admin.post("/api/infrastructure/servers", R"({"code":"SRV-LUAR","name":"Luar","owner_agency_id":")" +
                                                               dishub + R"(","hosting":"luar"})"));
  EXPECT_EQ(rk_put(admin, "/api/infrastructure/servers/" + loose + "/placement", R"({"unit":5})").error_code(),
            "validation.invalid_value");
}

TEST_P(InfraRackTest, PlacementsFollowTheOwnersRightsAndStayInTheirTenant) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  auto dinkes = agency_id(admin, "DINKES");
  auto pusat = rk_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  auto rack = rk_rack(admin, pusat, "R-01", 42);
  auto hub = rk_server(admin, "SRV-HUB", dishub, pusat, rack);
  auto kes = rk_server(admin, "SRV-KES", dinkes, pusat, rack);
  auto op = user(in, admin, "balikpapan", "op.dishub", "agency_operator", dishub);
  EXPECT_EQ(rk_put(op, "/api/infrastructure/servers/" + hub + "/placement", R"({"unit":10,"height":2})").status, 200);
  EXPECT_EQ(rk_put(op, "/api/infrastructure/servers/" + kes + "/placement", R"({"unit":20})").status, 403);
  // The operator of one PD does not change the Dinas's rack.
  EXPECT_EQ(op.patch("/api/infrastructure/racks/" + rack, R"({"units":40})").status, 403);

  // Another tenant neither sees nor places anything in this rack.
  auto other = admin_client(in, "bontang");
  auto before = ledger_size(in);
  EXPECT_EQ(other.get("/api/infrastructure/racks/" + rack).status, 404);
  EXPECT_EQ(other.patch("/api/infrastructure/racks/" + rack, R"({"units":10})").status, 404);
  EXPECT_EQ(rk_put(other, "/api/infrastructure/servers/" + hub + "/placement", R"({"unit":1})").status, 404);
  auto switch_id = rk_created(
      admin.post("/api/infrastructure/devices",
                 R"({"agency_id":")" + kominfo + R"(","name":"Switch","kind":"switch","installed_on":"2025-01-10"})"));
  before = ledger_size(in);
  EXPECT_EQ(rk_put(other, "/api/infrastructure/devices/" + switch_id + "/placement",
                   R"({"rack_id":")" + rack + R"(","unit":30})")
                .status,
            404);
  EXPECT_EQ(other.del("/api/infrastructure/servers/" + hub + "/placement").status, 404);
  EXPECT_EQ(ledger_size(in), before);
  EXPECT_EQ(admin.get("/api/infrastructure/racks/" + rack).json.at("placements").as_array().size(), 1u);
}

TEST_P(InfraRackTest, TwoPlacementsOfTheSameUnitsAtTheSameMomentLeaveOneOccupant) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  Client second = admin;  // the same session from a second browser tab
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto pusat = rk_site(admin, "PD-RAS", "pusat_data_pemda", kominfo);
  auto rack = rk_rack(admin, pusat, "R-09", 42);
  auto device = [&](const std::string& name) {
    return rk_created(admin.post(
        "/api/infrastructure/devices",
        R"({"agency_id":")" + kominfo + R"(","name":")" + name + R"(","kind":"switch","installed_on":"2025-01-10"})"));
  };
  // Ten rounds of two devices asking for overlapping units at once (U n..n+1 and U n+1..n+2):
  // whichever the database takes first stands there, the other is told who took the units.
  for (int round = 0; round < 10; ++round) {
    auto unit = 1 + round * 4;
    auto a = device("Switch A" + std::to_string(round));
    auto b = device("Switch B" + std::to_string(round));
    Reply ra;
    Reply rb;
    std::thread ta([&] {
      ra = rk_put(admin, "/api/infrastructure/devices/" + a + "/placement",
                  R"({"rack_id":")" + rack + R"(","unit":)" + std::to_string(unit) + R"(,"height":2})");
    });
    std::thread tb([&] {
      rb = rk_put(second, "/api/infrastructure/devices/" + b + "/placement",
                  R"({"rack_id":")" + rack + R"(","unit":)" + std::to_string(unit + 1) + R"(,"height":2})");
    });
    ta.join();
    tb.join();
    ASSERT_TRUE((ra.status == 200 && rb.status == 409) || (ra.status == 409 && rb.status == 200))
        << ra.body << " / " << rb.body;
    const auto& lost = ra.status == 409 ? ra : rb;
    EXPECT_EQ(lost.error_code(), "infrastructure.rack_units_taken");
    EXPECT_EQ(text_of(lost.json.at("error").at("details").at("occupant"), "name"),
              (ra.status == 200 ? "Switch A" : "Switch B") + std::to_string(round));
  }
  auto view = admin.get("/api/infrastructure/racks/" + rack);
  ASSERT_EQ(view.json.at("placements").as_array().size(), 10u) << view.body;
  EXPECT_EQ(view.json.at("free_units").as_int64(), 42 - 20);

  // The refusal is the database's own, not only the service's check: a second row for an occupied
  // unit (U2 is held whichever device won the first round) is refused whoever writes it.
  auto conn = in.db().acquire();
  EXPECT_THROW(conn->execute("INSERT INTO infra_rack_cells (tenant_id, rack_id, unit, object_kind, object_id) "
                             "SELECT tenant_id, rack_id, unit, 'device', 'another' FROM infra_rack_cells "
                             "WHERE rack_id = ? AND unit = 2",
                             {rack}),
               storage::StorageError);
}

INSTANTIATE_TEST_SUITE_P(Databases, InfraRackTest, ::testing::ValuesIn(test_support::backends()));

// ---- Edit routes: the same permission, PD scoping and checks as creation, before/after in the ledger ----

class InfraEditTest : public InfraRackTest {};

TEST_P(InfraEditTest, ABackupDutyIsEditedUnderTheRulesThatGovernItsCreation) {
  SIMPUL_PROVES("balikpapan", "BPN-15-2");
  SIMPUL_PROVES("balikpapan", "BPN-15-1");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  auto dinkes = agency_id(admin, "DINKES");
  auto pusat = rk_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  auto duty = rk_created(
      admin.post("/api/infrastructure/backup-duties",
                 R"({"agency_id":")" + dishub + R"(","name":"Basis data SIM","target_site_id":")" + pusat + "\"}"));
  auto before = ledger_size(in);
  // Balikpapan Pasal 15 ayat (2): the Dinas backs up a PD's data only with the owner's approval — on edit too.
  auto by_dinas = admin.patch("/api/infrastructure/backup-duties/" + duty, R"({"performed_by":"dinas"})");
  EXPECT_EQ(by_dinas.status, 422) << by_dinas.body;
  EXPECT_EQ(by_dinas.error_code(), "infrastructure.gate_refused");
  EXPECT_EQ(by_dinas.rule_id(), "BPN-15-2");
  EXPECT_EQ(text_of(by_dinas.json.at("error").at("rule"), "citation"), "Pasal 15 ayat (2)");
  // Balikpapan knows no legal-basis exception from the backup duty (Pasal 15 ayat (1)).
  auto exempt = admin.patch("/api/infrastructure/backup-duties/" + duty, R"({"exception_basis":"UU 24/2013"})");
  EXPECT_EQ(exempt.error_code(), "infrastructure.no_backup_exception");
  EXPECT_EQ(exempt.rule_id(), "BPN-15-1");
  EXPECT_EQ(text_of(exempt.json.at("error").at("rule"), "citation"), "Pasal 15 ayat (1)");
  EXPECT_EQ(admin.patch("/api/infrastructure/backup-duties/" + duty, R"({"target_site_id":"nope"})").status, 422);
  EXPECT_EQ(admin.patch("/api/infrastructure/backup-duties/" + duty, R"({"schedule_days":0})").status, 422);
  EXPECT_EQ(ledger_size(in), before);

  auto ok = admin.patch("/api/infrastructure/backup-duties/" + duty,
                        R"({"performed_by":"dinas","owner_approval":"Surat Kadishub 12/2026","schedule_days":7})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(text_of(ok.json, "performed_by"), "dinas");
  EXPECT_EQ(ok.json.at("schedule_days").as_int64(), 7);
  EXPECT_EQ(ledger_size(in), before + 1);
  auto entry = rk_last_entry(admin);
  EXPECT_NE(entry.find("infrastructure.backup_duty.update"), std::string::npos) << entry;
  EXPECT_NE(entry.find("before"), std::string::npos) << entry;
  // The same again changes nothing and writes nothing.
  EXPECT_EQ(admin.patch("/api/infrastructure/backup-duties/" + duty, R"({"schedule_days":7})").status, 200);
  EXPECT_EQ(ledger_size(in), before + 1);

  // An operator edits its own PD's duty only, and cannot hand it to another PD.
  auto op = user(in, admin, "balikpapan", "op.dishub", "agency_operator", dishub);
  EXPECT_EQ(op.patch("/api/infrastructure/backup-duties/" + duty, R"({"name":"Basis data SIM Perhubungan"})").status,
            200);
  EXPECT_EQ(op.patch("/api/infrastructure/backup-duties/" + duty, R"({"agency_id":")" + dinkes + "\"}").status, 403);
  auto other = admin_client(in, "bontang");
  EXPECT_EQ(other.patch("/api/infrastructure/backup-duties/" + duty, R"({"name":"X"})").status, 404);
}

TEST_P(InfraEditTest, BandarLampungAcceptsOnEditTheExceptionItsArticleGrants) {
  // Pasal 17 ayat (1): data whose management another law governs is excepted, with that law recorded.
  Instance in(GetParam());
  auto admin = admin_client(in, "bandar-lampung");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto pd = agency_id(admin, "DISHUB");
  auto pusat = rk_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  auto duty = rk_created(
      admin.post("/api/infrastructure/backup-duties",
                 R"({"agency_id":")" + pd + R"(","name":"Data kependudukan","target_site_id":")" + pusat + "\"}"));
  auto exempt = admin.patch("/api/infrastructure/backup-duties/" + duty,
                            R"({"exception_basis":"UU 24/2013 Administrasi Kependudukan"})");
  ASSERT_EQ(exempt.status, 200) << exempt.body;
  EXPECT_EQ(text_of(exempt.json.at("status"), "state"), "dikecualikan");
}

TEST_P(InfraEditTest, LansAndWanLinksAreEditedWithTheChecksAndArticlesOfCreation) {
  SIMPUL_PROVES("balikpapan", "BPN-17-1-a");
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  auto dinkes = agency_id(admin, "DINKES");
  auto lan =
      rk_created(admin.post("/api/infrastructure/lans",
                            R"({"agency_id":")" + dishub + R"(","name":"LAN Dishub","registered_on":"2025-02-01"})"));
  auto before = ledger_size(in);
  // A LAN built by the PD itself is for a PD Mandiri TIK only, on edit as on creation.
  auto self_built = admin.patch("/api/infrastructure/lans/" + lan, R"({"built_by":"pd_mandiri_tik"})");
  EXPECT_EQ(self_built.status, 422);
  EXPECT_EQ(self_built.json.at("error").at("details").at("field"), "built_by");
  EXPECT_EQ(admin.patch("/api/infrastructure/lans/" + lan, R"({"registered_on":"kemarin"})").status, 422);
  EXPECT_EQ(admin.patch("/api/infrastructure/lans/" + lan, R"({"name":""})").status, 422);
  EXPECT_EQ(ledger_size(in), before);
  auto renamed = admin.patch("/api/infrastructure/lans/" + lan, R"({"name":"LAN Gedung Dishub"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(text_of(renamed.json, "name"), "LAN Gedung Dishub");
  auto entry = rk_last_entry(admin);
  EXPECT_NE(entry.find("infrastructure.lan.update"), std::string::npos) << entry;
  EXPECT_NE(entry.find("LAN Dishub"), std::string::npos) << "the name before: " << entry;
  auto op = user(in, admin, "balikpapan", "op.kes.uji", "agency_operator", dinkes);
  EXPECT_EQ(op.patch("/api/infrastructure/lans/" + lan, R"({"name":"X"})").status, 403);

  auto link = rk_created(admin.post("/api/infrastructure/wan-links",
                                    R"({"code":"WAN-01","name":"FO Diskominfo - Dishub","from_agency_id":")" + kominfo +
                                        R"(","to_agency_id":")" + dishub +
                                        R"(","medium":"fiber_optik","capacity_mbps":1000})"));
  before = ledger_size(in);
  // Balikpapan Pasal 17 ayat (1) huruf a: the WAN up to the PD routers is the Dinas's, on edit too.
  auto by_pd = admin.patch("/api/infrastructure/wan-links/" + link, R"({"operated_by":"pd"})");
  EXPECT_EQ(by_pd.status, 422) << by_pd.body;
  EXPECT_EQ(by_pd.error_code(), "infrastructure.gate_refused");
  EXPECT_EQ(by_pd.rule_id(), "BPN-17-1-a");
  EXPECT_EQ(text_of(by_pd.json.at("error").at("rule"), "citation"), "Pasal 17 ayat (1) huruf a");
  EXPECT_EQ(admin.patch("/api/infrastructure/wan-links/" + link, R"({"to_agency_id":")" + kominfo + "\"}").status, 422);
  EXPECT_EQ(admin.patch("/api/infrastructure/wan-links/" + link, R"({"medium":"merpati"})").status, 422);
  EXPECT_EQ(ledger_size(in), before);
  auto faster =
      admin.patch("/api/infrastructure/wan-links/" + link,
                  R"({"capacity_mbps":10000,"to_agency_id":")" + dinkes + R"(","name":"FO Diskominfo - Dinkes"})");
  ASSERT_EQ(faster.status, 200) << faster.body;
  EXPECT_EQ(faster.json.at("capacity_mbps").as_int64(), 10000);
  EXPECT_EQ(text_of(admin.get("/api/architecture/elements/" + link).json, "name"), "FO Diskominfo - Dinkes");
  auto wan_entry = rk_recent_entries(admin, 2);  // the record's change and the element's
  EXPECT_NE(wan_entry.find("infrastructure.wan.update"), std::string::npos) << wan_entry;
  EXPECT_NE(wan_entry.find("1000"), std::string::npos) << wan_entry;
  auto other = admin_client(in, "bontang");
  EXPECT_EQ(other.patch("/api/infrastructure/wan-links/" + link, R"({"capacity_mbps":1})").status, 404);
  EXPECT_EQ(other.patch("/api/infrastructure/lans/" + lan, R"({"name":"X"})").status, 404);
}

TEST_P(InfraEditTest, ANetworkDeviceIsEditedWithinItsPdUnderTheChecksOfItsRegistration) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto dishub = agency_id(admin, "DISHUB");
  auto dinkes = agency_id(admin, "DINKES");
  auto device = rk_created(admin.post(
      "/api/infrastructure/devices",
      R"({"agency_id":")" + dishub + R"(","name":"Router Utama","kind":"router","installed_on":"2025-01-10"})"));
  auto op = user(in, admin, "madiun", "op.dishub", "agency_operator", dishub);

  // The PD's operator renames its device and records the Dinas's coordination reference.
  auto before = ledger_size(in);
  auto renamed =
      op.patch("/api/infrastructure/devices/" + device, R"({"name":"Router Gedung A","coordination":"Surat 005/7"})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(text_of(renamed.json, "name"), "Router Gedung A");
  EXPECT_EQ(text_of(renamed.json, "coordination"), "Surat 005/7");
  EXPECT_EQ(ledger_size(in), before + 1);
  auto entry = rk_last_entry(admin);
  EXPECT_NE(entry.find("infrastructure.device.update"), std::string::npos) << entry;
  EXPECT_NE(entry.find("Router Utama"), std::string::npos) << entry;     // before
  EXPECT_NE(entry.find("Router Gedung A"), std::string::npos) << entry;  // after

  // The same change again writes nothing; the checks of registration refuse a bad kind or name.
  EXPECT_EQ(op.patch("/api/infrastructure/devices/" + device, R"({"name":"Router Gedung A"})").status, 200);
  EXPECT_EQ(ledger_size(in), before + 1);
  auto bad_kind = op.patch("/api/infrastructure/devices/" + device, R"({"kind":"modem"})");
  EXPECT_EQ(bad_kind.status, 422) << bad_kind.body;
  EXPECT_EQ(bad_kind.error_code(), "validation.invalid_value");
  EXPECT_EQ(op.patch("/api/infrastructure/devices/" + device, R"({"name":""})").error_code(),
            "validation.missing_field");
  // The installation date is a LAN change (recorded with its change report), not an edit.
  EXPECT_EQ(op.patch("/api/infrastructure/devices/" + device, R"({"installed_on":"2025-01-01"})").error_code(),
            "validation.unknown_field");

  // A PD's operator cannot move its device to another PD, nor edit another PD's device.
  EXPECT_EQ(op.patch("/api/infrastructure/devices/" + device, R"({"agency_id":")" + dinkes + "\"}").status, 403);
  auto theirs = rk_created(admin.post(
      "/api/infrastructure/devices",
      R"({"agency_id":")" + dinkes + R"(","name":"Switch Dinkes","kind":"switch","installed_on":"2025-01-10"})"));
  EXPECT_EQ(op.patch("/api/infrastructure/devices/" + theirs, R"({"name":"Milik kami"})").status, 403);
  EXPECT_EQ(ledger_size(in), before + 2);  // only the admin's registration
  // The Dinas (tenant-wide) moves it; another tenant does not see it.
  auto moved = admin.patch("/api/infrastructure/devices/" + device, R"({"agency_id":")" + dinkes + "\"}");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(text_of(moved.json.at("agency"), "id"), dinkes);
  auto other = admin_client(in, "bontang");
  EXPECT_EQ(other.patch("/api/infrastructure/devices/" + device, R"({"name":"X"})").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Databases, InfraEditTest, ::testing::ValuesIn(test_support::backends()));

// ---- Network device import: the server import's machinery, all rows or none ----

class InfraDeviceImportTest : public InfraRackTest {};

namespace {

const std::string kDeviceHeader = "kode_pd;nama;jenis;tanggal_pasang;koordinasi\r\n";

Reply rk_import(Client& c, const std::string& query, const std::string& body) {
  return c.send("POST", "/api/infrastructure/devices/import" + query, body,
                {{"content-type", "application/octet-stream"}});
}

std::set<std::pair<std::int64_t, std::string>> rk_problems(const boost::json::value& result) {
  std::set<std::pair<std::int64_t, std::string>> out;
  for (const auto& p : result.at("problems").as_array()) {
    EXPECT_FALSE(p.at("message").as_string().empty());
    out.emplace(p.at("row").as_int64(), std::string(p.at("column").as_string()));
  }
  return out;
}

std::int64_t rk_devices(Client& c) { return c.get("/api/infrastructure/devices").json.at("total").as_int64(); }

}  // namespace

TEST_P(InfraDeviceImportTest, ADryRunListsEveryProblemByRowAndColumnAndTheImportWritesAllOrNothing) {
  SIMPUL_PROVES("bandar-lampung", "BDL-20-2");
  Instance in(GetParam());
  auto admin = admin_client(in, "bandar-lampung");
  auto dishub = agency_id(admin, "DISHUB");
  ASSERT_EQ(admin
                .post("/api/infrastructure/devices",
                      R"({"agency_id":")" + dishub +
                          R"(","name":"Router Utama","kind":"router","installed_on":"2024-01-05"})")
                .status,
            201);
  std::string bad = "\xEF\xBB\xBF" + kDeviceHeader +
                    "DISHUB;Switch Lantai 2;switch;2025-03-01;Surat 005/12\r\n"
                    "XYZ;Router Cabang;modem;01/03/2025;\r\n"
                    "dishub;switch lantai 2;switch;2025-03-02;\r\n"
                    "DISHUB;Router Utama;router;2099-01-01;\r\n"
                    ";;;;\r\n"
                    "DISHUB;;firewall;;\r\n";
  auto before = ledger_size(in);
  auto dry = rk_import(admin, "?dry_run=true", bad);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_FALSE(dry.json.at("ok").as_bool());
  EXPECT_EQ(dry.json.at("rows").as_int64(), 5);  // the blank row is skipped
  EXPECT_EQ(rk_problems(dry.json), (std::set<std::pair<std::int64_t, std::string>>{{3, "kode_pd"},
                                                                                   {3, "jenis"},
                                                                                   {3, "tanggal_pasang"},
                                                                                   {4, "nama"},
                                                                                   {5, "nama"},
                                                                                   {5, "tanggal_pasang"},
                                                                                   {7, "nama"},
                                                                                   {7, "tanggal_pasang"}}))
      << dry.body;
  EXPECT_EQ(rk_devices(admin), 1);
  auto refused = rk_import(admin, "?dry_run=false", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.error_code(), "import.has_problems");
  EXPECT_EQ(rk_devices(admin), 1);
  EXPECT_EQ(ledger_size(in), before);

  std::string good = kDeviceHeader +
                     "DISHUB;Switch Lantai 2;switch;2025-03-01;Surat 005/12\r\n"
                     "DISHUB;AP Lobi;access_point;2025-03-02;\r\n";
  auto real = rk_import(admin, "?dry_run=false", good);
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json.at("created").as_int64(), 2);
  EXPECT_EQ(ledger_size(in), before + 1);  // one entry for the whole file
  EXPECT_NE(rk_last_entry(admin).find(crypto::sha256_hex(good)), std::string::npos);
  EXPECT_EQ(rk_devices(admin), 3);
  // Imported devices are subjects of the same findings as the form's: Bandar Lampung Pasal 20 ayat (2)
  // for the access point installed without the Dinas's coordination.
  ASSERT_EQ(admin.post("/api/compliance/evaluate", "").status, 200);
  std::string ap;
  auto listed = admin.get("/api/infrastructure/devices");
  for (const auto& d : listed.json.at("items").as_array())
    if (text_of(d, "name") == "AP Lobi") ap = text_of(d, "id");
  std::map<std::string, std::string> rules;
  auto findings = admin.get("/api/compliance/findings?state=open&per_page=200&object=" + ap);
  for (const auto& f : findings.json.at("items").as_array())
    rules[text_of(f.at("rule"), "id")] = text_of(f.at("rule"), "citation");
  EXPECT_EQ(rules["BDL-20-2"], "Pasal 20 ayat (2)") << ap;
  // The same file again: every device is registered now.
  EXPECT_EQ(rk_problems(rk_import(admin, "", good).json),
            (std::set<std::pair<std::int64_t, std::string>>{{2, "nama"}, {3, "nama"}}));
}

TEST_P(InfraDeviceImportTest, HostileFilesAreRefusedCleanlyAndOnlyTenantWideWritersImport) {
  Instance in(GetParam());
  auto admin = admin_client(in, "madiun");
  auto dishub = agency_id(admin, "DISHUB");
  auto before = ledger_size(in);
  EXPECT_EQ(rk_import(admin, "", std::string("PK\x03\x04garbage", 11)).error_code(), "import.invalid_file");
  EXPECT_EQ(rk_import(admin, "", "").error_code(), "import.invalid_file");
  auto binary = rk_import(admin, "", std::string("\x00\x01\x02\xff\xfe", 5));
  EXPECT_TRUE(binary.status / 100 == 4 || !binary.json.at("ok").as_bool()) << binary.body;
  EXPECT_EQ(rk_import(admin, "?dry_run=maybe", kDeviceHeader).status, 400);
  // A missing column, a column twice, a header without rows.
  EXPECT_EQ(rk_problems(rk_import(admin, "", "kode_pd;nama;jenis\r\nDISHUB;R;router\r\n").json),
            (std::set<std::pair<std::int64_t, std::string>>{{1, "tanggal_pasang"}}));
  EXPECT_EQ(rk_problems(rk_import(admin, "", "kode_pd;nama;nama;jenis;tanggal_pasang\r\n").json),
            (std::set<std::pair<std::int64_t, std::string>>{{1, "nama"}}));
  EXPECT_FALSE(rk_import(admin, "", kDeviceHeader).json.at("ok").as_bool());
  // Over-long and formula-like cells are reported or stored as text, never evaluated.
  auto long_name = rk_import(admin, "", kDeviceHeader + "DISHUB;" + std::string(300, 'x') + ";router;2025-01-01;\r\n");
  EXPECT_EQ(rk_problems(long_name.json), (std::set<std::pair<std::int64_t, std::string>>{{2, "nama"}}));
  auto formula = rk_import(admin, "?dry_run=false", kDeviceHeader + "DISHUB;=cmd|' /C calc'!A0;router;2025-01-01;\r\n");
  ASSERT_EQ(formula.status, 200) << formula.body;
  EXPECT_EQ(text_of(admin.get("/api/infrastructure/devices").json.at("items").at(0), "name"), "=cmd|' /C calc'!A0");
  EXPECT_EQ(ledger_size(in), before + 1);

  // A workbook: the sheet named Perangkat wins; an operator of one PD cannot import.
  interchange::Sheet notes{"Petunjuk", {{"Isi sheet Perangkat"}}};
  interchange::Sheet devices{"Perangkat",
                             {{"No", "Kode PD", "Nama", "Jenis", "Tanggal Pasang"},
                              {"1", "DISHUB", "Firewall Gedung", "firewall", "2025-02-02"}}};
  auto op = user(in, admin, "madiun", "op.dishub", "agency_operator", dishub);
  EXPECT_EQ(rk_import(op, "?dry_run=false", interchange::write_xlsx({notes, devices})).status, 403);
  auto book = rk_import(admin, "?dry_run=false", interchange::write_xlsx({notes, devices}));
  ASSERT_EQ(book.status, 200) << book.body;
  EXPECT_EQ(book.json.at("created").as_int64(), 1);

  // The template names a PD of the tenant and passes the dry run.
  auto tpl = admin.get("/api/infrastructure/devices/import/template.csv");
  ASSERT_EQ(tpl.status, 200);
  auto tpl_dry = rk_import(admin, "", tpl.body);
  EXPECT_TRUE(tpl_dry.json.at("ok").as_bool()) << tpl_dry.body;
}

TEST_P(InfraDeviceImportTest, RowsPlaceTheirDevicesInRacksUnderTheRulesOfThePlacementForm) {
  Instance in(GetParam());
  auto admin = admin_client(in, "balikpapan");
  auto kominfo = agency_id(admin, "DISKOMINFO");
  auto dishub = agency_id(admin, "DISHUB");
  auto pusat = rk_site(admin, "PD-UJI", "pusat_data_pemda", kominfo);
  auto rack = rk_rack(admin, pusat, "R-01", 12);
  auto web = rk_server(admin, "SRV-WEB", dishub, pusat, rack);
  ASSERT_EQ(rk_put(admin, "/api/infrastructure/servers/" + web + "/placement", R"({"unit":1,"height":2})").status, 200);
  const std::string header = "kode_pd;nama;jenis;tanggal_pasang;koordinasi;kode_lokasi;kode_rak;unit;tinggi\r\n";
  std::string bad = header +
                    "DISHUB;Switch Inti;switch;2025-03-01;;PD-UJI;R-01;3;2\r\n"      // U3-U4: free
                    "DISHUB;Switch Cadangan;switch;2025-03-01;;PD-UJI;R-01;4;1\r\n"  // U4: the row above
                    "DISHUB;Firewall;firewall;2025-03-01;;PD-UJI;R-01;2;1\r\n"       // U2: the web server
                    "DISHUB;Router;router;2025-03-01;;PD-UJI;R-01;12;2\r\n"          // above 12U
                    "DISHUB;AP;access_point;2025-03-01;;PD-UJI;R-99;5;1\r\n"         // no such rack
                    "DISHUB;Modem;router;2025-03-01;;PD-UJI;R-01;x;1\r\n"            // not a unit
                    "DISHUB;Patch;switch;2025-03-01;;;;6;1\r\n";                     // units without a rack
  auto before = ledger_size(in);
  auto dry = rk_import(admin, "?dry_run=true", bad);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(
      rk_problems(dry.json),
      (std::set<std::pair<std::int64_t, std::string>>{
          {3, "unit"}, {4, "unit"}, {5, "unit"}, {6, "kode_rak"}, {7, "unit"}, {8, "kode_lokasi"}, {8, "kode_rak"}}))
      << dry.body;
  // The overlap names who stands there: the row above, and the registered server by its code.
  std::string problems = json_text(dry.json.at("problems"));
  EXPECT_NE(problems.find("Switch Inti"), std::string::npos) << problems;
  EXPECT_NE(problems.find("SRV-WEB"), std::string::npos) << problems;
  EXPECT_EQ(rk_import(admin, "?dry_run=false", bad).error_code(), "import.has_problems");
  EXPECT_EQ(ledger_size(in), before);

  std::string good = header +
                     "DISHUB;Switch Inti;switch;2025-03-01;;PD-UJI;R-01;3;2\r\n"
                     "DISHUB;Router Tepi;router;2025-03-01;;pd-uji;r-01;12;\r\n"  // height 1 when empty
                     "DISHUB;AP Lobi;access_point;2025-03-01;;;;;\r\n";           // not placed
  auto real = rk_import(admin, "?dry_run=false", good);
  ASSERT_EQ(real.status, 200) << real.body;
  EXPECT_EQ(real.json.at("created").as_int64(), 3);
  EXPECT_EQ(ledger_size(in), before + 1);
  auto view = admin.get("/api/infrastructure/racks/" + rack);
  ASSERT_EQ(view.json.at("placements").as_array().size(), 3u) << view.body;
  EXPECT_EQ(text_of(view.json.at("placements").at(1), "name"), "Switch Inti");
  EXPECT_EQ(view.json.at("placements").at(1).at("unit").as_int64(), 3);
  EXPECT_EQ(view.json.at("placements").at(1).at("height").as_int64(), 2);
  EXPECT_EQ(text_of(view.json.at("placements").at(2), "name"), "Router Tepi");
  EXPECT_EQ(view.json.at("free_units").as_int64(), 12 - 5);
  // The template carries the placement columns and still passes the dry run.
  auto tpl = admin.get("/api/infrastructure/devices/import/template.csv");
  EXPECT_NE(tpl.body.find("kode_rak"), std::string::npos);
  EXPECT_TRUE(rk_import(admin, "", tpl.body).json.at("ok").as_bool());
}

INSTANTIATE_TEST_SUITE_P(Databases, InfraDeviceImportTest, ::testing::ValuesIn(test_support::backends()));
