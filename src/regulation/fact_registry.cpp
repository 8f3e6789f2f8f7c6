#include "regulation/fact_registry.hpp"

#include "tenancy/profile.hpp"
#include "tenancy/service.hpp"

namespace simpul::regulation {

void FactRegistry::add(std::vector<std::string> subjects, FactProvider provider) {
  providers_.push_back({std::move(subjects), std::move(provider)});
}

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

Facts FactRegistry::load(storage::Connection& c, const Scope& s, const tenancy::Profile& p, const std::string& today) const {
  Facts facts;
  facts.tenant = tenant_facts(c, s, p);
  FactQuery q{s, p, today, facts.tenant};
  for (const auto& e : providers_) e.provider(c, q, facts.objects);
  return facts;
}

std::vector<std::string> FactRegistry::subjects() const {
  std::vector<std::string> out;
  for (const auto& e : providers_) out.insert(out.end(), e.subjects.begin(), e.subjects.end());
  return out;
}

}  // namespace simpul::regulation
