#pragma once
// Import and export of the architecture model: CSV and XLSX (the inventories Pemda keep in
// spreadsheets) and the ArchiMate Open Exchange Format (so architects can open it in Archi).
// Files become rows of cells; each cell is resolved against the tenant's vocabulary (ids or labels,
// Indonesian or English) and each row validated with the same Validator as the API, inside one
// transaction that a dry run (or any problem) rolls back.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "architecture/portable.hpp"
#include "architecture/service.hpp"
#include "interchange/table.hpp"

namespace simpul::architecture {

/// Where a row came from, so problems point at the user's own file.
struct RowOrigin {
  std::string sheet;
  int row = 0;
};

/// One problem of an import: where it is, what is wrong and what to write instead, in Indonesian
/// and English.
struct ImportProblem {
  std::string sheet;
  int row = 0;
  std::string column;
  std::string message;
  std::string hint;
  std::string message_en, hint_en;
};

/// A cell of the user's file: the header it sits under, as written, and its trimmed text.
struct Cell {
  std::string column, text;
};

/// One data row, its cells by column key (transfer_vocabulary.hpp: code, name, …, attr.<key>;
/// source_code, type, target_code, description). Values are as written: ids, labels, in either
/// language; the import resolves them against the tenant's vocabulary.
struct FileRow {
  RowOrigin at;
  std::map<std::string, Cell> cells;
  std::string text(const std::string& key) const;
};

struct ParsedFile {
  std::vector<FileRow> elements, relations;
  std::vector<ImportProblem> problems;  // problems of the file's structure (headers)
  int rows = 0;                         // data rows read, whatever their problems
  int skipped = 0;                      // foreign ArchiMate content with no counterpart in SPBE (views, other types)
};

/// `media_type` is text/csv (with `csv_kind` elements|relations, or empty to tell by the header),
/// the XLSX media type, or application/xml. Throws Error(ImportInvalidFile / ImportFileTooLarge)
/// for unreadable files.
ParsedFile parse_import(std::string_view body, std::string_view media_type, std::string_view csv_kind);

struct ImportResult {
  bool dry_run = true;
  int elements_created = 0, elements_updated = 0, elements_unchanged = 0;
  int relations_created = 0, relations_unchanged = 0, rows = 0, skipped = 0;
  std::vector<ImportProblem> problems;
};

boost::json::object to_json(const ImportResult& r);

/// The spreadsheets the transfer routes serve: the model (or an empty template) with Indonesian
/// headers and labels, and the sheets that explain it (allowed values, column help).
struct Workbook {
  interchange::Sheet elements, relations, values, help;
};

/// The import's unit of work and the model the exports write, read in one go.
class Transfer {
 public:
  Transfer(storage::Database& db, const Service& elements, const tenancy::Service& tenancy,
           const ledger::Ledger& ledger)
      : db_(db), elements_(elements), tenancy_(tenancy), ledger_(ledger) {}

  /// Checks every row, cell by cell, and reports every problem of every row; unless `dry_run` or a
  /// problem was found, writes what changes with one ledger entry in one transaction (nothing when
  /// nothing changes).
  ImportResult run_import(const Scope& s, ParsedFile file, bool dry_run, const Actor& actor,
                          const std::string& file_digest) const;
  /// The model of a tenant as exported (codes, not ids).
  PortableModel current_model(const Scope& s) const;
  /// The tenant's model (`with_model`) or an empty template, as spreadsheets.
  Workbook workbook(const Scope& s, bool with_model) const;

 private:
  storage::Database& db_;
  const Service& elements_;
  const tenancy::Service& tenancy_;
  const ledger::Ledger& ledger_;
};

std::string export_xlsx(const Workbook& book);
/// `separator` ',' or ';'; UTF-8 with a BOM.
std::string export_csv(const interchange::Sheet& sheet, char separator);
std::string export_oef(const PortableModel& m, const std::string& model_name);

}  // namespace simpul::architecture
