#pragma once
// SQL behind the compliance evidence (evidence.cpp): read-only, confined to the tenant and, where a
// query names one, to the responsible agency. Agency names come from the tenancy module's read
// port, not from here.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/context.hpp"
#include "storage/database.hpp"

namespace simpul::regulation {

class EvidenceRepository {
 public:
  struct OpenFindingRow {
    std::string id, rule_id, kind, subject, object_label, agency_id, severity, due;
  };

  explicit EvidenceRepository(storage::Connection& c) : c_(c) {}

  /// Open findings the agency is responsible for (all when `agency_id` is empty), unordered.
  std::vector<OpenFindingRow> open_findings(const Scope& s, const std::string& agency_id);
  /// Findings no longer open, per state (resolved, waived), of the agency when it is not empty.
  std::map<std::string, std::int64_t> closed_counts(const Scope& s, const std::string& agency_id);
  /// The rule and object label of one finding of the tenant.
  std::optional<std::pair<std::string, std::string>> finding_rule_and_label(const Scope& s, const std::string& id);

 private:
  storage::Connection& c_;
};

}  // namespace simpul::regulation
