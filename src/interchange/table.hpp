#pragma once
// The plain shape every tabular format is read into and written from.
#include <string>
#include <vector>

namespace simpul::interchange {

/// Cells as the user sees them, as UTF-8 text. Rows may have different lengths.
using Row = std::vector<std::string>;

struct Sheet {
  std::string name;
  /// rows[0] is usually the header. rows[i] is spreadsheet row i + 1, so empty rows in the
  /// middle are kept (as empty Rows) and problems can be reported by row number.
  std::vector<Row> rows;

  bool operator==(const Sheet&) const = default;
};

}  // namespace simpul::interchange
