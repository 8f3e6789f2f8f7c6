#include "servicedesk/monitoring_repository.hpp"

namespace simpul::servicedesk {

std::vector<storage::Migration> MonitoringRepository::migrations() {
  return {
      {1105, "servicedesk: the tenant's monitoring key (SHA-256 only)",
       "CREATE TABLE sd_monitoring_keys (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), key_hash TEXT NOT NULL, "
       "prefix TEXT NOT NULL, created_at TEXT NOT NULL, created_by_name TEXT NOT NULL);"
       "CREATE UNIQUE INDEX sd_monitoring_keys_hash ON sd_monitoring_keys (key_hash);"
       "CREATE INDEX sd_tickets_element ON sd_tickets (tenant_id, element_id, state);"},
      // One row per element: its primary key is what makes two alerts arriving together (in two
      // processes, or two PostgreSQL sessions) open one ticket. Filled from the open alert tickets.
      {1108, "servicedesk: one alert ticket per element (dedupe key)",
       "CREATE TABLE sd_alert_keys (tenant_id TEXT NOT NULL REFERENCES tenants(id), element_id TEXT NOT NULL, "
       "ticket_id TEXT NOT NULL REFERENCES sd_tickets(id), PRIMARY KEY (tenant_id, element_id));"
       "INSERT INTO sd_alert_keys (tenant_id, element_id, ticket_id) "
       "SELECT tenant_id, element_id, MIN(id) FROM sd_tickets WHERE requester_id = 'monitoring' AND element_id <> '' "
       "AND state IN ('new', 'assigned', 'in_progress', 'pending') GROUP BY tenant_id, element_id;"},
      // When the queue of the element's ticket was last told about it (its opening, or a repeated
      // alert): repeated alerts notify the queue at most once per kAlertNotifyMinutes.
      {1112, "servicedesk: when the queue was last told about an element's alerts",
       "ALTER TABLE sd_alert_keys ADD COLUMN told_at TEXT NOT NULL DEFAULT ''"}};
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

std::optional<AlertKey> MonitoringRepository::alert_key(const Scope& s, const std::string& element_id) const {
  auto rows = c_.query(
      "SELECT k.ticket_id, CASE WHEN t.state IN ('new', 'assigned', 'in_progress', 'pending') THEN 1 ELSE 0 END, "
      "k.told_at FROM sd_alert_keys k JOIN sd_tickets t ON t.id = k.ticket_id AND t.tenant_id = k.tenant_id "
      "WHERE k.tenant_id = ? AND k.element_id = ?",
      {s.tenant_id, element_id});
  if (rows.empty()) return std::nullopt;
  return AlertKey{rows[0].text_at(0), rows[0].int_at(1) == 1, rows[0].text_at(2)};
}

bool MonitoringRepository::claim_alert_key(const Scope& s, const std::string& element_id, const std::string& ticket_id,
                                           const std::string& previous, const std::string& told_at) {
  if (previous.empty())
    // PostgreSQL waits here for a concurrent transaction that inserted the same key; once it has
    // committed, nothing is inserted. SQLite's writers are serialized, so the row is already seen.
    return c_.execute(
               "INSERT INTO sd_alert_keys (tenant_id, element_id, ticket_id, told_at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT DO NOTHING",
               {s.tenant_id, element_id, ticket_id, told_at}) == 1;
  return c_.execute(
             "UPDATE sd_alert_keys SET ticket_id = ?, told_at = ? WHERE tenant_id = ? AND element_id = ? AND "
             "ticket_id = ?",
             {ticket_id, told_at, s.tenant_id, element_id, previous}) == 1;
}

void MonitoringRepository::set_told_at(const Scope& s, const std::string& element_id, const std::string& told_at) {
  c_.execute("UPDATE sd_alert_keys SET told_at = ? WHERE tenant_id = ? AND element_id = ?",
             {told_at, s.tenant_id, element_id});
}

}  // namespace simpul::servicedesk
