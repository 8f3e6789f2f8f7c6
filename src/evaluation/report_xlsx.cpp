// The answers workbook: the same ReportData as the PDF, as rows a spreadsheet user can filter.
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "evaluation/report.hpp"
#include "interchange/xlsx.hpp"

namespace simpul::evaluation {
namespace {

using interchange::Row;
using interchange::Sheet;

/// Up to four decimals with a dot, trailing zeros dropped ("2.436", "10"): write_xlsx stores whole
/// numbers as numbers and the rest as text, which a dot keeps parseable whatever the reader's
/// locale. std::to_chars, so the process locale cannot turn it into a comma.
std::string number(double value) {
  if (!std::isfinite(value)) return "";
  char buf[64];
  auto end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 4).ptr;
  std::string s(buf, end);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string level(const std::optional<int>& l) { return l ? std::to_string(*l) : ""; }

std::string completeness(const ReportData& d) {
  return d.complete ? "Lengkap" : "Belum lengkap (indeks adalah batas bawah)";
}

Sheet summary(const ReportData& d) {
  Sheet s{"Ringkasan", {{"Keterangan", "Nilai"}}};
  auto add = [&](const char* label, std::string value) { s.rows.push_back({label, std::move(value)}); };
  add("Pemerintah Daerah", d.tenant_name);
  add("Lingkup", d.scope_name);
  add("Tahun", d.year > 0 ? std::to_string(d.year) : "");
  add("Kerangka", d.framework_title);
  add("Dasar Hukum", d.legal_basis);
  add("Indeks", number(d.index));
  add("Predikat", d.predicate.empty() ? "tanpa predikat" : d.predicate);
  add("Status", d.state);
  add("Kelengkapan", completeness(d));
  if (d.provisional) add("Catatan", "Kerangka penilaian bersifat sementara (provisional)");
  add("Dibuat", d.generated_at);
  // Each score table follows after an empty row, with its own header.
  auto scores = [&](const char* title, const std::vector<ReportScore>& list) {
    if (list.empty()) return;
    s.rows.push_back({});
    s.rows.push_back({title, "Bobot", "Indeks"});
    for (const auto& score : list) s.rows.push_back({score.name, number(score.weight), number(score.value)});
  };
  scores("Domain", d.domains);
  scores("Aspek", d.aspects);
  return s;
}

Sheet answers(const ReportData& d) {
  Sheet s{"Jawaban",
          {{"No", "ID", "Indikator", "Aspek", "Bobot", "Tingkat", "Nama Tingkat", "Nilai", "Status", "Penjelasan",
            "Jumlah Bukti"}}};
  for (const auto& ind : d.indicators)
    s.rows.push_back({std::to_string(ind.number), ind.id, ind.name, ind.aspect, number(ind.weight), level(ind.level),
                      ind.level_name, number(ind.value), ind.state, ind.explanation,
                      std::to_string(ind.evidence.size())});
  return s;
}

Sheet evidence(const ReportData& d) {
  Sheet s{"Bukti", {{"No Indikator", "Indikator", "Bukti", "Jenis", "Tingkat", "Verifikasi"}}};
  for (const auto& ind : d.indicators)
    for (const auto& e : ind.evidence)
      s.rows.push_back(
          {std::to_string(ind.number), ind.name, e.label, evidence_kind_name(e.kind), level(e.level), e.verdict});
  return s;
}

}  // namespace

std::string render_answers_xlsx(const ReportData& data) {
  return interchange::write_xlsx({summary(data), answers(data), evidence(data)});
}

}  // namespace simpul::evaluation
