// Import of a PD's proposal lines from a spreadsheet shaped like an RKA export (issue 18, item 6;
// docs/plan-and-budget.md "Import of RKA lines"). Every cell is checked so that one dry run lists
// everything to fix; a row whose cells are fine then goes through build_line(), the same rules as a
// line typed in the editor (architecture link, reserved spending, funding, category, standard price),
// so a row is refused for exactly the reasons and with exactly the article a form is.
#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "interchange/xlsx.hpp"
#include "planning/import_rka.hpp"
#include "planning/line_rules.hpp"
#include "planning/repository.hpp"
#include "planning/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::planning {
namespace {

const char* const kRkaFormula =
    "Berisi rumus tanpa nilai tersimpan: buka dan simpan ulang berkas di Excel/LibreOffice agar nilainya "
    "terhitung, atau tulis angkanya.";

/// The spreadsheet column a line rule's refusal is about, from the field the API names.
std::string rka_column_of(const Error& e) {
  static const std::map<std::string, std::string> k = {{"sub_activity", "sub_kegiatan"},
                                                       {"account_code", "kode_rekening"},
                                                       {"name", "uraian"},
                                                       {"specification", "spesifikasi"},
                                                       {"ssh_code", "kode_ssh"},
                                                       {"volume", "koefisien"},
                                                       {"unit_price", "harga_satuan"},
                                                       {"total", "jumlah"},
                                                       {"funding_source", "sumber_dana"},
                                                       {"category", "kategori"},
                                                       {"element_ids", "elemen_arsitektur"},
                                                       {"initiative_id", "inisiatif"}};
  if (const auto* f = e.details().if_contains("field"); f && f->is_string())
    if (auto it = k.find(std::string(f->as_string())); it != k.end()) return it->second;
  return "uraian";  // reserved spending: classified from the account, the SSH code and the text
}

std::string rka_text_of(const boost::json::object& d, const char* key) {
  const auto* v = d.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string rka_choices(const std::vector<Choice>& items) {
  std::string out;
  for (const auto& c : items) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

/// What to tell the person fixing the row when a line rule refused it.
std::string rka_message_of(const PlanningProfile& plan, const Error& e) {
  const auto& d = e.details();
  auto reason = rka_text_of(d, "reason");
  auto field = rka_text_of(d, "field");
  std::string m(error_message(e.code(), Language::Indonesian));
  if (reason == "architecture_link_missing")
    m += " Isi kode elemen arsitektur dan kode inisiatif Peta Rencana yang dilayani rincian ini.";
  else if (reason == "reserved_item")
    m += " Kelas belanja: " + rka_text_of(d, "class_name") +
         "; yang berwenang mengusulkan: " + rka_text_of(d, "holder") + ".";
  else if (reason == "overflow")
    m += " " + std::string(error_message(ErrorCode::PlanAmountOverflow, Language::Indonesian));
  else if (field == "funding_source")
    m += " Pilihan: " + rka_choices(plan.funding_sources) + ".";
  else if (field == "category")
    m += " Pilihan: " + rka_choices(plan.categories) + ".";
  else if (!field.empty() && !reason.empty())
    m += " (" + reason + ")";
  if (e.rule()) m += " (" + e.rule()->citation + ")";
  return m;
}

/// A choice written by its id or by its name, as a person would; anything else is kept for the line
/// rule to refuse with the article.
std::string rka_choice_id(const std::vector<Choice>& items, const std::string& cell) {
  auto folded = rka_fold(cell);
  for (const auto& c : items)
    if (folded == rka_fold(c.id) || folded == rka_fold(c.name)) return c.id;
  return cell;
}

std::vector<std::string> rka_codes(const std::string& cell) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : cell + ";") {
    if (ch == ';' || ch == ',' || ch == '\n' || ch == '\r') {
      auto t = text::trim(cur);
      if (!t.empty()) out.push_back(text::to_upper_ascii(t));
      cur.clear();
    } else {
      cur += ch;
    }
  }
  return out;
}

}  // namespace

LineImportResult Service::check_import(storage::Connection& c, const Scope& s, const Cycle& cycle, const Proposal& pr,
                                       const RkaFile& file, std::vector<Line>& accepted) const {
  LineImportResult out;
  out.sheet = file.sheet;
  out.header_row = file.header_row;
  for (const auto& p : file.problems) out.problems.push_back({p.row, p.column, p.message, p.rule});
  if (file.header_row == 0 || file.rows.empty()) return out;
  const auto& plan = planning_profile(profile_of(s));
  std::map<std::string, std::string> element_of_code, initiative_of_code;
  for (const auto& e : elements_.all_elements(c, s)) element_of_code[text::to_upper_ascii(e.code)] = e.id;
  for (const auto& i : roadmap_.all(c, s)) initiative_of_code[text::to_upper_ascii(i.code)] = i.id;
  auto agency = tenancy_.agency(c, s, pr.agency_id);

  for (const auto& row : file.rows) {
    LineImportRow shown;
    shown.row = row.row;
    shown.name = row.cell("uraian");
    shown.account_code = row.cell("kode_rekening");
    for (const auto& key : row.carried) shown.carried.push_back(key);
    for (const auto& key : row.merged) shown.merged.push_back(key);
    if (row.heading) {
      shown.status = "judul";
      ++out.headings;
      out.rows.push_back(std::move(shown));
      continue;
    }
    auto before = out.problems.size();
    bool unreadable =
        std::any_of(file.problems.begin(), file.problems.end(), [&](const RkaProblem& p) { return p.row == row.row; });
    auto report = [&](const std::string& column, std::string message, std::optional<RuleRef> rule = std::nullopt) {
      out.problems.push_back({row.row, column, std::move(message), std::move(rule)});
    };
    auto bounded = [&](const std::string& key, std::size_t max, bool required) {
      auto v = row.cell(key);
      if (v.empty() && required)
        report(key, "Wajib diisi.");
      else if (text::utf8_length(v) > max)
        report(key, "Paling banyak " + std::to_string(max) + " karakter.");
      return v;
    };

    if (auto pd = row.cell("perangkat_daerah"); !pd.empty() && agency && rka_fold(pd) != rka_fold(agency->name) &&
                                                text::to_upper_ascii(pd) != text::to_upper_ascii(agency->code))
      report("perangkat_daerah", "Baris ini untuk " + pd + ", sedangkan usulan ini milik " + agency->name +
                                     ". Impor rincian setiap Perangkat Daerah ke usulannya sendiri.");
    LineInput in;
    in.sub_activity = bounded("sub_kegiatan", 300, true);
    in.account_code = bounded("kode_rekening", 40, true);
    if (!in.account_code.empty() && !valid_account_code(in.account_code))
      report("kode_rekening", std::string(error_message(ErrorCode::PlanAccountCodeInvalid, Language::Indonesian)));
    in.name = bounded("uraian", 300, true);
    in.specification = bounded("spesifikasi", 2000, false);
    in.ssh_code = bounded("kode_ssh", 60, false);

    std::string volume_problem;
    auto factors = parse_volume_text(row.cell("koefisien"), row.cell("satuan"), volume_problem);
    if (factors) {
      in.factors = *factors;
      shown.volume_text = volume_text(*factors);
    } else {
      report("koefisien", volume_problem);
    }
    auto price = row.cell("harga_satuan");
    if (price.empty()) {
      report("harga_satuan", "Wajib diisi (sel berisi rumus yang belum pernah dihitung juga terbaca kosong).");
    } else if (price.front() == '=') {
      report("harga_satuan", kRkaFormula);
    } else if (auto v = parse_rupiah(price); !v || *v <= 0) {
      report("harga_satuan",
             "'" + price + "' bukan rupiah bulat lebih dari nol (contoh: 1.250.000 atau Rp 1.250.000,00).");
    } else {
      in.unit_price = *v;
      shown.unit_price = *v;
    }
    // The total as the API computes it, with the same overflow checks, against the file's own.
    std::optional<std::int64_t> total;
    if (factors && in.unit_price > 0) {
      std::optional<std::int64_t> volume = 1;
      for (const auto& f : *factors)
        if (volume) volume = checked_product(*volume, f.quantity);
      if (volume) total = checked_product(*volume, in.unit_price);
      if (!total)
        report("jumlah", std::string(error_message(ErrorCode::PlanAmountOverflow, Language::Indonesian)) +
                             " Koefisien × harga satuan melebihi batas perhitungan.");
    }
    if (auto written = row.cell("jumlah"); !written.empty()) {
      if (written.front() == '=') {
        report("jumlah", kRkaFormula);
      } else if (auto v = parse_rupiah(written); !v) {
        report("jumlah", "'" + written + "' bukan rupiah bulat (contoh: 30.000.000 atau Rp 30.000.000,00).");
      } else if (total && *v != *total) {
        report("jumlah", "Jumlah " + rupiah_text(*v) +
                             " tidak sama dengan koefisien × harga satuan = " + rupiah_text(*total) + ".");
      }
    }
    if (total) shown.total = *total;
    in.funding_source = rka_choice_id(plan.funding_sources, bounded("sumber_dana", 60, false));
    in.category = rka_choice_id(plan.categories, bounded("kategori", 80, false));
    auto codes = rka_codes(row.cell("elemen_arsitektur"));
    if (codes.size() > 20) report("elemen_arsitektur", "Paling banyak 20 elemen arsitektur per rincian.");
    for (const auto& code : codes) {
      if (auto it = element_of_code.find(code); it != element_of_code.end())
        in.element_ids.push_back(it->second);
      else
        report("elemen_arsitektur", "Tidak ada elemen arsitektur dengan kode " + code + ".");
    }
    if (auto code = text::to_upper_ascii(row.cell("inisiatif")); !code.empty()) {
      if (auto it = initiative_of_code.find(code); it != initiative_of_code.end())
        in.initiative_id = it->second;
      else
        report("inisiatif", "Tidak ada inisiatif Peta Rencana dengan kode " + code + ".");
    }

    if (out.problems.size() == before && !unreadable) {
      try {
        auto line = build_line(c, s, cycle, pr, in);
        shown.checks = line.checks;
        shown.total = line.total;
        accepted.push_back(std::move(line));
      } catch (const Error& e) {
        report(rka_column_of(e), rka_message_of(plan, e), e.rule());
      }
    }
    shown.status = out.problems.size() == before && !unreadable ? "rincian" : "masalah";
    out.rows.push_back(std::move(shown));
  }
  for (const auto& l : accepted) {
    if (__builtin_add_overflow(out.total, l.total, &out.total)) {
      out.problems.push_back({file.header_row, "jumlah",
                              std::string(error_message(ErrorCode::PlanAmountOverflow, Language::Indonesian)) +
                                  " Jumlah seluruh rincian berkas ini melebihi batas perhitungan.",
                              std::nullopt});
      break;
    }
  }
  out.lines = accepted.size();
  return out;
}

LineImportResult Service::import_lines(const Scope& s, const std::string& proposal_id, std::string_view file,
                                       bool dry_run, const Actor& actor) {
  auto parsed = parse_rka(file);
  auto digest = crypto::sha256_hex(file);
  auto run = [&](storage::Connection& c) {
    Repository repo(c);
    auto pr = repo.proposal(s, proposal_id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    if (pr->state != "draf")
      throw Error(ErrorCode::PlanBadStep, {{"state", pr->state}, {"reason", "only a draft proposal takes lines"}});
    auto cy = repo.cycle(s, pr->cycle_id);
    if (!cy) throw Error(ErrorCode::PlanCycleNotFound);
    if (cy->state != "dibuka")
      throw Error(ErrorCode::PlanBadStep, {{"state", cy->state}, {"reason", "the cycle is closed"}});
    std::vector<Line> accepted;
    auto res = check_import(c, s, *cy, *pr, parsed, accepted);
    res.dry_run = dry_run;
    if (dry_run || !res.problems.empty()) return res;  // nothing written: all rows or none
    auto now = clock::now_iso();
    boost::json::array ids;
    for (auto& l : accepted) {
      l.id = crypto::new_id();
      l.created_at = l.updated_at = now;
      repo.insert(s, l);
      index_line(c, s, l);
      ids.emplace_back(l.id);
    }
    ledger_.append(c, ledger::change_in(s, actor, "planning.lines_import", "planning_proposal", pr->id,
                                        {{"sha256", digest},
                                         {"sheet", res.sheet},
                                         {"lines", accepted.size()},
                                         {"headings", res.headings},
                                         {"total", res.total},
                                         {"line_ids", std::move(ids)}}));
    return res;
  };
  if (dry_run) return storage::read(db_, run);
  return storage::write_transaction(db_, run);
}

std::string Service::lines_template_xlsx(const Scope& s, const std::string& proposal_id) const {
  return storage::read(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto pr = repo.proposal(s, proposal_id);
    if (!pr) throw Error(ErrorCode::PlanProposalNotFound);
    auto cy = repo.cycle(s, pr->cycle_id);
    const auto& plan = planning_profile(profile_of(s));
    auto agency = tenancy_.agency(c, s, pr->agency_id);
    // A real application element of the tenant (the PD's own first) and an initiative of the year.
    std::string element, initiative;
    for (const auto& e : elements_.live_elements(c, s, "aplikasi"))
      if (element.empty() || e.owner_agency_id == pr->agency_id) {
        element = e.code;
        if (e.owner_agency_id == pr->agency_id) break;
      }
    for (const auto& i : roadmap_.all(c, s))
      if (cy && i.start_year <= cy->fiscal_year && cy->fiscal_year <= i.target_year && i.status != "batal") {
        initiative = i.code;
        break;
      }
    interchange::Row header;
    for (const auto& col : rka_columns()) header.push_back(col.header);
    interchange::Row example = {agency ? agency->name : "",
                                "Pengelolaan Sistem Informasi Pemerintahan Daerah",
                                "5.2.02.10.01.0002",
                                "Pengadaan Laptop Operator Layanan",
                                "Prosesor setara Core i5, RAM 16 GB, SSD 512 GB",
                                "",
                                "2 Unit",
                                "",
                                "Rp 15.000.000",
                                "Rp 30.000.000",
                                plan.funding_sources.empty() ? "" : plan.funding_sources.front().name,
                                plan.categories.empty() ? "" : plan.categories.front().name,
                                element,
                                initiative};
    interchange::Sheet lines{"Rincian", {header, example}};
    interchange::Sheet guide{"Petunjuk", {{"Kolom", "Wajib", "Isi"}}};
    static const std::map<std::string, std::string> kHints = {
        {"perangkat_daerah", "Nama atau kode Perangkat Daerah; bila diisi harus PD pemilik usulan."},
        {"sub_kegiatan",
         "Sub kegiatan RKA; sel dalam sel gabungan mengambil isi sel kiri atasnya, sel kosong lain isi baris di "
         "atasnya."},
        {"kode_rekening", "Kode rekening belanja, mis. 5.1.02.01.01.0024; sel kosong mengambil isi baris di atasnya."},
        {"uraian", "Nama barang atau jasa."},
        {"koefisien", "Volume x satuan, mis. 2 Unit x 12 Bulan."},
        {"satuan", "Satuan bila Koefisien hanya berisi angka."},
        {"harga_satuan", "Rupiah bulat: 1.250.000 atau Rp 1.250.000,00."},
        {"jumlah", "Boleh kosong; bila diisi harus sama dengan koefisien x harga satuan."},
        {"sumber_dana", "Pilihan: " + rka_choices(plan.funding_sources) + "."},
        {"kategori", plan.categories.empty() ? "Boleh kosong." : "Pilihan: " + rka_choices(plan.categories) + "."},
        {"elemen_arsitektur", "Kode elemen Arsitektur SPBE yang dilayani, dipisah titik koma."},
        {"inisiatif", "Kode inisiatif Peta Rencana yang dilayani."}};
    for (const auto& col : rka_columns()) {
      auto hint = kHints.find(col.key);
      guide.rows.push_back({col.header, col.required ? "ya" : "tidak", hint == kHints.end() ? "" : hint->second});
    }
    guide.rows.push_back(
        {"Baris judul", "", "Baris tanpa koefisien dan harga satuan dianggap judul kelompok, bukan rincian."});
    return interchange::write_xlsx({lines, guide});
  });
}

}  // namespace simpul::planning
