// Import of the application inventory (docs/applications.md, "Import"). Rows are checked cell by cell so
// that one pass over the file lists everything to fix, then once more with the same Validator and record
// check as the API, so a row is refused for exactly the reasons a form is.
#include "applications/inventory_import.hpp"

#include "interchange/import_slots.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "applications/repository.hpp"
#include "architecture/validation.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "interchange/csv.hpp"
#include "interchange/file_error.hpp"
#include "interchange/xlsx.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::applications {
namespace {

using interchange::Row;

const std::vector<std::string> kRequired = {"kode", "nama", "kode_pd", "kategori"};

/// "Kode PD", " KODE_PD " and "kode-pd" all name the column kode_pd: headers are typed by hand.
std::string column_key(std::string_view header) {
  std::string key = text::to_lower_ascii(text::trim(header));
  std::replace(key.begin(), key.end(), ' ', '_');
  std::replace(key.begin(), key.end(), '-', '_');
  return key;
}

bool known_column(const std::string& key) {
  const auto& all = inventory_columns();
  return std::find(all.begin(), all.end(), key) != all.end();
}

bool blank(const Row& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& c) { return text::trim(c).empty(); });
}

/// Excel keeps dates as day numbers (1900 date system); a date-formatted cell reaches us as e.g.
/// "45473". Only plain day numbers in a plausible range are converted; anything else is left for the
/// date check to refuse.
std::string excel_date(const std::string& cell) {
  if (cell.empty() || cell.size() > 6 ||
      !std::all_of(cell.begin(), cell.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return cell;
  long serial = std::stol(cell);
  if (serial < 61 || serial > 2958465) return cell;  // before 1900-03-01 Excel's day numbers are off by one
  long z = serial - 25569 + 719468;                  // days since 0000-03-01 (Howard Hinnant's civil_from_days)
  long era = z / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long day = doy - (153 * mp + 2) / 5 + 1;
  long month = mp < 10 ? mp + 3 : mp - 9;
  long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char out[32];
  std::snprintf(out, sizeof out, "%04ld-%02ld-%02ld", year, month, day);
  return out;
}

const std::vector<Row>& inventory_sheet(const std::vector<interchange::Sheet>& sheets, std::string& name) {
  // A workbook may carry notes or lookup lists beside the inventory: a sheet named Aplikasi wins.
  for (const auto& s : sheets)
    if (text::to_lower_ascii(text::trim(s.name)) == "aplikasi") {
      name = s.name;
      return s.rows;
    }
  name = sheets.front().name;
  return sheets.front().rows;
}

/// The spreadsheet column a validation error is about, from the field the API would name.
std::string column_of_field(const std::string& field) {
  static const std::unordered_map<std::string, std::string> kColumns = {{"code", "kode"},
                                                                        {"name", "nama"},
                                                                        {"description", "deskripsi"},
                                                                        {"owner_agency_id", "kode_pd"},
                                                                        {"attributes.category", "kategori"},
                                                                        {"attributes.url", "url"},
                                                                        {"attributes.lifecycle_stage", "tahap"},
                                                                        {"builder", "pembangun"},
                                                                        {"vendor_name", "vendor"},
                                                                        {"source_model", "model_sumber"},
                                                                        {"hosting", "hosting"},
                                                                        {"subdomain", "subdomain"},
                                                                        {"contact_email", "email"},
                                                                        {"last_audit_date", "audit_terakhir"},
                                                                        {"similar_to_umum", "sejenis_aplikasi_umum"}};
  auto it = kColumns.find(field);
  return it == kColumns.end() ? field : it->second;
}

/// What to write in the cell, in the words of the person fixing the spreadsheet.
const std::unordered_map<std::string, std::string>& column_hints() {
  static const std::unordered_map<std::string, std::string> k = {
      {"kode", "Gunakan 1-40 huruf, angka, titik, tanda hubung atau garis bawah."},
      {"subdomain", "Isi nama host, mis. sipd.kota.go.id."},
      {"email", "Isi alamat surel, mis. aplikasi@kota.go.id."},
      {"audit_terakhir", "Isi tanggal dengan format YYYY-MM-DD, mis. 2024-06-30."}};
  return k;
}

std::string list_text(const boost::json::array& values) {
  std::string text;
  for (const auto& v : values)
    text += (text.empty() ? "" : ", ") + (v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v));
  return text;
}

ImportProblem problem_from(const std::string& sheet, int row, const std::string& fallback_column, const Error& e) {
  std::string column = fallback_column;
  if (const auto* f = e.details().if_contains("field"); f && f->is_string())
    column = column_of_field(std::string(f->as_string()));
  std::string message(error_message(e.code(), Language::Indonesian));
  auto hint = column_hints().find(column);
  if (const auto* allowed = e.details().if_contains("allowed"); allowed && allowed->is_array())
    message += " Pilihan: " + list_text(allowed->as_array()) + ".";
  else if (hint != column_hints().end())
    message += " " + hint->second;
  else if (const auto* reason = e.details().if_contains("reason"); reason && reason->is_string())
    message += " " + std::string(reason->as_string()) + ".";
  if (e.rule()) message += " (" + e.rule()->citation + ")";
  return {sheet, row, column, message};
}

std::string choices_text(const std::vector<tenancy::EnumItem>& items) {
  std::string text;
  for (const auto& i : items) text += (text.empty() ? "" : ", ") + i.id;
  return text;
}

/// What the rows are checked against, loaded once: an inventory of hundreds of applications costs a few
/// statements, not a few per row. Only what is in the database: rows of the same file are checked
/// against each other by code separately.
class StoredModel : public architecture::Lookup {
 public:
  StoredModel(storage::Connection& c, const Scope& s, const architecture::Service& elements,
              const tenancy::Service& tenancy) {
    for (auto& e : elements.all_elements(c, s)) {
      id_of_code_[e.code] = e.id;
      by_id_[e.id] = std::move(e);
    }
    for (const auto& a : tenancy.agencies(c, s)) {
      agency_by_code_[text::to_upper_ascii(a.code)] = a.id;
      agency_ids_.insert(a.id);
    }
  }
  std::optional<architecture::Element> element(const std::string& id) override {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? std::nullopt : std::optional(it->second);
  }
  std::optional<architecture::Element> element_by_code(const std::string& code) override {
    auto it = id_of_code_.find(code);
    return it == id_of_code_.end() ? std::nullopt : element(it->second);
  }
  bool agency_exists(const std::string& id) override { return agency_ids_.count(id) > 0; }
  bool relation_exists(const std::string&, const std::string&, const std::string&) override { return false; }
  std::optional<std::string> agency_id(const std::string& code) const {
    auto it = agency_by_code_.find(text::to_upper_ascii(code));
    return it == agency_by_code_.end() ? std::nullopt : std::optional(it->second);
  }

 private:
  std::unordered_map<std::string, architecture::Element> by_id_;
  std::unordered_map<std::string, std::string> id_of_code_, agency_by_code_;
  std::unordered_set<std::string> agency_ids_;
};

struct Accepted {
  architecture::Element element;
  Record record;
  bool is_new = false;
};

/// Checks one row and builds what it would write; problems go to `problems`.
class RowCheck {
 public:
  RowCheck(const tenancy::Profile& profile, const tenancy::Service& tenancy, storage::Connection& c, const Scope& s,
           StoredModel& model, const architecture::Validator& validator, const std::map<std::string, Record>& records,
           const InventoryFile& file, const std::string& today, const std::string& now,
           std::vector<ImportProblem>& problems)
      : profile_(profile),
        tenancy_(tenancy),
        c_(c),
        s_(s),
        model_(model),
        validator_(validator),
        records_(records),
        file_(file),
        today_(today),
        now_(now),
        problems_(problems) {}

  /// The row's element and record, or nothing when the row has a problem. `first_row` remembers the row
  /// each code first appeared on, to name it when the code comes again.
  std::optional<Accepted> check(const InventoryRow& row, std::map<std::string, int>& first_row) {
    row_ = &row;
    count_ = 0;
    std::optional<architecture::Element> existing;
    std::string code = cell("kode");
    if (code.empty()) {
      report("kode", "Wajib diisi.");
    } else {
      try {
        code = architecture::normalised_code(code);
        if (auto [it, fresh] = first_row.emplace(code, row.row); !fresh) {
          report("kode", "Kode " + code + " sudah dipakai di baris " + std::to_string(it->second) + " berkas ini.");
        } else if ((existing = model_.element_by_code(code)) && existing->domain != "aplikasi") {
          report("kode", "Kode " + code + " sudah dipakai elemen arsitektur lain (domain " + existing->domain + ": " +
                             existing->name + "); pilih kode lain.");
        }
      } catch (const Error& e) {
        problem(e, "kode");
      }
    }
    std::string name = cell("nama");
    if (name.empty())
      report("nama", "Wajib diisi.");
    else if (text::utf8_length(name) > 200)
      report("nama", "Paling banyak 200 karakter.");
    if (text::utf8_length(cell("deskripsi")) > 4000) report("deskripsi", "Paling banyak 4000 karakter.");

    std::optional<std::string> owner;
    if (auto pd = cell("kode_pd"); pd.empty())
      report("kode_pd", "Wajib diisi.");
    else if (!(owner = model_.agency_id(pd)))
      report("kode_pd", "Tidak ada Perangkat Daerah dengan kode " + pd + ".");

    std::string category = text::to_lower_ascii(cell("kategori"));
    const auto* categories = profile_.enumeration(profile_.applications.categories);
    if (category.empty())
      report("kategori", "Wajib diisi.");
    else if (!categories || !categories->contains(category))
      report("kategori", "Kategori " + category +
                             " tidak dikenal. Pilihan: " + (categories ? choices_text(categories->items) : "") + ".");

    std::string stage = text::to_lower_ascii(cell("tahap"));
    if (!stage.empty() && stage != kRetiredStage && profile_.applications.stage_index(stage) < 0)
      report("tahap", "Tahap " + stage + " tidak dikenal. Pilihan: " + choices_text(profile_.applications.stages) +
                          ", " + kRetiredStage + ".");

    Record record;
    if (existing)
      if (auto r = records_.find(existing->id); r != records_.end()) record = r->second;
    read_record(record);
    if (count_ > 0) return std::nullopt;

    // Every cell is fine on its own: now the whole row, by the rules the API applies.
    Accepted out{existing.value_or(architecture::Element{}), std::move(record), !existing};
    auto& e = out.element;
    if (out.is_new) {
      e.id = crypto::new_id();
      e.domain = "aplikasi";
      e.created_at = now_;
    }
    e.code = code;
    e.name = name;
    if (has("deskripsi")) e.description = cell("deskripsi");
    e.owner_agency_id = *owner;
    e.attributes["category"] = category;
    if (has("url")) {
      if (auto url = cell("url"); url.empty())
        e.attributes.erase("url");
      else
        e.attributes["url"] = url;
    }
    // The stage is set directly, without the gates: this is how applications that already exist enter
    // the register; the compliance findings then show what they lack.
    if (stage.empty())
      stage = out.is_new || stage_of(e).empty() ? profile_.applications.stages.front().id : stage_of(e);
    e.attributes["lifecycle_stage"] = stage;
    if (stage == kRetiredStage)
      e.state = "retired";
    else if (e.state == "retired")
      e.state = "as_is";  // back in use
    if (profile_.applications.is_live(stage) && !out.record.live_since) out.record.live_since = today_;
    e.updated_at = now_;
    try {
      validator_.element(e, true);
      check_record(profile_, tenancy_, c_, s_, out.record);
    } catch (const Error& err) {
      problem(err, "");
      return std::nullopt;
    }
    return out;
  }

 private:
  bool has(const std::string& column) const { return file_.columns.count(column) > 0; }
  std::string cell(const std::string& column) const {
    auto it = row_->cells.find(column);
    return it == row_->cells.end() ? std::string() : it->second;
  }
  void report(const std::string& column, std::string message) {
    problems_.push_back({file_.sheet, row_->row, column, std::move(message)});
    ++count_;
  }
  void problem(const Error& e, const std::string& column) {
    problems_.push_back(problem_from(file_.sheet, row_->row, column, e));
    ++count_;
  }

  /// Columns the file has replace the record's values (an empty cell clears); columns it lacks keep
  /// them. Each cell is checked alone with the shared record check, so a row with a bad e-mail and a bad
  /// date gets both problems at once.
  void read_record(Record& r) {
    auto take = [&](const char* column, auto&& set) {
      if (!has(column)) return;
      Record alone;
      set(alone);
      try {
        check_record(profile_, tenancy_, c_, s_, alone);
        set(r);
      } catch (const Error& e) {
        problem(e, column);
      }
    };
    auto lower = [&](const char* column) { return text::to_lower_ascii(cell(column)); };
    take("subdomain", [&](Record& x) { x.subdomain = lower("subdomain"); });
    if (has("email") && text::utf8_length(cell("email")) > 200)
      report("email", "Paling banyak 200 karakter.");
    else
      take("email", [&](Record& x) { x.contact_email = cell("email"); });
    take("hosting", [&](Record& x) { x.hosting = lower("hosting"); });
    take("pembangun", [&](Record& x) { x.builder = lower("pembangun"); });
    take("model_sumber", [&](Record& x) { x.source_model = lower("model_sumber"); });
    take("audit_terakhir", [&](Record& x) {
      auto v = cell("audit_terakhir");
      x.last_audit_date = v.empty() ? std::nullopt : std::optional(v);
    });
    if (has("vendor")) {
      if (text::utf8_length(cell("vendor")) > 200)
        report("vendor", "Paling banyak 200 karakter.");
      else
        r.vendor_name = cell("vendor");
    }
    if (has("sejenis_aplikasi_umum")) {
      // XLSX boolean cells arrive as TRUE/FALSE.
      auto v = lower("sejenis_aplikasi_umum");
      if (v == "ya" || v == "true")
        r.similar_to_umum = true;
      else if (v.empty() || v == "tidak" || v == "false")
        r.similar_to_umum = false;
      else
        report("sejenis_aplikasi_umum", "Isi ya atau tidak.");
    }
  }

  const tenancy::Profile& profile_;
  const tenancy::Service& tenancy_;
  storage::Connection& c_;
  const Scope& s_;
  StoredModel& model_;
  const architecture::Validator& validator_;
  const std::map<std::string, Record>& records_;
  const InventoryFile& file_;
  const std::string& today_;
  const std::string& now_;
  std::vector<ImportProblem>& problems_;
  const InventoryRow* row_ = nullptr;
  int count_ = 0;
};

std::string today_utc() { return clock::now_iso().substr(0, 10); }

}  // namespace

const std::vector<std::string>& inventory_columns() {
  static const std::vector<std::string> k = {
      "kode",      "nama",   "deskripsi",    "kode_pd",        "kategori",
      "tahap",     "url",    "subdomain",    "email",          "hosting",
      "pembangun", "vendor", "model_sumber", "audit_terakhir", "sejenis_aplikasi_umum"};
  return k;
}

InventoryFile parse_inventory(std::string_view body) {
  InventoryFile out;
  std::vector<Row> rows;
  bool xlsx = body.starts_with("PK\x03\x04");  // a zip: XLSX; anything else must be CSV text
  try {
    if (xlsx) {
      auto sheets = interchange::read_xlsx(body, interchange::Limits::for_register_import());
      if (sheets.empty()) throw Error(ErrorCode::ImportInvalidFile, {{"problem", "the workbook has no sheet"}});
      rows = inventory_sheet(sheets, out.sheet);
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
  if (rows.empty() || blank(rows.front()))
    throw Error(ErrorCode::ImportInvalidFile, {{"problem", "the file is empty or has no header row"}});

  std::map<std::string, std::size_t> index;
  const Row& header = rows.front();
  for (std::size_t i = 0; i < header.size(); ++i) {
    auto key = column_key(header[i]);
    if (!known_column(key)) continue;  // e.g. the "No." column inventories start with
    if (!index.emplace(key, i).second)
      out.problems.push_back({out.sheet, 1, key, "Kolom ini muncul lebih dari sekali."});
    out.columns.insert(key);
  }
  for (const auto& required : kRequired)
    if (!index.count(required)) out.problems.push_back({out.sheet, 1, required, "Kolom wajib tidak ada."});
  if (!out.problems.empty()) return out;

  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (blank(rows[i])) continue;
    InventoryRow row{static_cast<int>(i + 1), {}};
    for (const auto& [key, at] : index) row.cells[key] = at < rows[i].size() ? text::trim(rows[i][at]) : "";
    if (auto date = row.cells.find("audit_terakhir"); xlsx && date != row.cells.end())
      date->second = excel_date(date->second);
    out.rows.push_back(std::move(row));
  }
  if (out.rows.empty())
    out.problems.push_back({out.sheet, 2, "",
                            "Tidak ada baris data: isi satu aplikasi per baris "
                            "di bawah judul kolom."});
  return out;
}

InventoryResult Service::import_inventory(const Scope& s, const InventoryFile& file, bool dry_run, const Actor& actor,
                                          const std::string& file_digest, const std::string& today) {
  InventoryResult res;
  res.dry_run = dry_run;
  res.rows = static_cast<int>(file.rows.size());
  res.problems = file.problems;
  if (!res.problems.empty()) return res;
  const auto& profile = profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    StoredModel model(c, s, elements_, tenancy_);
    architecture::Validator validator(model, profile, elements_.reference());
    auto records = Repository(c).records(s);
    std::string now = clock::now_iso();
    RowCheck checker(profile, tenancy_, c, s, model, validator, records, file, today, now, res.problems);
    std::map<std::string, int> first_row;
    std::vector<Accepted> accepted;
    for (const auto& row : file.rows)
      if (auto a = checker.check(row, first_row)) accepted.push_back(std::move(*a));
    for (const auto& a : accepted) (a.is_new ? res.created : res.updated)++;
    if (dry_run || !res.problems.empty()) return res;  // nothing was written: all rows or none

    Repository repo(c);
    std::vector<architecture::Element> inserts;
    boost::json::array created, updated;
    for (const auto& a : accepted) {
      if (a.is_new)
        inserts.push_back(a.element);
      else
        elements_.update_element(c, s, a.element);
      (a.is_new ? created : updated).emplace_back(a.element.code);
    }
    elements_.insert_elements(c, s, inserts);
    for (const auto& a : accepted) repo.save_record(s, a.element.id, a.record, now);
    ledger_.append(c, ledger::change_in(s, actor, "application.import", "import", file_digest,
                                        boost::json::object{{"sha256", file_digest},
                                                            {"rows", res.rows},
                                                            {"created", res.created},
                                                            {"updated", res.updated},
                                                            {"created_codes", created},
                                                            {"updated_codes", updated}}));
    return res;
  });
}

boost::json::object to_json(const InventoryResult& r) {
  boost::json::array problems;
  for (const auto& p : r.problems)
    problems.push_back(
        boost::json::object{{"sheet", p.sheet}, {"row", p.row}, {"column", p.column}, {"message", p.message}});
  return {{"dry_run", r.dry_run}, {"ok", r.problems.empty()}, {"rows", r.rows},
          {"created", r.created}, {"updated", r.updated},     {"problems", problems}};
}

std::string Service::inventory_template_csv(const Scope& s) const {
  const auto& p = profile_of(s);
  std::string agency = "KODE-PD";
  std::int64_t total = 0;  // the agency with the first code, as the agency list sorted by code shows it
  auto first = tenancy_.list_agencies(s, ListQuery{"", "code", false, 1, 1}, total);
  if (!first.empty()) agency = first.front().code;
  std::string category;
  if (const auto* e = p.enumeration(p.applications.categories); e && !e->items.empty()) category = e->items.front().id;
  std::string stage =
      p.applications.live_stages.empty() ? p.applications.stages.front().id : p.applications.live_stages.front();
  interchange::Row example = {"APL-CONTOH",
                              "Sistem Informasi Contoh",
                              "Contoh baris: ganti dengan aplikasi Anda",
                              agency,
                              category,
                              stage,
                              "https://contoh.kota.go.id",
                              "contoh.kota.go.id",
                              "aplikasi@kota.go.id",
                              "pusat_data_kolokasi",
                              "dinas",
                              "",
                              "terbuka",
                              "2024-06-30",
                              "tidak"};
  return interchange::write_csv({inventory_columns(), example});
}

void register_import_routes(http::Router& router, Service& m) {
  router.add("POST", "/api/applications/import", [&m](http::Request& req) {
    // Tenant-wide: an inventory spans every Perangkat Daerah, so operators (own agency only) cannot.
    const auto& p = req.require("applications.write");
    std::string dry = req.query_value("dry_run").value_or("true");
    if (dry != "true" && dry != "false") throw Error(ErrorCode::RequestInvalidQuery, {{"parameter", "dry_run"}});
    auto slot = interchange::ImportSlot::acquire();
    auto file = parse_inventory(req.body);
    auto result =
        m.import_inventory(p.scope(), file, dry == "true", p.actor(), crypto::sha256_hex(req.body), today_utc());
    if (!result.dry_run && !result.problems.empty()) throw Error(ErrorCode::ImportHasProblems, to_json(result));
    return http::json_response(200, to_json(result));
  });

  router.add("GET", "/api/applications/import/template.csv", [&m](http::Request& req) {
    const auto& p = req.require("applications.read");
    http::Response r;
    r.body = m.inventory_template_csv(p.scope());
    r.content_type = "text/csv; charset=utf-8";
    r.set_header("Content-Disposition", "attachment; filename=\"template-impor-aplikasi.csv\"");
    r.set_header("X-Content-Type-Options", "nosniff");
    return r;
  });
}

}  // namespace simpul::applications
