// The desks themselves: who staffs Level 1 and Level 2, each PD's desk record, holidays,
// categories, the periodic reports and the statistics (service.hpp).
#include <algorithm>
#include <map>
#include <tuple>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "servicedesk/profile_section.hpp"
#include "servicedesk/internal.hpp"
#include "servicedesk/service.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

void require_manage(const Caller& who) {
  if (!who.manage) throw Error(ErrorCode::AuthForbidden, {{"permission", "servicedesk.manage"}});
}

void require_date(const std::string& v, const char* field) {
  if (!clock::is_iso_date(v)) invalid(field, "must be YYYY-MM-DD");
}

std::string dinas_flag_of(const tenancy::Profile& p) {
  for (const auto& r : p.roles)
    if (r.id == "diskominfo" && r.agency_flag) return *r.agency_flag;
  return "kominfo";
}

}  // namespace

std::map<std::string, std::string> Service::agency_names(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return agency_names(c, s); });
}

std::map<std::string, std::string> Service::ticket_agency_names(const Scope& s, const Ticket& t) const {
  return storage::read(db_, [&](storage::Connection& c) {
    std::map<std::string, std::string> out;
    for (const auto* id : {&t.agency_id, &t.queue_agency_id})
      if (!id->empty() && !out.count(*id))
        if (auto a = tenancy_.agency(c, s, *id)) out[*id] = a->name;
    return out;
  });
}

std::vector<Agent> Service::agents(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto names = agency_names(c, s);
    auto out = Repository(c).agents(s);
    for (auto& a : out) a.agency_name = names[a.agency_id];
    return out;
  });
}

Agent Service::add_agent(const Caller& who, const std::string& user_id, int tier) {
  require_manage(who);
  const auto& p = profile_of(who.scope);
  const auto& rules = rules_of(p);
  if (tier != 1 && tier != 2) invalid("tier", "1 or 2");
  if (tier == 2 && rules.tiers != 2)
    throw Error(ErrorCode::SdNoLevel2, {{"field", "tier"}}, tenancy::rule_ref(p, rules.structure_rule));
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto u = identity_.user(c, who.scope, user_id);
    if (!u) invalid("user_id", "not a user of this tenant");
    if (u->agency_id.empty()) invalid("user_id", "the user belongs to no Perangkat Daerah");
    if (tier == 2) {
      // Level 2 is a unit of the Dinas (Balikpapan Pasal 37 ayat (7) huruf b, Madiun Pasal 39 ayat (7) huruf b).
      auto d = dinas(c, who.scope);
      if (!d || d->id != u->agency_id)
        throw Error(ErrorCode::SdLevel2OutsideDinas, {{"field", "user_id"}},
                    tenancy::rule_ref(p, rules.level2_staffing_rule));
    }
    Repository repo(c);
    for (const auto& a : repo.agent_roles(who.scope, user_id))
      if (a.tier == tier) throw Error(ErrorCode::SdAlreadyStaff, {{"field", "user_id"}});
    Agent a;
    a.id = crypto::new_id();
    a.user_id = u->id;
    a.user_name = u->display_name;
    a.agency_id = u->agency_id;
    a.tier = tier;
    a.created_at = clock::now_iso();
    repo.insert(who.scope, a);
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.agent_add", "user", u->id,
                                        {{"tier", tier}, {"agency_id", a.agency_id}, {"name", a.user_name}}));
    a.agency_name = agency_names(c, who.scope)[a.agency_id];
    return a;
  });
}

void Service::remove_agent(const Caller& who, const std::string& id) {
  require_manage(who);
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto a = repo.agent(who.scope, id);
    if (!a) throw Error(ErrorCode::SdAgentNotFound);
    repo.delete_agent(who.scope, id);
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.agent_remove", "user", a->user_id,
                                        {{"tier", a->tier}, {"agency_id", a->agency_id}, {"name", a->user_name}}));
  });
}

Desk Service::set_desk(const Caller& who, const Desk& in) {
  require_manage(who);
  Desk d = in;
  if (d.since.empty()) d.since = profile_of(who.scope).today();
  require_date(d.since, "since");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    if (!tenancy_.agency(c, who.scope, d.agency_id)) invalid("agency_id", "not an agency of this tenant");
    Repository(c).save(who.scope, d);
    ledger_.append(
        c, ledger::change_in(who.scope, who.actor, "servicedesk.desk_set", "agency", d.agency_id,
                             {{"unit_name", d.unit_name}, {"sop_reference", d.sop_reference}, {"since", d.since}}));
    return d;
  });
}

std::vector<StaffingRow> Service::staffing(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) {
    const auto& p = profile_of(s);
    const auto& rules = rules_of(p);
    Repository repo(c);
    auto agents = repo.agents(s);
    auto desks = repo.desks(s);
    auto reports = repo.reports(s);
    std::set<std::string> service_owners;
    for (const auto& e : elements_.live_elements(c, s, "layanan")) service_owners.insert(e.owner_agency_id);
    std::string flag = dinas_flag_of(p);
    std::vector<StaffingRow> out;
    for (const auto& a : tenancy_.agencies(c, s)) {
      StaffingRow row;
      row.agency_id = a.id;
      row.agency_name = a.name;
      row.is_dinas = a.has_flag(flag);
      row.runs_services = service_owners.count(a.id) > 0;
      for (const auto& g : agents)
        if (g.agency_id == a.id) (g.tier == 2 ? row.level2 : row.level1).push_back(g);
      for (const auto& d : desks)
        if (d.agency_id == a.id) row.desk = d;
      for (const auto& r : reports)
        if (r.agency_id == a.id && r.submitted_on > row.last_report) row.last_report = r.submitted_on;
      bool level1 = !row.level1.empty() || (row.desk && !row.desk->unit_name.empty());
      if (rules.tiers == 2)
        row.staffed = level1 && (!row.is_dinas || !row.level2.empty());
      else if (rules.desk_required_rule)
        row.staffed = !row.runs_services || level1;
      else
        row.staffed = level1;
      out.push_back(std::move(row));
    }
    return out;
  });
}

regulation::FactProvider Service::facts() const {
  return [this](storage::Connection& c, const regulation::FactQuery& q, std::vector<regulation::Fact>& out) {
    const Scope& s = q.scope;
    Repository repo(c);
    auto agents = repo.agents(s);
    auto desks = repo.desks(s);
    auto reports = repo.reports(s);
    std::set<std::string> service_owners;
    for (const auto& e : elements_.live_elements(c, s, "layanan")) service_owners.insert(e.owner_agency_id);
    std::string flag = dinas_flag_of(q.profile);
    auto yes = [](bool b) { return std::string(b ? "ya" : "tidak"); };
    for (const auto& a : tenancy_.agencies(c, s)) {
      bool l1 = false, l2 = false;
      for (const auto& g : agents)
        if (g.agency_id == a.id) (g.tier == 2 ? l2 : l1) = true;
      const Desk* desk = nullptr;
      for (const auto& d : desks)
        if (d.agency_id == a.id) desk = &d;
      std::string last;
      for (const auto& r : reports)
        if (r.agency_id == a.id && r.submitted_on > last) last = r.submitted_on;
      bool unit = desk && !desk->unit_name.empty();
      regulation::Fact f;
      f.subject = "service_desk";
      f.id = a.id;
      f.label = a.name;
      f.agency_id = a.id;
      f.fields = {{"level1", yes(l1 || unit)},
                  {"level2", yes(l2)},
                  {"is_dinas", yes(a.has_flag(flag))},
                  {"runs_services", yes(service_owners.count(a.id) > 0)},
                  {"has_desk", yes(l1 || unit)},
                  {"sop_reference", desk ? desk->sop_reference : ""},
                  {"desk_since", desk ? desk->since : ""},
                  {"last_report_date", last}};
      out.push_back(std::move(f));
    }
  };
}

std::vector<Category> Service::categories(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).categories(s); });
}

Category Service::add_category(const Caller& who, const std::string& name, const std::string& parent_id) {
  require_manage(who);
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto all = repo.categories(who.scope);
    if (!parent_id.empty() &&
        std::none_of(all.begin(), all.end(), [&](const Category& x) { return x.id == parent_id; }))
      invalid("parent_id", "not a category of this desk");
    if (std::any_of(all.begin(), all.end(),
                    [&](const Category& x) { return x.name == name && x.parent_id == parent_id; }))
      throw Error(ErrorCode::SdCategoryExists, {{"field", "name"}});
    Category cat{crypto::new_id(), parent_id, name};
    repo.insert(who.scope, cat);
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.category_add", "ticket_category", cat.id,
                                        {{"name", name}, {"parent_id", parent_id}}));
    return cat;
  });
}

std::vector<Holiday> Service::holidays(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).holidays(s); });
}

Holiday Service::add_holiday(const Caller& who, const Holiday& h) {
  require_manage(who);
  require_date(h.date, "date");
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository(c).save(who.scope, h);
    refresh_clocks_around(c, who.scope, h.date);  // the stored minutes across that day change
    ledger_.append(
        c, ledger::change_in(who.scope, who.actor, "servicedesk.holiday_set", "holiday", h.date, {{"name", h.name}}));
  });
  return h;
}

void Service::remove_holiday(const Caller& who, const std::string& date) {
  require_manage(who);
  storage::write_transaction(db_, [&](storage::Connection& c) {
    if (!Repository(c).delete_holiday(who.scope, date)) throw Error(ErrorCode::SdHolidayNotFound);
    refresh_clocks_around(c, who.scope, date);
    ledger_.append(c, ledger::change_in(who.scope, who.actor, "servicedesk.holiday_remove", "holiday", date, {}));
  });
}

Report Service::submit_report(const Caller& who, const std::string& agency_id, const std::string& from,
                              const std::string& to) {
  require_date(from, "period_start");
  require_date(to, "period_end");
  if (to < from) invalid("period_end", "before period_start");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = roles_of(c, who.scope, who.actor.id);
    if (!who.manage && !r.level1.count(agency_id)) throw Error(ErrorCode::SdNotQueueStaff);
    if (!tenancy_.agency(c, who.scope, agency_id)) invalid("agency_id", "not an agency of this tenant");
    const auto& p = profile_of(who.scope);
    Report rep;
    rep.id = crypto::new_id();
    rep.agency_id = agency_id;
    rep.period_start = from;
    rep.period_end = to;
    rep.submitted_on = p.today();
    rep.submitted_by_name = who.actor.name;
    for (const auto& t : repo.all_tickets(who.scope)) {
      if (t.agency_id != agency_id) continue;
      auto opened = p.local_date(t.created_at);
      if (opened >= from && opened <= to) ++rep.opened;
      if (t.resolved_at) {
        auto done = p.local_date(*t.resolved_at);
        if (done >= from && done <= to) ++rep.resolved;
      }
      if (t.state != "resolved" && t.state != "closed") ++rep.open_now;
    }
    repo.insert(who.scope, rep);
    ledger_.append(
        c, ledger::change_in(
               who.scope, who.actor, "servicedesk.report_submit", "agency", agency_id,
               {{"period_start", from}, {"period_end", to}, {"opened", rep.opened}, {"resolved", rep.resolved}}));
    return rep;
  });
}

std::vector<Report> Service::reports(const Scope& s) const {
  return storage::read(db_, [&](storage::Connection& c) { return Repository(c).reports(s); });
}

std::vector<StatRow> Service::statistics(const Scope& s, const std::string& from, const std::string& to) const {
  require_date(from, "from");
  require_date(to, "to");
  return storage::read(db_, [&](storage::Connection& c) {
    const auto& p = profile_of(s);
    Repository repo(c);
    auto names = agency_names(c, s);
    auto cal = calendar(c, s);
    auto now = clock::now();
    // By PD and tier; found by references (no key copied per ticket), added once.
    std::map<std::tuple<std::string, int>, StatRow, std::less<>> rows;
    auto targets = this->targets(c, s);
    // Local dates [from, to] as UTC instants: the index on (tenant, created_at) reads only them.
    auto offset = std::chrono::hours(p.utc_offset_hours());
    auto first = clock::parse_iso(from + "T00:00:00Z");
    auto last = clock::parse_iso(to + "T00:00:00Z");
    if (!first || !last) invalid("from", "must be YYYY-MM-DD");
    const Priority unlisted{};  // a priority the profile no longer lists: no targets
    auto count = [&](const ClockRow& t) {
      auto at = rows.find(std::tie(t.agency_id, t.tier));
      if (at == rows.end()) {
        at = rows.emplace(std::make_tuple(t.agency_id, t.tier), StatRow{}).first;
        at->second.agency_id = t.agency_id;
        at->second.agency_name = names[t.agency_id];
        at->second.tier = t.tier;
      }
      auto& row = at->second;
      ++row.opened;
      const auto* target = targets.clock_targets(t.priority, t.category_id, t.service_id);
      auto sla = sla_of(c, s, t, target ? *target : unlisted, cal, now);
      if (sla.own.breached() || sla.resolve.breached()) ++row.breached;
      if (t.state == "resolved" || t.state == "closed") {
        ++row.resolved;
        row.resolve_minutes += sla.resolve.used;
      } else {
        ++row.backlog;
      }
      if (t.rating) {
        ++row.rated;
        row.rating_total += *t.rating;
      }
    };
    repo.each_opened_between(s, clock::to_iso(*first - offset), clock::to_iso(*last + std::chrono::hours(24) - offset),
                             targets.uses_services(), count);
    std::vector<StatRow> out;
    for (auto& [key, row] : rows) out.push_back(std::move(row));
    return out;
  });
}

}  // namespace simpul::servicedesk
