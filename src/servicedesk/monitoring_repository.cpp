#include "servicedesk/monitoring_repository.hpp"

namespace simpul::servicedesk {

std::vector<storage::Migration> MonitoringRepository::migrations() {
  return {
      {1105, "servicedesk: the tenant's monitoring key (SHA-256 only)",
       "CREATE TABLE sd_monitoring_keys (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), key_hash TEXT NOT NULL, "
       "prefix TEXT NOT NULL, created_at TEXT NOT NULL, created_by_name TEXT NOT NULL);"
       "CREATE UNIQUE INDEX sd_monitoring_keys_hash ON sd_monitoring_keys (key_hash);"
       "CREATE INDEX sd_tickets_element ON sd_tickets (tenant_id, element_id, state);"}};
}

std::optional<std::string> MonitoringRepository::tenant_of_key(const std::string& key_hash) const {
  // The one lookup that is not confined to a tenant: the key is what names the tenant.
  auto rows = c_.query("SELECT tenant_id FROM sd_monitoring_keys WHERE key_hash = ?", {key_hash});
  if (rows.empty()) return std::nullopt;
  return rows[0].text_at(0);
}

std::optional<MonitoringKey> MonitoringRepository::key(const Scope& s) const {
  auto rows =
      c_.query("SELECT prefix, created_at, created_by_name FROM sd_monitoring_keys WHERE tenant_id = ?", {s.tenant_id});
  if (rows.empty()) return std::nullopt;
  return MonitoringKey{rows[0].text_at(0), rows[0].text_at(1), rows[0].text_at(2)};
}

void MonitoringRepository::save_key(const Scope& s, const std::string& key_hash, const MonitoringKey& k) {
  c_.execute("DELETE FROM sd_monitoring_keys WHERE tenant_id = ?", {s.tenant_id});
  c_.execute(
      "INSERT INTO sd_monitoring_keys (tenant_id, key_hash, prefix, created_at, created_by_name) VALUES (?, ?, ?, ?, ?)",
      {s.tenant_id, key_hash, k.prefix, k.created_at, k.created_by_name});
}

bool MonitoringRepository::delete_key(const Scope& s) {
  return c_.execute("DELETE FROM sd_monitoring_keys WHERE tenant_id = ?", {s.tenant_id}) > 0;
}

std::optional<std::string> MonitoringRepository::open_alert_ticket(const Scope& s,
                                                                   const std::string& element_id) const {
  auto rows = c_.query(
      "SELECT id FROM sd_tickets WHERE tenant_id = ? AND element_id = ? AND requester_id = ? "
      "AND state IN ('new', 'assigned', 'in_progress', 'pending') ORDER BY created_at, id LIMIT 1",
      {s.tenant_id, element_id, std::string(kMonitoringActorId)});
  if (rows.empty()) return std::nullopt;
  return rows[0].text_at(0);
}

}  // namespace simpul::servicedesk
