#include "architecture/roadmap_repository.hpp"

#include "core/text.hpp"
#include "storage/list_sql.hpp"

namespace simpul::architecture {

std::vector<storage::Migration> RoadmapRepository::migrations() {
  return {
      {420, "roadmap: initiatives, their elements, monitoring",
       "CREATE TABLE roadmap_initiatives (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "code TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL, category TEXT NOT NULL, "
       "owner_agency_id TEXT NOT NULL REFERENCES agencies(id), start_year INTEGER NOT NULL, "
       "target_year INTEGER NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
       "UNIQUE (tenant_id, code));"
       "CREATE TABLE roadmap_initiative_elements (initiative_id TEXT NOT NULL REFERENCES roadmap_initiatives(id), "
       "element_id TEXT NOT NULL REFERENCES arch_elements(id), tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "effect TEXT NOT NULL, PRIMARY KEY (initiative_id, element_id));"
       "CREATE INDEX roadmap_elements_by_element ON roadmap_initiative_elements (element_id);"
       "CREATE TABLE roadmap_monitoring (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "initiative_id TEXT NOT NULL REFERENCES roadmap_initiatives(id), year INTEGER NOT NULL, "
       "progress INTEGER NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL, recorded_by_name TEXT NOT NULL, "
       "recorded_at TEXT NOT NULL);"
       "CREATE INDEX roadmap_monitoring_by_initiative ON roadmap_monitoring (initiative_id, year)"},
  };
}

namespace {

constexpr const char* kInitiativeColumns =
    "SELECT i.id, i.code, i.name, i.description, i.category, i.owner_agency_id, a.name, i.start_year, i.target_year, "
    "i.status, i.created_at, i.updated_at FROM roadmap_initiatives i JOIN agencies a ON a.id = i.owner_agency_id ";

Initiative initiative_from(const storage::Row& r) {
  Initiative i;
  i.id = r.text_at(0);
  i.code = r.text_at(1);
  i.name = r.text_at(2);
  i.description = r.text_at(3);
  i.category = r.text_at(4);
  i.owner_agency_id = r.text_at(5);
  i.owner_agency_name = r.text_at(6);
  i.start_year = static_cast<int>(r.int_at(7));
  i.target_year = static_cast<int>(r.int_at(8));
  i.status = r.text_at(9);
  i.created_at = r.text_at(10);
  i.updated_at = r.text_at(11);
  return i;
}

}  // namespace

std::vector<Initiative> RoadmapRepository::list(const Scope& s, const InitiativeFilter& f, const ListQuery& q,
                                                std::int64_t& total) {
  storage::ListSql list("FROM roadmap_initiatives i");  // the agency join only adds columns
  list.where("i.tenant_id = ?", {s.tenant_id})
      .equals_if_set("i.category", f.category)
      .equals_if_set("i.status", f.status)
      .equals_if_set("i.owner_agency_id", f.owner_agency_id);
  if (f.year) list.where("i.start_year <= ? AND i.target_year >= ?", {*f.year, *f.year});
  list.contains(q.q, {"i.name", "i.code"})
      .order_by(q.sort, q.descending,
                {{"code", "i.code"}, {"name", "i.name"}, {"start_year", "i.start_year"}, {"status", "i.status"}},
                "i.id");
  std::vector<Initiative> out;
  for (const auto& r : list.page(c_, kInitiativeColumns, q, total)) out.push_back(initiative_from(r));
  return out;
}

std::vector<Initiative> RoadmapRepository::all(const Scope& s) {
  std::vector<Initiative> out;
  for (const auto& r :
       c_.query(std::string(kInitiativeColumns) + "WHERE i.tenant_id = ? ORDER BY i.code", {s.tenant_id}))
    out.push_back(initiative_from(r));
  return out;
}

std::optional<Initiative> RoadmapRepository::initiative(const Scope& s, const std::string& id) {
  auto rows = c_.query(std::string(kInitiativeColumns) + "WHERE i.tenant_id = ? AND i.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  auto i = initiative_from(rows[0]);
  for (const auto& r :
       c_.query("SELECT e.id, e.code, e.name, e.domain, x.effect FROM roadmap_initiative_elements x "
                "JOIN arch_elements e ON e.id = x.element_id WHERE x.tenant_id = ? AND x.initiative_id = ? "
                "ORDER BY e.code",
                {s.tenant_id, id}))
    i.elements.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4)});
  for (const auto& r :
       c_.query("SELECT id, year, progress, status, note, recorded_by_name, recorded_at FROM roadmap_monitoring "
                "WHERE tenant_id = ? AND initiative_id = ? ORDER BY year, recorded_at",
                {s.tenant_id, id}))
    i.monitoring.push_back({r.text_at(0), static_cast<int>(r.int_at(1)), static_cast<int>(r.int_at(2)), r.text_at(3),
                            r.text_at(4), r.text_at(5), r.text_at(6)});
  return i;
}

std::optional<Initiative> RoadmapRepository::by_code(const Scope& s, const std::string& code) {
  auto rows = c_.query(std::string(kInitiativeColumns) + "WHERE i.tenant_id = ? AND i.code = ?", {s.tenant_id, code});
  if (rows.empty()) return std::nullopt;
  return initiative_from(rows[0]);
}

void RoadmapRepository::insert(const Scope& s, const Initiative& i) {
  c_.execute(
      "INSERT INTO roadmap_initiatives (id, tenant_id, code, name, description, category, owner_agency_id, start_year, "
      "target_year, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {i.id, s.tenant_id, i.code, i.name, i.description, i.category, i.owner_agency_id, i.start_year, i.target_year,
       i.status, i.created_at, i.updated_at});
}

void RoadmapRepository::update(const Scope& s, const Initiative& i) {
  c_.execute(
      "UPDATE roadmap_initiatives SET code = ?, name = ?, description = ?, category = ?, owner_agency_id = ?, "
      "start_year = ?, target_year = ?, status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      {i.code, i.name, i.description, i.category, i.owner_agency_id, i.start_year, i.target_year, i.status,
       i.updated_at, s.tenant_id, i.id});
}

void RoadmapRepository::remove(const Scope& s, const std::string& id) {
  c_.execute("DELETE FROM roadmap_monitoring WHERE tenant_id = ? AND initiative_id = ?", {s.tenant_id, id});
  c_.execute("DELETE FROM roadmap_initiative_elements WHERE tenant_id = ? AND initiative_id = ?", {s.tenant_id, id});
  c_.execute("DELETE FROM roadmap_initiatives WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
}

void RoadmapRepository::replace_elements(const Scope& s, const std::string& id,
                                         const std::vector<InitiativeElement>& elements) {
  c_.execute("DELETE FROM roadmap_initiative_elements WHERE tenant_id = ? AND initiative_id = ?", {s.tenant_id, id});
  for (const auto& e : elements)
    c_.execute(
        "INSERT INTO roadmap_initiative_elements (initiative_id, element_id, tenant_id, effect) VALUES (?, ?, ?, ?)",
        {id, e.element_id, s.tenant_id, e.effect});
}

std::set<std::string> RoadmapRepository::planned_elements(const Scope& s) {
  std::set<std::string> out;
  for (const auto& r :
       c_.query("SELECT DISTINCT element_id FROM roadmap_initiative_elements WHERE tenant_id = ?", {s.tenant_id}))
    out.insert(r.text_at(0));
  return out;
}

void RoadmapRepository::unlink_element(const Scope& s, const std::string& element_id) {
  c_.execute("DELETE FROM roadmap_initiative_elements WHERE tenant_id = ? AND element_id = ?",
             {s.tenant_id, element_id});
}

std::vector<InitiativeElement> RoadmapRepository::initiatives_of_element(const Scope& s,
                                                                         const std::string& element_id) {
  std::vector<InitiativeElement> out;
  for (const auto& r : c_.query("SELECT i.id, i.code, i.name, i.category, x.effect FROM roadmap_initiative_elements x "
                                "JOIN roadmap_initiatives i ON i.id = x.initiative_id WHERE x.tenant_id = ? AND "
                                "x.element_id = ? ORDER BY i.code",
                                {s.tenant_id, element_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4)});
  return out;
}

void RoadmapRepository::insert_monitoring(const Scope& s, const std::string& initiative_id, const Monitoring& m) {
  c_.execute(
      "INSERT INTO roadmap_monitoring (id, tenant_id, initiative_id, year, progress, status, note, recorded_by_name, "
      "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {m.id, s.tenant_id, initiative_id, m.year, m.progress, m.status, m.note, m.recorded_by_name, m.recorded_at});
}

}  // namespace simpul::architecture
