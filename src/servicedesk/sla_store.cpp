// The SLA clock state stored on each ticket (sla.hpp, SlaState; docs/service-desk.md, "SLA"):
// every event that moves the clocks advances it in the event's own transaction, so the SLA of
// every open ticket, the breached filter and the statistics read one table instead of every
// ticket's events. A holiday added or removed recomputes, from their events, the clocks whose
// stored minutes it changes; tickets opened before the clocks were stored are read from their
// events until the servicedesk.sla_clocks job stores theirs.
#include <chrono>

#include "servicedesk/service.hpp"
#include "servicedesk/sla_repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {

void Service::store_clock(storage::Connection& c, const Scope& s, const std::string& ticket_id, const Event& e) const {
  if (!moves_clock(e) && !sla_notice(e)) return;
  SlaRepository clocks(c);
  std::optional<SlaState> st;
  if (e.kind == "created")
    st = SlaState{"", "", 0, 0, SlaTold{}};
  else
    st = clocks.state(s, ticket_id);
  if (!st) {
    st = fold_events(Repository(c).events(s, ticket_id), calendar(c, s));  // opened before the clocks were stored
  } else {
    // Notices recorded before migration 1113 stored them: counted from the events once.
    if (!st->told) {
      auto events = Repository(c).events(s, ticket_id);
      std::erase_if(events, [&](const Event& x) { return x.id == e.id; });  // `e` is counted below
      st->told = told_of(events);
    }
    // The calendar (a holidays query) only when working minutes pass: not on the opening's events.
    Calendar cal;
    if (moves_clock(e) && !st->since.empty() && st->since != e.at) cal = calendar(c, s);
    advance(*st, e, cal);
  }
  clocks.save(s, ticket_id, *st);
}

void Service::refresh_clocks(storage::Connection& c, const Scope& s, const std::vector<std::string>& ids) const {
  if (ids.empty()) return;
  auto cal = calendar(c, s);
  Repository repo(c);
  SlaRepository clocks(c);
  for (const auto& id : ids) clocks.save(s, id, fold_events(repo.events(s, id), cal));
}

void Service::refresh_clocks_around(storage::Connection& c, const Scope& s, const std::string& date) const {
  auto day = clock::parse_iso(date + "T00:00:00Z");
  if (!day) return;
  auto start = *day - std::chrono::hours(profile_of(s).utc_offset_hours());
  refresh_clocks(c, s,
                 SlaRepository(c).spanning(s, clock::to_iso(start), clock::to_iso(start + std::chrono::hours(24))));
}

int Service::store_missing_clocks(const Scope& s, int limit) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto ids = SlaRepository(c).missing(s, limit);
    refresh_clocks(c, s, ids);
    return static_cast<int>(ids.size());
  });
}

Sla Service::sla_of(storage::Connection& c, const Scope& s, const ClockRow& r, const Priority& p, const Calendar& cal,
                    clock::TimePoint now) const {
  if (r.clock) return sla_at(*r.clock, p, cal, now);
  return compute_sla(Repository(c).events(s, r.id), p, cal, now);
}

}  // namespace simpul::servicedesk
