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

/// Who a ticket opened by an alert is requested by (sd_tickets.requester_id).
inline constexpr const char* kMonitoringActorId = "monitoring";

class MonitoringRepository {
 public:
  explicit MonitoringRepository(storage::Connection& c) : c_(c) {}
  /// Version 1105.
  static std::vector<storage::Migration> migrations();

  /// The tenant whose key has this SHA-256 (the key itself names its tenant: one key per tenant).
  std::optional<std::string> tenant_of_key(const std::string& key_hash) const;
  std::optional<MonitoringKey> key(const Scope& s) const;
  /// Replaces the tenant's key: the previous one stops working in the same transaction.
  void save_key(const Scope& s, const std::string& key_hash, const MonitoringKey& k);
  bool delete_key(const Scope& s);
  /// The open ticket an earlier alert opened for this element, if any.
  std::optional<std::string> open_alert_ticket(const Scope& s, const std::string& element_id) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::servicedesk
