#pragma once
// Import of the network devices a Dinas or PD keeps in a spreadsheet (CSV or XLSX, Indonesian
// headers), on the same machinery as the server import (sheet_import.hpp): a dry run lists every
// problem by row and column; the real run registers all rows or none (docs/infrastructure.md).
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"
#include "infrastructure/sheet_import.hpp"

namespace simpul::infrastructure {

class Service;

/// The import's columns, in template order.
const std::vector<std::string>& device_import_columns();

/// In a workbook the sheet named Perangkat wins, else the first.
ImportFile parse_device_import(std::string_view body);

/// POST /api/infrastructure/devices/import and GET /api/infrastructure/devices/import/template.csv.
void register_device_import_routes(http::Router& router, Service& m);

}  // namespace simpul::infrastructure
