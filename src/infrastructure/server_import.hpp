#pragma once
// Import of the server inventory a Dinas keeps in a spreadsheet (CSV or XLSX, Indonesian headers): a
// dry run lists every problem by row and column with what to write instead; the real run creates all
// rows as architecture elements with their hosting record, or none (docs/infrastructure.md, "Import").
#include <boost/json/object.hpp>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace simpul::infrastructure {

class Service;

/// The import's columns, in template order (headers matched case-insensitively, spaces as "_").
const std::vector<std::string>& server_import_columns();

struct ServerImportProblem {
  std::string sheet;
  int row = 0;  // spreadsheet row number (the header is row 1)
  std::string column;
  std::string message;  // Indonesian: what is wrong and what to write instead
};

struct ServerImportRow {
  int row = 0;
  std::map<std::string, std::string> cells;  // known columns only, trimmed
};

struct ServerImportFile {
  std::string sheet;  // "CSV" or the worksheet's name
  std::vector<ServerImportRow> rows;
  std::vector<ServerImportProblem> problems;  // problems of the file itself (header)
};

/// Detects XLSX (a zip) or CSV by content. Throws Error(ImportInvalidFile / ImportFileTooLarge) when the
/// file cannot be read at all.
ServerImportFile parse_server_import(std::string_view body);

struct ServerImportResult {
  bool dry_run = true;
  int rows = 0, created = 0;
  std::vector<ServerImportProblem> problems;
};

boost::json::object to_json(const ServerImportResult& r);

/// POST /api/infrastructure/servers/import and GET /api/infrastructure/servers/import/template.csv.
void register_server_import_routes(http::Router& router, Service& m);
/// Their part of the API contract (server_import_openapi.cpp).
std::string_view server_import_openapi_fragment();

}  // namespace simpul::infrastructure
