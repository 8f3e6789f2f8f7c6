#include "architecture/transfer_vocabulary.hpp"

#include <algorithm>
#include <set>

#include "architecture/domains.hpp"
#include "core/text.hpp"

namespace simpul::architecture {
namespace {

struct ValueWords {
  std::string_view id, label_id, label_en;
};

/// Labels of the product's fixed values, as the console shows them (web/src/i18n/architecture).
const std::vector<std::pair<std::string_view, std::vector<ValueWords>>>& fixed_value_words() {
  static const std::vector<std::pair<std::string_view, std::vector<ValueWords>>> k = {
      {"service_type",
       {{"publik", "Layanan publik", "Public service"},
        {"administrasi", "Layanan administrasi pemerintahan", "Government administration service"}}},
      {"process_type", {{"inti", "Inti", "Core"}, {"pendukung", "Pendukung", "Supporting"}}},
      {"classification",
       {{"terbuka", "Terbuka", "Open"}, {"terbatas", "Terbatas", "Restricted"}, {"tertutup", "Tertutup", "Closed"}}},
      {"data_kind",
       {{"data_induk", "Data induk", "Master data"},
        {"data_referensi", "Data referensi", "Reference data"},
        {"data_transaksional", "Data transaksional", "Transactional data"},
        {"data_statistik", "Data statistik", "Statistical data"}}},
      {"update_frequency",
       {{"harian", "Harian", "Daily"},
        {"mingguan", "Mingguan", "Weekly"},
        {"bulanan", "Bulanan", "Monthly"},
        {"tahunan", "Tahunan", "Yearly"},
        {"tidak_tentu", "Tidak tentu", "Irregular"}}},
      {"infra_type",
       {{"pusat_data", "Pusat data", "Data centre"},
        {"jaringan_intra", "Jaringan intra", "Intranet"},
        {"sistem_penghubung_layanan", "Sistem penghubung layanan", "Service integration system"},
        {"perangkat_keras", "Perangkat keras", "Hardware"},
        {"perangkat_lunak", "Perangkat lunak", "Software"},
        {"cloud", "Komputasi awan", "Cloud"}}},
      {"security_aspect",
       {{"kerahasiaan", "Kerahasiaan", "Confidentiality"},
        {"keutuhan", "Keutuhan", "Integrity"},
        {"ketersediaan", "Ketersediaan", "Availability"},
        {"keaslian", "Keaslian", "Authenticity"},
        {"kenirsangkalan", "Kenirsangkalan", "Non-repudiation"}}},
  };
  return k;
}

const ValueWords* fixed_value(std::string_view key, std::string_view id) {
  for (const auto& [k, values] : fixed_value_words())
    if (k == key)
      for (const auto& v : values)
        if (v.id == id) return &v;
  return nullptr;
}

std::string_view domain_label_en(std::string_view id) {
  static const std::map<std::string_view, std::string_view> k = {
      {"proses_bisnis", "Business process"}, {"data_informasi", "Data and information"}, {"layanan", "Service"},
      {"aplikasi", "Application"},           {"infrastruktur", "Infrastructure"},        {"keamanan", "Security"}};
  auto it = k.find(id);
  return it == k.end() ? id : it->second;
}

std::string_view relation_label_en(std::string_view type) {
  static const std::map<std::string_view, std::string_view> k = {
      {"realised_by", "realised by"}, {"supported_by", "supported by"}, {"uses_data", "uses data"},
      {"runs_on", "runs on"},         {"protected_by", "protected by"}, {"integrates_with", "integrates with"}};
  auto it = k.find(type);
  return it == k.end() ? type : it->second;
}

struct AttributeWords {
  std::string_view key, name_id, name_en;
  std::vector<std::string> aliases;
  std::string_view help_id, help_en;
};

const std::vector<AttributeWords>& attribute_words() {
  static const std::vector<AttributeWords> k = {
      {"service_type",
       "Jenis Layanan",
       "Service type",
       {},
       "Layanan: Layanan publik atau Layanan administrasi pemerintahan.",
       "Service: public or government administration service."},
      {"sector",
       "Sektor Layanan",
       "Sector",
       {"sektor", "sektor / bidang layanan", "bidang layanan"},
       "Layanan: sektor (layanan publik) atau bidang (layanan administrasi) dari profil regulasi.",
       "Service: the sector (public) or area (administration) of the regulation profile."},
      {"url",
       "URL",
       "URL",
       {"alamat (url)", "alamat", "address"},
       "Layanan dan Aplikasi: alamat web, boleh kosong.",
       "Service and application: web address, optional."},
      {"process_type",
       "Jenis Proses",
       "Process type",
       {},
       "Proses Bisnis: Inti atau Pendukung.",
       "Business process: core or supporting."},
      {"classification",
       "Klasifikasi Data",
       "Classification",
       {"klasifikasi"},
       "Data dan Informasi: Terbuka, Terbatas atau Tertutup.",
       "Data and information: open, restricted or closed."},
      {"data_kind",
       "Jenis Data",
       "Kind of data",
       {"data kind"},
       "Data dan Informasi: jenis data.",
       "Data and information: kind of data."},
      {"update_frequency",
       "Frekuensi Pemutakhiran",
       "Update frequency",
       {"frekuensi pembaruan"},
       "Data dan Informasi: seberapa sering data dimutakhirkan.",
       "Data and information: how often it is updated."},
      {"category",
       "Kategori Aplikasi",
       "Application category",
       {"kategori"},
       "Aplikasi: kategori dari profil regulasi.",
       "Application: category of the regulation profile."},
      {"lifecycle_stage",
       "Tahap Siklus Hidup",
       "Lifecycle stage",
       {"tahap"},
       "Aplikasi: diisi oleh siklus hidup aplikasi; ekspor membawanya, impor tidak mengubahnya.",
       "Application: kept by the application lifecycle; exports carry it, imports do not change it."},
      {"infra_type",
       "Jenis Infrastruktur",
       "Infrastructure type",
       {},
       "Infrastruktur: jenis infrastruktur.",
       "Infrastructure: kind of infrastructure."},
      {"location",
       "Lokasi",
       "Location",
       {},
       "Infrastruktur: lokasi, boleh kosong.",
       "Infrastructure: location, optional."},
      {"security_aspect",
       "Aspek Keamanan",
       "Security aspect",
       {},
       "Keamanan: aspek keamanan yang dijaga.",
       "Security: the aspect it protects."},
  };
  return k;
}

}  // namespace

std::string match_key(std::string_view text) {
  std::string out;
  bool gap = false;
  for (char ch : text::trim(text)) {
    if (ch == ' ' || ch == '_' || ch == '-' || ch == '.' || ch == '\t' || ch == '\n' || ch == '\r') {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  }
  return out;
}

const std::vector<ColumnDef>& element_columns() {
  static const std::vector<ColumnDef> k = [] {
    std::vector<ColumnDef> c = {
        {"code",
         "Kode",
         "Code",
         {"kode elemen", "element code"},
         true,
         "1-40 huruf, angka, titik, tanda hubung atau garis bawah, unik di Pemda, mis. RAL.02.01.003. Elemen "
         "dengan kode yang sudah ada diperbarui.",
         "1-40 letters, digits, dots, dashes or underscores, unique in the Pemda, e.g. RAL.02.01.003. An element "
         "with an existing code is updated."},
        {"name", "Nama", "Name", {"nama elemen", "element name"}, true, "Nama elemen.", "The element's name."},
        {"domain",
         "Domain",
         "Domain",
         {"domain arsitektur"},
         true,
         "Salah satu dari enam domain (lembar Pilihan).",
         "One of the six domains (sheet Pilihan)."},
        {"level",
         "Level",
         "Level",
         {"tingkat"},
         false,
         "3, atau 4 untuk rincian elemen level 3; kosong = 3.",
         "3, or 4 for a part of a level-3 element; empty = 3."},
        {"parent_code",
         "Kode Induk",
         "Parent code",
         {"induk", "parent"},
         false,
         "Level 4: kode elemen level 3 dari domain yang sama (di berkas ini atau yang sudah ada). Level 3: kosong.",
         "Level 4: code of a level-3 element of the same domain (in this file or stored). Level 3: empty."},
        {"reference_code",
         "Kode Referensi",
         "Reference code",
         {"kode referensi nasional", "referensi"},
         false,
         "Kode arsitektur referensi nasional level 1 atau 2 dari domain yang sama (lembar Pilihan), mis. RAL.02; "
         "boleh kosong.",
         "A level-1 or level-2 code of the national reference architecture of the same domain (sheet Pilihan), "
         "e.g. RAL.02; optional."},
        {"owner_agency",
         "Perangkat Daerah",
         "Agency",
         {"owner_agency_code", "kode pd", "pd", "opd", "perangkat daerah pemilik", "kode perangkat daerah",
          "owner agency", "owner agency code"},
         true,
         "Kode, singkatan atau nama lengkap Perangkat Daerah pemilik (lembar Pilihan).",
         "Code, short name or full name of the owning agency (sheet Pilihan)."},
        {"state",
         "Kondisi",
         "State",
         {"status"},
         false,
         "Saat ini, Target atau Dihentikan; kosong = Saat ini.",
         "As-is, to-be or retired; empty = as-is."},
        {"description", "Keterangan", "Description", {"deskripsi", "uraian"}, false, "Boleh kosong.", "Optional."},
    };
    for (const auto& w : attribute_words()) {
      ColumnDef def{"attr." + std::string(w.key), std::string(w.name_id), std::string(w.name_en), w.aliases, false,
                    std::string(w.help_id),       std::string(w.help_en)};
      def.aliases.push_back("attr." + std::string(w.key));
      def.aliases.emplace_back(w.key);
      c.push_back(std::move(def));
    }
    return c;
  }();
  return k;
}

const std::vector<ColumnDef>& relation_columns() {
  static const std::vector<ColumnDef> k = {
      {"source_code",
       "Kode Sumber",
       "Source code",
       {"sumber", "source"},
       true,
       "Kode elemen asal relasi (di berkas ini atau yang sudah ada).",
       "Code of the element the relation starts at."},
      {"type",
       "Jenis Relasi",
       "Relation type",
       {"relasi", "jenis"},
       true,
       "Salah satu jenis relasi (lembar Pilihan), sesuai domain sumber dan tujuannya.",
       "One of the relation types (sheet Pilihan) that joins the two domains."},
      {"target_code",
       "Kode Tujuan",
       "Target code",
       {"tujuan", "target"},
       true,
       "Kode elemen tujuan relasi (di berkas ini atau yang sudah ada).",
       "Code of the element the relation ends at."},
      {"description", "Keterangan", "Description", {"deskripsi", "uraian"}, false, "Boleh kosong.", "Optional."},
  };
  return k;
}

const ColumnDef* find_column(const std::vector<ColumnDef>& columns, std::string_view header) {
  std::string key = match_key(header);
  if (key.empty()) return nullptr;
  for (const auto& c : columns) {
    if (match_key(c.key) == key || match_key(c.name_id) == key || match_key(c.name_en) == key) return &c;
    for (const auto& a : c.aliases)
      if (match_key(a) == key) return &c;
  }
  return nullptr;
}

Vocabulary::Vocabulary(const tenancy::Profile& profile, const ReferenceArchitecture& reference,
                       const std::vector<tenancy::Agency>& agencies) {
  for (const auto& d : domains())
    add("domain", {std::string(d.id),
                   std::string(d.name_id),
                   std::string(domain_label_en(d.id)),
                   {std::string(d.reference)},
                   "Referensi " + std::string(d.reference)});
  add("level", {"3", "3", "3", {"level 3", "tingkat 3"}, "elemen Pemda"});
  add("level", {"4", "4", "4", {"level 4", "tingkat 4"}, "rincian elemen level 3 (isi Kode Induk)"});
  add("state", {"as_is", "Saat ini", "As-is", {"saat ini (as-is)", "current", "current (as-is)"}, ""});
  add("state", {"to_be", "Target", "To-be", {"target (to-be)"}, ""});
  add("state", {"retired", "Dihentikan", "Retired", {}, ""});
  for (const auto& r : relation_types()) {
    std::string joins;
    for (auto s : r.sources) joins += (joins.empty() ? "" : ", ") + std::string(find_domain(s)->name_id);
    joins += " → ";
    for (auto t : r.targets) joins += std::string(find_domain(t)->name_id);
    add("type", {std::string(r.type), std::string(r.name_id), std::string(relation_label_en(r.type)), {}, joins});
  }
  for (const auto& a : attributes()) {
    std::string field = "attr." + std::string(a.key);
    std::string where(find_domain(a.domain)->name_id);
    for (auto v : a.values) {
      const auto* w = fixed_value(a.key, v);
      add(field, {std::string(v),
                  w ? std::string(w->label_id) : std::string(v),
                  w ? std::string(w->label_en) : std::string(v),
                  {},
                  where});
    }
    for (auto name : a.profile_enumerations)
      if (const auto* en = profile.enumeration(std::string(name)))
        for (const auto& item : en->items) add(field, {item.id, item.name, item.name, {}, where});
  }
  for (const auto& item : reference.items())
    add("reference_code",
        {item.code,
         item.code,
         item.code,
         {},
         std::string(find_domain(item.domain) ? find_domain(item.domain)->name_id : std::string_view(item.domain)) +
             ": " + item.name});
  // Agencies by code first: a code always names its agency, even when it is another's short name.
  auto& agency_index = index_["owner_agency"];
  for (const auto& a : agencies) {
    choices_["owner_agency"].push_back({a.id, a.code, a.code, {a.short_name, a.name}, a.name});
    agency_index[match_key(a.code)] = a.id;
  }
  std::set<std::string> codes;
  for (const auto& [k, id] : agency_index) codes.insert(k);
  for (const auto& a : agencies)
    for (const auto* name : {&a.short_name, &a.name}) {
      auto key = match_key(*name);
      if (key.empty() || codes.count(key)) continue;
      auto [it, fresh] = agency_index.emplace(key, a.id);
      if (!fresh && it->second != a.id) it->second = "";  // two agencies answer to this name
    }
}

void Vocabulary::add(const std::string& field, Choice c) {
  auto& index = index_[field];
  for (const auto* word : {&c.id, &c.label_id, &c.label_en}) index.emplace(match_key(*word), c.id);
  for (const auto& a : c.aliases) index.emplace(match_key(a), c.id);
  choices_[field].push_back(std::move(c));
}

const std::vector<Choice>& Vocabulary::choices(const std::string& field) const {
  static const std::vector<Choice> kNone;
  auto it = choices_.find(field);
  return it == choices_.end() ? kNone : it->second;
}

std::optional<std::string> Vocabulary::resolve(const std::string& field, std::string_view text, bool* ambiguous) const {
  if (ambiguous) *ambiguous = false;
  auto f = index_.find(field);
  if (f == index_.end()) return std::nullopt;
  auto it = f->second.find(match_key(text));
  if (it == f->second.end()) return std::nullopt;
  if (it->second.empty()) {
    if (ambiguous) *ambiguous = true;
    return std::nullopt;
  }
  return it->second;
}

std::string Vocabulary::label(const std::string& field, const std::string& id) const {
  for (const auto& c : choices(field))
    if (c.id == id) return c.label_id;
  return id;
}

std::string Vocabulary::listing(const std::string& field, bool english, std::size_t limit) const {
  const auto& all = choices(field);
  std::string out;
  std::set<std::string> seen;
  std::size_t n = 0;
  for (const auto& c : all) {
    const auto& word = english ? c.label_en : c.label_id;
    if (!seen.insert(word).second) continue;
    if (n++ == limit) {
      out += english ? ", … (see sheet Pilihan)" : ", … (lihat lembar Pilihan)";
      break;
    }
    out += (out.empty() ? "" : ", ") + word;
  }
  return out;
}

}  // namespace simpul::architecture
