// The audit calendar (docs/ict-audit.md, "Audit calendar"): the due list's scopes and bounds, read
// for one year by the month each due date falls in, with the programmes of each month.
#include <cstdio>

#include "audit/due_repository.hpp"
#include "audit/service.hpp"
#include "regulation/engine.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::audit {

std::vector<std::pair<std::string, std::string>> calendar_months(int year) {
  std::vector<std::pair<std::string, std::string>> out;
  for (int m = 1; m <= 12; ++m) {
    char first[16];
    std::snprintf(first, sizeof first, "%04d-%02d-01", year, m);
    out.emplace_back(first, add_days(regulation::add_months(first, 1), -1));
  }
  return out;
}

Calendar Service::calendar(const Scope& s, const CalendarQuery& q) const {
  const auto& a = audit_profile(profile_of(s));
  Calendar out;
  out.year = q.year;
  out.today = profile_of(s).today();
  return storage::read(db_, [&](storage::Connection& c) {
    // The horizon does not matter here: only the overdue bound is read (bucket terlambat).
    auto f = due_filter(c, s, q.type, q.agency_id, out.today, out.today);
    DueRepository repo(c);
    out.counts = repo.calendar_counts(s, f, q.year);
    out.objects = repo.calendar_objects(s, f, q.year);
    for (auto& d : out.objects)
      if (const auto* t = a.type(d.type); t && t->months > 0) d.due = regulation::add_months(d.since, t->months);
    out.programmes = repo.calendar_programmes(s, q, out.today);
    for (const auto& t : f.types) {
      if (t.months > 0) continue;
      DueFilter one = f;
      one.types = {t};
      out.unscheduled[t.type] = repo.totals(s, one)["tanpa_jadwal"];
    }
    return out;
  });
}

}  // namespace simpul::audit
