#include "infrastructure/rack_repository.hpp"

namespace simpul::infrastructure {
namespace {

// A server's placement counts while its record names the same rack (a server moved to another
// rack by its form is not placed there yet); an element or device that is gone counts not at all.
constexpr const char* kRackPlacementColumns =
    "u.rack_id, u.object_kind, u.object_id, u.unit_from, u.height, u.placed_at, COALESCE(e.code, ''), "
    "COALESCE(e.name, d.name, ''), COALESCE(a.id, ''), COALESCE(a.name, '') FROM infra_rack_units u "
    "LEFT JOIN infra_servers sv ON u.object_kind = 'server' AND sv.tenant_id = u.tenant_id "
    "AND sv.element_id = u.object_id AND sv.rack_id = u.rack_id "
    "LEFT JOIN arch_elements e ON sv.element_id IS NOT NULL AND e.id = sv.element_id AND e.tenant_id = u.tenant_id "
    "LEFT JOIN infra_devices d ON u.object_kind = 'device' AND d.tenant_id = u.tenant_id AND d.id = u.object_id "
    "LEFT JOIN agencies a ON a.id = COALESCE(e.owner_agency_id, d.agency_id) "
    "WHERE u.tenant_id = ? AND (e.id IS NOT NULL OR d.id IS NOT NULL) ";

RackPlacement rack_placement_from(const storage::Row& r) {
  RackPlacement p;
  p.rack_id = r.text_at(0);
  p.object_kind = r.text_at(1);
  p.object_id = r.text_at(2);
  p.unit = static_cast<int>(r.int_at(3));
  p.height = static_cast<int>(r.int_at(4));
  p.placed_at = r.text_at(5);
  p.code = r.text_at(6);
  p.name = r.text_at(7);
  p.agency_id = r.text_at(8);
  p.agency_name = r.text_at(9);
  return p;
}

}  // namespace

std::vector<storage::Migration> RackRepository::migrations() {
  return {{1002, "infrastructure: unit positions of servers and network devices in racks",
           "CREATE TABLE infra_rack_units (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "rack_id TEXT NOT NULL REFERENCES infra_racks(id), object_kind TEXT NOT NULL, object_id TEXT NOT NULL, "
           "unit_from INTEGER NOT NULL, height INTEGER NOT NULL, placed_at TEXT NOT NULL, "
           "PRIMARY KEY (tenant_id, object_kind, object_id));"
           "CREATE INDEX infra_rack_units_by_rack ON infra_rack_units (tenant_id, rack_id)"},
          // One row per occupied unit: the database itself refuses two occupants of one unit, so two
          // placements at the same moment cannot both succeed (PostgreSQL runs READ COMMITTED).
          {1004, "infrastructure: one row per occupied rack unit, unique per rack and unit",
           "CREATE TABLE infra_rack_cells (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
           "rack_id TEXT NOT NULL REFERENCES infra_racks(id), unit INTEGER NOT NULL, object_kind TEXT NOT NULL, "
           "object_id TEXT NOT NULL, PRIMARY KEY (rack_id, unit));"
           "CREATE INDEX infra_rack_cells_by_object ON infra_rack_cells (tenant_id, object_kind, object_id);"
           "INSERT INTO infra_rack_cells (tenant_id, rack_id, unit, object_kind, object_id) "
           "WITH RECURSIVE cell (tenant_id, rack_id, unit, top, object_kind, object_id) AS ("
           "SELECT tenant_id, rack_id, unit_from, unit_from + height - 1, object_kind, object_id FROM infra_rack_units "
           "UNION ALL SELECT tenant_id, rack_id, unit + 1, top, object_kind, object_id FROM cell WHERE unit < top) "
           "SELECT tenant_id, rack_id, unit, object_kind, object_id FROM cell WHERE true "
           "ON CONFLICT (rack_id, unit) DO NOTHING"}};
}

std::vector<RackPlacement> RackRepository::placements(const Scope& s, const std::string& rack_id) const {
  std::vector<RackPlacement> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kRackPlacementColumns + "AND u.rack_id = ? ORDER BY u.unit_from, u.object_id",
                {s.tenant_id, rack_id}))
    out.push_back(rack_placement_from(r));
  return out;
}

std::optional<RackPlacement> RackRepository::placement(const Scope& s, const std::string& kind,
                                                       const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kRackPlacementColumns + "AND u.object_kind = ? AND u.object_id = ?",
                       {s.tenant_id, kind, id});
  if (rows.empty()) return std::nullopt;
  return rack_placement_from(rows.front());
}

void RackRepository::place(const Scope& s, const RackPlacement& p) {
  unplace(s, p.object_kind, p.object_id);
  c_.execute(
      "INSERT INTO infra_rack_units (tenant_id, rack_id, object_kind, object_id, unit_from, height, placed_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {s.tenant_id, p.rack_id, p.object_kind, p.object_id, p.unit, p.height, p.placed_at});
  // One statement for all units: a unit held by another occupant fails it (StorageError UniqueViolation).
  std::string sql = "INSERT INTO infra_rack_cells (tenant_id, rack_id, unit, object_kind, object_id) VALUES ";
  storage::Params params;
  for (int u = p.unit; u < p.unit + p.height; ++u) {
    sql += u == p.unit ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)";
    params.insert(params.end(), {s.tenant_id, p.rack_id, u, p.object_kind, p.object_id});
  }
  c_.execute(sql, params);
}

void RackRepository::unplace(const Scope& s, const std::string& kind, const std::string& id) {
  c_.execute("DELETE FROM infra_rack_units WHERE tenant_id = ? AND object_kind = ? AND object_id = ?",
             {s.tenant_id, kind, id});
  c_.execute("DELETE FROM infra_rack_cells WHERE tenant_id = ? AND object_kind = ? AND object_id = ?",
             {s.tenant_id, kind, id});
}

std::vector<std::pair<std::string, std::string>> RackRepository::holders(const Scope& s, const std::string& rack_id,
                                                                         int from, int to) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : c_.query("SELECT DISTINCT object_kind, object_id FROM infra_rack_cells "
                                "WHERE tenant_id = ? AND rack_id = ? AND unit >= ? AND unit <= ?",
                                {s.tenant_id, rack_id, from, to}))
    out.emplace_back(r.text_at(0), r.text_at(1));
  return out;
}

void RackRepository::update_rack(const Scope& s, const Rack& r) {
  c_.execute("UPDATE infra_racks SET code = ?, units = ? WHERE tenant_id = ? AND id = ?",
             {r.code, r.units, s.tenant_id, r.id});
}

void RackRepository::update_duty(const Scope& s, const BackupDuty& d) {
  c_.execute(
      "UPDATE infra_backup_duties SET agency_id = ?, name = ?, data_element_id = ?, schedule_days = ?, retention_days = ?, "
      "target_site_id = ?, restore_test_days = ?, performed_by = ?, owner_approval = ?, exception_basis = ? "
      "WHERE tenant_id = ? AND id = ?",
      {d.agency_id, d.name, d.data_element_id, d.schedule_days, d.retention_days, d.target_site_id, d.restore_test_days,
       d.performed_by, d.owner_approval, d.exception_basis, s.tenant_id, d.id});
}

void RackRepository::update_lan(const Scope& s, const Lan& l) {
  c_.execute(
      "UPDATE infra_lans SET agency_id = ?, name = ?, built_by = ?, registered_on = ? WHERE tenant_id = ? AND id = ?",
      {l.agency_id, l.name, l.built_by, l.registered_on, s.tenant_id, l.id});
}

void RackRepository::update_device(const Scope& s, const Device& d) {
  c_.execute(
      "UPDATE infra_devices SET agency_id = ?, name = ?, kind = ?, coordination = ? WHERE tenant_id = ? AND id = ?",
      {d.agency_id, d.name, d.kind, d.coordination, s.tenant_id, d.id});
}

std::vector<std::pair<std::string, std::string>> RackRepository::device_names(const Scope& s) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : c_.query("SELECT agency_id, name FROM infra_devices WHERE tenant_id = ?", {s.tenant_id}))
    out.emplace_back(r.text_at(0), r.text_at(1));
  return out;
}

}  // namespace simpul::infrastructure
