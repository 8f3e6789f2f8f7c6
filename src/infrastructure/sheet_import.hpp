#pragma once
// The machinery every register import of this module shares (servers, network devices): reading a
// CSV or XLSX file with Indonesian headers into rows of known columns, the problem list by sheet, row
// and column, the checks of cells that mean the same in every import (PD, choices, site, rack), the
// answer's JSON, the ?dry_run switch and the import and template routes (docs/infrastructure.md, "Imports").
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/context.hpp"
#include "core/error.hpp"
#include "http/router.hpp"
#include "infrastructure/model.hpp"
#include "interchange/csv.hpp"
#include "tenancy/profile.hpp"

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

/// The answer before any row is checked: the file's own problems stop the import there.
ImportResult start_import(const ImportFile& file, bool dry_run);

/// "id (name), id (name)": the choices of a column, for a problem's message.
std::string choices_text(const std::vector<tenancy::EnumItem>& items);

/// The tenant's agencies by upper-case code: (id, name).
using AgencyCodes = std::map<std::string, std::pair<std::string, std::string>>;

/// The tenant's sites and racks by code, read once per import.
struct SiteRackCodes {
  std::map<std::string, Site> site_by_code;                  // upper-case code -> site
  std::map<std::string, std::map<std::string, Rack>> racks;  // site id -> upper-case rack code -> rack
  /// The codes of the Pusat Data sites (`pd_room` false) or of the PD rooms, for a message.
  std::string site_codes(bool pd_room) const;
};

class Repository;
/// Reads the tenant's sites and racks.
SiteRackCodes site_rack_codes(Repository& repo, const Scope& s);

/// What every import's row check shares: the current row's cells, its problems by column, and the
/// cells that mean the same in every register (kode_pd, a choice, kode_lokasi, kode_rak).
class SheetRowCheck {
 public:
  SheetRowCheck(const ImportFile& file, std::vector<ImportProblem>& problems) : file_(file), problems_(problems) {}

 protected:
  void begin(const ImportRow& row) {
    row_ = &row;
    count_ = 0;
  }
  bool clean() const { return count_ == 0; }
  int row_number() const { return row_->row; }
  std::string cell(const std::string& column) const;
  void report(const std::string& column, std::string message);
  /// An empty cell keeps the default; anything else must be one of the choices (by id).
  void choice(const std::string& column, const std::vector<tenancy::EnumItem>& items, std::string& target);
  /// The agency of the kode_pd cell, or nullptr with a problem; `what` ends "Wajib diisi dengan kode
  /// Perangkat Daerah ..." (whose the record is).
  const std::pair<std::string, std::string>* agency(const AgencyCodes& codes, const std::string& what);
  /// The site of the kode_lokasi cell; nullptr when empty, or unknown (a problem naming the codes).
  const Site* site(const SiteRackCodes& codes);
  /// The rack of the kode_rak cell in `site`; nullptr when empty, or with a problem when it is not there.
  const Rack* rack(const SiteRackCodes& codes, const Site* site);
  /// A refusal of the form's own check, reported at the spreadsheet column of its field.
  void refused(const Error& err, const std::function<std::string(const std::string&)>& column_of);

 private:
  const ImportFile& file_;
  std::vector<ImportProblem>& problems_;
  const ImportRow* row_ = nullptr;
  int count_ = 0;
};

/// What an import route runs: the service's import with the caller's scope and the file's SHA-256.
using ImportRun =
    std::function<ImportResult(const Scope&, const ImportFile&, bool dry_run, const Actor&, const std::string& digest)>;

/// POST `path`: tenant-wide (infrastructure.write: a register spans every PD), ?dry_run, one import
/// slot; a real run with problems answers import.has_problems and writes nothing.
void add_sheet_import_route(http::Router& router, const std::string& path,
                            std::function<ImportFile(std::string_view)> parse, ImportRun run);

/// GET `path`: the template CSV, its header and one example row made for the caller's tenant.
void add_sheet_template_route(http::Router& router, const std::string& path, const std::string& filename,
                              const std::vector<std::string>& columns,
                              std::function<interchange::Row(const Scope&)> example);

}  // namespace simpul::infrastructure
