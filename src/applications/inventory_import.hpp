#pragma once
// Import of the application inventory every Pemda keeps in a spreadsheet (CSV or XLSX): a dry run lists
// every problem by sheet, row and column; the real run writes all rows or none, in one transaction with
// one ledger entry (docs/applications.md, "Import").
#include <boost/json/object.hpp>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "applications/service.hpp"
#include "architecture/transfer.hpp"
#include "http/router.hpp"

namespace simpul::applications {

using architecture::ImportProblem;

/// The import's columns, in template order (Indonesian headers, matched case-insensitively).
const std::vector<std::string>& inventory_columns();

/// One data row: the cells of the known columns that the file has, trimmed.
struct InventoryRow {
  int row = 0;  // spreadsheet row number (the header is row 1)
  std::map<std::string, std::string> cells;
};

struct InventoryFile {
  std::string sheet;  // "CSV" or the worksheet's name
  /// Known columns the header has: a column the file lacks keeps the stored values.
  std::set<std::string> columns;
  std::vector<InventoryRow> rows;
  std::vector<ImportProblem> problems;
};

/// Detects XLSX (a zip) or CSV by content. Throws Error(ImportInvalidFile / ImportFileTooLarge) when the
/// file cannot be read at all.
InventoryFile parse_inventory(std::string_view body);

struct InventoryResult {
  bool dry_run = true;
  int rows = 0, created = 0, updated = 0;
  std::vector<ImportProblem> problems;
};

// Service::import_inventory() validates the rows and writes them; Service::inventory_template_csv()
// gives the header and one example row that passes the import of the tenant.
boost::json::object to_json(const InventoryResult& r);

/// POST /api/applications/import and GET /api/applications/import/template.csv.
void register_import_routes(http::Router& router, Service& applications);

}  // namespace simpul::applications
