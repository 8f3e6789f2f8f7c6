#pragma once
// Compliance of one tenant: evaluations that turn the engine's violations into stored findings,
// waivers, sanctions with their escalation, and the gate check other modules call before a
// workflow step (docs/compliance.md).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/context.hpp"
#include "core/error.hpp"
#include "core/list_query.hpp"
#include "ledger/ledger.hpp"
#include "regulation/engine.hpp"
#include "regulation/fact_registry.hpp"
#include "regulation/model.hpp"
#include "storage/database.hpp"
#include "tenancy/service.hpp"

namespace simpul::regulation {

class Compliance {
 public:
  /// The facts come from every module through `facts` (filled after construction, since the
  /// modules that provide them depend on this one).
  Compliance(storage::Database& db, tenancy::Service& tenancy, const Engine& engine, const FactRegistry& facts,
             const ledger::Ledger& ledger)
      : db_(db), tenancy_(tenancy), engine_(engine), facts_(facts), ledger_(ledger) {}

  const Engine& engine() const { return engine_; }
  /// The tenant-wide values a gate compares one object against, inside the caller's transaction.
  TenantFacts tenant_facts(storage::Connection& c, const Scope& s) const {
    return facts_.tenant_facts(c, s, profile_of(s));
  }
  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }

  /// The facts and violations without storing anything (benchmarks, `simpul check` dry runs).
  Facts load_facts(const Scope& s, const std::string& today) const;
  /// Evaluates the tenant and stores the result in one transaction with its ledger entry.
  EvaluationResult evaluate(const Scope& s, const Actor& actor, const std::string& today);

  std::vector<Finding> findings(const Scope& s, const FindingFilter& f, const ListQuery& q, const std::string& today,
                                std::int64_t& total) const;
  Finding finding(const Scope& s, const std::string& id) const;
  Finding waive(const Scope& s, const std::string& id, const std::string& reason, const Actor& actor);
  boost::json::object summary(const Scope& s, const std::string& agency_id, const std::string& today) const;

  std::vector<Sanction> sanctions(const Scope& s, const std::string& finding_id) const;
  /// The authorised official gives a step of the profile's sanctions against an open, sanctionable
  /// finding (a proposed step becomes given; a letter is produced and signed only now).
  Sanction impose(const Scope& s, const std::string& finding_id, const std::string& step, const std::string& date,
                  const std::string& note, const Actor& actor);
  /// The letter's PDF bytes and its record.
  std::pair<Sanction, std::string> letter(const Scope& s, const std::string& sanction_id) const;

  /// Open findings per object of a subject, inside the caller's transaction (list badges).
  std::map<std::string, std::int64_t> open_counts(storage::Connection& c, const Scope& s,
                                                  const std::string& subject) const;

  /// Throws the catalogue refusal when the object, as it would be after a step, breaks a gate; the
  /// refusal's `details.unmet` lists every gate it breaks.
  void check_gate(const Scope& s, const TenantFacts& tenant, const Fact& after, const std::string& today) const;
  /// Value rules the object breaks that become findings once it is live (engine.hpp).
  std::vector<Violation> early_warnings(const Scope& s, const TenantFacts& tenant, const Fact& object,
                                        const std::string& today) const;

 private:
  /// Opens sanction cases for newly found sanctionable violations and proposes the next step where
  /// the previous one led to no correction within its period (proposals only: the official decides).
  void propose_sanctions(storage::Connection& c, const Scope& s, const tenancy::Profile& p, const std::string& today,
                         EvaluationResult& result) const;
  void propose(storage::Connection& c, const Scope& s, const Finding& f, std::size_t index, const std::string& basis,
               const std::string& today) const;

  storage::Database& db_;
  tenancy::Service& tenancy_;
  const Engine& engine_;
  const FactRegistry& facts_;
  const ledger::Ledger& ledger_;
};

}  // namespace simpul::regulation
