// The monthly bandwidth evaluation as the Tim Koordinasi receives it (docs/infrastructure.md,
// "Monthly evaluation"), drawn with the project's PDF kit: the readings per PD, each verdict with
// its recommendation, the article the evaluation follows, and the acknowledgement; dates and times
// in the tenant's local time. Indonesian, or English on request (`?lang=en` or the caller's language).
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

/// Every word of the document, in one language.
struct PdfWords {
  bool english;
  const char* const* months;
  const char* title;  // "... 2026-11"
  const char* heading;
  const char* month_prefix;  // "Bulan November 2026"
  const char* evaluation;
  const char* made;
  const char* by;
  const char* basis;
  const char* no_basis;
  const char* monthly;
  const char* sent_to;
  const char* method;
  const char* method_text;
  const char* summary;
  const char* agencies;
  const char* evaluated;
  const char* slots_with_data;
  const char* agency_count;  // "... Perangkat Daerah"
  const char* per_agency;
  const char* no_rows;
  const char* columns[8];
  const char* recommendation;
  const char* in_mbps;
  const char* receipt;
  const char* received;
  const char* received_by;
  const char* not_received;
  const char* footer;
};

const char* const kPdfMonthsId[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
const char* const kPdfMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};

const PdfWords kPdfIndonesian{
    false,
    kPdfMonthsId,
    "Evaluasi Penggunaan Bandwidth ",
    "Evaluasi Penggunaan Bandwidth Bulanan",
    "Bulan ",
    "Evaluasi",
    "Dibuat",
    " oleh ",
    "Dasar",
    "Regulasi daerah tidak menetapkan evaluasi bandwidth; evaluasi ini dibuat sebagai praktik pengelolaan "
    "Jaringan Intra.",
    " (dievaluasi setiap bulan)",
    "Disampaikan kepada",
    "Metode",
    "Penggunaan per slot 5 menit (jumlah antarmuka Perangkat Daerah, nilai terbesar dari masuk dan keluar): "
    "rata-rata, persentil ke-95, dan puncak dalam Mbps. Porsi = persentil ke-95 dibagi alokasi; porsi 90% atau "
    "lebih: mendekati/melebihi alokasi; di bawah 30%: jauh di bawah alokasi.",
    "Ringkasan",
    "Perangkat Daerah",
    " dievaluasi, ",
    " slot 5 menit dengan data penggunaan",
    " Perangkat Daerah",
    "Penggunaan per Perangkat Daerah",
    "Tidak ada Perangkat Daerah dengan alokasi atau data penggunaan.",
    {"Perangkat Daerah", "Slot", "Rata-rata", "P95", "Puncak", "Alokasi", "Porsi", "Penilaian"},
    "Rekomendasi: ",
    "Nilai dalam Mbps.",
    "Penerimaan",
    "Diterima",
    "oleh ",
    "Belum diterima oleh ",
    "Evaluasi penggunaan bandwidth "};

const PdfWords kPdfEnglish{
    true,
    kPdfMonthsEn,
    "Bandwidth Usage Evaluation ",
    "Monthly Bandwidth Usage Evaluation",
    "Month of ",
    "Evaluation",
    "Generated",
    " by ",
    "Basis",
    "The regional regulation sets no bandwidth evaluation; this evaluation is made as a practice of running the "
    "Jaringan Intra (intranet).",
    " (evaluated every month)",
    "Sent to",
    "Method",
    "Usage per 5-minute slot (the sum of the agency's interfaces, the larger of inbound and outbound): average, "
    "95th percentile and peak in Mbps. Share = 95th percentile divided by the allocation; a share of 90% or more: "
    "near or above the allocation; below 30%: far below the allocation.",
    "Summary",
    "Agencies (Perangkat Daerah)",
    " evaluated, ",
    " 5-minute slots with usage data",
    " agencies",
    "Usage per agency",
    "No agency has an allocation or usage data.",
    {"Agency", "Slots", "Average", "P95", "Peak", "Allocation", "Share", "Assessment"},
    "Recommendation: ",
    "Values in Mbps.",
    "Acknowledgement",
    "Acknowledged",
    "by ",
    "Not yet acknowledged by ",
    "Bandwidth usage evaluation "};

/// "2026-11" -> "November 2026".
std::string pdf_month_label(const PdfWords& w, const std::string& month) {
  int m = std::stoi(month.substr(5, 2));
  return std::string(w.months[(m + 11) % 12]) + " " + month.substr(0, 4);
}

/// A stored UTC instant as "5 Desember 2026 14.05 WIB" (English "5 December 2026 14:05 WIB") in the
/// tenant's local time.
std::string pdf_local_time(const PdfWords& w, const tenancy::Profile& p, const std::string& utc_iso) {
  auto t = clock::parse_iso(utc_iso);
  if (!t) return utc_iso;
  auto local = clock::to_iso(*t + std::chrono::hours(p.utc_offset_hours()));  // shifted: read as a wall clock
  int m = std::stoi(local.substr(5, 2));
  return std::to_string(std::stoi(local.substr(8, 2))) + " " + w.months[(m + 11) % 12] + " " + local.substr(0, 4) +
         " " + local.substr(11, 2) + (w.english ? ":" : ".") + local.substr(14, 2) + " " + p.time_zone;
}

/// Two decimals: "4,25" in Indonesian, "4.25" in English.
std::string pdf_decimal(const PdfWords& w, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  if (!w.english)
    for (auto& ch : s)
      if (ch == '.') ch = ',';
  return s;
}

/// The verdict's name and its recommendation in English (the stored recommendation is Indonesian).
const char* pdf_assessment_en(const std::string& a) {
  if (a == "kurang") return "Usage far below the allocation";
  if (a == "lebih") return "Usage near or above the allocation";
  if (a == "sesuai") return "In line with the allocation";
  if (a == "tanpa_alokasi") return "No allocation yet";
  return "No usage data";
}

const char* pdf_recommendation_en(const std::string& a) {
  if (a == "kurang") return "Usage far below the allocation: consider reducing it and giving it to other agencies.";
  if (a == "lebih")
    return "Usage near or above the allocation: review the need, add to the allocation, or control usage.";
  if (a == "sesuai") return "The allocation fits the usage; keep it.";
  if (a == "tanpa_alokasi") return "Set this agency's bandwidth allocation by the priority scale.";
  return "Check the automatic monitoring: no usage data this month.";
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

std::string evaluation_pdf(const tenancy::Profile& p, const BandwidthEvaluation& e, Language lang) {
  const auto& w = lang == Language::English ? kPdfEnglish : kPdfIndonesian;
  const auto& spec = spec_of(p);
  const auto* team = p.team(spec.bandwidth_report_team);
  const std::string team_name = team ? team->name : "Tim Koordinasi SPBE";

  pdf::Document doc;
  pdf::set_title(doc, w.title + e.month);
  pdf::new_page(doc);
  pdf::paragraph(doc, doc.bold, 11, pdf::clean(p.government_name), pdf::kMuted);
  pdf::paragraph(doc, doc.bold, 16, w.heading, pdf::kAccent);
  pdf::paragraph(doc, doc.regular, 11, pdf::clean(w.month_prefix + pdf_month_label(w, e.month)), pdf::kInk);
  doc.y -= 6;

  pdf::heading(doc, w.evaluation);
  pdf_label_value(doc, w.made, pdf_local_time(w, p, e.generated_at) + w.by + e.generated_by_name);
  auto basis = pdf_citation(p, spec.bandwidth_evaluation_rule);
  if (basis.empty()) basis = pdf_citation(p, spec.bandwidth_request_rule);
  pdf_label_value(doc, w.basis, basis.empty() ? w.no_basis : basis + (spec.bandwidth_monthly ? w.monthly : ""));
  auto to = pdf_citation(p, spec.bandwidth_report_rule);
  pdf_label_value(doc, w.sent_to, team_name + (to.empty() ? "" : " (" + to + ")"));
  pdf_label_value(doc, w.method, w.method_text);

  pdf::heading(doc, w.summary);
  std::map<std::string, int> verdicts;
  std::int64_t slots = 0;
  for (const auto& r : e.rows) {
    ++verdicts[r.assessment];
    slots += r.samples;
  }
  pdf_label_value(doc, w.agencies,
                  std::to_string(e.rows.size()) + w.evaluated + std::to_string(slots) + w.slots_with_data);
  auto verdict_name = [&](const std::string& a) { return w.english ? pdf_assessment_en(a) : assessment_name(a); };
  for (const char* a : {"lebih", "sesuai", "kurang", "tanpa_alokasi", "tanpa_data"})
    if (verdicts.count(a)) pdf_label_value(doc, verdict_name(a), std::to_string(verdicts[a]) + w.agency_count);

  pdf::heading(doc, w.per_agency);
  if (e.rows.empty()) pdf::paragraph(doc, doc.regular, 10, w.no_rows, pdf::kMuted);
  const std::vector<pdf::Column> columns = {{w.columns[0], 125},
                                            {w.columns[1], 40, pdf::Column::Right},
                                            {w.columns[2], 52, pdf::Column::Right},
                                            {w.columns[3], 45, pdf::Column::Right},
                                            {w.columns[4], 45, pdf::Column::Right},
                                            {w.columns[5], 45, pdf::Column::Right},
                                            {w.columns[6], 38, pdf::Column::Right},
                                            {w.columns[7], pdf::kWidth - 390}};
  pdf::table(doc, [&] {
    for (const auto& r : e.rows)
      pdf::table_row(
          doc, columns,
          {pdf::clean(r.agency_name), std::to_string(r.samples), pdf_decimal(w, r.average_mbps),
           pdf_decimal(w, r.p95_mbps), pdf_decimal(w, r.peak_mbps),
           r.allocated_mbps ? std::to_string(*r.allocated_mbps) : "-", pdf_share(r.share), verdict_name(r.assessment)},
          {{w.recommendation + pdf::clean(w.english ? pdf_recommendation_en(r.assessment) : r.recommendation),
            pdf::kMuted}},
          1);
  });
  pdf::paragraph(doc, doc.regular, 9, w.in_mbps, pdf::kMuted);

  pdf::heading(doc, w.receipt);
  if (e.acknowledged_at)
    pdf_label_value(
        doc, w.received,
        w.received_by + e.acknowledged_by_name + " (" + team_name + "), " + pdf_local_time(w, p, *e.acknowledged_at));
  else
    pdf_label_value(doc, w.received, w.not_received + team_name + ".");

  pdf::page_numbers(doc, w.footer + pdf_month_label(w, e.month), w.english);
  return pdf::save(doc, "writing the bandwidth evaluation");
}

}  // namespace simpul::infrastructure
