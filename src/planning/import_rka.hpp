#pragma once
// Reading a PD's proposal lines from a spreadsheet shaped like an RKA export (CSV or XLSX,
// Indonesian headers, docs/plan-and-budget.md "Import of RKA lines"): the header row is found among
// the first rows (exports carry title rows above it), columns are matched by their usual names,
// heading rows (no volume and no unit price) are recognised, and the sub-activity and account code
// of merged or grouped cells are carried down from the rows above. Cell values are checked later,
// by the service, with the same line rules as the API.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "planning/model.hpp"

namespace simpul::planning {

/// One column of the import: its key, the header the template writes and the other headers
/// exports use for it.
struct RkaColumn {
  std::string key, header;
  std::vector<std::string> aliases;  // folded (lower case, single spaces)
  bool required = false;
};

/// The columns in template order.
const std::vector<RkaColumn>& rka_columns();

/// A problem of one row or of the file, in the words of the person fixing the spreadsheet.
struct RkaProblem {
  int row = 0;          // spreadsheet row number (1-based)
  std::string column;   // column key, empty for the whole row
  std::string message;  // Indonesian
  std::optional<RuleRef> rule;
};

/// A data row: the known columns' cells, trimmed; `merged` names the columns whose cell lies in a
/// merged range of the workbook below its top-left cell and took that cell's value (`merged_from` its
/// row); `carried` names the columns whose empty cell, in no merged range, took the value of the
/// nearest row above that has one (`carried_from` its row): what an export that writes a group once
/// leaves (CSV cannot say it merged).
struct RkaRow {
  int row = 0;
  std::vector<std::pair<std::string, std::string>> cells;
  std::vector<std::string> carried;
  std::vector<int> carried_from;
  std::vector<std::string> merged;
  std::vector<int> merged_from;
  bool heading = false;  // no volume and no unit price: a group heading or subtotal, not a line
  std::string cell(const std::string& key) const;
};

struct RkaFile {
  std::string sheet;  // "CSV" or the worksheet's name
  int header_row = 0;
  std::set<std::string> columns;  // keys the header has
  std::vector<RkaRow> rows;
  std::vector<RkaProblem> problems;  // problems of the file itself (header, no rows)
};

/// At most this many data rows: one PD's RKA is a few hundred lines.
inline constexpr std::size_t kMaxRkaRows = 5000;

/// Detects XLSX (a zip) or CSV by content. Throws Error(ImportInvalidFile / ImportFileTooLarge) when
/// the file cannot be read at all (not a spreadsheet, text that is not UTF-8, too large).
RkaFile parse_rka(std::string_view body);

/// "2 Unit x 12 Bulan", "2 Unit × 12 Bulan", "1.000 Lembar" -> factors. A bare number takes
/// `unit` (the Satuan column). nullopt with `problem` (Indonesian) otherwise.
std::optional<std::vector<VolumeFactor>> parse_volume_text(std::string_view text, const std::string& unit,
                                                           std::string& problem);

/// Lower case ASCII, accents and punctuation dropped, single spaces: how headers and choice names
/// are compared.
std::string rka_fold(std::string_view text);

}  // namespace simpul::planning
