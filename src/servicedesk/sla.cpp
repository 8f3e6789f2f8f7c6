#include "servicedesk/sla.hpp"

#include <algorithm>
#include <chrono>

namespace simpul::servicedesk {
namespace {

using std::chrono::minutes;
using Days = std::chrono::days;

std::string date_of(std::chrono::sys_days d) {
  std::chrono::year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

bool working_state(const std::string& s) { return s == "new" || s == "assigned" || s == "in_progress"; }

}  // namespace

std::int64_t working_minutes(const Calendar& cal, clock::TimePoint from, clock::TimePoint to) {
  if (to <= from) return 0;
  // Local wall-clock time as a sys_time: shift by the zone's offset, then work in whole days.
  auto offset = std::chrono::hours(cal.utc_offset_hours);
  auto a = std::chrono::time_point_cast<minutes>(from + offset);
  auto b = std::chrono::time_point_cast<minutes>(to + offset);
  std::int64_t total = 0;
  for (auto day = std::chrono::floor<Days>(a); day <= std::chrono::floor<Days>(b); day += Days(1)) {
    unsigned iso = std::chrono::weekday(day).iso_encoding();
    if (std::find(cal.days.begin(), cal.days.end(), static_cast<int>(iso)) == cal.days.end()) continue;
    if (!cal.holidays.empty() && cal.holidays.count(date_of(day))) continue;
    auto open = std::chrono::time_point_cast<minutes>(day) + minutes(cal.start_minute);
    auto close = std::chrono::time_point_cast<minutes>(day) + minutes(cal.end_minute);
    auto lo = std::max(open, a), hi = std::min(close, b);
    if (hi > lo) total += (hi - lo).count();
  }
  return total;
}

Sla compute_sla(const std::vector<Event>& events, const Priority& p, const Calendar& cal, clock::TimePoint now) {
  Sla out;
  out.own.target = p.own_minutes;
  out.resolve.target = p.resolve_minutes;
  std::string state;
  clock::TimePoint since{};
  bool started = false;
  auto run_until = [&](clock::TimePoint t) {
    if (!started) return;
    auto m = working_minutes(cal, since, t);
    if (state == "new") out.own.used += m;
    if (working_state(state)) out.resolve.used += m;
  };
  for (const auto& e : events) {
    auto at = clock::parse_iso(e.at);
    if (!at) continue;
    if (e.to_state.empty() && e.kind != "escalated" && e.kind != "returned") continue;  // comments and notes
    run_until(*at);
    since = *at;
    started = true;
    if (e.kind == "escalated" || e.kind == "returned") {
      out.own = SlaClock{0, p.own_minutes};  // the new queue's own clock starts afresh
    }
    if (!e.to_state.empty()) state = e.to_state;
    if (state != "new") out.own.done = true;
    if (state == "new") out.own.done = false;
  }
  run_until(now);
  out.own.running = started && state == "new";
  out.resolve.done = state == "resolved" || state == "closed";
  out.resolve.running = started && working_state(state);
  out.paused = state == "pending";
  return out;
}

bool moves_clock(const Event& e) { return !e.to_state.empty() || e.kind == "escalated" || e.kind == "returned"; }

bool sla_notice(const Event& e) { return e.kind == "sla_warning" || e.kind == "sla_breach"; }

namespace {

/// The notices of `e` counted into `told`: an escalation or return restarts the own clock, so its
/// notices start afresh too; a notice names its clock at the start of its text (sla_watch.cpp).
void count_notice(SlaTold& told, const Event& e) {
  if (e.kind == "escalated" || e.kind == "returned") told.own = 0;
  if (!sla_notice(e)) return;
  int level = e.kind == "sla_breach" ? 2 : 1;
  if (e.body.rfind("Waktu menanggapi", 0) == 0) told.own = std::max(told.own, level);
  if (e.body.rfind("Waktu menyelesaikan", 0) == 0) told.resolve = std::max(told.resolve, level);
}

}  // namespace

SlaTold told_of(const std::vector<Event>& events) {
  SlaTold told;
  for (const auto& e : events) count_notice(told, e);
  return told;
}

void advance(SlaState& st, const Event& e, const Calendar& cal) {
  if (st.told) count_notice(*st.told, e);
  if (!moves_clock(e)) return;
  auto at = clock::parse_iso(e.at);
  if (!at) return;
  if (!st.since.empty()) {
    if (auto since = clock::parse_iso(st.since)) {
      auto m = working_minutes(cal, *since, *at);
      if (st.state == "new") st.own_used += m;
      if (working_state(st.state)) st.resolve_used += m;
    }
  }
  st.since = e.at;
  if (e.kind == "escalated" || e.kind == "returned") st.own_used = 0;  // the new queue's own clock starts afresh
  if (!e.to_state.empty()) st.state = e.to_state;
}

SlaState fold_events(const std::vector<Event>& events, const Calendar& cal) {
  SlaState st;
  st.told = SlaTold{};
  for (const auto& e : events) advance(st, e, cal);
  return st;
}

Sla sla_at(const SlaState& st, const Priority& p, const Calendar& cal, clock::TimePoint now) {
  Sla out;
  out.own.target = p.own_minutes;
  out.resolve.target = p.resolve_minutes;
  out.own.used = st.own_used;
  out.resolve.used = st.resolve_used;
  auto since = st.since.empty() ? std::nullopt : clock::parse_iso(st.since);
  bool started = since.has_value();
  if (started) {
    auto m = working_minutes(cal, *since, now);
    if (st.state == "new") out.own.used += m;
    if (working_state(st.state)) out.resolve.used += m;
  }
  out.own.done = started && st.state != "new";
  out.own.running = started && st.state == "new";
  out.resolve.done = st.state == "resolved" || st.state == "closed";
  out.resolve.running = started && working_state(st.state);
  out.paused = st.state == "pending";
  return out;
}

}  // namespace simpul::servicedesk
