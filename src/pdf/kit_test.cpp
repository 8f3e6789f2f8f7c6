// The PDF kit: text is cleaned and wrapped without ever cutting a character, pages break where
// the margins say, tables repeat their header on every page, and what is drawn reads back as
// written (poppler's pdftotext, installed by scripts/bootstrap test; its absence fails the test).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "pdf/kit.hpp"
#include "pdf/table.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::pdf;

namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

bool valid_utf8_start(const std::string& s) { return s.empty() || (static_cast<unsigned char>(s[0]) & 0xC0) != 0x80; }

std::string pdftotext(const std::string& bytes) {
  test_support::TempDir dir;
  auto pdf = dir.path() / "kit.pdf", txt = dir.path() / "kit.txt";
  std::ofstream(pdf, std::ios::binary) << bytes;
  // libharu's ToUnicode maps draw syntax warnings from poppler on stderr; only the text matters.
  int status = std::system(("pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "' 2>/dev/null").c_str());
  EXPECT_EQ(status, 0) << "pdftotext could not read the document";
  std::ifstream in(txt, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(PdfText, CleanKeepsValidUtf8AndReplacesWhatLibharuCannotDraw) {
  EXPECT_EQ(clean("Caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D \xE2\x80\x94"),
            "Caf\xC3\xA9 \xE2\x80\x9Cx\xE2\x80\x9D \xE2\x80\x94");
  EXPECT_EQ(clean("a\x01"
                  "b\tc\nd"),
            "a b c d");
  EXPECT_EQ(clean("a\nb", true), "a\nb");
  EXPECT_EQ(clean("\xF0\x9F\x98\x80"), kReplacement);    // outside the BMP
  EXPECT_EQ(clean("x\x80y"), "x" + kReplacement + "y");  // lone continuation byte
  EXPECT_EQ(clean("\xC3"), kReplacement);                // truncated sequence
  EXPECT_EQ(clean("\xE0\x80\xAF"), kReplacement);        // overlong
  EXPECT_EQ(clean("\xED\xA0\x80"), kReplacement);        // surrogate
}

TEST(PdfText, WrapNeverCutsACharacterAndEveryLineFits) {
  Document doc;
  const float width = 120, size = 10;
  std::string word(300, 'W');
  std::string text =
      "Pelayanan \xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 "
      "\xE2\x80\x9CKota\xE2\x80\x9D \xE2\x80\x94 " +
      word + " akhir";
  auto lines = wrap(doc.regular, size, text, width);
  ASSERT_GT(lines.size(), 3u);
  std::string joined;
  for (const auto& line : lines) {
    EXPECT_LE(text_width(doc.regular, size, line), width + 0.01f) << line;
    EXPECT_TRUE(valid_utf8_start(line)) << line;
    EXPECT_EQ(clean(line), line) << "no character was split: " << line;
    joined += line;
  }
  std::string expected;
  for (char c : text)
    if (c != ' ') expected += c;
  std::string got;
  for (char c : joined)
    if (c != ' ') got += c;
  EXPECT_EQ(got, expected) << "wrapping drops nothing but the spaces it breaks at";
  EXPECT_TRUE(wrap(doc.regular, size, "", width).empty());
  EXPECT_EQ(wrap(doc.regular, size, "satu\ndua", 500), (std::vector<std::string>{"satu", "dua"}));
}

TEST(PdfText, WrapAtMostEndsInAnEllipsis) {
  Document doc;
  auto lines = wrap_at_most(doc.regular, 9,
                            std::string(40, 'a') + " " + std::string(40, 'b') + " " + std::string(40, 'c'), 100, 2);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines.back().substr(lines.back().size() - 3), "\xE2\x80\xA6");
  EXPECT_LE(text_width(doc.regular, 9, lines.back()), 100.01f);
  EXPECT_EQ(ellipsized(doc.regular, 9, "pendek", 100), "pendek");
}

TEST(PdfDocument, ParagraphsBreakPagesWithinTheMarginsAndPagesAreNumbered) {
  ASSERT_EQ(std::system("command -v pdftotext >/dev/null 2>&1"), 0)
      << "pdftotext is missing: scripts/bootstrap test installs poppler-utils";
  Document doc(Margins{72, 72, 60, 90});
  EXPECT_FLOAT_EQ(doc.left(), 72);
  EXPECT_FLOAT_EQ(doc.width(), kPageWidth - 144);
  new_page(doc);
  heading(doc, "Bab \xC3\x89tude \xE2\x80\x94 \xE2\x80\x9CSatu\xE2\x80\x9D");
  for (int i = 0; i < 120; ++i) {
    paragraph(doc, doc.regular, 10, "Baris " + std::to_string(i) + " Gr\xC3\xBC\xC3\x9F", kInk);
    EXPECT_GE(doc.y, doc.bottom()) << "the cursor never runs below the bottom margin";
  }
  ASSERT_GE(doc.pages.size(), 2u);
  page_numbers(doc, "Dokumen Uji");
  std::string text = pdftotext(save(doc, "testing"));
  EXPECT_NE(text.find("Bab \xC3\x89tude \xE2\x80\x94 \xE2\x80\x9CSatu\xE2\x80\x9D"), std::string::npos) << text;
  EXPECT_NE(text.find("Baris 119 Gr\xC3\xBC\xC3\x9F"), std::string::npos) << text;
  std::string total = std::to_string(doc.pages.size());
  EXPECT_NE(text.find("Halaman 1 dari " + total), std::string::npos) << text;
  EXPECT_NE(text.find("Halaman " + total + " dari " + total), std::string::npos) << text;
}

TEST(PdfDocument, PagesAreNumberedInEnglishWhenAsked) {
  ASSERT_EQ(std::system("command -v pdftotext >/dev/null 2>&1"), 0)
      << "pdftotext is missing: scripts/bootstrap test installs poppler-utils";
  Document doc;
  new_page(doc);
  new_page(doc);
  page_numbers(doc, "Test document", true);
  std::string text = pdftotext(save(doc, "testing"));
  EXPECT_NE(text.find("Page 1 of 2"), std::string::npos) << text;
  EXPECT_NE(text.find("Page 2 of 2"), std::string::npos) << text;
  EXPECT_EQ(text.find("Halaman"), std::string::npos) << text;
}

TEST(PdfTable, TheHeaderOpensTheTableAndEveryPageItReaches) {
  ASSERT_EQ(std::system("command -v pdftotext >/dev/null 2>&1"), 0)
      << "pdftotext is missing: scripts/bootstrap test installs poppler-utils";
  Document doc;
  new_page(doc);
  std::vector<Column> columns{{"No", 30, Column::Center}, {"Kolomjudul", kWidth - 30}};
  table(doc, [&] {
    for (int i = 1; i <= 150; ++i) table_row(doc, columns, {std::to_string(i), "Isi baris " + std::to_string(i)});
  });
  ASSERT_GE(doc.pages.size(), 2u);
  EXPECT_FALSE(doc.in_table || doc.header_due) << "after the table, a new page owes no header";
  std::string text = pdftotext(save(doc, "testing"));
  EXPECT_EQ(count(text, "Kolomjudul"), doc.pages.size()) << text;
  EXPECT_NE(text.find("Isi baris 150"), std::string::npos) << text;
}
