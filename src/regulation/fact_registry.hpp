#pragma once
// Where the compliance engine's facts come from (issue "module seam", item 2): each module offers
// the objects of the subjects it owns (application, architecture_document, service, and next:
// server, ticket, budget line, audit, ...) with their fields. Rule kinds stay in this folder; a new
// subject is a new provider in its own module and needs no change here.
#include <functional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "regulation/facts.hpp"
#include "storage/database.hpp"

namespace simpul::tenancy {
struct Profile;
class ProfileRegistry;
class Service;
}  // namespace simpul::tenancy

namespace simpul::regulation {

/// What a provider is asked for: one tenant, as of one day.
struct FactQuery {
  Scope scope;
  const tenancy::Profile& profile;
  std::string today;          // YYYY-MM-DD in the tenant's time
  const TenantFacts& tenant;  // already loaded: domains, role holders, agency flags
};

/// Appends the objects of its subjects, reading inside the caller's transaction.
using FactProvider = std::function<void(storage::Connection&, const FactQuery&, std::vector<Fact>&)>;

class FactRegistry {
 public:
  explicit FactRegistry(const tenancy::Service& tenancy) : tenancy_(tenancy) {}
  /// A module offers the objects of `subjects`.
  void add(std::vector<std::string> subjects, FactProvider provider);
  /// A module checks instances of `subject` only as gates on its own actions (the applications
  /// module's recommendation decisions): no objects to evaluate for findings, but a real subject.
  void add_gate_subject(std::string subject);
  /// The tenant's facts: its values and every provider's objects.
  Facts load(storage::Connection& c, const Scope& s, const tenancy::Profile& p, const std::string& today) const;
  /// The tenant-wide values alone (gates need them for one object).
  TenantFacts tenant_facts(storage::Connection& c, const Scope& s, const tenancy::Profile& p) const;
  /// Every subject some module provides, for the profile check and the docs.
  std::vector<std::string> subjects() const;
  /// Refuses, at start, a profile whose compliance rule names a subject no module provides
  /// (tenancy::ProfileError "file:line: compliance(RULE).subject: ..."): the profile loader cannot
  /// know the subjects, since the modules that own them register after it has run.
  void check_subjects(const tenancy::ProfileRegistry& profiles) const;

 private:
  struct Entry {
    std::vector<std::string> subjects;
    FactProvider provider;
  };
  const tenancy::Service& tenancy_;
  std::vector<Entry> providers_;
  std::vector<std::string> gate_subjects_;
};

}  // namespace simpul::regulation
