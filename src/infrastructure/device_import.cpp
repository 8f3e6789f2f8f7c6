// Import of network devices (docs/infrastructure.md, "Imports"). Each row is checked cell by cell so
// that one pass lists everything to fix, then as a whole with the same check as the form
// (check_device), so a row is refused for the reasons the API refuses it.
#include "infrastructure/device_import.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "infrastructure/rack_repository.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/service.hpp"
#include "interchange/csv.hpp"
#include "interchange/import_slots.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

const std::vector<std::string> kDeviceImportRequired = {"kode_pd", "nama", "jenis", "tanggal_pasang"};

std::string device_kinds_text() {
  std::string out;
  for (const auto& i : device_kinds()) out += (out.empty() ? "" : ", ") + i.id + " (" + i.name + ")";
  return out;
}

/// The spreadsheet column a validation error of the form is about.
std::string device_column_of(const std::string& field) {
  if (field == "kind") return "jenis";
  if (field == "installed_on") return "tanggal_pasang";
  if (field == "agency_id") return "kode_pd";
  if (field == "coordination") return "koordinasi";
  return field == "name" ? "nama" : field;
}

/// Checks one row; problems go to `problems`, nothing is returned for a row with a problem.
class DeviceRowCheck {
 public:
  DeviceRowCheck(const ImportFile& file, const std::map<std::string, std::pair<std::string, std::string>>& agencies,
                 const std::string& today, std::vector<ImportProblem>& problems)
      : file_(file), agencies_(agencies), today_(today), problems_(problems) {}

  /// `seen`: (agency id, upper-case name) of the devices registered and of the rows before, with the
  /// row where each appeared (0: registered already).
  std::optional<Device> check(const ImportRow& row, std::map<std::pair<std::string, std::string>, int>& seen) {
    row_ = &row;
    count_ = 0;
    Device d;
    std::string agency_name;
    if (auto pd = cell("kode_pd"); pd.empty()) {
      report("kode_pd", "Wajib diisi dengan kode Perangkat Daerah tempat perangkat dipasang.");
    } else if (auto it = agencies_.find(text::to_upper_ascii(pd)); it == agencies_.end()) {
      report("kode_pd",
             "Tidak ada Perangkat Daerah dengan kode " + pd + "; tulis kode seperti di menu Perangkat Daerah.");
    } else {
      d.agency_id = it->second.first;
      agency_name = it->second.second;
    }
    d.name = cell("nama");
    if (d.name.empty())
      report("nama", "Wajib diisi, mis. Router Lantai 2.");
    else if (text::utf8_length(d.name) > 200)
      report("nama", "Paling banyak 200 karakter; singkat namanya.");
    else if (!d.agency_id.empty()) {
      auto key = std::make_pair(d.agency_id, text::to_upper_ascii(d.name));
      if (auto [it, fresh] = seen.emplace(key, row.row); !fresh)
        report("nama", it->second == 0 ? "Perangkat " + d.name + " sudah terdaftar di " + agency_name +
                                             "; perubahan perangkat yang terdaftar dicatat di halaman Jaringan Intra."
                                       : "Perangkat " + d.name + " untuk PD ini sudah ada di baris " +
                                             std::to_string(it->second) + " berkas ini; beri nama lain.");
    }
    d.kind = text::to_lower_ascii(cell("jenis"));
    if (d.kind.empty())
      report("jenis", "Wajib diisi. Pilihan: " + device_kinds_text() + ".");
    else if (std::none_of(device_kinds().begin(), device_kinds().end(), [&](const auto& k) { return k.id == d.kind; }))
      report("jenis", "Nilai " + cell("jenis") + " tidak dikenal. Pilihan: " + device_kinds_text() + ".");
    d.last_change_on = cell("tanggal_pasang");
    if (d.last_change_on.empty())
      report("tanggal_pasang", "Wajib diisi dengan tanggal pemasangan, format TTTT-BB-HH (mis. 2024-03-15).");
    else if (!clock::is_iso_date(d.last_change_on))
      report("tanggal_pasang",
             "Tulis tanggal dengan format TTTT-BB-HH, mis. 2024-03-15 (bukan " + d.last_change_on + ").");
    else if (d.last_change_on > today_)
      report("tanggal_pasang", "Tanggal pemasangan tidak boleh setelah hari ini (" + today_ + ").");
    d.coordination = cell("koordinasi");
    if (text::utf8_length(d.coordination) > 500) report("koordinasi", "Paling banyak 500 karakter.");
    if (count_ > 0) return std::nullopt;
    try {
      check_device(d, today_);  // the form's own check: the same reasons refuse a row
    } catch (const Error& err) {
      std::string column;
      if (const auto* f = err.details().if_contains("field"); f && f->is_string())
        column = device_column_of(std::string(f->as_string()));
      report(column, std::string(error_message(err.code(), Language::Indonesian)));
      return std::nullopt;
    }
    d.id = crypto::new_id();
    d.last_change = "pemasangan";
    d.created_at = clock::now_iso();
    return d;
  }

 private:
  std::string cell(const std::string& column) const {
    auto it = row_->cells.find(column);
    return it == row_->cells.end() ? std::string() : it->second;
  }
  void report(const std::string& column, std::string message) {
    problems_.push_back({file_.sheet, row_->row, column, std::move(message)});
    ++count_;
  }

  const ImportFile& file_;
  const std::map<std::string, std::pair<std::string, std::string>>& agencies_;
  const std::string& today_;
  std::vector<ImportProblem>& problems_;
  const ImportRow* row_ = nullptr;
  int count_ = 0;
};

}  // namespace

const std::vector<std::string>& device_import_columns() {
  static const std::vector<std::string> k = {"kode_pd", "nama", "jenis", "tanggal_pasang", "koordinasi"};
  return k;
}

ImportFile parse_device_import(std::string_view body) {
  return parse_sheet_import(body, {device_import_columns(), kDeviceImportRequired, "Perangkat", "satu perangkat"});
}

ImportResult Service::import_devices(const Scope& s, const ImportFile& file, bool dry_run, const Actor& actor,
                                     const std::string& file_digest) {
  ImportResult res;
  res.dry_run = dry_run;
  res.rows = static_cast<int>(file.rows.size());
  res.problems = file.problems;
  if (!res.problems.empty()) return res;
  auto today = profile_of(s).today();
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    std::map<std::string, std::pair<std::string, std::string>> agencies;  // upper-case code -> (id, name)
    for (const auto& a : tenancy_.agencies(c, s)) agencies[text::to_upper_ascii(a.code)] = {a.id, a.name};
    std::map<std::pair<std::string, std::string>, int> seen;
    for (const auto& [agency, name] : RackRepository(c).device_names(s))
      seen.emplace(std::make_pair(agency, text::to_upper_ascii(name)), 0);
    DeviceRowCheck checker(file, agencies, today, res.problems);
    std::vector<Device> accepted;
    for (const auto& row : file.rows)
      if (auto d = checker.check(row, seen)) accepted.push_back(std::move(*d));
    res.created = static_cast<int>(accepted.size());
    if (dry_run || !res.problems.empty()) return res;  // nothing was written: all rows or none

    Repository repo(c);
    boost::json::array names;
    for (const auto& d : accepted) {
      repo.insert(s, d);
      names.emplace_back(d.name);
    }
    ledger_.append(
        c, ledger::change_in(
               s, actor, "infrastructure.device.import", "import", file_digest,
               boost::json::object{
                   {"sha256", file_digest}, {"rows", res.rows}, {"created", res.created}, {"created_names", names}}));
    return res;
  });
}

void register_device_import_routes(http::Router& router, Service& m) {
  router.add("POST", "/api/infrastructure/devices/import", [&m](http::Request& req) {
    // Tenant-wide, like the server import: a device list spans every Perangkat Daerah.
    const auto& p = req.require("infrastructure.write");
    bool dry = import_dry_run(req);
    auto slot = interchange::ImportSlot::acquire();
    auto file = parse_device_import(req.body);
    auto result = m.import_devices(p.scope(), file, dry, p.actor(), crypto::sha256_hex(req.body));
    if (!result.dry_run && !result.problems.empty()) throw Error(ErrorCode::ImportHasProblems, to_json(result));
    return http::json_response(200, to_json(result));
  });
  // The header and one example row naming a real PD of the tenant and today's date.
  router.add("GET", "/api/infrastructure/devices/import/template.csv", [&m](http::Request& req) {
    const auto& p = req.require("infrastructure.read");
    std::string agency = "KODE-PD";
    auto agencies = m.agencies(p.scope());
    if (!agencies.empty()) agency = agencies.front().code;
    interchange::Row example = {agency, "Router contoh (ganti dengan perangkat Anda)", "router",
                                m.profile_of(p.scope()).today(), ""};
    http::Response r;
    r.body = interchange::write_csv({device_import_columns(), example});
    r.content_type = "text/csv; charset=utf-8";
    r.set_header("Content-Disposition", "attachment; filename=\"template-impor-perangkat.csv\"");
    return r;
  });
}

}  // namespace simpul::infrastructure
