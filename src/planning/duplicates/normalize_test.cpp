// Normalisation of RKA item names: what two PDs write differently must come out the same, and what
// differs must stay.
#include <gtest/gtest.h>

#include "planning/duplicates/normalize.hpp"

using namespace simpul::planning::duplicates;

namespace {
const SynonymTable& defaults() {
  static const SynonymTable table(default_synonyms());
  return table;
}
std::string norm(const std::string& name) { return normalize_name(name, defaults()); }
std::string activity(const std::string& name) { return analyze_name(name, defaults()).activity; }
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
  EXPECT_EQ(norm("Belanja Langganan Internet 2 Unit x 12 Bulan"), "internet");
  EXPECT_EQ(norm("Langganan internet kantor 100 Mbps"), "internet");
  EXPECT_EQ(norm("Pengadaan Laptop 5 unit"), "laptop");
  EXPECT_EQ(norm("Sewa server 12bln"), "server");
  EXPECT_EQ(norm("Belanja Jasa Tenaga Ahli Programmer"), "tenaga ahli programmer");
  // A number glued to letters that are not a unit names the thing and stays; a bare number goes.
  EXPECT_EQ(norm("Pengadaan Modem 4G"), "modem 4g");
  EXPECT_EQ(norm("Lisensi Windows 11 Pro"), "lisensi windows pro");
}

TEST(DuplicatesNormalize, AppliesSynonymsLongestFirst) {
  EXPECT_EQ(norm("Pengadaan Notebook"), norm("Pengadaan Laptop"));
  EXPECT_EQ(norm("Pengadaan Komputer Jinjing"), "laptop");
  EXPECT_EQ(norm("Aplikasi Absensi Pegawai"), norm("Aplikasi Presensi Pegawai"));
  EXPECT_EQ(norm("Pengembangan Tata Naskah Dinas Elektronik"), "e office");
  EXPECT_EQ(norm("Pembangunan Sistem Informasi Kepegawaian"), "kepegawaian");
  EXPECT_EQ(activity("Pembangunan Sistem Informasi Kepegawaian"), "aplikasi pengembangan");
  // "pc desktop" is one term, longer than "pc".
  EXPECT_EQ(norm("Pengadaan PC Desktop"), "komputer");
}

TEST(DuplicatesNormalize, KeepsTheKindOfWorkApartFromWhatIsBought) {
  EXPECT_EQ(activity("Sewa Server Colocation"), "langganan");
  EXPECT_EQ(activity("Perawatan Jaringan Komputer"), activity("Service Jaringan Komputer"));
  EXPECT_EQ(norm("Pengadaan CCTV Pasar"), norm("Pemeliharaan CCTV Pasar"));
  EXPECT_TRUE(activities_differ(activity("Pengadaan CCTV Pasar"), activity("Pemeliharaan CCTV Pasar")));
  EXPECT_FALSE(activities_differ(activity("Pembangunan Website"), activity("Pengembangan Aplikasi Website")));
  EXPECT_FALSE(activities_differ(activity("Laptop Staf"), activity("Pengadaan Laptop")));  // one states none
  EXPECT_FALSE(activities_differ(activity("Aplikasi Presensi"), activity("Pemeliharaan Aplikasi Presensi")));
}

TEST(DuplicatesNormalize, TenantSynonymsReplaceTheDefaults) {
  SynonymTable own(std::vector<Synonym>{{"Chromebook", "Laptop"}});
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
  EXPECT_TRUE(is_application_name(analyze_name("Pengembangan Aplikasi E-Kinerja", defaults())));
  EXPECT_TRUE(is_application_name(analyze_name("Pemeliharaan Website Dinas", defaults())));
  EXPECT_TRUE(is_application_name(analyze_name("Pengembangan Sistem Informasi Desa", defaults())));
  EXPECT_FALSE(is_application_name(analyze_name("Pengadaan Laptop", defaults())));
}
