// Audit objects and cadence (docs/ict-audit.md): what each audit type covers, as its profile entry
// states it, with each object's last audit and next due date, object by object (the facts, the
// evidence and GET /api/audit/objects; the paged due list asks the database, due.cpp).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "audit/repository.hpp"
#include "audit/service.hpp"
#include "regulation/engine.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {
namespace {

std::string element_attribute(const architecture::Element& e, const char* key) {
  const auto* v = e.attributes.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

/// The objects one audit type covers, as its profile entry states them.
void collect_in_scope(const tenancy::Profile& p, const AuditType& t,
                      const std::vector<architecture::Element>& infrastructure,
                      const std::vector<architecture::Element>& applications,
                      const std::map<std::string, std::string>& builders,
                      std::vector<const architecture::Element*>& out) {
  if (t.infrastructure)
    for (const auto& e : infrastructure) out.push_back(&e);
  for (const auto& e : applications) {
    std::string stage = element_attribute(e, "lifecycle_stage");
    if (e.state == "retired" || stage == "pensiun" || !p.applications.is_live(stage)) continue;
    std::string category = element_attribute(e, "category");
    if (std::find(t.application_categories.begin(), t.application_categories.end(), category) ==
        t.application_categories.end())
      continue;
    if (std::find(t.pemda_built_categories.begin(), t.pemda_built_categories.end(), category) !=
        t.pemda_built_categories.end()) {
      auto b = builders.find(e.id);
      if (b == builders.end() ||
          std::find(t.pemda_builders.begin(), t.pemda_builders.end(), b->second) == t.pemda_builders.end())
        continue;
    }
    out.push_back(&e);
  }
}

/// Infrastructure and application elements in force, with their registration time (the
/// live_elements port leaves created_at out).
std::pair<std::vector<architecture::Element>, std::vector<architecture::Element>> audit_candidates(
    const architecture::Service& elements, storage::Connection& c, const Scope& s) {
  std::pair<std::vector<architecture::Element>, std::vector<architecture::Element>> out;
  for (auto& e : elements.all_elements(c, s)) {
    if (e.state == "retired") continue;
    if (e.domain == "infrastruktur")
      out.first.push_back(std::move(e));
    else if (e.domain == "aplikasi")
      out.second.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::vector<DueItem> Service::objects(const Scope& s, const std::string& type) const {
  return storage::read(db_, [&](storage::Connection& c) { return objects(c, s, type); });
}

std::map<std::string, std::string> Service::last_application_audits(storage::Connection& c, const Scope& s) const {
  std::map<std::string, std::string> out;
  for (auto& [key, date] : Repository(c).last_audits(s))
    if (key.second == "aplikasi") out[key.first] = std::move(date);
  return out;
}

std::vector<DueItem> Service::objects(storage::Connection& c, const Scope& s, const std::string& type) const {
  const auto& p = profile_of(s);
  const auto& a = audit_profile(p);
  auto [infrastructure, applications] = audit_candidates(elements_, c, s);
  auto last = Repository(c).last_audits(s);
  std::map<std::string, std::string> agency_names;
  for (const auto& ag : tenancy_.agencies(c, s)) agency_names[ag.id] = ag.name;
  auto builders = builders_of(c, s);  // once per request, not once per type
  std::vector<DueItem> out;
  out.reserve(a.types.size() * (infrastructure.size() + applications.size()));
  for (const auto& t : a.types) {
    if (!type.empty() && t.id != type) continue;
    std::vector<const architecture::Element*> in_scope;
    collect_in_scope(p, t, infrastructure, applications, builders, in_scope);
    for (const auto* e : in_scope) {
      DueItem d;
      d.type = t.id;
      d.object_id = e->id;
      d.object_code = e->code;
      d.object_name = e->name;
      d.object_domain = e->domain;
      d.agency_id = e->owner_agency_id;
      d.agency_name = agency_names[e->owner_agency_id];
      if (auto it = last.find({e->id, t.id}); it != last.end()) d.last_audit = it->second;
      // Never audited: the cadence runs from the day the object was registered.
      d.since = d.last_audit ? *d.last_audit : e->created_at.empty() ? p.today() : p.local_date(e->created_at);
      if (t.months > 0) d.due = regulation::add_months(d.since, t.months);
      out.push_back(std::move(d));
    }
  }
  return out;
}

std::set<std::string> Service::in_scope_ids(storage::Connection& c, const Scope& s, const AuditType& t) const {
  std::vector<const architecture::Element*> in_scope;
  auto [infrastructure, applications] = audit_candidates(elements_, c, s);
  collect_in_scope(profile_of(s), t, infrastructure, applications, builders_of(c, s), in_scope);
  std::set<std::string> out;
  for (const auto* e : in_scope) out.insert(e->id);
  return out;
}

}  // namespace simpul::audit
