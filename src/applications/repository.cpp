#include "applications/repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace simpul::applications {
namespace {

constexpr const char* kRecordColumns =
    "element_id, operator_agency_id, builder, vendor_name, source_model, hosting, subdomain, contact_email, "
    "similar_to_umum, justification, last_audit_date, live_since";

Record record_from(const storage::Row& r) {
  Record x;
  x.operator_agency_id = r.optional_text_at(1);
  x.builder = r.text_at(2);
  x.vendor_name = r.text_at(3);
  x.source_model = r.text_at(4);
  x.hosting = r.text_at(5);
  x.subdomain = r.text_at(6);
  x.contact_email = r.text_at(7);
  x.similar_to_umum = r.bool_at(8);
  boost::system::error_code ec;
  auto j = boost::json::parse(r.text_at(9), ec);
  if (!ec && j.is_object()) x.justification = j.as_object();
  x.last_audit_date = r.optional_text_at(10);
  x.live_since = r.optional_text_at(11);
  return x;
}

constexpr const char* kRecommendationColumns =
    "r.id, r.application_id, e.code, e.name, e.owner_agency_id, a.name, r.state, r.purpose, r.justification, "
    "r.requested_by, r.requested_by_name, r.requested_at, r.reasons, r.decided_by_name, r.decided_at "
    "FROM app_recommendations r JOIN arch_elements e ON e.id = r.application_id "
    "JOIN agencies a ON a.id = e.owner_agency_id ";

Recommendation recommendation_from(const storage::Row& r) {
  Recommendation x;
  std::size_t i = 0;
  x.id = r.text_at(i++);
  x.application_id = r.text_at(i++);
  x.application_code = r.text_at(i++);
  x.application_name = r.text_at(i++);
  x.owner_agency_id = r.text_at(i++);
  x.owner_agency_name = r.text_at(i++);
  x.state = r.text_at(i++);
  x.purpose = r.text_at(i++);
  x.justification = r.text_at(i++);
  x.requested_by = r.text_at(i++);
  x.requested_by_name = r.text_at(i++);
  x.requested_at = r.text_at(i++);
  x.reasons = r.text_at(i++);
  x.decided_by_name = r.text_at(i++);
  x.decided_at = r.optional_text_at(i++);
  return x;
}

constexpr const char* kArtifactColumns =
    "id, application_id, kind, release, filename, size, sha256, uploaded_by_name, uploaded_at, "
    "explanations_confirmed_by_name, explanations_confirmed_at, explanations_note";

Artifact artifact_from(const storage::Row& r) {
  Artifact a;
  a.id = r.text_at(0);
  a.application_id = r.text_at(1);
  a.kind = r.text_at(2);
  a.release = r.text_at(3);
  a.filename = r.text_at(4);
  a.size = r.int_at(5);
  a.sha256 = r.text_at(6);
  a.uploaded_by_name = r.text_at(7);
  a.uploaded_at = r.text_at(8);
  a.explanations_confirmed_by_name = r.optional_text_at(9).value_or("");
  a.explanations_confirmed_at = r.optional_text_at(10).value_or("");
  a.explanations_note = r.optional_text_at(11).value_or("");
  return a;
}

std::vector<std::pair<std::string, std::string>> pairs(storage::Connection& c, const char* sql, const Scope& s) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : c.query(sql, {s.tenant_id})) out.emplace_back(r.text_at(0), r.text_at(1));
  return out;
}

std::set<std::string> ids(storage::Connection& c, const char* sql, const Scope& s) {
  std::set<std::string> out;
  for (const auto& r : c.query(sql, {s.tenant_id})) out.insert(r.text_at(0));
  return out;
}

std::map<std::string, std::int64_t> counts(storage::Connection& c, const char* sql, const Scope& s) {
  std::map<std::string, std::int64_t> out;
  for (const auto& r : c.query(sql, {s.tenant_id})) out[r.text_at(0)] = r.int_at(1);
  return out;
}

}  // namespace

std::vector<storage::Migration> Repository::migrations() {
  // Records hang off the architecture element; deleting the element deletes its lifecycle
  // history too (the ledger keeps every entry). The files of the Repositori are in the storage
  // layer's repository_blobs (storage::blob_store_migrations(); this migration created that table
  // in databases made before it moved).
  return {
      {600, "applications: records, recommendations, considerations, tests, repository",
       "CREATE TABLE applications (element_id TEXT PRIMARY KEY REFERENCES arch_elements(id) ON DELETE CASCADE, "
       "tenant_id TEXT NOT NULL REFERENCES tenants(id), operator_agency_id TEXT, builder TEXT NOT NULL, "
       "vendor_name TEXT NOT NULL, source_model TEXT NOT NULL, hosting TEXT NOT NULL, subdomain TEXT NOT NULL, "
       "contact_email TEXT NOT NULL, similar_to_umum INTEGER NOT NULL, justification TEXT NOT NULL, "
       "last_audit_date TEXT, live_since TEXT, updated_at TEXT NOT NULL);"
       "CREATE INDEX applications_by_tenant ON applications (tenant_id);"
       "CREATE TABLE app_recommendations (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "application_id TEXT NOT NULL REFERENCES arch_elements(id) ON DELETE CASCADE, state TEXT NOT NULL, "
       "purpose TEXT NOT NULL, justification TEXT NOT NULL, requested_by TEXT NOT NULL, requested_by_name TEXT NOT NULL, "
       "requested_at TEXT NOT NULL, reasons TEXT NOT NULL, decided_by TEXT NOT NULL, decided_by_name TEXT NOT NULL, "
       "decided_at TEXT);"
       "CREATE INDEX app_recommendations_by_app ON app_recommendations (tenant_id, application_id);"
       "CREATE TABLE app_considerations (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "application_id TEXT NOT NULL REFERENCES arch_elements(id) ON DELETE CASCADE, kind TEXT NOT NULL, "
       "reference TEXT NOT NULL, date TEXT NOT NULL, decision TEXT NOT NULL, note TEXT NOT NULL, "
       "recorded_by_name TEXT NOT NULL, recorded_at TEXT NOT NULL);"
       "CREATE INDEX app_considerations_by_app ON app_considerations (tenant_id, application_id);"
       "CREATE TABLE app_tests (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "application_id TEXT NOT NULL REFERENCES arch_elements(id) ON DELETE CASCADE, date TEXT NOT NULL, "
       "release TEXT NOT NULL, result TEXT NOT NULL, summary TEXT NOT NULL, recorded_by_name TEXT NOT NULL, "
       "recorded_at TEXT NOT NULL);"
       "CREATE INDEX app_tests_by_app ON app_tests (tenant_id, application_id);"
       "CREATE TABLE app_artifacts (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL REFERENCES tenants(id), "
       "application_id TEXT NOT NULL REFERENCES arch_elements(id) ON DELETE CASCADE, kind TEXT NOT NULL, "
       "release TEXT NOT NULL, filename TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, "
       "uploaded_by_name TEXT NOT NULL, uploaded_at TEXT NOT NULL);"
       "CREATE INDEX app_artifacts_by_app ON app_artifacts (tenant_id, application_id)"},
      // 'server_sendiri' was read as a server in the PD's own office, the very case Pasal 14 forbids;
      // it always meant a PD-owned server inside the Pusat Data, and is named so now. A server in
      // the PD's own premises is a value of its own (server_di_kantor_pd).
      {601, "applications: hosting value names that cannot be mistaken",
       "UPDATE applications SET hosting = 'server_pd_di_pusat_data' WHERE hosting = 'server_sendiri'"},
      // Madiun Pasal 24 ayat (4): the reviewer's confirmation that the source code explains each procedure.
      {610, "applications: confirmation of the source code's procedure explanations",
       "ALTER TABLE app_artifacts ADD COLUMN explanations_confirmed_by_name TEXT;"
       "ALTER TABLE app_artifacts ADD COLUMN explanations_confirmed_at TEXT;"
       "ALTER TABLE app_artifacts ADD COLUMN explanations_note TEXT"}};
}

std::optional<Record> Repository::record(const Scope& s, const std::string& id) const {
  auto rows =
      c_.query(std::string("SELECT ") + kRecordColumns + " FROM applications WHERE tenant_id = ? AND element_id = ?",
               {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return record_from(rows.front());
}

std::map<std::string, Record> Repository::records(const Scope& s) const {
  std::map<std::string, Record> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kRecordColumns + " FROM applications WHERE tenant_id = ?", {s.tenant_id}))
    out.emplace(r.text_at(0), record_from(r));
  return out;
}

void Repository::save_record(const Scope& s, const std::string& id, const Record& r, const std::string& now) {
  storage::Params values{r.operator_agency_id,
                         r.builder,
                         r.vendor_name,
                         r.source_model,
                         r.hosting,
                         r.subdomain,
                         r.contact_email,
                         r.similar_to_umum,
                         boost::json::serialize(r.justification),
                         r.last_audit_date,
                         r.live_since,
                         now,
                         s.tenant_id,
                         id};
  if (c_.execute(
          "UPDATE applications SET operator_agency_id = ?, builder = ?, vendor_name = ?, source_model = ?, hosting = ?, "
          "subdomain = ?, contact_email = ?, similar_to_umum = ?, justification = ?, last_audit_date = ?, "
          "live_since = ?, updated_at = ? WHERE tenant_id = ? AND element_id = ?",
          values) > 0)
    return;
  c_.execute(
      "INSERT INTO applications (operator_agency_id, builder, vendor_name, source_model, hosting, subdomain, "
      "contact_email, similar_to_umum, justification, last_audit_date, live_since, updated_at, tenant_id, element_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      values);
}

void Repository::insert(const Scope& s, const Recommendation& r) {
  c_.execute(
      "INSERT INTO app_recommendations (id, tenant_id, application_id, state, purpose, justification, requested_by, "
      "requested_by_name, requested_at, reasons, decided_by, decided_by_name, decided_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', NULL)",
      {r.id, s.tenant_id, r.application_id, r.state, r.purpose, r.justification, r.requested_by, r.requested_by_name,
       r.requested_at});
}

std::optional<Recommendation> Repository::recommendation(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kRecommendationColumns + "WHERE r.tenant_id = ? AND r.id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return recommendation_from(rows.front());
}

std::vector<Recommendation> Repository::recommendations(const Scope& s, const std::string& state,
                                                        const std::string& application_id) const {
  std::string sql = std::string("SELECT ") + kRecommendationColumns + "WHERE r.tenant_id = ?";
  storage::Params params{s.tenant_id};
  if (!state.empty()) {
    sql += " AND r.state = ?";
    params.emplace_back(state);
  }
  if (!application_id.empty()) {
    sql += " AND r.application_id = ?";
    params.emplace_back(application_id);
  }
  std::vector<Recommendation> out;
  for (const auto& r : c_.query(sql + " ORDER BY r.requested_at DESC, r.id LIMIT 500", params))
    out.push_back(recommendation_from(r));
  return out;
}

void Repository::decide(const Scope& s, const Recommendation& r, const std::string& decided_by) {
  c_.execute(
      "UPDATE app_recommendations SET state = ?, reasons = ?, decided_by = ?, decided_by_name = ?, decided_at = ? "
      "WHERE tenant_id = ? AND id = ?",
      {r.state, r.reasons, decided_by, r.decided_by_name, r.decided_at, s.tenant_id, r.id});
}

void Repository::insert(const Scope& s, const std::string& application_id, const Consideration& x) {
  c_.execute(
      "INSERT INTO app_considerations (id, tenant_id, application_id, kind, reference, date, decision, note, "
      "recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {x.id, s.tenant_id, application_id, x.kind, x.reference, x.date, x.decision, x.note, x.recorded_by_name,
       x.recorded_at});
}

std::vector<Consideration> Repository::considerations(const Scope& s, const std::string& application_id) const {
  std::vector<Consideration> out;
  for (const auto& r :
       c_.query("SELECT id, kind, reference, date, decision, note, recorded_by_name, recorded_at "
                "FROM app_considerations WHERE tenant_id = ? AND application_id = ? ORDER BY date, recorded_at",
                {s.tenant_id, application_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.text_at(6),
                   r.text_at(7)});
  return out;
}

void Repository::insert(const Scope& s, const std::string& application_id, const TestRecord& t) {
  c_.execute(
      "INSERT INTO app_tests (id, tenant_id, application_id, date, release, result, summary, recorded_by_name, "
      "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id, s.tenant_id, application_id, t.date, t.release, t.result, t.summary, t.recorded_by_name, t.recorded_at});
}

std::vector<TestRecord> Repository::tests(const Scope& s, const std::string& application_id) const {
  std::vector<TestRecord> out;
  for (const auto& r :
       c_.query("SELECT id, date, release, result, summary, recorded_by_name, recorded_at FROM app_tests "
                "WHERE tenant_id = ? AND application_id = ? ORDER BY date, recorded_at",
                {s.tenant_id, application_id}))
    out.push_back({r.text_at(0), r.text_at(1), r.text_at(2), r.text_at(3), r.text_at(4), r.text_at(5), r.text_at(6)});
  return out;
}

void Repository::insert(const Scope& s, const Artifact& a) {
  c_.execute(
      "INSERT INTO app_artifacts (id, tenant_id, application_id, kind, release, filename, size, sha256, "
      "uploaded_by_name, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.id, s.tenant_id, a.application_id, a.kind, a.release, a.filename, a.size, a.sha256, a.uploaded_by_name,
       a.uploaded_at});
}

std::vector<Artifact> Repository::artifacts(const Scope& s, const std::string& application_id) const {
  std::vector<Artifact> out;
  for (const auto& r :
       c_.query(std::string("SELECT ") + kArtifactColumns +
                    " FROM app_artifacts WHERE tenant_id = ? AND application_id = ? ORDER BY uploaded_at DESC, id",
                {s.tenant_id, application_id}))
    out.push_back(artifact_from(r));
  return out;
}

std::optional<Artifact> Repository::artifact(const Scope& s, const std::string& id) const {
  auto rows = c_.query(std::string("SELECT ") + kArtifactColumns + " FROM app_artifacts WHERE tenant_id = ? AND id = ?",
                       {s.tenant_id, id});
  if (rows.empty()) return std::nullopt;
  return artifact_from(rows.front());
}

std::set<std::string> Repository::approved_recommendations(const Scope& s) const {
  return ids(c_, "SELECT DISTINCT application_id FROM app_recommendations WHERE tenant_id = ? AND state = 'disetujui'",
             s);
}

std::vector<std::pair<std::string, std::string>> Repository::approved_considerations(const Scope& s) const {
  return pairs(
      c_, "SELECT DISTINCT application_id, kind FROM app_considerations WHERE tenant_id = ? AND decision = 'disetujui'",
      s);
}

std::set<std::string> Repository::passed_tests(const Scope& s) const {
  return ids(c_, "SELECT DISTINCT application_id FROM app_tests WHERE tenant_id = ? AND result = 'lulus'", s);
}

void Repository::confirm_explanations(const Scope& s, const Artifact& a) {
  c_.execute(
      "UPDATE app_artifacts SET explanations_confirmed_by_name = ?, explanations_confirmed_at = ?, explanations_note = ? "
      "WHERE tenant_id = ? AND id = ?",
      {a.explanations_confirmed_by_name, a.explanations_confirmed_at, a.explanations_note, s.tenant_id, a.id});
}

std::set<std::string> Repository::explained_sources(const Scope& s) const {
  return ids(c_,
             "SELECT DISTINCT application_id FROM app_artifacts WHERE tenant_id = ? AND kind = 'kode_sumber' "
             "AND explanations_confirmed_at IS NOT NULL",
             s);
}

std::vector<std::pair<std::string, std::string>> Repository::artifact_kinds(const Scope& s) const {
  return pairs(c_, "SELECT DISTINCT application_id, kind FROM app_artifacts WHERE tenant_id = ?", s);
}

}  // namespace simpul::applications
