#include "pdf/table.hpp"

#include <algorithm>

namespace simpul::pdf {
namespace {

constexpr float kCellPad = 3;
constexpr float kHeaderHeight = 17;

void cell_line(Document& pdf, HPDF_Font font, float size, float x, const Column& c, float baseline,
               const std::string& s, Rgb color) {
  switch (c.align) {
    case Column::Left:
      text_at(pdf.page, font, size, x + kCellPad, baseline, s, color);
      break;
    case Column::Center:
      text_centered(pdf.page, font, size, x + c.width / 2, baseline, s, color);
      break;
    case Column::Right:
      text_right(pdf.page, font, size, x + c.width - kCellPad, baseline, s, color);
      break;
  }
}

/// Room for `height` of table content at the cursor, drawing the header row first where it is
/// due. Drawn on demand, a header is never left alone at the foot of a page.
void table_space(Document& pdf, const std::vector<Column>& columns, float height) {
  ensure(pdf, height + (pdf.header_due ? kHeaderHeight + 2 : 0));
  if (!pdf.header_due) return;
  pdf.header_due = false;
  box(pdf.page, pdf.left(), pdf.y - kHeaderHeight, pdf.width(), kHeaderHeight, kAccent);
  float x = pdf.left();
  for (const auto& c : columns) {
    cell_line(pdf, pdf.bold, 7.5f, x, c, pdf.y - 11.5f, c.title, Rgb{1, 1, 1});
    x += c.width;
  }
  pdf.y -= kHeaderHeight + 2;
}

}  // namespace

void table_row(Document& pdf, const std::vector<Column>& columns, const std::vector<std::string>& cells,
               const std::vector<Note>& notes, std::size_t notes_from) {
  const float size = 8, leading = 10, note_size = 7, note_leading = 9;
  std::vector<std::vector<std::string>> wrapped;
  std::size_t rows = 1;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    wrapped.push_back(wrap(pdf.regular, size, i < cells.size() ? cells[i] : "", columns[i].width - 2 * kCellPad));
    rows = std::max(rows, wrapped.back().size());
  }
  float notes_x = pdf.left();
  for (std::size_t i = 0; i < notes_from && i < columns.size(); ++i) notes_x += columns[i].width;
  std::vector<std::pair<std::string, Rgb>> note_lines;
  for (const auto& n : notes)
    for (auto& line : wrap(pdf.regular, note_size, n.text, pdf.right() - notes_x - 2 * kCellPad))
      note_lines.emplace_back(std::move(line), n.color);

  float needed = rows * leading + note_lines.size() * note_leading + 6;
  table_space(pdf, columns, std::min(needed, (pdf.top() - pdf.bottom()) / 2));
  pdf.y -= 2;
  for (std::size_t r = 0; r < rows; ++r) {
    table_space(pdf, columns, leading);
    float x = pdf.left();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (r < wrapped[i].size())
        cell_line(pdf, i == 0 ? pdf.bold : pdf.regular, size, x, columns[i], pdf.y - size, wrapped[i][r], kInk);
      x += columns[i].width;
    }
    pdf.y -= leading;
  }
  for (const auto& [line, color] : note_lines) {
    table_space(pdf, columns, note_leading);
    text_at(pdf.page, pdf.regular, note_size, notes_x + kCellPad, pdf.y - note_size - 1, line, color);
    pdf.y -= note_leading;
  }
  pdf.y -= 3;
  hline(pdf.page, pdf.left(), pdf.right(), pdf.y, kGrid, 0.4f);
  pdf.y -= 1;
}

}  // namespace simpul::pdf
