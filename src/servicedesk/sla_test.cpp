// SLA clocks from events: working time only (days, hours, holidays in local time), paused while
// pending, the own clock starting afresh when the ticket changes tier.
#include <gtest/gtest.h>

#include "servicedesk/sla.hpp"

using namespace simpul;
using namespace simpul::servicedesk;

namespace {

clock::TimePoint at(const char* iso) { return *clock::parse_iso(iso); }

Event ev(const char* when, const char* kind, const char* to) {
  Event e;
  e.at = when;
  e.kind = kind;
  e.to_state = to;
  return e;
}

Calendar wita() {
  Calendar c;
  c.utc_offset_hours = 8;  // 08:00-16:00 WITA is 00:00-08:00 UTC
  return c;
}

}  // namespace

TEST(ServiceDeskSla, OnlyWorkingHoursOfWorkingDaysCountAndHolidaysDoNot) {
  auto cal = wita();
  // Friday 2026-12-04 15:00 WITA to Monday 2026-12-07 09:00 WITA: one hour Friday, one hour Monday.
  EXPECT_EQ(working_minutes(cal, at("2026-12-04T07:00:00Z"), at("2026-12-07T01:00:00Z")), 120);
  cal.holidays.insert("2026-12-07");
  EXPECT_EQ(working_minutes(cal, at("2026-12-04T07:00:00Z"), at("2026-12-07T01:00:00Z")), 60);
  // Outside hours nothing counts; reversed intervals count nothing.
  EXPECT_EQ(working_minutes(cal, at("2026-12-04T09:00:00Z"), at("2026-12-04T23:00:00Z")), 0);
  EXPECT_EQ(working_minutes(cal, at("2026-12-07T01:00:00Z"), at("2026-12-04T07:00:00Z")), 0);
}

TEST(ServiceDeskSla, TheResolveClockPausesWhilePendingAndStopsWhenResolved) {
  Priority p{"tinggi", "Tinggi", "High", 30, 120};
  std::vector<Event> events = {ev("2026-12-01T00:00:00Z", "created", "new"),        // Tue 08:00 WITA
                               ev("2026-12-01T00:20:00Z", "assigned", "assigned"),  // owned after 20 min
                               ev("2026-12-01T01:00:00Z", "state", "pending"),      // 60 min so far
                               ev("2026-12-01T05:00:00Z", "state", "in_progress"),  // 4 h paused
                               ev("2026-12-01T05:30:00Z", "state", "resolved")};
  auto sla = compute_sla(events, p, wita(), at("2026-12-03T00:00:00Z"));
  EXPECT_EQ(sla.own.used, 20);
  EXPECT_TRUE(sla.own.done);
  EXPECT_FALSE(sla.own.breached());
  EXPECT_EQ(sla.resolve.used, 90);
  EXPECT_TRUE(sla.resolve.done);
  EXPECT_FALSE(sla.resolve.running);
  EXPECT_FALSE(sla.resolve.breached());

  // The same ticket still pending days later has not breached: pending does not count.
  events.resize(3);
  auto waiting = compute_sla(events, p, wita(), at("2026-12-03T00:00:00Z"));
  EXPECT_TRUE(waiting.paused);
  EXPECT_EQ(waiting.resolve.used, 60);
  EXPECT_FALSE(waiting.resolve.breached());
}

TEST(ServiceDeskSla, EscalationStartsTheNewQueuesOwnClockButTheResolveClockRunsOn) {
  Priority p{"tinggi", "Tinggi", "High", 30, 120};
  std::vector<Event> events = {
      ev("2026-12-01T00:00:00Z", "created", "new"), ev("2026-12-01T00:10:00Z", "assigned", "assigned"),
      ev("2026-12-01T01:00:00Z", "escalated", "new"), ev("2026-12-01T01:50:00Z", "assigned", "assigned")};
  auto sla = compute_sla(events, p, wita(), at("2026-12-01T02:00:00Z"));
  EXPECT_EQ(sla.own.used, 50);  // Level 2 took 50 minutes to own it
  EXPECT_TRUE(sla.own.breached());
  EXPECT_EQ(sla.resolve.used, 120);
  EXPECT_FALSE(sla.resolve.breached());  // exactly at the target
  EXPECT_TRUE(sla.resolve.running);
}
