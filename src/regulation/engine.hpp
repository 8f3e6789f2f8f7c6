#pragma once
// The compliance engine: compiles each profile's rule instances once at start (a bad instance
// stops the service with file:line) and evaluates them over a tenant's facts. Pure computation:
// no database, no exceptions on the evaluation path.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "regulation/facts.hpp"
#include "tenancy/profile.hpp"

namespace simpul::regulation {

enum class Kind {
  ValuePattern,
  RequiredDocuments,
  PreconditionOfTransition,
  DeadlineSinceEvent,
  PeriodicDuty,
  ApprovalChain
};

enum class Pattern { None, SubdomainOfDomain, EmailDomain, Present };

/// A rule instance with its parameters parsed for its kind.
struct CompiledRule {
  const tenancy::ComplianceRuleSpec* spec = nullptr;
  Kind kind = Kind::ValuePattern;
  std::string field;                            // value pattern
  Pattern pattern = Pattern::None;              // value pattern
  std::vector<std::string> one_of;              // value pattern
  std::string set = "documents";                // required documents
  std::vector<std::string> items;               // required documents / precondition requirements
  int to_stage = -1;                            // precondition: index in the lifecycle
  std::string event;                            // deadline: "regulation.enacted" or a date field
  int months = 0;                               // deadline / periodic duty
  std::vector<std::string> nonconforming_with;  // deadline: rule ids
  std::string existed_by;   // deadline: date field; only objects existing at the event get the window
  std::string last, start;  // periodic duty: date fields
  std::string by;           // approval chain: role id
  bool distinct_from_requester = true;
};

/// One rule an object breaks, with what the finding shows.
struct Violation {
  const CompiledRule* rule = nullptr;
  std::size_t object = 0;       // index into Facts::objects
  std::string due;              // YYYY-MM-DD, or empty: due from the day it was first seen
  boost::json::object details;  // e.g. {"missing": [...]} or {"value": "..."}
};

class Engine {
 public:
  /// Compiles every profile's `compliance:` list; throws tenancy::ProfileError on a bad instance.
  explicit Engine(const std::vector<const tenancy::Profile*>& profiles);

  const std::vector<CompiledRule>& rules(const std::string& profile_id) const;

  /// Every violation of the profile's rules by the facts; `today` is YYYY-MM-DD.
  std::vector<Violation> evaluate(const tenancy::Profile& profile, const Facts& facts, const std::string& today) const;

  /// The first gate rule the object would break (the object as it would be after the step).
  std::optional<Violation> gate(const tenancy::Profile& profile, const TenantFacts& tenant, const Fact& object,
                                const std::string& today) const;
  /// Every gate rule the object would break, in the profile's order: a refused step lists all that
  /// is missing at once.
  std::vector<Violation> gates(const tenancy::Profile& profile, const TenantFacts& tenant, const Fact& object,
                               const std::string& today) const;
  /// Value rules (subdomain, e-mail, hosting, ...) the object breaks already, including those that
  /// apply only once it is live: what a Perangkat Daerah should fix before it builds.
  std::vector<Violation> early_warnings(const tenancy::Profile& profile, const TenantFacts& tenant, const Fact& object,
                                        const std::string& today) const;

 private:
  std::map<std::string, std::vector<CompiledRule>> rules_;
};

/// "2027-07-27" + 12 months; the day is clamped to the month's length.
std::string add_months(const std::string& date, int months);

}  // namespace simpul::regulation
