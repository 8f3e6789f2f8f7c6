// The audit calendar (docs/ict-audit.md, "Audit calendar"): the due list's scopes and bounds, read
// for one year by the month each due date falls in, with the programmes of each month.
#include <cstdio>

#include "core/clock.hpp"
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
    out.emplace_back(first, clock::plus_days(regulation::add_months(first, 1), -1));
  }
  return out;
}

Calendar Service::calendar(const Scope& s, const CalendarQuery& q) const {
  const auto& a = audit_profile(profile_of(s));
  Calendar out;
  out.year = q.year;
  out.today = profile_of(s).today();
  // The horizon does not matter here: only the overdue bound is read (bucket terlambat).
  auto f = current_due_rows(s, q.type, q.agency_id, out.today, out.today);
  return storage::read(db_, [&](storage::Connection& c) {
    DueRepository repo(c);
    out.counts = repo.calendar_counts(s, f, q.year);
    out.objects = repo.calendar_objects(s, f, q.year);
    out.programmes = repo.calendar_programmes(s, q, out.today);
    // A type without a cadence is named with its number of objects (none: 0).
    auto unscheduled = repo.unscheduled(s, f);
    for (const auto& t : a.types)
      if (t.months == 0 && (q.type.empty() || q.type == t.id)) out.unscheduled[t.id] = unscheduled[t.id];
    return out;
  });
}

}  // namespace simpul::audit
