// The monthly bandwidth evaluation as the Tim Koordinasi receives it (docs/infrastructure.md,
// "Monthly evaluation"), drawn with the project's PDF kit: the readings per PD, each verdict with
// its recommendation, the article the evaluation follows, and the acknowledgement; dates and times
// in the tenant's local time. Indonesian, like the platform's other official PDFs.
#include <chrono>
#include <cstdio>
#include <map>

#include "core/clock.hpp"
#include "infrastructure/bandwidth.hpp"
#include "infrastructure/bandwidth_json.hpp"
#include "infrastructure/follow_up.hpp"
#include "pdf/kit.hpp"
#include "pdf/table.hpp"

namespace simpul::infrastructure {
namespace {

const char* const kPdfMonthNames[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                      "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};

/// "2026-11" -> "November 2026".
std::string pdf_month_label(const std::string& month) {
  int m = std::stoi(month.substr(5, 2));
  return std::string(kPdfMonthNames[(m + 11) % 12]) + " " + month.substr(0, 4);
}

/// A stored UTC instant as "5 Desember 2026 14.05 WIB" in the tenant's local time.
std::string pdf_local_time(const tenancy::Profile& p, const std::string& utc_iso) {
  auto t = clock::parse_iso(utc_iso);
  if (!t) return utc_iso;
  auto local = clock::to_iso(*t + std::chrono::hours(p.utc_offset_hours()));  // shifted: read as a wall clock
  int m = std::stoi(local.substr(5, 2));
  return std::to_string(std::stoi(local.substr(8, 2))) + " " + kPdfMonthNames[(m + 11) % 12] + " " +
         local.substr(0, 4) + " " + local.substr(11, 2) + "." + local.substr(14, 2) + " " + p.time_zone;
}

/// Indonesian decimals: "4,25".
std::string pdf_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

std::string pdf_share(const std::optional<double>& share) {
  if (!share) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", *share * 100.0);
  return buf;
}

void pdf_label_value(pdf::Document& doc, const std::string& label, const std::string& value) {
  const float label_width = 150;
  auto lines = pdf::wrap(doc.regular, 10, pdf::clean(value.empty() ? "-" : value), doc.width() - label_width);
  if (lines.empty()) lines.push_back("-");
  pdf::ensure(doc, 14.0f * static_cast<float>(lines.size()));
  pdf::text_at(doc.page, doc.bold, 10, doc.left(), doc.y - 10, pdf::clean(label), pdf::kMuted);
  for (const auto& line : lines) {
    pdf::text_at(doc.page, doc.regular, 10, doc.left() + label_width, doc.y - 10, line, pdf::kInk);
    doc.y -= 14;
  }
}

std::string pdf_citation(const tenancy::Profile& p, const std::optional<std::string>& rule) {
  auto r = tenancy::rule_ref(p, rule);
  return r ? r->citation + " " + p.regulation_label() : std::string();
}

}  // namespace

std::string evaluation_pdf(const tenancy::Profile& p, const BandwidthEvaluation& e) {
  const auto& spec = spec_of(p);
  const auto* team = p.team(spec.bandwidth_report_team);
  const std::string team_name = team ? team->name : "Tim Koordinasi SPBE";

  pdf::Document doc;
  pdf::set_title(doc, "Evaluasi Penggunaan Bandwidth " + e.month);
  pdf::new_page(doc);
  pdf::paragraph(doc, doc.bold, 11, pdf::clean(p.government_name), pdf::kMuted);
  pdf::paragraph(doc, doc.bold, 16, "Evaluasi Penggunaan Bandwidth Bulanan", pdf::kAccent);
  pdf::paragraph(doc, doc.regular, 11, pdf::clean("Bulan " + pdf_month_label(e.month)), pdf::kInk);
  doc.y -= 6;

  pdf::heading(doc, "Evaluasi");
  pdf_label_value(doc, "Dibuat", pdf_local_time(p, e.generated_at) + " oleh " + e.generated_by_name);
  auto basis = pdf_citation(p, spec.bandwidth_evaluation_rule);
  if (basis.empty()) basis = pdf_citation(p, spec.bandwidth_request_rule);
  pdf_label_value(doc, "Dasar",
                  basis.empty() ? "Regulasi daerah tidak menetapkan evaluasi bandwidth; evaluasi ini dibuat sebagai "
                                  "praktik pengelolaan Jaringan Intra."
                                : basis + (spec.bandwidth_monthly ? " (dievaluasi setiap bulan)" : ""));
  auto to = pdf_citation(p, spec.bandwidth_report_rule);
  pdf_label_value(doc, "Disampaikan kepada", team_name + (to.empty() ? "" : " (" + to + ")"));
  pdf_label_value(doc, "Metode",
                  "Penggunaan per slot 5 menit (jumlah antarmuka Perangkat Daerah, nilai terbesar dari masuk dan "
                  "keluar): rata-rata, persentil ke-95, dan puncak dalam Mbps. Porsi = persentil ke-95 dibagi "
                  "alokasi; porsi 90% atau lebih: mendekati/melebihi alokasi; di bawah 30%: jauh di bawah alokasi.");

  pdf::heading(doc, "Ringkasan");
  std::map<std::string, int> verdicts;
  std::int64_t slots = 0;
  for (const auto& r : e.rows) {
    ++verdicts[r.assessment];
    slots += r.samples;
  }
  pdf_label_value(
      doc, "Perangkat Daerah",
      std::to_string(e.rows.size()) + " dievaluasi, " + std::to_string(slots) + " slot 5 menit dengan data penggunaan");
  for (const char* a : {"lebih", "sesuai", "kurang", "tanpa_alokasi", "tanpa_data"})
    if (verdicts.count(a)) pdf_label_value(doc, assessment_name(a), std::to_string(verdicts[a]) + " Perangkat Daerah");

  pdf::heading(doc, "Penggunaan per Perangkat Daerah");
  if (e.rows.empty())
    pdf::paragraph(doc, doc.regular, 10, "Tidak ada Perangkat Daerah dengan alokasi atau data penggunaan.",
                   pdf::kMuted);
  const std::vector<pdf::Column> columns = {
      {"Perangkat Daerah", 125},         {"Slot", 40, pdf::Column::Right},   {"Rata-rata", 52, pdf::Column::Right},
      {"P95", 45, pdf::Column::Right},   {"Puncak", 45, pdf::Column::Right}, {"Alokasi", 45, pdf::Column::Right},
      {"Porsi", 38, pdf::Column::Right}, {"Penilaian", pdf::kWidth - 390}};
  pdf::table(doc, [&] {
    for (const auto& r : e.rows)
      pdf::table_row(
          doc, columns,
          {pdf::clean(r.agency_name), std::to_string(r.samples), pdf_decimal(r.average_mbps), pdf_decimal(r.p95_mbps),
           pdf_decimal(r.peak_mbps), r.allocated_mbps ? std::to_string(*r.allocated_mbps) : "-", pdf_share(r.share),
           assessment_name(r.assessment)},
          {{"Rekomendasi: " + pdf::clean(r.recommendation), pdf::kMuted}}, 1);
  });
  pdf::paragraph(doc, doc.regular, 9, "Nilai dalam Mbps.", pdf::kMuted);

  pdf::heading(doc, "Penerimaan");
  if (e.acknowledged_at)
    pdf_label_value(
        doc, "Diterima",
        "oleh " + e.acknowledged_by_name + " (" + team_name + "), " + pdf_local_time(p, *e.acknowledged_at));
  else
    pdf_label_value(doc, "Diterima", "Belum diterima oleh " + team_name + ".");

  pdf::page_numbers(doc, "Evaluasi penggunaan bandwidth " + pdf_month_label(e.month));
  return pdf::save(doc, "writing the bandwidth evaluation");
}

}  // namespace simpul::infrastructure
