// SQL of the audit calendar (GET /api/audit/calendar): the due list's rows selected by the month
// their due date falls in, and the programmes overlapping each month.
#include "audit/due_repository.hpp"

namespace simpul::audit {
namespace {

/// The due date's month as year * 12 + month - 1 (the day is clamped, the month never moves).
std::string calendar_due_month(const std::string& x) {
  return "(CAST(substr(" + x + ".since, 1, 4) AS INTEGER) * 12 + CAST(substr(" + x +
         ".since, 6, 2) AS INTEGER) - 1 + " + x + ".months)";
}

/// WHERE of the rows falling due in `year` (types without a cadence have no due date).
std::string calendar_in_year(int year, storage::Params& params) {
  params.emplace_back(static_cast<std::int64_t>(year) * 12);
  params.emplace_back(static_cast<std::int64_t>(year) * 12 + 11);
  return " WHERE x.months > 0 AND " + calendar_due_month("x") + " BETWEEN ? AND ?";
}

}  // namespace

std::vector<CalendarCount> DueRepository::calendar_counts(const Scope& s, const DueFilter& f, int year) const {
  std::vector<CalendarCount> out;
  if (f.types.empty()) return out;
  storage::Params params;
  std::string sql = "SELECT x.type, " + calendar_due_month("x") +
                    ", COUNT(*), SUM(CASE WHEN x.bucket = 'terlambat' THEN 1 ELSE 0 END) FROM (";
  sql += rows_sql(s, f, params);
  sql += ") x" + calendar_in_year(year, params) + " GROUP BY 1, 2 ORDER BY 2, 1";
  for (const auto& r : c_.query(sql, params)) {
    CalendarCount n;
    n.type = r.text_at(0);
    n.month = static_cast<int>(r.int_at(1) - static_cast<std::int64_t>(year) * 12) + 1;
    n.due = r.int_at(2);
    n.overdue = r.int_at(3);
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<DueItem> DueRepository::calendar_objects(const Scope& s, const DueFilter& f, int year) const {
  std::vector<DueItem> out;
  if (f.types.empty()) return out;
  storage::Params params;
  std::string sql =
      "SELECT x.type, x.object_id, x.object_code, x.object_name, x.object_domain, x.agency_id, "
      "COALESCE(ag.name, ''), x.last_audit, x.since FROM (";
  sql += rows_sql(s, f, params);
  sql += ") x LEFT JOIN agencies ag ON ag.id = x.agency_id AND ag.tenant_id = ?";
  params.emplace_back(s.tenant_id);
  sql += calendar_in_year(year, params);
  sql += " ORDER BY " + calendar_due_month("x") + ", substr(x.since, 9, 2), x.object_code, x.type";
  for (const auto& r : c_.query(sql, params)) out.push_back(due_item(r));
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
