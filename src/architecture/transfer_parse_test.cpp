// Files into rows of cells: spreadsheet columns are found by header in either language, problems point
// at the user's own row and column, and ArchiMate relationships are turned into SPBE's direction.
#include <gtest/gtest.h>

#include "architecture/transfer.hpp"
#include "core/error.hpp"
#include "interchange/oef.hpp"
#include "interchange/xlsx.hpp"

using namespace simpul;
using namespace simpul::architecture;

namespace {

constexpr const char* kXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

PortableElement element_at_level(std::string code, std::string domain, int level = 3, std::string parent = "") {
  PortableElement e;
  e.code = std::move(code);
  e.name = "Elemen " + e.code;
  e.domain = std::move(domain);
  e.level = level;
  e.parent_code = std::move(parent);
  e.owner_agency_code = "DISKOMINFO";
  e.state = "as_is";
  return e;
}

}  // namespace

TEST(ArchitectureImportParse, CsvColumnsAreFoundByNameInAnyOrderAndCaseInEitherLanguage) {
  std::string csv =
      " Name ;KODE;owner_agency_code;Domain;Jenis layanan;level;Parent code\n"
      "Layanan KTP;L-1;DISDUKCAPIL;layanan;publik;;\n"
      ";;;;;;\n"
      "Sub layanan;L-1-1;DISDUKCAPIL;layanan;;4;L-1\n";
  auto f = parse_import(csv, "text/csv", "elements");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0].message;
  ASSERT_EQ(f.elements.size(), 2u) << "the blank row is skipped";
  EXPECT_EQ(f.rows, 2);
  const auto& e = f.elements[0];
  EXPECT_EQ(e.text("code"), "L-1");
  EXPECT_EQ(e.text("name"), "Layanan KTP");
  EXPECT_EQ(e.text("owner_agency"), "DISDUKCAPIL");
  EXPECT_EQ(e.text("attr.service_type"), "publik");
  EXPECT_EQ(e.cells.at("attr.service_type").column, "Jenis layanan") << "problems name the header as written";
  EXPECT_EQ(f.elements[1].text("level"), "4");
  EXPECT_EQ(f.elements[1].text("parent_code"), "L-1");
  EXPECT_EQ(f.elements[0].at.row, 2);
  EXPECT_EQ(f.elements[1].at.row, 4) << "rows are counted as the spreadsheet shows them";
}

TEST(ArchitectureImportParse, MissingAndUnknownColumnsArePointedAtAndTheRowsStillCounted) {
  auto missing = parse_import("No.;Kode;Nama;Domain;Kategori Aplkasi\n1;L-1;x;layanan;\n2;L-2;y;layanan;\n", "text/csv",
                              "elements");
  ASSERT_EQ(missing.problems.size(), 2u);
  EXPECT_EQ(missing.problems[0].row, 1);
  EXPECT_EQ(missing.problems[0].column, "Kategori Aplkasi") << "a misspelt header would lose its column";
  EXPECT_NE(missing.problems[0].hint.find("Kategori Aplikasi"), std::string::npos) << missing.problems[0].hint;
  EXPECT_EQ(missing.problems[1].column, "Perangkat Daerah");
  EXPECT_EQ(missing.rows, 2) << "the rows are counted although none is read";
  EXPECT_TRUE(missing.elements.empty()) << "no row is read from a sheet without its columns";

  auto relations = parse_import("source_code,type\nL-1,supported_by\n", "text/csv", "");
  ASSERT_EQ(relations.problems.size(), 1u) << "a source column tells a relation file";
  EXPECT_EQ(relations.problems[0].column, "Kode Tujuan");
}

TEST(ArchitectureImportParse, WorkbookSheetsAreFoundByNameAndALoneSheetIsElements) {
  std::vector<interchange::Sheet> sheets{
      {"RELASI",
       {{"Kode Sumber", "Jenis Relasi", "Kode Tujuan", "Keterangan"}, {"L-1", "didukung oleh", "A-1", "utama"}}},
      {"Pilihan", {{"Kolom", "Tulis"}, {"Domain", "Layanan"}}},
      {" Elemen ",
       {{"code", "name", "domain", "owner_agency_code"},
        {"L-1", "Layanan", "layanan", "D"},
        {"A-1", "App", "aplikasi", "D"}}}};
  auto f = parse_import(interchange::write_xlsx(sheets), kXlsx, "");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0].message;
  EXPECT_EQ(f.elements.size(), 2u);
  ASSERT_EQ(f.relations.size(), 1u);
  EXPECT_EQ(f.relations[0].text("type"), "didukung oleh");
  EXPECT_EQ(f.relations[0].text("description"), "utama");
  EXPECT_EQ(f.relations[0].at.sheet, "Relasi");

  auto lone = parse_import(
      interchange::write_xlsx(
          {{"Inventaris 2025", {{"code", "name", "domain", "owner_agency_code"}, {"A-9", "App", "aplikasi", "D"}}}}),
      kXlsx, "");
  ASSERT_EQ(lone.elements.size(), 1u);
  EXPECT_EQ(lone.elements[0].text("code"), "A-9");

  try {
    parse_import("{}", "application/json", "");
    ADD_FAILURE() << "JSON was accepted as an import file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::RequestUnsupportedMediaType);
  }
  try {
    parse_import("not a zip", kXlsx, "");
    ADD_FAILURE() << "garbage was accepted as a workbook";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::ImportInvalidFile);
  }
}

TEST(ArchitectureImportParse, ArchiMateExportReadsBackAsTheSameCells) {
  PortableModel m{{element_at_level("L-1", "layanan"), element_at_level("L-1-1", "layanan", 4, "L-1"),
                   element_at_level("PB-1", "proses_bisnis"), element_at_level("A-1", "aplikasi")},
                  {{"L-1", "realised_by", "PB-1", "direalisasikan"}, {"PB-1", "supported_by", "A-1", ""}}};
  m.elements[0].reference_code = "RAL.01";
  m.elements[0].attributes["service_type"] = "publik";
  m.elements[3].state = "to_be";
  auto f = parse_import(export_oef(m, "Arsitektur SPBE Kota Contoh"), "application/xml", "");
  ASSERT_TRUE(f.problems.empty());
  EXPECT_EQ(f.skipped, 0);
  ASSERT_EQ(f.elements.size(), 4u);
  EXPECT_EQ(f.elements[0].text("reference_code"), "RAL.01");
  EXPECT_EQ(f.elements[0].text("attr.service_type"), "publik");
  EXPECT_EQ(f.elements[1].text("level"), "4");
  EXPECT_EQ(f.elements[1].text("parent_code"), "L-1");
  EXPECT_EQ(f.elements[3].text("state"), "to_be");
  EXPECT_EQ(f.elements[3].text("owner_agency"), "DISKOMINFO");
  ASSERT_EQ(f.relations.size(), 2u);
  EXPECT_EQ(f.relations[0].text("source_code"), "L-1");
  EXPECT_EQ(f.relations[0].text("type"), "realised_by");
  EXPECT_EQ(f.relations[0].text("target_code"), "PB-1");
  EXPECT_EQ(f.relations[0].text("description"), "direalisasikan");
}

TEST(ArchitectureImportParse, AnotherToolsArchiMateIsMappedByTypeAndDirection) {
  // As Archi writes it: no simpul: properties; the application serves the process and the process
  // realises the service (ArchiMate points from supporter to supported, SPBE the other way).
  interchange::OefModel oef;
  oef.name = "Model Archi";
  oef.elements = {{"e1", "BusinessService", "Layanan Izin", "", {}},
                  {"e2", "BusinessProcess", "Proses Izin", "", {}},
                  {"e3", "ApplicationComponent", "SIMPERIZINAN", "", {}},
                  {"e4", "BusinessActor", "Pemohon", "", {}}};
  oef.relationships = {{"r1", "Realization", "e2", "e1", "", "", {}},
                       {"r2", "Serving", "e3", "e2", "", "", {}},
                       {"r3", "Serving", "e4", "e1", "", "", {}},       // an actor: not modelled
                       {"r4", "Composition", "e1", "e3", "", "", {}}};  // no SPBE counterpart
  auto f = parse_import(interchange::write_oef(oef), "text/xml", "");
  ASSERT_EQ(f.elements.size(), 3u);
  EXPECT_EQ(f.elements[0].text("domain"), "layanan");
  EXPECT_EQ(f.elements[0].text("code"), "e1") << "without a code property, the file's id is the code";
  EXPECT_EQ(f.elements[2].text("domain"), "aplikasi");
  EXPECT_EQ(f.skipped, 3) << "the actor, its relationship and the composition";
  ASSERT_EQ(f.relations.size(), 2u);
  EXPECT_EQ(f.relations[0].text("source_code"), "e1");
  EXPECT_EQ(f.relations[0].text("type"), "realised_by");
  EXPECT_EQ(f.relations[0].text("target_code"), "e2");
  EXPECT_EQ(f.relations[1].text("source_code"), "e2");
  EXPECT_EQ(f.relations[1].text("type"), "supported_by");
  EXPECT_EQ(f.relations[1].text("target_code"), "e3");
}
