// read_xlsx_merges(): the merged ranges of a workbook, read back so that every cell a range covers
// takes the value of its top-left cell (an RKA export merges the sub-activity over its lines).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "interchange/file_error.hpp"
#include "interchange/test_zip.hpp"
#include "interchange/xlsx.hpp"
#include "interchange/xlsx_merges.hpp"

using namespace simpul::interchange;
namespace tz = simpul::interchange::test_zip;

namespace {

/// A sheet of an RKA-like export as a spreadsheet tool writes it: the sub-activity (column A)
/// merged over three lines, the account code (column B) over two, and a title merged across.
std::string rka_like_sheet() {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
         R"(<row r="1"><c r="A1" t="inlineStr"><is><t>RKA Dinas Kesehatan 2027</t></is></c></row>)"
         R"(<row r="2"><c r="A2" t="inlineStr"><is><t>sub_kegiatan</t></is></c><c r="B2" t="inlineStr"><is><t>kode_rekening</t></is></c><c r="C2" t="inlineStr"><is><t>uraian</t></is></c></row>)"
         R"(<row r="3"><c r="A3" t="inlineStr"><is><t>Pengelolaan SIK</t></is></c><c r="B3" t="inlineStr"><is><t>5.1.02.01.01.0024</t></is></c><c r="C3" t="inlineStr"><is><t>Laptop</t></is></c></row>)"
         R"(<row r="4"><c r="A4"/><c r="B4"/><c r="C4" t="inlineStr"><is><t>Printer</t></is></c></row>)"
         R"(<row r="5"><c r="A5"/><c r="B5" t="inlineStr"><is><t>5.1.02.02.01.0026</t></is></c><c r="C5" t="inlineStr"><is><t>Langganan internet</t></is></c></row>)"
         R"(</sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A5"/><mergeCell ref="B3:B4"/></mergeCells></worksheet>)";
}

/// The sheet's cells with every covered cell given its range's top-left value.
std::vector<Row> filled(std::vector<Row> rows, const std::vector<MergeRange>& ranges) {
  for (const auto& m : ranges) {
    const std::string value = rows.at(m.first_row - 1).at(m.first_column);
    for (auto r = m.first_row; r <= m.last_row; ++r) {
      auto& row = rows.at(r - 1);
      if (row.size() <= m.last_column) row.resize(m.last_column + 1);
      for (auto c = m.first_column; c <= m.last_column; ++c) row[c] = value;
    }
  }
  return rows;
}

}  // namespace

TEST(XlsxMerges, EveryMergedCellTakesItsTopLeftValue) {
  auto bytes = tz::make_zip(tz::minimal_workbook(
      {rka_like_sheet(), tz::sheet_xml("<row><c t=\"inlineStr\"><is><t>catatan</t></is></c></row>")}));
  auto sheets = read_xlsx(bytes);
  auto merges = read_xlsx_merges(bytes);
  ASSERT_EQ(sheets.size(), 2u);
  ASSERT_EQ(merges.size(), 2u);
  EXPECT_EQ(merges[0].name, sheets[0].name);
  EXPECT_EQ(merges[1].name, sheets[1].name);
  EXPECT_TRUE(merges[1].ranges.empty());
  ASSERT_EQ(merges[0].ranges.size(), 3u);

  // As written, a covered cell is empty: only the top-left cell holds the value.
  EXPECT_EQ(sheets[0].rows[3], (Row{"", "", "Printer"}));
  auto rows = filled(sheets[0].rows, merges[0].ranges);
  const std::vector<Row> expected = {
      {"RKA Dinas Kesehatan 2027", "RKA Dinas Kesehatan 2027", "RKA Dinas Kesehatan 2027"},
      {"sub_kegiatan", "kode_rekening", "uraian"},
      {"Pengelolaan SIK", "5.1.02.01.01.0024", "Laptop"},
      {"Pengelolaan SIK", "5.1.02.01.01.0024", "Printer"},
      {"Pengelolaan SIK", "5.1.02.02.01.0026", "Langganan internet"},
  };
  EXPECT_EQ(rows, expected);
}

TEST(XlsxMerges, RangesAreReadAsWrittenWithOneBasedRowsAndZeroBasedColumns) {
  auto merges = read_xlsx_merges(tz::make_zip(tz::minimal_workbook({rka_like_sheet()})));
  ASSERT_EQ(merges.size(), 1u);
  ASSERT_EQ(merges[0].ranges.size(), 3u);
  const auto& sub = merges[0].ranges[1];  // A3:A5
  EXPECT_EQ(sub.first_row, 3u);
  EXPECT_EQ(sub.last_row, 5u);
  EXPECT_EQ(sub.first_column, 0u);
  EXPECT_EQ(sub.last_column, 0u);
  const auto& title = merges[0].ranges[0];  // A1:C1
  EXPECT_EQ(title.first_column, 0u);
  EXPECT_EQ(title.last_column, 2u);
}

TEST(XlsxMerges, AWorkbookOfTheProjectsWriterHasNone) {
  auto bytes = write_xlsx({Sheet{"Rincian", {{"kode", "nama"}, {"1", "Laptop"}}}, Sheet{"Catatan", {{"x"}}}});
  auto merges = read_xlsx_merges(bytes);
  ASSERT_EQ(merges.size(), 2u);
  EXPECT_EQ(merges[0].name, "Rincian");
  EXPECT_EQ(merges[1].name, "Catatan");
  EXPECT_TRUE(merges[0].ranges.empty());
  EXPECT_TRUE(merges[1].ranges.empty());
}

TEST(XlsxMerges, ABrokenRangeIsMalformedAndTooManyAreTooLarge) {
  auto sheet = [](const std::string& merges) {
    return tz::make_zip(tz::minimal_workbook(
        {R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><mergeCells>)" +
         merges + "</mergeCells></worksheet>"}));
  };
  for (const auto* bad : {"<mergeCell ref=\"B3:A1\"/>", "<mergeCell ref=\"A:B\"/>", "<mergeCell ref=\"\"/>"}) {
    try {
      read_xlsx_merges(sheet(bad));
      ADD_FAILURE() << "accepted " << bad;
    } catch (const FileError& e) {
      EXPECT_EQ(e.kind(), FileErrorKind::Malformed) << bad;
    }
  }
  Limits small;
  small.max_cells = 1;
  try {
    read_xlsx_merges(sheet(R"(<mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/>)"), small);
    ADD_FAILURE() << "two ranges under a limit of one";
  } catch (const FileError& e) {
    EXPECT_EQ(e.kind(), FileErrorKind::TooLarge);
  }
}
