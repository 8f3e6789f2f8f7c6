#pragma once
// Bounds applied to every file read, so a hostile or accidental upload fails early instead of
// exhausting memory. Defaults fit a whole regional architecture with a wide margin.
#include <cstddef>

namespace simpul::interchange {

struct Limits {
  /// Bytes of XML/CSV text looked at: the input itself for CSV and OEF, the sum of the unpacked
  /// zip entries read for XLSX (counted while inflating, since declared sizes can lie).
  std::size_t max_uncompressed_bytes = 50u * 1024 * 1024;
  std::size_t max_sheets = 255;
  std::size_t max_rows = 200'000;
  std::size_t max_columns = 200;
  /// Excel's own limit for one cell; counted in code points.
  std::size_t max_cell_chars = 32'767;
  /// Cells held in memory, empty ones included: sparse references ("A1", "GR200000") would
  /// otherwise make a small file expand into millions of padding cells.
  std::size_t max_cells = 4'000'000;
  /// Text copied out of an XLSX file: one shared string can be referenced by every cell.
  std::size_t max_text_bytes = 100u * 1024 * 1024;

  /// For a register import through the API (architecture elements, the application inventory): a
  /// whole city's register is a few thousand rows, so a file ten times that is refused while it is
  /// being read, before it occupies memory.
  static Limits for_register_import() {
    Limits l;
    l.max_rows = 20'000;
    l.max_cells = 1'000'000;
    l.max_uncompressed_bytes = 16u * 1024 * 1024;
    l.max_text_bytes = 16u * 1024 * 1024;
    return l;
  }
};

}  // namespace simpul::interchange
