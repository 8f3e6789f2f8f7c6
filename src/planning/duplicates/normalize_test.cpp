// Normalisation of RKA item names: what two PDs write differently must come out the same, and what
// differs must stay.
#include <gtest/gtest.h>

#include "planning/duplicates/normalize.hpp"

using namespace simpul::planning::duplicates;

namespace {
std::string norm(const std::string& name) {
  static const SynonymTable table(default_synonyms());
  return normalize_name(name, table);
}
}  // namespace

TEST(DuplicatesNormalize, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(fold("Pengadaan  LAPTOP—Café, Résumé (Ŝpecial)!"), "pengadaan laptop cafe resume special");
  EXPECT_EQ(fold("E-Office/TNDE"), "e office tnde");
  EXPECT_EQ(fold("  "), "");
  EXPECT_EQ(fold("Straße"), "strasse");
  // Broken UTF-8 is a separator, never a crash or a letter.
  EXPECT_EQ(fold(std::string("ab\xC3") + "cd"), "ab cd");
}

TEST(DuplicatesNormalize, DropsQuantitiesUnitsAndRkaStopWords) {
  EXPECT_EQ(norm("Belanja Langganan Internet 2 Unit x 12 Bulan"), "langganan internet");
  EXPECT_EQ(norm("Langganan internet kantor 100 Mbps"), "langganan internet");
  EXPECT_EQ(norm("Pengadaan Laptop 5 unit"), "laptop");
  EXPECT_EQ(norm("Sewa server 12bln"), "langganan server");
  EXPECT_EQ(norm("Belanja Jasa Tenaga Ahli Programmer"), "tenaga ahli programmer");
  // A number glued to letters that are not a unit names the thing and stays; a bare number goes.
  EXPECT_EQ(norm("Pengadaan Modem 4G"), "modem 4g");
  EXPECT_EQ(norm("Lisensi Windows 11 Pro"), "lisensi windows pro");
}

TEST(DuplicatesNormalize, AppliesSynonymsLongestFirst) {
  EXPECT_EQ(norm("Pengadaan Notebook"), norm("Pengadaan Laptop"));
  EXPECT_EQ(norm("Pengadaan Komputer Jinjing"), "laptop");
  EXPECT_EQ(norm("Aplikasi Absensi Pegawai"), norm("Aplikasi Presensi Pegawai"));
  EXPECT_EQ(norm("Pengembangan Tata Naskah Dinas Elektronik"), "pengembangan e office");
  EXPECT_EQ(norm("Pembangunan Sistem Informasi Kepegawaian"), "pengembangan aplikasi kepegawaian");
  // "pc desktop" is one term, longer than "pc".
  EXPECT_EQ(norm("Pengadaan PC Desktop"), "komputer");
}

TEST(DuplicatesNormalize, TenantSynonymsReplaceTheDefaults) {
  SynonymTable own({{"Chromebook", "Laptop"}});
  EXPECT_EQ(normalize_name("Pengadaan Chromebook", own), "laptop");
  EXPECT_EQ(normalize_name("Pengadaan Notebook", own), "notebook");  // the defaults are not in this table
}

TEST(DuplicatesNormalize, TrigramsAreThoseOfPgTrgm) {
  // pg_trgm: show_trgm('word') = {"  w"," wo","ord","rd ","wor"}
  EXPECT_EQ(trigrams("word"), (std::vector<std::string>{"  w", " wo", "ord", "rd ", "wor"}));
  EXPECT_DOUBLE_EQ(trigram_similarity("laptop", "laptop"), 1.0);
  EXPECT_DOUBLE_EQ(trigram_similarity("laptop", ""), 0.0);
  // pg_trgm: similarity('word', 'two words') = 4 / 11
  EXPECT_NEAR(trigram_similarity("word", "two words"), 4.0 / 11.0, 1e-9);
}

TEST(DuplicatesNormalize, RecognisesApplicationNames) {
  EXPECT_TRUE(is_application_name(norm("Pengembangan Aplikasi E-Kinerja")));
  EXPECT_TRUE(is_application_name(norm("Pemeliharaan Website Dinas")));
  EXPECT_FALSE(is_application_name(norm("Pengadaan Laptop")));
}
