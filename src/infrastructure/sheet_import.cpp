// Reading an import file into rows of known columns (sheet_import.hpp).
#include "infrastructure/sheet_import.hpp"

#include <algorithm>

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "infrastructure/repository.hpp"
#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"
#include "interchange/import_slots.hpp"
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

ImportResult start_import(const ImportFile& file, bool dry_run) {
  ImportResult res;
  res.dry_run = dry_run;
  res.rows = static_cast<int>(file.rows.size());
  res.problems = file.problems;
  return res;
}

std::string choices_text(const std::vector<tenancy::EnumItem>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i.id + " (" + i.name + ")";
  return out;
}

std::string SiteRackCodes::site_codes(bool pd_room) const {
  std::string out;
  for (const auto& [code, site] : site_by_code)
    if ((site.kind == "ruang_server_pd") == pd_room) out += (out.empty() ? "" : ", ") + site.code;
  return out.empty() ? "belum ada; daftarkan lokasinya dahulu" : out;
}

SiteRackCodes site_rack_codes(Repository& repo, const Scope& s) {
  SiteRackCodes out;
  for (auto& site : repo.sites(s, "")) {
    for (auto& rack : repo.racks(s, site.id)) out.racks[site.id][text::to_upper_ascii(rack.code)] = rack;
    out.site_by_code[text::to_upper_ascii(site.code)] = std::move(site);
  }
  return out;
}

std::string SheetRowCheck::cell(const std::string& column) const {
  auto it = row_->cells.find(column);
  return it == row_->cells.end() ? std::string() : it->second;
}

void SheetRowCheck::report(const std::string& column, std::string message) {
  problems_.push_back({file_.sheet, row_->row, column, std::move(message)});
  ++count_;
}

void SheetRowCheck::choice(const std::string& column, const std::vector<tenancy::EnumItem>& items,
                           std::string& target) {
  auto v = text::to_lower_ascii(cell(column));
  if (v.empty()) return;
  if (std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.id == v; }))
    target = v;
  else
    report(column, "Nilai " + cell(column) + " tidak dikenal. Pilihan: " + choices_text(items) + ".");
}

const std::pair<std::string, std::string>* SheetRowCheck::agency(const AgencyCodes& codes, const std::string& what) {
  auto pd = cell("kode_pd");
  if (pd.empty()) {
    report("kode_pd", "Wajib diisi dengan kode Perangkat Daerah " + what + ".");
    return nullptr;
  }
  auto it = codes.find(text::to_upper_ascii(pd));
  if (it == codes.end()) {
    report("kode_pd",
           "Tidak ada Perangkat Daerah dengan kode " + pd + "; tulis kode seperti di menu Perangkat Daerah.");
    return nullptr;
  }
  return &it->second;
}

const Site* SheetRowCheck::site(const SiteRackCodes& codes) {
  auto code = cell("kode_lokasi");
  if (code.empty()) return nullptr;
  auto it = codes.site_by_code.find(text::to_upper_ascii(code));
  if (it != codes.site_by_code.end()) return &it->second;
  report("kode_lokasi", "Tidak ada lokasi dengan kode " + code + ". Kode Pusat Data: " + codes.site_codes(false) +
                            "; ruang server PD: " + codes.site_codes(true) + ".");
  return nullptr;
}

const Rack* SheetRowCheck::rack(const SiteRackCodes& codes, const Site* site) {
  auto code = cell("kode_rak");
  if (code.empty()) return nullptr;
  if (!site) {
    if (cell("kode_lokasi").empty())
      report("kode_rak", "Rak hanya dapat diisi bersama kode_lokasi tempat rak itu berada.");
    return nullptr;
  }
  auto racks = codes.racks.find(site->id);
  if (racks != codes.racks.end())
    if (auto it = racks->second.find(text::to_upper_ascii(code)); it != racks->second.end()) return &it->second;
  std::string known;
  if (racks != codes.racks.end())
    for (const auto& [k, r] : racks->second) known += (known.empty() ? "" : ", ") + r.code;
  report("kode_rak", "Tidak ada rak " + code + " di lokasi " + site->code +
                         ". Rak di sana: " + (known.empty() ? "belum ada; tambahkan raknya dahulu" : known) + ".");
  return nullptr;
}

void SheetRowCheck::refused(const Error& err, const std::function<std::string(const std::string&)>& column_of) {
  std::string column;
  if (const auto* f = err.details().if_contains("field"); f && f->is_string())
    column = column_of(std::string(f->as_string()));
  report(column, std::string(error_message(err.code(), Language::Indonesian)));
}

void add_sheet_import_route(http::Router& router, const std::string& path,
                            std::function<ImportFile(std::string_view)> parse, ImportRun run) {
  router.add("POST", path, [parse = std::move(parse), run = std::move(run)](http::Request& req) {
    const auto& p = req.require("infrastructure.write");
    bool dry = import_dry_run(req);
    auto slot = interchange::ImportSlot::acquire();
    auto file = parse(req.body);
    auto result = run(p.scope(), file, dry, p.actor(), crypto::sha256_hex(req.body));
    if (!result.dry_run && !result.problems.empty()) throw Error(ErrorCode::ImportHasProblems, to_json(result));
    return http::json_response(200, to_json(result));
  });
}

void add_sheet_template_route(http::Router& router, const std::string& path, const std::string& filename,
                              const std::vector<std::string>& columns,
                              std::function<interchange::Row(const Scope&)> example) {
  router.add("GET", path, [filename, &columns, example = std::move(example)](http::Request& req) {
    const auto& p = req.require("infrastructure.read");
    http::Response r;
    r.body = interchange::write_csv({columns, example(p.scope())});
    r.content_type = "text/csv; charset=utf-8";
    r.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return r;
  });
}

}  // namespace simpul::infrastructure
