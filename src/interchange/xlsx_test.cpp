#include <gtest/gtest.h>

#include <stdexcept>

#include "interchange/file_error.hpp"
#include "interchange/test_zip.hpp"
#include "interchange/xlsx.hpp"

using namespace simpul::interchange;
namespace tz = simpul::interchange::test_zip;

namespace {

FileError xlsx_error(std::string_view bytes, const Limits& limits = {}) {
  try {
    read_xlsx(bytes, limits);
  } catch (const FileError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a FileError";
  return FileError(FileErrorKind::Malformed, "none");
}

std::vector<Sheet> sample_sheets() {
  return {
      Sheet{"Elemen",
            {
                {"code", "name", "domain", "level", "description"},
                {"LB.01", "Dinas Pekerjaan Umum & Penataan Ruang", "layanan", "1", "Désa Sukamaju — kantor 🚀"},
                {"LB.02", "", "layanan", "2", "tengah kosong"},
                {},
                {"007", "1.10", "3.14", "-42", "  spasi di tepi  "},
                {"1E3", "<b>&amp;</b> \"kutip\" 'tunggal'", "baris\nbaru\ttab", "_x0041_ literal", "kontrol\x01"},
            }},
      Sheet{"Relasi", {{"source_code", "type", "target_code"}, {"LB.01", "Serving", "LB.02"}}},
  };
}

}  // namespace

TEST(Xlsx, RoundTripKeepsSheetsTextNumbersAndGaps) {
  auto sheets = sample_sheets();
  auto back = read_xlsx(write_xlsx(sheets));
  EXPECT_EQ(back, sheets);
}

TEST(Xlsx, WrittenWorkbookHasBoldFrozenHeaderWidthsAndRealNumbers) {
  std::string bytes = write_xlsx(sample_sheets());
  std::string styles = tz::read_entry(bytes, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
  std::string sheet = tz::read_entry(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos) << "header row frozen";
  EXPECT_NE(sheet.find("<col "), std::string::npos) << "column widths set";
  // "007" and "1.10" must stay text (t="s"), or Excel would show 7 and 1.1; -42 is a number.
  auto cell = [&](const std::string& ref) {
    auto at = sheet.find("<c r=\"" + ref + "\"");
    return at == std::string::npos ? std::string() : sheet.substr(at, sheet.find("</c>", at) - at);
  };
  EXPECT_NE(cell("A5").find("t=\"s\""), std::string::npos) << cell("A5");
  EXPECT_NE(cell("B5").find("t=\"s\""), std::string::npos) << cell("B5");
  EXPECT_EQ(cell("D5").find("t=\"s\""), std::string::npos) << cell("D5");
  EXPECT_NE(cell("D5").find("<v>-42</v>"), std::string::npos) << cell("D5");
}

TEST(Xlsx, LargeWorkbookRoundTrip) {
  Sheet sheet{"Data", {}};
  for (int r = 0; r < 5000; ++r) {
    Row row;
    for (int c = 0; c < 10; ++c)
      row.push_back(c % 3 == 0 ? std::to_string(r * 10 + c) : "sel " + std::to_string(r) + "-" + std::to_string(c));
    sheet.rows.push_back(std::move(row));
  }
  auto back = read_xlsx(write_xlsx({sheet}));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0], sheet);
}

TEST(Xlsx, ReadsWorkbooksFromOtherWriters) {
  const std::string ns = R"(xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
  tz::Entries e;
  e.emplace_back(
      "_rels/.rels",
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/book.xml"/></Relationships>)");
  // Sheet order comes from the workbook, part names from its relationships, not from "sheet1.xml".
  e.emplace_back(
      "xl/book.xml",
      R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
      R"(<sheet name="Elemen" sheetId="7" r:id="rB"/><sheet name="Grafik" sheetId="8" r:id="rC"/><sheet name="Relasi" sheetId="3" r:id="rA"/></sheets></workbook>)");
  e.emplace_back(
      "xl/_rels/book.xml.rels",
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="data/b.xml"/>)"
      R"(<Relationship Id="rB" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/data/a.xml"/>)"
      R"(<Relationship Id="rC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="charts/c.xml"/>)"
      R"(<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="../xl/strings.xml"/>)"
      R"(<Relationship Id="rX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/>)"
      "</Relationships>");
  e.emplace_back(
      "xl/strings.xml",
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">)"
      R"(<si><t>kode</t></si>)"
      R"(<si><r><rPr><b/></rPr><t>Dinas </t></r><r><t xml:space="preserve">Kesehatan </t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>)"
      R"(<si><t>baris_x000D_
dua</t></si></sst>)");
  e.emplace_back(
      "xl/data/a.xml",
      "<x:worksheet " + ns +
          "><x:sheetData>"
          R"(<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="1"/><x:c r="C1" t="inlineStr"><x:is><x:t>nama</x:t></x:is></x:c></x:row>)"
          R"(<x:row r="3"><x:c r="A3"><x:v>5.0</x:v></x:c><x:c><x:v>2.50</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="E3"><x:v>1E3</x:v></x:c></x:row>)"
          R"(<x:row r="4"><x:c r="B4" t="b"><x:v>1</x:v></x:c><x:c r="C4" t="e"><x:v>#N/A</x:v></x:c><x:c r="D4" t="str"><x:f>A1&amp;"x"</x:f><x:v>kodex</x:v></x:c><x:c r="E4" t="s"><x:v>2</x:v></x:c><x:c r="F4" s="2"/><x:c r="G4" t="inlineStr"><x:is><x:t></x:t></x:is></x:c></x:row>)"
          R"(<x:row r="5" spans="1:3"><x:c r="A5" s="3"/></x:row>)"
          "</x:sheetData></x:worksheet>");
  e.emplace_back("xl/data/b.xml",
                 tz::sheet_xml(R"(<row><c t="inlineStr"><is><r><t>sumber</t></r><r><t>_kode</t></r></is></c></row>)"));
  auto sheets = read_xlsx(tz::make_zip(e));

  ASSERT_EQ(sheets.size(), 2u) << "the chart sheet is skipped";
  EXPECT_EQ(sheets[0].name, "Elemen");
  EXPECT_EQ(sheets[1].name, "Relasi");
  ASSERT_EQ(sheets[0].rows.size(), 4u) << "row 5 holds only a styled empty cell";
  EXPECT_EQ(sheets[0].rows[0], (Row{"kode", "", "nama"}));
  EXPECT_TRUE(sheets[0].rows[1].empty());
  EXPECT_EQ(sheets[0].rows[2], (Row{"5", "2.50", "Dinas Kesehatan ", "", "1000"}));
  EXPECT_EQ(sheets[0].rows[3], (Row{"", "TRUE", "#N/A", "kodex", "baris\r\ndua"}));
  EXPECT_EQ(sheets[1].rows, (std::vector<Row>{{"sumber_kode"}}));
}

TEST(Xlsx, NotAZipIsNotXlsx) {
  EXPECT_EQ(xlsx_error("kode,nama\nA,B\n").kind(), FileErrorKind::NotXlsx);
  EXPECT_EQ(xlsx_error("").kind(), FileErrorKind::NotXlsx);
  EXPECT_EQ(to_string(xlsx_error("x").kind()), "not_xlsx");
}

TEST(Xlsx, ZipWithoutWorkbookIsNotXlsx) {
  std::string ods =
      tz::make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}});
  EXPECT_EQ(xlsx_error(ods).kind(), FileErrorKind::NotXlsx);
}

TEST(Xlsx, TruncatedWorkbookIsRejected) {
  std::string bytes = write_xlsx(sample_sheets());
  for (std::size_t cut : {bytes.size() / 2, bytes.size() - 10, std::size_t{30}}) {
    EXPECT_EQ(xlsx_error(std::string_view(bytes).substr(0, cut)).kind(), FileErrorKind::NotXlsx) << cut;
  }
}

TEST(Xlsx, TruncatedSheetXmlIsMalformedWithItsPart) {
  std::string full = tz::sheet_xml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>)");
  auto e = xlsx_error(tz::make_zip(tz::minimal_workbook({full.substr(0, full.size() - 20)})));
  EXPECT_EQ(e.kind(), FileErrorKind::Malformed);
  EXPECT_NE(e.where().find("xl/worksheets/sheet1.xml"), std::string::npos) << e.what();
}

TEST(Xlsx, DoctypeIsRefusedBeforeAnyEntityExpands) {
  std::string laughs =
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">)"
      R"(<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>)"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>)";
  auto e = xlsx_error(tz::make_zip(tz::minimal_workbook({laughs})));
  EXPECT_EQ(e.kind(), FileErrorKind::Malformed);
  EXPECT_NE(std::string(e.what()).find("DOCTYPE"), std::string::npos) << e.what();

  std::string external =
      R"(<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>)";
  EXPECT_EQ(xlsx_error(tz::make_zip(tz::minimal_workbook({external}))).kind(), FileErrorKind::Malformed);
}

TEST(Xlsx, HonestlyLargeEntryIsRefusedByItsDeclaredSize) {
  std::string big = tz::sheet_xml(std::string(2 * 1024 * 1024, ' '));
  Limits limits;
  limits.max_uncompressed_bytes = 1024 * 1024;
  EXPECT_EQ(xlsx_error(tz::make_zip(tz::minimal_workbook({big})), limits).kind(), FileErrorKind::TooLarge);
}

TEST(Xlsx, ZipBombWithDefaultLimitIsTooLarge) {
  std::string bomb = tz::make_zip(tz::minimal_workbook({tz::sheet_xml(std::string(60 * 1024 * 1024, ' '))}));
  EXPECT_LT(bomb.size(), 1024u * 1024u) << "compresses to a small upload";
  EXPECT_EQ(xlsx_error(bomb).kind(), FileErrorKind::TooLarge);
}

TEST(Xlsx, EntryThatLiesAboutItsSizeIsStoppedWhileInflating) {
  std::string bomb = tz::make_zip(tz::minimal_workbook({tz::sheet_xml(std::string(8 * 1024 * 1024, ' '))}));
  tz::patch_declared_size(bomb, "xl/worksheets/sheet1.xml", 200);
  Limits limits;
  limits.max_uncompressed_bytes = 1024 * 1024;
  auto e = xlsx_error(bomb, limits);
  // Caught after the first 64 KB, long before the budget: the archive is forged.
  EXPECT_EQ(e.kind(), FileErrorKind::Malformed) << e.what();
  EXPECT_NE(e.message().find("declared size"), std::string::npos) << e.what();
  EXPECT_NE(e.where().find("sheet1.xml"), std::string::npos) << e.what();
}

TEST(Xlsx, SharedStringReusedEverywhereHitsTheTextBudget) {
  std::string sst = R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>)" +
                    std::string(1000, 'x') + "</t></si></sst>";
  std::string data;
  for (int r = 1; r <= 200; ++r) {
    data += "<row r=\"" + std::to_string(r) + "\">";
    for (int c = 0; c < 10; ++c) data += R"(<c t="s"><v>0</v></c>)";
    data += "</row>";
  }
  Limits limits;
  limits.max_text_bytes = 100'000;
  auto e = xlsx_error(tz::make_zip(tz::minimal_workbook({tz::sheet_xml(data)}, sst)), limits);
  EXPECT_EQ(e.kind(), FileErrorKind::TooLarge);
  EXPECT_EQ(read_xlsx(tz::make_zip(tz::minimal_workbook({tz::sheet_xml(data)}, sst))).at(0).rows.size(), 200u);
}

TEST(Xlsx, SparseReferencesAreBoundedByRowAndColumnLimits) {
  auto one_cell = [](const std::string& ref, const std::string& row) {
    return tz::make_zip(tz::minimal_workbook(
        {tz::sheet_xml("<row r=\"" + row + "\"><c r=\"" + ref + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>")}));
  };
  auto ok = read_xlsx(one_cell("GR1", "1"));  // column 200
  ASSERT_EQ(ok.at(0).rows.at(0).size(), 200u);
  EXPECT_EQ(ok[0].rows[0][199], "x");
  auto wide = xlsx_error(one_cell("GS1", "1"));
  EXPECT_EQ(wide.kind(), FileErrorKind::TooLarge);
  EXPECT_EQ(wide.where(), "sheet 'Sheet1' cell GS1");
  EXPECT_EQ(xlsx_error(one_cell("A300000", "300000")).kind(), FileErrorKind::TooLarge);
  Limits limits;
  limits.max_cells = 100;
  EXPECT_EQ(xlsx_error(one_cell("CW1", "1"), limits).kind(), FileErrorKind::TooLarge);  // 101 cells of padding
}

TEST(Xlsx, BrokenCellsAreMalformed) {
  auto sheet = [](const std::string& data, const std::string& sst = "") {
    return tz::make_zip(tz::minimal_workbook({tz::sheet_xml(data)}, sst));
  };
  EXPECT_EQ(xlsx_error(sheet(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")).kind(), FileErrorKind::Malformed);
  EXPECT_EQ(xlsx_error(sheet(R"(<row r="x"/>)")).kind(), FileErrorKind::Malformed);
  auto missing = xlsx_error(
      sheet(R"(<row r="2"><c r="B2" t="s"><v>3</v></c></row>)",
            R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>)"));
  EXPECT_EQ(missing.kind(), FileErrorKind::Malformed);
  EXPECT_EQ(missing.where(), "sheet 'Sheet1' cell B2");
}

TEST(Xlsx, CellTextLimitIsCountedInCharacters) {
  Limits limits;
  limits.max_cell_chars = 3;
  auto cell = [](const std::string& text) {
    return tz::make_zip(tz::minimal_workbook(
        {tz::sheet_xml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)" + text + "</t></is></c></row>")}));
  };
  EXPECT_EQ(read_xlsx(cell("\xC3\xA9\xC3\xA9\xC3\xA9"), limits)[0].rows[0][0], "\xC3\xA9\xC3\xA9\xC3\xA9");
  EXPECT_EQ(xlsx_error(cell("abcd"), limits).kind(), FileErrorKind::TooLarge);
}

TEST(Xlsx, WriterRejectsWhatExcelCannotHold) {
  EXPECT_THROW(write_xlsx({Sheet{"a/b", {}}}), std::invalid_argument);
  EXPECT_THROW(write_xlsx({Sheet{"", {}}}), std::invalid_argument);
  EXPECT_THROW(write_xlsx({Sheet{std::string(32, 'x'), {}}}), std::invalid_argument);
  EXPECT_THROW(write_xlsx({Sheet{"Elemen", {}}, Sheet{"ELEMEN", {}}}), std::invalid_argument);
  try {
    write_xlsx({Sheet{"Elemen", {{"h"}, {"ok", std::string(32768, 'x')}}}});
    ADD_FAILURE() << "expected a FileError";
  } catch (const FileError& e) {
    EXPECT_EQ(e.kind(), FileErrorKind::TooLarge);
    EXPECT_EQ(e.where(), "sheet 'Elemen' cell B2");
  }
}

TEST(Xlsx, InvalidUtf8IsWrittenAsReplacementCharacter) {
  auto back = read_xlsx(write_xlsx({Sheet{"S", {{"ok", "bad\xFFtext"}}}}));
  EXPECT_EQ(back.at(0).rows.at(0), (Row{"ok", "bad\xEF\xBF\xBDtext"}));
}
