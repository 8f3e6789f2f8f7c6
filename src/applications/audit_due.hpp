#pragma once
// When the next audit of an application is due (issue 22): the profile's periodic duty on
// `last_audit_date` (Balikpapan Pasal 40 ayat (3): an Aplikasi Khusus audited at least once every
// two years) gives a date the application detail shows from the start, not only once the finding
// says it is overdue.
#include <optional>
#include <string>

#include "regulation/facts.hpp"
#include "tenancy/profile.hpp"

namespace simpul::applications {

struct AuditDue {
  const tenancy::ComplianceRuleSpec* spec = nullptr;  // the periodic duty
  std::string date;      // YYYY-MM-DD: (last audit, or the duty's start date) + the duty's months
  std::string basis;     // "last_audit_date" or the start field ("live_since")
  std::string since;     // the date counted from
  bool overdue = false;  // date before today (the finding's condition)
};

/// The first periodic audit duty of the profile that applies to the application (its `when`
/// filters match) and whose start is known; nullopt otherwise. `today` is the tenant's local date.
std::optional<AuditDue> audit_due(const tenancy::Profile& p, const regulation::Fact& application,
                                  const std::string& today);

}  // namespace simpul::applications
