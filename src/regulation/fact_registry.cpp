#include "regulation/fact_registry.hpp"

#include <algorithm>

#include "tenancy/profile.hpp"
#include "tenancy/profile_loader.hpp"
#include "tenancy/service.hpp"

namespace simpul::regulation {

void FactRegistry::add(std::vector<std::string> subjects, FactProvider provider) {
  providers_.push_back({std::move(subjects), std::move(provider)});
}

void FactRegistry::add_gate_subject(std::string subject) { gate_subjects_.push_back(std::move(subject)); }

TenantFacts FactRegistry::tenant_facts(storage::Connection& c, const Scope& s, const tenancy::Profile& p) const {
  TenantFacts t;
  t.domain = p.domain.effective;
  t.email_domain = p.email_domain ? p.email_domain->effective : "";
  t.enacted = p.regulation_enacted.value_or("");
  auto agencies = tenancy_.agencies(c, s);
  for (const auto& role : p.roles) {
    if (!role.agency_flag) continue;
    for (const auto& a : agencies)
      if (a.has_flag(*role.agency_flag)) {
        t.role_agencies.emplace_back(role.id, a.id);
        break;
      }
  }
  for (const auto& a : agencies)
    for (const auto& flag : a.flags) t.agency_flags.emplace_back(a.id, flag);
  return t;
}

Facts FactRegistry::load(storage::Connection& c, const Scope& s, const tenancy::Profile& p,
                         const std::string& today) const {
  Facts facts;
  facts.tenant = tenant_facts(c, s, p);
  FactQuery q{s, p, today, facts.tenant};
  for (const auto& e : providers_) e.provider(c, q, facts.objects);
  return facts;
}

std::vector<std::string> FactRegistry::subjects() const {
  std::vector<std::string> out = gate_subjects_;
  for (const auto& e : providers_) out.insert(out.end(), e.subjects.begin(), e.subjects.end());
  return out;
}

void FactRegistry::check_subjects(const tenancy::ProfileRegistry& profiles) const {
  auto known = subjects();
  std::sort(known.begin(), known.end());
  for (const auto& [id, p] : profiles.all())
    for (const auto& c : p->compliance) {
      if (std::binary_search(known.begin(), known.end(), c.subject)) continue;
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      throw tenancy::ProfileError(p->source_path + ":" + std::to_string(c.line) + ": compliance(" + c.rule +
                                  ").subject: '" + c.subject + "' is not a subject any module provides facts for (" +
                                  list + ")");
    }
}

}  // namespace simpul::regulation
