#pragma once
// The applications' objects for the compliance engine (subject "application"): for a whole tenant
// (evaluations) or for one application as it would be after a step (gates).
#include <map>
#include <set>
#include <string>

#include "applications/audit_history.hpp"
#include "applications/model.hpp"
#include "architecture/service.hpp"
#include "regulation/fact_registry.hpp"
#include "storage/database.hpp"
#include "tenancy/profile.hpp"

namespace simpul::applications {

/// What one application has on record, beyond its own fields.
struct Holdings {
  bool recommendation = false, test_passed = false;
  std::set<std::string> considerations;  // consideration kinds approved
  std::set<std::string> documents;       // artifact kinds in the Repositori
  bool source_explained = false;         // a reviewer confirmed the source code's procedure explanations
  std::int64_t services = 0;
  std::string audited_on;  // report date of the latest completed application audit (audit module), or empty
};

regulation::Fact application_fact(const tenancy::Profile& p, const architecture::Element& e, const Record& r,
                                  const Holdings& h, bool owner_mandiri_tik);
/// Holdings of one application (gates), read inside the caller's transaction.
Holdings holdings_of(storage::Connection& c, const Scope& s, const architecture::Service& elements,
                     const AuditHistory& audits, const std::string& application_id);

/// Subject "application".
regulation::FactProvider application_facts(const architecture::Service& elements, const AuditHistory& audits);

}  // namespace simpul::applications
