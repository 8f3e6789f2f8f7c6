#pragma once
// SQL behind the architecture module's evaluation evidence (evidence.cpp): read-only, confined to
// the tenant and, where a query names one, to the owner agency. Names of agencies and teams come
// from the tenancy module's read ports, not from here.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "storage/database.hpp"

namespace simpul::architecture {

class EvidenceRepository {
 public:
  /// An element in force, with its attributes as stored (JSON text).
  struct ElementRow {
    std::string id, code, name, owner_agency_id, attributes;
  };
  struct InitiativeRow {
    std::string id, code, name, status;
    std::int64_t start_year = 0, target_year = 0;
  };

  explicit EvidenceRepository(storage::Connection& c) : c_(c) {}

  /// Elements of one domain that are not retired, owned by `agency_id` when it is not empty, by code.
  std::vector<ElementRow> live_elements(const Scope& s, const std::string& domain, const std::string& agency_id);
  /// Elements not retired per domain, owned by `agency_id` when it is not empty.
  std::map<std::string, std::int64_t> live_counts_by_domain(const Scope& s, const std::string& agency_id);
  /// Service id -> codes of the applications (not retired) supporting it, directly or through a
  /// process that realises it.
  std::map<std::string, std::set<std::string>> applications_per_service(const Scope& s);
  /// Peta Rencana initiatives owned by `agency_id` when it is not empty, by code.
  std::vector<InitiativeRow> initiatives(const Scope& s, const std::string& agency_id);
  /// Ids of the initiatives with a monitoring record for `year`.
  std::set<std::string> monitored_initiatives(const Scope& s, int year);
  /// "code name" of an element or an initiative of the tenant.
  std::optional<std::string> element_label(const Scope& s, const std::string& id);
  std::optional<std::string> initiative_label(const Scope& s, const std::string& id);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::architecture
