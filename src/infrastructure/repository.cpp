#include "infrastructure/repository.hpp"

namespace simpul::infrastructure {
namespace {

constexpr const char* kSiteColumns =
    "s.id, s.code, s.name, s.kind, s.status, s.agency_id, COALESCE(a.name, ''), s.location, s.standard, s.assessed_on, s.created_at "
    "FROM infra_sites s LEFT JOIN agencies a ON a.id = s.agency_id ";

Site site_from(const storage::Row& r) {
  return {r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5),
          r.text_at(6), r.text_at(7), r.text_at(8), r.text_at(9), r.text_at(10)};
}

constexpr const char* kServerColumns =
    "element_id, kind, hosting, environment, managed_by, site_id, rack_id, hostname, operating_system, updated_at";

ServerRecord server_from(const storage::Row& r) {
  ServerRecord x;
  x.kind = r.text_at(1);
  x.hosting = r.text_at(2);
  x.environment = r.text_at(3);
  x.managed_by = r.text_at(4);
  x.site_id = r.optional_text_at(5);
  x.rack_id = r.optional_text_at(6);
  x.hostname = r.text_at(7);
  x.operating_system = r.text_at(8);
  x.updated_at = r.text_at(9);
  return x;
}

constexpr const char* kRequestColumns =
    "r.id, r.agency_id, COALESCE(a.name, ''), r.kind, r.purpose, r.specification, r.state, r.requested_by, r.requested_by_name, "
    "r.requested_at, r.reasons, r.decided_by_name, r.decided_at FROM infra_requests r LEFT JOIN agencies a ON a.id = r.agency_id ";

HostingRequest request_from(const storage::Row& r) {
  HostingRequest x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  x.agency_id = r.text_at(i++);
  x.agency_name = r.text_at(i++);
  x.kind = r.text_at(i++);
  x.purpose = r.text_at(i++);
  x.specification = r.text_at(i++);
  x.state = r.text_at(i++);
  x.requested_by = r.text_at(i++);
  x.requested_by_name = r.text_at(i++);
  x.requested_at = r.text_at(i++);
  x.reasons = r.text_at(i++);
  x.decided_by_name = r.text_at(i++);
  x.decided_at = r.optional_text_at(i++);
  return x;
}

constexpr const char* kDutyColumns =
    "d.id, d.agency_id, COALESCE(a.name, ''), d.name, d.data_element_id, d.schedule_days, d.retention_days, d.target_site_id, "
    "d.restore_test_days, d.performed_by, d.owner_approval, d.exception_basis, d.created_at "
    "FROM infra_backup_duties d LEFT JOIN agencies a ON a.id = d.agency_id ";

BackupDuty duty_from(const storage::Row& r) {
  BackupDuty d;
  std::size_t i = 0;
  d.id = r.text_at(i++);
  d.agency_id = r.text_at(i++);
  d.agency_name = r.text_at(i++);
  d.name = r.text_at(i++);
  d.data_element_id = r.optional_text_at(i++);
  d.schedule_days = static_cast<int>(r.int_at(i++));
  d.retention_days = static_cast<int>(r.int_at(i++));
  d.target_site_id = r.optional_text_at(i++);
  d.restore_test_days = static_cast<int>(r.int_at(i++));
  d.performed_by = r.text_at(i++);
  d.owner_approval = r.text_at(i++);
  d.exception_basis = r.text_at(i++);
  d.created_at = r.text_at(i++);
  return d;
}

/// `base` + " AND <column> = ?" when the filter is set.
std::string filtered(std::string base, const char* column, const std::string& value, storage::Params& params) {
  if (value.empty()) return base;
  params.emplace_back(value);
  return base + " AND " + column + " = ?";
}

}  // namespace

std::vector<storage::Migration> Repository::migrations() {
  // Server records hang off the architecture element: deleting the element deletes the record
  // (the ledger keeps every entry). Diagram files are in the storage layer's repository_blobs.
  return {
      {1000, "infrastructure: sites, racks, servers, requests, backups, LANs, devices",
       "CREATE TABLE infra_sites (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), code TEXT NOT NULL, "
       "name TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, agency_id TEXT NOT NULL, location TEXT NOT NULL, "
       "standard TEXT NOT NULL, assessed_on TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (tenant_id, code));"
       "CREATE TABLE infra_assessments (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "site_id TEXT NOT NULL REFERENCES infra_sites(id), date TEXT NOT NULL, result TEXT NOT NULL, assessor TEXT NOT NULL, "
       "note TEXT NOT NULL, recorded_by_name TEXT NOT NULL, recorded_at TEXT NOT NULL);"
       "CREATE INDEX infra_assessments_by_site ON infra_assessments (tenant_id, site_id);"
       "CREATE TABLE infra_racks (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "site_id TEXT NOT NULL REFERENCES infra_sites(id), code TEXT NOT NULL, units INTEGER NOT NULL, created_at TEXT NOT NULL, "
       "UNIQUE (tenant_id, site_id, code));"
       "CREATE TABLE infra_servers (element_id TEXT PRIMARY KEY REFERENCES arch_elements(id) ON DELETE CASCADE, "
       "tenant_id TEXT NOT NULL REFERENCES tenants(id), kind TEXT NOT NULL, hosting TEXT NOT NULL, environment TEXT NOT NULL, "
       "managed_by TEXT NOT NULL, site_id TEXT REFERENCES infra_sites(id), rack_id TEXT REFERENCES infra_racks(id), "
       "hostname TEXT NOT NULL, operating_system TEXT NOT NULL, updated_at TEXT NOT NULL);"
       "CREATE INDEX infra_servers_by_tenant ON infra_servers (tenant_id);"
       "CREATE TABLE infra_requests (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), agency_id TEXT NOT NULL, "
       "kind TEXT NOT NULL, purpose TEXT NOT NULL, specification TEXT NOT NULL, state TEXT NOT NULL, requested_by TEXT NOT NULL, "
       "requested_by_name TEXT NOT NULL, requested_at TEXT NOT NULL, reasons TEXT NOT NULL, decided_by TEXT NOT NULL, "
       "decided_by_name TEXT NOT NULL, decided_at TEXT);"
       "CREATE INDEX infra_requests_by_tenant ON infra_requests (tenant_id, state);"
       "CREATE TABLE infra_backup_duties (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "agency_id TEXT NOT NULL, name TEXT NOT NULL, data_element_id TEXT, schedule_days INTEGER NOT NULL, "
       "retention_days INTEGER NOT NULL, target_site_id TEXT REFERENCES infra_sites(id), restore_test_days INTEGER NOT NULL, "
       "performed_by TEXT NOT NULL, owner_approval TEXT NOT NULL, exception_basis TEXT NOT NULL, created_at TEXT NOT NULL);"
       "CREATE INDEX infra_backup_duties_by_tenant ON infra_backup_duties (tenant_id, agency_id);"
       "CREATE TABLE infra_backup_runs (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "duty_id TEXT NOT NULL REFERENCES infra_backup_duties(id), started_at TEXT NOT NULL, finished_at TEXT NOT NULL, "
       "result TEXT NOT NULL, size_bytes BIGINT NOT NULL, tool TEXT NOT NULL, note TEXT NOT NULL, source TEXT NOT NULL, "
       "recorded_by_name TEXT NOT NULL, recorded_at TEXT NOT NULL);"
       "CREATE INDEX infra_backup_runs_by_duty ON infra_backup_runs (tenant_id, duty_id, finished_at);"
       "CREATE TABLE infra_restore_tests (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "duty_id TEXT NOT NULL REFERENCES infra_backup_duties(id), date TEXT NOT NULL, result TEXT NOT NULL, note TEXT NOT NULL, "
       "recorded_by_name TEXT NOT NULL, recorded_at TEXT NOT NULL);"
       "CREATE INDEX infra_restore_tests_by_duty ON infra_restore_tests (tenant_id, duty_id);"
       "CREATE TABLE infra_lans (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), agency_id TEXT NOT NULL, "
       "name TEXT NOT NULL, built_by TEXT NOT NULL, registered_on TEXT NOT NULL, created_at TEXT NOT NULL);"
       "CREATE TABLE infra_diagrams (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "lan_id TEXT NOT NULL REFERENCES infra_lans(id), version INTEGER NOT NULL, filename TEXT NOT NULL, "
       "content_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, uploaded_by_name TEXT NOT NULL, "
       "uploaded_at TEXT NOT NULL, UNIQUE (tenant_id, lan_id, version));"
       "CREATE TABLE infra_devices (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), agency_id TEXT NOT NULL, "
       "name TEXT NOT NULL, kind TEXT NOT NULL, coordination TEXT NOT NULL, last_change_on TEXT NOT NULL, "
       "last_change TEXT NOT NULL, last_report_on TEXT NOT NULL, last_report TEXT NOT NULL, created_at TEXT NOT NULL);"
       "CREATE INDEX infra_devices_by_tenant ON infra_devices (tenant_id, agency_id)"}};
}

void Repository::insert(const Scope& s, const Site& x) {
  c_.execute(
      "INSERT INTO infra_sites (id, tenant_id, code, name, kind, status, agency_id, location, standard, assessed_on, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '', ?)",
      {x.id, s.tenant_id, x.code, x.name, x.kind, x.status, x.agency_id, x.location, x.created_at});
}

std::optional<Site> Repository::site(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kSiteColumns + "WHERE s.tenant_id = ? AND s.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return site_from(rows.front());
}

std::vector<Site> Repository::sites(const Scope& s, const std::string& agency_id) const {
  storage::Params params{s.tenant_id};
  auto sql =
      filtered(std::string("SELECT ") + kSiteColumns + "WHERE s.tenant_id = ?", "s.agency_id", agency_id, params);
  std::vector<Site> out;
  for (const auto& r : c_.query(sql + " ORDER BY s.code LIMIT 1000", params)) out.push_back(site_from(r));
  return out;
}

bool Repository::site_code_taken(const Scope& s, const std::string& code) const {
  return !c_.query("SELECT 1 FROM infra_sites WHERE tenant_id = ? AND code = ?", {s.tenant_id, code}).empty();
}

void Repository::insert(const Scope& s, const Assessment& a) {
  c_.execute(
      "INSERT INTO infra_assessments (id, tenant_id, site_id, date, result, assessor, note, recorded_by_name, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.id, s.tenant_id, a.site_id, a.date, a.result, a.assessor, a.note, a.recorded_by_name, a.recorded_at});
}

void Repository::set_standard(const Scope& s, const std::string& site_id, const std::string& standard,
                              const std::string& date) {
  c_.execute("UPDATE infra_sites SET standard = ?, assessed_on = ? WHERE tenant_id = ? AND id = ?",
             {standard, date, s.tenant_id, site_id});
}

std::vector<Assessment> Repository::assessments(const Scope& s, const std::string& site_id) const {
  std::vector<Assessment> out;
  for (const auto& r : c_.query(
           "SELECT id, site_id, date, result, assessor, note, recorded_by_name, recorded_at FROM infra_assessments "
           "WHERE tenant_id = ? AND site_id = ? ORDER BY date DESC, recorded_at DESC",
           {s.tenant_id, site_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.text_at(6),
                   r.text_at(7)});
  return out;
}

void Repository::insert(const Scope& s, const Rack& x) {
  c_.execute("INSERT INTO infra_racks (id, tenant_id, site_id, code, units, created_at) VALUES (?, ?, ?, ?, ?, ?)",
             {x.id, s.tenant_id, x.site_id, x.code, x.units, x.created_at});
}

std::vector<Rack> Repository::racks(const Scope& s, const std::string& site_id) const {
  std::vector<Rack> out;
  for (
      const auto& r : c_.query(
          "SELECT id, site_id, code, units, created_at FROM infra_racks WHERE tenant_id = ? AND site_id = ? ORDER BY code",
          {s.tenant_id, site_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), static_cast<int>(r.int_at(3)), r.text_at(4)});
  return out;
}

std::optional<Rack> Repository::rack(const Scope& s, const std::string& id) const {
  auto rows = c_.query("SELECT id, site_id, code, units, created_at FROM infra_racks WHERE tenant_id = ? AND id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return Rack{r.text_at(0), r.text_at(1), r.text_at(2), static_cast<int>(r.int_at(3)), r.text_at(4)};
}

std::optional<ServerRecord> Repository::server(const Scope& s, const std::string& element_id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kServerColumns + " FROM infra_servers WHERE tenant_id = ? AND element_id = ?",
               {s.tenant_id, element_id});
  if (rows.empty()) return std::nullopt;
  return server_from(rows.front());
}

std::map<std::string, ServerRecord> Repository::servers(const Scope& s) const {
  std::map<std::string, ServerRecord> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kServerColumns + " FROM infra_servers WHERE tenant_id = ?", {s.tenant_id}))
    out.emplace(r.text_at(0), server_from(r));
  return out;
}

void Repository::save_server(const Scope& s, const std::string& element_id, const ServerRecord& x) {
  storage::Params values{x.kind,     x.hosting,          x.environment, x.managed_by, x.site_id, x.rack_id,
                         x.hostname, x.operating_system, x.updated_at,  s.tenant_id,  element_id};
  if (c_.execute(
          "UPDATE infra_servers SET kind = ?, hosting = ?, environment = ?, managed_by = ?, site_id = ?, rack_id = ?, "
          "hostname = ?, operating_system = ?, updated_at = ? WHERE tenant_id = ? AND element_id = ?",
          values) > 0)
    return;
  c_.execute(
      "INSERT INTO infra_servers (kind, hosting, environment, managed_by, site_id, rack_id, hostname, operating_system, "
      "updated_at, tenant_id, element_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      values);
}

void Repository::insert(const Scope& s, const HostingRequest& r) {
  c_.execute(
      "INSERT INTO infra_requests (id, tenant_id, agency_id, kind, purpose, specification, state, requested_by, "
      "requested_by_name, requested_at, reasons, decided_by, decided_by_name, decided_at) "
      "VALUES (?, ?, ?, ?, ?, ?, 'diajukan', ?, ?, ?, '', '', '', NULL)",
      {r.id, s.tenant_id, r.agency_id, r.kind, r.purpose, r.specification, r.requested_by, r.requested_by_name,
       r.requested_at});
}

std::optional<HostingRequest> Repository::request(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kRequestColumns + "WHERE r.tenant_id = ? AND r.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return request_from(rows.front());
}

std::vector<HostingRequest> Repository::requests(const Scope& s, const std::string& state,
                                                 const std::string& agency_id) const {
  storage::Params params{s.tenant_id};
  auto sql = filtered(std::string("SELECT ") + kRequestColumns + "WHERE r.tenant_id = ?", "r.state", state, params);
  sql = filtered(sql, "r.agency_id", agency_id, params);
  std::vector<HostingRequest> out;
  for (const auto& r : c_.query(sql + " ORDER BY r.requested_at DESC, r.id LIMIT 500", params))
    out.push_back(request_from(r));
  return out;
}

void Repository::decide(const Scope& s, const HostingRequest& r, const std::string& decided_by) {
  c_.execute(
      "UPDATE infra_requests SET state = ?, reasons = ?, decided_by = ?, decided_by_name = ?, decided_at = ? "
      "WHERE tenant_id = ? AND id = ?",
      {r.state, r.reasons, decided_by, r.decided_by_name, r.decided_at, s.tenant_id, r.id});
}

void Repository::insert(const Scope& s, const BackupDuty& d) {
  c_.execute(
      "INSERT INTO infra_backup_duties (id, tenant_id, agency_id, name, data_element_id, schedule_days, retention_days, "
      "target_site_id, restore_test_days, performed_by, owner_approval, exception_basis, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {d.id, s.tenant_id, d.agency_id, d.name, d.data_element_id, d.schedule_days, d.retention_days, d.target_site_id,
       d.restore_test_days, d.performed_by, d.owner_approval, d.exception_basis, d.created_at});
}

std::optional<BackupDuty> Repository::duty(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kDutyColumns + "WHERE d.tenant_id = ? AND d.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return duty_from(rows.front());
}

std::vector<BackupDuty> Repository::duties(const Scope& s, const std::string& agency_id) const {
  storage::Params params{s.tenant_id};
  auto sql =
      filtered(std::string("SELECT ") + kDutyColumns + "WHERE d.tenant_id = ?", "d.agency_id", agency_id, params);
  std::vector<BackupDuty> out;
  for (const auto& r : c_.query(sql + " ORDER BY a.name, d.name LIMIT 2000", params)) out.push_back(duty_from(r));
  return out;
}

void Repository::insert(const Scope& s, const BackupRun& r) {
  c_.execute(
      "INSERT INTO infra_backup_runs (id, tenant_id, duty_id, started_at, finished_at, result, size_bytes, tool, note, source, "
      "recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, s.tenant_id, r.duty_id, r.started_at, r.finished_at, r.result, r.size_bytes, r.tool, r.note, r.source,
       r.recorded_by_name, r.recorded_at});
}

std::vector<BackupRun> Repository::runs(const Scope& s, const std::string& duty_id, int limit) const {
  std::vector<BackupRun> out;
  for (const auto& r : c_.query(
           "SELECT id, duty_id, started_at, finished_at, result, size_bytes, tool, note, source, recorded_by_name, "
           "recorded_at FROM infra_backup_runs WHERE tenant_id = ? AND duty_id = ? "
           "ORDER BY finished_at DESC, recorded_at DESC LIMIT ?",
           {s.tenant_id, duty_id, limit})) {
    BackupRun x;
    x.id = r.text_at(0);
    x.duty_id = r.text_at(1);
    x.started_at = r.text_at(2);
    x.finished_at = r.text_at(3);
    x.result = r.text_at(4);
    x.size_bytes = r.int_at(5);
    x.tool = r.text_at(6);
    x.note = r.text_at(7);
    x.source = r.text_at(8);
    x.recorded_by_name = r.text_at(9);
    x.recorded_at = r.text_at(10);
    out.push_back(std::move(x));
  }
  return out;
}

void Repository::insert(const Scope& s, const RestoreTest& t) {
  c_.execute(
      "INSERT INTO infra_restore_tests (id, tenant_id, duty_id, date, result, note, recorded_by_name, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id, s.tenant_id, t.duty_id, t.date, t.result, t.note, t.recorded_by_name, t.recorded_at});
}

std::vector<RestoreTest> Repository::restore_tests(const Scope& s, const std::string& duty_id) const {
  std::vector<RestoreTest> out;
  for (const auto& r :
       c_.query("SELECT id, duty_id, date, result, note, recorded_by_name, recorded_at FROM infra_restore_tests "
                "WHERE tenant_id = ? AND duty_id = ? ORDER BY date DESC, recorded_at DESC LIMIT 100",
                {s.tenant_id, duty_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.text_at(6)});
  return out;
}

std::map<std::string, std::pair<std::string, std::string>> Repository::last_runs(const Scope& s) const {
  // The newest run per duty: the run whose finish time is the duty's latest (ties: any one).
  std::map<std::string, std::pair<std::string, std::string>> out;
  for (const auto& r :
       c_.query("SELECT r.duty_id, r.finished_at, r.result FROM infra_backup_runs r "
                "JOIN (SELECT duty_id, MAX(finished_at) AS latest FROM infra_backup_runs WHERE tenant_id = ? "
                "GROUP BY duty_id) m ON m.duty_id = r.duty_id AND m.latest = r.finished_at WHERE r.tenant_id = ? "
                "ORDER BY r.recorded_at",
                {s.tenant_id, s.tenant_id}))
    out[r.text_at(0)] = {r.text_at(1), r.text_at(2)};
  return out;
}

std::map<std::string, std::string> Repository::last_ok_runs(const Scope& s) const {
  std::map<std::string, std::string> out;
  for (const auto& r :
       c_.query("SELECT duty_id, MAX(finished_at) FROM infra_backup_runs WHERE tenant_id = ? AND result = 'ok' "
                "GROUP BY duty_id",
                {s.tenant_id}))
    out[r.text_at(0)] = r.text_at(1);
  return out;
}

std::map<std::string, std::string> Repository::last_restore_tests(const Scope& s) const {
  std::map<std::string, std::string> out;
  for (const auto& r :
       c_.query("SELECT duty_id, MAX(date) FROM infra_restore_tests WHERE tenant_id = ? AND result = 'berhasil' "
                "GROUP BY duty_id",
                {s.tenant_id}))
    out[r.text_at(0)] = r.text_at(1);
  return out;
}

}  // namespace simpul::infrastructure
