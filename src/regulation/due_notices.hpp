#pragma once
// Compliance findings that fall due (docs/notifications.md, "Compliance findings"): the users of
// the responsible Perangkat Daerah who can act are told once when a finding's due date comes
// within kDueSoonDays, and once when it has passed, with the rule and its article.
#include <string>

#include "core/context.hpp"
#include "identity/service.hpp"
#include "ledger/ledger.hpp"
#include "notification/service.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::regulation {

/// How many days before its due date (tenant's local date) a finding is announced as due soon.
inline constexpr int kDueSoonDays = 7;

class DueNotices {
 public:
  DueNotices(storage::Database& db, const tenancy::Service& tenancy, const identity::Service& identity,
             notification::Service& notifications, const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), identity_(identity), notifications_(notifications), ledger_(ledger) {}

  /// One pass over every tenant (the job `compliance.due_notices`); returns the notices sent.
  int run();
  /// One tenant as of its local date `today`.
  int run(const Scope& s, const std::string& today);

 private:
  storage::Database& db_;
  const tenancy::Service& tenancy_;
  const identity::Service& identity_;
  notification::Service& notifications_;
  const ledger::Ledger& ledger_;
};

}  // namespace simpul::regulation
