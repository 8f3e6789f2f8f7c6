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

std::string ids_text(const std::vector<tenancy::EnumItem>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i.id + " (" + i.name + ")";
  return out;
}

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
  std::map<std::string, std::string> agency_by_code;         // upper-case code -> id
  std::map<std::string, Site> site_by_code;                  // upper-case code -> site
  std::map<std::string, std::map<std::string, Rack>> racks;  // site id -> upper-case rack code -> rack
};

struct ServerImportAccepted {
  architecture::Element element;
  ServerRecord record;
};

std::string site_codes(const ServerImportContext& ctx, bool pd_room) {
  std::string out;
  for (const auto& [code, site] : ctx.site_by_code)
    if ((site.kind == "ruang_server_pd") == pd_room) out += (out.empty() ? "" : ", ") + site.code;
  return out.empty() ? "belum ada; daftarkan lokasinya dahulu" : out;
}

/// Checks one row; problems go to `problems`, nothing is returned for a row with a problem.
class ServerRowCheck {
 public:
  ServerRowCheck(const ServerImportFile& file, const ServerImportContext& ctx, architecture::Lookup& lookup,
                 const architecture::Validator& validator, Repository& repo, const Scope& s,
                 std::vector<ServerImportProblem>& problems)
      : file_(file), ctx_(ctx), lookup_(lookup), validator_(validator), repo_(repo), s_(s), problems_(problems) {}

  std::optional<ServerImportAccepted> check(const ServerImportRow& row, std::map<std::string, int>& first_row) {
    row_ = &row;
    count_ = 0;
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
    if (auto pd = cell("kode_pd"); pd.empty()) {
      report("kode_pd", "Wajib diisi dengan kode Perangkat Daerah pemilik server.");
    } else if (auto it = ctx_.agency_by_code.find(text::to_upper_ascii(pd)); it == ctx_.agency_by_code.end()) {
      report("kode_pd",
             "Tidak ada Perangkat Daerah dengan kode " + pd + "; tulis kode seperti di menu Perangkat Daerah.");
    } else {
      owner = it->second;
    }

    ServerRecord record;
    choice("jenis", server_kinds(), record.kind);
    if (cell("penempatan").empty())
      report("penempatan", "Wajib diisi. Pilihan: " + ids_text(hosting_modes()) + ".");
    else
      choice("penempatan", hosting_modes(), record.hosting);
    choice("lingkungan", environments(), record.environment);
    if (auto by = text::to_lower_ascii(cell("dikelola_oleh")); !by.empty()) {
      if (by == "dinas" || by == "pd")
        record.managed_by = by;
      else
        report("dikelola_oleh", "Isi dinas atau pd (yang mengonfigurasi dan memelihara server).");
    }
    const Site* site = nullptr;
    if (auto code_site = cell("kode_lokasi"); !code_site.empty()) {
      auto it = ctx_.site_by_code.find(text::to_upper_ascii(code_site));
      if (it == ctx_.site_by_code.end())
        report("kode_lokasi", "Tidak ada lokasi dengan kode " + code_site + ". Kode Pusat Data: " +
                                  site_codes(ctx_, false) + "; ruang server PD: " + site_codes(ctx_, true) + ".");
      else
        site = &it->second, record.site_id = site->id;
    }
    if (auto code_rack = cell("kode_rak"); !code_rack.empty()) {
      if (!site) {
        if (cell("kode_lokasi").empty())
          report("kode_rak", "Rak hanya dapat diisi bersama kode_lokasi tempat rak itu berada.");
      } else if (auto racks = ctx_.racks.find(site->id);
                 racks == ctx_.racks.end() || !racks->second.count(text::to_upper_ascii(code_rack))) {
        std::string known;
        if (racks != ctx_.racks.end())
          for (const auto& [k, r] : racks->second) known += (known.empty() ? "" : ", ") + r.code;
        report("kode_rak", "Tidak ada rak " + code_rack + " di lokasi " + site->code + ". Rak di sana: " +
                               (known.empty() ? "belum ada; tambahkan raknya dahulu" : known) + ".");
      } else {
        record.rack_id = racks->second.at(text::to_upper_ascii(code_rack)).id;
      }
    }
    placement(record, site);
    record.hostname = cell("nama_host");
    if (text::utf8_length(record.hostname) > 253) report("nama_host", "Paling banyak 253 karakter.");
    record.operating_system = cell("sistem_operasi");
    if (text::utf8_length(record.operating_system) > 120) report("sistem_operasi", "Paling banyak 120 karakter.");
    if (count_ > 0) return std::nullopt;

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
      std::string column;
      if (const auto* f = err.details().if_contains("field"); f && f->is_string())
        column = server_column_of(std::string(f->as_string()));
      report(column, std::string(error_message(err.code(), Language::Indonesian)));
      return std::nullopt;
    }
    return out;
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
  /// An empty cell keeps the default; anything else must be one of the choices (by id).
  void choice(const std::string& column, const std::vector<tenancy::EnumItem>& items, std::string& target) {
    auto v = text::to_lower_ascii(cell(column));
    if (v.empty()) return;
    if (has_choice(items, v))
      target = v;
    else
      report(column, "Nilai " + cell(column) + " tidak dikenal. Pilihan: " + ids_text(items) + ".");
  }
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
      report("kode_lokasi",
             "Kolokasi dan VPS berada di Pusat Data: isi kode lokasi Pusat Data (" + site_codes(ctx_, false) + ").");
    else if (r.hosting == "ruang_pd" && site && site->kind != "ruang_server_pd")
      report("kode_lokasi", "Penempatan ruang_pd berarti ruang server PD sendiri: isi kode ruang server PD (" +
                                site_codes(ctx_, true) + ") atau ubah penempatan menjadi kolokasi.");
  }

  const ServerImportFile& file_;
  const ServerImportContext& ctx_;
  architecture::Lookup& lookup_;
  const architecture::Validator& validator_;
  Repository& repo_;
  const Scope& s_;
  std::vector<ServerImportProblem>& problems_;
  const ServerImportRow* row_ = nullptr;
  int count_ = 0;
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
  ServerImportResult res;
  res.dry_run = dry_run;
  res.rows = static_cast<int>(file.rows.size());
  res.problems = file.problems;
  if (!res.problems.empty()) return res;
  const auto& profile = profile_of(s);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    ServerImportContext ctx;
    for (const auto& a : tenancy_.agencies(c, s)) ctx.agency_by_code[text::to_upper_ascii(a.code)] = a.id;
    for (auto& site : repo.sites(s, "")) {
      for (auto& rack : repo.racks(s, site.id)) ctx.racks[site.id][text::to_upper_ascii(rack.code)] = rack;
      ctx.site_by_code[text::to_upper_ascii(site.code)] = std::move(site);
    }
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
  router.add("POST", "/api/infrastructure/servers/import", [&m](http::Request& req) {
    // Tenant-wide: an inventory spans every Perangkat Daerah, so operators (own agency only) cannot.
    const auto& p = req.require("infrastructure.write");
    bool dry = import_dry_run(req);
    auto slot = interchange::ImportSlot::acquire();
    auto file = parse_server_import(req.body);
    auto result = m.import_servers(p.scope(), file, dry, p.actor(), crypto::sha256_hex(req.body));
    if (!result.dry_run && !result.problems.empty()) throw Error(ErrorCode::ImportHasProblems, to_json(result));
    return http::json_response(200, to_json(result));
  });
  // The header and one example row that names a real PD and Pusat Data site of the tenant.
  router.add("GET", "/api/infrastructure/servers/import/template.csv", [&m](http::Request& req) {
    const auto& p = req.require("infrastructure.read");
    std::string agency = "KODE-PD", site = "KODE-LOKASI";
    auto agencies = m.agencies(p.scope());
    if (!agencies.empty()) agency = agencies.front().code;
    for (const auto& x : m.sites(p.scope(), ""))
      if (x.kind != "ruang_server_pd" && x.status == "operasi") {
        site = x.code;
        break;
      }
    interchange::Row example = {"SRV-CONTOH-01",
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
    http::Response r;
    r.body = interchange::write_csv({server_import_columns(), example});
    r.content_type = "text/csv; charset=utf-8";
    r.set_header("Content-Disposition", "attachment; filename=\"template-impor-server.csv\"");
    return r;
  });
}

}  // namespace simpul::infrastructure
