#pragma once
// Layout toolkit of the evaluation report PDF (libharu): page geometry and colours, Indonesian
// number formatting, UTF-8 safe wrapping, the document with its cursor, and drawing primitives.
// Internal to report_pdf.cpp; header-only so the report file keeps only the report's sections.
#include <hpdf.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "evaluation/report.hpp"

namespace simpul::evaluation::pdf_kit {


// A4 portrait, in points.
constexpr float kPageWidth = 595.276f;
constexpr float kPageHeight = 841.89f;
constexpr float kLeft = 50;
constexpr float kRight = kPageWidth - 50;
constexpr float kWidth = kRight - kLeft;
constexpr float kTop = kPageHeight - 50;
constexpr float kBottom = 64;  // the footer lives below this line
constexpr double kScaleMax = 5;  // levels, and so every index, run 0..5 in both frameworks

// A Unicode TrueType font: the PDF base-14 fonts only cover Latin-1, and agency names carry
// typographic quotes and dashes. Debian package fonts-dejavu-core.
constexpr const char* kRegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

struct Rgb {
  float r, g, b;
};
constexpr Rgb kInk{0.12f, 0.12f, 0.14f};
constexpr Rgb kMuted{0.42f, 0.42f, 0.46f};
constexpr Rgb kAccent{0.07f, 0.33f, 0.56f};
constexpr Rgb kAccentLight{0.74f, 0.85f, 0.94f};
constexpr Rgb kPanel{0.94f, 0.96f, 0.98f};
constexpr Rgb kGrid{0.80f, 0.82f, 0.85f};
constexpr Rgb kWarnFill{1.0f, 0.96f, 0.84f};
constexpr Rgb kWarnLine{0.86f, 0.56f, 0.10f};
constexpr Rgb kWarnInk{0.55f, 0.30f, 0.0f};

// ---------------------------------------------------------------- numbers

/// `value` with `decimals` places and the Indonesian decimal comma: "2,44". std::to_chars, not
/// printf: the result must not depend on the process locale.
inline std::string decimal_id(double value, int decimals) {
  if (!std::isfinite(value)) return "\xE2\x80\x93";
  char buf[64];
  auto end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals).ptr;
  std::string s(buf, end);
  if (s.find_first_not_of("-0.") == std::string::npos && s.front() == '-') s.erase(0, 1);  // no "-0,00"
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

/// Up to `decimals` places but at least `keep`, trailing zeros dropped: weights "1,3", "10".
inline std::string trimmed_id(double value, int decimals, int keep = 0) {
  std::string s = decimal_id(value, decimals);
  auto comma = s.find(',');
  if (comma == std::string::npos) return s;
  std::size_t min_size = comma + (keep > 0 ? keep + 1 : 0);
  while (s.size() > min_size && s.back() == '0') s.pop_back();
  if (s.back() == ',') s.pop_back();
  return s;
}

/// Index points gained: at least two places ("0,05") but never rounding a weight away ("0,0275").
inline std::string gain_id(double gain) { return trimmed_id(gain, 4, 2); }

// ---------------------------------------------------------------- text

/// Text as libharu's UTF-8 encoder takes it: invalid bytes, and characters outside the Basic
/// Multilingual Plane (which libharu 2.3 drops), become U+FFFD; control characters become spaces
/// (newlines only where a paragraph may have them).
inline std::string clean(std::string_view in, bool keep_newlines = false) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  auto cont = [&](std::size_t i) { return i < in.size() && (static_cast<unsigned char>(in[i]) & 0xC0) == 0x80; };
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    auto b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      bool control = b < 0x20 || b == 0x7F;
      out += !control ? static_cast<char>(b) : (b == '\n' && keep_newlines ? '\n' : ' ');
      ++i;
    } else if (b >= 0xC2 && b <= 0xDF && cont(i + 1)) {
      out.append(in.substr(i, 2));
      i += 2;
    } else if (b >= 0xE0 && b <= 0xEF && cont(i + 1) && cont(i + 2)) {
      auto b1 = static_cast<unsigned char>(in[i + 1]);
      bool overlong = b == 0xE0 && b1 < 0xA0, surrogate = b == 0xED && b1 >= 0xA0;
      out.append(overlong || surrogate ? kReplacement : in.substr(i, 3));
      i += 3;
    } else if (b >= 0xF0 && b <= 0xF4 && cont(i + 1) && cont(i + 2) && cont(i + 3)) {
      out.append(kReplacement);
      i += 4;
    } else {
      out.append(kReplacement);
      ++i;
    }
  }
  return out;
}

/// Every string of the report cleaned once, so layout code can trust its input.
inline ReportData cleaned(const ReportData& in) {
  ReportData d = in;
  for (auto* s : {&d.tenant_name, &d.scope_name, &d.framework_title, &d.legal_basis, &d.state, &d.generated_at,
                  &d.predicate})
    *s = clean(*s);
  for (auto& s : d.domains) s.name = clean(s.name);
  for (auto& s : d.aspects) s.name = clean(s.name);
  for (auto& r : d.recommendations) r.indicator = clean(r.indicator);
  for (auto& ind : d.indicators) {
    for (auto* s : {&ind.id, &ind.name, &ind.aspect, &ind.level_name, &ind.state}) *s = clean(*s);
    ind.explanation = clean(ind.explanation, true);
    for (auto& e : ind.evidence)
      for (auto* s : {&e.label, &e.kind, &e.verdict}) *s = clean(*s);
  }
  return d;
}

inline bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Moves a byte count back to the start of a character: libharu measures bytes, and a cut inside
/// a multi-byte sequence would print garbage.
inline std::size_t char_boundary(std::string_view s, std::size_t n) {
  while (n > 0 && n < s.size() && continuation_byte(s[n])) --n;
  return n;
}

inline std::size_t first_char_size(std::string_view s) {
  std::size_t n = 1;
  while (n < s.size() && continuation_byte(s[n])) ++n;
  return n;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

inline float text_width(HPDF_Font font, float size, std::string_view s) {
  HPDF_TextWidth w = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                                         static_cast<HPDF_UINT>(s.size()));
  return static_cast<float>(w.width) * size / 1000.0f;
}

/// How many bytes of `s` fit in `width`; with `words`, only whole words (0 if the first word does
/// not fit).
inline std::size_t fitting(HPDF_Font font, float size, std::string_view s, float width, bool words) {
  HPDF_REAL used = 0;
  HPDF_UINT n = HPDF_Font_MeasureText(font, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                                      static_cast<HPDF_UINT>(s.size()), width, size, 0, 0,
                                      words ? HPDF_TRUE : HPDF_FALSE, &used);
  return char_boundary(s, std::min<std::size_t>(n, s.size()));
}

/// Lines of at most `width`, broken between words; a word longer than a line is broken between
/// characters. Empty text gives no lines.
inline std::vector<std::string> wrap(HPDF_Font font, float size, std::string_view text, float width) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view rest = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    while (!rest.empty()) {
      std::size_t n = fitting(font, size, rest, width, true);
      if (n == 0) n = fitting(font, size, rest, width, false);
      if (n == 0) n = first_char_size(rest);  // not even one character fits: never loop forever
      lines.emplace_back(trim(rest.substr(0, n)));
      rest = trim(rest.substr(n));
    }
  }
  return lines;
}

/// One line, cut with "…" when it is wider than `width`.
inline std::string ellipsized(HPDF_Font font, float size, std::string_view text, float width) {
  if (text_width(font, size, text) <= width) return std::string(text);
  static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
  float room = width - text_width(font, size, kEllipsis);
  std::size_t n = room > 0 ? fitting(font, size, text, room, false) : 0;
  return std::string(trim(text.substr(0, n))) + std::string(kEllipsis);
}

/// At most `max_lines` wrapped lines; the last one ends in "…" if text was left over.
inline std::vector<std::string> wrap_at_most(HPDF_Font font, float size, std::string_view text, float width,
                                      std::size_t max_lines) {
  auto lines = wrap(font, size, text, width);
  if (lines.size() <= max_lines || max_lines == 0) return lines;
  std::string tail;
  for (std::size_t i = max_lines - 1; i < lines.size(); ++i) tail += (tail.empty() ? "" : " ") + lines[i];
  lines.resize(max_lines);
  lines.back() = ellipsized(font, size, tail, width);
  return lines;
}

// ---------------------------------------------------------------- document and cursor

// libharu is C: errors are recorded here and checked afterwards, never thrown through its frames.
inline void on_error(HPDF_STATUS error, HPDF_STATUS, void* user_data) {
  auto* first = static_cast<HPDF_STATUS*>(user_data);
  if (*first == 0) *first = error;
}

using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)>;

/// The document and the layout cursor: `y` is the top of the free space on the current page.
struct Pdf {
  HPDF_STATUS failure = 0;
  DocPtr doc{nullptr, &HPDF_Free};
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  std::vector<HPDF_Page> pages;
  HPDF_Page page = nullptr;
  float y = kTop;
  /// Inside a table, every new page owes the reader the table's header row again.
  bool in_table = false;
  bool header_due = false;
};

inline void check(const Pdf& pdf, const char* what) {
  if (pdf.failure != 0)
    throw std::runtime_error(std::string("libharu error ") + std::to_string(pdf.failure) + " while " + what);
}

inline HPDF_Font load_font(Pdf& pdf, const char* file) {
  if (!std::filesystem::exists(file))
    throw std::runtime_error(std::string("report font missing: ") + file + " (install fonts-dejavu-core)");
  const char* name = HPDF_LoadTTFontFromFile(pdf.doc.get(), file, HPDF_TRUE);  // embedded: readers may lack it
  check(pdf, "loading a font");
  HPDF_Font font = HPDF_GetFont(pdf.doc.get(), name, "UTF-8");
  check(pdf, "loading a font");
  return font;
}

inline void open(Pdf& pdf) {
  pdf.doc.reset(HPDF_New(on_error, &pdf.failure));
  if (!pdf.doc) throw std::runtime_error("libharu: cannot create a document");
  HPDF_SetCompressionMode(pdf.doc.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf.doc.get());
  HPDF_SetInfoAttr(pdf.doc.get(), HPDF_INFO_CREATOR, "Simpul");
  pdf.regular = load_font(pdf, kRegularFont);
  pdf.bold = load_font(pdf, kBoldFont);
}

inline void new_page(Pdf& pdf) {
  pdf.page = HPDF_AddPage(pdf.doc.get());
  HPDF_Page_SetSize(pdf.page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  pdf.pages.push_back(pdf.page);
  pdf.y = kTop;
  pdf.header_due = pdf.in_table;
}

/// Starts a new page unless `height` still fits above the footer.
inline void ensure(Pdf& pdf, float height) {
  if (pdf.y - height < kBottom) new_page(pdf);
}

inline void fill_color(HPDF_Page page, Rgb c) { HPDF_Page_SetRGBFill(page, c.r, c.g, c.b); }
inline void stroke_color(HPDF_Page page, Rgb c) { HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b); }

/// Text with its baseline at (x, y).
inline void text_at(HPDF_Page page, HPDF_Font font, float size, float x, float y, const std::string& s, Rgb color) {
  if (s.empty()) return;
  fill_color(page, color);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, size);
  HPDF_Page_TextOut(page, x, y, s.c_str());
  HPDF_Page_EndText(page);
}

inline void text_right(HPDF_Page page, HPDF_Font font, float size, float right, float y, const std::string& s, Rgb color) {
  text_at(page, font, size, right - text_width(font, size, s), y, s, color);
}

inline void text_centered(HPDF_Page page, HPDF_Font font, float size, float center, float y, const std::string& s,
                   Rgb color) {
  text_at(page, font, size, center - text_width(font, size, s) / 2, y, s, color);
}

inline void hline(HPDF_Page page, float x0, float x1, float y, Rgb color, float width = 0.5f) {
  stroke_color(page, color);
  HPDF_Page_SetLineWidth(page, width);
  HPDF_Page_MoveTo(page, x0, y);
  HPDF_Page_LineTo(page, x1, y);
  HPDF_Page_Stroke(page);
}

inline void box(HPDF_Page page, float x, float y, float w, float h, Rgb fill, std::optional<Rgb> line = std::nullopt) {
  // Colours and widths are graphics state: PDF forbids changing them once a path is begun.
  fill_color(page, fill);
  if (line) {
    stroke_color(page, *line);
    HPDF_Page_SetLineWidth(page, 0.8f);
  }
  HPDF_Page_Rectangle(page, x, y, w, h);
  line ? HPDF_Page_FillStroke(page) : HPDF_Page_Fill(page);
}

/// Wrapped text flowing down from the cursor, breaking pages between lines.
inline void paragraph(Pdf& pdf, HPDF_Font font, float size, const std::string& s, Rgb color, float x = kLeft,
               float width = kWidth) {
  const float leading = size * 1.4f;
  for (const auto& line : wrap(font, size, s, width)) {
    ensure(pdf, leading);
    text_at(pdf.page, font, size, x, pdf.y - size, line, color);
    pdf.y -= leading;
  }
}

/// A section title; never left alone at the foot of a page.
inline void heading(Pdf& pdf, const std::string& title) {
  ensure(pdf, 90);
  pdf.y -= 10;
  paragraph(pdf, pdf.bold, 13, title, kAccent);
  hline(pdf.page, kLeft, kRight, pdf.y - 1, kAccent, 0.8f);
  pdf.y -= 10;
}

}  // namespace simpul::evaluation::pdf_kit
