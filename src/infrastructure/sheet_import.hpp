#pragma once
// The machinery every register import of this module shares (servers, network devices): reading a
// CSV or XLSX file with Indonesian headers into rows of known columns, the problem list by sheet, row
// and column, the answer's JSON and the ?dry_run switch (docs/infrastructure.md, "Imports").
#include <boost/json/object.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace simpul::infrastructure {

struct ImportProblem {
  std::string sheet;
  int row = 0;  // spreadsheet row number (the header is row 1)
  std::string column;
  std::string message;  // Indonesian: what is wrong and what to write instead
};

struct ImportRow {
  int row = 0;
  std::map<std::string, std::string> cells;  // known columns only, trimmed
};

struct ImportFile {
  std::string sheet;  // "CSV" or the worksheet's name
  std::vector<ImportRow> rows;
  std::vector<ImportProblem> problems;  // problems of the file itself (header)
};

struct ImportResult {
  bool dry_run = true;
  int rows = 0, created = 0;
  std::vector<ImportProblem> problems;
};

/// What one import reads: its columns in template order, the required ones, the worksheet that wins
/// in a workbook (matched case-insensitively; else the first) and what one data row is ("satu server").
struct ImportLayout {
  const std::vector<std::string>& columns;
  const std::vector<std::string>& required;
  std::string sheet;
  std::string one_row;
};

/// Detects XLSX (a zip) or CSV by content. Throws Error(ImportInvalidFile / ImportFileTooLarge) when the
/// file cannot be read at all; problems of the header or an empty file are in `problems`.
ImportFile parse_sheet_import(std::string_view body, const ImportLayout& layout);

boost::json::object to_json(const ImportResult& r);

/// ?dry_run=true|false, true when absent; anything else is request.invalid_query.
bool import_dry_run(const http::Request& req);

}  // namespace simpul::infrastructure
