#pragma once
// SLA clocks recomputed from a ticket's events (docs/service-desk.md, "SLA"): time to own runs
// while the ticket waits unowned in its current queue and restarts when it changes tier; time to
// resolve runs in the working states and pauses while pending. Only working time counts: the
// region's working days and hours, in the tenant's local time, minus the tenant's holidays.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "servicedesk/model.hpp"

namespace simpul::servicedesk {

struct Calendar {
  int utc_offset_hours = 7;
  std::vector<int> days{1, 2, 3, 4, 5};  // ISO weekdays
  int start_minute = 8 * 60, end_minute = 16 * 60;
  std::set<std::string> holidays;  // YYYY-MM-DD, local
};

/// Working minutes between two instants (0 when `to` is not after `from`).
std::int64_t working_minutes(const Calendar& cal, clock::TimePoint from, clock::TimePoint to);

struct SlaClock {
  std::int64_t used = 0;  // working minutes
  int target = 0;
  bool running = false;
  bool done = false;  // owned / resolved
  bool breached() const { return used > target; }
};

struct Sla {
  SlaClock own, resolve;
  bool paused = false;  // pending
};

/// The clocks of a ticket whose events (in order) are `events`, as of `now`.
Sla compute_sla(const std::vector<Event>& events, const Priority& p, const Calendar& cal, clock::TimePoint now);

// The same clocks kept incrementally (the stored state on the ticket): advancing the state over
// the events one at a time and reading it at `now` gives exactly what compute_sla gives.

/// Whether `e` moves the clocks (a change of state, an escalation or a return); comments do not.
bool moves_clock(const Event& e);
/// Whether `e` is a notice of the SLA watch (`sla_warning`, `sla_breach`), which the stored state counts.
bool sla_notice(const Event& e);
/// What the SLA watch has recorded of each clock, from the ticket's events (in order).
SlaTold told_of(const std::vector<Event>& events);
/// The state after `e` (events that do not move the clocks leave it as it is).
void advance(SlaState& st, const Event& e, const Calendar& cal);
/// The state after every event of `events`, in order.
SlaState fold_events(const std::vector<Event>& events, const Calendar& cal);
/// The clocks of a ticket in state `st`, as of `now`.
Sla sla_at(const SlaState& st, const Priority& p, const Calendar& cal, clock::TimePoint now);

}  // namespace simpul::servicedesk
