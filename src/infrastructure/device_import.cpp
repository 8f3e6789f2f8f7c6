// Import of network devices (docs/infrastructure.md, "Imports"). Each row is checked cell by cell so
// that one pass lists everything to fix, then as a whole with the same check as the form
// (check_device), so a row is refused for the reasons the API refuses it. A row may place its device
// in a rack (kode_lokasi, kode_rak, unit, tinggi) under the rules of the placement route: inside the
// rack's height and on units no other occupant, registered or earlier in the file, holds.
#include "infrastructure/device_import.hpp"

#include <algorithm>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "infrastructure/rack_repository.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/service.hpp"
#include "interchange/csv.hpp"
#include "storage/storage_error.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

const std::vector<std::string> kDeviceImportRequired = {"kode_pd", "nama", "jenis", "tanggal_pasang"};

/// The spreadsheet column a validation error of the form is about.
std::string device_column_of(const std::string& field) {
  if (field == "kind") return "jenis";
  if (field == "installed_on") return "tanggal_pasang";
  if (field == "agency_id") return "kode_pd";
  if (field == "coordination") return "koordinasi";
  return field == "name" ? "nama" : field;
}

struct DeviceImportAccepted {
  Device device;
  std::optional<RackPlacement> placement;
};

/// What stands in each rack: the placements registered, then the rows accepted before.
using DeviceRackOccupants = std::map<std::string, std::vector<RackPlacement>>;

/// Checks one row; problems go to `problems`, nothing is returned for a row with a problem.
class DeviceRowCheck : public SheetRowCheck {
 public:
  DeviceRowCheck(const ImportFile& file, const AgencyCodes& agencies, const SiteRackCodes& places,
                 RackRepository& racks, const Scope& s, const std::string& today, std::vector<ImportProblem>& problems)
      : SheetRowCheck(file, problems), agencies_(agencies), places_(places), racks_(racks), s_(s), today_(today) {}

  /// `seen`: (agency id, upper-case name) of the devices registered and of the rows before, with the
  /// row where each appeared (0: registered already).
  std::optional<DeviceImportAccepted> check(const ImportRow& row,
                                            std::map<std::pair<std::string, std::string>, int>& seen) {
    begin(row);
    DeviceImportAccepted out;
    Device& d = out.device;
    std::string agency_name;
    if (const auto* a = agency(agencies_, "tempat perangkat dipasang")) {
      d.agency_id = a->first;
      agency_name = a->second;
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
    if (cell("jenis").empty())
      report("jenis", "Wajib diisi. Pilihan: " + choices_text(device_kinds()) + ".");
    else
      choice("jenis", device_kinds(), d.kind);
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
    d.id = crypto::new_id();
    out.placement = placement(d);
    if (!clean()) return std::nullopt;
    try {
      check_device(d, today_);  // the form's own check: the same reasons refuse a row
    } catch (const Error& err) {
      refused(err, device_column_of);
      return std::nullopt;
    }
    d.last_change = "pemasangan";
    d.created_at = clock::now_iso();
    if (out.placement) occupants_[out.placement->rack_id].push_back(*out.placement);
    return out;
  }

 private:
  /// A whole number of units from the cell, or nullopt with a problem.
  std::optional<int> units_cell(const std::string& column, const std::string& example) {
    auto v = cell(column);
    if (v.size() > 3 || v.empty() || !std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
        std::stoi(v) < 1) {
      report(column, "Tulis bilangan bulat 1 atau lebih, mis. " + example + " (bukan " + v + ").");
      return std::nullopt;
    }
    return std::stoi(v);
  }

  /// The rack units the row asks for, checked as the placement route checks them.
  std::optional<RackPlacement> placement(const Device& d) {
    bool asked = !cell("kode_rak").empty() || !cell("unit").empty() || !cell("tinggi").empty();
    if (!asked) return std::nullopt;
    const auto* site = this->site(places_);
    if (cell("kode_lokasi").empty() && cell("kode_rak").empty())  // else rack() names the missing site
      report("kode_lokasi", "Wajib diisi bila perangkat ditempatkan di rak: kode lokasi tempat rak berada.");
    if (cell("kode_rak").empty())
      report("kode_rak", "Wajib diisi bila unit diisi: kode rak tempat perangkat dipasang.");
    const auto* r = rack(places_, site);
    std::optional<int> unit;
    if (cell("unit").empty())
      report("unit", "Wajib diisi bila rak diisi: unit terbawah yang dipakai perangkat (U1 di bagian bawah rak).");
    else
      unit = units_cell("unit", "12");
    int height = 1;
    if (!cell("tinggi").empty()) {
      auto h = units_cell("tinggi", "1");
      if (!h) return std::nullopt;
      height = *h;
    }
    if (!r || !unit) return std::nullopt;
    RackPlacement p;
    p.rack_id = r->id;
    p.object_kind = "device";
    p.object_id = d.id;
    p.unit = *unit;
    p.height = height;
    p.placed_at = clock::now_iso();
    p.name = d.name;
    int top = p.unit + p.height - 1;
    if (top > r->units) {
      report("unit", "Rak " + r->code + " setinggi " + std::to_string(r->units) + "U: perangkat setinggi " +
                         std::to_string(height) + "U mulai U" + std::to_string(p.unit) + " melewati puncak rak.");
      return std::nullopt;
    }
    auto [it, fresh] = occupants_.try_emplace(r->id);
    if (fresh) it->second = racks_.placements(s_, r->id);
    for (const auto& other : it->second)
      if (p.unit <= other.unit + other.height - 1 && other.unit <= top) {
        auto units = "U" + std::to_string(other.unit);
        if (other.height > 1) units += "-U" + std::to_string(other.unit + other.height - 1);
        report("unit", units + " rak " + r->code + " sudah dipakai " + (other.code.empty() ? "" : other.code + " ") +
                           other.name + "; pilih unit lain.");
        return std::nullopt;
      }
    return p;
  }

  const AgencyCodes& agencies_;
  const SiteRackCodes& places_;
  RackRepository& racks_;
  const Scope& s_;
  const std::string& today_;
  DeviceRackOccupants occupants_;
};

}  // namespace

const std::vector<std::string>& device_import_columns() {
  static const std::vector<std::string> k = {"kode_pd",     "nama",     "jenis", "tanggal_pasang", "koordinasi",
                                             "kode_lokasi", "kode_rak", "unit",  "tinggi"};
  return k;
}

ImportFile parse_device_import(std::string_view body) {
  return parse_sheet_import(body, {device_import_columns(), kDeviceImportRequired, "Perangkat", "satu perangkat"});
}

ImportResult Service::import_devices(const Scope& s, const ImportFile& file, bool dry_run, const Actor& actor,
                                     const std::string& file_digest) {
  auto res = start_import(file, dry_run);
  if (!res.problems.empty()) return res;
  auto today = profile_of(s).today();
  try {
    return storage::write_transaction(db_, [&](storage::Connection& c) {
      AgencyCodes agencies;
      for (const auto& a : tenancy_.agencies(c, s)) agencies[text::to_upper_ascii(a.code)] = {a.id, a.name};
      Repository repo(c);
      RackRepository racks(c);
      auto places = site_rack_codes(repo, s);
      std::map<std::pair<std::string, std::string>, int> seen;
      for (const auto& [agency, name] : racks.device_names(s))
        seen.emplace(std::make_pair(agency, text::to_upper_ascii(name)), 0);
      DeviceRowCheck checker(file, agencies, places, racks, s, today, res.problems);
      std::vector<DeviceImportAccepted> accepted;
      for (const auto& row : file.rows)
        if (auto d = checker.check(row, seen)) accepted.push_back(std::move(*d));
      res.created = static_cast<int>(accepted.size());
      if (dry_run || !res.problems.empty()) return res;  // nothing was written: all rows or none

      boost::json::array names;
      int placed = 0;
      for (const auto& a : accepted) {
        repo.insert(s, a.device);
        if (a.placement) {
          racks.place(s, *a.placement);
          ++placed;
        }
        names.emplace_back(a.device.name);
      }
      ledger_.append(c, ledger::change_in(s, actor, "infrastructure.device.import", "import", file_digest,
                                          boost::json::object{{"sha256", file_digest},
                                                              {"rows", res.rows},
                                                              {"created", res.created},
                                                              {"placed", placed},
                                                              {"created_names", names}}));
      return res;
    });
  } catch (const storage::StorageError& e) {
    // A placement by hand took some of these units while the import ran (UNIQUE (rack, unit)): nothing was written.
    if (e.kind() != storage::StorageError::Kind::UniqueViolation) throw;
    throw Error(ErrorCode::InfraRackUnitsTaken, {{"field", "unit"}});
  }
}

void register_device_import_routes(http::Router& router, Service& m) {
  add_sheet_import_route(router, "/api/infrastructure/devices/import", parse_device_import,
                         [&m](const Scope& s, const ImportFile& file, bool dry, const Actor& actor,
                              const std::string& digest) { return m.import_devices(s, file, dry, actor, digest); });
  // The header and one example row naming a real PD of the tenant and today's date (not placed in a rack).
  add_sheet_template_route(
      router, "/api/infrastructure/devices/import/template.csv", "template-impor-perangkat.csv",
      device_import_columns(), [&m](const Scope& s) {
        std::string agency = "KODE-PD";
        auto agencies = m.agencies(s);
        if (!agencies.empty()) agency = agencies.front().code;
        return interchange::Row{
            agency, "Router contoh (ganti dengan perangkat Anda)", "router", m.profile_of(s).today(), "", "", "", "",
            ""};
      });
}

}  // namespace simpul::infrastructure
