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

namespace {

void expect_same(const Sla& a, const Sla& b, const std::string& when) {
  EXPECT_EQ(a.own.used, b.own.used) << when;
  EXPECT_EQ(a.own.running, b.own.running) << when;
  EXPECT_EQ(a.own.done, b.own.done) << when;
  EXPECT_EQ(a.resolve.used, b.resolve.used) << when;
  EXPECT_EQ(a.resolve.running, b.resolve.running) << when;
  EXPECT_EQ(a.resolve.done, b.resolve.done) << when;
  EXPECT_EQ(a.paused, b.paused) << when;
  EXPECT_EQ(a.own.breached() || a.resolve.breached(), b.own.breached() || b.resolve.breached()) << when;
}

}  // namespace

// The stored clock (advanced one event at a time, read later at any instant) says what the events
// say, after pauses, an escalation and a return, a holiday, comments and a reopened ticket.
TEST(ServiceDeskSla, TheStoredClockEqualsWhatTheEventsSayAtEveryStep) {
  Priority p{"sedang", "Sedang", "Medium", 60, 480};
  auto cal = wita();
  cal.holidays.insert("2026-12-03");
  std::vector<Event> history = {ev("2026-11-30T23:00:00Z", "created", "new"),  // Tue 07:00 WITA, before hours
                                ev("2026-12-01T00:40:00Z", "assigned", "assigned"),
                                ev("2026-12-01T01:00:00Z", "comment", ""),
                                ev("2026-12-01T02:00:00Z", "state", "pending"),
                                ev("2026-12-02T03:00:00Z", "state", "in_progress"),
                                ev("2026-12-02T04:00:00Z", "escalated", "new"),
                                ev("2026-12-04T01:30:00Z", "assigned", "assigned"),  // across the holiday
                                ev("2026-12-04T02:00:00Z", "returned", "new"),
                                ev("2026-12-04T02:10:00Z", "note", ""),
                                ev("2026-12-07T00:00:00Z", "assigned", "assigned"),
                                ev("2026-12-07T03:00:00Z", "state", "resolved"),
                                ev("2026-12-08T01:00:00Z", "reopened", "in_progress"),
                                ev("2026-12-08T06:00:00Z", "state", "closed")};
  const char* probes[] = {"2026-12-01T00:30:00Z", "2026-12-02T07:59:00Z", "2026-12-05T01:00:00Z",
                          "2026-12-09T00:00:00Z"};
  SlaState stored;
  std::vector<Event> so_far;
  for (const auto& e : history) {
    advance(stored, e, cal);
    so_far.push_back(e);
    for (const char* probe : probes) {
      auto now = at(probe);
      if (now < at(e.at.c_str())) continue;
      expect_same(sla_at(stored, p, cal, now), compute_sla(so_far, p, cal, now), e.at + " read at " + probe);
    }
  }
  auto end = sla_at(fold_events(history, cal), p, cal, at("2026-12-09T00:00:00Z"));
  EXPECT_TRUE(end.resolve.done);
  EXPECT_TRUE(end.own.breached());  // the first Level 2 owner took longer than an hour
  EXPECT_GT(end.resolve.used, 0);
  // An event whose time cannot be read moves nothing, as compute_sla skips it.
  auto before = stored;
  advance(stored, ev("not a time", "state", "new"), cal);
  EXPECT_EQ(stored.state, before.state);
  EXPECT_EQ(stored.since, before.since);
}

// What the SLA watch has told of each clock is part of the stored state: a notice raises its
// clock's level (the breach above the warning), an escalation or return restarts the own clock's,
// and counting the events gives the same as advancing one at a time.
TEST(ServiceDeskSla, TheToldStateCountsNoticesPerClockAndRestartsWithTheOwnClock) {
  auto notice = [](const char* when, const char* kind, const char* body) {
    Event e = ev(when, kind, "");
    e.body = body;
    return e;
  };
  std::vector<Event> history = {
      ev("2026-11-30T23:00:00Z", "created", "new"),
      notice("2026-12-01T00:30:00Z", "sla_warning", "Waktu menanggapi hampir habis: 23 dari 30"),
      notice("2026-12-01T00:40:00Z", "sla_breach", "Waktu menanggapi melewati batas: 31 dari 30"),
      notice("2026-12-01T01:00:00Z", "sla_warning", "Waktu menyelesaikan hampir habis: 180 dari 240"),
      notice("2026-12-01T01:05:00Z", "sla_breach", "bukan jam SLA"),  // names no clock
      ev("2026-12-01T02:00:00Z", "escalated", "new")};
  SlaState stored{"", "", 0, 0, SlaTold{}};
  std::vector<std::pair<int, int>> seen;
  for (const auto& e : history) {
    advance(stored, e, wita());
    seen.emplace_back(stored.told->own, stored.told->resolve);
  }
  std::vector<std::pair<int, int>> expected = {{0, 0}, {1, 0}, {2, 0}, {2, 1}, {2, 1}, {0, 1}};
  EXPECT_EQ(seen, expected);
  auto counted = told_of(history);
  EXPECT_EQ(counted.own, 0);
  EXPECT_EQ(counted.resolve, 1);
  ASSERT_TRUE(fold_events(history, wita()).told.has_value());
  EXPECT_EQ(fold_events(history, wita()).told->resolve, 1);
  // Without a known state (a ticket from before migration 1113) advancing leaves it unknown.
  SlaState unknown;
  advance(unknown, history[2], wita());
  EXPECT_FALSE(unknown.told.has_value());
}
