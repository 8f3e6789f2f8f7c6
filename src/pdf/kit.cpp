#include "pdf/kit.hpp"

#include <filesystem>
#include <stdexcept>

namespace simpul::pdf {
namespace {

void on_error(HPDF_STATUS error, HPDF_STATUS, void* user_data) {
  auto* first = static_cast<HPDF_STATUS*>(user_data);
  if (*first == 0) *first = error;
}

HPDF_Font load_font(Document& pdf, const char* file) {
  if (!std::filesystem::exists(file))
    throw std::runtime_error(std::string("PDF font missing: ") + file + " (install fonts-dejavu-core)");
  const char* name = HPDF_LoadTTFontFromFile(pdf.doc.get(), file, HPDF_TRUE);  // embedded: readers may lack it
  check(pdf, "loading a font");
  HPDF_Font font = HPDF_GetFont(pdf.doc.get(), name, "UTF-8");
  check(pdf, "loading a font");
  return font;
}

}  // namespace

Document::Document(Margins m) : margins(m), y(kPageHeight - m.top) {
  doc.reset(HPDF_New(on_error, &failure));
  if (!doc) throw std::runtime_error("libharu: cannot create a document");
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc.get());
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_CREATOR, "Simpul");
  regular = load_font(*this, kRegularFont);
  bold = load_font(*this, kBoldFont);
}

void check(const Document& pdf, const char* what) {
  if (pdf.failure != 0)
    throw std::runtime_error(std::string("libharu error ") + std::to_string(pdf.failure) + " while " + what);
}

void set_title(Document& pdf, const std::string& title) {
  std::string ascii;
  for (unsigned char c : title) ascii += c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '?';
  HPDF_SetInfoAttr(pdf.doc.get(), HPDF_INFO_TITLE, ascii.c_str());
}

void new_page(Document& pdf) {
  pdf.page = HPDF_AddPage(pdf.doc.get());
  HPDF_Page_SetSize(pdf.page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  pdf.pages.push_back(pdf.page);
  pdf.y = pdf.top();
  pdf.header_due = pdf.in_table;
}

void ensure(Document& pdf, float height) {
  if (!pdf.page || pdf.y - height < pdf.bottom()) new_page(pdf);
}

void fill_color(HPDF_Page page, Rgb c) { HPDF_Page_SetRGBFill(page, c.r, c.g, c.b); }
void stroke_color(HPDF_Page page, Rgb c) { HPDF_Page_SetRGBStroke(page, c.r, c.g, c.b); }

void text_at(HPDF_Page page, HPDF_Font font, float size, float x, float y, const std::string& s, Rgb color) {
  if (s.empty()) return;
  fill_color(page, color);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, size);
  HPDF_Page_TextOut(page, x, y, s.c_str());
  HPDF_Page_EndText(page);
}

void text_right(HPDF_Page page, HPDF_Font font, float size, float right, float y, const std::string& s, Rgb color) {
  text_at(page, font, size, right - text_width(font, size, s), y, s, color);
}

void text_centered(HPDF_Page page, HPDF_Font font, float size, float center, float y, const std::string& s, Rgb color) {
  text_at(page, font, size, center - text_width(font, size, s) / 2, y, s, color);
}

void hline(HPDF_Page page, float x0, float x1, float y, Rgb color, float width) {
  stroke_color(page, color);
  HPDF_Page_SetLineWidth(page, width);
  HPDF_Page_MoveTo(page, x0, y);
  HPDF_Page_LineTo(page, x1, y);
  HPDF_Page_Stroke(page);
}

void box(HPDF_Page page, float x, float y, float w, float h, Rgb fill, std::optional<Rgb> line) {
  // Colours and widths are graphics state: PDF forbids changing them once a path is begun.
  fill_color(page, fill);
  if (line) {
    stroke_color(page, *line);
    HPDF_Page_SetLineWidth(page, 0.8f);
  }
  HPDF_Page_Rectangle(page, x, y, w, h);
  line ? HPDF_Page_FillStroke(page) : HPDF_Page_Fill(page);
}

void paragraph(Document& pdf, HPDF_Font font, float size, const std::string& s, Rgb color, float line_height) {
  paragraph(pdf, font, size, s, color, pdf.left(), pdf.width(), line_height);
}

void paragraph(Document& pdf, HPDF_Font font, float size, const std::string& s, Rgb color, float x, float width,
               float line_height) {
  const float leading = size * line_height;
  for (const auto& line : wrap(font, size, s, width)) {
    ensure(pdf, leading);
    text_at(pdf.page, font, size, x, pdf.y - size, line, color);
    pdf.y -= leading;
  }
}

void heading(Document& pdf, const std::string& title) {
  ensure(pdf, 90);
  pdf.y -= 10;
  paragraph(pdf, pdf.bold, 13, title, kAccent);
  hline(pdf.page, pdf.left(), pdf.right(), pdf.y - 1, kAccent, 0.8f);
  pdf.y -= 10;
}

void page_numbers(Document& pdf, const std::string& left, bool english) {
  const std::string total = std::to_string(pdf.pages.size());
  const float size = 7.5f;
  for (std::size_t i = 0; i < pdf.pages.size(); ++i) {
    HPDF_Page page = pdf.pages[i];
    std::string right =
        (english ? "Page " : "Halaman ") + std::to_string(i + 1) + (english ? " of " : " dari ") + total;
    hline(page, pdf.left(), pdf.right(), 44, kGrid);
    text_right(page, pdf.regular, size, pdf.right(), 32, right, kMuted);
    text_at(page, pdf.regular, size, pdf.left(), 32,
            ellipsized(pdf.regular, size, left, pdf.width() - text_width(pdf.regular, size, right) - 20), kMuted);
  }
}

std::string save(Document& pdf, const char* what) {
  HPDF_SaveToStream(pdf.doc.get());
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf.doc.get());
  std::string out(size, '\0');
  HPDF_ReadFromStream(pdf.doc.get(), reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  check(pdf, what);
  return out;
}

}  // namespace simpul::pdf
