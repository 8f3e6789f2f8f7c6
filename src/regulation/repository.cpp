#include "regulation/repository.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "storage/list_sql.hpp"

namespace simpul::regulation {
namespace {

constexpr const char* kFindingColumns =
    "f.id, f.rule_id, f.kind, f.subject, f.object_id, f.object_label, COALESCE(f.agency_id, ''), COALESCE(a.name, ''), f.severity, "
    "f.chapter, f.due, f.state, f.details, f.first_seen_at, f.last_seen_at, f.resolved_at, f.waived_reason, "
    "f.waived_by_name, f.waived_at";

Finding finding_from(const storage::Row& r) {
  Finding f;
  std::size_t i = 0;
  f.id = r.text_at(i++);
  f.rule_id = r.text_at(i++);
  f.kind = r.text_at(i++);
  f.subject = r.text_at(i++);
  f.object_id = r.text_at(i++);
  f.object_label = r.text_at(i++);
  f.agency_id = r.text_at(i++);
  f.agency_name = r.text_at(i++);
  f.severity = r.text_at(i++);
  f.chapter = r.text_at(i++);
  f.due = r.text_at(i++);
  f.state = r.text_at(i++);
  f.details = r.text_at(i++);
  f.first_seen_at = r.text_at(i++);
  f.last_seen_at = r.text_at(i++);
  f.resolved_at = r.optional_text_at(i++);
  f.waived_reason = r.optional_text_at(i++);
  f.waived_by_name = r.optional_text_at(i++);
  f.waived_at = r.optional_text_at(i++);
  return f;
}

constexpr const char* kSanctionColumns =
    "id, finding_id, step, date, note, automatic, issued_by_name, created_at, letter_sha256, letter_signature, status, basis, "
    "basis_citation, proposed_on, due";

Sanction sanction_from(const storage::Row& r) {
  Sanction x;
  x.id = r.text_at(0);
  x.finding_id = r.text_at(1);
  x.step = r.text_at(2);
  x.date = r.text_at(3);
  x.note = r.text_at(4);
  x.automatic = r.bool_at(5);
  x.issued_by_name = r.text_at(6);
  x.created_at = r.text_at(7);
  x.letter_sha256 = r.text_at(8);
  x.letter_signature = r.text_at(9);
  x.has_letter = !x.letter_sha256.empty();
  x.status = r.text_at(10);
  x.basis = r.text_at(11);
  x.basis_citation = r.text_at(12);
  x.proposed_on = r.text_at(13);
  x.due = r.text_at(14);
  return x;
}

}  // namespace

std::vector<storage::Migration> Repository::migrations() {
  return {
      {500, "compliance findings, sanctions and runs",
       "CREATE TABLE compliance_findings (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "rule_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, object_id TEXT NOT NULL, object_label TEXT NOT NULL, "
       "agency_id TEXT, severity TEXT NOT NULL, chapter TEXT NOT NULL, due TEXT NOT NULL, state TEXT NOT NULL, "
       "details TEXT NOT NULL, first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, resolved_at TEXT, "
       "waived_reason TEXT, waived_by TEXT, waived_by_name TEXT, waived_at TEXT, "
       "UNIQUE (tenant_id, rule_id, kind, subject, object_id));"
       "CREATE INDEX compliance_findings_by_state ON compliance_findings (tenant_id, state, due);"
       "CREATE TABLE compliance_sanctions (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "finding_id TEXT NOT NULL REFERENCES compliance_findings(id), step TEXT NOT NULL, date TEXT NOT NULL, "
       "note TEXT NOT NULL, automatic INTEGER NOT NULL, issued_by TEXT NOT NULL, issued_by_name TEXT NOT NULL, "
       "created_at TEXT NOT NULL, letter_sha256 TEXT NOT NULL, letter_signature TEXT NOT NULL, letter TEXT NOT NULL);"
       "CREATE INDEX compliance_sanctions_by_finding ON compliance_sanctions (tenant_id, finding_id);"
       "CREATE TABLE compliance_runs (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), evaluated_at TEXT NOT NULL)"},
      // Sanctions are proposed by the evaluation with their basis and given when the official
      // decides (Balikpapan Pasal 46): earlier rows were all given.
      {501, "compliance: sanction proposals with their basis",
       "ALTER TABLE compliance_sanctions ADD COLUMN status TEXT NOT NULL DEFAULT 'given';"
       "ALTER TABLE compliance_sanctions ADD COLUMN basis TEXT NOT NULL DEFAULT '';"
       "ALTER TABLE compliance_sanctions ADD COLUMN basis_citation TEXT NOT NULL DEFAULT '';"
       "ALTER TABLE compliance_sanctions ADD COLUMN proposed_on TEXT NOT NULL DEFAULT '';"
       "ALTER TABLE compliance_sanctions ADD COLUMN due TEXT NOT NULL DEFAULT ''"}};
}

std::vector<Finding> Repository::findings(const Scope& s, const FindingFilter& f, const ListQuery& q,
                                          const std::string& today, std::int64_t& total) const {
  std::string from =
      " FROM compliance_findings f LEFT JOIN agencies a ON a.id = f.agency_id AND a.tenant_id = f.tenant_id";
  storage::ListSql list(from);
  list.where("f.tenant_id = ?", {s.tenant_id})
      .equals_if_set("f.agency_id", f.agency_id)
      .equals_if_set("f.state", f.state)
      .equals_if_set("f.severity", f.severity)
      .equals_if_set("f.rule_id", f.rule_id)
      .equals_if_set("f.chapter", f.chapter)
      .equals_if_set("f.subject", f.subject)
      .equals_if_set("f.object_id", f.object_id)
      .contains(q.q, {"f.object_label", "f.rule_id"})
      // Open and overdue first, then by due date, severity and rule: what needs action leads.
      .order_by(
          "CASE f.state WHEN 'open' THEN 0 WHEN 'waived' THEN 1 ELSE 2 END, "
          "CASE WHEN f.state = 'open' AND f.due < ? THEN 0 ELSE 1 END, "
          "CASE f.severity WHEN 'tinggi' THEN 0 WHEN 'sedang' THEN 1 ELSE 2 END, f.due, f.rule_id, f.object_label",
          {today});
  std::vector<Finding> out;
  for (const auto& r : list.page(c_, std::string("SELECT ") + kFindingColumns + from, q, total))
    out.push_back(finding_from(r));
  return out;
}

std::vector<Finding> Repository::all_findings(const Scope& s) const {
  std::vector<Finding> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kFindingColumns +
                                    " FROM compliance_findings f LEFT JOIN agencies a ON a.id = f.agency_id AND "
                                    "a.tenant_id = f.tenant_id WHERE f.tenant_id = ?",
                                {s.tenant_id}))
    out.push_back(finding_from(r));
  return out;
}

std::vector<Finding> Repository::open_findings_due_by(const Scope& s, const std::string& date) const {
  std::vector<Finding> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kFindingColumns +
                                    " FROM compliance_findings f LEFT JOIN agencies a ON a.id = f.agency_id AND "
                                    "a.tenant_id = f.tenant_id WHERE f.tenant_id = ? AND f.state = 'open' AND "
                                    "f.due <> '' AND f.due <= ? ORDER BY f.due, f.id",
                                {s.tenant_id, date}))
    out.push_back(finding_from(r));
  return out;
}

std::optional<Finding> Repository::finding(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kFindingColumns +
                           " FROM compliance_findings f LEFT JOIN agencies a ON a.id = f.agency_id AND "
                           "a.tenant_id = f.tenant_id WHERE f.tenant_id = ? AND f.id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return finding_from(rows.front());
}

namespace {

constexpr const char* kInsertFinding =
    "INSERT INTO compliance_findings (id, tenant_id, rule_id, kind, subject, object_id, object_label, agency_id, severity, "
    "chapter, due, state, details, first_seen_at, last_seen_at) VALUES ";
constexpr const char* kFindingPlaceholders = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

void bind_finding(storage::Params& p, const Scope& s, const Finding& f) {
  for (storage::Value v :
       {storage::Value(f.id), storage::Value(s.tenant_id), storage::Value(f.rule_id), storage::Value(f.kind),
        storage::Value(f.subject), storage::Value(f.object_id), storage::Value(f.object_label),
        f.agency_id.empty() ? storage::Value() : storage::Value(f.agency_id), storage::Value(f.severity),
        storage::Value(f.chapter), storage::Value(f.due), storage::Value(f.state), storage::Value(f.details),
        storage::Value(f.first_seen_at), storage::Value(f.last_seen_at)})
    p.push_back(std::move(v));
}

}  // namespace

void Repository::insert(const Scope& s, const Finding& f) { insert_many(s, {f}); }

void Repository::insert_many(const Scope& s, const std::vector<Finding>& findings) {
  constexpr std::size_t kRowsPerStatement = 64;  // 960 parameters: within both databases' limits
  for (std::size_t from = 0; from < findings.size(); from += kRowsPerStatement) {
    std::size_t to = std::min(findings.size(), from + kRowsPerStatement);
    std::string sql = kInsertFinding;
    storage::Params params;
    params.reserve((to - from) * 15);
    for (std::size_t i = from; i < to; ++i) {
      sql += i == from ? "" : ", ";
      sql += kFindingPlaceholders;
      bind_finding(params, s, findings[i]);
    }
    c_.execute(sql, params);
  }
}

void Repository::update(const Scope& s, const Finding& f) {
  c_.execute(
      "UPDATE compliance_findings SET object_label = ?, agency_id = ?, severity = ?, chapter = ?, due = ?, state = ?, "
      "details = ?, last_seen_at = ?, resolved_at = ? WHERE tenant_id = ? AND id = ?",
      {f.object_label, f.agency_id.empty() ? storage::Value() : storage::Value(f.agency_id), f.severity, f.chapter,
       f.due, f.state, f.details, f.last_seen_at, f.resolved_at, s.tenant_id, f.id});
}

void Repository::waive(const Scope& s, const std::string& id, const std::string& reason, const Actor& by,
                       const std::string& at) {
  c_.execute(
      "UPDATE compliance_findings SET state = 'waived', waived_reason = ?, waived_by = ?, waived_by_name = ?, waived_at = ? "
      "WHERE tenant_id = ? AND id = ?",
      {reason, by.id, by.name, at, s.tenant_id, id});
}

std::vector<Sanction> Repository::sanctions(const Scope& s, const std::string& finding_id) const {
  std::vector<Sanction> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kSanctionColumns +
                    " FROM compliance_sanctions WHERE tenant_id = ? AND finding_id = ? ORDER BY created_at, id",
                {s.tenant_id, finding_id}))
    out.push_back(sanction_from(r));
  return out;
}

std::vector<Sanction> Repository::all_sanctions(const Scope& s) const {
  std::vector<Sanction> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kSanctionColumns +
                                    " FROM compliance_sanctions WHERE tenant_id = ? ORDER BY created_at, id",
                                {s.tenant_id}))
    out.push_back(sanction_from(r));
  return out;
}

std::optional<Sanction> Repository::sanction(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kSanctionColumns + " FROM compliance_sanctions WHERE tenant_id = ? AND id = ?",
               {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return sanction_from(rows.front());
}

void Repository::insert_sanction(const Scope& s, const Sanction& x, const std::string& issued_by,
                                 const std::string& letter_base64) {
  c_.execute(
      "INSERT INTO compliance_sanctions (id, tenant_id, finding_id, step, date, note, automatic, issued_by, issued_by_name, "
      "created_at, letter_sha256, letter_signature, letter, status, basis, basis_citation, proposed_on, due) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, s.tenant_id, x.finding_id, x.step, x.date, x.note, x.automatic, issued_by, x.issued_by_name, x.created_at,
       x.letter_sha256, x.letter_signature, letter_base64, x.status, x.basis, x.basis_citation, x.proposed_on, x.due});
}

void Repository::give_sanction(const Scope& s, const Sanction& x, const std::string& issued_by,
                               const std::string& letter_base64) {
  c_.execute(
      "UPDATE compliance_sanctions SET status = ?, date = ?, note = ?, issued_by = ?, issued_by_name = ?, letter_sha256 = ?, "
      "letter_signature = ?, letter = ? WHERE tenant_id = ? AND id = ? AND status = 'proposed'",
      {x.status, x.date, x.note, issued_by, x.issued_by_name, x.letter_sha256, x.letter_signature, letter_base64,
       s.tenant_id, x.id});
}

std::optional<std::string> Repository::letter_base64(const Scope& s, const std::string& sanction_id) const {
  auto rows = c_.query("SELECT letter FROM compliance_sanctions WHERE tenant_id = ? AND id = ? AND letter <> ''",
                       {s.tenant_id, sanction_id});
  if (rows.empty()) return std::nullopt;
  return rows.front().text_at(0);
}

std::map<std::string, std::int64_t> Repository::open_counts(const Scope& s, const std::string& subject) const {
  std::map<std::string, std::int64_t> out;
  for (const auto& r :
       c_.query("SELECT object_id, count(*) FROM compliance_findings WHERE tenant_id = ? AND subject = ? AND "
                "state = 'open' GROUP BY object_id",
                {s.tenant_id, subject}))
    out[r.text_at(0)] = r.int_at(1);
  return out;
}

void Repository::record_run(const Scope& s, const std::string& at) {
  if (c_.execute("UPDATE compliance_runs SET evaluated_at = ? WHERE tenant_id = ?", {at, s.tenant_id}) == 0)
    c_.execute("INSERT INTO compliance_runs (tenant_id, evaluated_at) VALUES (?, ?)", {s.tenant_id, at});
}

std::optional<std::string> Repository::last_run(const Scope& s) const {
  auto rows = c_.query("SELECT evaluated_at FROM compliance_runs WHERE tenant_id = ?", {s.tenant_id});
  if (rows.empty()) return std::nullopt;
  return rows.front().text_at(0);
}

}  // namespace simpul::regulation
