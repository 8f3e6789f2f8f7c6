#pragma once
// The merged cell ranges of an XLSX workbook's worksheets (<mergeCells>): a merge keeps its value in
// its top-left cell and leaves the others empty, so a reader that needs the value of every covered
// cell (an RKA export with a merged sub-activity column) asks for them here. Kept apart from
// xlsx.hpp so the many readers of plain sheets are not rebuilt.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "interchange/limits.hpp"

namespace simpul::interchange {

/// One merged range; rows 1-based as written, columns 0-based (as Sheet rows and cells are indexed:
/// rows[first_row - 1][first_column] holds the value).
struct MergeRange {
  std::size_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;
};

struct SheetMerges {
  std::string name;
  std::vector<MergeRange> ranges;
};

/// The merged ranges of every worksheet, in the order and with the names read_xlsx() gives its
/// sheets. A reference that is not a cell range is Malformed; more ranges than Limits::max_cells
/// is TooLarge. Throws FileError as read_xlsx() does.
std::vector<SheetMerges> read_xlsx_merges(std::string_view bytes, const Limits& limits = {});

}  // namespace simpul::interchange
