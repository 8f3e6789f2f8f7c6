#pragma once
// The read port through which an application's "last audit" comes from the module that keeps the
// ICT audits (src/audit, docs/ict-audit.md). Applications sits above audit in the module list, so it
// cannot include audit's headers: it owns this small registry, provides it on the seam, and the
// audit module (constructed later) sets the provider — the same inversion as the compliance
// engine's FactRegistry and the evaluation's EvidenceSources.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/context.hpp"
#include "storage/database.hpp"

namespace simpul::applications {

class AuditHistory {
 public:
  /// Application (architecture element) id -> report date (YYYY-MM-DD) of its latest completed
  /// application audit, read inside the caller's transaction.
  using Provider = std::function<std::map<std::string, std::string>(storage::Connection&, const Scope&)>;

  void set(Provider provider) { provider_ = std::move(provider); }

  /// Without a provider (a build without the audit module) nothing is known beyond the records.
  std::map<std::string, std::string> latest(storage::Connection& c, const Scope& s) const {
    return provider_ ? provider_(c, s) : std::map<std::string, std::string>{};
  }

  /// The last audit as the regulation means it: the later of the date the record carries (history
  /// entered or imported before audits were kept here) and the latest completed audit.
  static std::optional<std::string> later(const std::optional<std::string>& recorded, const std::string& audited) {
    if (audited.empty()) return recorded;
    if (!recorded || recorded->empty() || *recorded < audited) return audited;
    return recorded;
  }

 private:
  Provider provider_;
};

}  // namespace simpul::applications
