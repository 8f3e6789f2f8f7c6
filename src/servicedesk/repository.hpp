#pragma once
// SQL of the service desk; every query is confined to the tenant.
#include <map>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/context.hpp"
#include "core/list_query.hpp"
#include "servicedesk/model.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace simpul::servicedesk {

/// A ticket list's total: counted up to a cap (issue 17); `capped` when more tickets match, then
/// `count` is the cap itself.
struct ListTotal {
  std::int64_t count = 0;
  bool capped = false;
};

/// Which tickets a list shows, and whom it may show them to.
struct TicketFilter {
  std::string state;      // a state, "open" (not resolved or closed), or empty
  std::string agency_id;  // the requester's PD
  std::optional<int> tier;
  std::string queue_agency_id;
  std::string requester_id;  // "Tiket saya"
  std::string type;
  std::string priority;
  std::string assignee_id;  // "assigned to me"
  bool breached = false;    // only tickets whose SLA is breached; the service computes it, not the SQL
  // Visibility: everything (Level 2, supervisors), or what this user may see.
  bool everything = false;
  std::string viewer_id;
};

/// What the SLA of a ticket and the statistics need of it, with its stored clock (none for a ticket
/// opened before the clocks were stored).
struct ClockRow {
  std::string id, agency_id, priority, state;
  int tier = 1;
  std::optional<int> rating;
  std::optional<SlaState> clock;
  std::string category_id, service_id;  // what chooses its targets besides the priority (sla_targets.hpp)
  std::optional<SlaTold> told;          // what the SLA watch has told of it; none: unknown (read its events)
};

class Repository {
 public:
  explicit Repository(storage::Connection& c) : c_(c) {}
  static std::vector<storage::Migration> migrations();

  std::string next_number(const Scope& s, const std::string& year);
  void insert(const Scope& s, const Ticket& t);
  void update(const Scope& s, const Ticket& t);
  std::optional<Ticket> ticket(const Scope& s, const std::string& id) const;
  std::optional<Ticket> ticket_by_number(const Scope& s, const std::string& number) const;
  /// Records the daily digest of `date` (local); false when it was already sent.
  bool claim_digest(const Scope& s, const std::string& date);
  /// One page; `total` counts at most `cap` matching tickets (capped beyond).
  std::vector<Ticket> tickets(const Scope& s, const TicketFilter& f, const ListQuery& q, std::int64_t cap,
                              ListTotal& total) const;
  /// Every ticket of the tenant (reports, facts).
  std::vector<Ticket> all_tickets(const Scope& s) const;

  void insert(const Scope& s, Event& e);  // sets seq (the next one) unless the caller set it (> 0)
  std::vector<Event> events(const Scope& s, const std::string& ticket_id) const;

  std::vector<Agent> agents(const Scope& s) const;
  std::optional<Agent> agent(const Scope& s, const std::string& id) const;
  std::vector<Agent> agent_roles(const Scope& s, const std::string& user_id) const;
  void insert(const Scope& s, const Agent& a);
  void delete_agent(const Scope& s, const std::string& id);

  std::vector<Desk> desks(const Scope& s) const;
  void save(const Scope& s, const Desk& d);

  std::vector<Category> categories(const Scope& s) const;
  void insert(const Scope& s, const Category& c);

  std::vector<Holiday> holidays(const Scope& s) const;
  void save(const Scope& s, const Holiday& h);
  bool delete_holiday(const Scope& s, const std::string& date);

  /// Ids of every ticket matching `f` (no paging), oldest first: the breached filter computes
  /// the SLA of each of them.
  std::vector<Ticket> matching(const Scope& s, const TicketFilter& f, const std::string& q) const;
  /// The same tickets as `matching`, oldest first, with only their stored clocks; their catalogue
  /// service only when `with_service` (SlaTargets::uses_services). `fn` is called with each (one
  /// ClockRow reused: copy what must outlive the call), so 200,000 open tickets are never all in
  /// memory at once (the breached filter).
  void each_clock_row(const Scope& s, const TicketFilter& f, const std::string& q, bool with_service,
                      const std::function<void(const ClockRow&)>& fn) const;
  /// The rows of each_clock_row, kept (the SLA watch and the digest write while going through them).
  std::vector<ClockRow> clock_rows(const Scope& s, const TicketFilter& f, const std::string& q,
                                   bool with_service) const;
  /// Tickets opened in [from, until) (UTC instants), with their stored clocks, one at a time (the
  /// statistics).
  void each_opened_between(const Scope& s, const std::string& from, const std::string& until, bool with_service,
                           const std::function<void(const ClockRow&)>& fn) const;

  // Knowledge base (repository_knowledge.cpp).
  std::vector<Article> articles(const Scope& s, const std::string& category_id, bool technician, const ListQuery& q,
                                std::int64_t& total) const;
  std::optional<Article> article(const Scope& s, const std::string& id) const;
  void insert(const Scope& s, const Article& a);
  void update(const Scope& s, const Article& a);

  // Attachments (repository_knowledge.cpp).
  std::vector<Attachment> attachments(const Scope& s, const std::string& ticket_id) const;
  std::optional<Attachment> attachment(const Scope& s, const std::string& id) const;
  void insert(const Scope& s, const Attachment& a);

  void insert(const Scope& s, const Report& r);
  std::vector<Report> reports(const Scope& s) const;

 private:
  storage::Connection& c_;
};

}  // namespace simpul::servicedesk
