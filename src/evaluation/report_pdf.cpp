// The evaluation report as PDF, drawn with the shared kit (src/pdf). Layout is a single top-down
// pass with a cursor; page numbers ("Halaman X dari Y") are written once every page exists.
#include <hpdf.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "evaluation/report.hpp"
#include "evaluation/report_text.hpp"
#include "pdf/kit.hpp"
#include "pdf/table.hpp"

namespace simpul::evaluation {
namespace {

using namespace pdf;

// Levels, and so every index, run 0..5 in both frameworks.
constexpr double kScaleMax = 5;

// ---------------------------------------------------------------- cover

std::string report_title(const ReportData& d) {
  std::string t = "Laporan Pemantauan dan Evaluasi SPBE";
  return d.year > 0 ? t + " " + std::to_string(d.year) : t;
}

/// "Label   value" rows; the value wraps under itself.
void field(Document& pdf, const std::string& label, const std::string& value) {
  if (value.empty()) return;
  const float size = 9, leading = 12.5f, label_width = 92;
  auto lines = wrap(pdf.regular, size, value, kWidth - label_width);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    ensure(pdf, leading);
    if (i == 0) text_at(pdf.page, pdf.bold, size, kLeft, pdf.y - size, label, kMuted);
    text_at(pdf.page, pdf.regular, size, kLeft + label_width, pdf.y - size, lines[i], kInk);
    pdf.y -= leading;
  }
  pdf.y -= 2;
}

void provisional_warning(Document& pdf) {
  const float size = 9, leading = 12.5f, pad = 9;
  auto lines = wrap(pdf.regular, size,
                    "Kerangka penilaian bersifat sementara (provisional): bobot, tingkat dan kriteria belum "
                    "dikonfirmasi dari sumber resmi yang lengkap. Indeks dalam laporan ini dapat berubah "
                    "setelah kerangka resmi ditetapkan.",
                    kWidth - 2 * pad - 4);
  float h = 2 * pad + 13 + lines.size() * leading;
  ensure(pdf, h + 8);
  pdf.y -= 6;
  box(pdf.page, kLeft, pdf.y - h, kWidth, h, kWarnFill, kWarnLine);
  box(pdf.page, kLeft, pdf.y - h, 4, h, kWarnLine);
  float y = pdf.y - pad - 9;
  text_at(pdf.page, pdf.bold, size, kLeft + pad + 4, y, "Perhatian", kWarnInk);
  for (const auto& line : lines) {
    y -= leading;
    text_at(pdf.page, pdf.regular, size, kLeft + pad + 4, y, line, kWarnInk);
  }
  pdf.y -= h + 4;
}

void index_panel(Document& pdf, const ReportData& d) {
  const float h = 122, right_x = kLeft + 210, right_w = kRight - right_x - 14;
  ensure(pdf, h + 12);
  pdf.y -= 10;
  const float top = pdf.y;
  box(pdf.page, kLeft, top - h, kWidth, h, kPanel, kAccentLight);
  text_at(pdf.page, pdf.bold, 10, kLeft + 16, top - 24, "Indeks", kMuted);
  text_at(pdf.page, pdf.bold, 46, kLeft + 14, top - 78, decimal_id(d.index, 2), kAccent);
  text_at(pdf.page, pdf.regular, 8, kLeft + 16, top - 98,
          "skala 0\xE2\x80\x93"
          "5",
          kMuted);

  text_at(pdf.page, pdf.bold, 10, right_x, top - 24, "Predikat", kMuted);
  if (d.predicate.empty()) {
    text_at(pdf.page, pdf.regular, 16, right_x, top - 50, "tanpa predikat", kMuted);
  } else {
    auto lines = wrap_at_most(pdf.bold, 20, d.predicate, right_w, 1);
    text_at(pdf.page, pdf.bold, 20, right_x, top - 52, lines.front(), kInk);
  }
  if (!d.complete) {
    float y = top - 78;
    for (const auto& line : wrap_at_most(pdf.regular, 8.5f,
                                         "Belum semua indikator dijawab: indeks adalah batas "
                                         "bawah (indikator yang belum dijawab dihitung 0).",
                                         right_w, 3)) {
      text_at(pdf.page, pdf.regular, 8.5f, right_x, y, line, kWarnInk);
      y -= 11;
    }
  }
  pdf.y = top - h - 6;
}

/// A horizontal bar of `value` on 0..5, `width` long at full scale.
void bar(HPDF_Page page, float x, float y, float width, float height, double value, Rgb color) {
  double v = std::isfinite(value) ? std::clamp(value, 0.0, kScaleMax) : 0.0;
  box(page, x, y, width, height, kPanel);
  if (v > 0) box(page, x, y, static_cast<float>(width * v / kScaleMax), height, color);
}

void history(Document& pdf, const ReportData& d) {
  if (d.history.empty()) return;
  heading(pdf, "Riwayat Indeks");
  auto rows = d.history;
  std::sort(rows.begin(), rows.end());
  const float size = 9, row = 16, col_index = kLeft + 150, col_bar = kLeft + 200;
  ensure(pdf, row);
  text_at(pdf.page, pdf.bold, size, kLeft, pdf.y - size - 2, "Tahun", kMuted);
  text_right(pdf.page, pdf.bold, size, col_index + 30, pdf.y - size - 2, "Indeks", kMuted);
  pdf.y -= row;
  auto line = [&](const std::string& year, double value, Rgb color) {
    ensure(pdf, row);
    text_at(pdf.page, pdf.regular, size, kLeft, pdf.y - size - 2, year, kInk);
    text_right(pdf.page, pdf.bold, size, col_index + 30, pdf.y - size - 2, decimal_id(value, 2), kInk);
    bar(pdf.page, col_bar, pdf.y - row + 4, 200, 9, value, color);
    pdf.y -= row;
  };
  for (const auto& [year, value] : rows) line(std::to_string(year), value, kAccentLight);
  line((d.year > 0 ? std::to_string(d.year) + " " : std::string()) + "(periode ini)", d.index, kAccent);
}

void cover(Document& pdf, const ReportData& d) {
  box(pdf.page, 0, kPageHeight - 14, kPageWidth, 14, kAccent);
  text_at(pdf.page, pdf.bold, 8, kLeft, pdf.y - 8, "SIMPUL \xC2\xB7 SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", kMuted);
  pdf.y -= 22;
  paragraph(pdf, pdf.bold, 20, report_title(d), kInk);
  pdf.y -= 4;
  paragraph(pdf, pdf.bold, 13, d.tenant_name, kAccent);
  paragraph(pdf, pdf.regular, 11, d.scope_name, kInk);
  pdf.y -= 6;
  hline(pdf.page, kLeft, kRight, pdf.y, kGrid);
  pdf.y -= 10;
  field(pdf, "Kerangka", d.framework_title);
  field(pdf, "Dasar hukum", d.legal_basis);
  field(pdf, "Status", d.state);
  field(pdf, "Dibuat", d.generated_at);
  if (d.provisional) provisional_warning(pdf);
  index_panel(pdf, d);
  history(pdf, d);
}

// ---------------------------------------------------------------- charts

/// Horizontal bars on 0..5 with gridlines; split over pages if there are many rows.
void bar_chart(Document& pdf, const std::vector<ReportScore>& scores, bool numbered) {
  const float label_w = 150, value_w = 34, row = 24, axis = 18;
  const float x0 = kLeft + label_w + 8, x1 = kRight - value_w, unit = (x1 - x0) / static_cast<float>(kScaleMax);
  std::size_t next = 0;
  while (next < scores.size()) {
    auto room = static_cast<std::size_t>(std::max(0.0f, (pdf.y - kBottom - axis - 6) / row));
    if (room == 0) {
      new_page(pdf);
      continue;
    }
    std::size_t n = std::min(room, scores.size() - next);
    const float top = pdf.y - 4, bottom = top - n * row;
    for (int v = 0; v <= static_cast<int>(kScaleMax); ++v) {
      float x = x0 + v * unit;
      stroke_color(pdf.page, kGrid);
      HPDF_Page_SetLineWidth(pdf.page, v == 0 ? 0.8f : 0.4f);
      HPDF_Page_MoveTo(pdf.page, x, top);
      HPDF_Page_LineTo(pdf.page, x, bottom);
      HPDF_Page_Stroke(pdf.page);
      text_centered(pdf.page, pdf.regular, 7.5f, x, bottom - 10, std::to_string(v), kMuted);
    }
    for (std::size_t i = 0; i < n; ++i, ++next) {
      const auto& s = scores[next];
      const float mid = top - i * row - row / 2;
      std::string label = numbered ? std::to_string(next + 1) + ". " + s.name : s.name;
      auto lines = wrap_at_most(pdf.regular, 8, label, label_w, 2);
      float y = mid + (lines.size() == 2 ? 1.5f : -3.0f);
      for (const auto& line : lines) {
        text_at(pdf.page, pdf.regular, 8, kLeft, y, line, kInk);
        y -= 9.5f;
      }
      double v = std::isfinite(s.value) ? std::clamp(s.value, 0.0, kScaleMax) : 0.0;
      if (v > 0) box(pdf.page, x0, mid - 6, static_cast<float>(v * unit), 12, kAccent);
      text_at(pdf.page, pdf.bold, 8, x0 + static_cast<float>(v * unit) + 4, mid - 3, decimal_id(s.value, 2), kInk);
    }
    pdf.y = bottom - axis;
  }
}

/// Radar (spider) chart of 3..12 scores on 0..5: rings for levels 1..5, one axis per score,
/// the values as a filled polygon.
void radar_chart(Document& pdf, const std::vector<ReportScore>& scores) {
  const float radius = 118, label_gap = 10, label_w = 108, height = 2 * radius + 80;
  ensure(pdf, height);
  const float cx = kLeft + kWidth / 2, cy = pdf.y - 40 - radius;
  const std::size_t n = scores.size();
  auto angle = [&](std::size_t i) { return std::numbers::pi / 2 - 2 * std::numbers::pi * i / n; };
  auto point = [&](std::size_t i, double v, float extra = 0) {
    float r = static_cast<float>(radius * v / kScaleMax) + extra;
    return std::pair{cx + r * static_cast<float>(std::cos(angle(i))), cy + r * static_cast<float>(std::sin(angle(i)))};
  };
  auto value_of = [&](std::size_t i) {
    return std::isfinite(scores[i].value) ? std::clamp(scores[i].value, 0.0, kScaleMax) : 0.0;
  };
  auto polygon = [&](auto&& radius_of) {
    for (std::size_t i = 0; i < n; ++i) {
      auto [x, y] = point(i, radius_of(i));
      i == 0 ? HPDF_Page_MoveTo(pdf.page, x, y) : HPDF_Page_LineTo(pdf.page, x, y);
    }
    HPDF_Page_ClosePath(pdf.page);
  };
  HPDF_Page page = pdf.page;
  // The values first, so the rings stay visible on top of the fill.
  fill_color(page, kAccentLight);
  polygon(value_of);
  HPDF_Page_Fill(page);
  for (int level = 1; level <= static_cast<int>(kScaleMax); ++level) {
    stroke_color(page, kGrid);
    HPDF_Page_SetLineWidth(page, level == static_cast<int>(kScaleMax) ? 0.9f : 0.4f);
    polygon([&](std::size_t) { return static_cast<double>(level); });
    HPDF_Page_Stroke(page);
  }
  HPDF_Page_SetLineWidth(page, 0.5f);
  for (std::size_t i = 0; i < n; ++i) {
    auto [x, y] = point(i, kScaleMax);
    HPDF_Page_MoveTo(page, cx, cy);
    HPDF_Page_LineTo(page, x, y);
  }
  HPDF_Page_Stroke(page);
  for (int level = 1; level <= static_cast<int>(kScaleMax); ++level)
    text_at(page, pdf.regular, 6.5f, cx + 3, cy + radius * level / static_cast<float>(kScaleMax) + 2,
            std::to_string(level), kMuted);
  stroke_color(page, kAccent);
  HPDF_Page_SetLineWidth(page, 1.4f);
  polygon(value_of);
  HPDF_Page_Stroke(page);
  fill_color(page, kAccent);
  for (std::size_t i = 0; i < n; ++i) {
    auto [x, y] = point(i, value_of(i));
    HPDF_Page_Circle(page, x, y, 2.2f);
    HPDF_Page_Fill(page);
  }
  // Labels outside the outer ring, anchored away from the centre; the full names are in the
  // table below, so two lines are enough here.
  for (std::size_t i = 0; i < n; ++i) {
    auto lines = wrap_at_most(pdf.regular, 7.5f, std::to_string(i + 1) + ". " + scores[i].name, label_w, 2);
    lines.push_back(decimal_id(scores[i].value, 2));
    const float leading = 9, block = lines.size() * leading;
    auto [ax, ay] = point(i, kScaleMax, label_gap);
    double c = std::cos(angle(i)), s = std::sin(angle(i));
    float y = s > 0.3 ? ay + block - 7 : s < -0.3 ? ay - 7 : ay + block / 2 - 7;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      HPDF_Font font = k + 1 == lines.size() ? pdf.bold : pdf.regular;
      Rgb color = k + 1 == lines.size() ? kAccent : kInk;
      if (c > 0.25)
        text_at(page, font, 7.5f, ax, y, lines[k], color);
      else if (c < -0.25)
        text_right(page, font, 7.5f, ax, y, lines[k], color);
      else
        text_centered(page, font, 7.5f, ax, y, lines[k], color);
      y -= leading;
    }
  }
  pdf.y -= height;
}

// ---------------------------------------------------------------- tables

void aspect_table(Document& pdf, const std::vector<ReportScore>& aspects) {
  std::vector<Column> columns{{"No", 26, Column::Center},
                              {"Aspek", kWidth - 26 - 60 - 60},
                              {"Bobot", 60, Column::Right},
                              {"Indeks", 60, Column::Right}};
  pdf.y -= 6;
  table(pdf, [&] {
    for (std::size_t i = 0; i < aspects.size(); ++i)
      table_row(
          pdf, columns,
          {std::to_string(i + 1), aspects[i].name, trimmed_id(aspects[i].weight, 2), decimal_id(aspects[i].value, 2)},
          {}, 0);
  });
}

void charts(Document& pdf, const ReportData& d) {
  if (!d.domains.empty()) {
    heading(pdf, "Indeks per Domain");
    bar_chart(pdf, d.domains, false);
  }
  if (!d.aspects.empty()) {
    heading(pdf, "Indeks per Aspek");
    if (d.aspects.size() >= 3 && d.aspects.size() <= 12)
      radar_chart(pdf, d.aspects);
    else  // a radar needs three axes to be a shape, and is unreadable beyond a dozen
      bar_chart(pdf, d.aspects, true);
    aspect_table(pdf, d.aspects);
  }
}

std::string level_text(const ReportIndicator& ind) {
  if (!ind.level) return "\xE2\x80\x93";  // en dash: no level
  return ind.level_name.empty() ? std::to_string(*ind.level)
                                : std::to_string(*ind.level) + " \xC2\xB7 " + ind.level_name;
}

std::string evidence_text(const ReportEvidence& e) {
  std::string s = "\xE2\x80\xA2 " + e.label + " (" + evidence_kind_name(e.kind);
  if (e.level) s += ", tingkat " + std::to_string(*e.level);
  if (!e.verdict.empty()) s += ", " + e.verdict;
  return s + ")";
}

void indicator_table(Document& pdf, const ReportData& d) {
  heading(pdf, "Jawaban per Indikator");
  if (d.indicators.empty()) {
    paragraph(pdf, pdf.regular, 9, "Belum ada indikator dalam laporan ini.", kMuted);
    return;
  }
  std::vector<Column> columns{{"No", 24, Column::Center},   {"Indikator", 170}, {"Aspek", 92},
                              {"Bobot", 36, Column::Right}, {"Tingkat", 78},    {"Nilai", 36, Column::Right},
                              {"Status", kWidth - 436}};
  table(pdf, [&] {
    for (const auto& ind : d.indicators) {
      std::vector<Note> notes;
      if (!ind.explanation.empty()) notes.push_back({"Penjelasan: " + ind.explanation, kInk});
      if (!ind.evidence.empty()) notes.push_back({"Bukti (" + std::to_string(ind.evidence.size()) + "):", kMuted});
      for (const auto& e : ind.evidence) notes.push_back({evidence_text(e), kMuted});
      table_row(pdf, columns,
                {std::to_string(ind.number), ind.name, ind.aspect, trimmed_id(ind.weight, 2), level_text(ind),
                 decimal_id(ind.value, 2), ind.state},
                notes, 1);
    }
  });
}

void recommendations(Document& pdf, const ReportData& d) {
  ensure(pdf, std::min(70.0f + 30.0f * d.recommendations.size(), 300.0f));  // a short list stays on one page
  heading(pdf, "Rekomendasi");
  if (d.recommendations.empty()) {
    paragraph(pdf, pdf.regular, 9, "Tidak ada rekomendasi.", kMuted);
    return;
  }
  paragraph(pdf, pdf.regular, 9,
            "Indikator yang kenaikan satu tingkatnya paling menambah indeks, dengan jawaban lain tetap:", kMuted);
  pdf.y -= 4;
  for (std::size_t i = 0; i < d.recommendations.size(); ++i) {
    const auto& r = d.recommendations[i];
    ensure(pdf, 26);
    text_at(pdf.page, pdf.bold, 9, kLeft, pdf.y - 9, std::to_string(i + 1) + ".", kAccent);
    paragraph(pdf, pdf.bold, 9, r.indicator, kInk, kLeft + 20, kWidth - 20);
    paragraph(pdf, pdf.regular, 9,
              "Tingkat " + std::to_string(r.from) + " \xE2\x86\x92 " + std::to_string(r.to) + ": +" + gain_id(r.gain) +
                  " poin indeks",
              kAccent, kLeft + 20, kWidth - 20);
    pdf.y -= 4;
  }
}

}  // namespace

std::string render_report_pdf(const ReportData& data) {
  const ReportData d = cleaned(data);
  Document pdf;
  set_title(pdf, report_title(d));
  new_page(pdf);
  cover(pdf, d);
  charts(pdf, d);
  recommendations(pdf, d);  // before the long table: what to do next belongs with the summary
  indicator_table(pdf, d);
  // Written last: only now is the number of pages known.
  page_numbers(pdf, report_title(d) + (d.tenant_name.empty() ? "" : " \xE2\x80\x94 " + d.tenant_name));
  return save(pdf, "writing the report");
}

}  // namespace simpul::evaluation
