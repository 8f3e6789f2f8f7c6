#pragma once
// The PDF kit every Simpul document is drawn with (libharu): A4 pages with margins, DejaVu Sans
// embedded so any Indonesian or other UTF-8 text prints as written, a top-down layout cursor that
// breaks pages, drawing primitives, headings and page numbers. Tables are in pdf/table.hpp, text
// measuring and wrapping in pdf/text.hpp.
#include <hpdf.h>

#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "pdf/text.hpp"

namespace simpul::pdf {

// A4 portrait, in points.
constexpr float kPageWidth = 595.276f;
constexpr float kPageHeight = 841.89f;

/// Distances from the page edges; the footer (page numbers) lives below `bottom`.
struct Margins {
  float left = 50;
  float right = 50;
  float top = 50;
  float bottom = 64;
};

// The default margins as coordinates, for layouts that place things on a fixed grid.
constexpr float kLeft = 50;
constexpr float kRight = kPageWidth - 50;
constexpr float kWidth = kRight - kLeft;
constexpr float kTop = kPageHeight - 50;
constexpr float kBottom = 64;

// A Unicode TrueType font: the PDF base-14 fonts only cover Latin-1, and names carry typographic
// quotes, dashes and letters beyond it. Debian package fonts-dejavu-core.
constexpr const char* kRegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

struct Rgb {
  float r, g, b;
};
constexpr Rgb kBlack{0, 0, 0};
constexpr Rgb kInk{0.12f, 0.12f, 0.14f};
constexpr Rgb kMuted{0.42f, 0.42f, 0.46f};
constexpr Rgb kAccent{0.07f, 0.33f, 0.56f};
constexpr Rgb kAccentLight{0.74f, 0.85f, 0.94f};
constexpr Rgb kPanel{0.94f, 0.96f, 0.98f};
constexpr Rgb kGrid{0.80f, 0.82f, 0.85f};
constexpr Rgb kWarnFill{1.0f, 0.96f, 0.84f};
constexpr Rgb kWarnLine{0.86f, 0.56f, 0.10f};
constexpr Rgb kWarnInk{0.55f, 0.30f, 0.0f};

/// An open document with both fonts loaded, and the layout cursor: `y` is the top of the free
/// space on the current page. libharu is C: its errors are recorded in `failure` and checked by
/// check() and save(), never thrown through its frames. Throws std::runtime_error when libharu
/// cannot start or a font file is missing.
struct Document {
  explicit Document(Margins margins = {});
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  float left() const { return margins.left; }
  float right() const { return kPageWidth - margins.right; }
  float width() const { return right() - left(); }
  float top() const { return kPageHeight - margins.top; }
  float bottom() const { return margins.bottom; }

  Margins margins;
  HPDF_STATUS failure = 0;  // the first libharu error; its address is registered with libharu
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc{nullptr, &HPDF_Free};
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  std::vector<HPDF_Page> pages;
  HPDF_Page page = nullptr;
  float y = 0;
  /// Inside a table, every new page owes the reader the table's header row again.
  bool in_table = false;
  bool header_due = false;
};

/// Throws std::runtime_error naming `what` if libharu has reported an error.
void check(const Document& pdf, const char* what);

/// The document title in the PDF's information dictionary; ASCII only (the dictionary is not
/// UTF-8 aware in libharu), other characters become '?'.
void set_title(Document& pdf, const std::string& title);

void new_page(Document& pdf);
/// Starts a new page unless `height` still fits above the bottom margin.
void ensure(Document& pdf, float height);

void fill_color(HPDF_Page page, Rgb c);
void stroke_color(HPDF_Page page, Rgb c);

/// Text with its baseline at (x, y); `s` must be clean (pdf::clean).
void text_at(HPDF_Page page, HPDF_Font font, float size, float x, float y, const std::string& s, Rgb color);
void text_right(HPDF_Page page, HPDF_Font font, float size, float right, float y, const std::string& s, Rgb color);
void text_centered(HPDF_Page page, HPDF_Font font, float size, float center, float y, const std::string& s, Rgb color);
void hline(HPDF_Page page, float x0, float x1, float y, Rgb color, float width = 0.5f);
void box(HPDF_Page page, float x, float y, float w, float h, Rgb fill, std::optional<Rgb> line = std::nullopt);

/// Wrapped text flowing down from the cursor between the margins, breaking pages between lines;
/// lines are `line_height` times the font size apart.
void paragraph(Document& pdf, HPDF_Font font, float size, const std::string& s, Rgb color, float line_height = 1.4f);
/// The same in a column of the page.
void paragraph(Document& pdf, HPDF_Font font, float size, const std::string& s, Rgb color, float x, float width,
               float line_height = 1.4f);

/// A section title with a rule under it; never left alone at the foot of a page.
void heading(Document& pdf, const std::string& title);

/// "Halaman X dari Y" ("Page X of Y" when `english`) at the right of every page's footer and `left`
/// (cut to fit) at its left. Call once every page exists.
void page_numbers(Document& pdf, const std::string& left, bool english = false);

/// The finished PDF's bytes; throws std::runtime_error naming `what` if libharu failed anywhere.
std::string save(Document& pdf, const char* what);

}  // namespace simpul::pdf
