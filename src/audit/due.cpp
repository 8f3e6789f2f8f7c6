// The paged due list (docs/ict-audit.md, "Audit objects and cadence"): the profile's audit types
// become SQL scopes and date bounds; the database filters, counts, orders and pages.
#include <algorithm>

#include "audit/due_repository.hpp"
#include "audit/service.hpp"
#include "regulation/engine.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {
namespace {

/// The earliest "since" date whose due date (`months` later, day clamped to the month) is on or
/// after `date`: due < date exactly when since < this bound.
std::string since_bound(const std::string& date, int months) {
  std::string x = regulation::add_months(date, -months);
  while (regulation::add_months(x, months) < date) x = add_days(x, 1);
  while (regulation::add_months(add_days(x, -1), months) >= date) x = add_days(x, -1);
  return x;
}

}  // namespace

DueFilter Service::due_filter(storage::Connection& c, const Scope& s, const std::string& type,
                              const std::string& agency_id, const std::string& today,
                              const std::string& horizon) const {
  const auto& p = profile_of(s);
  const auto& a = audit_profile(p);
  std::string after_horizon = add_days(horizon, 1);
  DueFilter f;
  f.live_stages = p.applications.live_stages;
  f.agency_id = agency_id;
  f.utc_offset_hours = p.utc_offset_hours();
  std::map<std::string, std::string> builders;
  bool builders_read = false;
  for (const auto& t : a.types) {
    if (!type.empty() && t.id != type) continue;
    DueTypeScope d;
    d.type = t.id;
    d.months = t.months;
    d.infrastructure = t.infrastructure;
    d.application_categories = t.application_categories;
    d.pemda_built_categories = t.pemda_built_categories;
    if (!t.pemda_built_categories.empty()) {
      if (!builders_read) builders = builders_of(c, s);  // once per request, not once per type
      builders_read = true;
      for (const auto& [id, builder] : builders)
        if (std::find(t.pemda_builders.begin(), t.pemda_builders.end(), builder) != t.pemda_builders.end())
          d.pemda_built_ids.push_back(id);
    }
    if (t.months > 0) {
      d.overdue_before = since_bound(today, t.months);
      d.soon_before = since_bound(after_horizon, t.months);
    }
    f.types.push_back(std::move(d));
  }
  return f;
}

DuePage Service::due(const Scope& s, const DueQuery& q) const {
  const auto& a = audit_profile(profile_of(s));
  DuePage out;
  out.today = profile_of(s).today();
  out.horizon = add_days(out.today, q.within_days);
  return storage::read(db_, [&](storage::Connection& c) {
    auto f = due_filter(c, s, q.type, q.agency_id, out.today, out.horizon);
    if (q.status.empty())
      f.buckets = {"terlambat", "jatuh_tempo"};
    else
      f.buckets = {q.status};
    DueRepository repo(c);
    out.totals = repo.totals(s, f);
    for (const auto& b : f.buckets) out.total += out.totals[b];
    out.items = repo.page(s, f, q.limit, q.offset);
    for (auto& d : out.items)
      if (const auto* t = a.type(d.type); t && t->months > 0) d.due = regulation::add_months(d.since, t->months);
    return out;
  });
}

}  // namespace simpul::audit
