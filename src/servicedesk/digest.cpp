// The daily digest to desk staff (docs/service-desk.md, "Daily digest"): the open tickets of each
// staff member's queue, breached ones first and marked, through the notification inbox and e-mail.
#include <algorithm>

#include "servicedesk/internal.hpp"
#include "servicedesk/profile_section.hpp"
#include "servicedesk/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

struct DigestLine {
  std::string number, title, state;
  bool breached = false;
};

constexpr std::size_t kDigestLines = 30;

}  // namespace

int Service::send_digest(const Scope& s) {
  const auto& p = profile_of(s);
  auto today = p.today();
  int told = 0;
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    if (!repo.claim_digest(s, today)) return;
    TicketFilter open_filter;
    open_filter.state = "open";
    open_filter.everything = true;
    auto tickets = repo.matching(s, open_filter, "");
    if (tickets.empty()) return;
    auto targets = this->targets(c, s);
    std::map<std::string, ClockRow> clocks;  // the stored clocks (sla_store.cpp), not every event
    for (auto& r : repo.clock_rows(s, open_filter, "", targets.uses_services())) clocks.emplace(r.id, std::move(r));
    auto cal = calendar(c, s);
    auto now = clock::now();
    // Per queue: tier 1 by the PD holding it, tier 2 as one queue.
    std::map<std::string, std::vector<DigestLine>> queues;
    for (const auto& t : tickets) {
      DigestLine line{t.number, t.title, state_label(t.state), false};
      auto it = clocks.find(t.id);
      auto target = it != clocks.end() ? targets.of(t.priority, it->second.category_id, it->second.service_id)
                                       : targets.of(t.priority, t.category_id, "");
      if (target) {
        auto sla = it != clocks.end() ? sla_of(c, s, it->second, target->as_priority(), cal, now)
                                      : compute_sla(repo.events(s, t.id), target->as_priority(), cal, now);
        line.breached = sla.own.breached() || sla.resolve.breached();
      }
      queues[t.tier == 2 ? std::string("level2") : "level1:" + t.queue_agency_id].push_back(std::move(line));
    }
    for (auto& [key, lines] : queues)
      std::stable_sort(lines.begin(), lines.end(),
                       [](const DigestLine& a, const DigestLine& b) { return a.breached && !b.breached; });
    // Each staff member once, with the tickets of every queue they staff.
    std::map<std::string, std::vector<std::string>> queues_of;
    for (const auto& a : repo.agents(s))
      queues_of[a.user_id].push_back(a.tier == 2 ? std::string("level2") : "level1:" + a.agency_id);
    for (const auto& [user_id, keys] : queues_of) {
      std::vector<DigestLine> mine;
      for (const auto& k : keys)
        if (auto it = queues.find(k); it != queues.end()) mine.insert(mine.end(), it->second.begin(), it->second.end());
      if (mine.empty()) continue;
      auto u = identity_.user(c, s, user_id);
      if (!u || !u->active || !notifications_.wants_daily_summary(c, s, user_id)) continue;
      auto breached = std::count_if(mine.begin(), mine.end(), [](const DigestLine& l) { return l.breached; });
      notification::Message m;
      m.user_id = user_id;
      m.email = u->email;
      m.title = "Ringkasan harian meja layanan " + today + ": " + std::to_string(mine.size()) + " tiket terbuka, " +
                std::to_string(breached) + " melewati SLA";
      m.title_en = "Service desk daily digest " + today + ": " + std::to_string(mine.size()) + " open tickets, " +
                   std::to_string(breached) + " past their SLA";
      std::string body;
      for (std::size_t i = 0; i < mine.size() && i < kDigestLines; ++i)
        body += mine[i].number + " " + mine[i].title + " (" + mine[i].state + ")" +
                (mine[i].breached ? " MELEWATI SLA" : "") + "\n";
      if (mine.size() > kDigestLines) body += "... dan " + std::to_string(mine.size() - kDigestLines) + " tiket lain\n";
      m.body = body;
      m.link = "/layanan/tiket";
      notifications_.notify(c, s, m);
      ++told;
    }
  });
  if (told > 0) notifications_.wake();
  return told;
}

}  // namespace simpul::servicedesk
