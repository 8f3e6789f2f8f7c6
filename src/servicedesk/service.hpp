#pragma once
// The service desk's workflows (docs/service-desk.md): tickets through their states, routing and
// escalation between Pelayanan Level 1 and Level 2 as the region's regulation states it, SLA
// clocks, desks and their staff, holidays and reports. Every change is written with its ledger
// entry and its notifications in one transaction.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "architecture/service.hpp"
#include "core/error.hpp"
#include "identity/service.hpp"
#include "ledger/ledger.hpp"
#include "notification/service.hpp"
#include "regulation/fact_registry.hpp"
#include "servicedesk/catalogue_repository.hpp"
#include "servicedesk/model.hpp"
#include "servicedesk/repository.hpp"
#include "servicedesk/sla.hpp"
#include "servicedesk/sla_targets.hpp"
#include "tenancy/service.hpp"

namespace simpul::servicedesk {

/// Who acts, with the tenant-wide powers the route found in their permissions.
struct Caller {
  Scope scope;
  Actor actor;
  bool manage = false;     // servicedesk.manage: desks, staff, holidays, any ticket
  bool supervise = false;  // servicedesk.supervise: sees every ticket and the reports
};

struct TicketInput {
  std::string type, category_id, element_id, title, description, urgency, impact;
  int tier = 1;           // 2: opened directly at Level 2
  std::string agency_id;  // the requester's PD; only managers may open for another PD
  bool shared = false;
  std::string service_id;  // a service of the Layanan SPBE catalogue (catalogue.hpp), optional
};

/// A ticket as opened, and the article that sent it to Level 1 when it was asked of Level 2.
struct Opened {
  Ticket ticket;
  std::optional<RuleRef> redirected;
};

struct ActionInput {
  std::string action;  // assign | start | pend | resume | resolve | close | reopen
  std::string assignee_id, reason, resolution;
};

/// One ticket as its viewer may see it.
struct TicketView {
  Ticket ticket;
  std::vector<Event> events;  // internal notes only for those who work the ticket
  Sla sla;
  SlaTarget target;  // the targets its clocks run against, and why (sla_targets.hpp)
  bool works = false;
  std::vector<std::string> actions;    // what the viewer may do now
  std::optional<DeskService> service;  // the Layanan SPBE catalogue service it names
};

/// The opening's answer, built from what the opening wrote (no second read): the ticket as its
/// opener sees it (clocks as of the opening instant) and the names of its two PDs.
struct OpenedView {
  TicketView view;
  std::map<std::string, std::string> agency_names;
};

/// A knowledge base article as written or edited.
struct ArticleInput {
  std::string title, body, category_id, visibility = "public";
  std::string ticket_id;  // write it from this resolved ticket (body defaults to its problem and resolution)
};

/// The outcome of one ticket of a bulk action: 200, or the refusal's status and code.
struct BulkResult {
  std::string id;
  int status = 200;
  std::string code;
};

struct StaffingRow {
  std::string agency_id, agency_name;
  bool is_dinas = false, runs_services = false;
  std::vector<Agent> level1, level2;
  std::optional<Desk> desk;
  std::string last_report;
  bool staffed = false;  // the region's requirement for this PD is met
};

struct StatRow {
  std::string agency_id, agency_name;
  int tier = 1;
  std::int64_t opened = 0, resolved = 0, backlog = 0, breached = 0, rated = 0;
  std::int64_t resolve_minutes = 0;  // total working minutes to resolve, of the resolved
  std::int64_t rating_total = 0;
};

class Service {
 public:
  Service(storage::Database& db, const tenancy::Service& tenancy, const identity::Service& identity,
          architecture::Service& elements, const ledger::Ledger& ledger, notification::Service& notifications)
      : db_(db),
        tenancy_(tenancy),
        identity_(identity),
        elements_(elements),
        ledger_(ledger),
        notifications_(notifications) {}

  const tenancy::Profile& profile_of(const Scope& s) const { return tenancy_.profile_of(s); }

  /// `within`, when given, runs in the opening's transaction once the ticket is written (the
  /// monitoring API claims its dedupe key there); what it throws rolls the opening back.
  Opened open(const Caller& who, const TicketInput& in,
              const std::function<void(storage::Connection&, const Ticket&)>& within = {},
              OpenedView* answer = nullptr);
  /// A page of tickets; the total counts at most the cap (10,000) and says when it was reached.
  std::vector<Ticket> list(const Caller& who, TicketFilter f, const ListQuery& q, ListTotal& total) const;
  /// Lowers the list total's cap (tests).
  void cap_list_totals(std::int64_t cap) { total_cap_ = cap; }
  TicketView view(const Caller& who, const std::string& id) const;
  TicketView act(const Caller& who, const std::string& id, const ActionInput& in);
  /// Level 1 asks Level 2 for a solution (Balikpapan Pasal 37 ayat (9)).
  TicketView escalate(const Caller& who, const std::string& id, const std::string& note);
  /// Level 2 gives the ticket back to the PD's Level 1 with a note.
  TicketView give_back(const Caller& who, const std::string& id, const std::string& note);
  TicketView comment(const Caller& who, const std::string& id, const std::string& body, bool internal);
  TicketView rate(const Caller& who, const std::string& id, int score, const std::string& comment);
  TicketView share(const Caller& who, const std::string& id, bool shared);
  /// Staff of the queue change an open ticket's category and/or catalogue service (empty: none);
  /// its SLA targets follow at once (sla_targets.hpp). Routing is not redone.
  TicketView classify(const Caller& who, const std::string& id, const std::optional<std::string>& category_id,
                      const std::optional<std::string>& service_id);

  /// The same step on many tickets, each authorized and written on its own (queue.cpp); at most 100.
  std::vector<BulkResult> bulk(const Caller& who, const std::vector<std::string>& ids, const ActionInput& in);

  // Knowledge base (knowledge.cpp): technicians (desk staff, managers, supervisors) see every
  // article; other staff only the public ones.
  bool technician(const Caller& who) const;
  std::vector<Article> articles(const Caller& who, const std::string& category_id, const ListQuery& q,
                                std::int64_t& total) const;
  Article article(const Caller& who, const std::string& id) const;
  Article add_article(const Caller& who, const ArticleInput& in);
  Article edit_article(const Caller& who, const std::string& id, const ArticleInput& in);

  // Attachments (attachments.cpp): the requester and the queue's staff attach; whoever sees the
  // ticket downloads.
  std::vector<Attachment> attachments(const Caller& who, const std::string& ticket_id) const;
  Attachment attach(const Caller& who, const std::string& ticket_id, const std::string& filename,
                    const std::string& content);
  std::pair<Attachment, std::string> download(const Caller& who, const std::string& id) const;

  /// Inbound e-mail (inbound.cpp): each message in `maildir`/new is read once. From a known, active
  /// user it opens a ticket, or comments on the ticket whose number its subject carries as
  /// "[#TK-...]"; it is moved to `cur`. Unknown senders, malformed or oversized messages and
  /// refused steps are logged (never their content) and moved to `refused`, and the rest go on.
  struct MailOutcome {
    int opened = 0, commented = 0, refused = 0;
  };
  MailOutcome receive_mail(const Scope& s, const std::filesystem::path& maildir);
  /// The daily digest (digest.cpp): every desk staff member with open tickets in their queue gets
  /// one message (inbox and e-mail) listing them, the breached ones marked; once per local date.
  /// Returns how many were told (0 when today's digest was already sent).
  int send_digest(const Scope& s);
  /// SLA warnings and escalation (sla_watch.cpp): an open ticket whose clock has used the profile's
  /// `sla_warning_percent` of its target warns the queue holding it; a breached clock tells the
  /// queue and escalates to the desk's managers (servicedesk.manage). Each once per clock (the own
  /// clock again after a change of tier), recorded as `sla_warning` / `sla_breach` events with their
  /// ledger entries. Returns how many events were recorded.
  int watch_sla(const Scope& s);

  std::vector<Agent> agents(const Scope& s) const;
  Agent add_agent(const Caller& who, const std::string& user_id, int tier);
  void remove_agent(const Caller& who, const std::string& id);
  Desk set_desk(const Caller& who, const Desk& d);
  std::vector<StaffingRow> staffing(const Scope& s) const;

  std::vector<Category> categories(const Scope& s) const;
  Category add_category(const Caller& who, const std::string& name, const std::string& parent_id);
  /// Every category's SLA targets per priority (target_repository.hpp).
  std::vector<CategoryTarget> category_targets(const Scope& s) const;
  /// The Dinas (servicedesk.manage) sets a category's targets, replacing its previous ones (none:
  /// the category sets none, its tickets take its parent's or the priority's); one ledger entry.
  std::vector<CategoryTarget> set_category_targets(const Caller& who, const std::string& category_id,
                                                   std::vector<CategoryTarget> targets);
  /// The tenant's SLA targets, to apply to many tickets (sla_targets.hpp).
  SlaTargets targets(storage::Connection& c, const Scope& s) const;
  std::vector<Holiday> holidays(const Scope& s) const;
  Holiday add_holiday(const Caller& who, const Holiday& h);
  void remove_holiday(const Caller& who, const std::string& date);

  /// The desk's periodic report to the Dinas (Lampung Timur Pasal 32 ayat (6)): the PD's ticket
  /// counts over the period, recorded as submitted today.
  Report submit_report(const Caller& who, const std::string& agency_id, const std::string& from, const std::string& to);
  std::vector<Report> reports(const Scope& s) const;
  /// Tickets opened in [from, to] (local dates) per PD and tier: counts, breaches, time to resolve, ratings.
  std::vector<StatRow> statistics(const Scope& s, const std::string& from, const std::string& to) const;

  /// Subject "service_desk": one object per PD with its desk's staffing, SOP and reports.
  regulation::FactProvider facts() const;

  Calendar calendar(storage::Connection& c, const Scope& s) const;

  // Stored SLA clocks (sla_store.cpp).
  /// Moves the ticket's stored clock by `e` (just written), in the event's transaction.
  void store_clock(storage::Connection& c, const Scope& s, const std::string& ticket_id, const Event& e) const;
  /// Recomputes the stored clocks of `ids` from their events (after a holiday changes their minutes).
  void refresh_clocks(storage::Connection& c, const Scope& s, const std::vector<std::string>& ids) const;
  /// Recomputes the stored clocks of the tickets whose minutes the holiday on `date` (local) changes.
  void refresh_clocks_around(storage::Connection& c, const Scope& s, const std::string& date) const;
  /// Stores the clock of up to `limit` tickets opened before the clocks were stored; how many.
  int store_missing_clocks(const Scope& s, int limit);
  /// The clocks of `r` at `now`: its stored clock, or its events when none is stored yet.
  Sla sla_of(storage::Connection& c, const Scope& s, const ClockRow& r, const Priority& p, const Calendar& cal,
             clock::TimePoint now) const;
  /// Display names of the tenant's agencies.
  std::map<std::string, std::string> agency_names(storage::Connection& c, const Scope& s) const;
  std::map<std::string, std::string> agency_names(const Scope& s) const;
  /// The names of the two PDs a ticket's answer shows (requester's and queue's): two indexed
  /// lookups instead of every agency of the tenant (opening a ticket answers with it).
  std::map<std::string, std::string> ticket_agency_names(const Scope& s, const Ticket& t) const;

 public:
  /// Tells the queue holding `t` (its tier's staff, and its assignee) about a repeated monitoring
  /// alert, inside the caller's transaction (monitoring.cpp rate-limits it); the caller wakes the
  /// sender with `wake_notifications` after commit.
  void tell_queue_of_alert(storage::Connection& c, const Scope& s, const Ticket& t, const std::string& title,
                           const std::string& title_en) const;
  void wake_notifications() { notifications_.wake(); }

 private:
  std::int64_t total_cap_ = 10000;
  struct Roles {
    std::set<std::string> level1;  // PDs whose Level 1 (or untiered desk) the user staffs
    bool level2 = false;
  };
  Roles roles_of(storage::Connection& c, const Scope& s, const std::string& user_id) const;
  bool sees(const Caller& who, const Roles& r, const Ticket& t) const;
  bool works(const Caller& who, const Roles& r, const Ticket& t) const;
  /// The refusal of someone who may not work `t`, citing the article that gives the ticket's tier
  /// its duty where the region has one (Balikpapan Pasal 37 ayat (8) / (10)).
  Error not_queue_staff(const Scope& s, const Ticket& t, boost::json::object details = {}) const;
  /// The ticket, refused as not found when the caller may not see it.
  Ticket visible(storage::Connection& c, const Caller& who, const Roles& r, const std::string& id) const;
  std::optional<tenancy::Agency> dinas(storage::Connection& c, const Scope& s) const;
  TicketView view_in(storage::Connection& c, const Caller& who, const std::string& id) const;
  /// What the viewer may do with `v.ticket` now (v.works set).
  void fill_actions(const Caller& who, TicketView& v) const;
  /// Writes `e` (its seq found unless set), moves the stored clock, appends the ledger entry;
  /// returns the event as written.
  Event record(storage::Connection& c, const Caller& who, const Ticket& t, Event e, const char* action) const;
  /// The shared step of escalate and give_back: an open ticket of `from_tier` that the caller works
  /// moves to the other tier, into the queue `queue_of` names, new and unassigned, with event `e`,
  /// and that queue is told (`told` + the ticket's title).
  TicketView move_between_tiers(const Caller& who, const std::string& id, int from_tier, Event e, const char* action,
                                const std::function<std::string(storage::Connection&, const Ticket&)>& queue_of,
                                const std::string& told, const std::string& told_en);
  /// Inbox and e-mail for every agent of the queue holding `t` (and the requester when `requester`).
  void tell_queue(storage::Connection& c, const Scope& s, const Ticket& t, const std::string& title,
                  const std::string& title_en, const std::string& except_user) const;
  void tell_user(storage::Connection& c, const Scope& s, const std::string& user_id, const Ticket& t,
                 const std::string& title, const std::string& title_en) const;

  storage::Database& db_;
  const tenancy::Service& tenancy_;
  const identity::Service& identity_;
  architecture::Service& elements_;
  const ledger::Ledger& ledger_;
  notification::Service& notifications_;
};

}  // namespace simpul::servicedesk
