// Files into the portable model: spreadsheet columns are found by name, problems point at the
// user's own row, and ArchiMate relationships are turned into SPBE's direction.
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

TEST(ArchitectureImportParse, CsvColumnsAreFoundByNameInAnyOrderAndCase) {
  std::string csv =
      " Name ;CODE;owner_agency_code;Domain;attr.service_type;level;parent_code\n"
      "Layanan KTP;L-1;DISDUKCAPIL;layanan;publik;;\n"
      ";;;;;;\n"
      "Sub layanan;L-1-1;DISDUKCAPIL;layanan;;4;L-1\n";
  auto f = parse_import(csv, "text/csv", "elements");
  ASSERT_TRUE(f.problems.empty()) << f.problems[0].message;
  ASSERT_EQ(f.model.elements.size(), 2u) << "the blank row is skipped";
  const auto& e = f.model.elements[0];
  EXPECT_EQ(e.code, "L-1");
  EXPECT_EQ(e.name, "Layanan KTP");
  EXPECT_EQ(e.owner_agency_code, "DISDUKCAPIL");
  EXPECT_EQ(e.level, 3) << "an empty level is level 3";
  EXPECT_EQ(e.state, "as_is") << "an empty state is as_is";
  EXPECT_EQ(e.attributes, (boost::json::object{{"service_type", "publik"}})) << "attr.* columns, empty cells omitted";
  EXPECT_EQ(f.model.elements[1].level, 4);
  EXPECT_EQ(f.model.elements[1].parent_code, "L-1");
  ASSERT_EQ(f.element_rows.size(), 2u);
  EXPECT_EQ(f.element_rows[0].row, 2);
  EXPECT_EQ(f.element_rows[1].row, 4) << "rows are counted as the spreadsheet shows them";
}

TEST(ArchitectureImportParse, MissingColumnsAndBadLevelsArePointedAt) {
  auto missing = parse_import("code,name,domain\nL-1,x,layanan\n", "text/csv", "elements");
  ASSERT_EQ(missing.problems.size(), 1u);
  EXPECT_EQ(missing.problems[0].row, 1);
  EXPECT_EQ(missing.problems[0].column, "owner_agency_code");
  EXPECT_TRUE(missing.model.elements.empty()) << "no row is read from a sheet without its columns";

  auto levels = parse_import("code,name,domain,owner_agency_code,level\nL-1,x,layanan,D,5\nL-2,y,layanan,D,4\n",
                             "text/csv", "elements");
  ASSERT_EQ(levels.problems.size(), 1u);
  EXPECT_EQ(levels.problems[0].row, 2);
  EXPECT_EQ(levels.problems[0].column, "level");
  ASSERT_EQ(levels.model.elements.size(), 1u);
  EXPECT_EQ(levels.model.elements[0].code, "L-2");

  auto relations = parse_import("source_code,type\nL-1,supported_by\n", "text/csv", "relations");
  ASSERT_EQ(relations.problems.size(), 1u);
  EXPECT_EQ(relations.problems[0].column, "target_code");
}

TEST(ArchitectureImportParse, WorkbookSheetsAreFoundByNameAndALoneSheetIsElements) {
  std::vector<interchange::Sheet> sheets{
      {"RELASI", {{"source_code", "type", "target_code", "description"}, {"L-1", "supported_by", "A-1", "utama"}}},
      {" Elemen ",
       {{"code", "name", "domain", "owner_agency_code"},
        {"L-1", "Layanan", "layanan", "D"},
        {"A-1", "App", "aplikasi", "D"}}}};
  auto f = parse_import(interchange::write_xlsx(sheets), kXlsx, "");
  ASSERT_TRUE(f.problems.empty());
  EXPECT_EQ(f.model.elements.size(), 2u);
  ASSERT_EQ(f.model.relations.size(), 1u);
  EXPECT_EQ(f.model.relations[0], (PortableRelation{"L-1", "supported_by", "A-1", "utama"}));
  EXPECT_EQ(f.relation_rows[0].sheet, "Relasi");

  auto lone = parse_import(
      interchange::write_xlsx(
          {{"Inventaris 2025", {{"code", "name", "domain", "owner_agency_code"}, {"A-9", "App", "aplikasi", "D"}}}}),
      kXlsx, "");
  ASSERT_EQ(lone.model.elements.size(), 1u);
  EXPECT_EQ(lone.model.elements[0].code, "A-9");

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

TEST(ArchitectureImportParse, ArchiMateExportReadsBackAsTheSameModel) {
  PortableModel m{{element_at_level("L-1", "layanan"), element_at_level("L-1-1", "layanan", 4, "L-1"),
                   element_at_level("PB-1", "proses_bisnis"), element_at_level("A-1", "aplikasi")},
                  {{"L-1", "realised_by", "PB-1", "direalisasikan"}, {"PB-1", "supported_by", "A-1", ""}}};
  m.elements[0].reference_code = "RAL.01";
  m.elements[0].attributes["service_type"] = "publik";
  m.elements[3].state = "to_be";
  auto f = parse_import(export_oef(m, "Arsitektur SPBE Kota Contoh"), "application/xml", "");
  ASSERT_TRUE(f.problems.empty());
  EXPECT_EQ(f.skipped, 0);
  EXPECT_EQ(f.model.elements, m.elements);
  EXPECT_EQ(f.model.relations, m.relations);
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
  ASSERT_EQ(f.model.elements.size(), 3u);
  EXPECT_EQ(f.model.elements[0].domain, "layanan");
  EXPECT_EQ(f.model.elements[0].code, "e1") << "without a code property, the file's id is the code";
  EXPECT_EQ(f.model.elements[2].domain, "aplikasi");
  EXPECT_EQ(f.skipped, 3) << "the actor, its relationship and the composition";
  ASSERT_EQ(f.model.relations.size(), 2u);
  EXPECT_EQ(f.model.relations[0], (PortableRelation{"e1", "realised_by", "e2", ""}));
  EXPECT_EQ(f.model.relations[1], (PortableRelation{"e2", "supported_by", "e3", ""}));
}
