#include "architecture/domains.hpp"

#include <algorithm>

namespace simpul::architecture {

const std::vector<std::string_view> kStates = {"as_is", "to_be", "retired"};

const std::vector<DomainDef>& domains() {
  static const std::vector<DomainDef> kDomains = {
      {"proses_bisnis", "Proses Bisnis", "RAB", "BusinessProcess"},
      {"data_informasi", "Data dan Informasi", "RAD", "DataObject"},
      {"layanan", "Layanan", "RAL", "BusinessService"},
      {"aplikasi", "Aplikasi", "RAA", "ApplicationComponent"},
      {"infrastruktur", "Infrastruktur", "RAI", "Node"},
      // ArchiMate has no security element; a Constraint is the closest motivation concept.
      {"keamanan", "Keamanan", "RAK", "Constraint"},
  };
  return kDomains;
}

const DomainDef* find_domain(std::string_view id) {
  for (const auto& d : domains())
    if (d.id == id) return &d;
  return nullptr;
}

const DomainDef* domain_for_archimate(std::string_view type) {
  for (const auto& d : domains())
    if (d.archimate == type) return &d;
  return nullptr;
}

const std::vector<AttributeDef>& attributes() {
  static const std::vector<AttributeDef> kAttributes = {
      {"layanan", "service_type", {"publik", "administrasi"}, {}},
      {"layanan", "sector", {}, {"service_sectors", "administration_service_areas"}},
      {"layanan", "url", {}, {}},
      {"proses_bisnis", "process_type", {"inti", "pendukung"}, {}},
      {"data_informasi", "classification", {"terbuka", "terbatas", "tertutup"}, {}},
      {"data_informasi", "data_kind", {"data_induk", "data_referensi", "data_transaksional", "data_statistik"}, {}},
      {"data_informasi", "update_frequency", {"harian", "mingguan", "bulanan", "tahunan", "tidak_tentu"}, {}},
      {"aplikasi", "category", {}, {"application_categories"}},
      {"aplikasi", "url", {}, {}},
      {"aplikasi", "lifecycle_stage", {}, {}, true},
      {"infrastruktur",
       "infra_type",
       {"pusat_data", "jaringan_intra", "sistem_penghubung_layanan", "perangkat_keras", "perangkat_lunak", "cloud"},
       {}},
      {"infrastruktur", "location", {}, {}},
      {"keamanan", "security_aspect", {"kerahasiaan", "keutuhan", "ketersediaan", "keaslian", "kenirsangkalan"}, {}},
  };
  return kAttributes;
}

const AttributeDef* find_attribute(std::string_view domain, std::string_view key) {
  for (const auto& a : attributes())
    if (a.domain == domain && a.key == key) return &a;
  return nullptr;
}

const std::vector<RelationDef>& relation_types() {
  static const std::vector<RelationDef> kRelations = {
      {"realised_by", "direalisasikan oleh", {"layanan"}, {"proses_bisnis"}, "Realization", true},
      {"supported_by", "didukung oleh", {"layanan", "proses_bisnis"}, {"aplikasi"}, "Serving", true},
      {"uses_data", "menggunakan data", {"layanan", "proses_bisnis", "aplikasi"}, {"data_informasi"}, "Access"},
      {"runs_on", "berjalan di", {"aplikasi", "data_informasi"}, {"infrastruktur"}, "Serving", true},
      {"protected_by",
       "dilindungi oleh",
       {"layanan", "aplikasi", "data_informasi", "infrastruktur"},
       {"keamanan"},
       "Association"},
      {"integrates_with", "terintegrasi dengan", {"aplikasi"}, {"aplikasi"}, "Flow"},
  };
  return kRelations;
}

const RelationDef* find_relation_type(std::string_view type) {
  for (const auto& r : relation_types())
    if (r.type == type) return &r;
  return nullptr;
}

bool relation_allowed(std::string_view type, std::string_view source_domain, std::string_view target_domain) {
  const RelationDef* r = find_relation_type(type);
  if (!r) return false;
  auto in = [](const std::vector<std::string_view>& list, std::string_view v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  return in(r->sources, source_domain) && in(r->targets, target_domain);
}

}  // namespace simpul::architecture
