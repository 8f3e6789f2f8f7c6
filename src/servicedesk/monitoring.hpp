#pragma once
// The monitoring API (docs/service-desk.md, "Monitoring API"): a monitoring system authenticated by
// the tenant's monitoring key reports that an architecture element is failing or has recovered.
// A failure opens a `gangguan` ticket for the element's owning PD through the ordinary opening
// path, or adds an event to the ticket an earlier alert opened while it is still open; a recovery
// is noted on that ticket. The key is shown once and stored as its SHA-256.
#include <optional>
#include <string>

#include "architecture/service.hpp"
#include "http/router.hpp"
#include "ledger/ledger.hpp"
#include "servicedesk/monitoring_repository.hpp"
#include "servicedesk/service.hpp"

namespace simpul::servicedesk {

struct AlertInput {
  std::string element_code;
  std::string severity;  // critical | major | warning | minor
  std::string summary;
  std::string status = "firing";  // firing | resolved
};

struct AlertOutcome {
  std::string outcome;  // opened | added | recovered | no_open_ticket
  std::optional<Ticket> ticket;
};

/// A key as created: the only time the key itself is given out.
struct IssuedMonitoringKey {
  MonitoringKey key;
  std::string raw;
};

class Monitoring {
 public:
  Monitoring(storage::Database& db, Service& desk, architecture::Service& elements, const ledger::Ledger& ledger)
      : db_(db), desk_(desk), elements_(elements), ledger_(ledger) {}

  std::optional<MonitoringKey> key(const Caller& who) const;
  /// Creates or rotates the tenant's key (servicedesk.manage); the previous key stops working.
  IssuedMonitoringKey rotate_key(const Caller& who);
  void revoke_key(const Caller& who);

  /// The tenant of a presented key; servicedesk.monitoring_key_invalid (401) otherwise.
  Scope authenticate(std::string_view presented) const;
  AlertOutcome alert(const Scope& s, const AlertInput& in);

 private:
  /// One attempt: throws AlertKeyTaken (monitoring.cpp) when a concurrent alert opened the ticket.
  AlertOutcome alert_once(const Scope& s, const AlertInput& in);

  storage::Database& db_;
  Service& desk_;
  architecture::Service& elements_;
  const ledger::Ledger& ledger_;
};

/// GET/POST/DELETE /api/servicedesk/monitoring-key and POST /api/servicedesk/alerts.
void register_monitoring_routes(http::Router& router, Monitoring& m);

}  // namespace simpul::servicedesk
