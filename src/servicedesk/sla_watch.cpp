// SLA warnings at a threshold and escalation at breach (docs/service-desk.md, "SLA"): a periodic
// job reads the stored clocks of every open ticket and tells the queue once per clock; a breach is
// also escalated to the desk's managers. The warnings are events of the ticket's timeline.
#include <optional>
#include <set>

#include "identity/roles.hpp"
#include "servicedesk/internal.hpp"
#include "servicedesk/profile_section.hpp"
#include "servicedesk/service.hpp"
#include "servicedesk/sla_repository.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

const Actor& sla_watch_actor() {
  static const Actor a{"sla", "Pemantau SLA", ""};
  return a;
}

std::string sla_clock_label(const std::string& clock) {
  return clock == "own" ? "Waktu menanggapi" : "Waktu menyelesaikan";
}

std::string sla_clock_label_en(const std::string& clock) { return clock == "own" ? "Time to own" : "Time to resolve"; }

}  // namespace

int Service::watch_sla(const Scope& s) {
  const auto& rules = rules_of(profile_of(s));
  // The desk's managers, who hear of every breach (read before the write transaction).
  std::vector<std::string> managers;
  ListQuery q;
  q.per_page = 200;
  std::int64_t total = 0;
  for (q.page = 1;; ++q.page) {
    auto users = identity_.list_users(s, q, std::nullopt, total);
    for (const auto& u : users) {
      auto perms = identity::permissions_of(u.roles);
      if (u.active && std::find(perms.begin(), perms.end(), "servicedesk.manage") != perms.end())
        managers.push_back(u.id);
    }
    if (users.empty() || q.page * q.per_page >= total) break;
  }
  int recorded = 0;
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    TicketFilter open_filter;
    open_filter.state = "open";
    open_filter.everything = true;
    // The stored clocks (sla_store.cpp) give every open ticket's SLA in one query; a ticket's record
    // is read only when one of its clocks calls for a notice not yet recorded.
    auto targets = this->targets(c, s);
    auto rows = repo.clock_rows(s, open_filter, "", targets.uses_services());
    if (rows.empty()) return;
    auto cal = calendar(c, s);
    auto now = clock::now();
    Caller system{s, sla_watch_actor(), true, false};
    for (const auto& row : rows) {
      const auto* target = targets.clock_targets(row.priority, row.category_id, row.service_id);
      if (!target) continue;
      auto sla = sla_of(c, s, row, *target, cal, now);
      // What each clock calls for: 1 the warning, 2 the breach; nothing when already told (the
      // stored notices, migration 1113), so a ticket already warned and breached costs no read.
      auto due = [&](const SlaClock& k) {
        if (k.done || k.target <= 0) return 0;
        if (k.breached()) return 2;
        return k.used * 100 >= static_cast<std::int64_t>(k.target) * rules.sla_warning_percent ? 1 : 0;
      };
      int own_due = due(sla.own), resolve_due = due(sla.resolve);
      if (own_due == 0 && resolve_due == 0) continue;
      if (row.told && row.told->own >= own_due && row.told->resolve >= resolve_due) continue;
      auto t = repo.ticket(s, row.id);
      if (!t) continue;
      // Unknown (notices recorded before 1113): counted from the events, and stored for the next run.
      SlaTold told = row.told ? *row.told : told_of(repo.events(s, row.id));
      if (!row.told) SlaRepository(c).save_told(s, row.id, told);
      for (const std::string which : {"own", "resolve"}) {
        int needed = which == "own" ? own_due : resolve_due;
        if (needed <= (which == "own" ? told.own : told.resolve)) continue;  // once per clock
        const SlaClock& k = which == "own" ? sla.own : sla.resolve;
        bool breached = needed == 2;
        const char* kind = breached ? "sla_breach" : "sla_warning";
        std::string used = std::to_string(k.used) + " dari " + std::to_string(k.target) + " menit kerja";
        Event e;
        e.kind = kind;
        e.body = sla_clock_label(which) + (breached ? " melewati batas: " : " hampir habis: ") + used;
        t->updated_at = clock::now_iso();
        record(c, system, *t, e, breached ? "servicedesk.sla_breach" : "servicedesk.sla_warning");
        ++recorded;
        std::string title =
            (breached ? "Melewati SLA: " : "Peringatan SLA: ") + sla_clock_label(which) + " " + t->title;
        std::string title_en =
            (breached ? "SLA breached: " : "SLA warning: ") + sla_clock_label_en(which) + " " + t->title;
        tell_queue_of_alert(c, s, *t, title, title_en);
        if (!breached) continue;
        std::set<std::string> told_users;  // escalation: the managers, once each, unless they staff the queue
        for (const auto& a : repo.agents(s))
          if (a.tier == t->tier && (t->tier == 2 || a.agency_id == t->queue_agency_id)) told_users.insert(a.user_id);
        told_users.insert(t->assignee_id);
        for (const auto& m : managers)
          if (told_users.insert(m).second)
            tell_user(c, s, m, *t, "Eskalasi SLA: " + sla_clock_label(which) + " terlewati",
                      "SLA escalation: " + sla_clock_label_en(which) + " breached");
      }
    }
  });
  if (recorded > 0) notifications_.wake();
  return recorded;
}

}  // namespace simpul::servicedesk
