#pragma once
// SQL of the paged due list (GET /api/audit/due): every object × audit type in scope, its last
// audit and the bucket of its due date, filtered, counted and paged by the database.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "audit/calendar.hpp"
#include "audit/model.hpp"
#include "storage/database.hpp"

namespace simpul::audit {

/// One audit type as the due list reads it: what it covers and the "since" dates that bound its
/// buckets (an object's due date is `months` after its since date, so the buckets are since ranges).
struct DueTypeScope {
  std::string type;
  int months = 0;  // 0: no cadence; every object is in the bucket `tanpa_jadwal`
  bool infrastructure = false;
  std::vector<std::string> application_categories;
  std::vector<std::string> pemda_built_categories;  // in scope only for the ids in `pemda_built_ids`
  std::vector<std::string> pemda_built_ids;         // applications whose recorded builder is the Pemda's
  std::string overdue_before;                       // since < this: due before today (terlambat)
  std::string soon_before;                          // since < this: due on or before the horizon (jatuh_tempo)
};

/// The filters of one due list request; empty `agency_id` matches every PD.
struct DueFilter {
  std::vector<DueTypeScope> types;
  std::vector<std::string> live_stages;  // application lifecycle stages that count as in force
  std::string agency_id;
  std::vector<std::string> buckets;  // terlambat, jatuh_tempo, aman
  int utc_offset_hours = 7;          // the Pemda's time zone (registration date of never-audited objects)
};

class DueRepository {
 public:
  explicit DueRepository(storage::Connection& c) : c_(c) {}
  /// Rows of the filter's buckets, by due date (overdue first), then object code and type; `since`
  /// and `last_audit` are set, the due date is left to the caller (it knows the calendar rule).
  std::vector<DueItem> page(const Scope& s, const DueFilter& f, std::int64_t limit, std::int64_t offset) const;
  /// bucket -> number of rows, every bucket of the filter's types and PD (the bucket filter ignored).
  std::map<std::string, std::int64_t> totals(const Scope& s, const DueFilter& f) const;

  // The audit calendar (calendar_repository.cpp). A due date is `months` after `since` with the day
  // clamped, so its month is the month of `since` plus `months`: the database selects by it.
  /// Objects falling due per type and month of `year`, and how many of them are overdue (bucket terlambat).
  std::vector<CalendarCount> calendar_counts(const Scope& s, const DueFilter& f, int year) const;
  /// The objects falling due in `year` (types with a cadence), by due month, day, code and type.
  std::vector<DueItem> calendar_objects(const Scope& s, const DueFilter& f, int year) const;
  /// Programmes planned (direncanakan) or running (dimulai) in each month of `year`: from their start
  /// (actual, else planned) to their planned end, or to `today` while running past it.
  std::vector<CalendarProgramme> calendar_programmes(const Scope& s, const CalendarQuery& q,
                                                     const std::string& today) const;

 private:
  /// SELECT … every row with its bucket column; appends its parameters.
  std::string rows_sql(const Scope& s, const DueFilter& f, storage::Params& params) const;
  /// A due row as the due list and the calendar select it: type, object id, code, name, domain, PD
  /// id and name, last audit, since.
  static DueItem due_item(const storage::Row& r);
  storage::Connection& c_;
};

}  // namespace simpul::audit
