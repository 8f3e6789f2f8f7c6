// The signed reprimand letter, read back the way its recipient reads it: rendered, converted to
// text with poppler's pdftotext, and searched for the exact words. pdftotext is required, not
// optional: scripts/bootstrap test installs poppler-utils, and a letter that cannot be read back
// must fail the suite rather than skip.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "regulation/letter.hpp"
#include "tenancy/profile_loader.hpp"
#include "testing/test_database.hpp"

using namespace simpul;
using namespace simpul::regulation;

namespace {

const tenancy::ProfileRegistry& profiles() {
  static const auto registry = tenancy::ProfileRegistry::load_directory(std::string(SIMPUL_SOURCE_DIR) + "/profiles");
  return registry;
}

bool have_pdftotext() { return std::system("command -v pdftotext >/dev/null 2>&1") == 0; }

/// The letter's text as pdftotext extracts it, every run of white space made one space (a line
/// break inside a name is a space in the letter's own text).
std::string read_back(const std::string& pdf_bytes) {
  test_support::TempDir dir;
  auto pdf = dir.path() / "surat.pdf", txt = dir.path() / "surat.txt";
  std::ofstream(pdf, std::ios::binary) << pdf_bytes;
  // libharu's ToUnicode maps draw syntax warnings from poppler on stderr; only the text matters.
  int status = std::system(("pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "' 2>/dev/null").c_str());
  EXPECT_EQ(status, 0) << "pdftotext could not read the letter";
  std::ifstream in(txt, std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string out;
  for (char c : raw) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
    if (!space)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  return out;
}

struct Case {
  Finding finding;
  Sanction oral, letter;
};

Case balikpapan_case(const std::string& agency_name, const std::string& object_label) {
  Case c;
  c.finding.id = "f0000000000000000001";
  c.finding.rule_id = "BPN-13-1";
  c.finding.agency_name = agency_name;
  c.finding.object_label = object_label;
  c.finding.first_seen_at = "2024-01-15T02:00:00Z";
  c.oral = {.id = "s0000000000000000001", .finding_id = c.finding.id, .step = "peringatan_lisan", .date = "2024-02-01"};
  c.letter = {.id = "abcdef0123456789abcd", .finding_id = c.finding.id, .step = "surat_teguran", .date = "2025-03-01"};
  return c;
}

}  // namespace

TEST(ReprimandLetter, PrintsIndonesianAndAnyUtf8TextExactlyAsWritten) {
  ASSERT_TRUE(have_pdftotext()) << "pdftotext is missing: scripts/bootstrap test installs poppler-utils";
  const std::string agency =
      "Dinas Komunikasi dan Informatika \xE2\x80\x94 \xE2\x80\x9CSmart City\xE2\x80\x9D Balikpapan";
  const std::string object =
      "Aplikasi Pelayanan Caf\xC3\xA9 \xC3\x9C"
      "ber Ta\xC5\x9F Gr\xC3\xBC\xC3\x9F Gott";
  auto c = balikpapan_case(agency, object);
  const auto& profile = profiles().get("balikpapan");
  std::string pdf = reprimand_letter({profile, c.finding, c.letter, {c.oral}});
  ASSERT_EQ(pdf.substr(0, 5), "%PDF-");

  std::string text = read_back(pdf);
  EXPECT_NE(text.find("Kepada Yth. Kepala " + agency), std::string::npos) << text;
  EXPECT_NE(text.find("Objek: " + object), std::string::npos) << text;
  EXPECT_EQ(text.find('?'), std::string::npos) << "no character was replaced: " << text;
  EXPECT_NE(text.find("SURAT TEGURAN"), std::string::npos) << text;
  EXPECT_NE(text.find("Nomor: ST/2025/abcdef01"), std::string::npos) << text;
  EXPECT_NE(text.find("pada tanggal 2024-02-01."), std::string::npos) << text;
  EXPECT_NE(text.find("Temuan tercatat sejak: 2024-01-15"), std::string::npos) << text;
  EXPECT_NE(text.find("Peraturan Wali Kota Nomor 31 Tahun 2020 tentang"), std::string::npos) << text;
  EXPECT_NE(text.find("(sanksi abcdef0123456789abcd)"), std::string::npos) << "the authenticity note: " << text;
}

TEST(ReprimandLetter, UsesTheOfficialTitlesOfTheProfile) {
  ASSERT_TRUE(have_pdftotext()) << "pdftotext is missing: scripts/bootstrap test installs poppler-utils";
  auto c = balikpapan_case("Dinas Kesehatan", "Aplikasi SIMPUS");
  std::string text = read_back(reprimand_letter({profiles().get("balikpapan"), c.finding, c.letter, {c.oral}}));
  EXPECT_NE(text.find("PEMERINTAH KOTA BALIKPAPAN"), std::string::npos) << text;
  EXPECT_NE(text.find("Wali Kota Balikpapan"), std::string::npos) << text;
  EXPECT_EQ(text.find("Kota Kota"), std::string::npos) << "the region's type is not repeated: " << text;
}

TEST(ReprimandLetter, SignatoryFollowsEachRegulationsWording) {
  EXPECT_EQ(letter_signatory(profiles().get("balikpapan")), "Wali Kota Balikpapan");
  // Regions without a sanctions section still name their head of region as the regulation does.
  EXPECT_EQ(letter_signatory(profiles().get("madiun")), "Walikota Madiun");
  EXPECT_EQ(letter_signatory(profiles().get("lampung-timur")), "Bupati Lampung Timur");
  // An imposer other than the head of region keeps the region's full name.
  tenancy::Profile p = profiles().get("balikpapan");
  p.sanctions->imposer = "Sekretaris Daerah";
  EXPECT_EQ(letter_signatory(p), "Sekretaris Daerah Kota Balikpapan");
}

TEST(ReprimandLetter, ControlCharactersAndBrokenUtf8NeitherBreakNorHideTheLetter) {
  ASSERT_TRUE(have_pdftotext()) << "pdftotext is missing: scripts/bootstrap test installs poppler-utils";
  // A label from a careless import: a control character, a lone continuation byte, an emoji
  // outside what libharu encodes, and a name long enough to wrap over several lines.
  std::string label = "Aplikasi\x01Lama \x80 \xF0\x9F\x98\x80 " + std::string(60, 'x') + " " + std::string(200, 'y');
  auto c = balikpapan_case("Dinas \xC3\x89tudes", label);
  std::string pdf = reprimand_letter({profiles().get("balikpapan"), c.finding, c.letter, {c.oral}});
  std::string text = read_back(pdf);
  EXPECT_NE(text.find("Aplikasi Lama"), std::string::npos) << text;
  EXPECT_NE(text.find("Dinas \xC3\x89tudes"), std::string::npos) << text;
  EXPECT_NE(text.find("(sanksi abcdef0123456789abcd)"), std::string::npos) << text;
}
