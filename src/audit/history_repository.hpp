#pragma once
// SQL of an object's audit history and of the imported history (docs/ict-audit.md, "Object audit
// history", "Imported history"); every query is confined to the tenant.
#include <set>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "storage/database.hpp"

namespace simpul::audit {

class HistoryRepository {
 public:
  explicit HistoryRepository(storage::Connection& c) : c_(c) {}

  /// Ids of the programmes whose scope names the object.
  std::vector<std::string> programmes_covering(const Scope& s, const std::string& object_id) const;
  /// Ids of the findings about the object: recorded on it, or linked to it as their security control.
  std::vector<std::string> findings_about(const Scope& s, const std::string& object_id) const;
  /// Objects covered by a completed (report received) external application audit, imported or not.
  std::set<std::string> audited_applications(const Scope& s) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::audit
