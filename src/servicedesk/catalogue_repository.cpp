#include "servicedesk/catalogue_repository.hpp"

#include <map>

namespace simpul::servicedesk {

std::vector<storage::Migration> CatalogueRepository::migrations() {
  return {{1107, "servicedesk: the Layanan SPBE catalogue",
           "CREATE TABLE sd_services (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "code TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT NOT NULL, agency_id TEXT NOT NULL, "
           "sla_class TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
           "CREATE UNIQUE INDEX sd_services_code ON sd_services (tenant_id, code);"
           "CREATE TABLE sd_service_elements (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "service_id TEXT NOT NULL REFERENCES sd_services(id) ON DELETE CASCADE, element_id TEXT NOT NULL, "
           "PRIMARY KEY (tenant_id, service_id, element_id));"
           "CREATE INDEX sd_service_elements_element ON sd_service_elements (tenant_id, element_id);"
           "CREATE TABLE sd_ticket_services (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "ticket_id TEXT NOT NULL REFERENCES sd_tickets(id) ON DELETE CASCADE, service_id TEXT NOT NULL, "
           "PRIMARY KEY (tenant_id, ticket_id));"
           "CREATE INDEX sd_ticket_services_service ON sd_ticket_services (tenant_id, service_id);"},
          {1111, "servicedesk: a catalogue service's kind, area or sector, and why it needs an Aplikasi Khusus",
           "ALTER TABLE sd_services ADD COLUMN kind TEXT NOT NULL DEFAULT '';"
           "ALTER TABLE sd_services ADD COLUMN area TEXT NOT NULL DEFAULT '';"
           "ALTER TABLE sd_services ADD COLUMN khusus_reason TEXT NOT NULL DEFAULT '';"}};
}

std::vector<DeskService> CatalogueRepository::services(const Scope& s) const {
  std::vector<DeskService> out;
  std::map<std::string, std::size_t> at;
  for (const auto& r :
       c_.query("SELECT v.id, v.code, v.name, v.name_en, v.agency_id, COALESCE(g.name, ''), v.sla_class, "
                "v.created_at, v.updated_at, v.kind, v.area, v.khusus_reason FROM sd_services v "
                "LEFT JOIN agencies g ON g.id = v.agency_id AND g.tenant_id = v.tenant_id "
                "WHERE v.tenant_id = ? ORDER BY v.code, v.id",
                {s.tenant_id})) {
    DeskService d{r.text_at(0), r.text_at(1), r.text_at(2),  r.text_at(3),  r.text_at(4), r.text_at(5), r.text_at(6),
                  {},           r.text_at(9), r.text_at(10), r.text_at(11), r.text_at(7), r.text_at(8)};
    at[d.id] = out.size();
    out.push_back(std::move(d));
  }
  for (const auto& r : c_.query(
           "SELECT service_id, element_id FROM sd_service_elements WHERE tenant_id = ? ORDER BY service_id, element_id",
           {s.tenant_id}))
    if (auto it = at.find(r.text_at(0)); it != at.end()) out[it->second].element_ids.push_back(r.text_at(1));
  return out;
}

std::optional<DeskService> CatalogueRepository::service(const Scope& s, const std::string& id) const {
  for (auto& d : services(s))
    if (d.id == id) return d;
  return std::nullopt;
}

bool CatalogueRepository::code_taken(const Scope& s, const std::string& code, const std::string& except_id) const {
  return !c_.query("SELECT id FROM sd_services WHERE tenant_id = ? AND code = ? AND id <> ?",
                   {s.tenant_id, code, except_id})
              .empty();
}

void CatalogueRepository::insert(const Scope& s, const DeskService& d) {
  c_.execute(
      "INSERT INTO sd_services (id, tenant_id, code, name, name_en, agency_id, sla_class, kind, area, khusus_reason, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {d.id, s.tenant_id, d.code, d.name, d.name_en, d.agency_id, d.sla_class, d.kind, d.area, d.khusus_reason,
       d.created_at, d.updated_at});
  save_elements(s, d);
}

void CatalogueRepository::update(const Scope& s, const DeskService& d) {
  c_.execute(
      "UPDATE sd_services SET code = ?, name = ?, name_en = ?, agency_id = ?, sla_class = ?, kind = ?, area = ?, "
      "khusus_reason = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      {d.code, d.name, d.name_en, d.agency_id, d.sla_class, d.kind, d.area, d.khusus_reason, d.updated_at, s.tenant_id,
       d.id});
  save_elements(s, d);
}

void CatalogueRepository::remove(const Scope& s, const std::string& id) {
  c_.execute("DELETE FROM sd_service_elements WHERE tenant_id = ? AND service_id = ?", {s.tenant_id, id});
  c_.execute("DELETE FROM sd_services WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
}

void CatalogueRepository::link_ticket(const Scope& s, const std::string& ticket_id, const std::string& service_id) {
  c_.execute("INSERT INTO sd_ticket_services (tenant_id, ticket_id, service_id) VALUES (?, ?, ?)",
             {s.tenant_id, ticket_id, service_id});
}

void CatalogueRepository::set_ticket_service(const Scope& s, const std::string& ticket_id,
                                             const std::string& service_id) {
  c_.execute("DELETE FROM sd_ticket_services WHERE tenant_id = ? AND ticket_id = ?", {s.tenant_id, ticket_id});
  if (!service_id.empty()) link_ticket(s, ticket_id, service_id);
}

std::optional<DeskService> CatalogueRepository::service_of_ticket(const Scope& s, const std::string& ticket_id) const {
  auto rows = c_.query("SELECT service_id FROM sd_ticket_services WHERE tenant_id = ? AND ticket_id = ?",
                       {s.tenant_id, ticket_id});
  if (rows.empty()) return std::nullopt;
  return service(s, rows[0].text_at(0));
}

void CatalogueRepository::save_elements(const Scope& s, const DeskService& d) {
  c_.execute("DELETE FROM sd_service_elements WHERE tenant_id = ? AND service_id = ?", {s.tenant_id, d.id});
  for (const auto& e : d.element_ids)
    c_.execute("INSERT INTO sd_service_elements (tenant_id, service_id, element_id) VALUES (?, ?, ?)",
               {s.tenant_id, d.id, e});
}

}  // namespace simpul::servicedesk
