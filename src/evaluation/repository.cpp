#include "evaluation/repository.hpp"
#include "storage/list_sql.hpp"

namespace simpul::evaluation {
namespace {

StoredFramework stored_from(const storage::Row& r) {
  return {r.text_at(0), static_cast<int>(r.int_at(1)), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5)};
}

constexpr const char* kPeriodColumns =
    "p.id, p.year, p.agency_id, COALESCE(a.name, ''), p.framework_id, p.framework_version, p.title, p.state, "
    "p.created_by_name, p.created_at, p.submitted_by_name, p.submitted_at, p.result "
    "FROM eval_periods p LEFT JOIN agencies a ON a.id = p.agency_id AND a.tenant_id = p.tenant_id ";

Period period_from(const storage::Row& r) {
  Period p;
  std::size_t i = 0;
  p.id = r.text_at(i++);
  p.year = static_cast<int>(r.int_at(i++));
  p.agency_id = r.text_at(i++);
  p.agency_name = r.text_at(i++);
  p.framework_id = r.text_at(i++);
  p.framework_version = static_cast<int>(r.int_at(i++));
  p.title = r.text_at(i++);
  p.state = r.text_at(i++);
  p.created_by_name = r.text_at(i++);
  p.created_at = r.text_at(i++);
  p.submitted_by_name = r.text_at(i++);
  p.submitted_at = r.optional_text_at(i++);
  p.result = r.text_at(i++);
  return p;
}

constexpr const char* kAnswerColumns =
    "indicator_id, level, external_score, explanation, state, filled_by, filled_by_name, updated_at, reviewed_by_name, "
    "reviewed_at, review_note FROM eval_answers ";

AnswerRecord answer_from(const storage::Row& r) {
  AnswerRecord a;
  a.indicator_id = r.text_at(0);
  if (!r[1].is_null()) a.level = static_cast<int>(r.int_at(1));
  if (!r[2].is_null()) a.external_score = r[2].as_double();
  a.explanation = r.text_at(3);
  a.state = r.text_at(4);
  a.filled_by = r.text_at(5);
  a.filled_by_name = r.text_at(6);
  a.updated_at = r.text_at(7);
  a.reviewed_by_name = r.text_at(8);
  a.reviewed_at = r.optional_text_at(9);
  a.review_note = r.text_at(10);
  return a;
}

constexpr const char* kEvidenceColumns =
    "id, indicator_id, kind, label, sha256, size, ref_kind, ref_id, level, main, verdict, added_by_name, added_at "
    "FROM eval_evidence ";

EvidenceItem evidence_from(const storage::Row& r) {
  EvidenceItem e;
  std::size_t i = 0;
  e.id = r.text_at(i++);
  e.indicator_id = r.text_at(i++);
  e.kind = r.text_at(i++);
  e.label = r.text_at(i++);
  e.sha256 = r.text_at(i++);
  e.size = r.int_at(i++);
  e.ref_kind = r.text_at(i++);
  e.ref_id = r.text_at(i++);
  if (!r[i].is_null()) e.level = static_cast<int>(r.int_at(i));
  ++i;
  e.main = r.bool_at(i++);
  e.verdict = r.text_at(i++);
  e.added_by_name = r.text_at(i++);
  e.added_at = r.text_at(i++);
  return e;
}

}  // namespace

std::vector<storage::Migration> Repository::migrations() {
  // agency_id is '' for a Pemda-wide period so the uniqueness of (tenant, year, agency) holds on
  // both databases (NULLs would never collide).
  return {
      {700, "evaluation: periods, assessor teams, answers, evidence, comments, tenant framework versions",
       "CREATE TABLE eval_frameworks (tenant_id TEXT NOT NULL REFERENCES tenants(id), framework_id TEXT NOT NULL, "
       "version INTEGER NOT NULL, definition TEXT NOT NULL, note TEXT NOT NULL, created_by_name TEXT NOT NULL, "
       "created_at TEXT NOT NULL, PRIMARY KEY (tenant_id, framework_id, version));"
       "CREATE TABLE eval_periods (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "year INTEGER NOT NULL, agency_id TEXT NOT NULL, framework_id TEXT NOT NULL, framework_version INTEGER NOT NULL, "
       "title TEXT NOT NULL, state TEXT NOT NULL, created_by_name TEXT NOT NULL, created_at TEXT NOT NULL, "
       "submitted_by_name TEXT NOT NULL, submitted_at TEXT, result TEXT NOT NULL, "
       "UNIQUE (tenant_id, year, agency_id));"
       "CREATE TABLE eval_members (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "period_id TEXT NOT NULL REFERENCES eval_periods(id) ON DELETE CASCADE, user_id TEXT NOT NULL, "
       "role TEXT NOT NULL, added_at TEXT NOT NULL, UNIQUE (period_id, user_id, role));"
       "CREATE TABLE eval_answers (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "period_id TEXT NOT NULL REFERENCES eval_periods(id) ON DELETE CASCADE, indicator_id TEXT NOT NULL, "
       "level INTEGER, external_score REAL, explanation TEXT NOT NULL, state TEXT NOT NULL, filled_by TEXT NOT NULL, "
       "filled_by_name TEXT NOT NULL, updated_at TEXT NOT NULL, reviewed_by_name TEXT NOT NULL, reviewed_at TEXT, "
       "review_note TEXT NOT NULL, PRIMARY KEY (period_id, indicator_id));"
       "CREATE TABLE eval_evidence (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "period_id TEXT NOT NULL REFERENCES eval_periods(id) ON DELETE CASCADE, indicator_id TEXT NOT NULL, "
       "kind TEXT NOT NULL, label TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, ref_kind TEXT NOT NULL, "
       "ref_id TEXT NOT NULL, level INTEGER, main INTEGER NOT NULL, verdict TEXT NOT NULL, added_by_name TEXT NOT NULL, "
       "added_at TEXT NOT NULL);"
       "CREATE INDEX eval_evidence_by_period ON eval_evidence (tenant_id, period_id);"
       "CREATE TABLE eval_comments (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "period_id TEXT NOT NULL REFERENCES eval_periods(id) ON DELETE CASCADE, indicator_id TEXT NOT NULL, "
       "author_name TEXT NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL);"
       "CREATE INDEX eval_comments_by_indicator ON eval_comments (tenant_id, period_id, indicator_id);"}};
}

std::vector<StoredFramework> Repository::frameworks(const Scope& s) const {
  std::vector<StoredFramework> out;
  for (const auto& r : c_.query("SELECT framework_id, version, definition, note, created_by_name, created_at FROM "
                                "eval_frameworks WHERE tenant_id = ? ORDER BY framework_id, version",
                                {s.tenant_id}))
    out.push_back(stored_from(r));
  return out;
}

std::optional<StoredFramework> Repository::framework(const Scope& s, const std::string& id, int version) const {
  auto rows = c_.query(
      "SELECT framework_id, version, definition, note, created_by_name, created_at FROM eval_frameworks "
      "WHERE tenant_id = ? AND framework_id = ? AND version = ?",
      {s.tenant_id, id, version});
  if (rows.empty()) return std::nullopt;
  return stored_from(rows.front());
}

void Repository::insert(const Scope& s, const StoredFramework& f) {
  c_.execute(
      "INSERT INTO eval_frameworks (tenant_id, framework_id, version, definition, note, created_by_name, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {s.tenant_id, f.framework_id, f.version, f.definition, f.note, f.created_by_name, f.created_at});
}

void Repository::insert(const Scope& s, const Period& p) {
  c_.execute(
      "INSERT INTO eval_periods (id, tenant_id, year, agency_id, framework_id, framework_version, title, state, "
      "created_by_name, created_at, submitted_by_name, submitted_at, result) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', NULL, '')",
      {p.id, s.tenant_id, p.year, p.agency_id, p.framework_id, p.framework_version, p.title, p.state, p.created_by_name,
       p.created_at});
}

std::optional<Period> Repository::period(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kPeriodColumns + "WHERE p.tenant_id = ? AND p.id = ?", {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return period_from(rows.front());
}

std::vector<Period> Repository::periods(const Scope& s, std::optional<int> year, const std::string& agency) const {
  storage::ListSql list("FROM eval_periods p");
  list.where("p.tenant_id = ?", {s.tenant_id});
  if (year) list.where("p.year = ?", {*year});
  if (agency == "-")
    list.where("p.agency_id = ''");  // the Pemda's own assessments
  else
    list.equals_if_set("p.agency_id", agency);
  list.order_by("p.year DESC, p.agency_id");
  std::vector<Period> out;
  for (const auto& r : list.rows(c_, std::string("SELECT ") + kPeriodColumns)) out.push_back(period_from(r));
  return out;
}

bool Repository::period_exists(const Scope& s, int year, const std::string& agency_id) const {
  return !c_.query("SELECT 1 FROM eval_periods WHERE tenant_id = ? AND year = ? AND agency_id = ?",
                   {s.tenant_id, year, agency_id})
              .empty();
}

void Repository::submit(const Scope& s, const std::string& id, const std::string& by_name, const std::string& at,
                        const std::string& result) {
  c_.execute(
      "UPDATE eval_periods SET state = 'diserahkan', submitted_by_name = ?, submitted_at = ?, result = ? "
      "WHERE tenant_id = ? AND id = ?",
      {by_name, at, result, s.tenant_id, id});
}

void Repository::insert(const Scope& s, const Member& m) {
  c_.execute("INSERT INTO eval_members (id, tenant_id, period_id, user_id, role, added_at) VALUES (?, ?, ?, ?, ?, ?)",
             {m.id, s.tenant_id, m.period_id, m.user_id, m.role, m.added_at});
}

std::vector<Member> Repository::members(const Scope& s, const std::string& period_id) const {
  std::vector<Member> out;
  for (const auto& r :
       c_.query("SELECT m.id, m.period_id, m.user_id, COALESCE(u.display_name, ''), m.role, m.added_at "
                "FROM eval_members m LEFT JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id "
                "WHERE m.tenant_id = ? AND m.period_id = ? ORDER BY m.role, u.display_name",
                {s.tenant_id, period_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5)});
  return out;
}

void Repository::delete_member(const Scope& s, const std::string& period_id, const std::string& member_id) {
  c_.execute("DELETE FROM eval_members WHERE tenant_id = ? AND period_id = ? AND id = ?",
             {s.tenant_id, period_id, member_id});
}

std::vector<AnswerRecord> Repository::answers(const Scope& s, const std::string& period_id) const {
  std::vector<AnswerRecord> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kAnswerColumns + "WHERE tenant_id = ? AND period_id = ?",
                                {s.tenant_id, period_id}))
    out.push_back(answer_from(r));
  return out;
}

std::optional<AnswerRecord> Repository::answer(const Scope& s, const std::string& period_id,
                                               const std::string& indicator) const {
  auto rows =
      c_.query(std::string("SELECT ") + kAnswerColumns + "WHERE tenant_id = ? AND period_id = ? AND indicator_id = ?",
               {s.tenant_id, period_id, indicator});
  if (rows.empty()) return std::nullopt;
  return answer_from(rows.front());
}

void Repository::save(const Scope& s, const std::string& period_id, const AnswerRecord& a) {
  c_.execute("DELETE FROM eval_answers WHERE tenant_id = ? AND period_id = ? AND indicator_id = ?",
             {s.tenant_id, period_id, a.indicator_id});
  c_.execute(
      "INSERT INTO eval_answers (tenant_id, period_id, indicator_id, level, external_score, explanation, state, "
      "filled_by, filled_by_name, updated_at, reviewed_by_name, reviewed_at, review_note) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.tenant_id, period_id, a.indicator_id, a.level, a.external_score, a.explanation, a.state, a.filled_by,
       a.filled_by_name, a.updated_at, a.reviewed_by_name, a.reviewed_at, a.review_note});
}

void Repository::insert(const Scope& s, const std::string& period_id, const EvidenceItem& e) {
  c_.execute(
      "INSERT INTO eval_evidence (id, tenant_id, period_id, indicator_id, kind, label, sha256, size, ref_kind, ref_id, "
      "level, main, verdict, added_by_name, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.id, s.tenant_id, period_id, e.indicator_id, e.kind, e.label, e.sha256, e.size, e.ref_kind, e.ref_id, e.level,
       e.main, e.verdict, e.added_by_name, e.added_at});
}

std::vector<EvidenceItem> Repository::evidence(const Scope& s, const std::string& period_id) const {
  std::vector<EvidenceItem> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kEvidenceColumns +
                                    "WHERE tenant_id = ? AND period_id = ? ORDER BY indicator_id, added_at, id",
                                {s.tenant_id, period_id}))
    out.push_back(evidence_from(r));
  return out;
}

std::optional<EvidenceItem> Repository::evidence_item(const Scope& s, const std::string& period_id,
                                                      const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kEvidenceColumns + "WHERE tenant_id = ? AND period_id = ? AND id = ?",
                       {s.tenant_id, period_id, id});
  if (rows.empty()) return std::nullopt;
  return evidence_from(rows.front());
}

void Repository::set_verdict(const Scope& s, const std::string& id, const std::string& verdict) {
  c_.execute("UPDATE eval_evidence SET verdict = ? WHERE tenant_id = ? AND id = ?", {verdict, s.tenant_id, id});
}

void Repository::delete_evidence(const Scope& s, const std::string& id) {
  c_.execute("DELETE FROM eval_evidence WHERE tenant_id = ? AND id = ?", {s.tenant_id, id});
}

void Repository::insert(const Scope& s, const std::string& period_id, const Comment& c) {
  c_.execute(
      "INSERT INTO eval_comments (id, tenant_id, period_id, indicator_id, author_name, role, text, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {c.id, s.tenant_id, period_id, c.indicator_id, c.author_name, c.role, c.text, c.created_at});
}

std::vector<Comment> Repository::comments(const Scope& s, const std::string& period_id,
                                          const std::string& indicator) const {
  std::vector<Comment> out;
  for (const auto& r : c_.query("SELECT id, indicator_id, author_name, role, text, created_at FROM eval_comments "
                                "WHERE tenant_id = ? AND period_id = ? AND indicator_id = ? ORDER BY created_at, id",
                                {s.tenant_id, period_id, indicator}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5)});
  return out;
}

}  // namespace simpul::evaluation
