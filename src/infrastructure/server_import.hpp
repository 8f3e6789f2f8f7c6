#pragma once
// Import of the server inventory a Dinas keeps in a spreadsheet (CSV or XLSX, Indonesian headers): a
// dry run lists every problem by row and column with what to write instead; the real run creates all
// rows as architecture elements with their hosting record, or none (docs/infrastructure.md, "Import").
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"
#include "infrastructure/sheet_import.hpp"

namespace simpul::infrastructure {

class Service;

/// The import's columns, in template order (headers matched case-insensitively, spaces as "_").
const std::vector<std::string>& server_import_columns();

using ServerImportProblem = ImportProblem;
using ServerImportRow = ImportRow;
using ServerImportFile = ImportFile;
using ServerImportResult = ImportResult;

/// Detects XLSX (a zip) or CSV by content (sheet_import.hpp); in a workbook the sheet named Server wins.
ServerImportFile parse_server_import(std::string_view body);

/// POST /api/infrastructure/servers/import and GET /api/infrastructure/servers/import/template.csv.
void register_server_import_routes(http::Router& router, Service& m);

}  // namespace simpul::infrastructure
