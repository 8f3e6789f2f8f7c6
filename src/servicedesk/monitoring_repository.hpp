#pragma once
// SQL of the monitoring API (docs/service-desk.md, "Monitoring API"): the tenant's monitoring key,
// stored as its SHA-256 only, and the open ticket an alert about an element is added to.
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::servicedesk {

/// The tenant's monitoring key as the console lists it: never the key, never its hash.
struct MonitoringKey {
  std::string prefix, created_at, created_by_name;
};

/// The ticket an element's alerts go to (sd_alert_keys), and whether it is still open.
struct AlertKey {
  std::string ticket_id;
  bool open = false;
  std::string told_at;  // when the queue was last told (ISO-8601 UTC; empty: never)
};

/// Who a ticket opened by an alert is requested by (sd_tickets.requester_id).
inline constexpr const char* kMonitoringActorId = "monitoring";

class MonitoringRepository {
 public:
  explicit MonitoringRepository(storage::Connection& c) : c_(c) {}
  /// Versions 1105, 1108 and 1112.
  static std::vector<storage::Migration> migrations();

  /// The tenant whose key has this SHA-256 (the key itself names its tenant: one key per tenant).
  std::optional<std::string> tenant_of_key(const std::string& key_hash) const;
  std::optional<MonitoringKey> key(const Scope& s) const;
  /// Replaces the tenant's key: the previous one stops working in the same transaction.
  void save_key(const Scope& s, const std::string& key_hash, const MonitoringKey& k);
  bool delete_key(const Scope& s);
  /// The ticket the element's alerts go to (one row per element and tenant), if any.
  std::optional<AlertKey> alert_key(const Scope& s, const std::string& element_id) const;
  /// Points the element's alerts at `ticket_id`: inserts the row when there was none
  /// (`previous` empty), or moves it from the closed `previous` ticket. False when another
  /// transaction got there first (the row exists, or no longer names `previous`): the caller
  /// rolls back and adds its alert to that ticket instead.
  bool claim_alert_key(const Scope& s, const std::string& element_id, const std::string& ticket_id,
                       const std::string& previous, const std::string& told_at);
  /// Records that the queue was told about the element's alerts at `told_at`.
  void set_told_at(const Scope& s, const std::string& element_id, const std::string& told_at);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::servicedesk
