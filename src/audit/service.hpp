#pragma once
// Audit TIK workflows: the objects each audit type covers and when they are due, programmes and
// their steps behind the region's gates, findings and their follow-up (docs/ict-audit.md).
#include <string>
#include <vector>

#include "architecture/service.hpp"
#include "audit/model.hpp"
#include "audit/profile_section.hpp"
#include "ledger/ledger.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::audit {

/// What a programme may show besides its record: the internal audit deadline and what blocks its start.
struct ProgrammeView {
  Programme programme;
  std::optional<std::string> internal_deadline;  // external audits where an internal audit is required
  std::optional<Error> start_refusal;            // why starting would be refused now
};

class Service {
 public:
  Service(storage::Database& db, const tenancy::Service& tenancy, architecture::Service& elements, const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), elements_(elements), ledger_(ledger) {}

  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }
  architecture::Service& elements() const { return elements_; }

  /// Every object in scope of each audit type, with its last audit and next due date.
  std::vector<DueItem> objects(const Scope& s, const std::string& type) const;
  /// Read port (the facts and evidence): the same, inside the caller's transaction.
  std::vector<DueItem> objects(storage::Connection& c, const Scope& s, const std::string& type) const;

  ProgrammeView plan(const Scope& s, Programme in, const Actor& actor);
  ProgrammeView get(const Scope& s, const std::string& id, const std::string& today) const;
  std::vector<Programme> list(const Scope& s, const std::string& type) const;
  /// A step: started, report received, closed; `date` is the Pemda's local date it happened.
  ProgrammeView step(const Scope& s, const std::string& id, const std::string& to, const std::string& date, const Actor& actor,
                     const std::string& today);
  /// The routing of the results (Madiun: to the Wali Kota through the Ketua Tim Koordinasi).
  ProgrammeView route(const Scope& s, const std::string& id, const std::string& to_chair_on, const std::string& to_head_on,
                      const Actor& actor, const std::string& today);

  Finding add_finding(const Scope& s, const std::string& programme_id, Finding in, const Actor& actor);
  std::vector<Finding> findings(const Scope& s, const std::string& programme_id, const std::string& agency_id) const;
  Finding finding(const Scope& s, const std::string& id) const;
  Finding follow_up(const Scope& s, const std::string& id, const std::string& evidence, const std::string& date, const Actor& actor,
                    const std::string& today);
  Finding verify(const Scope& s, const std::string& id, const std::string& date, const Actor& actor, const std::string& today);

 private:
  ProgrammeView view(storage::Connection& c, const Scope& s, Programme p, const std::string& today) const;
  storage::Database& db_;
  const tenancy::Service& tenancy_;
  architecture::Service& elements_;
  const ledger::Ledger& ledger_;
};

/// YYYY-MM-DD plus `days` (negative: before).
std::string add_days(const std::string& date, int days);

}  // namespace simpul::audit
