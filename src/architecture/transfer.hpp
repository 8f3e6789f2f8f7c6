#pragma once
// Import and export of the architecture model: CSV and XLSX (the inventories Pemda keep in
// spreadsheets) and the ArchiMate Open Exchange Format (so architects can open it in Archi).
// Files become a PortableModel; the model is validated row by row with the same Validator as the
// API, inside one transaction that a dry run (or any problem) rolls back.
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "architecture/portable.hpp"
#include "architecture/service.hpp"

namespace simpul::architecture {

/// Where a model row came from, so problems point at the user's own file.
struct RowOrigin {
  std::string sheet;
  int row = 0;
};

struct ImportProblem {
  std::string sheet;
  int row = 0;
  std::string column;
  std::string message;
};

struct ParsedFile {
  PortableModel model;
  std::vector<RowOrigin> element_rows, relation_rows;  // parallel to model.elements / model.relations
  std::vector<ImportProblem> problems;
  int skipped = 0;  // foreign ArchiMate content with no counterpart in SPBE (views, other types)
};

/// `media_type` is text/csv (with `csv_kind` elements|relations), the XLSX media type, or
/// application/xml. Throws Error(ImportInvalidFile / ImportFileTooLarge) for unreadable files.
ParsedFile parse_import(std::string_view body, std::string_view media_type, std::string_view csv_kind);

struct ImportResult {
  bool dry_run = true;
  int elements_created = 0, elements_updated = 0, relations_created = 0, rows = 0, skipped = 0;
  std::vector<ImportProblem> problems;
};

boost::json::object to_json(const ImportResult& r);

/// The import's unit of work and the model the exports write, read in one go.
class Transfer {
 public:
  Transfer(storage::Database& db, const Service& elements, const tenancy::Service& tenancy,
           const ledger::Ledger& ledger)
      : db_(db), elements_(elements), tenancy_(tenancy), ledger_(ledger) {}

  /// Validates every row and, unless `dry_run` or a problem was found, writes all of them with one
  /// ledger entry in one transaction.
  ImportResult run_import(const Scope& s, ParsedFile file, bool dry_run, const Actor& actor,
                          const std::string& file_digest) const;
  /// The model of a tenant as exported (codes, not ids).
  PortableModel current_model(const Scope& s) const;

 private:
  storage::Database& db_;
  const Service& elements_;
  const tenancy::Service& tenancy_;
  const ledger::Ledger& ledger_;
};

std::string export_xlsx(const PortableModel& m);
std::string export_oef(const PortableModel& m, const std::string& model_name);

}  // namespace simpul::architecture
