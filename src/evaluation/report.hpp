#pragma once
// The evaluation report (PDF) and the answers export (XLSX), both in Indonesian. Pure renderers:
// the service gathers a ReportData from the database; these functions only lay it out, so they are
// tested and benchmarked without a database.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "evaluation/framework.hpp"
#include "evaluation/index.hpp"

namespace simpul::evaluation {

struct ReportEvidence {
  std::string label;         ///< file name or linked record's label
  std::string kind;          ///< "file" or the linked record's kind
  std::string verdict;       ///< "", "diterima", "ditolak" (8/2026 assessor verdicts)
  std::optional<int> level;  ///< the level the item supports (8/2026)
};

struct ReportIndicator {
  std::string id;
  int number = 0;
  std::string name;
  std::string aspect;  ///< aspect name
  double weight = 0;
  std::optional<int> level;  ///< the answer's level (direct rule) or the derived level
  double value = 0;          ///< the value the index counted
  std::string level_name;    ///< scale name of the level, e.g. "Terdefinisi"
  std::string state;         ///< Indonesian state of the answer: "Disetujui", "Draf", ...
  std::string explanation;
  std::vector<ReportEvidence> evidence;
};

struct ReportScore {
  std::string name;
  double value = 0;
  double weight = 0;
};

/// A recommendation: raising one indicator by one level, with the index it would add.
struct ReportRecommendation {
  std::string indicator_id;
  std::string indicator;  ///< "Indikator 11: ..."
  int from = 0;
  int to = 0;
  double gain = 0;  ///< index points gained
};

struct ReportData {
  std::string tenant_name;  ///< "Pemerintah Kota Bontang"
  std::string scope_name;   ///< "Pemerintah Daerah" or the agency's name
  int year = 0;
  std::string framework_title;  ///< with its version, e.g. "Indeks SPBE (PermenPANRB 59/2020) v1"
  std::string legal_basis;
  bool provisional = false;  ///< print the framework's provisional warning
  std::string state;         ///< "Terbuka" or "Diserahkan <date> oleh <name>"
  std::string generated_at;  ///< ISO timestamp
  double index = 0;
  std::string predicate;             ///< empty when no band holds the index
  bool complete = false;             ///< false: unanswered indicators count as 0 (lower bound)
  std::vector<ReportScore> domains;  ///< empty for frameworks without domains
  std::vector<ReportScore> aspects;
  std::vector<ReportIndicator> indicators;
  std::vector<ReportRecommendation> recommendations;
  std::vector<std::pair<int, double>> history;  ///< (year, index) of earlier submitted periods
};

/// The Indonesian name of an evidence kind, as the report and the workbook print it: an uploaded
/// "file" is a "berkas"; a linked record keeps its kind's name.
inline std::string evidence_kind_name(const std::string& kind) { return kind == "file" ? "berkas" : kind; }

/// The printable report: cover with index and predicate, domain bars, aspect radar, indicator
/// table with levels and evidence, recommendations. Returns the PDF bytes; throws
/// std::runtime_error if libharu fails.
std::string render_report_pdf(const ReportData& data);

/// Every answer as a workbook: sheet "Ringkasan" (index, predicate, domains, aspects), sheet
/// "Jawaban" (one row per indicator), sheet "Bukti" (one row per evidence item).
std::string render_answers_xlsx(const ReportData& data);

/// The `count` indicators whose one-level raise adds the most to the index (ties: lower
/// indicator number first), computed with what_if; indicators already at the top level are
/// skipped.
std::vector<ReportRecommendation> recommend(const Framework& framework, std::span<const Answer> answers,
                                            std::size_t count);

}  // namespace simpul::evaluation
