#pragma once
// XLSX workbooks <-> sheets of text cells.
#include <string>
#include <string_view>
#include <vector>

#include "interchange/limits.hpp"
#include "interchange/table.hpp"

namespace simpul::interchange {

/// Reads every worksheet, in workbook order, found through the workbook's relationships (chart
/// sheets are skipped). Cells come back as text: shared and inline strings (rich text joined),
/// numbers as written but integers without ".0" ("5", not "5.0"; dates stay serial numbers such
/// as "45292"), booleans as "TRUE"/"FALSE", errors such as "#N/A", formula results as cached.
/// Cells keep their column from their reference, so a gap stays an empty string; trailing empty
/// cells of a row and trailing empty rows are dropped, since spreadsheet tools leave formatted
/// but empty cells behind.
/// Throws FileError: NotXlsx, Malformed, TooLarge (see Limits).
std::vector<Sheet> read_xlsx(std::string_view bytes, const Limits& limits = {});

/// Writes one worksheet per sheet: the first row bold and frozen as the header, columns as wide as
/// their text (within reason). Cells that are plain integers of up to 15 digits without leading
/// zeros are written as numbers (so Excel does not flag "number stored as text"); everything else,
/// codes such as "1.10" or "0812..." included, as text. Empty strings are left as empty cells.
/// Sheet names must be valid Excel names (1-31 characters, none of []:*?/\, unique) and cell text
/// at most 32,767 characters: std::invalid_argument / FileError(TooLarge) otherwise. Invalid UTF-8
/// becomes U+FFFD. An empty list still gives one empty sheet "Sheet1": a workbook cannot have none.
std::string write_xlsx(const std::vector<Sheet>& sheets);

}  // namespace simpul::interchange
