// SQL of the audit calendar (GET /api/audit/calendar): the due list's rows selected by the month
// their due date falls in, and the programmes overlapping each month.
#include <cstdio>
#include <string>

#include "audit/due_repository.hpp"

namespace simpul::audit {
namespace {

/// WHERE of the stored rows falling due in `year` (a type without a cadence has no due date).
std::string calendar_in_year(const Scope& s, int year, storage::Params& params) {
  char first[16], last[16];
  std::snprintf(first, sizeof first, "%04d-01-01", year);
  std::snprintf(last, sizeof last, "%04d-12-31", year);
  params.emplace_back(s.tenant_id);
  params.emplace_back(std::string(first));
  params.emplace_back(std::string(last));
  return " WHERE d.tenant_id = ? AND d.due BETWEEN ? AND ?";
}

}  // namespace

std::vector<CalendarCount> DueRepository::calendar_counts(const Scope& s, const DueFilter& f, int year) const {
  std::vector<CalendarCount> out;
  storage::Params params{f.today};
  std::string sql =
      "SELECT d.type, substr(d.due, 6, 2), COUNT(*), SUM(CASE WHEN d.due < ? THEN 1 ELSE 0 END) "
      "FROM audit_due_rows d";
  sql += calendar_in_year(s, year, params);
  sql += stored_filter(f, params);
  sql += " GROUP BY 1, 2 ORDER BY 2, 1";
  for (const auto& r : c_.query(sql, params)) {
    CalendarCount n;
    n.type = r.text_at(0);
    n.month = std::stoi(r.text_at(1));
    n.due = r.int_at(2);
    n.overdue = r.int_at(3);
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<DueItem> DueRepository::calendar_objects(const Scope& s, const DueFilter& f, int year) const {
  std::vector<DueItem> out;
  storage::Params params;
  std::string sql =
      std::string("SELECT ") + kStoredDueColumns +
      " FROM audit_due_rows d LEFT JOIN agencies ag ON ag.id = d.agency_id AND ag.tenant_id = d.tenant_id";
  sql += calendar_in_year(s, year, params);
  sql += stored_filter(f, params);
  sql += std::string(" ORDER BY ") + kStoredDueOrder;
  for (const auto& r : c_.query(sql, params)) out.push_back(due_item(r));
  return out;
}

std::map<std::string, std::int64_t> DueRepository::unscheduled(const Scope& s, const DueFilter& f) const {
  std::map<std::string, std::int64_t> out;
  storage::Params params{s.tenant_id};
  std::string sql = "SELECT d.type, COUNT(*) FROM audit_due_rows d WHERE d.tenant_id = ? AND d.due IS NULL";
  sql += stored_filter(f, params);
  sql += " GROUP BY d.type";
  for (const auto& r : c_.query(sql, params)) out[r.text_at(0)] = r.int_at(1);
  return out;
}

std::vector<CalendarProgramme> DueRepository::calendar_programmes(const Scope& s, const CalendarQuery& q,
                                                                  const std::string& today) const {
  storage::Params params;
  std::string months;
  int m = 1;
  for (const auto& [first, last] : calendar_months(q.year)) {
    months += months.empty() ? "" : " UNION ALL ";
    months += "SELECT CAST(? AS INTEGER) AS m, CAST(? AS TEXT) AS first_day, CAST(? AS TEXT) AS last_day";
    params.emplace_back(static_cast<std::int64_t>(m++));
    params.emplace_back(first);
    params.emplace_back(last);
  }
  std::string sql =
      "SELECT mo.m, p.id, p.type, p.kind, p.title, p.state, p.planned_start, p.planned_end, p.started_on "
      "FROM audit_programmes p JOIN (" +
      months +
      ") mo ON COALESCE(p.started_on, p.planned_start) <= mo.last_day AND "
      "(CASE WHEN p.state = 'dimulai' AND p.planned_end < ? THEN ? ELSE p.planned_end END) >= mo.first_day "
      "WHERE p.tenant_id = ? AND p.state IN ('direncanakan', 'dimulai')";
  params.emplace_back(today);
  params.emplace_back(today);
  params.emplace_back(s.tenant_id);
  if (!q.type.empty()) {
    sql += " AND p.type = ?";
    params.emplace_back(q.type);
  }
  if (!q.agency_id.empty()) {
    // A PD's programmes: those auditing one of its objects.
    sql +=
        " AND EXISTS (SELECT 1 FROM audit_programme_objects o JOIN arch_elements e ON e.id = o.object_id "
        "AND e.tenant_id = o.tenant_id WHERE o.tenant_id = p.tenant_id AND o.programme_id = p.id "
        "AND e.owner_agency_id = ?)";
    params.emplace_back(q.agency_id);
  }
  sql += " ORDER BY mo.m, p.planned_start, p.id";
  std::vector<CalendarProgramme> out;
  for (const auto& r : c_.query(sql, params)) {
    CalendarProgramme x;
    x.month = static_cast<int>(r.int_at(0));
    x.id = r.text_at(1);
    x.type = r.text_at(2);
    x.kind = r.text_at(3);
    x.title = r.text_at(4);
    x.state = r.text_at(5);
    x.planned_start = r.text_at(6);
    x.planned_end = r.text_at(7);
    x.started_on = r.optional_text_at(8);
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace simpul::audit
