#include "audit/due_repository.hpp"

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

/// Due date order without computing it: `months` after `since` orders as the month number plus the
/// months, then the day (a day clamped to a shorter month keeps its order); then code and type.
std::string due_order(const std::string& x) {
  return "CAST(substr(" + x + ".since, 1, 4) AS INTEGER) * 12 + CAST(substr(" + x + ".since, 6, 2) AS INTEGER) + " + x +
         ".months, substr(" + x + ".since, 9, 2), " + x + ".object_code, " + x + ".type";
}

}  // namespace

std::string DueRepository::rows_sql(const Scope& s, const DueFilter& f, storage::Params& params) const {
  auto d = c_.dialect();
  std::string out;
  for (const auto& t : f.types) {
    if (!out.empty()) out += " UNION ALL ";
    std::string months = std::to_string(t.months);
    // The bucket: where `since` falls against the type's bounds (no cadence: no due date at all).
    out +=
        "SELECT b.*, CASE WHEN b.months = 0 THEN 'tanpa_jadwal' WHEN b.since < ? THEN 'terlambat' "
        "WHEN b.since < ? THEN 'jatuh_tempo' ELSE 'aman' END AS bucket FROM (";
    params.emplace_back(t.overdue_before);
    params.emplace_back(t.soon_before);
    out +=
        "SELECT e.id AS object_id, e.code AS object_code, e.name AS object_name, e.domain AS object_domain, "
        "e.owner_agency_id AS agency_id, CAST(? AS TEXT) AS type, " +
        months + " AS months, l.report_date AS last_audit, COALESCE(l.report_date, " +
        due_registered_on(d, f.utc_offset_hours) +
        ") AS since FROM arch_elements e LEFT JOIN audit_last_audits l ON l.tenant_id = e.tenant_id "
        "AND l.object_id = e.id AND l.type = ? WHERE e.tenant_id = ? AND e.state <> 'retired' AND ";
    params.emplace_back(t.type);
    params.emplace_back(t.type);
    params.emplace_back(s.tenant_id);
    out += due_scope_sql(d, t, f, params);
    if (!f.agency_id.empty()) {
      out += " AND e.owner_agency_id = ?";
      params.emplace_back(f.agency_id);
    }
    out += ") b";
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
  return d;
}

std::vector<DueItem> DueRepository::page(const Scope& s, const DueFilter& f, std::int64_t limit,
                                         std::int64_t offset) const {
  std::vector<DueItem> out;
  if (f.types.empty() || f.buckets.empty()) return out;
  storage::Params params;
  // The PD's name is joined to the page's rows only, not to every row sorted and counted.
  std::string sql =
      "SELECT y.type, y.object_id, y.object_code, y.object_name, y.object_domain, y.agency_id, "
      "COALESCE(ag.name, ''), y.last_audit, y.since FROM (SELECT x.* FROM (";
  sql += rows_sql(s, f, params);  // its parameters first, then the buckets'
  sql += ") x WHERE x.bucket IN (";
  sql += due_placeholders(f.buckets, params);
  sql += ") ORDER BY " + due_order("x") + " LIMIT ? OFFSET ?) y LEFT JOIN agencies ag ON ag.id = y.agency_id ";
  sql += "AND ag.tenant_id = ? ORDER BY " + due_order("y");
  params.emplace_back(limit);
  params.emplace_back(offset);
  params.emplace_back(s.tenant_id);
  for (const auto& r : c_.query(sql, params)) out.push_back(due_item(r));
  return out;
}

std::map<std::string, std::int64_t> DueRepository::totals(const Scope& s, const DueFilter& f) const {
  std::map<std::string, std::int64_t> out = {{"terlambat", 0}, {"jatuh_tempo", 0}, {"aman", 0}, {"tanpa_jadwal", 0}};
  if (f.types.empty()) return out;
  storage::Params params;
  std::string sql = "SELECT x.bucket, COUNT(*) FROM (";
  sql += rows_sql(s, f, params);
  sql += ") x GROUP BY x.bucket";
  for (const auto& r : c_.query(sql, params)) out[r.text_at(0)] = r.int_at(1);
  return out;
}

}  // namespace simpul::audit
