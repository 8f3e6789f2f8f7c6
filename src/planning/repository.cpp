#include "planning/repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace simpul::planning {
namespace {

constexpr const char* kCycleColumns =
    "id, fiscal_year, title, submission_deadline, verification_deadline, state, opened_by_name, opened_at, closed_at";

Cycle cycle_from(const storage::Row& r) {
  Cycle x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  x.fiscal_year = static_cast<int>(r.int_at(i++));
  x.title = r.text_at(i++);
  x.submission_deadline = r.text_at(i++);
  x.verification_deadline = r.text_at(i++);
  x.state = r.text_at(i++);
  x.opened_by_name = r.text_at(i++);
  x.opened_at = r.text_at(i++);
  x.closed_at = r.optional_text_at(i++);
  return x;
}

constexpr const char* kProposalSelect =
    "SELECT p.id, p.cycle_id, p.agency_id, p.state, p.recommendation, p.recommended_at, "
    "p.recommended_by_name, p.submitted_at, p.verified_at, p.verified_by_name, p.approved_at, p.approved_by_name, p.created_at, "
    "(SELECT COALESCE(SUM(l.total), 0) FROM planning_lines l WHERE l.tenant_id = p.tenant_id AND l.proposal_id = p.id), "
    "(SELECT COUNT(*) FROM planning_lines l WHERE l.tenant_id = p.tenant_id AND l.proposal_id = p.id) "
    "FROM planning_proposals p ";

Proposal proposal_from(const storage::Row& r) {
  Proposal x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  x.cycle_id = r.text_at(i++);
  x.agency_id = r.text_at(i++);
  x.state = r.text_at(i++);
  x.recommendation = r.text_at(i++);
  x.recommended_at = r.optional_text_at(i++);
  x.recommended_by_name = r.optional_text_at(i++);
  x.submitted_at = r.optional_text_at(i++);
  x.verified_at = r.optional_text_at(i++);
  x.verified_by_name = r.optional_text_at(i++);
  x.approved_at = r.optional_text_at(i++);
  x.approved_by_name = r.optional_text_at(i++);
  x.created_at = r.text_at(i++);
  x.total = r.int_at(i++);
  x.line_count = r.int_at(i++);
  return x;
}

constexpr const char* kLineColumns =
    "id, proposal_id, cycle_id, agency_id, sub_activity, account_code, name, specification, ssh_code, volume_text, volume, unit, "
    "unit_price, total, funding_source, category, element_ids, initiative_id, checks, created_at, updated_at, class_override";

std::string checks_text(const std::vector<LineCheck>& checks) {
  boost::json::array out;
  for (const auto& c : checks)
    out.push_back(boost::json::object{{"kind", c.kind},
                                      {"message", c.message},
                                      {"rule", c.rule ? boost::json::value(*c.rule) : boost::json::value(nullptr)}});
  return boost::json::serialize(out);
}

std::vector<LineCheck> text_checks(const std::string& text) {
  std::vector<LineCheck> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& c : v.as_array()) {
    if (!c.is_object()) continue;
    const auto& o = c.as_object();
    LineCheck x;
    if (auto* k = o.if_contains("kind"); k && k->is_string()) x.kind = k->as_string();
    if (auto* m = o.if_contains("message"); m && m->is_string()) x.message = m->as_string();
    if (auto* r = o.if_contains("rule"); r && r->is_string()) x.rule = std::string(r->as_string());
    out.push_back(std::move(x));
  }
  return out;
}

Line line_from(const storage::Row& r) {
  Line x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  x.proposal_id = r.text_at(i++);
  x.cycle_id = r.text_at(i++);
  x.agency_id = r.text_at(i++);
  x.sub_activity = r.text_at(i++);
  x.account_code = r.text_at(i++);
  x.name = r.text_at(i++);
  x.specification = r.text_at(i++);
  x.ssh_code = r.text_at(i++);
  x.volume_text = r.text_at(i++);
  x.volume = r.int_at(i++);
  x.unit = r.text_at(i++);
  x.unit_price = r.int_at(i++);
  x.total = r.int_at(i++);
  x.funding_source = r.text_at(i++);
  x.category = r.text_at(i++);
  x.element_ids = text_list(r.text_at(i++));
  x.initiative_id = r.optional_text_at(i++);
  x.checks = text_checks(r.text_at(i++));
  x.created_at = r.text_at(i++);
  x.updated_at = r.text_at(i++);
  x.class_override = r.optional_text_at(i++);
  return x;
}

constexpr const char* kCandidateColumns =
    "id, cycle_id, line_a, line_b, score, reasons, decision, reason, decided_by_name, decided_at, found_at, kind";

// The same, of the table named c.
constexpr const char* kCandidateColumnsOfC =
    "c.id, c.cycle_id, c.line_a, c.line_b, c.score, c.reasons, c.decision, c.reason, c.decided_by_name, "
    "c.decided_at, c.found_at, c.kind";

CandidatePair candidate_from(const storage::Row& r) {
  CandidatePair x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  x.cycle_id = r.text_at(i++);
  x.line_a = r.text_at(i++);
  x.line_b = r.text_at(i++);
  x.score = r[i++].as_double();
  x.reasons = text_list(r.text_at(i++));
  x.decision = r.text_at(i++);
  x.reason = r.text_at(i++);
  x.decided_by_name = r.text_at(i++);
  x.decided_at = r.optional_text_at(i++);
  x.found_at = r.text_at(i++);
  x.kind = r.text_at(i++);
  return x;
}

constexpr const char* kPriceListColumns =
    "l.id, l.year, l.decree_number, l.decree_date, l.created_at, "
    "(SELECT COUNT(*) FROM planning_price_items i WHERE i.tenant_id = l.tenant_id AND i.list_id = l.id)";

PriceList price_list_from(const storage::Row& r) {
  return PriceList{r.text_at(0), static_cast<int>(r.int_at(1)), r.text_at(2), r.text_at(3), r.int_at(5), r.text_at(4)};
}

}  // namespace

std::string list_text(const std::vector<std::string>& items) {
  boost::json::array a;
  for (const auto& x : items) a.emplace_back(x);
  return boost::json::serialize(a);
}

std::vector<std::string> text_list(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (!ec && v.is_array())
    for (const auto& x : v.as_array())
      if (x.is_string()) out.emplace_back(x.as_string());
  return out;
}

std::vector<storage::Migration> Repository::migrations() {
  // Money is integer Rupiah (BIGINT: 64 bits on both databases). Lines keep their architecture
  // element ids as a JSON list; a deleted element keeps the budget history, so no foreign key.
  return {
      {1300, "planning: cycles, proposals, lines, price lists, duplicate candidates",
       "CREATE TABLE planning_cycles (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "fiscal_year INTEGER NOT NULL, title TEXT NOT NULL, submission_deadline TEXT NOT NULL, verification_deadline TEXT NOT NULL, "
       "state TEXT NOT NULL, opened_by_name TEXT NOT NULL, opened_at TEXT NOT NULL, closed_at TEXT, UNIQUE (tenant_id, fiscal_year));"
       "CREATE TABLE planning_proposals (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "cycle_id TEXT NOT NULL REFERENCES planning_cycles(id), agency_id TEXT NOT NULL, state TEXT NOT NULL, "
       "recommendation TEXT NOT NULL, recommended_at TEXT, recommended_by_name TEXT, submitted_at TEXT, verified_at TEXT, "
       "verified_by_name TEXT, approved_at TEXT, approved_by_name TEXT, created_at TEXT NOT NULL, UNIQUE (cycle_id, agency_id));"
       "CREATE INDEX planning_proposals_by_tenant ON planning_proposals (tenant_id, cycle_id);"
       "CREATE TABLE planning_lines (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "proposal_id TEXT NOT NULL REFERENCES planning_proposals(id), cycle_id TEXT NOT NULL, agency_id TEXT NOT NULL, "
       "sub_activity TEXT NOT NULL, account_code TEXT NOT NULL, name TEXT NOT NULL, specification TEXT NOT NULL, "
       "ssh_code TEXT NOT NULL, volume_text TEXT NOT NULL, volume BIGINT NOT NULL, unit TEXT NOT NULL, unit_price BIGINT NOT NULL, "
       "total BIGINT NOT NULL, funding_source TEXT NOT NULL, category TEXT NOT NULL, element_ids TEXT NOT NULL, "
       "initiative_id TEXT, checks TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
       "CREATE INDEX planning_lines_by_proposal ON planning_lines (tenant_id, proposal_id);"
       "CREATE INDEX planning_lines_by_cycle ON planning_lines (tenant_id, cycle_id);"
       "CREATE TABLE planning_price_lists (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "year INTEGER NOT NULL, decree_number TEXT NOT NULL, decree_date TEXT NOT NULL, created_at TEXT NOT NULL);"
       "CREATE INDEX planning_price_lists_by_year ON planning_price_lists (tenant_id, year, created_at);"
       "CREATE TABLE planning_price_items (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "list_id TEXT NOT NULL REFERENCES planning_price_lists(id), code TEXT NOT NULL, name TEXT NOT NULL, "
       "specification TEXT NOT NULL, unit TEXT NOT NULL, price BIGINT NOT NULL, account_codes TEXT NOT NULL, "
       "PRIMARY KEY (list_id, code));"
       "CREATE TABLE planning_candidates (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "cycle_id TEXT NOT NULL, line_a TEXT NOT NULL, line_b TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, "
       "reasons TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT NOT NULL, decided_by_name TEXT NOT NULL, decided_at TEXT, "
       "found_at TEXT NOT NULL, UNIQUE (tenant_id, line_a, line_b));"
       "CREATE INDEX planning_candidates_by_cycle ON planning_candidates (tenant_id, cycle_id)"},
      // The planning agency's corrections of a line's classification: the class in force on the
      // line (NULL: as its account, SSH code and text give it) and the history of each change.
      {1301, "planning: classification corrections of lines",
       "ALTER TABLE planning_lines ADD COLUMN class_override TEXT;"
       "CREATE TABLE planning_line_corrections (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "line_id TEXT NOT NULL, proposal_id TEXT NOT NULL, line_name TEXT NOT NULL, field TEXT NOT NULL, "
       "from_value TEXT NOT NULL, to_value TEXT NOT NULL, reason TEXT NOT NULL, by_name TEXT NOT NULL, "
       "by_agency_id TEXT NOT NULL, at TEXT NOT NULL, seq INTEGER NOT NULL);"
       "CREATE INDEX planning_line_corrections_by_proposal ON planning_line_corrections (tenant_id, proposal_id, seq)"},
      // A candidate is a pair of lines, or a line and an application of the register (an
      // architecture element of the domain aplikasi) it may duplicate (service_applications.cpp).
      {1302, "planning: duplicate candidates of a line and an application",
       "ALTER TABLE planning_candidates ADD COLUMN kind TEXT NOT NULL DEFAULT 'line'"},
      // The review pages a cycle's pairs best first (a large cycle holds over 100,000 pairs).
      {1303, "planning: duplicate candidates paged by score",
       "CREATE INDEX planning_candidates_by_score ON planning_candidates (tenant_id, cycle_id, kind, score DESC, id);"
       "CREATE INDEX planning_candidates_by_line_b ON planning_candidates (tenant_id, line_b)"},
      // The PDs of a pair's lines (agency_b empty for an application), kept on the pair: one PD's
      // pairs and a proposal's unresolved pairs are then read from this one table by two indexed
      // equalities. Their earlier shape (a semi-join of the pairs with the PD's lines) had
      // PostgreSQL, planning a freshly filled table with default estimates, rescan the PD's lines
      // once per pair of the cycle: minutes at 140,000 pairs (docs/benchmarks.md). A line never
      // changes PD (its proposal is one PD's), so the copies cannot go stale.
      {1304, "planning: the agencies of a duplicate candidate's lines",
       "ALTER TABLE planning_candidates ADD COLUMN agency_a TEXT NOT NULL DEFAULT '';"
       "ALTER TABLE planning_candidates ADD COLUMN agency_b TEXT NOT NULL DEFAULT '';"
       "UPDATE planning_candidates SET agency_a = COALESCE((SELECT l.agency_id FROM planning_lines l "
       "WHERE l.tenant_id = planning_candidates.tenant_id AND l.id = planning_candidates.line_a), '');"
       "UPDATE planning_candidates SET agency_b = COALESCE((SELECT l.agency_id FROM planning_lines l "
       "WHERE l.tenant_id = planning_candidates.tenant_id AND l.id = planning_candidates.line_b), '') "
       "WHERE kind = 'line';"
       "CREATE INDEX planning_candidates_by_agency_a ON planning_candidates (tenant_id, agency_a, cycle_id);"
       "CREATE INDEX planning_candidates_by_agency_b ON planning_candidates (tenant_id, agency_b, cycle_id)"},
      // The whole-cycle search reads the pair of lines of every stored candidate (140,000 at the
      // issue's scale) to add only new ones: from an index holding both, without the rows (their
      // reasons and decisions), which was 15 % of the search's CPU on SQLite. It also serves every
      // read by (tenant_id, cycle_id) the index it replaces served.
      {1305, "planning: the stored candidate pairs of a cycle read from one index",
       "CREATE INDEX planning_candidates_cycle_pairs ON planning_candidates (tenant_id, cycle_id, line_a, line_b);"
       "DROP INDEX planning_candidates_by_cycle"}};
}

void Repository::insert(const Scope& s, const Cycle& x) {
  c_.execute(
      "INSERT INTO planning_cycles (id, tenant_id, fiscal_year, title, submission_deadline, verification_deadline, state, "
      "opened_by_name, opened_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, s.tenant_id, x.fiscal_year, x.title, x.submission_deadline, x.verification_deadline, x.state,
       x.opened_by_name, x.opened_at, x.closed_at});
}

void Repository::save(const Scope& s, const Cycle& x) {
  c_.execute(
      "UPDATE planning_cycles SET title = ?, submission_deadline = ?, verification_deadline = ?, state = ?, closed_at = ? "
      "WHERE tenant_id = ? AND id = ?",
      {x.title, x.submission_deadline, x.verification_deadline, x.state, x.closed_at, s.tenant_id, x.id});
}

std::optional<Cycle> Repository::cycle(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kCycleColumns + " FROM planning_cycles WHERE tenant_id = ? AND id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return cycle_from(rows.front());
}

std::optional<Cycle> Repository::cycle_of_year(const Scope& s, int year) const {
  auto rows =
      c_.query(std::string("SELECT ") + kCycleColumns + " FROM planning_cycles WHERE tenant_id = ? AND fiscal_year = ?",
               {s.tenant_id, year});
  if (rows.empty()) return std::nullopt;
  return cycle_from(rows.front());
}

std::vector<Cycle> Repository::cycles(const Scope& s) const {
  std::vector<Cycle> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kCycleColumns +
                                    " FROM planning_cycles WHERE tenant_id = ? ORDER BY fiscal_year DESC",
                                {s.tenant_id}))
    out.push_back(cycle_from(r));
  return out;
}

void Repository::insert(const Scope& s, const Proposal& x) {
  c_.execute(
      "INSERT INTO planning_proposals (id, tenant_id, cycle_id, agency_id, state, recommendation, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {x.id, s.tenant_id, x.cycle_id, x.agency_id, x.state, x.recommendation, x.created_at});
}

void Repository::save(const Scope& s, const Proposal& x) {
  c_.execute(
      "UPDATE planning_proposals SET state = ?, recommendation = ?, recommended_at = ?, recommended_by_name = ?, "
      "submitted_at = ?, verified_at = ?, verified_by_name = ?, approved_at = ?, approved_by_name = ? "
      "WHERE tenant_id = ? AND id = ?",
      {x.state, x.recommendation, x.recommended_at, x.recommended_by_name, x.submitted_at, x.verified_at,
       x.verified_by_name, x.approved_at, x.approved_by_name, s.tenant_id, x.id});
}

std::optional<Proposal> Repository::proposal(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string(kProposalSelect) + "WHERE p.tenant_id = ? AND p.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return proposal_from(rows.front());
}

std::optional<Proposal> Repository::proposal_of(const Scope& s, const std::string& cycle_id,
                                                const std::string& agency_id) const {
  auto rows = c_.query(std::string(kProposalSelect) + "WHERE p.tenant_id = ? AND p.cycle_id = ? AND p.agency_id = ?",
                       {s.tenant_id, cycle_id, agency_id});
  if (rows.empty()) return std::nullopt;
  return proposal_from(rows.front());
}

std::vector<Proposal> Repository::proposals(const Scope& s, const std::string& cycle_id,
                                            const std::string& agency_id) const {
  std::vector<Proposal> out;
  for (const auto& r : c_.query(
           std::string(kProposalSelect) +
               "WHERE p.tenant_id = ? AND p.cycle_id = ? AND (? = '' OR p.agency_id = ?) ORDER BY p.created_at, p.id",
           {s.tenant_id, cycle_id, agency_id, agency_id}))
    out.push_back(proposal_from(r));
  return out;
}

void Repository::insert(const Scope& s, const Line& x) {
  c_.execute(
      "INSERT INTO planning_lines (id, tenant_id, proposal_id, cycle_id, agency_id, sub_activity, account_code, name, "
      "specification, ssh_code, volume_text, volume, unit, unit_price, total, funding_source, category, element_ids, "
      "initiative_id, checks, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id,
       s.tenant_id,
       x.proposal_id,
       x.cycle_id,
       x.agency_id,
       x.sub_activity,
       x.account_code,
       x.name,
       x.specification,
       x.ssh_code,
       x.volume_text,
       x.volume,
       x.unit,
       x.unit_price,
       x.total,
       x.funding_source,
       x.category,
       list_text(x.element_ids),
       x.initiative_id,
       checks_text(x.checks),
       x.created_at,
       x.updated_at});
}

void Repository::save(const Scope& s, const Line& x) {
  c_.execute(
      "UPDATE planning_lines SET sub_activity = ?, account_code = ?, name = ?, specification = ?, ssh_code = ?, "
      "volume_text = ?, volume = ?, unit = ?, unit_price = ?, total = ?, funding_source = ?, category = ?, element_ids = ?, "
      "initiative_id = ?, checks = ?, updated_at = ?, class_override = ? WHERE tenant_id = ? AND id = ?",
      {x.sub_activity, x.account_code, x.name, x.specification, x.ssh_code, x.volume_text, x.volume, x.unit,
       x.unit_price, x.total, x.funding_source, x.category, list_text(x.element_ids), x.initiative_id,
       checks_text(x.checks), x.updated_at, x.class_override, s.tenant_id, x.id});
}

void Repository::remove_line(const Scope& s, const std::string& id) {
  c_.execute("DELETE FROM planning_lines WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
}

std::optional<Line> Repository::line(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kLineColumns + " FROM planning_lines WHERE tenant_id = ? AND id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return line_from(rows.front());
}

std::vector<Line> Repository::lines_of_proposal(const Scope& s, const std::string& proposal_id) const {
  std::vector<Line> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kLineColumns +
                    " FROM planning_lines WHERE tenant_id = ? AND proposal_id = ? ORDER BY created_at, id",
                {s.tenant_id, proposal_id}))
    out.push_back(line_from(r));
  return out;
}

std::vector<Line> Repository::line_names_of_proposal(const Scope& s, const std::string& proposal_id) const {
  std::vector<Line> out;
  for (const auto& r : c_.query("SELECT id, agency_id, name FROM planning_lines WHERE tenant_id = ? AND proposal_id = ?"
                                " ORDER BY created_at, id",
                                {s.tenant_id, proposal_id})) {
    Line x;
    x.id = r.text_at(0);
    x.agency_id = r.text_at(1);
    x.name = r.text_at(2);
    out.push_back(std::move(x));
  }
  return out;
}

std::vector<Line> Repository::lines_of_cycle(const Scope& s, const std::string& cycle_id) const {
  std::vector<Line> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kLineColumns +
                    " FROM planning_lines WHERE tenant_id = ? AND cycle_id = ? ORDER BY agency_id, created_at, id",
                {s.tenant_id, cycle_id}))
    out.push_back(line_from(r));
  return out;
}

std::vector<Repository::LineTotals> Repository::submitted_totals(const Scope& s, const std::string& cycle_id) const {
  std::vector<LineTotals> out;
  for (const auto& r :
       c_.query("SELECT l.agency_id, l.category, COALESCE(l.initiative_id, ''), l.element_ids,"
                " CAST(SUM(l.total) AS BIGINT), COUNT(*) FROM planning_lines l JOIN planning_proposals p"
                " ON p.tenant_id = l.tenant_id AND p.id = l.proposal_id"
                " WHERE l.tenant_id = ? AND l.cycle_id = ? AND p.state <> 'draf'"
                " GROUP BY l.agency_id, l.category, COALESCE(l.initiative_id, ''), l.element_ids",
                {s.tenant_id, cycle_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), text_list(r.text_at(3)), r.int_at(4), r.int_at(5)});
  return out;
}

std::vector<Repository::LineOwner> Repository::submitted_lines(const Scope& s, const std::string& cycle_id) const {
  std::vector<LineOwner> out;
  for (const auto& r :
       c_.query("SELECT l.id, l.proposal_id, l.agency_id FROM planning_lines l JOIN planning_proposals p"
                " ON p.tenant_id = l.tenant_id AND p.id = l.proposal_id"
                " WHERE l.tenant_id = ? AND l.cycle_id = ? AND p.state <> 'draf'",
                {s.tenant_id, cycle_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2)});
  return out;
}

void Repository::insert(const Scope& s, const PriceList& list, const std::vector<PriceItem>& items) {
  c_.execute(
      "INSERT INTO planning_price_lists (id, tenant_id, year, decree_number, decree_date, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      {list.id, s.tenant_id, list.year, list.decree_number, list.decree_date, list.created_at});
  for (const auto& i : items)
    c_.execute(
        "INSERT INTO planning_price_items (tenant_id, list_id, code, name, specification, unit, price, account_codes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {s.tenant_id, list.id, i.code, i.name, i.specification, i.unit, i.price, list_text(i.account_codes)});
}

std::vector<PriceList> Repository::price_lists(const Scope& s) const {
  std::vector<PriceList> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kPriceListColumns +
                    " FROM planning_price_lists l WHERE l.tenant_id = ? ORDER BY l.year DESC, l.created_at DESC, l.id",
                {s.tenant_id}))
    out.push_back(price_list_from(r));
  return out;
}

std::optional<std::pair<PriceList, PriceItem>> Repository::price_item(const Scope& s, int year,
                                                                      const std::string& code) const {
  auto lists = c_.query(
      std::string("SELECT ") + kPriceListColumns +
          " FROM planning_price_lists l WHERE l.tenant_id = ? AND l.year = ? ORDER BY l.created_at DESC, l.id LIMIT 1",
      {s.tenant_id, year});
  if (lists.empty()) return std::nullopt;
  auto list = price_list_from(lists.front());
  auto rows = c_.query(
      "SELECT code, name, specification, unit, price, account_codes FROM planning_price_items "
      "WHERE tenant_id = ? AND list_id = ? AND code = ?",
      {s.tenant_id, list.id, code});
  if (rows.empty()) return std::make_pair(list, PriceItem{});
  const auto& r = rows.front();
  return std::make_pair(
      list, PriceItem{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.int_at(4), text_list(r.text_at(5))});
}

bool Repository::add_candidate(const Scope& s, const CandidatePair& x) {
  // The unique key decides (no lookup first: one statement, and no plan of PostgreSQL's to pick
  // the wrong index for it while the table is new).
  return c_.execute(
             "INSERT INTO planning_candidates (id, tenant_id, cycle_id, line_a, line_b, score, reasons, decision, "
             "reason, decided_by_name, decided_at, found_at, kind, agency_a, agency_b) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, line_a, line_b) DO NOTHING",
             {x.id, s.tenant_id, x.cycle_id, x.line_a, x.line_b, x.score, list_text(x.reasons), x.decision, x.reason,
              x.decided_by_name, x.decided_at, x.found_at, x.kind, x.agency_a, x.agency_b}) == 1;
}

void Repository::decide(const Scope& s, const CandidatePair& x) {
  c_.execute(
      "UPDATE planning_candidates SET decision = ?, reason = ?, decided_by_name = ?, decided_at = ? WHERE tenant_id = ? AND id = ?",
      {x.decision, x.reason, x.decided_by_name, x.decided_at, s.tenant_id, x.id});
}

std::optional<CandidatePair> Repository::candidate(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kCandidateColumns + " FROM planning_candidates WHERE tenant_id = ? AND id = ?",
               {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return candidate_from(rows.front());
}

std::vector<CandidatePair> Repository::candidates(const Scope& s, const std::string& cycle_id, const std::string& kind,
                                                  const std::string& agency_id) const {
  std::string sql = std::string("SELECT ") + kCandidateColumns +
                    " FROM planning_candidates WHERE tenant_id = ? AND cycle_id = ? AND kind = ?";
  storage::Params params{s.tenant_id, cycle_id, kind};
  if (!agency_id.empty()) {
    sql += " AND (agency_a = ? OR agency_b = ?)";
    params.emplace_back(agency_id);
    params.emplace_back(agency_id);
  }
  std::vector<CandidatePair> out;
  for (const auto& r : c_.query(sql + " ORDER BY found_at, id", params)) out.push_back(candidate_from(r));
  return out;
}

namespace {

/// The WHERE clause of a candidate query and its parameters.
std::string candidate_filter(const Scope& s, const CandidateQuery& q, storage::Params& params) {
  std::string where = " WHERE c.tenant_id = ? AND c.kind = 'line'";
  params.emplace_back(s.tenant_id);
  if (!q.cycle_id.empty()) {
    where += " AND c.cycle_id = ?";
    params.emplace_back(q.cycle_id);
  }
  if (!q.agency_id.empty()) {
    where += " AND (c.agency_a = ? OR c.agency_b = ?)";
    params.emplace_back(q.agency_id);
    params.emplace_back(q.agency_id);
  }
  if (q.decided) where += *q.decided ? " AND c.decision <> ''" : " AND c.decision = ''";
  return where;
}

}  // namespace

std::vector<CandidatePair> Repository::candidate_page(const Scope& s, const CandidateQuery& q) const {
  storage::Params params;
  auto where = candidate_filter(s, q, params);
  params.emplace_back(static_cast<std::int64_t>(q.limit));
  params.emplace_back(static_cast<std::int64_t>(q.offset));
  std::vector<CandidatePair> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kCandidateColumnsOfC + " FROM planning_candidates c" + where +
                                    " ORDER BY c.score DESC, c.id LIMIT ? OFFSET ?",
                                params))
    out.push_back(candidate_from(r));
  return out;
}

std::int64_t Repository::candidate_count(const Scope& s, const CandidateQuery& q) const {
  storage::Params params;
  auto where = candidate_filter(s, q, params);
  return c_.query("SELECT COUNT(*) FROM planning_candidates c" + where, params).front().int_at(0);
}

std::int64_t Repository::unresolved_count(const Scope& s, const std::string& cycle_id,
                                          const std::string& agency_id) const {
  return c_
      .query(
          "SELECT COUNT(*) FROM planning_candidates c WHERE c.tenant_id = ? AND c.cycle_id = ? AND c.decision = '' "
          "AND (c.agency_a = ? OR c.agency_b = ?)",
          {s.tenant_id, cycle_id, agency_id, agency_id})
      .front()
      .int_at(0);
}

void Repository::each_candidate_key(const Scope& s, const std::string& cycle_id,
                                    const std::function<void(const std::string&, const std::string&)>& fn) const {
  c_.each("SELECT line_a, line_b FROM planning_candidates WHERE tenant_id = ? AND cycle_id = ?",
          {s.tenant_id, cycle_id}, [&](const storage::Row& r) { fn(r.text_at(0), r.text_at(1)); });
}

void Repository::remove_candidates_of(const Scope& s, const std::string& line_id) {
  c_.execute("DELETE FROM planning_candidates WHERE tenant_id = ? AND (line_a = ? OR line_b = ?)",
             {s.tenant_id, line_id, line_id});
}

void Repository::insert(const Scope& s, const LineCorrection& x) {
  // Ordered by a per-tenant sequence: two corrections within one clock tick keep their order.
  auto next =
      c_.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM planning_line_corrections WHERE tenant_id = ?", {s.tenant_id})[0]
          .int_at(0);
  c_.execute(
      "INSERT INTO planning_line_corrections (id, tenant_id, line_id, proposal_id, line_name, field, from_value, "
      "to_value, reason, by_name, by_agency_id, at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, s.tenant_id, x.line_id, x.proposal_id, x.line_name, x.field, x.from, x.to, x.reason, x.by_name,
       x.by_agency_id, x.at, next});
}

std::vector<LineCorrection> Repository::corrections_of_proposal(const Scope& s, const std::string& proposal_id) const {
  std::vector<LineCorrection> out;
  for (const auto& r : c_.query(
           "SELECT id, line_id, proposal_id, line_name, field, from_value, to_value, reason, by_name, by_agency_id, "
           "at FROM planning_line_corrections WHERE tenant_id = ? AND proposal_id = ? ORDER BY seq",
           {s.tenant_id, proposal_id}))
    out.push_back(LineCorrection{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5),
                                 r.text_at(6), r.text_at(7), r.text_at(8), r.text_at(9), r.text_at(10)});
  return out;
}

}  // namespace simpul::planning
