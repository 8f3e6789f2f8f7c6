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

const std::vector<std::string> kOpenStates = {"new", "assigned", "in_progress", "pending"};

bool open_state(const std::string& s) {
  return std::find(kOpenStates.begin(), kOpenStates.end(), s) != kOpenStates.end();
}

void required(const std::string& value, const char* field) {
  if (value.empty()) throw Error(ErrorCode::ValidationMissingField, {{"field", field}});
}

std::string dinas_flag(const tenancy::Profile& p) {
  for (const auto& r : p.roles)
    if (r.id == "diskominfo" && r.agency_flag) return *r.agency_flag;
  return "kominfo";
}

bool within_days(const std::optional<std::string>& since, int days) {
  if (!since) return false;
  auto t = clock::parse_iso(*since);
  return t && clock::now() <= *t + std::chrono::hours(24 * days);
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

void Service::record(storage::Connection& c, const Caller& who, const Ticket& t, Event e, const char* action) const {
  e.id = crypto::new_id();
  e.ticket_id = t.id;
  e.at = t.updated_at;
  e.tier = t.tier;
  e.actor_id = who.actor.id;
  e.actor_name = who.actor.name;
  Repository(c).insert(who.scope, e);
  boost::json::object details{{"number", t.number}, {"kind", e.kind}, {"tier", t.tier}, {"state", t.state}};
  if (!e.from_state.empty()) details["from"] = e.from_state;
  if (!e.rule_id.empty()) details["rule"] = e.rule_id;
  if (!e.body.empty() && !e.internal) details["text"] = e.body.substr(0, 500);
  ledger_.append(c, ledger::change_in(who.scope, who.actor, action, "ticket", t.id, details));
}

// --- tickets -----------------------------------------------------------------------------------

Opened Service::open(const Caller& who, const TicketInput& in,
                     const std::function<void(storage::Connection&, const Ticket&)>& within) {
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
    if (!tenancy_.agency(c, who.scope, t.agency_id)) invalid("agency_id", "not an agency of this tenant");
    if (!in.category_id.empty()) {
      auto cats = repo.categories(who.scope);
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
    t.id = crypto::new_id();
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
      } else {
        out.redirected = tenancy::rule_ref(p, rules.level2_rule ? rules.level2_rule : rules.level1_rule);
      }
    }
    repo.insert(who.scope, t);
    if (within) within(c, t);
    if (service) CatalogueRepository(c).link_ticket(who.scope, t.id, service->id);
    Event e;
    e.kind = "created";
    e.to_state = "new";
    e.body = t.title;
    record(c, who, t, e, "servicedesk.ticket_open");
    if (out.redirected) {
      Event r;
      r.kind = "redirected";
      r.to_state = "new";
      r.body = "Diteruskan ke Pelayanan Level 1 Perangkat Daerah pemohon.";
      r.rule_id = out.redirected->id;
      r.citation = out.redirected->citation;
      record(c, who, t, r, "servicedesk.ticket_redirect");
    }
    tell_queue(c, who.scope, t, "Tiket baru: " + t.title, "New ticket: " + t.title, who.actor.id);
    out.ticket = t;
  });
  notifications_.wake();
  return out;
}

std::vector<Ticket> Service::list(const Caller& who, TicketFilter f, const ListQuery& q, std::int64_t& total) const {
  return storage::read(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    f.everything = who.manage || who.supervise || r.level2;
    f.viewer_id = who.actor.id;
    Repository repo(c);
    if (!f.breached) return repo.tickets(who.scope, f, q, total);
    // Breached: the clocks are recomputed from each matching ticket's events (sla.cpp), so the
    // filter costs one events query per matching ticket; narrow it with state=open.
    const auto& rules = rules_of(profile_of(who.scope));
    auto cal = calendar(c, who.scope);
    auto now = clock::now();
    std::vector<Ticket> hit;
    for (auto& t : repo.matching(who.scope, f, q.q)) {
      const Priority* prio = rules.priority(t.priority);
      if (!prio) continue;
      auto sla = compute_sla(repo.events(who.scope, t.id), *prio, cal, now);
      if (sla.own.breached() || sla.resolve.breached()) hit.push_back(std::move(t));
    }
    if (q.descending) std::reverse(hit.begin(), hit.end());
    total = static_cast<std::int64_t>(hit.size());
    std::vector<Ticket> page;
    for (auto i = q.offset(); i < total && i < q.offset() + q.per_page; ++i)
      page.push_back(std::move(hit[static_cast<std::size_t>(i)]));
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
  const auto& rules = rules_of(profile_of(who.scope));
  const Priority* prio = rules.priority(v.ticket.priority);
  static const Priority kNone{"", "", "", 0, 0};
  v.sla = compute_sla(all, prio ? *prio : kNone, calendar(c, who.scope), clock::now());
  for (auto& e : all)
    if (!e.internal || v.works) v.events.push_back(std::move(e));
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
  return v;
}

TicketView Service::view(const Caller& who, const std::string& id) const {
  return storage::read(db_, [&](storage::Connection& c) { return view_in(c, who, id); });
}

TicketView Service::act(const Caller& who, const std::string& id, const ActionInput& in) {
  const auto& rules = rules_of(profile_of(who.scope));
  static const std::set<std::string> kActions = {"assign", "start", "pend", "resume", "resolve", "close", "reopen"};
  if (!kActions.count(in.action)) invalid("action", "assign, start, pend, resume, resolve, close or reopen");
  auto view = storage::write_transaction(db_, [&](storage::Connection& c) {
    Repository repo(c);
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    bool worker = works(who, r, t), requester = t.requester_id == who.actor.id;
    bool by_requester = in.action == "close" || in.action == "reopen";
    if (!worker && !(by_requester && requester)) throw Error(ErrorCode::SdNotQueueStaff);
    auto refuse = [&](const char* allowed) {
      throw Error(ErrorCode::SdInvalidTransition, {{"field", "action"}, {"state", t.state}, {"allowed_from", allowed}});
    };
    Event e;
    e.kind = "state";
    e.from_state = t.state;
    std::string notify_user;
    if (in.action == "assign") {
      if (t.state != "new" && t.state != "assigned" && t.state != "in_progress") refuse("new, assigned, in_progress");
      std::string assignee = in.assignee_id.empty() ? who.actor.id : in.assignee_id;
      auto roles = roles_of(c, who.scope, assignee);
      bool staff = t.tier == 2 ? roles.level2 : roles.level1.count(t.queue_agency_id) > 0;
      if (!staff) invalid("assignee_id", "not staff of the queue holding this ticket");
      auto u = identity_.user(c, who.scope, assignee);
      if (!u) invalid("assignee_id", "not a user of this tenant");
      t.assignee_id = assignee;
      t.assignee_name = u->display_name;
      t.state = "assigned";
      e.kind = "assigned";
      e.body = u->display_name;
      notify_user = assignee;
    } else if (in.action == "start") {
      if (t.state != "assigned") refuse("assigned");
      t.state = "in_progress";
    } else if (in.action == "pend") {
      if (t.state != "assigned" && t.state != "in_progress") refuse("assigned, in_progress");
      required(in.reason, "reason");
      t.state = "pending";
      t.pending_reason = in.reason;
      e.body = in.reason;
      notify_user = t.requester_id;
    } else if (in.action == "resume") {
      if (t.state != "pending") refuse("pending");
      t.state = t.assignee_id.empty() ? "new" : "in_progress";
      t.pending_reason.clear();
    } else if (in.action == "resolve") {
      if (t.state != "assigned" && t.state != "in_progress") refuse("assigned, in_progress");
      required(in.resolution, "resolution");
      t.state = "resolved";
      t.resolution = in.resolution;
      t.resolved_at = clock::now_iso();
      e.body = in.resolution;
      notify_user = t.requester_id;
    } else if (in.action == "close") {
      if (t.state != "resolved") refuse("resolved");
      t.state = "closed";
      t.closed_at = clock::now_iso();
    } else {  // reopen
      if (t.state != "resolved" && t.state != "closed") refuse("resolved, closed");
      if (!within_days(t.resolved_at, rules.reopen_days))
        throw Error(ErrorCode::SdReopenWindowPassed, {{"field", "action"}, {"reopen_days", rules.reopen_days}});
      t.state = t.assignee_id.empty() ? "new" : "in_progress";
      t.resolved_at.reset();
      t.closed_at.reset();
      e.kind = "reopened";
      e.body = in.reason;
      notify_user = t.assignee_id;
    }
    e.to_state = t.state;
    t.updated_at = clock::now_iso();
    repo.update(who.scope, t);
    record(c, who, t, e, ("servicedesk.ticket_" + in.action).c_str());
    if (!notify_user.empty() && notify_user != who.actor.id)
      tell_user(c, who.scope, notify_user, t, "Status tiket: " + state_label(t.state), "Ticket state: " + t.state);
    return view_in(c, who, id);
  });
  notifications_.wake();
  return view;
}

TicketView Service::escalate(const Caller& who, const std::string& id, const std::string& note) {
  const auto& p = profile_of(who.scope);
  const auto& rules = rules_of(p);
  if (rules.tiers != 2)
    throw Error(ErrorCode::SdNoLevel2, {{"field", "tier"}}, tenancy::rule_ref(p, rules.structure_rule));
  required(note, "note");
  auto view = storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    if (!works(who, r, t)) throw Error(ErrorCode::SdNotQueueStaff);
    if (t.tier != 1 || !open_state(t.state))
      throw Error(ErrorCode::SdInvalidTransition, {{"field", "tier"}, {"state", t.state}});
    auto d = dinas(c, who.scope);
    if (!d) throw Error(ErrorCode::SdNoDinas, {{"field", "tier"}});
    auto rule = tenancy::rule_ref(p, rules.escalation_rule);
    Event e;
    e.kind = "escalated";
    e.from_state = t.state;
    e.to_state = "new";
    e.body = note;
    if (rule) {
      e.rule_id = rule->id;
      e.citation = rule->citation;
    }
    t.tier = 2;
    t.queue_agency_id = d->id;
    t.state = "new";
    t.assignee_id.clear();
    t.assignee_name.clear();
    t.pending_reason.clear();
    t.updated_at = clock::now_iso();
    Repository(c).update(who.scope, t);
    record(c, who, t, e, "servicedesk.ticket_escalate");
    tell_queue(c, who.scope, t, "Permintaan solusi dari Level 1: " + t.title, "Escalated from Level 1: " + t.title,
               who.actor.id);
    return view_in(c, who, id);
  });
  notifications_.wake();
  return view;
}

TicketView Service::give_back(const Caller& who, const std::string& id, const std::string& note) {
  required(note, "note");
  auto view = storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    if (!works(who, r, t)) throw Error(ErrorCode::SdNotQueueStaff);
    if (t.tier != 2 || !open_state(t.state))
      throw Error(ErrorCode::SdInvalidTransition, {{"field", "tier"}, {"state", t.state}});
    Event e;
    e.kind = "returned";
    e.from_state = t.state;
    e.to_state = "new";
    e.body = note;
    t.tier = 1;
    t.queue_agency_id = t.agency_id;
    t.state = "new";
    t.assignee_id.clear();
    t.assignee_name.clear();
    t.pending_reason.clear();
    t.updated_at = clock::now_iso();
    Repository(c).update(who.scope, t);
    record(c, who, t, e, "servicedesk.ticket_return");
    tell_queue(c, who.scope, t, "Dikembalikan oleh Level 2: " + t.title, "Returned by Level 2: " + t.title,
               who.actor.id);
    return view_in(c, who, id);
  });
  notifications_.wake();
  return view;
}

TicketView Service::comment(const Caller& who, const std::string& id, const std::string& body, bool internal) {
  required(body, "body");
  auto view = storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    bool worker = works(who, r, t);
    if (internal && !worker) throw Error(ErrorCode::SdNotQueueStaff, {{"field", "internal"}});
    if (!worker && t.requester_id != who.actor.id) throw Error(ErrorCode::SdNotQueueStaff);
    Event e;
    e.kind = internal ? "note" : "comment";
    e.body = body;
    e.internal = internal;
    t.updated_at = clock::now_iso();
    Repository(c).update(who.scope, t);
    record(c, who, t, e, internal ? "servicedesk.ticket_note" : "servicedesk.ticket_comment");
    if (!internal) {
      if (t.requester_id != who.actor.id)
        tell_user(c, who.scope, t.requester_id, t, "Tanggapan baru", "New reply");
      else if (!t.assignee_id.empty())
        tell_user(c, who.scope, t.assignee_id, t, "Tanggapan pemohon", "Reply from the requester");
    }
    return view_in(c, who, id);
  });
  notifications_.wake();
  return view;
}

TicketView Service::rate(const Caller& who, const std::string& id, int score, const std::string& comment) {
  if (score < 1 || score > 5) invalid("score", "1 to 5");
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    if (t.requester_id != who.actor.id) throw Error(ErrorCode::SdRequesterOnly);
    if (t.state != "resolved" && t.state != "closed")
      throw Error(ErrorCode::SdInvalidTransition, {{"field", "score"}, {"state", t.state}});
    if (t.rating) throw Error(ErrorCode::SdAlreadyRated);
    t.rating = score;
    t.rating_comment = comment;
    t.updated_at = clock::now_iso();
    Repository(c).update(who.scope, t);
    Event e;
    e.kind = "rated";
    e.body = std::to_string(score) + (comment.empty() ? "" : ": " + comment);
    record(c, who, t, e, "servicedesk.ticket_rate");
    return view_in(c, who, id);
  });
}

TicketView Service::share(const Caller& who, const std::string& id, bool shared) {
  return storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    if (!works(who, r, t)) throw Error(ErrorCode::SdNotQueueStaff);
    t.shared = shared;
    t.updated_at = clock::now_iso();
    Repository(c).update(who.scope, t);
    Event e;
    e.kind = shared ? "shared" : "unshared";
    record(c, who, t, e, "servicedesk.ticket_share");
    return view_in(c, who, id);
  });
}

}  // namespace simpul::servicedesk
