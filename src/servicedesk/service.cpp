#include "servicedesk/service.hpp"
#include "servicedesk/internal.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "servicedesk/catalogue_repository.hpp"
#include "servicedesk/profile_section.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {
namespace {

std::string dinas_flag(const tenancy::Profile& p) {
  for (const auto& r : p.roles)
    if (r.id == "diskominfo" && r.agency_flag) return *r.agency_flag;
  return "kominfo";
}

}  // namespace

// --- who may see and work a ticket -------------------------------------------------------------

Service::Roles Service::roles_of(storage::Connection& c, const Scope& s, const std::string& user_id) const {
  Roles r;
  for (const auto& a : Repository(c).agent_roles(s, user_id)) {
    if (a.tier == 2)
      r.level2 = true;
    else
      r.level1.insert(a.agency_id);
  }
  return r;
}

bool Service::sees(const Caller& who, const Roles& r, const Ticket& t) const {
  return who.manage || who.supervise || r.level2 || t.requester_id == who.actor.id || t.shared ||
         r.level1.count(t.agency_id) > 0;
}

bool Service::works(const Caller& who, const Roles& r, const Ticket& t) const {
  if (who.manage) return true;
  return t.tier == 2 ? r.level2 : r.level1.count(t.queue_agency_id) > 0;
}

Error Service::not_queue_staff(const Scope& s, const Ticket& t, boost::json::object details) const {
  const auto& p = profile_of(s);
  const auto& d = rules_of(p);
  return Error(ErrorCode::SdNotQueueStaff, std::move(details),
               tenancy::rule_ref(p, t.tier == 2 ? d.level2_duty_rule : d.level1_duty_rule));
}

Ticket Service::visible(storage::Connection& c, const Caller& who, const Roles& r, const std::string& id) const {
  auto t = Repository(c).ticket(who.scope, id);
  if (!t || !sees(who, r, *t)) throw Error(ErrorCode::SdTicketNotFound);  // another PD's ticket is not revealed
  return *t;
}

std::optional<tenancy::Agency> Service::dinas(storage::Connection& c, const Scope& s) const {
  return tenancy_.agency_with_flag(c, s, dinas_flag(profile_of(s)));
}

std::map<std::string, std::string> Service::agency_names(storage::Connection& c, const Scope& s) const {
  std::map<std::string, std::string> out;
  for (const auto& a : tenancy_.agencies(c, s)) out[a.id] = a.name;
  return out;
}

Calendar Service::calendar(storage::Connection& c, const Scope& s) const {
  const auto& p = profile_of(s);
  const auto& d = rules_of(p);
  Calendar cal;
  cal.utc_offset_hours = p.utc_offset_hours();
  cal.days = d.working_days;
  cal.start_minute = d.day_start_minute;
  cal.end_minute = d.day_end_minute;
  for (const auto& h : Repository(c).holidays(s)) cal.holidays.insert(h.date);
  return cal;
}

// --- notifications -----------------------------------------------------------------------------

void Service::tell_user(storage::Connection& c, const Scope& s, const std::string& user_id, const Ticket& t,
                        const std::string& title, const std::string& title_en) const {
  if (user_id.empty()) return;
  auto u = identity_.user(c, s, user_id);
  if (!u || !u->active) return;
  notification::Message m;
  m.user_id = user_id;
  m.email = u->email;
  m.title = t.number + ": " + title;
  m.title_en = t.number + ": " + title_en;
  m.body = t.title + "\nStatus: " + state_label(t.state) + "\nPemohon: " + t.requester_name;
  m.link = "/servicedesk/tickets/" + t.id;
  notifications_.notify(c, s, m);
}

void Service::tell_queue(storage::Connection& c, const Scope& s, const Ticket& t, const std::string& title,
                         const std::string& title_en, const std::string& except_user) const {
  for (const auto& a : Repository(c).agents(s)) {
    bool in_queue = a.tier == t.tier && (t.tier == 2 || a.agency_id == t.queue_agency_id);
    if (in_queue && a.user_id != except_user) tell_user(c, s, a.user_id, t, title, title_en);
  }
}

void Service::tell_queue_of_alert(storage::Connection& c, const Scope& s, const Ticket& t, const std::string& title,
                                  const std::string& title_en) const {
  tell_queue(c, s, t, title, title_en, "");
  bool assignee_in_queue = false;
  for (const auto& a : Repository(c).agents(s))
    if (a.user_id == t.assignee_id && a.tier == t.tier && (t.tier == 2 || a.agency_id == t.queue_agency_id))
      assignee_in_queue = true;
  if (!assignee_in_queue) tell_user(c, s, t.assignee_id, t, title, title_en);
}

Event Service::record(storage::Connection& c, const Caller& who, const Ticket& t, Event e, const char* action) const {
  e.id = crypto::new_time_ordered_id();  // appends, as the ticket's id (above)
  e.ticket_id = t.id;
  e.at = t.updated_at;
  e.tier = t.tier;
  e.actor_id = who.actor.id;
  e.actor_name = who.actor.name;
  Repository(c).insert(who.scope, e);
  store_clock(c, who.scope, t.id, e);
  boost::json::object details{{"number", t.number}, {"kind", e.kind}, {"tier", t.tier}, {"state", t.state}};
  if (!e.from_state.empty()) details["from"] = e.from_state;
  if (!e.rule_id.empty()) details["rule"] = e.rule_id;
  if (!e.body.empty() && !e.internal) details["text"] = e.body.substr(0, 500);
  ledger_.append(c, ledger::change_in(who.scope, who.actor, action, "ticket", t.id, details));
  return e;
}

// --- tickets -----------------------------------------------------------------------------------

Opened Service::open(const Caller& who, const TicketInput& in,
                     const std::function<void(storage::Connection&, const Ticket&)>& within, OpenedView* answer) {
  const auto& p = profile_of(who.scope);
  const auto& rules = rules_of(p);
  required(in.type, "type");
  required(in.title, "title");
  required(in.urgency, "urgency");
  required(in.impact, "impact");
  if (!rules.type(in.type))
    throw Error(ErrorCode::SdTypeNotListed, {{"field", "type"}},
                tenancy::rule_ref(p, rules.types_rule.empty() ? std::nullopt : std::optional(rules.types_rule)));
  if (!rules.level(in.urgency)) invalid("urgency", "tinggi, sedang or rendah");
  if (!rules.level(in.impact)) invalid("impact", "tinggi, sedang or rendah");
  if (in.tier != 1 && in.tier != 2) invalid("tier", "1 or 2");
  if (in.tier == 2 && rules.tiers != 2)
    throw Error(ErrorCode::SdNoLevel2, {{"field", "tier"}}, tenancy::rule_ref(p, rules.structure_rule));
  Opened out;
  storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    Ticket t;
    t.agency_id = in.agency_id.empty() ? who.actor.agency_id : in.agency_id;
    if (t.agency_id.empty()) invalid("agency_id", "the requester belongs to no Perangkat Daerah");
    if (t.agency_id != who.actor.agency_id && !who.manage)
      throw Error(ErrorCode::AuthForbidden, {{"field", "agency_id"}});
    auto requester_pd = tenancy_.agency(c, who.scope, t.agency_id);
    if (!requester_pd) invalid("agency_id", "not an agency of this tenant");
    std::vector<Category> cats;  // read only when the ticket names a category
    if (!in.category_id.empty()) {
      cats = repo.categories(who.scope);
      auto it = std::find_if(cats.begin(), cats.end(), [&](const Category& x) { return x.id == in.category_id; });
      if (it == cats.end()) invalid("category_id", "not a category of this desk");
      t.category_id = it->id;
    }
    std::optional<architecture::Element> element;
    if (!in.element_id.empty()) {
      element = elements_.find(c, who.scope, in.element_id);
      static const std::set<std::string> kAffected = {"aplikasi", "infrastruktur", "layanan"};
      if (!element || !kAffected.count(element->domain))
        invalid("element_id", "not an application, infrastructure or service element of the architecture");
      t.element_id = element->id;
      t.element_label = element->code + " " + element->name;
    }
    std::optional<DeskService> service;  // the catalogue's service the ticket names
    if (!in.service_id.empty()) {
      service = CatalogueRepository(c).service(who.scope, in.service_id);
      if (!service) throw Error(ErrorCode::SdServiceNotFound, {{"field", "service_id"}});
    }
    // Time-ordered: each new ticket appends to the primary-key index (the opening date is on the
    // ticket anyway) instead of writing a random page of a table that grows to 200,000 rows.
    t.id = crypto::new_time_ordered_id();
    t.number = repo.next_number(who.scope, p.today().substr(0, 4));
    t.requester_id = who.actor.id;
    t.requester_name = who.actor.name;
    t.type = in.type;
    t.title = in.title;
    t.description = in.description;
    t.urgency = in.urgency;
    t.impact = in.impact;
    t.priority = rules.matrix.at(in.urgency).at(in.impact);
    t.shared = in.shared;
    t.created_at = t.updated_at = clock::now_iso();
    t.tier = 1;
    t.queue_agency_id = t.agency_id;
    std::string queue_name = requester_pd->name;
    // Routing (Balikpapan Pasal 1 angka 33-34, Madiun Pasal 1 angka 31): a ticket asked directly of
    // Level 2 stays there only for a service the Dinas itself provides, where the text allows it.
    if (in.tier == 2) {
      auto d = dinas(c, who.scope);
      if (!d) throw Error(ErrorCode::SdNoDinas, {{"field", "tier"}});
      bool dinas_service = element && element->owner_agency_id == d->id;
      if (service && rules.dinas_services_from_catalogue) dinas_service = service->agency_id == d->id;
      if (rules.level2_direct_for_dinas_services && dinas_service) {
        t.tier = 2;
        t.queue_agency_id = d->id;
        queue_name = d->name;
      } else {
        out.redirected = tenancy::rule_ref(p, rules.level2_rule ? rules.level2_rule : rules.level1_rule);
      }
    }
    repo.insert(who.scope, t);
    if (within) within(c, t);
    if (service) CatalogueRepository(c).link_ticket(who.scope, t.id, service->id);
    std::vector<Event> written;  // a new ticket's events are numbered from 1 without a query
    Event e;
    e.seq = 1;
    e.kind = "created";
    e.to_state = "new";
    e.body = t.title;
    written.push_back(record(c, who, t, e, "servicedesk.ticket_open"));
    if (out.redirected) {
      Event r;
      r.seq = 2;
      r.kind = "redirected";
      r.to_state = "new";
      r.body = "Diteruskan ke Pelayanan Level 1 Perangkat Daerah pemohon.";
      r.rule_id = out.redirected->id;
      r.citation = out.redirected->citation;
      written.push_back(record(c, who, t, r, "servicedesk.ticket_redirect"));
    }
    tell_queue(c, who.scope, t, "Tiket baru: " + t.title, "New ticket: " + t.title, who.actor.id);
    out.ticket = t;
    if (answer) {
      // What view() would read back, from what was just written: the clocks at the opening
      // instant (no working time has passed, so the holidays are not needed).
      auto& v = answer->view;
      v.ticket = t;
      v.works = works(who, roles_of(c, who.scope, who.actor.id), t);
      v.service = service;
      // The targets from what the opening read: the category's only when it names one.
      std::vector<ServiceClass> classes;
      if (service) classes.push_back({service->id, service->code, service->name, service->name_en, service->sla_class});
      SlaTargets targets(rules, cats, cats.empty() ? std::vector<CategoryTarget>{} : TargetRepository(c).all(who.scope),
                         classes);
      v.target = targets.of(t.priority, t.category_id, service ? service->id : "").value_or(SlaTarget{});
      Calendar at_opening;
      at_opening.utc_offset_hours = p.utc_offset_hours();
      v.sla = compute_sla(written, v.target.as_priority(), at_opening,
                          clock::parse_iso(t.created_at).value_or(clock::now()));
      v.events = std::move(written);
      fill_actions(who, v);
      answer->agency_names = {{t.agency_id, requester_pd->name}, {t.queue_agency_id, queue_name}};
    }
  });
  notifications_.wake();
  return out;
}

std::vector<Ticket> Service::list(const Caller& who, TicketFilter f, const ListQuery& q, ListTotal& total) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    f.everything = who.manage || who.supervise || r.level2;
    f.viewer_id = who.actor.id;
    Repository repo(c);
    if (!f.breached) return repo.tickets(who.scope, f, q, total_cap_, total);
    // Breached: each matching ticket's stored clock (sla_store.cpp) read at now; one query for
    // all of them, then the page's tickets by id.
    auto targets = this->targets(c, who.scope);
    auto cal = calendar(c, who.scope);
    auto now = clock::now();
    std::vector<std::string> hit;
    repo.each_clock_row(who.scope, f, q.q, targets.uses_services(), [&](const ClockRow& r) {
      const auto* target = targets.clock_targets(r.priority, r.category_id, r.service_id);
      if (!target) return;
      auto sla = sla_of(c, who.scope, r, *target, cal, now);
      if (sla.own.breached() || sla.resolve.breached()) hit.push_back(r.id);
    });
    if (q.descending) std::reverse(hit.begin(), hit.end());
    total = {static_cast<std::int64_t>(hit.size()), false};  // every breached ticket was read anyway
    std::vector<Ticket> page;
    for (auto i = q.offset(); i < total.count && i < q.offset() + q.per_page; ++i)
      if (auto t = repo.ticket(who.scope, hit[static_cast<std::size_t>(i)])) page.push_back(std::move(*t));
    return page;
  });
}

TicketView Service::view_in(storage::Connection& c, const Caller& who, const std::string& id) const {
  auto r = roles_of(c, who.scope, who.actor.id);
  TicketView v;
  v.ticket = visible(c, who, r, id);
  v.works = works(who, r, v.ticket);
  v.service = CatalogueRepository(c).service_of_ticket(who.scope, id);
  auto all = Repository(c).events(who.scope, id);
  v.target = targets(c, who.scope)
                 .of(v.ticket.priority, v.ticket.category_id, v.service ? v.service->id : "")
                 .value_or(SlaTarget{});
  v.sla = compute_sla(all, v.target.as_priority(), calendar(c, who.scope), clock::now());
  for (auto& e : all)
    if (!e.internal || v.works) v.events.push_back(std::move(e));
  fill_actions(who, v);
  return v;
}

void Service::fill_actions(const Caller& who, TicketView& v) const {
  const auto& rules = rules_of(profile_of(who.scope));
  const auto& s = v.ticket.state;
  bool requester = v.ticket.requester_id == who.actor.id;
  if (v.works) {
    if (s == "new" || s == "assigned" || s == "in_progress") v.actions.push_back("assign");
    if (s == "assigned") v.actions.push_back("start");
    if (s == "assigned" || s == "in_progress") {
      v.actions.push_back("pend");
      v.actions.push_back("resolve");
    }
    if (s == "pending") v.actions.push_back("resume");
    if (open_state(s) && rules.tiers == 2 && v.ticket.tier == 1) v.actions.push_back("escalate");
    if (open_state(s) && v.ticket.tier == 2) v.actions.push_back("return");
  }
  if ((v.works || requester) && s == "resolved") v.actions.push_back("close");
  if ((v.works || requester) && (s == "resolved" || s == "closed") &&
      within_days(v.ticket.resolved_at, rules.reopen_days))
    v.actions.push_back("reopen");
  if (requester && (s == "resolved" || s == "closed") && !v.ticket.rating) v.actions.push_back("rate");
}

TicketView Service::view(const Caller& who, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return view_in(c, who, id); });
}

}  // namespace simpul::servicedesk
