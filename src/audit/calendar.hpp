#pragma once
// The audit calendar (GET /api/audit/calendar): per month of a year and per audit type, the objects
// whose next audit falls due in it and the programmes planned or running in it (docs/ict-audit.md).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "audit/model.hpp"

namespace simpul::audit {

/// One calendar request: the year and the due list's filters.
struct CalendarQuery {
  int year = 0;
  std::string type;       // empty: every audit type
  std::string agency_id;  // empty: every Perangkat Daerah
};

/// Objects of one type falling due in one month, counted by the database.
struct CalendarCount {
  std::string type;
  int month = 0;  // 1-12
  std::int64_t due = 0;
  std::int64_t overdue = 0;  // due before today
};

/// A programme planned or running in a month (its planned or actual start to its planned end).
struct CalendarProgramme {
  int month = 0;  // 1-12
  std::string id, type, kind, title, state, planned_start, planned_end;
  std::optional<std::string> started_on;
};

/// One year of the calendar.
struct Calendar {
  int year = 0;
  std::string today;
  std::vector<CalendarCount> counts;                // cells with at least one object
  std::vector<DueItem> objects;                     // by due date, then code and type
  std::vector<CalendarProgramme> programmes;        // by month, then planned start
  std::map<std::string, std::int64_t> unscheduled;  // type without a cadence -> objects in scope
};

/// First and last day (YYYY-MM-DD) of every month of `year`, January first.
std::vector<std::pair<std::string, std::string>> calendar_months(int year);

}  // namespace simpul::audit
