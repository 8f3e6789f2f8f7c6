#pragma once
// Builds the compliance engine's facts from the architecture and the application records:
// for a whole tenant (evaluations) or for one application as it would be after a step (gates).
#include <map>
#include <set>
#include <string>

#include "applications/model.hpp"
#include "architecture/documents.hpp"
#include "regulation/facts.hpp"
#include "storage/database.hpp"
#include "tenancy/profile.hpp"

namespace simpul::applications {

/// What one application has on record, beyond its own fields.
struct Holdings {
  bool recommendation = false, test_passed = false;
  std::set<std::string> considerations;  // consideration kinds approved
  std::set<std::string> documents;       // artifact kinds in the Repositori
  std::int64_t services = 0;
};

regulation::TenantFacts tenant_facts(storage::Connection& c, const Scope& s, const tenancy::Profile& p,
                                     std::set<std::string>* mandiri_agencies = nullptr);
regulation::Fact application_fact(const tenancy::Profile& p, const architecture::Element& e, const Record& r, const Holdings& h,
                                  bool owner_mandiri_tik);
/// Holdings of one application (gates), read inside the caller's transaction.
Holdings holdings_of(storage::Connection& c, const Scope& s, const std::string& application_id);
bool agency_is_mandiri(storage::Connection& c, const Scope& s, const std::string& agency_id);

/// The loader the compliance engine is wired with.
regulation::Facts load_facts(storage::Connection& c, const Scope& s, const tenancy::Profile& p,
                             const architecture::Documents& documents, const std::string& today);

}  // namespace simpul::applications
