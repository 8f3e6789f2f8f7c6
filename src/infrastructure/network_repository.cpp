// SQL of the Jaringan Intra records (docs/infrastructure.md, "Jaringan Intra"): PD LANs, their
// diagram versions and network devices with their changes and change reports. Part of Repository
// (repository.hpp); every query is confined to the tenant.
#include "infrastructure/repository.hpp"

namespace simpul::infrastructure {
namespace {

constexpr const char* kLanColumns =
    "l.id, l.agency_id, COALESCE(a.name, ''), l.name, l.built_by, l.registered_on, l.created_at "
    "FROM infra_lans l LEFT JOIN agencies a ON a.id = l.agency_id ";

Lan lan_from(const storage::Row& r) {
  return {r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.text_at(6)};
}

constexpr const char* kDiagramColumns =
    "id, lan_id, version, filename, content_type, size, sha256, uploaded_by_name, uploaded_at FROM infra_diagrams ";

Diagram diagram_from(const storage::Row& r) {
  Diagram d;
  d.id = r.text_at(0);
  d.lan_id = r.text_at(1);
  d.version = static_cast<int>(r.int_at(2));
  d.filename = r.text_at(3);
  d.content_type = r.text_at(4);
  d.size = r.int_at(5);
  d.sha256 = r.text_at(6);
  d.uploaded_by_name = r.text_at(7);
  d.uploaded_at = r.text_at(8);
  return d;
}

constexpr const char* kDeviceColumns =
    "d.id, d.agency_id, COALESCE(a.name, ''), d.name, d.kind, d.coordination, d.last_change_on, d.last_change, d.last_report_on, "
    "d.last_report, d.created_at FROM infra_devices d LEFT JOIN agencies a ON a.id = d.agency_id ";

Device device_from(const storage::Row& r) {
  return {r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5),
          r.text_at(6), r.text_at(7), r.text_at(8), r.text_at(9), r.text_at(10)};
}

/// `base` + " AND <column> = ?" when the filter is set.
std::string network_filtered(std::string base, const char* column, const std::string& value, storage::Params& params) {
  if (value.empty()) return base;
  params.emplace_back(value);
  return base + " AND " + column + " = ?";
}

}  // namespace

void Repository::insert(const Scope& s, const Lan& l) {
  c_.execute(
      "INSERT INTO infra_lans (id, tenant_id, agency_id, name, built_by, registered_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {l.id, s.tenant_id, l.agency_id, l.name, l.built_by, l.registered_on, l.created_at});
}

std::optional<Lan> Repository::lan(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kLanColumns + "WHERE l.tenant_id = ? AND l.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return lan_from(rows.front());
}

std::vector<Lan> Repository::lans(const Scope& s, const std::string& agency_id) const {
  storage::Params params{s.tenant_id};
  auto sql = network_filtered(std::string("SELECT ") + kLanColumns + "WHERE l.tenant_id = ?", "l.agency_id", agency_id,
                              params);
  std::vector<Lan> out;
  for (const auto& r : c_.query(sql + " ORDER BY a.name, l.name LIMIT 1000", params)) out.push_back(lan_from(r));
  return out;
}

void Repository::insert(const Scope& s, const Diagram& d) {
  c_.execute(
      "INSERT INTO infra_diagrams (id, tenant_id, lan_id, version, filename, content_type, size, sha256, uploaded_by_name, "
      "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {d.id, s.tenant_id, d.lan_id, d.version, d.filename, d.content_type, d.size, d.sha256, d.uploaded_by_name,
       d.uploaded_at});
}

std::vector<Diagram> Repository::diagrams(const Scope& s, const std::string& lan_id) const {
  std::vector<Diagram> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kDiagramColumns + "WHERE tenant_id = ? AND lan_id = ? ORDER BY version DESC",
                {s.tenant_id, lan_id}))
    out.push_back(diagram_from(r));
  return out;
}

std::optional<Diagram> Repository::diagram(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kDiagramColumns + "WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return diagram_from(rows.front());
}

std::map<std::string, std::string> Repository::latest_diagrams(const Scope& s) const {
  std::map<std::string, std::string> out;
  for (const auto& r : c_.query(
           "SELECT lan_id, MAX(uploaded_at) FROM infra_diagrams WHERE tenant_id = ? GROUP BY lan_id", {s.tenant_id}))
    out[r.text_at(0)] = r.text_at(1);
  return out;
}

void Repository::insert(const Scope& s, const Device& d) {
  c_.execute(
      "INSERT INTO infra_devices (id, tenant_id, agency_id, name, kind, coordination, last_change_on, last_change, "
      "last_report_on, last_report, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', ?)",
      {d.id, s.tenant_id, d.agency_id, d.name, d.kind, d.coordination, d.last_change_on, d.last_change, d.created_at});
}

std::optional<Device> Repository::device(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kDeviceColumns + "WHERE d.tenant_id = ? AND d.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return device_from(rows.front());
}

std::vector<Device> Repository::devices(const Scope& s, const std::string& agency_id) const {
  storage::Params params{s.tenant_id};
  auto sql = network_filtered(std::string("SELECT ") + kDeviceColumns + "WHERE d.tenant_id = ?", "d.agency_id",
                              agency_id, params);
  std::vector<Device> out;
  for (const auto& r : c_.query(sql + " ORDER BY a.name, d.name LIMIT 5000", params)) out.push_back(device_from(r));
  return out;
}

void Repository::record_change(const Scope& s, const std::string& id, const std::string& date,
                               const std::string& what) {
  c_.execute("UPDATE infra_devices SET last_change_on = ?, last_change = ? WHERE tenant_id = ? AND id = ?",
             {date, what, s.tenant_id, id});
}

void Repository::record_report(const Scope& s, const std::string& id, const std::string& date,
                               const std::string& summary) {
  c_.execute("UPDATE infra_devices SET last_report_on = ?, last_report = ? WHERE tenant_id = ? AND id = ?",
             {date, summary, s.tenant_id, id});
}

}  // namespace simpul::infrastructure
