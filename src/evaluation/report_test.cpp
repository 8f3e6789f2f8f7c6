// Recommendations are checked against gains computed by hand (under 59/2020 and 8/2026 raising
// indicator i by one level adds w_i * 1 / 100 to the index: the weights nest, so the index is
// sum(w_i * v_i) / 100). The PDF is checked the way a reader sees it: rasterised and read back
// with poppler's tools.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "evaluation/framework.hpp"
#include "evaluation/index.hpp"
#include "evaluation/report.hpp"
#include "evaluation/report_sample.hpp"
#include "interchange/xlsx.hpp"

using namespace simpul::evaluation;
namespace fs = std::filesystem;

namespace {

const Framework& spbe_framework() {
  static const Framework f =
      load_framework(std::string(SIMPUL_SOURCE_DIR) + "/profiles/frameworks/evaluation/spbe-2020.yaml");
  return f;
}

const Framework& pemdi_framework() {
  static const Framework f =
      load_framework(std::string(SIMPUL_SOURCE_DIR) + "/profiles/frameworks/evaluation/pemdi-2026.yaml");
  return f;
}

/// 59/2020 answers: every indicator at `base` except those in `levels`; -1 leaves one unanswered.
std::vector<Answer> direct_answers(int base, const std::map<std::string, int>& levels) {
  std::vector<Answer> out;
  for (const auto& ind : spbe_framework().indicators) {
    auto it = levels.find(ind.id);
    int level = it == levels.end() ? base : it->second;
    if (level >= 0) out.push_back({ind.id, level, {}, std::nullopt});
  }
  return out;
}

const std::string kAgency =
    "Dinas Komunikasi dan Informatika \xE2\x80\x94 Kota Bontang (Perangkat Daerah \xE2\x80\x98"
    "A\xE2\x80\x99)";

/// A report as the service would gather it: all 47 indicators of 59/2020 with varied levels,
/// `evidence` items each, four earlier years and the top five recommendations.
ReportData full_report(int evidence) {
  return sample_report(spbe_framework(), kAgency, evidence, {{2021, 1.62}, {2022, 1.95}, {2023, 2.31}, {2024, 2.44}});
}

/// A scratch directory removed with the fixture.
class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("simpul-report-test-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_file(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

/// Runs `command`, its standard output into `out`; poppler's warnings are not the test's business.
std::string run(const std::string& command, const fs::path& out) {
  int rc = std::system((command + " > '" + out.string() + "' 2>/dev/null").c_str());
  EXPECT_EQ(rc, 0) << command;
  return read_file(out);
}

int page_count(const fs::path& dir, const fs::path& pdf) {
  std::string info = run("pdfinfo '" + pdf.string() + "'", dir / "info.txt");
  auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

void expect_valid_pdf(const std::string& pdf) {
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
}

/// The PDF written to `dir`, its page count by pdfinfo. poppler-utils is required (scripts/bootstrap
/// installs it): without it the page counts are not checked, so the test fails rather than passes.
int pages_of(const TempDir& dir, const std::string& pdf, const std::string& name) {
  if (!have("pdfinfo")) {
    ADD_FAILURE() << "pdfinfo (poppler-utils) is required to check the page count";
    return -1;
  }
  fs::path file = dir.path() / name;
  write_file(file, pdf);
  return page_count(dir.path(), file);
}

}  // namespace

TEST(Recommend, SpbeHandComputedOrderAndGains) {
  // Everything at 5 except: I42 and I43 at 4 (w 3), I32 at 2 (w 2.75), I11 at 3 (w 2.5), I21 at 1
  // (w 1.5), I1 unanswered (w 1.3, counted 0, so 0 -> 1).
  auto answers = direct_answers(5, {{"I42", 4}, {"I43", 4}, {"I32", 2}, {"I11", 3}, {"I21", 1}, {"I1", -1}});
  auto top = recommend(spbe_framework(), answers, 100);
  ASSERT_EQ(top.size(), 6u);  // every other indicator is at the scale's top level
  struct Expected {
    const char* id;
    int from, to;
    double gain;
  };
  std::vector<Expected> expected = {
      {"I42", 4, 5, 0.03},    // 3 * 1 / 100; ties with I43, lower number first
      {"I43", 4, 5, 0.03},    // 3 / 100
      {"I32", 2, 3, 0.0275},  // 2.75 / 100
      {"I11", 3, 4, 0.025},   // 2.5 / 100
      {"I21", 1, 2, 0.015},   // 1.5 / 100
      {"I1", 0, 1, 0.013},    // 1.3 / 100, from unanswered
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].id);
    EXPECT_EQ(top[i].indicator_id, expected[i].id);
    EXPECT_EQ(top[i].from, expected[i].from);
    EXPECT_EQ(top[i].to, expected[i].to);
    EXPECT_NEAR(top[i].gain, expected[i].gain, 1e-12);
  }
  EXPECT_EQ(top[0].indicator,
            "Indikator 42: " + spbe_framework().indicators[*spbe_framework().find_indicator("I42")].name);

  auto two = recommend(spbe_framework(), answers, 2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].indicator_id, "I42");
  EXPECT_EQ(two[1].indicator_id, "I43");
  EXPECT_TRUE(recommend(spbe_framework(), answers, 0).empty());
  EXPECT_TRUE(recommend(spbe_framework(), direct_answers(5, {}), 10).empty());  // all at the top: nothing to advise
}

TEST(Recommend, SpbeAllUnansweredStartsAtLevelOne) {
  auto top = recommend(spbe_framework(), {}, 3);
  ASSERT_EQ(top.size(), 3u);
  // The heaviest indicators are I42..I47 (w 3): 0 -> 1 adds 3 / 100 each, lowest numbers first.
  EXPECT_EQ(top[0].indicator_id, "I42");
  EXPECT_EQ(top[1].indicator_id, "I43");
  EXPECT_EQ(top[2].indicator_id, "I44");
  EXPECT_EQ(top[0].from, 0);
  EXPECT_EQ(top[0].to, 1);
  EXPECT_NEAR(top[2].gain, 0.03, 1e-12);
}

TEST(Recommend, PemdiCumulativeUsesTheDerivedLevel) {
  // Every indicator's levels 1..5 accepted, except: I20 up to 4 (w 15), I8 level 1 rejected (w 4,
  // counted 0), I5 an SDI score of 3.5 (w 5, raised to 4).
  std::vector<Answer> answers;
  for (const auto& ind : pemdi_framework().indicators) {
    Answer a{ind.id, std::nullopt, {}, std::nullopt};
    int top = ind.id == "I20" ? 4 : 5;
    if (ind.id == "I5") {
      a.external_score = 3.5;
    } else if (ind.id == "I8") {
      a.evidence.push_back({1, true, false});
    } else {
      for (int l = 1; l <= top; ++l) a.evidence.push_back({l, true, true});
    }
    answers.push_back(std::move(a));
  }
  auto top = recommend(pemdi_framework(), answers, 10);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].indicator_id, "I20");
  EXPECT_NEAR(top[0].gain, 0.15, 1e-12);  // 15 * 1 / 100
  EXPECT_EQ(top[1].indicator_id, "I8");
  EXPECT_EQ(top[1].from, 0);
  EXPECT_NEAR(top[1].gain, 0.04, 1e-12);  // 4 * 1 / 100
  EXPECT_EQ(top[2].indicator_id, "I5");
  EXPECT_EQ(top[2].from, 3);
  EXPECT_EQ(top[2].to, 4);
  EXPECT_NEAR(top[2].gain, 0.025, 1e-12);  // 5 * (4 - 3.5) / 100
}

TEST(ReportPdf, FullReportRendersAndReadsBack) {
  ReportData d = full_report(10);
  ASSERT_EQ(d.indicators.size(), 47u);
  // Levels 1 + (3i mod 5) give 2,43 in the Cukup band; the test needs any predicate, printed.
  ASSERT_FALSE(d.predicate.empty());
  std::string pdf = render_report_pdf(d);
  expect_valid_pdf(pdf);

  if (!have("pdftoppm") || !have("pdfinfo") || !have("pdftotext"))
    FAIL() << "poppler-utils is required (scripts/bootstrap test installs it)";
  TempDir dir;
  fs::path file = dir.path() / "laporan.pdf";
  write_file(file, pdf);

  run("pdftoppm -png -r 50 -f 1 -l 1 '" + file.string() + "' '" + (dir.path() / "page").string() + "'",
      dir.path() / "pdftoppm.txt");
  fs::path png;
  for (const auto& entry : fs::directory_iterator(dir.path()))
    if (entry.path().extension() == ".png") png = entry.path();
  ASSERT_FALSE(png.empty()) << "pdftoppm wrote no page image";
  std::string image = read_file(png);
  EXPECT_GT(image.size(), 5000u);  // a blank A4 page at 50 dpi compresses far smaller
  EXPECT_EQ(image.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));

  EXPECT_GE(page_count(dir.path(), file), 3);

  std::string text = run("pdftotext -layout '" + file.string() + "' -", dir.path() / "text.txt");
  EXPECT_NE(text.find("Indeks"), std::string::npos);
  EXPECT_NE(text.find("Laporan Pemantauan dan Evaluasi SPBE 2025"), std::string::npos);
  EXPECT_NE(text.find(d.predicate), std::string::npos);
  EXPECT_NE(text.find(kAgency), std::string::npos) << "the agency's name with its dash and quotes";
  EXPECT_NE(text.find("Rekomendasi"), std::string::npos);
  EXPECT_NE(text.find("poin indeks"), std::string::npos);
  EXPECT_NE(text.find("Riwayat Indeks"), std::string::npos);
  EXPECT_NE(text.find("Halaman 1 dari "), std::string::npos);
  EXPECT_NE(text.find("Dokumen pendukung 10"), std::string::npos);  // evidence is listed
  char index_text[16];
  std::snprintf(index_text, sizeof index_text, "%.2f", d.index);
  std::string comma(index_text);
  comma[comma.find('.')] = ',';
  EXPECT_NE(text.find(comma), std::string::npos) << "the index with a decimal comma: " << comma;
}

TEST(ReportPdf, EmptyReportIsAValidPdf) {
  TempDir dir;
  std::string pdf = render_report_pdf(ReportData{});
  expect_valid_pdf(pdf);
  EXPECT_EQ(pages_of(dir, pdf, "empty.pdf"), 1);
}

TEST(ReportPdf, ProvisionalIncompleteWithThreeAspects) {
  ReportData d;
  d.tenant_name = "Pemerintah Kabupaten Lampung Timur";
  d.scope_name = "Pemerintah Daerah";
  d.year = 2026;
  d.framework_title = "Indeks Pemdi (PermenPANRB 8/2026) v1";
  d.provisional = true;
  d.index = 1.234;
  d.aspects = {{"Tata Kelola", 2.5, 40}, {"Penyelenggara", 0.0, 30}, {"Data", 5.0, 30}};  // radar with 3 axes
  std::string pdf = render_report_pdf(d);
  expect_valid_pdf(pdf);
  if (!have("pdftotext")) FAIL() << "poppler-utils is required (scripts/bootstrap test installs it)";
  TempDir dir;
  write_file(dir.path() / "p.pdf", pdf);
  std::string text = run("pdftotext '" + (dir.path() / "p.pdf").string() + "' -", dir.path() / "p.txt");
  EXPECT_NE(text.find("provisional"), std::string::npos);
  EXPECT_NE(text.find("tanpa predikat"), std::string::npos);
  EXPECT_NE(text.find("batas"), std::string::npos);  // "... indeks adalah batas bawah"
  EXPECT_NE(text.find("1,23"), std::string::npos);
}

TEST(ReportPdf, AnyAspectCountAndHostileText) {
  // 1..14 aspects cover the bar fallback (<3 and >12) and every radar; the names are very long,
  // and carry invalid UTF-8, an emoji (outside what libharu encodes) and control characters.
  std::string hostile = "Aspek \xE2\x80\x94 \xF0\x9F\x98\x80 \xC3\x28 \x01\ttab ";
  std::string word(400, 'W');  // one word longer than any column: broken between characters
  for (std::size_t n = 1; n <= 14; ++n) {
    SCOPED_TRACE(n);
    ReportData d;
    d.tenant_name = std::string(300, 'x') + " \xC3\xA9";
    for (std::size_t i = 0; i < n; ++i) d.aspects.push_back({hostile + std::to_string(i) + " " + word, i * 0.4, 10});
    d.domains = d.aspects;
    ReportIndicator ind{"I1", 1, hostile + word + " " + std::string(3000, 'y'), hostile, 1.3};
    ind.explanation = "baris satu\nbaris dua\n\n" + word;
    ind.evidence.push_back({word + "\xC3\xA9\xC3\xA9\xC3\xA9" + word, "file", "ditolak", 2});
    d.indicators.push_back(ind);
    d.recommendations.push_back({"I1", hostile + word, 0, 1, 0.013});
    d.history = {{2024, 9.0}, {2023, -1.0}};  // out of scale: clamped in the bars
    expect_valid_pdf(render_report_pdf(d));
  }
}

TEST(ReportPdf, EvidenceLongerThanAPageSplitsAcrossPages) {
  ReportData d = full_report(0);
  d.indicators.resize(2);
  for (int i = 0; i < 300; ++i) d.indicators[0].evidence.push_back({"Bukti " + std::to_string(i), "file", "", 1});
  TempDir dir;
  std::string pdf = render_report_pdf(d);
  expect_valid_pdf(pdf);
  EXPECT_GE(pages_of(dir, pdf, "long.pdf"), 5);  // 300 lines of 9 pt do not fit on fewer
}

TEST(ReportXlsx, SheetsRowsAndValues) {
  ReportData d = full_report(3);
  auto sheets = simpul::interchange::read_xlsx(render_answers_xlsx(d));
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[0].name, "Ringkasan");
  EXPECT_EQ(sheets[1].name, "Jawaban");
  EXPECT_EQ(sheets[2].name, "Bukti");

  const auto& summary = sheets[0].rows;
  ASSERT_GE(summary.size(), 8u);
  EXPECT_EQ(summary[1], (simpul::interchange::Row{"Pemerintah Daerah", "Pemerintah Kota Bontang"}));
  EXPECT_EQ(summary[2], (simpul::interchange::Row{"Lingkup", kAgency}));
  EXPECT_EQ(summary[3], (simpul::interchange::Row{"Tahun", "2025"}));
  bool domain_header = false;
  for (const auto& row : summary)
    if (!row.empty() && row[0] == "Domain")
      domain_header = row == simpul::interchange::Row{"Domain", "Bobot", "Indeks"};
  EXPECT_TRUE(domain_header);

  const auto& answers = sheets[1].rows;
  ASSERT_EQ(answers.size(), 48u);  // header + 47 indicators
  EXPECT_EQ(answers[0][0], "No");
  EXPECT_EQ(answers[0][10], "Jumlah Bukti");
  // I42 is the 42nd indicator (i = 41): level 1 + 123 mod 5 = 4, service scale "Kolaborasi", w 3.
  const auto& i42 = answers[42];
  EXPECT_EQ(i42[0], "42");
  EXPECT_EQ(i42[1], "I42");
  EXPECT_EQ(i42[4], "3");
  EXPECT_EQ(i42[5], "4");
  EXPECT_EQ(i42[6], "Kolaborasi");
  EXPECT_EQ(i42[7], "4");
  EXPECT_EQ(i42[10], "3");
  EXPECT_EQ(answers[1][4], "1.3");  // I1's weight, a dot and no trailing zeros

  const auto& evidence = sheets[2].rows;
  ASSERT_EQ(evidence.size(), 1u + 47 * 3);
  EXPECT_EQ(evidence[0],
            (simpul::interchange::Row{"No Indikator", "Indikator", "Bukti", "Jenis", "Tingkat", "Verifikasi"}));
  EXPECT_EQ(evidence[2][3], "berkas");  // an uploaded file
}

TEST(ReportXlsx, EmptyReportHasTheThreeSheets) {
  auto sheets = simpul::interchange::read_xlsx(render_answers_xlsx(ReportData{}));
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[1].rows.size(), 1u);
  EXPECT_EQ(sheets[2].rows.size(), 1u);
}
