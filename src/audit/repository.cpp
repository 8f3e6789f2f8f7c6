#include "audit/repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <stdexcept>

namespace simpul::audit {
namespace {

constexpr const char* kProgrammeColumns =
    "id, type, kind, title, aspects, auditor_kind, auditor_name, auditor_reference, planned_start, planned_end, "
    "internal_programme_id, team_decree_number, team_decree_date, team_agency_id, letter, state, started_on, report_date, "
    "closed_on, sent_to_chair_on, sent_to_head_on, created_at, updated_at, imported";

std::string letter_text(const Programme& p) {
  return boost::json::serialize(boost::json::object{{"purpose", p.letter_purpose},
                                                    {"scope", p.letter_scope},
                                                    {"authority", p.letter_authority},
                                                    {"duties", p.letter_duties},
                                                    {"reporting", p.letter_reporting}});
}

std::string letter_field(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

Programme programme_from(const storage::Row& r) {
  Programme p;
  std::size_t i = 0;
  p.id = r.text_at(i++);
  p.type = r.text_at(i++);
  p.kind = r.text_at(i++);
  p.title = r.text_at(i++);
  boost::system::error_code ec;
  auto aspects = boost::json::parse(r.text_at(i++), ec);
  if (!ec && aspects.is_array())
    for (const auto& a : aspects.as_array())
      if (a.is_string()) p.aspects.emplace_back(a.as_string());
  p.auditor_kind = r.text_at(i++);
  p.auditor_name = r.text_at(i++);
  p.auditor_reference = r.text_at(i++);
  p.planned_start = r.text_at(i++);
  p.planned_end = r.text_at(i++);
  p.internal_programme_id = r.optional_text_at(i++);
  p.team_decree_number = r.text_at(i++);
  p.team_decree_date = r.text_at(i++);
  p.team_agency_id = r.text_at(i++);
  auto letter = boost::json::parse(r.text_at(i++), ec);
  if (!ec && letter.is_object()) {
    const auto& o = letter.as_object();
    p.letter_purpose = letter_field(o, "purpose");
    p.letter_scope = letter_field(o, "scope");
    p.letter_authority = letter_field(o, "authority");
    p.letter_duties = letter_field(o, "duties");
    p.letter_reporting = letter_field(o, "reporting");
  }
  p.state = r.text_at(i++);
  p.started_on = r.optional_text_at(i++);
  p.report_date = r.optional_text_at(i++);
  p.closed_on = r.optional_text_at(i++);
  p.sent_to_chair_on = r.optional_text_at(i++);
  p.sent_to_head_on = r.optional_text_at(i++);
  p.created_at = r.text_at(i++);
  p.updated_at = r.text_at(i++);
  p.imported = r.int_at(i++) != 0;
  return p;
}

constexpr const char* kFindingColumns =
    "id, programme_id, object_id, severity, title, recommendation, agency_id, agreed_action, due_date, state, evidence, "
    "followed_up_on, verified_on, verified_by_name, created_at, control_id";

Finding finding_from(const storage::Row& r) {
  Finding f;
  std::size_t i = 0;
  f.id = r.text_at(i++);
  f.programme_id = r.text_at(i++);
  f.object_id = r.text_at(i++);
  f.severity = r.text_at(i++);
  f.title = r.text_at(i++);
  f.recommendation = r.text_at(i++);
  f.agency_id = r.text_at(i++);
  f.agreed_action = r.text_at(i++);
  f.due_date = r.text_at(i++);
  f.state = r.text_at(i++);
  f.evidence = r.text_at(i++);
  f.followed_up_on = r.optional_text_at(i++);
  f.verified_on = r.optional_text_at(i++);
  f.verified_by_name = r.text_at(i++);
  f.created_at = r.text_at(i++);
  f.control_id = r.optional_text_at(i++);
  return f;
}

constexpr const char* kReportColumns =
    "id, programme_id, filename, content_type, size, sha256, version, uploaded_by_name, uploaded_at";

Report report_from(const storage::Row& r) {
  Report x;
  x.id = r.text_at(0);
  x.programme_id = r.text_at(1);
  x.filename = r.text_at(2);
  x.content_type = r.text_at(3);
  x.size = r.int_at(4);
  x.sha256 = r.text_at(5);
  x.version = static_cast<int>(r.int_at(6));
  x.uploaded_by_name = r.text_at(7);
  x.uploaded_at = r.text_at(8);
  return x;
}

// The programme columns a correction may set; anything else never reaches the SQL.
const std::vector<std::string>& correctable_columns() {
  static const std::vector<std::string> k = {
      "title",      "auditor_name", "auditor_reference", "team_decree_number", "team_decree_date",
      "started_on", "report_date",  "closed_on"};
  return k;
}

}  // namespace

std::vector<storage::Migration> Repository::migrations() {
  // Objects are architecture elements (applications, infrastructure); a deleted element keeps its
  // audit history here, so there is no foreign key to arch_elements.
  return {
      {1400, "audit: programmes, objects, findings",
       "CREATE TABLE audit_programmes (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "type TEXT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL, aspects TEXT NOT NULL, auditor_kind TEXT NOT NULL, "
       "auditor_name TEXT NOT NULL, auditor_reference TEXT NOT NULL, planned_start TEXT NOT NULL, planned_end TEXT NOT NULL, "
       "internal_programme_id TEXT, team_decree_number TEXT NOT NULL, team_decree_date TEXT NOT NULL, "
       "team_agency_id TEXT NOT NULL, letter TEXT NOT NULL, state TEXT NOT NULL, started_on TEXT, report_date TEXT, "
       "closed_on TEXT, sent_to_chair_on TEXT, sent_to_head_on TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
       "CREATE INDEX audit_programmes_by_tenant ON audit_programmes (tenant_id, planned_start);"
       "CREATE TABLE audit_programme_objects (tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "programme_id TEXT NOT NULL REFERENCES audit_programmes(id) ON DELETE CASCADE, object_id TEXT NOT NULL, "
       "PRIMARY KEY (programme_id, object_id));"
       "CREATE INDEX audit_programme_objects_by_object ON audit_programme_objects (tenant_id, object_id);"
       "CREATE TABLE audit_findings (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "programme_id TEXT NOT NULL REFERENCES audit_programmes(id) ON DELETE CASCADE, object_id TEXT NOT NULL, "
       "severity TEXT NOT NULL, title TEXT NOT NULL, recommendation TEXT NOT NULL, agency_id TEXT NOT NULL, "
       "agreed_action TEXT NOT NULL, due_date TEXT NOT NULL, state TEXT NOT NULL, evidence TEXT NOT NULL, "
       "followed_up_on TEXT, verified_on TEXT, verified_by_name TEXT NOT NULL, created_at TEXT NOT NULL);"
       "CREATE INDEX audit_findings_by_tenant ON audit_findings (tenant_id, due_date)"},
      {1401, "audit: reports, corrections of closed programmes, coordination records, follow-up reminders",
       "CREATE TABLE audit_reports (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "programme_id TEXT NOT NULL REFERENCES audit_programmes(id) ON DELETE CASCADE, filename TEXT NOT NULL, "
       "content_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, version INTEGER NOT NULL, "
       "uploaded_by_name TEXT NOT NULL, uploaded_at TEXT NOT NULL, UNIQUE (programme_id, version));"
       "CREATE INDEX audit_reports_by_programme ON audit_reports (tenant_id, programme_id);"
       "CREATE TABLE audit_corrections (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "programme_id TEXT NOT NULL REFERENCES audit_programmes(id) ON DELETE CASCADE, field TEXT NOT NULL, "
       "old_value TEXT NOT NULL, new_value TEXT NOT NULL, reason TEXT NOT NULL, corrected_by_name TEXT NOT NULL, "
       "corrected_at TEXT NOT NULL);"
       "CREATE INDEX audit_corrections_by_programme ON audit_corrections (tenant_id, programme_id, corrected_at);"
       "CREATE TABLE audit_coordination (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "programme_id TEXT NOT NULL REFERENCES audit_programmes(id) ON DELETE CASCADE, partner TEXT NOT NULL, "
       "coordinated_on TEXT NOT NULL, note TEXT NOT NULL, recorded_by_name TEXT NOT NULL, recorded_at TEXT NOT NULL);"
       "CREATE INDEX audit_coordination_by_programme ON audit_coordination (tenant_id, programme_id, coordinated_on);"
       "ALTER TABLE audit_findings ADD COLUMN reminded_on TEXT"},
      // The due list reads each object's last audit per type from here instead of grouping the
      // programmes' objects on every request; kept by refresh_last_audits, backfilled once.
      {1402, "audit: last completed external audit per object and type",
       "CREATE TABLE audit_last_audits (tenant_id TEXT NOT NULL REFERENCES tenants(id), object_id TEXT NOT NULL, "
       "type TEXT NOT NULL, report_date TEXT NOT NULL, PRIMARY KEY (tenant_id, object_id, type));"
       "INSERT INTO audit_last_audits (tenant_id, object_id, type, report_date) "
       "SELECT o.tenant_id, o.object_id, p.type, MAX(p.report_date) FROM audit_programme_objects o "
       "JOIN audit_programmes p ON p.id = o.programme_id AND p.tenant_id = o.tenant_id "
       "WHERE p.kind = 'eksternal' AND p.report_date IS NOT NULL GROUP BY o.tenant_id, o.object_id, p.type"},
      // Imported history (application records' last audit dates become completed programmes) and
      // the security control a finding concerns; both read by an object's audit history.
      {1403, "audit: imported programmes, findings linked to a security control, history by object",
       "ALTER TABLE audit_programmes ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;"
       "ALTER TABLE audit_findings ADD COLUMN control_id TEXT;"
       "CREATE INDEX audit_findings_by_object ON audit_findings (tenant_id, object_id);"
       "CREATE INDEX audit_findings_by_control ON audit_findings (tenant_id, control_id)"},
      // Every object × type row of the due list with its due date, so the list's order, pages and
      // status counts and the calendar's months are index range scans (due.cpp). The rows are a
      // cache of what the architecture, audit_last_audits and the profile say: the stamp holds the
      // fingerprint they were computed for, and no stamp (or an empty one) means "recompute".
      {1404, "audit: the due list's rows with their due dates, and what they were computed from",
       "CREATE TABLE audit_due_rows (tenant_id TEXT NOT NULL REFERENCES tenants(id), type TEXT NOT NULL, "
       "object_id TEXT NOT NULL, object_code TEXT NOT NULL, object_name TEXT NOT NULL, object_domain TEXT NOT NULL, "
       "agency_id TEXT NOT NULL, last_audit TEXT, since TEXT NOT NULL, since_day TEXT NOT NULL, due TEXT, "
       "PRIMARY KEY (tenant_id, type, object_id));"
       "CREATE INDEX audit_due_rows_by_due ON audit_due_rows (tenant_id, due, since_day, object_code, type);"
       "CREATE INDEX audit_due_rows_by_agency ON audit_due_rows (tenant_id, agency_id, due, since_day, object_code, type);"
       "CREATE INDEX audit_due_rows_by_type ON audit_due_rows (tenant_id, type, due, since_day, object_code);"
       "CREATE TABLE audit_due_stamps (tenant_id TEXT PRIMARY KEY REFERENCES tenants(id), fingerprint TEXT NOT NULL)"}};
}

void Repository::insert(const Scope& s, const Programme& p) {
  boost::json::array aspects;
  for (const auto& a : p.aspects) aspects.emplace_back(a);
  c_.execute(
      "INSERT INTO audit_programmes (id, tenant_id, type, kind, title, aspects, auditor_kind, auditor_name, "
      "auditor_reference, planned_start, planned_end, internal_programme_id, team_decree_number, team_decree_date, "
      "team_agency_id, letter, state, created_at, updated_at, imported) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {p.id,
       s.tenant_id,
       p.type,
       p.kind,
       p.title,
       boost::json::serialize(aspects),
       p.auditor_kind,
       p.auditor_name,
       p.auditor_reference,
       p.planned_start,
       p.planned_end,
       p.internal_programme_id,
       p.team_decree_number,
       p.team_decree_date,
       p.team_agency_id,
       letter_text(p),
       p.state,
       p.created_at,
       p.updated_at,
       p.imported});
  for (const auto& o : p.object_ids)
    c_.execute("INSERT INTO audit_programme_objects (tenant_id, programme_id, object_id) VALUES (?, ?, ?)",
               {s.tenant_id, p.id, o});
}

void Repository::save_steps(const Scope& s, const Programme& p) {
  c_.execute(
      "UPDATE audit_programmes SET state = ?, started_on = ?, report_date = ?, closed_on = ?, sent_to_chair_on = ?, "
      "sent_to_head_on = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
      {p.state, p.started_on, p.report_date, p.closed_on, p.sent_to_chair_on, p.sent_to_head_on, p.updated_at,
       s.tenant_id, p.id});
  if (p.kind == "eksternal" && p.report_date) refresh_last_audits(s, p.id);
}

void Repository::refresh_last_audits(const Scope& s, const std::string& programme_id) {
  // Recomputed from every programme for this programme's objects (not just raised to its date), so a
  // corrected report date that moves earlier gives the same answer as grouping the programmes would.
  constexpr const char* kObjectsOfProgramme =
      "SELECT object_id FROM audit_programme_objects WHERE tenant_id = ? AND programme_id = ?";
  auto type = c_.query("SELECT type FROM audit_programmes WHERE tenant_id = ? AND id = ?", {s.tenant_id, programme_id});
  if (type.empty()) return;
  c_.execute(std::string("DELETE FROM audit_last_audits WHERE tenant_id = ? AND type = ? AND object_id IN (") +
                 kObjectsOfProgramme + ")",
             {s.tenant_id, type.front().text_at(0), s.tenant_id, programme_id});
  c_.execute(std::string("INSERT INTO audit_last_audits (tenant_id, object_id, type, report_date) "
                         "SELECT o.tenant_id, o.object_id, p.type, MAX(p.report_date) FROM audit_programme_objects o "
                         "JOIN audit_programmes p ON p.id = o.programme_id AND p.tenant_id = o.tenant_id "
                         "WHERE o.tenant_id = ? AND p.type = ? AND p.kind = 'eksternal' AND p.report_date IS NOT NULL "
                         "AND o.object_id IN (") +
                 kObjectsOfProgramme + ") GROUP BY o.tenant_id, o.object_id, p.type",
             {s.tenant_id, type.front().text_at(0), s.tenant_id, programme_id});
  // The stored due rows read the last audits: recompute them on the next read.
  c_.execute("UPDATE audit_due_stamps SET fingerprint = '' WHERE tenant_id = ?", {s.tenant_id});
}

std::vector<std::string> Repository::objects_of(const Scope& s, const std::string& programme_id) const {
  std::vector<std::string> out;
  for (const auto& r : c_.query(
           "SELECT object_id FROM audit_programme_objects WHERE tenant_id = ? AND programme_id = ? ORDER BY object_id",
           {s.tenant_id, programme_id}))
    out.push_back(r.text_at(0));
  return out;
}

std::optional<Programme> Repository::programme(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kProgrammeColumns + " FROM audit_programmes WHERE tenant_id = ? AND id = ?",
               {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  auto p = programme_from(rows.front());
  p.object_ids = objects_of(s, p.id);
  return p;
}

std::vector<Programme> Repository::programmes(const Scope& s, const std::string& type) const {
  std::vector<Programme> out;
  for (const auto& r : c_.query(
           std::string("SELECT ") + kProgrammeColumns +
               " FROM audit_programmes WHERE tenant_id = ? AND (? = '' OR type = ?) ORDER BY planned_start DESC, id",
           {s.tenant_id, type, type}))
    out.push_back(programme_from(r));
  for (auto& p : out) p.object_ids = objects_of(s, p.id);
  return out;
}

std::map<std::pair<std::string, std::string>, std::string> Repository::last_audits(const Scope& s) const {
  std::map<std::pair<std::string, std::string>, std::string> out;
  for (const auto& r :
       c_.query("SELECT object_id, type, report_date FROM audit_last_audits WHERE tenant_id = ?", {s.tenant_id}))
    out[{r.text_at(0), r.text_at(1)}] = r.text_at(2);
  return out;
}

void Repository::insert(const Scope& s, const Finding& f) {
  c_.execute(
      "INSERT INTO audit_findings (id, tenant_id, programme_id, object_id, severity, title, recommendation, agency_id, "
      "agreed_action, due_date, state, evidence, followed_up_on, verified_on, verified_by_name, created_at, control_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {f.id, s.tenant_id, f.programme_id, f.object_id, f.severity, f.title, f.recommendation, f.agency_id,
       f.agreed_action, f.due_date, f.state, f.evidence, f.followed_up_on, f.verified_on, f.verified_by_name,
       f.created_at, f.control_id});
}

void Repository::save_follow_up(const Scope& s, const Finding& f) {
  c_.execute(
      "UPDATE audit_findings SET state = ?, evidence = ?, followed_up_on = ?, verified_on = ?, verified_by_name = ? "
      "WHERE tenant_id = ? AND id = ?",
      {f.state, f.evidence, f.followed_up_on, f.verified_on, f.verified_by_name, s.tenant_id, f.id});
}

std::optional<Finding> Repository::finding(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kFindingColumns + " FROM audit_findings WHERE tenant_id = ? AND id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return finding_from(rows.front());
}

std::vector<Finding> Repository::findings(const Scope& s, const std::string& programme_id,
                                          const std::string& agency_id) const {
  std::vector<Finding> out;
  for (
      const auto& r : c_.query(
          std::string("SELECT ") + kFindingColumns +
              " FROM audit_findings WHERE tenant_id = ? AND (? = '' OR programme_id = ?) AND (? = '' OR agency_id = ?) "
              "ORDER BY due_date, id",
          {s.tenant_id, programme_id, programme_id, agency_id, agency_id}))
    out.push_back(finding_from(r));
  return out;
}

std::vector<Finding> Repository::findings_to_remind(const Scope& s, const std::string& horizon) const {
  std::vector<Finding> out;
  for (const auto& r : c_.query(std::string("SELECT ") + kFindingColumns +
                                    " FROM audit_findings WHERE tenant_id = ? AND state = 'terbuka' AND due_date <= ? "
                                    "AND reminded_on IS NULL ORDER BY due_date, id",
                                {s.tenant_id, horizon}))
    out.push_back(finding_from(r));
  return out;
}

void Repository::mark_reminded(const Scope& s, const std::string& finding_id, const std::string& on) {
  c_.execute("UPDATE audit_findings SET reminded_on = ? WHERE tenant_id = ? AND id = ?", {on, s.tenant_id, finding_id});
}

void Repository::insert(const Scope& s, const Report& x) {
  c_.execute(
      "INSERT INTO audit_reports (id, tenant_id, programme_id, filename, content_type, size, sha256, version, uploaded_by_name, "
      "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, s.tenant_id, x.programme_id, x.filename, x.content_type, x.size, x.sha256, x.version, x.uploaded_by_name,
       x.uploaded_at});
}

std::vector<Report> Repository::reports(const Scope& s, const std::string& programme_id) const {
  std::vector<Report> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kReportColumns +
                    " FROM audit_reports WHERE tenant_id = ? AND programme_id = ? ORDER BY version DESC",
                {s.tenant_id, programme_id}))
    out.push_back(report_from(r));
  return out;
}

std::optional<Report> Repository::report(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kReportColumns + " FROM audit_reports WHERE tenant_id = ? AND id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return report_from(rows.front());
}

void Repository::correct(const Scope& s, const std::string& programme_id, const std::string& column,
                         const std::optional<std::string>& value, const std::string& updated_at) {
  const auto& allowed = correctable_columns();
  if (std::find(allowed.begin(), allowed.end(), column) == allowed.end())
    throw std::logic_error("not a correctable column: " + column);
  c_.execute("UPDATE audit_programmes SET " + column + " = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
             {value, updated_at, s.tenant_id, programme_id});
  if (column == "report_date") refresh_last_audits(s, programme_id);
}

void Repository::insert(const Scope& s, const Correction& x) {
  c_.execute(
      "INSERT INTO audit_corrections (id, tenant_id, programme_id, field, old_value, new_value, reason, corrected_by_name, "
      "corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, s.tenant_id, x.programme_id, x.field, x.old_value, x.new_value, x.reason, x.corrected_by_name,
       x.corrected_at});
}

std::vector<Correction> Repository::corrections(const Scope& s, const std::string& programme_id) const {
  std::vector<Correction> out;
  for (const auto& r :
       c_.query("SELECT id, programme_id, field, old_value, new_value, reason, corrected_by_name, corrected_at "
                "FROM audit_corrections WHERE tenant_id = ? AND programme_id = ? ORDER BY corrected_at, id",
                {s.tenant_id, programme_id}))
    out.push_back(Correction{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5),
                             r.text_at(6), r.text_at(7)});
  return out;
}

void Repository::insert(const Scope& s, const Coordination& x) {
  c_.execute(
      "INSERT INTO audit_coordination (id, tenant_id, programme_id, partner, coordinated_on, note, recorded_by_name, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, s.tenant_id, x.programme_id, x.with, x.date, x.note, x.recorded_by_name, x.recorded_at});
}

std::vector<Coordination> Repository::coordination(const Scope& s, const std::string& programme_id) const {
  std::vector<Coordination> out;
  for (const auto& r :
       c_.query("SELECT id, programme_id, partner, coordinated_on, note, recorded_by_name, recorded_at "
                "FROM audit_coordination WHERE tenant_id = ? AND programme_id = ? ORDER BY coordinated_on, id",
                {s.tenant_id, programme_id}))
    out.push_back(
        Coordination{r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.text_at(6)});
  return out;
}

}  // namespace simpul::audit
