#include "audit/due_repository.hpp"

#include <algorithm>

namespace simpul::audit {
namespace {

/// "?, ?, ?" for `values`, appended to `params`; "NULL" (matches nothing) when empty.
std::string due_placeholders(const std::vector<std::string>& values, storage::Params& params) {
  if (values.empty()) return "NULL";
  std::string out;
  for (const auto& v : values) {
    out += out.empty() ? "?" : ", ?";
    params.emplace_back(v);
  }
  return out;
}

/// A string attribute of an element's JSON attributes.
std::string due_attribute(storage::Dialect d, const char* key) {
  if (d == storage::Dialect::Postgres) return std::string("(e.attributes::jsonb ->> '") + key + "')";
  return std::string("json_extract(e.attributes, '$.") + key + "')";
}

/// The Pemda's local date of an element's registration (created_at is UTC, YYYY-MM-DDTHH:MM:SSZ).
/// The offset is the profile's whole number of hours, never input.
std::string due_registered_on(storage::Dialect d, int utc_offset_hours) {
  std::string hours = std::to_string(utc_offset_hours);
  if (d == storage::Dialect::Postgres)
    return "to_char(CAST(e.created_at AS timestamp) + interval '" + hours + " hours', 'YYYY-MM-DD')";
  return "date(e.created_at, '+" + hours + " hours')";
}

/// The WHERE of one type's objects: infrastructure and/or live applications of its categories.
std::string due_scope_sql(storage::Dialect d, const DueTypeScope& t, const DueFilter& f, storage::Params& params) {
  std::vector<std::string> parts;
  if (t.infrastructure) parts.emplace_back("e.domain = 'infrastruktur'");
  if (!t.application_categories.empty()) {
    // Built step by step: the placeholders must be appended in the order of their parameters.
    std::string category = due_attribute(d, "category"), stage = due_attribute(d, "lifecycle_stage");
    std::string app = "(e.domain = 'aplikasi' AND " + stage + " <> 'pensiun' AND " + stage + " IN (";
    app += due_placeholders(f.live_stages, params);
    app += ") AND " + category + " IN (";
    app += due_placeholders(t.application_categories, params);
    app += ")";
    if (!t.pemda_built_categories.empty()) {
      app += " AND (" + category + " NOT IN (";
      app += due_placeholders(t.pemda_built_categories, params);
      app += ") OR e.id IN (";
      app += due_placeholders(t.pemda_built_ids, params);
      app += "))";
    }
    parts.push_back(app + ")");
  }
  if (parts.empty()) return "1 = 0";
  std::string out = "(";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " OR " : "") + parts[i];
  return out + ")";
}

}  // namespace

std::vector<DueItem> DueRepository::source_rows(const Scope& s, const DueFilter& f) const {
  std::vector<DueItem> out;
  if (f.types.empty()) return out;
  auto d = c_.dialect();
  storage::Params params;
  std::string sql;
  for (const auto& t : f.types) {
    if (!sql.empty()) sql += " UNION ALL ";
    sql +=
        "SELECT CAST(? AS TEXT), e.id, e.code, e.name, e.domain, e.owner_agency_id, '', l.report_date, "
        "COALESCE(l.report_date, " +
        due_registered_on(d, f.utc_offset_hours) +
        ") FROM arch_elements e LEFT JOIN audit_last_audits l ON l.tenant_id = e.tenant_id "
        "AND l.object_id = e.id AND l.type = ? WHERE e.tenant_id = ? AND e.state <> 'retired' AND ";
    params.emplace_back(t.type);
    params.emplace_back(t.type);
    params.emplace_back(s.tenant_id);
    sql += due_scope_sql(d, t, f, params);
  }
  for (const auto& r : c_.query(sql, params)) out.push_back(due_item(r));
  return out;
}

ElementStamp DueRepository::element_stamp(const Scope& s) const {
  auto r = c_.query("SELECT COUNT(*), MAX(updated_at) FROM arch_elements WHERE tenant_id = ?", {s.tenant_id});
  return {r.front().int_at(0), r.front().optional_text_at(1).value_or("")};
}

std::string DueRepository::stored_fingerprint(const Scope& s) const {
  auto r = c_.query("SELECT fingerprint FROM audit_due_stamps WHERE tenant_id = ?", {s.tenant_id});
  return r.empty() ? std::string() : r.front().text_at(0);
}

void DueRepository::lock_stamp(const Scope& s) {
  c_.execute("INSERT INTO audit_due_stamps (tenant_id, fingerprint) VALUES (?, '') ON CONFLICT (tenant_id) DO NOTHING",
             {s.tenant_id});
  c_.execute("UPDATE audit_due_stamps SET fingerprint = fingerprint WHERE tenant_id = ?", {s.tenant_id});
}

void DueRepository::replace(const Scope& s, const std::vector<DueItem>& rows, const std::string& fingerprint) {
  c_.execute("DELETE FROM audit_due_rows WHERE tenant_id = ?", {s.tenant_id});
  constexpr std::size_t kBatch = 200;  // 11 parameters a row: under every driver's limit
  for (std::size_t i = 0; i < rows.size(); i += kBatch) {
    std::string sql =
        "INSERT INTO audit_due_rows (tenant_id, type, object_id, object_code, object_name, object_domain, agency_id, "
        "last_audit, since, since_day, due) VALUES ";
    storage::Params params;
    for (std::size_t j = i; j < std::min(rows.size(), i + kBatch); ++j) {
      const auto& x = rows[j];
      sql += j == i ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      params.insert(params.end(), {s.tenant_id, x.type, x.object_id, x.object_code, x.object_name, x.object_domain,
                                   x.agency_id, x.last_audit, x.since, x.since.substr(8, 2), x.due});
    }
    c_.execute(sql, params);
  }
  c_.execute("UPDATE audit_due_stamps SET fingerprint = ? WHERE tenant_id = ?", {fingerprint, s.tenant_id});
}

std::string DueRepository::stored_filter(const DueFilter& f, storage::Params& params) {
  std::string out;
  if (!f.type.empty()) {
    out += " AND d.type = ?";
    params.emplace_back(f.type);
  }
  if (!f.agency_id.empty()) {
    out += " AND d.agency_id = ?";
    params.emplace_back(f.agency_id);
  }
  return out;
}

DueItem DueRepository::due_item(const storage::Row& r) {
  DueItem d;
  d.type = r.text_at(0);
  d.object_id = r.text_at(1);
  d.object_code = r.text_at(2);
  d.object_name = r.text_at(3);
  d.object_domain = r.text_at(4);
  d.agency_id = r.text_at(5);
  d.agency_name = r.text_at(6);
  d.last_audit = r.optional_text_at(7);
  d.since = r.text_at(8);
  if (r.size() > 9) d.due = r.optional_text_at(9);
  return d;
}

std::vector<DueItem> DueRepository::page(const Scope& s, const DueFilter& f, std::int64_t limit,
                                         std::int64_t offset) const {
  std::vector<DueItem> out;
  if (f.buckets.empty()) return out;
  // The buckets are a run of neighbours (terlambat < jatuh_tempo < aman), so one due date range.
  auto has = [&](const char* b) { return std::find(f.buckets.begin(), f.buckets.end(), b) != f.buckets.end(); };
  storage::Params params{s.tenant_id};
  std::string where = "d.tenant_id = ? AND d.due IS NOT NULL";
  if (!has("terlambat")) {
    where += has("jatuh_tempo") ? " AND d.due >= ?" : " AND d.due > ?";
    params.emplace_back(has("jatuh_tempo") ? f.today : f.horizon);
  }
  if (!has("aman")) {
    where += has("jatuh_tempo") ? " AND d.due <= ?" : " AND d.due < ?";
    params.emplace_back(has("jatuh_tempo") ? f.horizon : f.today);
  }
  where += stored_filter(f, params);
  // The PD's name is joined to the page's rows only.
  std::string sql = std::string("SELECT ") + kStoredDueColumns + " FROM (SELECT d.* FROM audit_due_rows d WHERE " +
                    where + " ORDER BY " + kStoredDueOrder +
                    " LIMIT ? OFFSET ?) d LEFT JOIN agencies ag ON ag.id = d.agency_id AND ag.tenant_id = d.tenant_id "
                    "ORDER BY " +
                    kStoredDueOrder;
  params.emplace_back(limit);
  params.emplace_back(offset);
  for (const auto& r : c_.query(sql, params)) out.push_back(due_item(r));
  return out;
}

std::map<std::string, std::int64_t> DueRepository::totals(const Scope& s, const DueFilter& f) const {
  std::map<std::string, std::int64_t> out = {{"terlambat", 0}, {"jatuh_tempo", 0}, {"aman", 0}, {"tanpa_jadwal", 0}};
  storage::Params params{f.today, f.horizon, s.tenant_id};
  std::string sql =
      "SELECT CASE WHEN d.due IS NULL THEN 'tanpa_jadwal' WHEN d.due < ? THEN 'terlambat' WHEN d.due <= ? "
      "THEN 'jatuh_tempo' ELSE 'aman' END, COUNT(*) FROM audit_due_rows d WHERE d.tenant_id = ?";
  sql += stored_filter(f, params);
  sql += " GROUP BY 1";
  for (const auto& r : c_.query(sql, params)) out[r.text_at(0)] = r.int_at(1);
  return out;
}

}  // namespace simpul::audit
