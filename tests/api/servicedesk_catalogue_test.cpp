// The Layanan SPBE catalogue classified by each region's administrasi pemerintahan areas and
// layanan publik sectors, and the Aplikasi Umum finding where the region's text has it
// (docs/service-desk.md, "Layanan SPBE catalogue"). On both databases.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <algorithm>
#include <string>
#include <vector>

#include "api_harness.hpp"
#include "core/crypto.hpp"
#include "testing/proves.hpp"

using namespace simpul;
using namespace simpul::api_test;

namespace {

class ServiceDeskCatalogueTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

/// An application element of `category` (aplikasi_umum or one of the region's Aplikasi Khusus ids).
std::string catalogue_application(Client& admin, const std::string& code, const std::string& owner,
                                  const std::string& category) {
  auto r = admin.post("/api/architecture/elements", R"({"domain":"aplikasi","code":")" + code +
                                                        R"(","name":"Aplikasi )" + code + R"(","owner_agency_id":")" +
                                                        owner + R"(","attributes":{"category":")" + category + "\"}}");
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? text_of(r.json, "id") : "";
}

Reply add_catalogue_service(Client& admin, const std::string& code, const std::string& owner,
                            const std::string& extra) {
  return admin.post("/api/servicedesk/services", R"({"code":")" + code + R"(","name":"Layanan )" + code +
                                                     R"(","agency_id":")" + owner + R"(","sla_class":"sedang")" +
                                                     extra + "}");
}

/// The ids of the areas (or sectors) of one kind in the catalogue's groups.
std::vector<std::string> group_areas(const Reply& listed, const std::string& kind) {
  std::vector<std::string> out;
  for (const auto& g : listed.json.at("groups").as_array())
    if (text_of(g, "kind") == kind)
      for (const auto& a : g.at("areas").as_array()) out.push_back(text_of(a, "id"));
  return out;
}

std::string group_citation(const Reply& listed, const std::string& kind) {
  for (const auto& g : listed.json.at("groups").as_array())
    if (text_of(g, "kind") == kind && g.at("rule").is_object()) return text_of(g.at("rule"), "citation");
  return "";
}

bool has_item(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

/// Open findings of `rule` about one object, and the citation of the first.
std::pair<std::size_t, std::string> catalogue_findings(Client& admin, const std::string& rule,
                                                       const std::string& object) {
  auto r = admin.get("/api/compliance/findings?state=open&per_page=200&rule=" + rule + "&object=" + object);
  EXPECT_EQ(r.status, 200) << r.body;
  if (r.status != 200 || r.json.at("items").as_array().empty()) return {0, ""};
  return {r.json.at("items").as_array().size(), text_of(r.json.at("items").at(0).at("rule"), "citation")};
}

std::size_t all_open_findings_about(Client& admin, const std::string& object) {
  auto r = admin.get("/api/compliance/findings?state=open&per_page=200&object=" + object);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.status == 200 ? r.json.at("items").as_array().size() : 0;
}

TEST_P(ServiceDeskCatalogueTest, TheCatalogueListsEachRegionsAreasAndSectorsAndAServiceIsClassifiedIntoOne) {
  // The two kinds of Layanan SPBE each region's text names; a service is one of them or none yet.
  SIMPUL_PROVES("balikpapan", "BPN-25-1");
  SIMPUL_PROVES("madiun", "MDN-27-1");
  SIMPUL_PROVES("lampung-timur", "LTM-28");
  SIMPUL_PROVES("bontang", "BTG-31-1");
  SIMPUL_PROVES("bandar-lampung", "BDL-27-1");
  Instance in(GetParam());
  for (const auto& [profile, citation] :
       std::vector<std::pair<std::string, std::string>>{{"balikpapan", "Pasal 25 ayat (1)"},
                                                        {"madiun", "Pasal 27 ayat (1)"},
                                                        {"lampung-timur", "Pasal 28"},
                                                        {"bontang", "Pasal 31 ayat (1)"},
                                                        {"bandar-lampung", "Pasal 27 ayat (1)"}}) {
    SCOPED_TRACE(profile);
    Instance each(GetParam());  // one tenant per instance: each has the demo organisation
    auto admin = admin_client(each, profile);
    auto listed = admin.get("/api/servicedesk/services");
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(text_of(listed.json.at("kinds_rule"), "citation"), citation);
    ASSERT_EQ(listed.json.at("groups").as_array().size(), 2u);
    EXPECT_EQ(add_catalogue_service(admin, "LYN-K0", agency_id(admin, "DISDIK"), R"(,"kind":"lainnya")").error_code(),
              "validation.invalid_value");
  }
  {
    auto admin = admin_client(in, "balikpapan");
    auto listed = admin.get("/api/servicedesk/services");
    ASSERT_EQ(listed.status, 200) << listed.body;
    EXPECT_EQ(text_of(listed.json.at("kinds_rule"), "citation"), "Pasal 25 ayat (1)");
    auto areas = group_areas(listed, "administrasi");
    EXPECT_EQ(areas.size(), 11u);  // Pasal 26 ayat (1) lists eleven
    EXPECT_TRUE(has_item(areas, "naskah_dinas_elektronik"));
    EXPECT_EQ(group_citation(listed, "administrasi"), "Pasal 26 ayat (1)");
    auto sectors = group_areas(listed, "publik");
    // Pasal 27 ayat (1): pengaduan masyarakat, satu data and fourteen sectors.
    EXPECT_EQ(sectors.size(), 16u);
    EXPECT_TRUE(has_item(sectors, "pengaduan_masyarakat"));
    EXPECT_TRUE(has_item(sectors, "satu_data"));
    EXPECT_TRUE(has_item(sectors, "energi"));
    EXPECT_EQ(group_citation(listed, "publik"), "Pasal 27 ayat (1)");

    auto disdik = agency_id(admin, "DISDIK");
    auto created = add_catalogue_service(admin, "LYN-PPDB", disdik, R"(,"kind":"publik","area":"pendidikan")");
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(text_of(created.json, "kind_label"), "Layanan publik berbasis elektronik");
    EXPECT_EQ(text_of(created.json, "kind_label_en"), "Electronic public services");
    EXPECT_EQ(text_of(created.json, "area_label"), "pendidikan");
    auto id = text_of(created.json, "id");

    // Bad classifications are refused and change nothing.
    auto size = ledger_size(in);
    EXPECT_EQ(add_catalogue_service(admin, "LYN-X1", disdik, R"(,"kind":"lainnya","area":"pendidikan")").error_code(),
              "validation.invalid_value");
    EXPECT_EQ(add_catalogue_service(admin, "LYN-X2", disdik, R"(,"kind":"publik","area":"perencanaan")").error_code(),
              "validation.invalid_value");  // an administrasi area is not a public-service sector
    EXPECT_EQ(add_catalogue_service(admin, "LYN-X3", disdik, R"(,"kind":"publik")").error_code(),
              "validation.missing_field");
    EXPECT_EQ(add_catalogue_service(admin, "LYN-X4", disdik, R"(,"area":"pendidikan")").error_code(),
              "validation.invalid_value");
    EXPECT_EQ(admin.patch("/api/servicedesk/services/" + id, R"({"area":"perencanaan"})").error_code(),
              "validation.invalid_value");
    EXPECT_EQ(ledger_size(in), size);
    EXPECT_EQ(admin.get("/api/servicedesk/services").json.at("items").as_array().size(), 1u);

    // Reclassified: one ledger entry.
    auto moved =
        admin.patch("/api/servicedesk/services/" + id, R"({"kind":"administrasi","area":"naskah_dinas_elektronik"})");
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(text_of(moved.json, "area_label"), "naskah dinas elektronik");
    EXPECT_EQ(ledger_size(in), size + 1);
  }
  {
    // Bontang names JDIH among its public services, and no energi or perbankan sector.
    Instance bontang(GetParam());
    auto admin = admin_client(bontang, "bontang");
    auto sectors = group_areas(admin.get("/api/servicedesk/services"), "publik");
    EXPECT_TRUE(has_item(sectors, "jaringan_dokumentasi_dan_informasi_hukum"));
    EXPECT_FALSE(has_item(sectors, "energi"));
  }
  {
    // Lampung Timur lists administrasi areas but no public-service sectors: a public service has no sector.
    Instance lampung_timur(GetParam());
    auto admin = admin_client(lampung_timur, "lampung-timur");
    auto listed = admin.get("/api/servicedesk/services");
    EXPECT_TRUE(group_areas(listed, "publik").empty());
    EXPECT_EQ(group_citation(listed, "administrasi"), "Pasal 29 ayat (2)");
    auto disdik = agency_id(admin, "DISDIK");
    EXPECT_EQ(add_catalogue_service(admin, "LYN-L1", disdik, R"(,"kind":"publik","area":"pendidikan")").error_code(),
              "validation.invalid_value");
    EXPECT_EQ(add_catalogue_service(admin, "LYN-L2", disdik, R"(,"kind":"publik")").status, 201);
  }
}

TEST_P(ServiceDeskCatalogueTest, APublicServiceOnNoAplikasiUmumIsAFindingOnlyWhereTheRegionsTextSaysSo) {
  SIMPUL_PROVES("balikpapan", "BPN-27-3");
  SIMPUL_PROVES("lampung-timur", "LTM-30-2");
  SIMPUL_PROVES("bontang", "BTG-33-3");
  struct Region {
    std::string profile, rule, citation, khusus, sector;
  };
  const std::vector<Region> regions = {{"balikpapan", "BPN-27-3", "Pasal 27 ayat (3)", "aplikasi_khusus", "kesehatan"},
                                       {"lampung-timur", "LTM-30-2", "Pasal 30 ayat (2)", "aplikasi_khusus", ""},
                                       {"bontang", "BTG-33-3", "Pasal 33 ayat (3)", "aplikasi_khusus", "kesehatan"},
                                       {"madiun", "", "", "aplikasi_khusus_pd", "kesehatan"},
                                       {"bandar-lampung", "", "", "aplikasi_khusus", "kesehatan"}};
  for (const auto& region : regions) {
    SCOPED_TRACE(region.profile);
    Instance in(GetParam());
    auto admin = admin_client(in, region.profile);
    auto dinkes = agency_id(admin, "DINKES");
    auto khusus = catalogue_application(admin, "APL-KH-1", dinkes, region.khusus);
    auto umum = catalogue_application(admin, "APL-UM-1", dinkes, "aplikasi_umum");
    const std::string publik = R"(,"kind":"publik","area":")" + region.sector + "\"";
    auto on_khusus = add_catalogue_service(admin, "LYN-KH", dinkes, publik + R"(,"element_ids":[")" + khusus + "\"]");
    auto on_umum = add_catalogue_service(admin, "LYN-UM", dinkes, publik + R"(,"element_ids":[")" + umum + "\"]");
    auto admin_kind = add_catalogue_service(
        admin, "LYN-ADM", dinkes, R"(,"kind":"administrasi","area":"perencanaan","element_ids":[")" + khusus + "\"]");
    ASSERT_EQ(on_khusus.status, 201) << on_khusus.body;
    ASSERT_EQ(on_umum.status, 201) << on_umum.body;
    ASSERT_EQ(admin_kind.status, 201) << admin_kind.body;
    auto khusus_id = text_of(on_khusus.json, "id");
    EXPECT_FALSE(on_khusus.json.at("uses_aplikasi_umum").as_bool());
    EXPECT_TRUE(on_umum.json.at("uses_aplikasi_umum").as_bool());
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "{}").status, 200);

    if (region.rule.empty()) {
      // No such sentence in the text: nothing to find, nothing shown.
      EXPECT_TRUE(on_khusus.json.at("aplikasi_umum_finding").is_null());
      EXPECT_EQ(all_open_findings_about(admin, khusus_id), 0u);
      continue;
    }
    EXPECT_EQ(text_of(on_khusus.json.at("aplikasi_umum_finding"), "citation"), region.citation);
    EXPECT_EQ(catalogue_findings(admin, region.rule, khusus_id), std::make_pair(std::size_t{1}, region.citation));
    // A service on an Aplikasi Umum, and an administrasi service, are not found.
    EXPECT_EQ(catalogue_findings(admin, region.rule, text_of(on_umum.json, "id")).first, 0u);
    EXPECT_TRUE(on_umum.json.at("aplikasi_umum_finding").is_null());
    EXPECT_EQ(catalogue_findings(admin, region.rule, text_of(admin_kind.json, "id")).first, 0u);

    // The text allows an Aplikasi Khusus the service needs: a recorded reason clears the finding.
    auto reasoned = admin.patch(
        "/api/servicedesk/services/" + khusus_id,
        R"({"khusus_reason":"Rekam medis membutuhkan integrasi SATUSEHAT yang tidak ada di Aplikasi Umum"})");
    ASSERT_EQ(reasoned.status, 200) << reasoned.body;
    EXPECT_TRUE(reasoned.json.at("aplikasi_umum_finding").is_null());
    ASSERT_EQ(admin.post("/api/compliance/evaluate", "{}").status, 200);
    EXPECT_EQ(catalogue_findings(admin, region.rule, khusus_id).first, 0u);
  }
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, ServiceDeskCatalogueTest, ::testing::ValuesIn(test_support::backends()));
