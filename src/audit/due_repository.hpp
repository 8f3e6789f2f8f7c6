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

/// One audit type as the due list reads it: what it covers and its cadence.
struct DueTypeScope {
  std::string type;
  int months = 0;  // 0: no cadence; every object is in the bucket `tanpa_jadwal`
  bool infrastructure = false;
  std::vector<std::string> application_categories;
  std::vector<std::string> pemda_built_categories;  // in scope only for the ids in `pemda_built_ids`
  std::vector<std::string> pemda_built_ids;         // applications whose recorded builder is the Pemda's
};

/// The profile's audit scopes (every type: the stored due rows cover them all) and what one request
/// reads of the stored rows.
struct DueFilter {
  std::vector<DueTypeScope> types;
  std::vector<std::string> live_stages;  // application lifecycle stages that count as in force
  int utc_offset_hours = 7;              // the Pemda's time zone (registration date of never-audited objects)
  std::string type;                      // empty: every audit type
  std::string agency_id;                 // empty: every PD
  std::string today, horizon;            // terlambat: due before today; jatuh_tempo: today to horizon; aman: after it
  std::vector<std::string> buckets;      // terlambat, jatuh_tempo, aman (a run of neighbours, in this order)
};

/// What the stored due rows depend on in the architecture: the tenant's elements, their number and
/// latest change (every insert, update or delete moves one of them).
struct ElementStamp {
  std::int64_t count = 0;
  std::string latest;  // updated_at of the latest change, "" without elements
};

/// Columns of a stored due row (`d`, audit_due_rows) as the due list and the calendar read it; `ag`
/// is the PD, joined to the rows returned only.
inline constexpr const char* kStoredDueColumns =
    "d.type, d.object_id, d.object_code, d.object_name, d.object_domain, d.agency_id, COALESCE(ag.name, ''), "
    "d.last_audit, d.since, d.due";
/// Their order: by due date, then the day of `since` (rows of one due date: a day clamped to a
/// shorter month keeps its place), object code and type; the indexes of migration 1404 keep it.
inline constexpr const char* kStoredDueOrder = "d.due, d.since_day, d.object_code, d.type";

/// The due list and the calendar read the tenant's object × type rows from `audit_due_rows`, where
/// each row's due date is stored and indexed (migration 1404); `audit_due_stamps` says what they
/// were computed from, so they are recomputed only when that changed (due.cpp).
class DueRepository {
 public:
  explicit DueRepository(storage::Connection& c) : c_(c) {}

  /// Every object × audit type in scope, computed from the architecture's elements and the last
  /// audits (all PDs); `since` and `last_audit` are set, the due date is left to the caller.
  std::vector<DueItem> source_rows(const Scope& s, const DueFilter& f) const;
  ElementStamp element_stamp(const Scope& s) const;
  /// The fingerprint the stored rows were computed for; "" when none or invalidated.
  std::string stored_fingerprint(const Scope& s) const;
  /// Creates the tenant's stamp row if missing and locks it until the transaction ends (PostgreSQL:
  /// concurrent refreshes of one tenant wait for each other; SQLite's write lock already does).
  void lock_stamp(const Scope& s);
  /// Replaces the tenant's stored rows and records their fingerprint.
  void replace(const Scope& s, const std::vector<DueItem>& rows, const std::string& fingerprint);

  /// Rows of the filter's buckets, by due date (overdue first), then the day of `since`, object code
  /// and type: an index range scan of the stored rows.
  std::vector<DueItem> page(const Scope& s, const DueFilter& f, std::int64_t limit, std::int64_t offset) const;
  /// bucket -> number of rows, every bucket of the filter's type and PD (the bucket filter ignored).
  std::map<std::string, std::int64_t> totals(const Scope& s, const DueFilter& f) const;

  // The audit calendar (calendar_repository.cpp), from the same stored rows.
  /// Objects falling due per type and month of `year`, and how many of them are overdue (bucket terlambat).
  std::vector<CalendarCount> calendar_counts(const Scope& s, const DueFilter& f, int year) const;
  /// The objects falling due in `year` (types with a cadence), by due month, day, code and type.
  std::vector<DueItem> calendar_objects(const Scope& s, const DueFilter& f, int year) const;
  /// Objects of the filter's types without a cadence, per type.
  std::map<std::string, std::int64_t> unscheduled(const Scope& s, const DueFilter& f) const;
  /// Programmes planned (direncanakan) or running (dimulai) in each month of `year`: from their start
  /// (actual, else planned) to their planned end, or to `today` while running past it.
  std::vector<CalendarProgramme> calendar_programmes(const Scope& s, const CalendarQuery& q,
                                                     const std::string& today) const;

 private:
  /// " AND d.type = ? AND d.agency_id = ?" as the filter asks; appends its parameters.
  static std::string stored_filter(const DueFilter& f, storage::Params& params);
  /// A stored row as the due list and the calendar select it (kStoredDueColumns).
  static DueItem due_item(const storage::Row& r);
  storage::Connection& c_;
};

}  // namespace simpul::audit
