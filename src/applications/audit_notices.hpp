#pragma once
// Application audits that fall due (docs/notifications.md, "Application audits"): when the next
// periodic audit of an application (audit_due.hpp) comes within kAuditSoonDays, the users who can
// act in its owner PD and in the agency responsible for the audit (the Dinas where the article says
// 'oleh Dinas') are told once per due date. Once the date has passed the duty is a compliance
// finding, and the finding's own due notice tells the responsible agency (regulation/due_notices.hpp).
#include <string>

#include "applications/service.hpp"
#include "identity/service.hpp"
#include "notification/service.hpp"

namespace simpul::applications {

/// How many days ahead of the date an application's audit is announced.
inline constexpr int kAuditSoonDays = 30;

class AuditNotices {
 public:
  AuditNotices(storage::Database& db, const tenancy::Service& tenancy, Service& applications,
               const identity::Service& identity, notification::Service& notifications, const ledger::Ledger& ledger)
      : db_(db),
        tenancy_(tenancy),
        applications_(applications),
        identity_(identity),
        notifications_(notifications),
        ledger_(ledger) {}

  /// One pass over every tenant (the job `applications.audit_notices`); returns the notices sent.
  int run();
  int run(const Scope& s, const std::string& today);

 private:
  storage::Database& db_;
  const tenancy::Service& tenancy_;
  Service& applications_;
  const identity::Service& identity_;
  notification::Service& notifications_;
  const ledger::Ledger& ledger_;
};

}  // namespace simpul::applications
