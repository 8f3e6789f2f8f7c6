// Import of the server inventory (docs/infrastructure.md, "Import"). Each row is checked cell by cell so
// that one pass lists everything to fix, then as a whole with the architecture's Validator and the same
// record check as the API, so a row is refused for exactly the reasons the form refuses it.
#include "infrastructure/server_import.hpp"

#include <algorithm>
#include <unordered_map>

#include "architecture/validation.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "http/json_io.hpp"
#include "infrastructure/repository.hpp"
#include "infrastructure/service.hpp"
#include "interchange/csv.hpp"
#include "interchange/import_slots.hpp"
#include "interchange/xlsx.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::infrastructure {
namespace {

const std::vector<std::string> kServerImportRequired = {"kode", "nama", "kode_pd", "penempatan"};

bool has_choice(const std::vector<tenancy::EnumItem>& items, const std::string& id) {
  return std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.id == id; });
}

/// The spreadsheet column a validation error of the API is about.
std::string server_column_of(const std::string& field) {
  static const std::unordered_map<std::string, std::string> k = {{"code", "kode"},
                                                                 {"name", "nama"},
                                                                 {"description", "deskripsi"},
                                                                 {"owner_agency_id", "kode_pd"},
                                                                 {"kind", "jenis"},
                                                                 {"hosting", "penempatan"},
                                                                 {"environment", "lingkungan"},
                                                                 {"managed_by", "dikelola_oleh"},
                                                                 {"site_id", "kode_lokasi"},
                                                                 {"rack_id", "kode_rak"},
                                                                 {"hostname", "nama_host"},
                                                                 {"operating_system", "sistem_operasi"}};
  auto it = k.find(field);
  return it == k.end() ? field : it->second;
}

/// What the rows are checked against, read once per import.
struct ServerImportContext {
  AgencyCodes agencies;
  SiteRackCodes places;
};

struct ServerImportAccepted {
  architecture::Element element;
  ServerRecord record;
};

/// Checks one row; problems go to `problems`, nothing is returned for a row with a problem.
class ServerRowCheck : public SheetRowCheck {
 public:
  ServerRowCheck(const ServerImportFile& file, const ServerImportContext& ctx, architecture::Lookup& lookup,
                 const architecture::Validator& validator, Repository& repo, const Scope& s,
                 std::vector<ServerImportProblem>& problems)
      : SheetRowCheck(file, problems), ctx_(ctx), lookup_(lookup), validator_(validator), repo_(repo), s_(s) {}

  std::optional<ServerImportAccepted> check(const ServerImportRow& row, std::map<std::string, int>& first_row) {
    begin(row);
    std::string code = cell("kode");
    if (code.empty()) {
      report("kode", "Wajib diisi, mis. SRV-DISHUB-01.");
    } else {
      try {
        code = architecture::normalised_code(code);
        if (auto [it, fresh] = first_row.emplace(code, row.row); !fresh)
          report("kode", "Kode " + code + " sudah dipakai di baris " + std::to_string(it->second) +
                             " berkas ini; beri kode lain.");
        else if (auto e = lookup_.element_by_code(code))
          report("kode", "Kode " + code + " sudah dipakai elemen arsitektur " + e->name +
                             "; beri kode lain (server yang sudah terdaftar diubah lewat formulirnya).");
      } catch (const Error&) {
        report("kode", "Gunakan 1-40 huruf, angka, titik, tanda hubung atau garis bawah, mis. SRV-DISHUB-01.");
      }
    }
    std::string name = cell("nama");
    if (name.empty())
      report("nama", "Wajib diisi, mis. Server SIM Perhubungan.");
    else if (text::utf8_length(name) > 200)
      report("nama", "Paling banyak 200 karakter; singkat namanya.");
    if (text::utf8_length(cell("deskripsi")) > 4000) report("deskripsi", "Paling banyak 4000 karakter.");

    std::string owner;
    if (const auto* a = agency(ctx_.agencies, "pemilik server")) owner = a->first;

    ServerRecord record;
    choice("jenis", server_kinds(), record.kind);
    if (cell("penempatan").empty())
      report("penempatan", "Wajib diisi. Pilihan: " + choices_text(hosting_modes()) + ".");
    else
      choice("penempatan", hosting_modes(), record.hosting);
    choice("lingkungan", environments(), record.environment);
    if (auto by = text::to_lower_ascii(cell("dikelola_oleh")); !by.empty()) {
      if (by == "dinas" || by == "pd")
        record.managed_by = by;
      else
        report("dikelola_oleh", "Isi dinas atau pd (yang mengonfigurasi dan memelihara server).");
    }
    const Site* site = this->site(ctx_.places);
    if (site) record.site_id = site->id;
    if (const auto* r = rack(ctx_.places, site)) record.rack_id = r->id;
    placement(record, site);
    record.hostname = cell("nama_host");
    if (text::utf8_length(record.hostname) > 253) report("nama_host", "Paling banyak 253 karakter.");
    record.operating_system = cell("sistem_operasi");
    if (text::utf8_length(record.operating_system) > 120) report("sistem_operasi", "Paling banyak 120 karakter.");
    if (!clean()) return std::nullopt;

    // Every cell is fine on its own: now the whole row, by the rules the API applies.
    ServerImportAccepted out;
    auto& e = out.element;
    e.id = crypto::new_id();
    e.domain = "infrastruktur";
    e.code = code;
    e.name = name;
    e.description = cell("deskripsi");
    e.owner_agency_id = owner;
    e.attributes["infra_type"] = "perangkat_keras";
    e.created_at = e.updated_at = clock::now_iso();
    record.updated_at = e.created_at;
    out.record = record;
    try {
      validator_.element(e, true);
      check_server_record(repo_, s_, record);
    } catch (const Error& err) {
      refused(err, server_column_of);
      return std::nullopt;
    }
    return out;
  }

 private:
  /// The hosting mode must match where the server stands, in the words of the person fixing the sheet.
  void placement(const ServerRecord& r, const Site* site) {
    // An unknown hosting mode is its own problem: the default would blame the site wrongly.
    if (!has_choice(hosting_modes(), text::to_lower_ascii(cell("penempatan"))) ||
        (!site && !cell("kode_lokasi").empty()))
      return;
    if (r.hosting == "luar" && site)
      report(
          "kode_lokasi",
          "Server di luar fasilitas Pemda tidak berada di lokasi mana pun: kosongkan kode_lokasi, atau ubah penempatan.");
    else if ((r.hosting == "kolokasi" || r.hosting == "vps") && (!site || site->kind == "ruang_server_pd"))
      report("kode_lokasi", "Kolokasi dan VPS berada di Pusat Data: isi kode lokasi Pusat Data (" +
                                ctx_.places.site_codes(false) + ").");
    else if (r.hosting == "ruang_pd" && site && site->kind != "ruang_server_pd")
      report("kode_lokasi", "Penempatan ruang_pd berarti ruang server PD sendiri: isi kode ruang server PD (" +
                                ctx_.places.site_codes(true) + ") atau ubah penempatan menjadi kolokasi.");
  }

  const ServerImportContext& ctx_;
  architecture::Lookup& lookup_;
  const architecture::Validator& validator_;
  Repository& repo_;
  const Scope& s_;
};

}  // namespace

const std::vector<std::string>& server_import_columns() {
  static const std::vector<std::string> k = {"kode",        "nama",       "deskripsi",  "kode_pd",
                                             "jenis",       "penempatan", "lingkungan", "dikelola_oleh",
                                             "kode_lokasi", "kode_rak",   "nama_host",  "sistem_operasi"};
  return k;
}

ServerImportFile parse_server_import(std::string_view body) {
  return parse_sheet_import(body, {server_import_columns(), kServerImportRequired, "Server", "satu server"});
}

ServerImportResult Service::import_servers(const Scope& s, const ServerImportFile& file, bool dry_run,
                                           const Actor& actor, const std::string& file_digest) {
  auto res = start_import(file, dry_run);
  if (!res.problems.empty()) return res;
  const auto& profile = profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    ServerImportContext ctx;
    for (const auto& a : tenancy_.agencies(c, s)) ctx.agencies[text::to_upper_ascii(a.code)] = {a.id, a.name};
    ctx.places = site_rack_codes(repo, s);
    architecture::DatabaseLookup lookup(c, s, tenancy_);
    architecture::Validator validator(lookup, profile, elements_.reference());
    ServerRowCheck checker(file, ctx, lookup, validator, repo, s, res.problems);
    std::map<std::string, int> first_row;
    std::vector<ServerImportAccepted> accepted;
    for (const auto& row : file.rows)
      if (auto a = checker.check(row, first_row)) accepted.push_back(std::move(*a));
    res.created = static_cast<int>(accepted.size());
    if (dry_run || !res.problems.empty()) return res;  // nothing was written: all rows or none

    std::vector<architecture::Element> elements;
    boost::json::array codes;
    for (const auto& a : accepted) {
      elements.push_back(a.element);
      codes.emplace_back(a.element.code);
    }
    elements_.insert_elements(c, s, elements);
    for (const auto& a : accepted) repo.save_server(s, a.element.id, a.record);
    ledger_.append(
        c, ledger::change_in(
               s, actor, "infrastructure.server.import", "import", file_digest,
               boost::json::object{
                   {"sha256", file_digest}, {"rows", res.rows}, {"created", res.created}, {"created_codes", codes}}));
    return res;
  });
}

void register_server_import_routes(http::Router& router, Service& m) {
  add_sheet_import_route(router, "/api/infrastructure/servers/import", parse_server_import,
                         [&m](const Scope& s, const ImportFile& file, bool dry, const Actor& actor,
                              const std::string& digest) { return m.import_servers(s, file, dry, actor, digest); });
  // The header and one example row that names a real PD and Pusat Data site of the tenant.
  add_sheet_template_route(router, "/api/infrastructure/servers/import/template.csv", "template-impor-server.csv",
                           server_import_columns(), [&m](const Scope& s) {
                             std::string agency = "KODE-PD", site = "KODE-LOKASI";
                             auto agencies = m.agencies(s);
                             if (!agencies.empty()) agency = agencies.front().code;
                             for (const auto& x : m.sites(s, ""))
                               if (x.kind != "ruang_server_pd" && x.status == "operasi") {
                                 site = x.code;
                                 break;
                               }
                             return interchange::Row{"SRV-CONTOH-01",
                                                     "Server contoh",
                                                     "Contoh baris: ganti dengan server Anda",
                                                     agency,
                                                     "fisik",
                                                     "kolokasi",
                                                     "produksi",
                                                     "dinas",
                                                     site,
                                                     "",
                                                     "srv01.kota.go.id",
                                                     "Debian 12"};
                           });
}

}  // namespace simpul::infrastructure
