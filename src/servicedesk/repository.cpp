#include "servicedesk/repository.hpp"

#include <algorithm>

#include "storage/list_sql.hpp"

namespace simpul::servicedesk {
namespace {

constexpr const char* kTicketColumns =
    "t.id, t.number, t.agency_id, t.requester_id, t.requester_name, t.type, t.category_id, t.element_id, t.element_label, "
    "t.title, t.description, t.urgency, t.impact, t.priority, t.tier, t.queue_agency_id, t.state, t.pending_reason, "
    "t.assignee_id, t.assignee_name, t.shared, t.resolution, t.rating, t.rating_comment, t.created_at, t.updated_at, "
    "t.resolved_at, t.closed_at";

Ticket ticket_from(const storage::Row& r) {
  Ticket t;
  std::size_t i = 0;
  t.id = r.text_at(i++);
  t.number = r.text_at(i++);
  t.agency_id = r.text_at(i++);
  t.requester_id = r.text_at(i++);
  t.requester_name = r.text_at(i++);
  t.type = r.text_at(i++);
  t.category_id = r.text_at(i++);
  t.element_id = r.text_at(i++);
  t.element_label = r.text_at(i++);
  t.title = r.text_at(i++);
  t.description = r.text_at(i++);
  t.urgency = r.text_at(i++);
  t.impact = r.text_at(i++);
  t.priority = r.text_at(i++);
  t.tier = static_cast<int>(r.int_at(i++));
  t.queue_agency_id = r.text_at(i++);
  t.state = r.text_at(i++);
  t.pending_reason = r.text_at(i++);
  t.assignee_id = r.text_at(i++);
  t.assignee_name = r.text_at(i++);
  t.shared = r.bool_at(i++);
  t.resolution = r.text_at(i++);
  if (!r[i].is_null()) t.rating = static_cast<int>(r.int_at(i));
  ++i;
  t.rating_comment = r.text_at(i++);
  t.created_at = r.text_at(i++);
  t.updated_at = r.text_at(i++);
  t.resolved_at = r.optional_text_at(i++);
  t.closed_at = r.optional_text_at(i++);
  return t;
}

constexpr const char* kEventColumns =
    "id, ticket_id, seq, at, kind, from_state, to_state, tier, body, rule_id, citation, internal, actor_id, actor_name";

Event event_from(const storage::Row& r) {
  Event e;
  e.id = r.text_at(0);
  e.ticket_id = r.text_at(1);
  e.seq = r.int_at(2);
  e.at = r.text_at(3);
  e.kind = r.text_at(4);
  e.from_state = r.text_at(5);
  e.to_state = r.text_at(6);
  e.tier = static_cast<int>(r.int_at(7));
  e.body = r.text_at(8);
  e.rule_id = r.text_at(9);
  e.citation = r.text_at(10);
  e.internal = r.bool_at(11);
  e.actor_id = r.text_at(12);
  e.actor_name = r.text_at(13);
  return e;
}

Agent agent_from(const storage::Row& r) {
  Agent a;
  a.id = r.text_at(0);
  a.user_id = r.text_at(1);
  a.user_name = r.text_at(2);
  a.agency_id = r.text_at(3);
  a.tier = static_cast<int>(r.int_at(4));
  a.created_at = r.text_at(5);
  return a;
}

}  // namespace

std::vector<storage::Migration> Repository::migrations() {
  return {
      {1100, "servicedesk: tickets, events, agents, desks, categories, holidays, reports",
       "CREATE TABLE sd_tickets (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), number TEXT NOT NULL, "
       "agency_id TEXT NOT NULL, requester_id TEXT NOT NULL, requester_name TEXT NOT NULL, type TEXT NOT NULL, "
       "category_id TEXT NOT NULL, element_id TEXT NOT NULL, element_label TEXT NOT NULL, title TEXT NOT NULL, "
       "description TEXT NOT NULL, urgency TEXT NOT NULL, impact TEXT NOT NULL, priority TEXT NOT NULL, tier INTEGER NOT NULL, "
       "queue_agency_id TEXT NOT NULL, state TEXT NOT NULL, pending_reason TEXT NOT NULL, assignee_id TEXT NOT NULL, "
       "assignee_name TEXT NOT NULL, shared INTEGER NOT NULL, resolution TEXT NOT NULL, rating INTEGER, "
       "rating_comment TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, resolved_at TEXT, closed_at TEXT);"
       "CREATE UNIQUE INDEX sd_tickets_number ON sd_tickets (tenant_id, number);"
       "CREATE INDEX sd_tickets_queue ON sd_tickets (tenant_id, tier, queue_agency_id, state);"
       "CREATE INDEX sd_tickets_agency ON sd_tickets (tenant_id, agency_id, created_at);"
       "CREATE TABLE sd_events (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "ticket_id TEXT NOT NULL REFERENCES sd_tickets(id) ON DELETE CASCADE, seq INTEGER NOT NULL, at TEXT NOT NULL, "
       "kind TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL, tier INTEGER NOT NULL, body TEXT NOT NULL, "
       "rule_id TEXT NOT NULL, citation TEXT NOT NULL, internal INTEGER NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT NOT NULL);"
       "CREATE UNIQUE INDEX sd_events_seq ON sd_events (ticket_id, seq);"
       "CREATE INDEX sd_events_by_tenant ON sd_events (tenant_id, ticket_id);"
       "CREATE TABLE sd_agents (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), user_id TEXT NOT NULL, "
       "user_name TEXT NOT NULL, agency_id TEXT NOT NULL, tier INTEGER NOT NULL, created_at TEXT NOT NULL);"
       "CREATE UNIQUE INDEX sd_agents_unique ON sd_agents (tenant_id, user_id, tier);"
       "CREATE TABLE sd_desks (tenant_id TEXT NOT NULL REFERENCES tenants(id), agency_id TEXT NOT NULL, unit_name TEXT NOT NULL, "
       "sop_reference TEXT NOT NULL, since TEXT NOT NULL, PRIMARY KEY (tenant_id, agency_id));"
       "CREATE TABLE sd_categories (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), parent_id TEXT NOT NULL, "
       "name TEXT NOT NULL);"
       "CREATE TABLE sd_holidays (tenant_id TEXT NOT NULL REFERENCES tenants(id), date TEXT NOT NULL, name TEXT NOT NULL, "
       "PRIMARY KEY (tenant_id, date));"
       "CREATE TABLE sd_reports (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), agency_id TEXT NOT NULL, "
       "period_start TEXT NOT NULL, period_end TEXT NOT NULL, submitted_on TEXT NOT NULL, submitted_by_name TEXT NOT NULL, "
       "opened INTEGER NOT NULL, resolved INTEGER NOT NULL, open_now INTEGER NOT NULL);"
       "CREATE TABLE sd_counters (tenant_id TEXT NOT NULL REFERENCES tenants(id), year TEXT NOT NULL, next INTEGER NOT NULL, "
       "PRIMARY KEY (tenant_id, year));"},
      {1101, "servicedesk: knowledge base articles",
       "CREATE TABLE sd_articles (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), title TEXT NOT NULL, "
       "body TEXT NOT NULL, category_id TEXT NOT NULL, visibility TEXT NOT NULL, ticket_id TEXT NOT NULL, ticket_number TEXT NOT NULL, "
       "author_id TEXT NOT NULL, author_name TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
       "CREATE INDEX sd_articles_by_tenant ON sd_articles (tenant_id, updated_at);"},
      {1102, "servicedesk: ticket attachments (content in repository_blobs)",
       "CREATE TABLE sd_attachments (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "ticket_id TEXT NOT NULL REFERENCES sd_tickets(id) ON DELETE CASCADE, filename TEXT NOT NULL, content_type TEXT NOT NULL, "
       "size INTEGER NOT NULL, sha256 TEXT NOT NULL, uploaded_by_id TEXT NOT NULL, uploaded_by_name TEXT NOT NULL, uploaded_at TEXT NOT NULL);"
       "CREATE INDEX sd_attachments_ticket ON sd_attachments (tenant_id, ticket_id);"},
      {1103, "servicedesk: queue filters by priority and assignee",
       "CREATE INDEX sd_tickets_assignee ON sd_tickets (tenant_id, assignee_id, state);"},
      {1104, "servicedesk: daily digests sent",
       "CREATE TABLE sd_digests (tenant_id TEXT NOT NULL REFERENCES tenants(id), date TEXT NOT NULL, PRIMARY KEY (tenant_id, date));"},
      // Every index is written on each ticket opened. sd_tickets_queue_opened (migration 1110)
      // starts with sd_tickets_queue's first three columns and holds the state too, so it serves
      // the same filters (and the order); no query reads a tenant's events without naming the
      // ticket (sd_events_seq serves those).
      {1120, "servicedesk: indexes no query needs dropped (fewer writes per ticket)",
       "DROP INDEX sd_tickets_queue;"
       "DROP INDEX sd_events_by_tenant;"}};
}

std::string Repository::next_number(const Scope& s, const std::string& year) {
  // Increment and read in one statement: the UPDATE takes the counter row's lock, so concurrent
  // PostgreSQL openings queue here and each gets the value its own increment left (reading first
  // lost updates and gave two tickets one number).
  const storage::Params key{s.tenant_id, year};
  const char* bump = "UPDATE sd_counters SET next = next + 1 WHERE tenant_id = ? AND year = ? RETURNING next";
  auto rows = c_.query(bump, key);
  std::int64_t next = 2;  // the year's first ticket: the row is created with the next one's number
  if (rows.empty() &&
      c_.execute("INSERT INTO sd_counters (tenant_id, year, next) VALUES (?, ?, 2) ON CONFLICT DO NOTHING", key) == 0)
    rows = c_.query(bump, key);  // another opening created the year's row meanwhile
  if (!rows.empty()) next = rows[0].int_at(0);
  char buf[32];
  std::snprintf(buf, sizeof buf, "TK-%s-%05lld", year.c_str(), static_cast<long long>(next - 1));
  return buf;
}

void Repository::insert(const Scope& s, const Ticket& t) {
  c_.execute(
      "INSERT INTO sd_tickets (id, tenant_id, number, agency_id, requester_id, requester_name, type, category_id, element_id, "
      "element_label, title, description, urgency, impact, priority, tier, queue_agency_id, state, pending_reason, assignee_id, "
      "assignee_name, shared, resolution, rating, rating_comment, created_at, updated_at, resolved_at, closed_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id,
       s.tenant_id,
       t.number,
       t.agency_id,
       t.requester_id,
       t.requester_name,
       t.type,
       t.category_id,
       t.element_id,
       t.element_label,
       t.title,
       t.description,
       t.urgency,
       t.impact,
       t.priority,
       t.tier,
       t.queue_agency_id,
       t.state,
       t.pending_reason,
       t.assignee_id,
       t.assignee_name,
       t.shared,
       t.resolution,
       t.rating,
       t.rating_comment,
       t.created_at,
       t.updated_at,
       t.resolved_at,
       t.closed_at});
}

void Repository::update(const Scope& s, const Ticket& t) {
  c_.execute(
      "UPDATE sd_tickets SET type = ?, category_id = ?, element_id = ?, element_label = ?, urgency = ?, impact = ?, priority = ?, "
      "tier = ?, queue_agency_id = ?, state = ?, pending_reason = ?, assignee_id = ?, assignee_name = ?, shared = ?, "
      "resolution = ?, rating = ?, rating_comment = ?, updated_at = ?, resolved_at = ?, closed_at = ? WHERE tenant_id = ? AND id = ?",
      {t.type,       t.category_id,     t.element_id,     t.element_label,  t.urgency,     t.impact,        t.priority,
       t.tier,       t.queue_agency_id, t.state,          t.pending_reason, t.assignee_id, t.assignee_name, t.shared,
       t.resolution, t.rating,          t.rating_comment, t.updated_at,     t.resolved_at, t.closed_at,     s.tenant_id,
       t.id});
}

std::optional<Ticket> Repository::ticket(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kTicketColumns + " FROM sd_tickets t WHERE t.tenant_id = ? AND t.id = ?",
               {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return ticket_from(rows[0]);
}

std::optional<Ticket> Repository::ticket_by_number(const Scope& s, const std::string& number) const {
  auto rows =
      c_.query(std::string("SELECT ") + kTicketColumns + " FROM sd_tickets t WHERE t.tenant_id = ? AND t.number = ?",
               {s.tenant_id, number});
  if (rows.empty()) return std::nullopt;
  return ticket_from(rows[0]);
}

namespace {

/// The WHERE of a ticket list: the filters and what the viewer may see.
storage::ListSql ticket_list(const Scope& s, const TicketFilter& f, const std::string& q) {
  storage::ListSql list("FROM sd_tickets t");
  list.where("t.tenant_id = ?", {s.tenant_id})
      .equals_if_set("t.agency_id", f.agency_id)
      .equals_if_set("t.queue_agency_id", f.queue_agency_id)
      .equals_if_set("t.requester_id", f.requester_id)
      .equals_if_set("t.type", f.type)
      .equals_if_set("t.priority", f.priority)
      .equals_if_set("t.assignee_id", f.assignee_id);
  if (f.state == "open")
    list.where("t.state NOT IN ('resolved', 'closed')");
  else
    list.equals_if_set("t.state", f.state);
  if (f.tier) list.where("t.tier = ?", {*f.tier});
  if (!f.everything)
    list.where(
        "(t.requester_id = ? OR t.shared = 1 OR t.agency_id IN "
        "(SELECT a.agency_id FROM sd_agents a WHERE a.tenant_id = t.tenant_id AND a.user_id = ? AND a.tier = 1))",
        {f.viewer_id, f.viewer_id});
  list.contains(q, {"t.number", "t.title", "t.requester_name"});
  return list;
}

}  // namespace

std::vector<Ticket> Repository::tickets(const Scope& s, const TicketFilter& f, const ListQuery& q, std::int64_t cap,
                                        ListTotal& total) const {
  auto list = ticket_list(s, f, q.q);
  list.order_by(q.sort, q.descending,
                {{"created_at", "t.created_at"},
                 {"updated_at", "t.updated_at"},
                 {"number", "t.number"},
                 {"priority", "t.priority"}},
                "t.id");
  auto counted = list.count_up_to(c_, cap + 1);
  total = {std::min(counted, cap), counted > cap};
  std::vector<Ticket> out;
  for (const auto& r :
       list.page(c_, std::string("SELECT ") + kTicketColumns + " FROM sd_tickets t", q.per_page, q.offset()))
    out.push_back(ticket_from(r));
  return out;
}

std::vector<Ticket> Repository::matching(const Scope& s, const TicketFilter& f, const std::string& q) const {
  auto list = ticket_list(s, f, q);
  list.order_by("t.created_at, t.id");
  std::vector<Ticket> out;
  for (const auto& r : list.page(c_, std::string("SELECT ") + kTicketColumns + " FROM sd_tickets t", 1000000, 0))
    out.push_back(ticket_from(r));
  return out;
}

namespace {

/// The clock columns, with the ticket's catalogue service when `with_service` (else '').
std::string clock_columns(bool with_service) {
  return std::string(
             "SELECT t.id, t.agency_id, t.priority, t.state, t.tier, t.rating, t.sla_state, t.sla_since, "
             "t.sla_own_used, t.sla_resolve_used, t.category_id, ") +
         (with_service ? "(SELECT ts.service_id FROM sd_ticket_services ts WHERE ts.tenant_id = t.tenant_id AND "
                         "ts.ticket_id = t.id)"
                       : "''") +
         ", t.sla_own_told, t.sla_resolve_told FROM sd_tickets t";
}

/// A row of clock_columns into `x`, reusing its strings (each_clock_row passes one ClockRow on).
void read_clock_row(const storage::Row& r, ClockRow& x) {
  x.id = r.text_at(0);
  x.agency_id = r.text_at(1);
  x.priority = r.text_at(2);
  x.state = r.text_at(3);
  x.tier = static_cast<int>(r.int_at(4));
  x.rating = r[5].is_null() ? std::nullopt : std::optional<int>(static_cast<int>(r.int_at(5)));
  bool told = !r[12].is_null() && !r[13].is_null();
  x.told = told ? std::optional<SlaTold>(SlaTold{static_cast<int>(r.int_at(12)), static_cast<int>(r.int_at(13))})
                : std::nullopt;
  if (r[6].is_null()) {
    x.clock.reset();
  } else {
    if (!x.clock) x.clock.emplace();
    x.clock->state = r.text_at(6);
    x.clock->since = r.text_at(7);
    x.clock->own_used = r.int_at(8);
    x.clock->resolve_used = r.int_at(9);
    x.clock->told = x.told;
  }
  x.category_id = r.text_at(10);
  x.service_id = r.text_at(11);
}

}  // namespace

void Repository::each_clock_row(const Scope& s, const TicketFilter& f, const std::string& q, bool with_service,
                                const std::function<void(const ClockRow&)>& fn) const {
  auto list = ticket_list(s, f, q);
  list.order_by("t.created_at, t.id");
  ClockRow x;
  list.each(c_, clock_columns(with_service), [&](const storage::Row& r) {
    read_clock_row(r, x);
    fn(x);
  });
}

std::vector<ClockRow> Repository::clock_rows(const Scope& s, const TicketFilter& f, const std::string& q,
                                             bool with_service) const {
  std::vector<ClockRow> out;
  each_clock_row(s, f, q, with_service, [&](const ClockRow& x) { out.push_back(x); });
  return out;
}

void Repository::each_opened_between(const Scope& s, const std::string& from, const std::string& until,
                                     bool with_service, const std::function<void(const ClockRow&)>& fn) const {
  ClockRow x;
  c_.each(clock_columns(with_service) + " WHERE t.tenant_id = ? AND t.created_at >= ? AND t.created_at < ?",
          {s.tenant_id, from, until}, [&](const storage::Row& r) {
            read_clock_row(r, x);
            fn(x);
          });
}

std::vector<Ticket> Repository::all_tickets(const Scope& s) const {
  std::vector<Ticket> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kTicketColumns +
                                    " FROM sd_tickets t WHERE t.tenant_id = ? ORDER BY t.created_at, t.id",
                                {s.tenant_id}))
    out.push_back(ticket_from(r));
  return out;
}

void Repository::insert(const Scope& s, Event& e) {
  if (e.seq <= 0) {
    auto rows = c_.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM sd_events WHERE tenant_id = ? AND ticket_id = ?",
                         {s.tenant_id, e.ticket_id});
    e.seq = rows.empty() ? 1 : rows[0].int_at(0);
  }
  c_.execute(std::string("INSERT INTO sd_events (tenant_id, ") + kEventColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {s.tenant_id, e.id, e.ticket_id, e.seq, e.at, e.kind, e.from_state, e.to_state, e.tier, e.body, e.rule_id,
              e.citation, e.internal, e.actor_id, e.actor_name});
}

std::vector<Event> Repository::events(const Scope& s, const std::string& ticket_id) const {
  std::vector<Event> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kEventColumns +
                                    " FROM sd_events WHERE tenant_id = ? AND ticket_id = ? ORDER BY seq",
                                {s.tenant_id, ticket_id}))
    out.push_back(event_from(r));
  return out;
}

std::vector<Agent> Repository::agents(const Scope& s) const {
  std::vector<Agent> out;
  for (const auto& r :
       c_.query("SELECT id, user_id, user_name, agency_id, tier, created_at FROM sd_agents WHERE tenant_id = ? "
                "ORDER BY tier, agency_id, user_name",
                {s.tenant_id}))
    out.push_back(agent_from(r));
  return out;
}

std::optional<Agent> Repository::agent(const Scope& s, const std::string& id) const {
  auto rows = c_.query(
      "SELECT id, user_id, user_name, agency_id, tier, created_at FROM sd_agents WHERE tenant_id = ? AND id = ?",
      {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return agent_from(rows[0]);
}

std::vector<Agent> Repository::agent_roles(const Scope& s, const std::string& user_id) const {
  std::vector<Agent> out;
  for (
      const auto& r : c_.query(
          "SELECT id, user_id, user_name, agency_id, tier, created_at FROM sd_agents WHERE tenant_id = ? AND user_id = ?",
          {s.tenant_id, user_id}))
    out.push_back(agent_from(r));
  return out;
}

void Repository::insert(const Scope& s, const Agent& a) {
  c_.execute(
      "INSERT INTO sd_agents (id, tenant_id, user_id, user_name, agency_id, tier, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {a.id, s.tenant_id, a.user_id, a.user_name, a.agency_id, a.tier, a.created_at});
}

void Repository::delete_agent(const Scope& s, const std::string& id) {
  c_.execute("DELETE FROM sd_agents WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
}

std::vector<Desk> Repository::desks(const Scope& s) const {
  std::vector<Desk> out;
  for (const auto& r :
       c_.query("SELECT agency_id, unit_name, sop_reference, since FROM sd_desks WHERE tenant_id = ?", {s.tenant_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3)});
  return out;
}

void Repository::save(const Scope& s, const Desk& d) {
  c_.execute("DELETE FROM sd_desks WHERE tenant_id = ? AND agency_id = ?", {s.tenant_id, d.agency_id});
  c_.execute("INSERT INTO sd_desks (tenant_id, agency_id, unit_name, sop_reference, since) VALUES (?, ?, ?, ?, ?)",
             {s.tenant_id, d.agency_id, d.unit_name, d.sop_reference, d.since});
}

std::vector<Category> Repository::categories(const Scope& s) const {
  std::vector<Category> out;
  for (const auto& r :
       c_.query("SELECT id, parent_id, name FROM sd_categories WHERE tenant_id = ? ORDER BY name", {s.tenant_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2)});
  return out;
}

void Repository::insert(const Scope& s, const Category& c) {
  c_.execute("INSERT INTO sd_categories (id, tenant_id, parent_id, name) VALUES (?, ?, ?, ?)",
             {c.id, s.tenant_id, c.parent_id, c.name});
}

std::vector<Holiday> Repository::holidays(const Scope& s) const {
  std::vector<Holiday> out;
  for (const auto& r : c_.query("SELECT date, name FROM sd_holidays WHERE tenant_id = ? ORDER BY date", {s.tenant_id}))
    out.push_back({r.text_at(0), r.text_at(1)});
  return out;
}

void Repository::save(const Scope& s, const Holiday& h) {
  c_.execute("DELETE FROM sd_holidays WHERE tenant_id = ? AND date = ?", {s.tenant_id, h.date});
  c_.execute("INSERT INTO sd_holidays (tenant_id, date, name) VALUES (?, ?, ?)", {s.tenant_id, h.date, h.name});
}

bool Repository::delete_holiday(const Scope& s, const std::string& date) {
  return c_.execute("DELETE FROM sd_holidays WHERE tenant_id = ? AND date = ?", {s.tenant_id, date}) > 0;
}

void Repository::insert(const Scope& s, const Report& r) {
  c_.execute(
      "INSERT INTO sd_reports (id, tenant_id, agency_id, period_start, period_end, submitted_on, submitted_by_name, opened, resolved, "
      "open_now) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.id, s.tenant_id, r.agency_id, r.period_start, r.period_end, r.submitted_on, r.submitted_by_name, r.opened,
       r.resolved, r.open_now});
}

std::vector<Report> Repository::reports(const Scope& s) const {
  std::vector<Report> out;
  for (
      const auto& r : c_.query(
          "SELECT id, agency_id, period_start, period_end, submitted_on, submitted_by_name, opened, resolved, open_now "
          "FROM sd_reports WHERE tenant_id = ? ORDER BY submitted_on DESC, id",
          {s.tenant_id})) {
    Report x;
    x.id = r.text_at(0);
    x.agency_id = r.text_at(1);
    x.period_start = r.text_at(2);
    x.period_end = r.text_at(3);
    x.submitted_on = r.text_at(4);
    x.submitted_by_name = r.text_at(5);
    x.opened = r.int_at(6);
    x.resolved = r.int_at(7);
    x.open_now = r.int_at(8);
    out.push_back(x);
  }
  return out;
}

}  // namespace simpul::servicedesk
