// A ticket's steps after it is opened (docs/service-desk.md, "Tickets"): state actions, escalation
// to Level 2 and return to Level 1, replies and notes, rating and sharing. Each step is one
// transaction with its event and ledger entry (Service::record).
#include "servicedesk/internal.hpp"
#include "servicedesk/service.hpp"

#include <functional>
#include <set>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "servicedesk/profile_section.hpp"
#include "storage/unit_of_work.hpp"

namespace simpul::servicedesk {

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
    if (!worker && !(by_requester && requester)) throw not_queue_staff(who.scope, t);
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

TicketView Service::move_between_tiers(const Caller& who, const std::string& id, int from_tier, Event e,
                                       const char* action,
                                       const std::function<std::string(storage::Connection&, const Ticket&)>& queue_of,
                                       const std::string& told, const std::string& told_en) {
  auto view = storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    if (!works(who, r, t)) throw not_queue_staff(who.scope, t);
    if (t.tier != from_tier || !open_state(t.state))
      throw Error(ErrorCode::SdInvalidTransition, {{"field", "tier"}, {"state", t.state}});
    t.queue_agency_id = queue_of(c, t);
    e.from_state = t.state;
    e.to_state = "new";
    t.tier = from_tier == 1 ? 2 : 1;
    t.state = "new";
    t.assignee_id.clear();
    t.assignee_name.clear();
    t.pending_reason.clear();
    t.updated_at = clock::now_iso();
    Repository(c).update(who.scope, t);
    record(c, who, t, e, action);
    tell_queue(c, who.scope, t, told + t.title, told_en + t.title, who.actor.id);
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
  Event e;
  e.kind = "escalated";
  e.body = note;
  if (auto rule = tenancy::rule_ref(p, rules.escalation_rule)) {
    e.rule_id = rule->id;
    e.citation = rule->citation;
  }
  return move_between_tiers(
      who, id, 1, e, "servicedesk.ticket_escalate",
      [&](storage::Connection& c, const Ticket&) {
        auto d = dinas(c, who.scope);
        if (!d) throw Error(ErrorCode::SdNoDinas, {{"field", "tier"}});
        return d->id;
      },
      "Permintaan solusi dari Level 1: ", "Escalated from Level 1: ");
}

TicketView Service::give_back(const Caller& who, const std::string& id, const std::string& note) {
  required(note, "note");
  Event e;
  e.kind = "returned";
  e.body = note;
  return move_between_tiers(
      who, id, 2, e, "servicedesk.ticket_return", [](storage::Connection&, const Ticket& t) { return t.agency_id; },
      "Dikembalikan oleh Level 2: ", "Returned by Level 2: ");
}

TicketView Service::comment(const Caller& who, const std::string& id, const std::string& body, bool internal) {
  required(body, "body");
  auto view = storage::write_transaction(db_, [&](storage::Connection& c) {
    auto r = roles_of(c, who.scope, who.actor.id);
    Ticket t = visible(c, who, r, id);
    bool worker = works(who, r, t);
    if (internal && !worker) throw not_queue_staff(who.scope, t, {{"field", "internal"}});
    if (!worker && t.requester_id != who.actor.id) throw not_queue_staff(who.scope, t);
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
    if (!works(who, r, t)) throw not_queue_staff(who.scope, t);
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
