#pragma once
// Tables that flow over pages: the header row opens the table and every page it reaches; a row
// stays on one page when it fits on one and otherwise breaks between lines.
#include <string>
#include <vector>

#include "pdf/kit.hpp"

namespace simpul::pdf {

struct Column {
  const char* title;
  float width;
  enum Align { Left, Center, Right } align = Left;
};

/// Extra lines under a row (evidence, explanation), from the row's `notes_from` column onwards.
struct Note {
  std::string text;
  Rgb color;
};

/// One row: cells wrapped in their columns (the first in bold), then notes. Columns start at the
/// left margin; their widths should add up to the text width.
void table_row(Document& pdf, const std::vector<Column>& columns, const std::vector<std::string>& cells,
               const std::vector<Note>& notes = {}, std::size_t notes_from = 0);

/// Runs `rows` (which call table_row) as one table.
template <typename Rows>
void table(Document& pdf, Rows&& rows) {
  pdf.in_table = pdf.header_due = true;
  rows();
  pdf.in_table = pdf.header_due = false;
}

}  // namespace simpul::pdf
