// Import and export of the architecture model: dry runs report every bad row and change nothing,
// and exporting to ArchiMate or XLSX then importing elsewhere gives the same model.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "core/crypto.hpp"

using namespace simpul;
using namespace simpul::api_test;

class ArchitectureTransferTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    crypto::use_minimum_password_cost_for_tests();
  }
};

namespace {

const std::string kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Reply upload(Client& c, const std::string& query, const std::string& type, const std::string& body) {
  return c.send("POST", "/api/architecture/import?" + query, body, {{"content-type", type}});
}

/// A small model built through the API, with every domain, a level-4 element and attributes.
void build_model(Client& c) {
  auto ag = agency_code(c, 0), other = agency_code(c, 1);
  std::string elements =
      "code;name;domain;level;parent_code;reference_code;owner_agency_code;state;description;attr.service_type;attr.infra_type\n"
      "L-1;Layanan Perizinan \"Satu Pintu\";layanan;3;;RAL.02;" +
      ag +
      ";as_is;Izin & non-izin <cepat>;publik;\n"
      "L-1.1;Izin Usaha Mikro;layanan;4;L-1;;" +
      ag +
      ";to_be;;;\n"
      "PB-1;Verifikasi Berkas;proses_bisnis;3;;;" +
      ag +
      ";as_is;;;\n"
      "A-1;SiCantik Cloud;aplikasi;3;;;" +
      other +
      ";as_is;;;\n"
      "D-1;Data Perizinan;data_informasi;3;;;" +
      other +
      ";as_is;;;\n"
      "I-1;Pusat Data Kota;infrastruktur;3;;;" +
      other +
      ";as_is;;;pusat_data\n"
      "K-1;Enkripsi Basis Data;keamanan;3;;;" +
      other + ";to_be;;;\n";
  ASSERT_EQ(upload(c, "dry_run=false&kind=elements", "text/csv", elements).status, 200);
  std::string relations =
      "source_code,type,target_code,description\n"
      "L-1,realised_by,PB-1,\nPB-1,supported_by,A-1,\nA-1,uses_data,D-1,\nA-1,runs_on,I-1,\nD-1,protected_by,K-1,dienkripsi\n";
  auto r = upload(c, "dry_run=false&kind=relations", "text/csv", relations);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json.at("relations_created").as_int64(), 5);
}

}  // namespace

TEST_P(ArchitectureTransferTest, ADryRunReportsEveryBadRowAndChangesNothing) {
  Instance in(GetParam());
  auto c = admin_client(in, "bontang");
  auto ag = agency_code(c, 0);
  auto before = ledger_size(in);
  std::string csv =
      "code,name,domain,owner_agency_code,state\n"
      "L-1,Layanan Baik,layanan," +
      ag +
      ",as_is\n"
      "L-2,Layanan Tanpa Pemilik,layanan,TIDAK-ADA,as_is\n"
      "X-1,Sihir,sihir," +
      ag +
      ",as_is\n"
      "L-1,Duplikat Dalam Berkas,aplikasi," +
      ag +
      ",as_is\n"
      "L-3,Status Aneh,layanan," +
      ag + ",rusak\n";
  auto dry = upload(c, "dry_run=true&kind=elements", "text/csv", csv);
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_FALSE(dry.json.at("ok").as_bool());
  std::vector<std::int64_t> rows;
  for (const auto& p : dry.json.at("problems").as_array()) rows.push_back(p.at("row").as_int64());
  EXPECT_EQ(rows, (std::vector<std::int64_t>{3, 4, 5, 6}));
  EXPECT_EQ(dry.json.at("problems").at(0).at("column").as_string(), "owner_agency_code");

  auto real = upload(c, "dry_run=false&kind=elements", "text/csv", csv);
  EXPECT_EQ(real.error_code(), "import.has_problems");
  EXPECT_EQ(c.get("/api/architecture/elements").json.at("total").as_int64(), 0);
  EXPECT_EQ(ledger_size(in), before);

  EXPECT_EQ(upload(c, "dry_run=true", kXlsx, "PK\x03\x04 this is not a workbook").error_code(), "import.invalid_file");
  EXPECT_EQ(upload(c, "dry_run=true", "application/xml", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]><model/>").error_code(),
            "import.invalid_file");
  EXPECT_EQ(upload(c, "dry_run=true", "application/x-msdownload", "MZ").error_code(), "request.unsupported_media_type");
  EXPECT_EQ(upload(c, "dry_run=perhaps", "text/csv", csv).error_code(), "request.invalid_query");
  EXPECT_EQ(upload(c, "dry_run=true&kind=elements", "text/csv", "code,name\nL-1,x\n")
                .json.at("problems")
                .at(0)
                .at("column")
                .as_string(),
            "domain");
  EXPECT_EQ(ledger_size(in), before);
}

TEST_P(ArchitectureTransferTest, ArchiMateExportImportedElsewhereGivesTheSameModel) {
  Instance a(GetParam());
  auto ca = admin_client(a, "balikpapan");
  build_model(ca);
  auto xml = ca.get("/api/architecture/export.xml");
  ASSERT_EQ(xml.status, 200);
  EXPECT_NE(xml.header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_NE(xml.body.find("xsi:type=\"BusinessService\""), std::string::npos);

  Instance b(GetParam());
  auto cb = admin_client(b, "balikpapan");
  auto imported = upload(cb, "dry_run=false", "application/xml", xml.body);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json.at("elements_created").as_int64(), 7);
  EXPECT_EQ(imported.json.at("relations_created").as_int64(), 5);
  EXPECT_TRUE(cb.get("/api/architecture/export.xml").body == xml.body) << "the re-exported model differs";

  // Importing the same file again changes nothing but counts the elements as updated.
  auto again = upload(cb, "dry_run=false", "application/xml", xml.body);
  EXPECT_EQ(again.json.at("elements_updated").as_int64(), 7);
  EXPECT_EQ(again.json.at("relations_created").as_int64(), 0);
  EXPECT_TRUE(cb.get("/api/architecture/export.xml").body == xml.body) << "the re-exported model differs";
}

TEST_P(ArchitectureTransferTest, XlsxExportImportedElsewhereGivesTheSameModel) {
  Instance a(GetParam());
  auto ca = admin_client(a, "balikpapan");
  build_model(ca);
  auto xlsx = ca.get("/api/architecture/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  Instance b(GetParam());
  auto cb = admin_client(b, "balikpapan");
  auto imported = upload(cb, "dry_run=false", kXlsx, xlsx.body);
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json.at("elements_created").as_int64(), 7);
  EXPECT_TRUE(cb.get("/api/architecture/export.xml").body == ca.get("/api/architecture/export.xml").body)
      << "models differ";
}

INSTANTIATE_TEST_SUITE_P(Databases, ArchitectureTransferTest, ::testing::ValuesIn(test_support::backends()));
