// Reading an import file into rows of known columns (sheet_import.hpp).
#include "infrastructure/sheet_import.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/text.hpp"
#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"
#include "interchange/xlsx.hpp"

namespace simpul::infrastructure {
namespace {

using interchange::Row;

/// "Kode PD", " KODE_PD " and "kode-pd" all name the column kode_pd: headers are typed by hand.
std::string sheet_column_key(std::string_view header) {
  std::string key = text::to_lower_ascii(text::trim(header));
  std::replace(key.begin(), key.end(), ' ', '_');
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

bool sheet_row_blank(const Row& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) { return text::trim(c).empty(); });
}

/// A workbook may carry notes or lookup lists beside the register: the sheet named like it wins.
const std::vector<Row>& sheet_of(const std::vector<interchange::Sheet>& sheets, const std::string& wanted,
                                 std::string& name) {
  for (const auto& s : sheets)
    if (text::to_lower_ascii(text::trim(s.name)) == text::to_lower_ascii(wanted)) {
      name = s.name;
      return s.rows;
    }
  name = sheets.front().name;
  return sheets.front().rows;
}

}  // namespace

ImportFile parse_sheet_import(std::string_view body, const ImportLayout& layout) {
  ImportFile out;
  std::vector<Row> rows;
  try {
    if (body.starts_with("PK\x03\x04")) {  // a zip: XLSX; anything else must be CSV text
      auto sheets = interchange::read_xlsx(body, interchange::Limits::for_register_import());
      if (sheets.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"problem", "the workbook has no sheet"}});
      rows = sheet_of(sheets, layout.sheet, out.sheet);
    } else {
      rows = interchange::read_csv(body, interchange::Limits::for_register_import());
      out.sheet = "CSV";
    }
  } catch (const interchange::FileError& e) {
    auto code =
        e.kind() == interchange::FileErrorKind::TooLarge ? ErrorCode::ImportFileTooLarge : ErrorCode::ImportInvalidFile;
    throw Error(
        code,
        {{"kind", std::string(interchange::to_string(e.kind()))}, {"problem", e.message()}, {"where", e.where()}});
  }
  if (rows.empty() || sheet_row_blank(rows.front()))
    throw Error(ErrorCode::ImportInvalidFile, {{"problem", "the file is empty or has no header row"}});

  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < rows.front().size(); ++i) {
    auto key = sheet_column_key(rows.front()[i]);
    if (std::find(layout.columns.begin(), layout.columns.end(), key) == layout.columns.end()) continue;  // e.g. "No."
    if (!index.emplace(key, i).second)
      out.problems.push_back({out.sheet, 1, key, "Kolom ini muncul lebih dari sekali; hapus salah satunya."});
  }
  for (const auto& required : layout.required)
    if (!index.count(required))
      out.problems.push_back(
          {out.sheet, 1, required, "Kolom wajib tidak ada: tambahkan judul kolom " + required + " di baris 1."});
  if (!out.problems.empty()) return out;

  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (sheet_row_blank(rows[i])) continue;
    ImportRow row{static_cast<int>(i + 1), {}};
    for (const auto& [key, at] : index) row.cells[key] = at < rows[i].size() ? text::trim(rows[i][at]) : "";
    out.rows.push_back(std::move(row));
  }
  if (out.rows.empty())
    out.problems.push_back(
        {out.sheet, 2, "", "Tidak ada baris data: isi " + layout.one_row + " per baris di bawah judul kolom."});
  return out;
}

boost::json::object to_json(const ImportResult& r) {
  boost::json::array problems;
  for (const auto& p : r.problems)
    problems.push_back(
        boost::json::object{{"sheet", p.sheet}, {"row", p.row}, {"column", p.column}, {"message", p.message}});
  return {{"dry_run", r.dry_run},
          {"ok", r.problems.empty()},
          {"rows", r.rows},
          {"created", r.created},
          {"problems", problems}};
}

bool import_dry_run(const http::Request& req) {
  std::string dry = req.query_value("dry_run").value_or("true");
  if (dry != "true" && dry != "false") throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "dry_run"}});
  return dry == "true";
}

}  // namespace simpul::infrastructure
